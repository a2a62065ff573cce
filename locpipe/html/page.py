"""Read one page: its encoding, its segments and the places a localized build edits."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import replace

from locpipe.errors import PageError
from locpipe.html.lines import LineIndex
from locpipe.html.scan import Kind, RawToken, Token
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
_ANCHOR_TAGS = frozenset({"html", "head", "body", "meta", "a", "link"})
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
    reader = _AnchorReader(data, encoding)
    for token in tokens:
        if token.name in _ANCHOR_TAGS:
            reader.read(token)
    allrecords = _allrecords(tokens, data, encoding)
    if allrecords is not None:
        reader.found = replace(
            reader.found,
            allrecords_tag_end=_tag_end(allrecords),
            project_lang=reader.value(allrecords, "data-tilda-project-lang"),
        )
    return replace(reader.found, links=tuple(reader.links))


def _allrecords(tokens: Sequence[RawToken], data: bytes, encoding: str) -> Token | None:
    """Tilda's records container, ``<div id="allrecords">``: the first such tag. Only a
    tag that holds the word is read (Tilda never writes it with character references)."""
    if b"allrecords" not in data:
        return None
    for token in tokens:
        if (
            token.name == "div"
            and token.kind is Kind.START
            and data.find(b"allrecords", token.attrs_start, token.attrs_end) >= 0
        ):
            tag = _start_tag(token, data)
            if (tag.attr_text("id", encoding) or "").strip() == "allrecords":
                return tag
    return None


def _start_tag(token: RawToken, data: bytes) -> Token:
    """A start tag as a ``Token``, to read its attributes."""
    return Token(
        Kind.START, token.start, token.end, token.name,
        data, token.attrs_start, token.attrs_end, self_closing=token.self_closing,
    )  # fmt: skip


class _AnchorReader:
    """What ``find_anchors`` has found so far; the first of each anchor wins."""

    def __init__(self, data: bytes, encoding: str) -> None:
        self.data = data
        self.encoding = encoding
        self.found = PageAnchors()
        self.links: list[AttrValue] = []
        self.head_start: int | None = None

    def read(self, token: RawToken) -> None:
        if token.kind is Kind.END:
            self._end(token)
        elif token.kind is Kind.START:
            self._start(_start_tag(token, self.data))

    def _end(self, token: RawToken) -> None:
        if token.name == "head" and self.found.head_end is None:
            self.found = replace(self.found, head_end=token.start)
        elif token.name == "body":
            self.found = replace(self.found, body_end=token.start)

    def _start(self, tag: Token) -> None:
        found, name = self.found, tag.name
        if name == "html" and found.html_tag_end is None:
            self.found = replace(
                found,
                html_tag_end=_tag_end(tag),
                html_lang=self.value(tag, "lang"),
                html_dir=self.value(tag, "dir"),
            )
        elif name == "head" and self.head_start is None:
            self.head_start = tag.start
        elif name == "body" and self.head_start is not None and found.head_end is None:
            self.found = replace(found, head_end=tag.start)  # no </head>: it ends at <body>
        elif name == "meta":
            self._meta(tag)
        elif name in ("a", "link"):
            self._link(tag)

    def _meta(self, tag: Token) -> None:
        prop = self._text(tag, "property").strip().lower()
        if prop == "og:url" and self.found.og_url is None:
            self.found = replace(self.found, og_url=self.value(tag, "content"))
        elif prop == "og:locale" and self.found.og_locale is None:
            self.found = replace(self.found, og_locale=self.value(tag, "content"))

    def _link(self, tag: Token) -> None:
        href = self.value(tag, "href")
        if href is None:
            return
        rels = set(self._text(tag, "rel").lower().split())
        is_link = tag.name == "link"
        if is_link and "canonical" in rels:
            if self.found.canonical is None:
                self.found = replace(self.found, canonical=href)
        elif not (is_link and rels & _RESOURCE_RELS) and _may_link_page(href.value):
            self.links.append(href)

    def value(self, tag: Token, name: str) -> AttrValue | None:
        """The attribute's value and span; None when missing or written without a value."""
        attr = tag.attr(name)
        if attr is None or not attr.has_value:
            return None
        return AttrValue(attr.start, attr.end, attr.text(self.encoding), attr.quote)

    def _text(self, tag: Token, name: str) -> str:
        return tag.attr_text(name, self.encoding) or ""


def _tag_end(tag: Token) -> int:
    """The offset of the ">" (or "/>") that ends a start tag."""
    return tag.end - (2 if tag.self_closing else 1)


def _may_link_page(href: str) -> bool:
    """Not a fragment, and not a mailto:/tel:/javascript: or other non-web address."""
    value = href.strip()
    if not value or value.startswith("#"):
        return False
    scheme = _SCHEME.match(value)
    return scheme is None or scheme.group(0).lower() in ("http:", "https:")
