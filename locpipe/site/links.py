"""Links between the site's pages on a localized page, and language-switcher links.

A link leads to a page of the site when it names one by slug, file name, the
bare ``/`` or the site's own absolute address; on a localized page it gets the
language folder inserted before its path (query and fragment stay). A link to
a language folder (``/en``, Tilda's T228 ``…__right_langs_lang``), or to the
start page with a language's name or code as its text (the switcher's entry
for the source language), is a switcher link: it leads to the same page in
that language and carries ``hreflang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from locpipe.model import AttrValue, Edit, Page
from locpipe.site.context import SiteContext
from locpipe.site.languages import html_lang, names_of

# The rest of a start tag after an attribute value, quotes respected; then its first text.
_TAG_REST = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>([^<]{0,64})""")


@dataclass(frozen=True)
class LinkTarget:
    page: str  # the page linked
    lang: str | None  # the language switched to; None: the page's own language


def link_edits(page: Page, lang: str, site: SiteContext) -> list[Edit]:
    """The edits that keep every site link of ``page`` inside ``lang``."""
    edits: list[Edit] = []
    site = site.with_hosts(page.anchors.canonical, page.anchors.og_url)
    source_names = names_of(site.languages.source)
    for link in page.anchors.links:
        target = link_target(link.value, page.path, site)
        if (
            target is not None
            and target.lang is None
            and target.page == site.routing.start_page
            and _link_text(page.data, link, page.encoding) in source_names
        ):
            target = LinkTarget(page.path, site.languages.source)
        if target is None:
            continue
        if target.lang is None:
            edits.extend(_prefix_edit(page, link, site.languages.folder(lang)))
        else:
            edits.extend(_switch_edits(page, link, site.address(target.page, target.lang)))
            edits.extend(_hreflang_edit(page, link, target.lang))
    return edits


def link_target(href: str, page_path: str, site: SiteContext) -> LinkTarget | None:
    """What a link leads to, when it is a page of the site or a language version of one."""
    path = _site_path(href, site)
    if path is None:
        return None
    first, _, rest = path.lstrip("/").partition("/")
    lang = site.languages.by_folder(first)
    if lang is not None:
        linked = site.routing.page_at("/" + rest, loose=True) if rest else page_path
        return LinkTarget(linked or page_path, lang)
    linked = site.routing.page_at(path, loose=True)
    return LinkTarget(linked, None) if linked is not None else None


def _site_path(href: str, site: SiteContext) -> str | None:
    """The URL path of a link to this site (root-relative or absolute), else None."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() not in ("http", "https") or not site.is_own_host(parts.netloc):
            return None
        return unquote(parts.path) or "/"
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None  # relative links already stay inside the language folder
    return unquote(parts.path)


def _link_text(data: bytes, link: AttrValue, encoding: str) -> str:
    """The text right after the link's start tag, for telling switcher entries apart."""
    match = _TAG_REST.match(data, link.end + len(link.quote))
    if match is None:
        return ""
    return match.group(1).decode(encoding, "replace").strip().casefold()


def _raw(page: Page, link: AttrValue) -> str:
    return page.data[link.start : link.end].decode(page.encoding)


def _path_span(raw: str) -> tuple[int, int]:
    """Character span of the path in an href as written (before query and fragment)."""
    parts = urlsplit(raw)
    start = raw.find(parts.netloc) + len(parts.netloc) if parts.netloc else 0
    if not parts.netloc:
        start = len(raw) - len(raw.lstrip())
    return start, start + len(parts.path)


def _byte_offset(page: Page, link: AttrValue, raw: str, chars: int) -> int:
    return link.start + len(raw[:chars].encode(page.encoding))


def _prefix_edit(page: Page, link: AttrValue, folder: str) -> list[Edit]:
    """Insert ``/folder`` before the path: ``/shop`` -> ``/ru/shop``, ``/`` -> ``/ru/``."""
    if not folder:
        return []
    raw = _raw(page, link)
    start, end = _path_span(raw)
    position = _byte_offset(page, link, raw, start)
    if start == end:  # https://host with no path
        return [Edit(position, position, f"/{folder}/".encode("ascii"))]
    return [Edit(position, position, f"/{folder}".encode("ascii"))]


def _switch_edits(page: Page, link: AttrValue, address: str) -> list[Edit]:
    """Replace the path of a switcher link with the same page's address in its language."""
    raw = _raw(page, link)
    start, end = _path_span(raw)
    if raw[start:end] == address:
        return []
    return [
        Edit(
            _byte_offset(page, link, raw, start),
            _byte_offset(page, link, raw, end),
            address.encode(page.encoding, "xmlcharrefreplace"),
        )
    ]


def _hreflang_edit(page: Page, link: AttrValue, lang: str) -> list[Edit]:
    """Add ``hreflang`` to the link's tag, unless it has one."""
    tag_start = page.data.rfind(b"<", 0, link.start)
    rest = _TAG_REST.match(page.data, link.end + len(link.quote))
    tag_end = rest.start(1) if rest is not None else link.end
    if b"hreflang" in page.data[tag_start:tag_end].lower():
        return []
    position = link.end + len(link.quote)
    return [Edit(position, position, f' hreflang="{html_lang(lang)}"'.encode("ascii"))]
