"""``locpipe serve --watch``: notice when a translator saves a PO file.

Polling, not inotify: it works the same on every system and in every editor (most save
by writing a new file and renaming it), and a second is quick enough for a person.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path


class Watcher:
    """Calls ``changed(lang)`` from its own thread when ``lang``'s file changes."""

    def __init__(
        self,
        files: Mapping[str, Path],
        changed: Callable[[str], None],
        interval: float = 1.0,
    ) -> None:
        self.files = dict(files)
        self.changed = changed
        self.interval = interval
        self._seen = {lang: _stamp(path) for lang, path in self.files.items()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def poll(self) -> list[str]:
        """The languages whose file changed since the last poll."""
        changed = []
        for lang, path in self.files.items():
            stamp = _stamp(path)
            if stamp != self._seen[lang]:
                self._seen[lang] = stamp
                changed.append(lang)
        return changed

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for lang in self.poll():
                self.changed(lang)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
