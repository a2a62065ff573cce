"""``locpipe serve``: the built site on a local address, routed as deployed, and with
``watch`` rebuilt whenever a translator saves a catalog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from locpipe.config import Config
from locpipe.errors import LocpipeError
from locpipe.site.serve import SiteServer, make_server
from locpipe.site.watch import Watcher

# Told after each rebuild: the language whose catalog was saved, and the error, if any.
Rebuilt = Callable[[str, LocpipeError | None], None]


@dataclass
class Serving:
    """A server listening (not yet answering) and, when asked for, a catalog watcher."""

    server: SiteServer
    watcher: Watcher | None
    language_urls: dict[str, str]  # each target language's address

    @property
    def url(self) -> str:
        return self.server.url

    def run(self) -> None:
        """Answer requests until Ctrl-C, then stop watching and close the socket."""
        if self.watcher is not None:
            self.watcher.start()
        try:
            self.server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            if self.watcher is not None:
                self.watcher.stop()
            self.server.server_close()


def serve_site(
    config: Config,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    watch: bool = False,
    use_fuzzy: bool = False,
    rebuilt: Rebuilt | None = None,
) -> Serving:
    """Listen on ``host``:``port`` (0: any free port) for the project's build folder.

    With ``watch``, saving a language's PO file rebuilds the whole site; ``rebuilt``
    is told each time, with the error when the build refused the input.
    """
    server = make_server(config.build_dir, host=host, port=port)
    urls = {lang: f"{server.url}{lang}/" for lang in config.target_langs}
    watcher = None
    if watch:
        watcher = Watcher(
            {lang: config.po_path(lang) for lang in config.target_langs},
            lambda lang: _rebuild(config, lang, use_fuzzy, rebuilt),
        )
    return Serving(server=server, watcher=watcher, language_urls=urls)


def _rebuild(config: Config, lang: str, use_fuzzy: bool, rebuilt: Rebuilt | None) -> None:
    from locpipe.commands.build import build_project

    error = None
    try:
        build_project(config, use_fuzzy=use_fuzzy)
    except LocpipeError as refused:
        error = refused
    if rebuilt is not None:
        rebuilt(lang, error)
