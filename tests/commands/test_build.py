from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.commands.build import build_project, load_catalogs
from locpipe.config import load_config
from locpipe.errors import ConfigError


def test_build_writes_the_source_and_each_language(example_project: Path) -> None:
    config = load_config(example_project)
    seen: list[str] = []
    outcome = build_project(config, use_fuzzy=False, progress=seen.append)
    assert outcome.errors == []
    assert outcome.result.build_dir == config.build_dir
    source, ru = outcome.result.languages
    assert (source.lang, source.folder, ru.lang, ru.folder) == ("en", "", "ru", "ru")
    assert ru.pages == source.pages == 3
    assert ru.translated == ru.segments > 0
    assert {"about.html", "index.html"} <= set(seen)
    assert (config.build_dir / "ru" / "index.html").is_file()


def test_build_without_a_catalog_writes_the_source_text(fresh_project: Path) -> None:
    config = load_config(fresh_project)
    assert load_catalogs(config, ["ru"]) == {"ru": None}
    [_, ru] = build_project(config, ["ru"], use_fuzzy=True).result.languages
    assert (ru.translated, ru.pages) == (0, 3)
    source = (config.source_dir / "about.html").read_bytes()
    assert b'lang="ru"' in (config.build_dir / "ru" / "about.html").read_bytes()
    assert b'lang="ru"' not in source


def test_build_refuses_a_language_not_in_the_settings(example_project: Path) -> None:
    with pytest.raises(ConfigError, match="de is not among target_langs"):
        build_project(load_config(example_project), ["de"], use_fuzzy=False)
    assert not (example_project / "build").exists()
