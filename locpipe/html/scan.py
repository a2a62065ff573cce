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

Left out on purpose, as no real page needs them (html5lib's tests have them): a
NUL byte (U+FFFD for a browser, kept here), numeric references to control
characters (``html.unescape`` maps them its own way), and tag names with
characters that are not ASCII.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Collection, Sequence, Set
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
    """One token. A start tag's attributes are read on first use: most are never read."""

    __slots__ = (
        "_attrs", "_data", "_first", "_found", "_names", "attrs_end", "attrs_start", "end", "kind",
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
        self_closing: bool = False,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name  # tag name (START, END) or the enclosing element (RAWTEXT, RCDATA)
        self.attrs_start = attrs_start  # the bytes between the tag name and ">"
        self.attrs_end = attrs_end
        self.self_closing = self_closing
        self._data = data
        self._names = {} if names is None else names
        self._found: list[tuple[str, re.Match[bytes]]] | None = None
        self._attrs: tuple[Attr, ...] | None = None
        self._first: dict[str, re.Match[bytes]] | None = None

    def __repr__(self) -> str:
        return f"Token({self.kind.name}, {self.start}, {self.end}, {self.name!r})"

    @property
    def attrs(self) -> tuple[Attr, ...]:
        """Every attribute in order, duplicates included, with the spans of their values."""
        if self._attrs is None:
            self._attrs = tuple(_attr(match, name) for name, match in self._named())
        return self._attrs

    def attrs_named(self, names: Set[str]) -> list[Attr]:
        """The attributes called one of ``names``, in order, duplicates included."""
        return [_attr(match, name) for name, match in self._named() if name in names]

    @property
    def names(self) -> Set[str]:
        """The names of the tag's attributes, lower-case."""
        return self._first_of_each().keys()

    def attr(self, name: str) -> Attr | None:
        """The first attribute called ``name`` (HTML ignores later duplicates)."""
        match = self._first_of_each().get(name)
        return None if match is None else _attr(match, name)

    def attr_text(self, name: str, encoding: str) -> str | None:
        attribute = self.attr(name)
        return None if attribute is None else attribute.text(encoding)

    def classes(self, encoding: str) -> list[str]:
        value = self.attr_text("class", encoding)
        return value.split() if value else []

    def _first_of_each(self) -> dict[str, re.Match[bytes]]:
        """Name -> the match of its first attribute; an ``Attr`` is made only when asked
        for (a Zero Block element has dozens of attributes, and a few are read)."""
        if self._first is None:
            # reversed: of two attributes of the same name, the first one stays
            self._first = dict(reversed(self._named()))
        return self._first

    def _named(self) -> list[tuple[str, re.Match[bytes]]]:
        """Each attribute's name and its ``_ATTR`` match, in order."""
        if self._found is None:
            names = self._names
            self._found = [
                (names.get(match[1]) or _new_name(names, match[1]), match)
                for match in _ATTR.finditer(self._data, self.attrs_start, self.attrs_end)
            ]
        return self._found


_WS = rb"\t\n\f\r "  # in patterns
_SPACE = b"\t\n\f\r "  # the same bytes, for bytes methods
# The patterns below never need to backtrack (each piece stops where the next must
# start), so their repeats are possessive ("*+", "++"): ``re`` keeps no backtracking
# state for them, which makes the tokenizer faster.
_SEPARATORS_RE = rb"[" + _WS + rb"/]*+"
_NAME = rb"[^" + _WS + rb"/>][^" + _WS + rb"/=>]*+"
_VALUE = rb"(?:[" + _WS + rb"]*+=[" + _WS + rb"]*+(?:\"[^\"]*+\"?|'[^']*+'?|[^" + _WS + rb">]*+))?"
# Each turn of an attribute loop reads the separators before an attribute and the
# attribute (fewer turns than one for each): then the separators after the last.
_ATTRS = rb"(?:" + _SEPARATORS_RE + _NAME + _VALUE + rb")*+" + _SEPARATORS_RE
# The attribute loop always matches up to ">" or the end of the data, so the
# optional ``(>)?`` never makes the engine backtrack: linear even when truncated.
# An attribute: its name (group 1) and its value, "double-quoted" (2), 'single-quoted' (3)
# or bare (4); no value group matches when it is written without one.
_ATTR = re.compile(
    rb"(" + _NAME + rb")"
    rb"(?:[" + _WS + rb"]*+=[" + _WS + rb"]*+"
    rb"(?:\"([^\"]*+)\"?|'([^']*+)'?|([^" + _WS + rb">]*+)))?"
)
_BARE_VALUE = 4
_QUOTES = {2: '"', 3: "'", _BARE_VALUE: ""}  # _ATTR's value group -> the value's quote
_NAME_END = rb"(?=[" + _WS + rb"/=>]|\Z)"


def _alternatives(words: Sequence[str]) -> bytes:
    """A pattern matching any of ``words``, as a trie: ``re`` tries alternatives one by one."""
    if "" in words:
        rest = _alternatives([word for word in words if word])
        return b"(?:" + rest + b")?"
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = [
        re.escape(first.encode()) + (_alternatives(tails) if tails != [""] else b"")
        for first, tails in sorted(by_first.items())
    ]
    return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"


# Each alternative reads one whole attribute (or separators), as in _ATTRS: the first
# lower-case ``class`` (what follows its name captured: "", or '="a b"'; a later one
# fails "(?(3)(?!))" and is read as any other), a name of a watched group (an empty
# group marks it; ``class`` in another case or a second ``class`` is in the first
# group), any other attribute.
_CLASS_ATTR = rb"(?(3)(?!))class" + _NAME_END + rb"(" + _VALUE + rb")"


class _Markup(NamedTuple):
    """The pattern that finds the next markup, and the numbers of its groups."""

    pattern: re.Pattern[bytes]
    watched: tuple[tuple[int, int], ...]  # each watched group's empty group, and its bit
    start_complete: int  # ``lastindex`` of a start tag with its ">"
    end_complete: int  # ``lastindex`` of an end tag with its ">"
    end_name: int


_START_TRUNCATED, _CLASS = 2, 3


@functools.cache
def _markup(watch: tuple[frozenset[str], ...]) -> _Markup:
    """One search finds the next markup: a start tag (groups 1 to 3 and one for each
    watched group, then its ">"), an end tag (its name, its ">") or something that
    starts like markup ("</", "<!", "<?") and is sorted out in Python."""
    groups = [set(names) for names in watch] or [set()]
    groups[0].add("class")
    watched = b"".join(
        rb"|(?i:" + _alternatives(sorted(names)) + rb")" + _NAME_END + rb"()" + _VALUE
        if names
        else rb"|(?!)()"  # an empty group: never seen, but it keeps its group number
        for names in groups
    )
    attrs = (
        rb"(?:" + _SEPARATORS_RE + rb"(?:" + _CLASS_ATTR + watched
        + rb"|" + _NAME + _VALUE + rb"))*+" + _SEPARATORS_RE
    )  # fmt: skip
    pattern = re.compile(
        rb"<(?:([A-Za-z][^" + _WS + rb"/>]*+)(" + attrs + rb")(>)?"
        rb"|/([A-Za-z][^" + _WS + rb"/>]*+)" + _ATTRS + rb"(>)?"
        rb"|[/!?])"
    )
    count = len(groups)
    watched_groups = tuple((4 + index, 1 << index) for index in range(count))
    return _Markup(pattern, watched_groups, 4 + count, 6 + count, 5 + count)


_COMMENT_END = re.compile(rb"--!?>")
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_CONTENT_KINDS = {
    **dict.fromkeys(RAWTEXT_ELEMENTS, Kind.RAWTEXT),
    **dict.fromkeys(RCDATA_ELEMENTS, Kind.RCDATA),
}
_CLOSING_TAGS = {  # "</" outside "(?i:)": the search looks for it as a literal, fast
    name: re.compile(rb"</(?i:" + name.encode() + rb")[\t\n\f\r />]")
    for name in RAWTEXT_ELEMENTS | RCDATA_ELEMENTS
}


class RawToken(NamedTuple):
    """A token whose attributes are not read: what a walk over a whole page needs.

    ``scan`` builds ``Token`` objects, which read attributes, for everyone else.
    """

    kind: Kind
    start: int
    end: int
    name: str = ""  # tag name (START, END) or the enclosing element (RAWTEXT, RCDATA)
    attrs_start: int = 0  # the bytes between the tag name and ">"
    attrs_end: int = 0
    self_closing: bool = False
    # What follows the name of the first lower-case ``class`` attribute: b"" or
    # b'="a b"' (see ``written_value``); None: no such attribute.
    class_value: bytes | None = None
    # Bit i is set when the tag has an attribute of the caller's i-th group of watched
    # names; a ``class`` that ``class_value`` does not report counts in the first group.
    watched: int = 0


def scan(data: bytes) -> list[Token]:
    """All tokens of ``data`` in order; together they cover every byte."""
    names: dict[bytes, str] = {}
    tokens: list[Token] = []
    covered = 0
    for kind, start, end, name, attrs_start, attrs_end, self_closing, *_ in raw_tokens(data, names):
        if start > covered:  # whitespace raw_tokens leaves out
            tokens.append(Token(Kind.TEXT, covered, start))
        tokens.append(
            Token(kind, start, end, name, data, attrs_start, attrs_end, names, self_closing)
        )
        covered = end
    if covered < len(data):
        tokens.append(Token(Kind.TEXT, covered, len(data)))
    return tokens


def raw_tokens(
    data: bytes,
    names: dict[bytes, str] | None = None,
    *,
    watch: Sequence[Collection[str]] = (),
) -> list[RawToken]:
    """The tokens of ``scan`` without their attributes, but for text that is only ASCII
    whitespace.

    That text, most of a page's text between its tags, is the gap between two
    tokens. ``names`` caches decoded tag and attribute names; a start tag tells
    which groups of ``watch`` (attribute names in lower case) it has an attribute of.
    """
    names = {} if names is None else names
    tokens: list[RawToken] = []
    add = tokens.append  # a list, not a generator: the walker reads it faster
    start_kind, end_kind, text_kind = Kind.START, Kind.END, Kind.TEXT
    pos, size = 0, len(data)
    # An iterator searches on from its last match, cheaper than a search from an offset;
    # a new one starts after raw text and comments, which end past the markup found.
    markup = _markup(tuple(frozenset(group) for group in watch))
    pattern, watched_groups = markup.pattern, markup.watched
    start_complete, end_complete, end_name = (
        markup.start_complete,
        markup.end_complete,
        markup.end_name,
    )
    matches = pattern.finditer(data)
    foreign_depth = 0  # inside <svg>/<math>: no raw text switching there
    while pos < size:
        match = next(matches, None)
        if match is None:
            if data[pos:size].strip(_SPACE):
                add(RawToken(text_kind, pos, size))
            return tokens
        start = match.start()
        if start > pos and data[pos:start].strip(_SPACE):
            add(RawToken(text_kind, pos, start))
        found = match.lastindex
        if found == start_complete:
            pos = match.end()
            raw_name, class_value = match.group(1, _CLASS)
            watched = 0
            for group, bit in watched_groups:
                if match.start(group) >= 0:
                    watched |= bit
            name = names.get(raw_name) or _new_name(names, raw_name)
            attrs_start, attrs_end = match.span(2)
            closing = data[pos - 2] == _SLASH and _self_closing(data, attrs_start, attrs_end)
            add(
                RawToken(
                    start_kind, start, pos, name, attrs_start, attrs_end, closing,
                    class_value, watched,
                )
            )  # fmt: skip
            if name in FOREIGN_ELEMENTS and not closing:
                foreign_depth += 1
            if not foreign_depth and name in _CONTENT_KINDS:
                stop = _content_end(data, name, pos)
                add(RawToken(_CONTENT_KINDS[name], pos, stop, name))
                pos = stop
                matches = pattern.finditer(data, pos)
        elif found == end_complete:
            pos = match.end()
            raw_name = match.group(end_name)
            name = names.get(raw_name) or _new_name(names, raw_name)
            if foreign_depth and name in FOREIGN_ELEMENTS:
                foreign_depth -= 1
            add(RawToken(end_kind, start, pos, name))
        elif found in (_START_TRUNCATED, end_name):  # no ">": cut off
            add(RawToken(Kind.JUNK, start, size))
            return tokens
        else:
            kind, pos = _other(data, start)
            add(RawToken(kind, start, pos))
            matches = pattern.finditer(data, pos)
    return tokens


def written_value(after_name: bytes) -> bytes:
    """The value bytes in what follows an attribute's name: b'="a b"' -> b"a b", b"" -> b"".

    That is how ``raw_tokens`` reports a ``class_value``.
    """
    return _unquote(after_name.lstrip(_SPACE).removeprefix(b"=").lstrip(_SPACE))


def _new_name(names: dict[bytes, str], raw: bytes) -> str:
    """A tag or attribute name, lower-cased, decoded once per page."""
    name = names[raw] = raw.decode("latin-1").lower()
    return name


def _self_closing(data: bytes, attrs_start: int, attrs_end: int) -> bool:
    """Whether the "/" before ">" ends the tag rather than an unquoted attribute value."""
    slash = attrs_end - 1
    if slash == attrs_start or data[slash - 1] in _SEPARATORS:
        return True  # "<br/>", "<img src=x />": no value can hold this "/"
    # Else the "/" belongs to the last value if that value is written unquoted.
    attributes = list(_ATTR.finditer(data, attrs_start, attrs_end))
    if not attributes:
        return True
    last = attributes[-1]
    return last.lastindex != _BARE_VALUE or last.start(_BARE_VALUE) == last.end(_BARE_VALUE)


def _content_end(data: bytes, name: str, start: int) -> int:
    """Where the raw text or RCDATA content of ``name`` ends: its end tag or the end of data."""
    if name == "script":
        return _script_end(data, start)
    match = None if name == "plaintext" else _CLOSING_TAGS[name].search(data, start)
    return match.start() if match else len(data)


# The script data states of the HTML standard (13.2.5.4 and 13.2.5.15-31), by what
# moves a tokenizer between them. In "escaped" text (after "<!--"), "<script" starts
# "double escaped" text, where "</script" does not close the element but goes back to
# escaped text: old pages write document.write('<script ...></script>') that way.
_SCRIPT_DELIMITER = rb"[\t\n\f\r />]"
_SCRIPT_DATA = re.compile(rb"<!--|</(?i:script)" + _SCRIPT_DELIMITER)
_SCRIPT_ESCAPED = re.compile(
    rb"(-->)|</(?i:script)" + _SCRIPT_DELIMITER + rb"|<(?i:script)" + _SCRIPT_DELIMITER
)
_SCRIPT_DOUBLE_ESCAPED = re.compile(rb"(-->)|</(?i:script)" + _SCRIPT_DELIMITER)


def _script_end(data: bytes, start: int) -> int:
    """Where a script element's content ends, as a browser's tokenizer finds it. Left
    out, as no real page needs them: a NUL (U+FFFD for a browser, a byte here) and
    anything but ASCII in the name "script" (browsers lower-case ASCII only, too)."""
    pos, state = start, _SCRIPT_DATA
    while (match := state.search(data, pos)) is not None:
        found = match.group()
        if state is _SCRIPT_DATA:
            if found.startswith(b"</"):
                return match.start()
            pos, state = match.start() + 2, _SCRIPT_ESCAPED  # "-->" may reuse the "--"
        elif match.group(1) is not None:  # "-->": back to script data
            pos, state = match.end(), _SCRIPT_DATA
        elif state is _SCRIPT_ESCAPED and found.startswith(b"</"):
            return match.start()
        else:  # "<script" starts double escaped text, "</script" ends it
            pos = match.end()
            state = _SCRIPT_DOUBLE_ESCAPED if state is _SCRIPT_ESCAPED else _SCRIPT_ESCAPED
    return len(data)


def _other(data: bytes, pos: int) -> tuple[Kind, int]:
    """The kind and end of a comment, doctype or bogus comment at ``pos``."""
    second = data[pos + 1 : pos + 2]
    if second == b"!":
        return _markup_declaration(data, pos)
    if second == b"/" and data.startswith(b"</>", pos):  # ignored by browsers
        return Kind.COMMENT, pos + 3
    return _bogus_comment(data, pos + 2)  # "<?" or "</" + not a letter


def _markup_declaration(data: bytes, pos: int) -> tuple[Kind, int]:
    if data.startswith(b"<!--", pos):
        return _comment(data, pos)
    if _DOCTYPE.match(data, pos):
        end = data.find(b">", pos)
        return (Kind.JUNK, len(data)) if end < 0 else (Kind.DOCTYPE, end + 1)
    return _bogus_comment(data, pos + 2)


def _comment(data: bytes, pos: int) -> tuple[Kind, int]:
    body = pos + 4
    if data.startswith(b">", body):  # <!-->
        return Kind.COMMENT, body + 1
    if data.startswith(b"->", body):  # <!--->
        return Kind.COMMENT, body + 2
    match = _COMMENT_END.search(data, body)
    return (Kind.JUNK, len(data)) if match is None else (Kind.COMMENT, match.end())


def _bogus_comment(data: bytes, body: int) -> tuple[Kind, int]:
    end = data.find(b">", body)
    return (Kind.JUNK, len(data)) if end < 0 else (Kind.COMMENT, end + 1)


_SLASH = ord("/")
_SEPARATORS = frozenset(b"\t\n\f\r /")


def _attr(match: re.Match[bytes], name: str) -> Attr:
    """The attribute ``name`` of one ``_ATTR`` match."""
    group = match.lastindex or 1
    if group == 1:  # no value
        return Attr(name, b"", match.end(1), match.end(1), "", False)
    value_start, value_end = match.span(group)
    return Attr(name, match.string[value_start:value_end], value_start, value_end, _QUOTES[group])


def _unquote(value: bytes) -> bytes:
    """A value as written after its "=", without its quotes (a tag's quotes are closed)."""
    return value[1:-1] if value[:1] in (b'"', b"'") else value


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
