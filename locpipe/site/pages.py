"""One page in one language: translated text plus the edits the spec allows, and no others.

Besides the text (``locpipe.html.splice``), a localized page gets: ``lang`` and ``dir``
on ``<html>``, hreflang alternates in ``<head>``, ``og:locale``, the canonical and
``og:url`` addresses, the links between the site's pages (``links``),
``data-tilda-project-lang`` on ``#allrecords`` and, when configured, locpipe's own
language switcher before ``</body>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from locpipe.model import AttrValue, Edit, Page, Segment
from locpipe.site.context import SiteContext, base_of
from locpipe.site.languages import html_lang, og_locale, text_direction, tilda_lang
from locpipe.site.links import link_edits
from locpipe.site.routing import localized_address
from locpipe.site.switcher import switcher_html

Lookup = Callable[[Segment], str | None]


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


def localize_page(
    page: Page, lang: str, site: SiteContext, lookup: Lookup, stats: LanguageBuild
) -> bytes:
    from locpipe.html.splice import apply_edits, translation_edits

    other_edits = language_edits(page, lang, site)
    lookup_for_lang = lookup if lang != site.languages.source else _keep_source
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


def language_edits(page: Page, lang: str, site: SiteContext) -> list[Edit]:
    """Every edit besides translated text: lang/dir, alternates, addresses, links, switcher."""
    anchors = page.anchors
    edits = _html_tag_edits(page, lang)
    edits.extend(_project_lang_edits(page, lang))
    if anchors.head_end is not None:
        edits.append(Edit(anchors.head_end, anchors.head_end, alternates(page, site)))
    if anchors.og_locale is not None:
        edits.append(_replace(anchors.og_locale, og_locale(lang)))
    edits.extend(link_edits(page, lang, site))
    if site.switcher and anchors.body_end is not None:
        html = switcher_html(page.path, lang, site)
        edits.append(Edit(anchors.body_end, anchors.body_end, html.encode(page.encoding)))
    folder = site.languages.folder(lang)
    if folder:
        for address in (anchors.canonical, anchors.og_url):
            if address is not None:
                edits.extend(_address_edit(page, address, lang, site))
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


def _project_lang_edits(page: Page, lang: str) -> list[Edit]:
    """``data-tilda-project-lang``: Tilda's scripts pick their dictionaries by it."""
    anchors = page.anchors
    code = tilda_lang(lang)
    if anchors.project_lang is not None:
        return [] if anchors.project_lang.value == code else [_replace(anchors.project_lang, code)]
    if anchors.allrecords_tag_end is None:
        return []
    position = anchors.allrecords_tag_end
    return [Edit(position, position, f' data-tilda-project-lang="{code}"'.encode())]


def _replace(attr: AttrValue, value: str) -> Edit:
    quoted = value if attr.quote else f'"{value}"'
    return Edit(attr.start, attr.end, quoted.encode("ascii"))


def alternates(page: Page, site: SiteContext) -> bytes:
    """``<link rel="alternate" hreflang>`` for every language and ``x-default``."""
    hrefs = alternate_hrefs(page, site)
    entries = [*((html_lang(lang), href) for lang, href in hrefs), ("x-default", hrefs[0][1])]
    return "".join(
        f'<link rel="alternate" hreflang="{code}" href="{escape(href)}" />'
        for code, href in entries
    ).encode("ascii", "xmlcharrefreplace")


def alternate_hrefs(page: Page, site: SiteContext) -> list[tuple[str, str]]:
    """The address of ``page`` in every language, the source first: absolute when known."""
    canonical = page.anchors.canonical
    base = (base_of(canonical.value) if canonical is not None else None) or site.base_url or ""
    path = _public_path(page, site)
    return [
        (lang, base + localized_address(path, site.languages.folder(lang)))
        for lang in site.languages.all
    ]


def _public_path(page: Page, site: SiteContext) -> str:
    """The page's address: its slug or ``/``; else its canonical's path if served; else its file."""
    address = site.routing.address(page.path)
    canonical = page.anchors.canonical
    if address == f"/{page.path}" and canonical is not None:
        path = "/" + urlsplit(canonical.value.strip()).path.lstrip("/")  # "01" is from the root
        if site.routing.page_at(path) == page.path:
            return path
    return address


def _address_edit(page: Page, attr: AttrValue, lang: str, site: SiteContext) -> list[Edit]:
    """The canonical or ``og:url`` of the page, in ``lang``: the address the site serves."""
    base = base_of(attr.value)
    if base is None and not attr.value.startswith("/"):
        return []
    path = _public_path(page, site)
    address = (base or "") + localized_address(path, site.languages.folder(lang))
    return [Edit(attr.start, attr.end, escape(address).encode(page.encoding, "xmlcharrefreplace"))]
