from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.commands.check import check_project
from locpipe.config import load_config
from locpipe.errors import CatalogError
from tests.commands.helpers import settings


def test_the_example_passes_its_gate(example_project: Path) -> None:
    report = check_project(load_config(example_project))
    assert report.passed
    [stats] = report.stats
    assert (stats.lang, stats.percent, stats.fuzzy) == ("ru", 100.0, 0)


def test_a_language_under_the_gate_fails_it(example_project: Path) -> None:
    po = example_project / "locales" / "ru" / "LC_MESSAGES" / "site.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#: ", "#, fuzzy\n#: ", 1), "utf-8")
    report = check_project(settings(example_project, ""), ["ru"])
    assert not report.passed
    assert "max-fuzzy" in {finding.check for finding in report.findings}


def test_a_language_with_no_catalog_says_what_to_do(fresh_project: Path) -> None:
    with pytest.raises(CatalogError, match="no catalog for ru"):
        check_project(load_config(fresh_project))
