"""A byte-offset HTML tokenizer over the raw bytes of a page.

Hand-written on purpose: lxml, BeautifulSoup and html5lib do not report the
byte offsets of tags, attribute values and text, and any re-serialisation
changes real pages (quoting, entities, ``<br />`` spelling, whitespace). locpipe
splices translations into the original bytes, so it needs exact offsets.

The tokenizer follows the HTML5 tokenizer where it matters for Tilda exports:
comments (``<!-->``, ``--!>``, IE conditionals, bogus ``<!…>`` and ``<?…>``),
attribute quoting, raw text elements (``script``, ``style``, … whose content is
one token up to the matching end tag) and RCDATA (``title``, ``textarea``). All
markup is ASCII, so it works the same on UTF-8 and on ASCII-compatible
single-byte encodings (windows-1251, koi8-r). It is regex-driven and linear in
the page size. A page cut off inside a tag, comment or attribute does not
fail: the unfinished rest becomes one ``JUNK`` token that no one segments.

Lines: a line ends at LF, at CRLF, or at a lone CR (old Mac endings), the same
rule Python's ``str.splitlines`` applies to these three.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from enum import Enum
from html.entities import html5 as html5_entities
from typing import NamedTuple

RAWTEXT_ELEMENTS = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
# ``noscript`` is raw text too: that is how a browser with scripting enabled reads it.
RCDATA_ELEMENTS = frozenset({"title", "textarea"})
FOREIGN_ELEMENTS = frozenset({"svg", "math"})


class Kind(Enum):
    START = "start"  # start tag: name, attrs, self_closing
    END = "end"  # end tag: name
    TEXT = "text"  # character data with character references
    RAWTEXT = "rawtext"  # content of script/style/…: name is the element
    RCDATA = "rcdata"  # content of title/textarea: text with references, no tags
    COMMENT = "comment"  # comments, bogus comments, ``</>``
    DOCTYPE = "doctype"
    JUNK = "junk"  # an unfinished tag or comment at the end of the file


class Attr(NamedTuple):
    """One attribute of a start tag: where its value sits in the page bytes."""

    name: str  # lower-case
    raw: bytes  # the value bytes as written, without quotes; b"" when there is no value
    start: int  # first byte of the value (inside the quotes)
    end: int  # just past the value (before the closing quote)
    quote: str  # '"', "'", or "" (unquoted or no value)
    has_value: bool = True

    def text(self, encoding: str) -> str:
        """The decoded value, character references resolved as in an attribute."""
        return unescape_attribute(self.raw.decode(encoding, "replace"))


class Token(NamedTuple):
    kind: Kind
    start: int
    end: int
    name: str = ""  # tag name (START, END) or the enclosing element (RAWTEXT, RCDATA)
    attrs: tuple[Attr, ...] = ()
    self_closing: bool = False

    def attr(self, name: str) -> Attr | None:
        """The first attribute called ``name`` (HTML ignores later duplicates)."""
        for attribute in self.attrs:
            if attribute.name == name:
                return attribute
        return None

    def attr_text(self, name: str, encoding: str) -> str | None:
        attribute = self.attr(name)
        return None if attribute is None else attribute.text(encoding)

    def classes(self, encoding: str) -> list[str]:
        value = self.attr_text("class", encoding)
        return value.split() if value else []


_WS = rb"\t\n\f\r "
_ATTRS = (
    rb"(?:[" + _WS + rb"/]+|[^" + _WS + rb"/>][^" + _WS + rb"/=>]*"
    rb"(?:[" + _WS + rb"]*=[" + _WS + rb"]*"
    rb"(?:\"[^\"]*\"?|'[^']*'?|[^" + _WS + rb">]*))?)*"
)
# The attribute loop always matches up to ">" or the end of the data, so the
# optional ``(>)?`` never makes the engine backtrack: linear even when truncated.
_START_TAG = re.compile(rb"<([A-Za-z][^" + _WS + rb"/>]*)(" + _ATTRS + rb")(>)?")
_END_TAG = re.compile(rb"</([A-Za-z][^" + _WS + rb"/>]*)" + _ATTRS + rb"(>)?")
_ATTR = re.compile(
    rb"([^" + _WS + rb"/>][^" + _WS + rb"/=>]*)"
    rb"(?:[" + _WS + rb"]*=[" + _WS + rb"]*"
    rb"(?:\"([^\"]*)(\"?)|'([^']*)('?)|([^" + _WS + rb">]*)))?"
)
_MARKUP = re.compile(rb"<[A-Za-z/!?]")
_COMMENT_END = re.compile(rb"--!?>")
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def scan(data: bytes) -> list[Token]:
    """All tokens of ``data`` in order; together they cover every byte."""
    return list(_Scanner(data).tokens())


class _Scanner:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.foreign_depth = 0  # inside <svg>/<math>: no raw text switching there
        self.names: dict[bytes, str] = {}  # tag and attribute names already decoded

    def tokens(self) -> Iterator[Token]:
        data, pos, size = self.data, 0, len(self.data)
        while pos < size:
            match = _MARKUP.search(data, pos)
            if match is None:
                yield Token(Kind.TEXT, pos, size)
                return
            if match.start() > pos:
                yield Token(Kind.TEXT, pos, match.start())
            pos = match.start()
            second = data[pos + 1 : pos + 2]
            if second == b"!":
                token = self._markup_declaration(pos)
            elif second == b"?":
                token = self._bogus_comment(pos, pos + 2)
            elif second == b"/":
                token = self._end_tag(pos)
            else:
                started = self._start_tag(pos)
                yield from started
                pos = started[-1].end
                continue
            yield token
            pos = token.end

    def _markup_declaration(self, pos: int) -> Token:
        data = self.data
        if data.startswith(b"<!--", pos):
            return self._comment(pos)
        if _DOCTYPE.match(data, pos):
            end = data.find(b">", pos)
            if end < 0:
                return Token(Kind.JUNK, pos, len(data))
            return Token(Kind.DOCTYPE, pos, end + 1)
        return self._bogus_comment(pos, pos + 2)

    def _comment(self, pos: int) -> Token:
        data, body = self.data, pos + 4
        if data.startswith(b">", body):  # <!-->
            return Token(Kind.COMMENT, pos, body + 1)
        if data.startswith(b"->", body):  # <!--->
            return Token(Kind.COMMENT, pos, body + 2)
        match = _COMMENT_END.search(data, body)
        if match is None:
            return Token(Kind.JUNK, pos, len(data))
        return Token(Kind.COMMENT, pos, match.end())

    def _bogus_comment(self, pos: int, body: int) -> Token:
        end = self.data.find(b">", body)
        if end < 0:
            return Token(Kind.JUNK, pos, len(self.data))
        return Token(Kind.COMMENT, pos, end + 1)

    def _end_tag(self, pos: int) -> Token:
        data = self.data
        if data.startswith(b"</>", pos):  # ignored by browsers
            return Token(Kind.COMMENT, pos, pos + 3)
        match = _END_TAG.match(data, pos)
        if match is None:  # "</" + not a letter: a bogus comment
            return self._bogus_comment(pos, pos + 2)
        if match.group(2) is None:
            return Token(Kind.JUNK, pos, len(data))
        name = self._name(match.group(1))
        if name in FOREIGN_ELEMENTS and self.foreign_depth:
            self.foreign_depth -= 1
        return Token(Kind.END, pos, match.end(), name)

    def _start_tag(self, pos: int) -> list[Token]:
        """The start tag, followed by its raw text or RCDATA content if it has one."""
        data = self.data
        match = _START_TAG.match(data, pos)
        assert match is not None  # _MARKUP found "<" + letter
        if match.group(3) is None:
            return [Token(Kind.JUNK, pos, len(data))]
        name = self._name(match.group(1))
        attrs, truncated = self._attributes(match.start(2), match.end(2))
        if truncated:
            return [Token(Kind.JUNK, pos, len(data))]
        end = match.end()
        self_closing = data[end - 2 : end - 1] == b"/" and (not attrs or attrs[-1].end < end - 2)
        tag = Token(Kind.START, pos, end, name, attrs, self_closing)
        if name in FOREIGN_ELEMENTS and not self_closing:
            self.foreign_depth += 1
        if self.foreign_depth:
            return [tag]
        if name in RAWTEXT_ELEMENTS:
            return [tag, self._content(Kind.RAWTEXT, name, end)]
        if name in RCDATA_ELEMENTS:
            return [tag, self._content(Kind.RCDATA, name, end)]
        return [tag]

    def _content(self, kind: Kind, name: str, start: int) -> Token:
        """Raw text or RCDATA up to the matching end tag (or the end of the data)."""
        data = self.data
        if name == "plaintext":
            stop = len(data)
        else:
            closing = re.compile(rb"</" + name.encode() + rb"[\t\n\f\r />]", re.IGNORECASE)
            match = closing.search(data, start)
            stop = match.start() if match else len(data)
        return Token(kind, start, stop, name)

    def _attributes(self, start: int, end: int) -> tuple[tuple[Attr, ...], bool]:
        """Attributes between ``start`` and ``end``; True when a quoted value never closes."""
        attrs: list[Attr] = []
        for match in _ATTR.finditer(self.data, start, end):
            raw_name, double, double_end, single, single_end, bare = match.groups()
            name = self._name(raw_name)
            if double is not None:
                if not double_end:
                    return tuple(attrs), True
                attrs.append(Attr(name, double, match.start(2), match.end(2), '"'))
            elif single is not None:
                if not single_end:
                    return tuple(attrs), True
                attrs.append(Attr(name, single, match.start(4), match.end(4), "'"))
            elif bare is not None:
                attrs.append(Attr(name, bare, match.start(6), match.end(6), ""))
            else:
                attrs.append(Attr(name, b"", match.end(1), match.end(1), "", False))
        return tuple(attrs), False

    def _name(self, raw: bytes) -> str:
        """A tag or attribute name, lower-cased (decoded once per scan)."""
        name = self.names.get(raw)
        if name is None:
            name = self.names[raw] = raw.decode("latin-1").lower()
        return name


class LineIndex:
    """Line numbers (from 1) of byte offsets, from a precomputed index of line starts."""

    def __init__(self, data: bytes) -> None:
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(data))]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def unescape_text(text: str) -> str:
    """Character references resolved as in HTML text (``&nbsp`` works without ";")."""
    return html.unescape(text) if "&" in text else text


def unescape_attribute(text: str) -> str:
    """Character references resolved as in an attribute value.

    Differs from text in one HTML5 rule: a legacy named reference without ";"
    followed by a letter, digit or "=" stays as written (``?a=1&copy=2``).
    """
    if "&" not in text:
        return text
    return _CHARREF.sub(_attribute_reference, text)


def _attribute_reference(match: re.Match[str]) -> str:
    body = match.group(1)
    if body.startswith("#") or (body.endswith(";") and body in html5_entities):
        return html.unescape(match.group(0))
    for length in range(len(body), 0, -1):
        replacement = html5_entities.get(body[:length])
        if replacement is None:
            continue
        rest = body[length:]
        if rest and (rest[0].isalnum() or rest[0] == "="):
            return match.group(0)
        return replacement + rest
    return match.group(0)
