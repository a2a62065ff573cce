"""Read one page: its encoding, its segments and the places a localized build edits."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

from locpipe.errors import PageError
from locpipe.html.lines import LineIndex
from locpipe.html.scan import Attr, AttributePicker, Kind, RawToken
from locpipe.html.tag_hints import page_tokens
from locpipe.html.walker import TagMemo, find_segments
from locpipe.model import AttrValue, Page, PageAnchors

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# <meta charset="…"> and <meta http-equiv="Content-Type" content="text/html; charset=…">.
# Looked for in the first 8 KB: reformatted exports push <meta> past the 1 KB a browser reads.
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_PRESCAN_BYTES = 8192
# WHATWG Encoding Standard: these labels mean windows-1252.
_WINDOWS_1252_LABELS = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "l1"})
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_ANCHOR_TAGS = frozenset({"html", "head", "body", "meta", "a", "link", "div"})
_ANCHOR_ATTRS = AttributePicker(("href", "rel", "property", "content", "lang", "dir"))
_ALLRECORDS_ATTRS = AttributePicker(("id", "data-tilda-project-lang"))
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_RESOURCE_RELS = frozenset(
    {
        "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-startup-image",
        "preload", "prefetch", "dns-prefetch", "preconnect", "modulepreload", "manifest",
        "mask-icon", "image_src",
    }
)  # fmt: skip


def read_page(
    path: str,
    data: bytes,
    *,
    notes: bool = True,
    anchors: bool = True,
    memo: TagMemo | None = None,
) -> Page:
    """Decode-check a page and find its segments and anchors; raises ``PageError``.

    A build needs no translator notes and an extraction no anchors: ``notes=False``
    (see ``find_segments``) and ``anchors=False`` (empty ``PageAnchors``) leave them
    out, and the page is read faster. Pages of one site read with the same ``memo``
    share what their tags taught.
    """
    encoding = detect_encoding(path, data)
    names: dict[bytes, str] = {}
    tokens = page_tokens(data, names)
    segments = find_segments(data, encoding, tokens, LineIndex(data), notes=notes, memo=memo)
    return Page(
        path=path,
        data=data,
        encoding=encoding,
        segments=tuple(segments),
        anchors=find_anchors(tokens, data, encoding) if anchors else PageAnchors(),
    )


def detect_encoding(path: str, data: bytes) -> str:
    """The page's codec: BOM, else ``<meta charset>``, else UTF-8; checks the bytes decode."""
    if not data or data.isspace():  # (not data.strip(), without copying the page)
        raise PageError("the page is empty", path=path, hint="export the page again or remove it")
    if data.startswith(_UTF16_BOMS):
        raise PageError(
            "UTF-16 pages are not supported", path=path, line=1, hint="save the page as UTF-8"
        )
    nul = data.find(b"\x00")
    if nul >= 0 or len(_CONTROL.findall(data[:4096])) > len(data[:4096]) // 20:
        line = LineIndex(data).line(max(nul, 0))
        raise PageError(
            "this is not a text file (binary bytes)",
            path=path,
            line=line,
            hint="remove it from the source folder",
        )
    encoding = "utf-8" if data.startswith(_UTF8_BOM) else _declared_encoding(data) or "utf-8"
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        raise PageError(
            f"the page is not valid {encoding}",
            path=path,
            line=LineIndex(data).line(error.start),
            hint="save it as UTF-8, or declare its encoding with <meta charset=…>",
        ) from None
    return encoding


def _declared_encoding(data: bytes) -> str | None:
    for match in _META_CHARSET.finditer(data, 0, _PRESCAN_BYTES):
        label = match.group(1).decode("ascii").lower()
        if label in _WINDOWS_1252_LABELS:
            return "cp1252"
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue
        if "<a href='&'>".encode(name, "replace") == b"<a href='&'>" and not name.startswith(
            "utf-16"
        ):
            return name  # an ASCII-compatible encoding: markup bytes are ASCII
        return "utf-8"  # WHATWG: a UTF-16 declaration in an 8-bit page means UTF-8
    return None


