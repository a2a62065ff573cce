"""Typed values of locpipe's page domain: pages and the segments found in them. No I/O.

A *msgid* is written the same way everywhere in locpipe:

- runs of ASCII whitespace (space, tab, CR, LF, FF) become one space, and the
  whitespace at either end stays in the page, outside the msgid;
- character references are decoded (``&mdash;`` -> "—", ``&nbsp;`` -> U+00A0,
  which is kept as that character so the typograph's binding stays visible),
  except that a text ``&``, ``<`` or ``>`` is written ``&amp;``, ``&lt;``, ``&gt;``;
- each inline element becomes a tag without attributes: ``<a>``, ``</a>``,
  ``<strong>``, ``<br>``; the original bytes of every tag are kept on the
  segment (``Segment.tags``) and restored at build.

Placeholder tags are matched between msgid and msgstr by name and order of
appearance: the second ``<a>`` of a msgstr is the second ``<a>`` of its msgid.
``locpipe.msgid`` reads and writes this convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Destination(StrEnum):
    """Where a segment's text is written back, which decides how it is escaped."""

    ELEMENT = "element"  # content of an element: text and inline tags (also <title>)
    ATTRIBUTE = "attribute"  # an attribute value (alt, placeholder, meta content, data-*)
    JSON = "json"  # a string in the JSON of a Zero-form <textarea>; may hold inline tags
    SCRIPT = "script"  # a string literal in an inline script's options; may hold inline tags
    TABLE_CELL = "table-cell"  # a T431 cell: HTML written as entities in a div; may hold tags


@dataclass(frozen=True)
class InlineTag:
    """One inline element of a segment, as the source page spells it."""

    name: str  # lower-case element name: "a", "br", "strong"
    start_tag: bytes  # e.g. b'<a href="/about" style="color:red">'
    end_tag: bytes = b""  # e.g. b"</a>"; empty for void elements such as <br />
    start_offset: int = -1  # byte offset of start_tag in Page.data (-1: unknown)
    end_offset: int = -1  # byte offset of end_tag in Page.data (-1: unknown or void)


@dataclass(frozen=True)
class Segment:
    """One translatable string of a page and the bytes it replaces."""

    msgid: str
    start: int  # byte offset in Page.data of the first byte replaced
    end: int  # byte offset just past the last byte replaced
    line: int  # line of ``start``, counted from 1
    destination: Destination
    note: str  # where the text sits, for translators: block, field, attribute
    tags: tuple[InlineTag, ...] = ()  # in the order their start tags appear in the msgid
    quote: str = '"'  # ATTRIBUTE, SCRIPT: the quote around the value ('' when unquoted)
    max_width: int | None = None  # px width of a fixed-size box (Zero Block element)
    nbsp_entity: bool = True  # write U+00A0 back as "&nbsp;" (the page's own spelling)
    json_ascii: bool = False  # JSON, SCRIPT: the page escapes non-ASCII as \uXXXX


@dataclass(frozen=True)
class AttrValue:
    """An attribute value in a page: its decoded text and the bytes it occupies."""

    start: int  # first byte of the value, inside the quotes
    end: int  # just past the value, before the closing quote
    value: str  # decoded value
    quote: str = '"'  # '' when the value is unquoted


@dataclass(frozen=True)
class PageAnchors:
    """The places a localized build edits besides the text: language, alternates, links."""

    html_tag_end: int | None = (
        None  # offset of the ">" (or "/>") ending <html ...>; None: no <html>
    )
    html_lang: AttrValue | None = None
    html_dir: AttrValue | None = None
    head_end: int | None = None  # offset of "</head>", where hreflang alternates are inserted
    links: tuple[AttrValue, ...] = ()  # href values of <a> and <link> that may point to site pages
    canonical: AttrValue | None = None  # <link rel="canonical" href>
    og_url: AttrValue | None = None  # <meta property="og:url" content>
    og_locale: AttrValue | None = None  # <meta property="og:locale" content>
    allrecords_tag_end: int | None = None  # offset of the ">" ending <div id="allrecords" ...>
    project_lang: AttrValue | None = None  # data-tilda-project-lang of #allrecords
    body_end: int | None = None  # offset of "</body>", where an added language switcher goes


@dataclass(frozen=True)
class Page:
    """A source page: its exact bytes and what locpipe found in them."""

    path: str  # posix path relative to the source folder, e.g. "index.html"
    data: bytes
    encoding: str  # Python codec name the page is read and written in, e.g. "utf-8"
    segments: tuple[Segment, ...] = ()
    anchors: PageAnchors = field(default_factory=PageAnchors)

    @property
    def is_fragment(self) -> bool:
        """A body-only page such as Tilda's files/pageNNNbody.html."""
        return self.anchors.html_tag_end is None


@dataclass(frozen=True)
class Edit:
    """Replace ``data[start:end]`` with ``replacement``; start == end inserts."""

    start: int
    end: int
    replacement: bytes


_WIDTH_NOTE = re.compile(r"\b(\d+) px wide\b")


def width_note(px: int) -> str:
    """The phrase a translator note uses for a fixed-width box; see ``parse_width``."""
    return f"{px} px wide"


def parse_width(comments: list[str] | tuple[str, ...]) -> int | None:
    """The box width a segment's extracted comments announce, if any."""
    for comment in comments:
        match = _WIDTH_NOTE.search(comment)
        if match:
            return int(match.group(1))
    return None
