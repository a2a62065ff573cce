from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from locpipe.commands.build import build_project
from locpipe.commands.preview import preview_project
from locpipe.config import load_config
from locpipe.errors import ConfigError


def test_preview_refuses_a_language_not_in_the_settings(example_project: Path) -> None:
    with pytest.raises(ConfigError, match="de is not among target_langs"):
        preview_project(load_config(example_project), ["de"])


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium")
def test_preview_shoots_the_asked_page_in_each_language(example_project: Path) -> None:
    config = load_config(example_project)
    build_project(config, use_fuzzy=False)
    result = preview_project(config, pages=["index.html"])
    assert [(shot.lang, shot.page) for shot in result.pages] == [("ru", "index.html")]
    assert all(shot.image for shot in result.pages)
