from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.commands.report import report_project
from locpipe.config import load_config
from locpipe.errors import ConfigError


def test_report_is_written_where_asked(example_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    assert report_project(load_config(example_project), out=out) == out
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "locales/ru/LC_MESSAGES/site.po" in html


def test_report_refuses_a_language_not_in_the_settings(example_project: Path) -> None:
    with pytest.raises(ConfigError, match="de is not among target_langs"):
        report_project(load_config(example_project), ["de"])
