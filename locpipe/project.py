"""Commands as functions of a project: the CLI calls these, and so can any program.

Each function takes the settings (``Config``), does the work, and returns plain
values; bad input raises a ``LocpipeError``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from locpipe.catalog.catalog import Catalog
from locpipe.config import Config
from locpipe.errors import LocpipeError
from locpipe.extract import (
    PageTally,
    ScanResult,
    build_template,
    owner_rules,
    read_pages,
    same_messages,
)
from locpipe.lock import project_lock
from locpipe.mt.packages import PackageInfo
from locpipe.site import BuildOptions, BuildResult, SiteLanguages, build_site
from locpipe.translate import (
    ProgressAdvance,
    ProgressStart,
    TranslateSummary,
    read_catalog,
    translate_catalog,
    write_catalog,
)

if TYPE_CHECKING:
    from locpipe.html.owner import Exclusion

Progress = Callable[[str], None]


@dataclass
class ExtractOutcome:
    pages: int
    segments: int
    entries: int
    changed: bool  # the template on disk differs (or differed) from the site
    errors: list[LocpipeError] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)  # what [extract] exclude left out


@dataclass
class BuildOutcome:
    result: BuildResult
    errors: list[LocpipeError] = field(default_factory=list)


def extract_project(
    config: Config, *, now: datetime, write: bool = True, progress: Progress | None = None
) -> ExtractOutcome:
    """Scan the site and write the template, unless it already says the same."""
    found = ScanResult()
    tally = PageTally()
    pages = read_pages(config.source_dir, found, progress, anchors=False, rules=owner_rules(config))
    template = build_template(tally.count(pages), config, now)
    path = config.template_path
    old = read_catalog(path) if path.exists() else None
    changed = old is None or not same_messages(old, template)
    if changed and write:
        with project_lock(config.state_dir):
            write_catalog(path, template)
    return ExtractOutcome(
        pages=tally.pages,
        segments=tally.segments,
        entries=len(template),
        changed=changed,
        errors=found.errors,
        exclusions=found.exclusions,
    )


def translate_project(
    config: Config,
    lang: str,
    *,
    now: datetime,
    on_start: ProgressStart | None = None,
    on_advance: ProgressAdvance | None = None,
) -> TranslateSummary:
    """Merge the template into ``lang``'s PO and pre-fill its empty entries."""
    from locpipe.engines import engine_for

    template_path = config.template_path
    if not template_path.exists():
        raise LocpipeError("no template yet", path=template_path, hint="run locpipe extract first")
    template = read_catalog(template_path)
    with project_lock(config.state_dir):
        return translate_catalog(
            template,
            config.po_path(lang),
            lang,
            lambda: engine_for(config, config.source_lang, lang),
            checkpoint_every=config.engine.checkpoint_every,
            now=now,
            on_start=on_start,
            on_advance=on_advance,
        )


def load_catalogs(config: Config, langs: list[str]) -> dict[str, Catalog | None]:
    """Each language's PO, or None where there is none yet."""
    return {
        lang: read_catalog(config.po_path(lang)) if config.po_path(lang).exists() else None
        for lang in langs
    }


def build_project(
    config: Config, langs: list[str], *, use_fuzzy: bool, progress: Progress | None = None
) -> BuildOutcome:
    """Rebuild every page for the source language and each of ``langs``, one page at a time."""
    catalogs = load_catalogs(config, langs)
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
            SiteLanguages(config.source_lang, tuple(langs)),
            catalogs,
            options,
            progress=progress,
        )
    return BuildOutcome(result=result, errors=result.errors)


@dataclass(frozen=True)
class PackageSettings:
    """Where Argos packages live and where new ones come from."""

    packages_dir: Path
    index_url: str | None = None


def package_settings(root: Path) -> PackageSettings:
    """The project's package settings; outside a project, Argos' own defaults."""
    from locpipe.config import NoProjectError, load_config
    from locpipe.mt.packages import default_packages_dir

    try:
        config = load_config(root)
    except NoProjectError:
        return PackageSettings(default_packages_dir())
    argos = config.engine.settings("argos")
    folder = argos.packages_dir
    return PackageSettings(
        packages_dir=(config.root / folder).resolve() if folder else default_packages_dir(),
        index_url=argos.index_url,
    )


def install_model(
    settings: PackageSettings,
    what: list[str],
    progress: Callable[[int, int | None], None] | None = None,
) -> PackageInfo:
    """Install from an ``.argosmodel`` file, or a FROM TO pair from the package index."""
    from locpipe.mt.packages import install_file, install_pair

    if len(what) == 1:
        return install_file(Path(what[0]), settings.packages_dir)
    if len(what) == 2:
        return install_pair(
            what[0], what[1], settings.packages_dir, settings.index_url, progress=progress
        )
    raise LocpipeError(
        "install takes one package FILE, or two language codes FROM TO",
        hint="for example: locpipe models install en ru",
    )
