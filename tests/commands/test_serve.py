from __future__ import annotations

import threading
import urllib.request
from pathlib import Path

import pytest

from locpipe.commands.build import build_project
from locpipe.commands.serve import serve_site
from locpipe.config import load_config
from locpipe.errors import LocpipeError


def test_serving_answers_each_language_until_shut_down(example_project: Path) -> None:
    config = load_config(example_project)
    build_project(config, use_fuzzy=False)
    serving = serve_site(config, port=0)
    assert serving.watcher is None
    assert serving.language_urls == {"ru": f"{serving.url}ru/"}
    thread = threading.Thread(target=serving.run)
    thread.start()
    try:
        with urllib.request.urlopen(serving.language_urls["ru"], timeout=10) as response:
            assert 'lang="ru"' in response.read().decode()
    finally:
        serving.server.shutdown()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_nothing_built_yet_is_refused(example_project: Path) -> None:
    with pytest.raises(LocpipeError, match="nothing built yet"):
        serve_site(load_config(example_project), port=0)


def test_a_saved_catalog_rebuilds_the_site_and_says_so(example_project: Path) -> None:
    config = load_config(example_project)
    build_project(config, use_fuzzy=False)
    told: list[tuple[str, LocpipeError | None]] = []
    serving = serve_site(config, port=0, watch=True, rebuilt=lambda *args: told.append(args))
    serving.server.server_close()
    assert serving.watcher is not None
    (config.build_dir / "ru" / "index.html").unlink()
    serving.watcher.changed("ru")
    assert told == [("ru", None)]
    assert (config.build_dir / "ru" / "index.html").is_file()
    config.po_path("ru").write_text('msgid "Broken\n')
    serving.watcher.changed("ru")
    lang, error = told[-1]
    assert lang == "ru"
    assert error is not None
    assert error.path == config.po_path("ru")
