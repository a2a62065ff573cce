"""``locpipe build``: the source language at the root of the build folder, and one
folder per target language, rebuilt from the original bytes one page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from locpipe.catalog.catalog import Catalog
from locpipe.commands._catalog_files import read_catalog
from locpipe.config import Config, select_langs
from locpipe.errors import LocpipeError
from locpipe.lock import project_lock
from locpipe.site import BuildOptions, BuildResult, SiteLanguages, build_site
from locpipe.source_pages import Progress, owner_rules


@dataclass
class BuildOutcome:
    result: BuildResult
    errors: list[LocpipeError] = field(default_factory=list)


def load_catalogs(config: Config, langs: Sequence[str]) -> dict[str, Catalog | None]:
    """Each language's PO, or None where there is none yet."""
    return {
        lang: read_catalog(config.po_path(lang)) if config.po_path(lang).exists() else None
        for lang in langs
    }


def build_project(
    config: Config,
    langs: Sequence[str] | None = None,
    *,
    use_fuzzy: bool,
    progress: Progress | None = None,
) -> BuildOutcome:
    """Rebuild every page for the source language and each of ``langs`` (default: all)."""
    chosen = select_langs(config, langs)
    catalogs = load_catalogs(config, chosen)
    options = BuildOptions(
        use_fuzzy=use_fuzzy,
        site_url=config.site_url,
        switcher=config.site.switcher,
        rules=owner_rules(config),
    )
    with project_lock(config.state_dir):
        result = build_site(
            config.source_dir,
            config.build_dir,
            SiteLanguages(config.source_lang, chosen),
            catalogs,
            options,
            progress=progress,
        )
    return BuildOutcome(result=result, errors=result.errors)
