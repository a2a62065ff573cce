"""Localized builds of real exports for the whole-site tests, made through the CLI."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.cli.helpers import run
from tests.conftest import REPO

SITES = REPO.parent / "shared" / "tilda-sites"


@dataclass(frozen=True)
class SiteCase:
    name: str
    source_lang: str
    target_lang: str
    hosts: frozenset[str]  # the site's own public host names

    @property
    def export(self) -> Path:
        return REPO / "source" if self.name == "example" else SITES / self.name


CASES = (
    SiteCase("example", "en", "ru", frozenset({"apogee-desk.example"})),
    SiteCase("smurphy", "en", "ru", frozenset({"smurphy.net"})),
    SiteCase("dvbfond", "ru", "en", frozenset({"dvbfond.tilda.ws"})),
)


def build_case(case: SiteCase, folder: Path) -> Path:
    """extract -> translate (pseudo) -> build --fuzzy on a copy of the export; ``build/``."""
    shutil.copytree(case.export, folder / "source")
    (folder / "locpipe.toml").write_text(
        f'source_lang = "{case.source_lang}"\ntarget_langs = ["{case.target_lang}"]\n'
    )
    for args in (["extract"], ["translate", "--engine", "pseudo"], ["build", "--fuzzy"]):
        result = run(folder, *args)
        assert result.exit_code == 0, result.output
    return folder / "build"
