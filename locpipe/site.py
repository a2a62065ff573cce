"""``locpipe build``: the deployable site, one folder per language.

``build/`` holds the source-language site at its root and each target language
in ``build/<lang>/``. Pages are rebuilt from their original bytes plus a lookup
of translations (see ``locpipe.html.splice``); the only other edits are the
ones the spec allows: ``<html lang dir>``, hreflang alternates, ``og:locale``,
the canonical and ``og:url`` addresses, and links between the site's pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from locpipe.catalog.catalog import Catalog
from locpipe.extract import PAGE_SUFFIXES
from locpipe.fsutil import atomic_write_bytes
from locpipe.model import AttrValue, Edit, Page, Segment


@dataclass(frozen=True)
class Rejected:
    """A msgstr the build refused (it would inject markup); the source text was used."""

    lang: str
    page: str
    line: int
    msgid: str
    reason: str


@dataclass
class LanguageBuild:
    lang: str
    folder: str  # relative to the build folder: "" for the source language
    pages: int = 0
    segments: int = 0
    translated: int = 0  # segments written in the target language
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class BuildResult:
    build_dir: Path
    languages: list[LanguageBuild] = field(default_factory=list)
    assets: int = 0
    removed: int = 0


@dataclass(frozen=True)
class SiteLanguages:
    """The languages of the built site: the source one first."""

    source: str
    targets: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.source, *self.targets)

    def folder(self, lang: str) -> str:
        return "" if lang == self.source else lang


Lookup = Callable[[Segment], str | None]
Progress = Callable[[str], None]


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
    pages: list[Page],
    source_dir: Path,
    build_dir: Path,
    languages: SiteLanguages,
    catalogs: dict[str, Catalog | None],
    *,
    use_fuzzy: bool = False,
    site_url: str | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Write every language version of every page, and the assets beside them."""
    result = BuildResult(build_dir=build_dir)
    written: set[Path] = set()
    site_paths = {page.path for page in pages}
    for lang in languages.all:
        folder = languages.folder(lang)
        lookup = catalog_lookup(catalogs.get(lang), use_fuzzy=use_fuzzy)
        stats = LanguageBuild(lang=lang, folder=folder)
        for page in pages:
            if progress is not None:
                progress(f"{folder}/{page.path}" if folder else page.path)
            data = localize_page(page, lang, languages, lookup, site_paths, site_url, stats)
            target = build_dir / folder / page.path
            atomic_write_bytes(target, data)
            written.add(target)
            stats.pages += 1
        result.languages.append(stats)
        result.assets += _copy_assets(source_dir, build_dir / folder, written)
    result.removed = _remove_stale(build_dir, written)
    return result


def localize_page(
    page: Page,
    lang: str,
    languages: SiteLanguages,
    lookup: Lookup,
    site_paths: set[str],
    site_url: str | None,
    stats: LanguageBuild,
) -> bytes:
    from locpipe.html.splice import apply_edits, translation_edits

    other_edits = language_edits(page, lang, languages, site_paths, site_url)
    lookup_for_lang = lookup if lang != languages.source else _keep_source
    spliced = translation_edits(page, lookup_for_lang, extra=other_edits)
    stats.segments += len(page.segments)
    stats.translated += spliced.translated
    stats.rejected.extend(
        Rejected(lang, page.path, r.segment.line, r.segment.msgid, r.reason)
        for r in spliced.rejected
    )
    return apply_edits(page.data, spliced.edits)


def _keep_source(segment: Segment) -> str | None:
    return None


def language_edits(
    page: Page,
    lang: str,
    languages: SiteLanguages,
    site_paths: set[str],
    site_url: str | None,
) -> list[Edit]:
    """Every edit besides translated text: lang/dir, alternates, og:locale, addresses, links."""
    anchors = page.anchors
    edits = _html_tag_edits(page, lang)
    if anchors.head_end is not None:
        alternates = _alternates(page, languages, site_url)
        edits.append(Edit(anchors.head_end, anchors.head_end, alternates.encode("ascii")))
    if anchors.og_locale is not None:
        edits.append(_replace(anchors.og_locale, og_locale(lang)))
    if lang == languages.source:
        return edits
    for address in (anchors.canonical, anchors.og_url):
        if address is not None:
            edits.extend(_prefix_edit(address, lang))
    for link in anchors.links:
        if _links_site_page(link.value, page.path, site_paths, anchors.canonical):
            edits.extend(_prefix_edit(link, lang))
    return edits


