"""``locpipe build``: the deployable site, one folder per language, one page at a time.

``build/`` holds the source-language site at its root and each target language in
``build/<lang>/``. A page is read, rebuilt in every language from its original
bytes plus a lookup of translations, written, and dropped before the next one, so
memory does not grow with the site. Files that are not pages follow
``outputs.FILE_RULES``; the routing file and the sitemap are rewritten so that every
language is served and listed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from locpipe.catalog.catalog import Catalog
from locpipe.errors import LocpipeError
from locpipe.fsutil import atomic_write_bytes
from locpipe.model import Segment
from locpipe.site.export import SiteSource, read_site_source
from locpipe.site.languages import SiteLanguages
from locpipe.site.outputs import Placement, rule_for
from locpipe.site.pages import LanguageBuild, Lookup, localize_page
from locpipe.source_pages import PAGE_SUFFIXES, ScanResult, read_pages

if TYPE_CHECKING:  # html/ is imported when pages are read
    from locpipe.html.owner import OwnerRules

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    build_dir: Path
    languages: list[LanguageBuild] = field(default_factory=list)
    assets: int = 0
    removed: int = 0
    errors: list[LocpipeError] = field(default_factory=list)  # pages that could not be read
    warnings: list[LocpipeError] = field(default_factory=list)  # files copied, not localized


@dataclass(frozen=True)
class BuildOptions:
    use_fuzzy: bool = False
    site_url: str | None = None
    switcher: bool = False
    rules: OwnerRules | None = None  # the owner's [extract] rules: excluded text stays as it is


def catalog_lookup(catalog: Catalog | None, *, use_fuzzy: bool) -> Lookup:
    """msgstr for a segment: reviewed translations, and fuzzy drafts only when asked.

    The lookup remembers the msgstrs it has checked: make one per build and language.
    """
    from locpipe.html.splice import CheckedLookup

    def lookup(segment: Segment) -> str | None:
        if catalog is None:
            return None
        message = catalog.get(segment.msgid)
        if message is None or not message.msgstr:
            return None
        if message.fuzzy and not use_fuzzy:
            return None
        return message.msgstr

    return CheckedLookup(lookup)


def build_site(
    source_dir: Path,
    build_dir: Path,
    languages: SiteLanguages,
    catalogs: dict[str, Catalog | None],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Write every language version of every page, and the other files beside them.

    Bad routing (a slug that is a language folder) is an error before anything is written.
    """
    options = options or BuildOptions()
    source = read_site_source(source_dir, languages, options.site_url, options.switcher)
    result = BuildResult(build_dir=build_dir, warnings=list(source.warnings))
    written: set[Path] = set()
    stats = {lang: LanguageBuild(lang, languages.folder(lang)) for lang in languages.all}
    lookups = {
        lang: catalog_lookup(catalogs.get(lang), use_fuzzy=options.use_fuzzy)
        for lang in languages.all
    }
    found = ScanResult()
    for page in read_pages(source_dir, found, notes=False, rules=options.rules):
        for lang in languages.all:
            folder = languages.folder(lang)
            if progress is not None:
                progress(f"{folder}/{page.path}" if folder else page.path)
            data = localize_page(page, lang, source.site, lookups[lang], stats[lang])
            target = build_dir / folder / page.path
            atomic_write_bytes(target, data)
            written.add(target)
            stats[lang].pages += 1
    result.errors = found.errors
    result.languages = list(stats.values())
    result.assets = _write_other_files(source, build_dir, written)
    result.removed = _remove_stale(build_dir, written)
    return result


def _write_other_files(source: SiteSource, build_dir: Path, written: set[Path]) -> int:
    """Copy or rewrite every file that is not a page, each by its rule."""
    copied = 0
    folders = [source.languages.folder(lang) for lang in source.languages.all]
    for relative, data in source.rewritten.items():
        target = build_dir / relative
        atomic_write_bytes(target, data)
        written.add(target)
    for path in _other_files(source.source_dir):
        relative = path.relative_to(source.source_dir).as_posix()
        if relative in source.rewritten_inputs:
            continue
        placement = rule_for(relative).placement
        # A routing file locpipe could not read is copied unchanged, as any other file.
        everywhere = placement in (Placement.EVERY_LANGUAGE, Placement.ROUTING)
        for folder in folders if everywhere else [""]:
            copied += _copy(path, build_dir / folder / relative, written)
    return copied


def _other_files(source_dir: Path) -> Iterator[Path]:
    for path in sorted(source_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() not in PAGE_SUFFIXES:
            yield path


def _copy(path: Path, target: Path, written: set[Path]) -> int:
    written.add(target)
    if target.exists() and _same_file(path, target):
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    return 1


def _same_file(a: Path, b: Path) -> bool:
    sa, sb = a.stat(), b.stat()
    return sa.st_size == sb.st_size and int(sa.st_mtime) == int(sb.st_mtime)


def _remove_stale(build_dir: Path, written: set[Path]) -> int:
    """Remove files an earlier build wrote for pages or assets that no longer exist."""
    removed = 0
    for path in sorted(build_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in written:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