def find_anchors(tokens: Sequence[RawToken], data: bytes, encoding: str) -> PageAnchors:
    """``<html>``, ``</head>``, ``</body>``, site links, canonical, ``og:url``, ``og:locale``,
    and Tilda's ``#allrecords``."""
    html_tag_end: int | None = None
    html_lang = html_dir = canonical = og_url = og_locale = project_lang = None
    head_start: int | None = None
    head_end: int | None = None
    body_end: int | None = None
    # Tilda's records container; the substring test spares reading every <div> of other pages.
    allrecords_tag_end: int | None = None
    seek_allrecords = b"allrecords" in data
    links: list[AttrValue] = []
    start_kind, end_kind = Kind.START, Kind.END
    tagged = [token for token in tokens if token.name in _ANCHOR_TAGS]  # a tenth of the tokens
    for kind, start, end, name, attrs_start, attrs_end, self_closing, *_ in tagged:
        if kind is not start_kind:
            if kind is end_kind and head_end is None and name == "head":
                head_end = start
            elif kind is end_kind and name == "body":
                body_end = start
            continue
        if name == "html" and html_tag_end is None:
            html_tag_end = end - (2 if self_closing else 1)
            attrs = _ANCHOR_ATTRS.attrs(data, attrs_start, attrs_end)
            html_lang = _attr_value(attrs.get("lang"), encoding)
            html_dir = _attr_value(attrs.get("dir"), encoding)
        elif name == "div":
            if seek_allrecords:
                found = _ALLRECORDS_ATTRS.attrs(data, attrs_start, attrs_end)
                if _attr_text(found.get("id"), encoding).strip() == "allrecords":
                    allrecords_tag_end = end - (2 if self_closing else 1)
                    project_lang = _attr_value(found.get("data-tilda-project-lang"), encoding)
                    seek_allrecords = False
        elif name == "head" and head_start is None:
            head_start = start
        elif name == "body" and head_start is not None and head_end is None:
            head_end = start  # no </head>: the head ends where <body> starts
        elif name == "meta":
            attrs = _ANCHOR_ATTRS.attrs(data, attrs_start, attrs_end)
            prop = _attr_text(attrs.get("property"), encoding).strip().lower()
            if prop == "og:url":
                og_url = og_url or _attr_value(attrs.get("content"), encoding)
            elif prop == "og:locale":
                og_locale = og_locale or _attr_value(attrs.get("content"), encoding)
        elif name in ("a", "link"):
            attrs = _ANCHOR_ATTRS.attrs(data, attrs_start, attrs_end)
            href = _attr_value(attrs.get("href"), encoding)
            if href is None:
                continue
            rels = set(_attr_text(attrs.get("rel"), encoding).lower().split())
            if name == "link" and "canonical" in rels:
                canonical = canonical or href
            elif not (name == "link" and rels & _RESOURCE_RELS) and _may_link_page(href.value):
                links.append(href)
    return PageAnchors(
        html_tag_end=html_tag_end,
        html_lang=html_lang,
        html_dir=html_dir,
        head_end=head_end,
        links=tuple(links),
        canonical=canonical,
        og_url=og_url,
        og_locale=og_locale,
        allrecords_tag_end=allrecords_tag_end,
        project_lang=project_lang,
        body_end=body_end,
    )


def _attr_value(attr: Attr | None, encoding: str) -> AttrValue | None:
    """The attribute's value and span; None when missing or written without a value."""
    if attr is None or not attr.has_value:
        return None
    return AttrValue(attr.start, attr.end, attr.text(encoding), attr.quote)


def _attr_text(attr: Attr | None, encoding: str) -> str:
    return "" if attr is None else attr.text(encoding)


def _may_link_page(href: str) -> bool:
    """Not a fragment, and not a mailto:/tel:/javascript: or other non-web address."""
    value = href.strip()
    if not value or value.startswith("#"):
        return False
    scheme = _SCHEME.match(value)
    return scheme is None or scheme.group(0).lower() in ("http:", "https:")