def _html_tag_edits(page: Page, lang: str) -> list[Edit]:
    anchors = page.anchors
    if anchors.html_tag_end is None:
        return []
    edits = []
    code = html_lang(lang)
    if anchors.html_lang is not None:
        if anchors.html_lang.value != code:
            edits.append(_replace(anchors.html_lang, code))
    else:
        edits.append(Edit(anchors.html_tag_end, anchors.html_tag_end, f' lang="{code}"'.encode()))
    direction = text_direction(lang)
    if anchors.html_dir is not None:
        if anchors.html_dir.value.lower() != direction:
            edits.append(_replace(anchors.html_dir, direction))
    elif direction == "rtl":
        edits.append(Edit(anchors.html_tag_end, anchors.html_tag_end, b' dir="rtl"'))
    return edits


def _replace(attr: AttrValue, value: str) -> Edit:
    quoted = value if attr.quote else f'"{value}"'
    return Edit(attr.start, attr.end, quoted.encode("ascii"))


def _alternates(page: Page, languages: SiteLanguages, site_url: str | None) -> str:
    hrefs = _alternate_hrefs(page, languages, site_url)
    source_href = hrefs[0][1]  # the source language comes first: it is the x-default
    return "".join(
        f'<link rel="alternate" hreflang="{code}" href="{_escape_attr(href)}" />'
        for code, href in [
            *((html_lang(lang), href) for lang, href in hrefs),
            ("x-default", source_href),
        ]
    )


def _alternate_hrefs(
    page: Page, languages: SiteLanguages, site_url: str | None
) -> list[tuple[str, str]]:
    canonical = page.anchors.canonical
    hrefs = []
    for lang in languages.all:
        folder = languages.folder(lang)
        if canonical is not None and urlsplit(canonical.value).netloc:
            href = prefix_url(canonical.value, folder) if folder else canonical.value
        elif site_url:
            href = "/".join(p for p in (site_url.rstrip("/"), folder, page.path) if p)
        else:
            href = _root_path(page.path, folder)
        hrefs.append((lang, href))
    return hrefs


def _root_path(page_path: str, folder: str) -> str:
    """The address of a page from the site root, when the site's own address is unknown."""
    return (
        "/" + (PurePosixPath(folder, page_path) if folder else PurePosixPath(page_path)).as_posix()
    )


def _prefix_edit(attr: AttrValue, lang: str) -> list[Edit]:
    """Insert ``/lang`` at the start of the path of an absolute or root-relative URL."""
    value = attr.value
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        offset = len(f"{parts.scheme}://{parts.netloc}")
    elif value.startswith("/") and not value.startswith("//"):
        offset = 0
    else:
        return []
    path = value[offset:]
    if path.startswith(f"/{lang}/") or path == f"/{lang}":
        return []
    # Scheme and host are ASCII, so the decoded and raw offsets agree up to the path.
    position = attr.start + len(value[:offset].encode("utf-8"))
    return [Edit(position, position, f"/{lang}".encode("ascii"))]


def prefix_url(url: str, folder: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return (
        f"{parts.scheme}://{parts.netloc}/{folder}{path}"
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def _links_site_page(
    href: str, page_path: str, site_paths: set[str], canonical: AttrValue | None
) -> bool:
    """Whether an href points at a page of this site by an absolute path or address."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        site_host = urlsplit(canonical.value).netloc if canonical is not None else ""
        if not site_host or parts.netloc != site_host or parts.scheme not in ("http", "https"):
            return False
    elif not href.startswith("/") or href.startswith("//"):
        return False  # relative links already stay inside the language folder
    return resolve_page(parts.path, site_paths) is not None


def resolve_page(url_path: str, site_paths: set[str]) -> str | None:
    """The page a root path names: ``/`` -> index.html, ``/about`` -> about.html."""
    stem = url_path.strip("/")
    candidates = [stem, f"{stem}.html", f"{stem}.htm", f"{stem}/index.html".lstrip("/")]
    if not stem:
        candidates = ["index.html", "index.htm"]
    return next((c for c in candidates if c in site_paths), None)


def html_lang(locale: str) -> str:
    """BCP 47 spelling of a locale code: pt_BR -> pt-BR."""
    return locale.replace("_", "-")


def text_direction(locale: str) -> str:
    from babel import Locale

    return "rtl" if Locale.parse(locale).text_direction == "rtl" else "ltr"


def og_locale(locale: str) -> str:
    """Open Graph locale (language_TERRITORY): ru -> ru_RU, pt_BR -> pt_BR."""
    from babel import Locale
    from babel.core import get_global

    parsed = Locale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    likely = Locale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{likely.territory}" if likely.territory else parsed.language


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _copy_assets(source_dir: Path, target_dir: Path, written: set[Path]) -> int:
    """Copy every file but the pages, so css/js/images resolve in each language folder."""
    copied = 0
    for path in _asset_files(source_dir):
        target = target_dir / path.relative_to(source_dir)
        written.add(target)
        if target.exists() and _same_file(path, target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        copied += 1
    return copied


def _asset_files(source_dir: Path) -> Iterable[Path]:
    for path in sorted(source_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() not in PAGE_SUFFIXES:
            yield path


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
