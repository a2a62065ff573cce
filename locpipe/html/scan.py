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


class Token:
    """One token. A start tag's attributes are parsed on first use: most are never read."""

    __slots__ = (
        "_attrs", "_data", "_names", "_values", "attrs_end", "attrs_start", "end", "kind",
        "name", "self_closing", "start",
    )  # fmt: skip

    def __init__(
        self,
        kind: Kind,
        start: int,
        end: int,
        name: str = "",
        data: bytes = b"",
        attrs_start: int = 0,
        attrs_end: int = 0,
        names: dict[bytes, str] | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name  # tag name (START, END) or the enclosing element (RAWTEXT, RCDATA)
        self.attrs_start = attrs_start  # the bytes between the tag name and ">"
        self.attrs_end = attrs_end
        self.self_closing = False
        self._data = data
        self._names = names
        self._attrs: tuple[Attr, ...] | None = None
        self._values: dict[str, bytes] | None = None

    def __repr__(self) -> str:
        return f"Token({self.kind.name}, {self.start}, {self.end}, {self.name!r})"

    @property
    def attrs(self) -> tuple[Attr, ...]:
        """Every attribute in order, duplicates included, with the spans of their values."""
        if self._attrs is None:
            self._attrs = _attributes(self._data, self.attrs_start, self.attrs_end, self._names)
        return self._attrs

    @property
    def values(self) -> dict[str, bytes]:
        """Raw value of each attribute name (the first one wins); b"" when written bare."""
        if self._values is None:
            self._values = _attribute_values(
                self._data, self.attrs_start, self.attrs_end, self._names
            )
        return self._values

    def attr(self, name: str) -> Attr | None:
        """The first attribute called ``name`` (HTML ignores later duplicates)."""
        if name not in self.values:
            return None
        for attribute in self.attrs:
            if attribute.name == name:
                return attribute
        return None  # pragma: no cover - values and attrs parse the same bytes

    def attr_text(self, name: str, encoding: str) -> str | None:
        raw = self.values.get(name)
        return None if raw is None else unescape_attribute(raw.decode(encoding, "replace"))

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
_ATTR = re.compile(
    rb"([^" + _WS + rb"/>][^" + _WS + rb"/=>]*)"
    rb"(?:[" + _WS + rb"]*=[" + _WS + rb"]*"
    rb"(?:\"([^\"]*)(\"?)|'([^']*)('?)|([^" + _WS + rb">]*)))?"
)
# One search finds the next markup: a start tag (groups 1-3), an end tag (4-5) or
# something that starts like markup ("</", "<!", "<?") and is sorted out in Python.
_MARKUP = re.compile(
    rb"<(?:([A-Za-z][^" + _WS + rb"/>]*)(" + _ATTRS + rb")(>)?"
    rb"|/([A-Za-z][^" + _WS + rb"/>]*)" + _ATTRS + rb"(>)?"
    rb"|[/!?])"
)
_START_COMPLETE, _START_TRUNCATED, _END_COMPLETE, _END_TRUNCATED = 3, 2, 5, 4  # lastindex
_COMMENT_END = re.compile(rb"--!?>")
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_CLOSING_TAGS = {
    name: re.compile(rb"</" + name.encode() + rb"[\t\n\f\r />]", re.IGNORECASE)
    for name in RAWTEXT_ELEMENTS | RCDATA_ELEMENTS
}


def scan(data: bytes) -> list[Token]:
    """All tokens of ``data`` in order; together they cover every byte."""
    return _Scanner(data).tokens()


class _Scanner:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.foreign_depth = 0  # inside <svg>/<math>: no raw text switching there
        self.names: dict[bytes, str] = {}  # tag and attribute names already decoded
        self.out: list[Token] = []

    def tokens(self) -> list[Token]:
        data, out, search = self.data, self.out, _MARKUP.search
        pos, size = 0, len(data)
        while pos < size:
            match = search(data, pos)
            if match is None:
                out.append(Token(Kind.TEXT, pos, size))
                break
            start = match.start()
            if start > pos:
                out.append(Token(Kind.TEXT, pos, start))
            found = match.lastindex
            if found == _START_COMPLETE:
                pos = self._start_tag(match)
            elif found == _END_COMPLETE:
                pos = self._end_tag(match)
            elif found in (_START_TRUNCATED, _END_TRUNCATED):
                out.append(Token(Kind.JUNK, start, size))
                break
            else:
                pos = self._other(start)
        return out

    def _other(self, pos: int) -> int:
        """A comment, doctype or bogus comment at ``pos``; returns where it ends."""
        second = self.data[pos + 1 : pos + 2]
        if second == b"!":
            token = self._markup_declaration(pos)
        elif second == b"?":
            token = self._bogus_comment(pos, pos + 2)
        elif self.data.startswith(b"</>", pos):  # ignored by browsers
            token = Token(Kind.COMMENT, pos, pos + 3)
        else:  # "</" + not a letter
            token = self._bogus_comment(pos, pos + 2)
        self.out.append(token)
        return token.end

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

    def _end_tag(self, match: re.Match[bytes]) -> int:
        name = self._name(match.group(4))
        if self.foreign_depth and name in FOREIGN_ELEMENTS:
            self.foreign_depth -= 1
        end = match.end()
        self.out.append(Token(Kind.END, match.start(), end, name))
        return end

    def _start_tag(self, match: re.Match[bytes]) -> int:
        """The start tag, followed by its raw text or RCDATA content if it has one."""
        data, end = self.data, match.end()
        name = self._name(match.group(1))
        tag = Token(
            Kind.START, match.start(), end, name, data, match.start(2), match.end(2), self.names
        )
        self.out.append(tag)
        if data[end - 2] == _SLASH:
            attrs = tag.attrs
            tag.self_closing = not attrs or attrs[-1].end < end - 2
        if name in FOREIGN_ELEMENTS and not tag.self_closing:
            self.foreign_depth += 1
        if self.foreign_depth:
            return end
        if name in RAWTEXT_ELEMENTS:
            return self._content(Kind.RAWTEXT, name, end)
        if name in RCDATA_ELEMENTS:
            return self._content(Kind.RCDATA, name, end)
        return end

    def _content(self, kind: Kind, name: str, start: int) -> int:
        """Raw text or RCDATA up to the matching end tag (or the end of the data)."""
        data = self.data
        match = None if name == "plaintext" else _CLOSING_TAGS[name].search(data, start)
        stop = match.start() if match else len(data)
        self.out.append(Token(kind, start, stop, name))
        return stop

    def _name(self, raw: bytes) -> str:
        """A tag or attribute name, lower-cased (decoded once per scan)."""
        name = self.names.get(raw)
        if name is None:
            name = self.names[raw] = raw.decode("latin-1").lower()
        return name


_SLASH = ord("/")


def _attributes(
    data: bytes, start: int, end: int, names: dict[bytes, str] | None
) -> tuple[Attr, ...]:
    """The attributes between ``start`` and ``end`` (every quoted value there is closed)."""
    if start >= end:
        return ()
    attrs: list[Attr] = []
    for match in _ATTR.finditer(data, start, end):
        raw_name, double, _, single, _, bare = match.groups()
        name = _attribute_name(raw_name, names)
        if double is not None:
            attrs.append(Attr(name, double, match.start(2), match.end(2), '"'))
        elif single is not None:
            attrs.append(Attr(name, single, match.start(4), match.end(4), "'"))
        elif bare is not None:
            attrs.append(Attr(name, bare, match.start(6), match.end(6), ""))
        else:
            attrs.append(Attr(name, b"", match.end(1), match.end(1), "", False))
    return tuple(attrs)


def _attribute_values(
    data: bytes, start: int, end: int, names: dict[bytes, str] | None
) -> dict[str, bytes]:
    """Name -> raw value of the first attribute of each name, without building ``Attr``s."""
    values: dict[str, bytes] = {}
    if start >= end:
        return values
    for raw_name, double, _, single, _, bare in _ATTR.findall(data, start, end):
        name = _attribute_name(raw_name, names)
        if name not in values:
            values[name] = double or single or bare  # only one of them is set
    return values


def _attribute_name(raw: bytes, names: dict[bytes, str] | None) -> str:
    if names is None:
        return raw.decode("latin-1").lower()
    name = names.get(raw)
    if name is None:
        name = names[raw] = raw.decode("latin-1").lower()
    return name


class LineIndex:
    """Line numbers (from 1) of byte offsets.

    Pages with only LF endings count LFs from the offset asked before (offsets
    come roughly in page order); pages with CR use an index of line starts.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._starts: list[int] | None = None
        self._has_cr = b"\r" in data
        self._offset, self._line = 0, 1  # the last answer

    def line(self, offset: int) -> int:
        if self._has_cr:
            return bisect.bisect_right(self._line_starts(), offset)
        if offset >= self._offset:
            line = self._line + self._data.count(b"\n", self._offset, offset)
        else:
            line = self._line - self._data.count(b"\n", offset, self._offset)
        self._offset, self._line = offset, line
        return line

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self._data))]
        return self._starts


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
