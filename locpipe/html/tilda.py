"""What is text in a Tilda export, and the note a translator sees for each piece.

A segment is a maximal run of inline content (text and the inline elements of
``INLINE_ELEMENTS``) between block boundaries. Boundaries are set by element
type, never by "inside <a>": ``<a class="t-btn"><table><tr><td>Contact``
gives the segment "Contact" with the ``<a>`` outside it. Any other tag, a
comment, ``<img>``, ``<input>`` or a stray end tag ends the run too, so every
byte of a segment's span is text or one of its inline tags.

Decisions (see tilda-notes.md for the facts behind them):

- Extracted: every visible text node in ``<body>`` (fields or not: menus,
  buttons, Zero atoms, popups hidden by ``display:none``, success boxes, cart
  UI, labels, ``<option>`` text), ``<title>``, the ``<title>``/``<desc>`` of an
  inline SVG (icon names for screen readers, like ``aria-label``), the
  attributes in ``TEXT_ATTRIBUTES``, the ``value`` of submit/button inputs,
  the meta contents in ``META_TEXT``, and the strings under ``JSON_TEXT_KEYS`` in
  a Zero form's ``<textarea class="tn-atom__inputs-textarea">``.
- Left alone: ``<script>``, ``<style>``, ``<noscript>`` (CSS fallbacks and
  tracking pixels), comments, the rest of ``<svg>``, ``<pre>`` (its
  whitespace is its meaning), other ``<textarea>`` content (a form's default
  value), anything inside ``translate="no"`` or ``class="notranslate"``
  (descendants and their attributes), text without a letter (numbers, prices,
  "—"), and a lone URL, domain or e-mail address.
- ``<img>`` ends a run like a block (its ``alt`` is its own segment), so a
  sentence around an inline picture becomes two segments.
- Only one nesting of spans exists: an attribute segment (``title`` on an
  ``<a>``) may sit inside a start tag that is a placeholder of an element
  segment. ``splice.translation_edits`` folds such edits into the placeholder.
- ``data-tooltip-hook`` and other hooks, ``data-field-*-value`` other than the
  two text ones, ``li_nm``/``lid``/``li_type`` are never text. ``data-tooltip``
  (not seen in exports) is not extracted.
- Zero-form JSON whose ``<textarea>`` holds character references (a
  re-serialised export writes ``&quot;``) is skipped, never rewritten: its
  bytes are not the JSON the page's script reads, and a wrong guess corrupts
  the form. ``li_variants`` gives one segment per option (one per line).
- T431 table data (CSV with entity-escaped HTML in hidden divs) gives one
  segment per cell, its decoded HTML read as inline markup (see ``t431``).
- The UI options of Tilda's init scripts (store, feed, map markers) are
  segments, by key and from the options objects only (see ``script_options``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, NamedTuple

from locpipe.html.jsliteral import string_value
from locpipe.html.scan import (
    FOREIGN_ELEMENTS,
    RAWTEXT_ELEMENTS,
    RCDATA_ELEMENTS,
    Attr,
    AttributePicker,
    Kind,
    LineIndex,
    RawToken,
    Token,
    raw_tokens,
    unescape_attribute,
    unescape_text,
    written_value,
)
from locpipe.html.script_options import ScriptString, script_strings
from locpipe.html.t431 import cells, table_part
from locpipe.model import Destination, InlineTag, Segment, width_note
from locpipe.msgid import VOID_TAGS, PartKind, escape_text, normalize_space

INLINE_ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
VOID_INLINE_ELEMENTS = VOID_TAGS  # the void elements a msgid holds as placeholders
VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip

TEXT_ATTRIBUTES = {
    "alt": "alt text",
    "title": "tooltip (title)",
    "aria-label": "aria-label (read by screen readers)",
    "placeholder": "placeholder",
    "data-success-message": "form success message",
    "data-field-buttontitle-value": "Zero form button",
    "data-field-formmsgsuccess-value": "Zero form success message",
    "data-submit-title": "submit button",
    "data-map-title": "map title",
}
_ROLE_NAMES = frozenset({*TEXT_ATTRIBUTES, "value", "content"})  # see _attribute_role
_SVG_TEXT_ELEMENTS = frozenset({"title", "desc", "descr"})  # "descr": Tilda's cart icon
NO_TITLE_ELEMENTS = frozenset({"link", "meta", "style", "script"})
BUTTON_INPUT_TYPES = frozenset({"submit", "button", "reset"})
META_TEXT = {
    ("name", "description"),
    ("name", "keywords"),
    ("name", "twitter:title"),
    ("name", "twitter:description"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:site_name"),
    ("itemprop", "name"),
    ("itemprop", "description"),
}
JSON_TEXT_KEYS = {
    "li_ph": "Zero form field placeholder (li_ph)",
    "li_label": "Zero form field label (li_label)",
    "li_title": "Zero form field title (li_title)",
    "li_variants": "Zero form option (li_variants; also sent with the form)",
}
ZERO_FORM_TEXTAREA = "tn-atom__inputs-textarea"

BLOCK_KINDS = {
    "T396": "Zero Block",
    "T228": "menu",
    "T280": "menu",
    "T450": "menu",
    "T451": "menu",
    "T454": "menu",
    "T456": "menu",
    "T461": "menu",
    "T821": "menu",
    "T830": "menu",
    "T975": "mobile menu bar",
    "T702": "popup",
    "T390": "popup",
    "T750": "popup",
    "T945": "popup",
    "T868": "popup",
    "T786": "product popup",
    "T706": "cart",
    "T123": "HTML block",
    "T431": "table",
    "T794": "tooltip menu",
    "T017": "title",
    "T004": "text",
}
# data-record-type -> block name, for records without their "<!-- T123 -->" comment
# (reformatted exports drop comments). Seen in exports: old blocks have other
# numbers; from 300 on, the record type is the block number.
RECORD_TYPES = {
    "3": "T107",
    "4": "T121",
    "23": "T006",
    "33": "T017",
    "106": "T004",
    "121": "T594",
    "131": "T123",
    "147": "T214",
    "191": "T142",
    "209": "T185",
    "218": "T005",
    "257": "T228",
    "273": "T254",
}

_P_CLOSERS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "table", "ul", "dd", "dt",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SCOPE = frozenset({"td", "th", "table", "button", "html", "caption", "template", "object"})
# start tag -> (elements it closes, elements that stop the search)
_IMPLIED_ENDS = {
    "li": ({"li"}, {"ul", "ol", *_SCOPE}),
    "dd": ({"dd", "dt"}, {"dl", *_SCOPE}),
    "dt": ({"dd", "dt"}, {"dl", *_SCOPE}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table", "tbody", "thead", "tfoot"}),
    "tbody": ({"tbody", "thead", "tfoot"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot"}, {"table"}),
    "option": ({"option"}, {"select", "datalist", "optgroup"}),
    "optgroup": ({"option", "optgroup"}, {"select"}),
    "a": ({"a"}, set(_SCOPE)),
}

_CONTEXT_ELEMENTS = FOREIGN_ELEMENTS | _SVG_TEXT_ELEMENTS | {"pre", "head", "body"}  # _derive
_CLOSING_STARTS = _P_CLOSERS | _IMPLIED_ENDS.keys() | _HEADINGS  # see _close_implied
_CLOSING_ALWAYS = _IMPLIED_ENDS.keys() | _HEADINGS  # the rest close only an open <p>
# The comment right after a record's tag, maybe after whitespace (bytes.strip's set).
_RECORD_COMMENT = re.compile(rb"[\t\n\x0b\f\r ]*<!--\s*([Tt]\d+|tcart|cover)\s*-->")
_CONTENT_ELEMENTS = RAWTEXT_ELEMENTS | RCDATA_ELEMENTS  # their content is one token
_ASCII_WS = b"\t\n\f\r "
_AMPERSAND = ord("&")
_NBSP_ENTITY = re.compile(rb"&(?:nbsp;?|#0*160;|#[xX]0*[aA]0;)")
_BLANK = rb"(?:[\t\n\f\r ]|&nbsp;?|&#0*160;|&#[xX]0*[aA]0;|%s)*"  # % the encoded U+00A0
_LONE_ADDRESS = re.compile(
    r"(?i:https?://|ftp://|mailto:|tel:|www\.)\S+"  # URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?"  # lower-case domain, maybe with a path
)
_ADDRESS_FRAME = ".,;:!?()[]<>\"'«»“”„"  # punctuation that may surround an address
_JSON_STRING = re.compile(rb'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_JSON_COLON = re.compile(rb"\s*:\s*")
_JSON_ESCAPE = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_UNICODE_ESCAPE = re.compile(rb"\\u([0-9a-fA-F]{4})")


class Context(NamedTuple):
    """What a translator note says about a place in the page, and whether it is text."""

    record: str = ""  # "T396 Zero Block"
    zero: str = ""  # "text element": the Zero Block element around
    zero_size: str = ""  # "560 px wide, 40 px high": its box, for the text inside it
    max_width: int | None = None  # the box's width in px
    field: str = ""  # stripped field="…" value
    element: str = ""  # "div.t702__title": the nearest element with a class
    what: str = ""  # overrides "text of <element>" (page title, Zero form JSON)
    excluded: bool = False  # translate="no" / class="notranslate": nothing below is text
    foreign: bool = False  # inside <svg> or <math>
    svg_text: bool = False  # inside an SVG <title> or <desc>
    pre: bool = False
    head: bool = False

    @property
    def skip_text(self) -> bool:
        return self.excluded or self.pre or self.head or (self.foreign and not self.svg_text)

    def note(self, what: str, size: str = "") -> str:
        parts = [self.record, self.zero, size, f'field "{self.field}"' if self.field else "", what]
        return ", ".join(filter(None, parts))


class _Mode(NamedTuple):
    """The part of a context that decides what is text: known for every element at once."""

    excluded: bool = False
    foreign: bool = False
    svg_text: bool = False
    pre: bool = False
    head: bool = False


class _Frame(NamedTuple):
    """An open element (or a void one being read). Its ``Context`` waits for a segment."""

    name: str
    inline: bool
    skip_text: bool
    paragraphs: int  # open <p> elements, this one included
    start: int  # the start tag's span and the span of its attributes
    end: int
    attrs_start: int
    attrs_end: int
    class_value: bytes | None  # as the tokenizer reports it
    parsed: bool  # its attributes were read as it was met (see _Walker._start)
    watched: bool  # it has a watched attribute (see scan.WATCHED_ATTRIBUTES)
    noted: bool  # its attributes may change the note context (record, Zero element, field)
    mode: _Mode
    parent: _Frame | None


class _Item(NamedTuple):
    kind: PartKind
    start: int
    end: int
    name: str = ""
    frame: _Frame | None = None  # OPEN: the element


# A NamedTuple's own constructor is a Python function; these build the walker's many
# frames and items in C (all fields given, in order).
_new_frame: Callable[[tuple[Any, ...]], _Frame] = partial(tuple.__new__, _Frame)
_new_item: Callable[[tuple[Any, ...]], _Item] = partial(tuple.__new__, _Item)

# A class value holding one of these makes the walker read the tag's attributes at
# once (they may change what is text), or when a note needs them.
_CLASS_NOW = re.compile(rb"notranslate|&")
_CLASS_FOR_NOTES = re.compile(rb"t-rec|tn-elem|t396__elem")


def _class_hints(class_value: bytes) -> tuple[bool, bool]:
    """(read the tag now, read it for a note) for a tag with this class value."""
    return (
        _CLASS_NOW.search(class_value) is not None,
        _CLASS_FOR_NOTES.search(class_value) is not None,
    )


_CONTEXT_INDEX = {name: index for index, name in enumerate(Context._fields)}


def _mode_of(ctx: Context) -> _Mode:
    return _Mode(ctx.excluded, ctx.foreign, ctx.svg_text, ctx.pre, ctx.head)


def _child_mode(parent: _Mode, name: str, excluded: bool) -> _Mode:
    """The mode of an element; the same rules as ``_derive``."""
    return _Mode(
        excluded=parent.excluded or excluded,
        foreign=parent.foreign or name in FOREIGN_ELEMENTS,
        svg_text=parent.svg_text or (parent.foreign and name in _SVG_TEXT_ELEMENTS),
        pre=parent.pre or name == "pre",
        head=True if name == "head" else False if name == "body" else parent.head,
    )


def _skips_text(mode: _Mode) -> bool:
    return mode.excluded or mode.pre or mode.head or (mode.foreign and not mode.svg_text)


@dataclass
class _Space:
    """The bytes a walker reads, and where each of their offsets sits in the page."""

    data: bytes
    encoding: str
    page: bytes
    destination: Destination = Destination.ELEMENT
    offsets: Sequence[int] | None = None  # page offset of every data offset; None: data is page
    json_ascii: bool = False
    nbsp: bytes = field(init=False)  # U+00A0 in the encoding
    blank: re.Pattern[bytes] = field(init=False)  # whitespace and no-break spaces only

    def __post_init__(self) -> None:
        self.nbsp = "\xa0".encode(self.encoding)
        self.blank = re.compile(_BLANK % re.escape(self.nbsp))

    def to_page(self, offset: int) -> int:
        return offset if self.offsets is None else self.offsets[offset]

    def page_bytes(self, start: int, end: int) -> bytes:
        return self.page[self.to_page(start) : self.to_page(end)]


@dataclass
class TagMemo:
    """What reading tags taught, by spelling: a site repeats its tags across pages.

    One memo serves the pages read together (``read_page``'s ``memo``), never more.
    """

    facts: dict[tuple[str, bytes, str], _TagFacts] = field(default_factory=dict)
    class_hints: dict[bytes, tuple[bool, bool]] = field(default_factory=dict)  # _class_hints
    labels: dict[tuple[str, bytes, str], str] = field(default_factory=dict)  # _Walker._label


def find_segments(
    data: bytes,
    encoding: str,
    tokens: Iterable[RawToken],
    lines: LineIndex,
    *,
    notes: bool = True,
    memo: TagMemo | None = None,
) -> list[Segment]:
    """Every translatable segment of a page, ordered by start offset.

    With ``notes=False`` the segments have no translator note (``note`` is empty,
    ``max_width`` None): a build needs neither, and reads pages faster without.
    """
    space = _Space(data, encoding, data)
    memo = TagMemo() if memo is None else memo
    walker = _Walker(space, lines, Context(), attributes=True, notes=notes, memo=memo)
    walker.walk(tokens)
    return sorted(walker.segments, key=lambda segment: (segment.start, segment.end))


class _Walker:
    """Walks tokens with a light stack of open elements and cuts runs into segments.

    Speed matters here (tens of thousands of tokens per page), and most start
    tags change nothing but the nearest element of a translator note. So the
    walk keeps, for every element, only what decides what is text (``_Mode``),
    and reads a tag's attributes at once only when the tokenizer saw a watched
    one or its class asks for it (``_CLASS_NOW``). The rest of an element's
    ``Context`` is derived when a segment inside it needs a note (``_far``,
    ``_element``), never when the walk makes no notes.
    """

    def __init__(
        self,
        space: _Space,
        lines: LineIndex,
        root: Context,
        *,
        attributes: bool,
        notes: bool,
        memo: TagMemo,
    ):
        self.space = space
        self.lines = lines
        self.root = root
        self.root_mode = _mode_of(root)
        self.attributes = attributes
        self.notes = notes
        self.stack: list[_Frame] = []
        self.run: list[_Item] = []
        self.run_frame: _Frame | None = None  # the element the current run starts in
        self.segments: list[Segment] = []
        self.names: dict[bytes, str] = {}
        self.memo = memo
        self.class_hints = memo.class_hints
        self.tag_facts: dict[int, _TagFacts] = {}  # offset of a tag's attributes -> facts
        # Start offset of a frame's tag -> its context but for ``element`` (see _far).
        self.far_contexts: dict[int, Context] = {}

    def walk(self, tokens: Iterable[RawToken]) -> None:
        start_kind, end_kind, text_kind, close = Kind.START, Kind.END, Kind.TEXT, PartKind.CLOSE
        stack, space, data = self.stack, self.space, self.space.data
        covered = 0
        for token in tokens:
            kind, start, end, name = token[0], token[1], token[2], token[3]
            if start > covered and self.run:  # whitespace the tokenizer leaves out
                self._text(covered, start)
            covered = end
            if kind is text_kind:
                if not self.run and _blank_span(space, start, end):
                    continue  # whitespace between blocks: it would be trimmed off the run's edge
                self._text(start, end)
            elif kind is start_kind:
                self._start(token)
            elif kind is end_kind:
                if stack and stack[-1].name == name:  # the usual case, without a call
                    if stack[-1].inline:
                        self._add(_new_item((close, start, end, name, None)))
                    elif self.run:
                        self._flush()
                    stack.pop()
                else:
                    self._end(name, start, end)
            elif kind is Kind.RCDATA:
                self._rcdata(name, start, end)
            elif kind is Kind.RAWTEXT and name == "script":
                self._script(start, end)
            elif self.run:  # comments, doctype, raw text, junk end a run
                self._flush()
        if len(data) > covered and self.run:
            self._text(covered, len(data))
        self._flush()

    def _text(self, start: int, end: int) -> None:
        if self.stack[-1].skip_text if self.stack else self.root.skip_text:
            self._flush()
        else:
            self._add(_new_item((PartKind.TEXT, start, end, "", None)))

    # --- the element stack -------------------------------------------------------

    def _start(self, token: RawToken) -> None:
        _, start, end, name, attrs_start, attrs_end, closing, class_value, watched, field = token
        stack = self.stack
        if name in _CLOSING_STARTS and (
            name in _CLOSING_ALWAYS or (stack and stack[-1].paragraphs)
        ):
            self._close_implied(name)
        parent = stack[-1] if stack else None
        parent_mode = parent.mode if parent else self.root_mode
        parsed, noted = watched, watched or field
        if class_value is not None:
            hints = self.class_hints.get(class_value)
            if hints is None:
                hints = self.class_hints[class_value] = _class_hints(class_value)
            parsed = parsed or hints[0]
            noted = noted or parsed or hints[1]
        facts = self._facts(name, attrs_start, attrs_end, watched) if parsed else None
        excluded = facts is not None and facts.excluded
        if excluded or name in _CONTEXT_ELEMENTS:
            mode = _child_mode(parent_mode, name, excluded)
        else:
            mode = parent_mode
        skip_text = parent.skip_text if parent and mode is parent_mode else _skips_text(mode)
        inline = name in INLINE_ELEMENTS and not skip_text
        paragraphs = (parent.paragraphs if parent else 0) + (name == "p")
        frame = _new_frame((
            name, inline, skip_text, paragraphs, start, end, attrs_start, attrs_end,
            class_value, parsed, watched, noted, mode, parent,
        ))  # fmt: skip
        if facts is not None and facts.text_attributes and self.attributes and not mode.excluded:
            self._attribute_segments(frame)
        if class_value is not None and b"t431__data" in class_value and not skip_text:
            frame = self._table_data(frame)
        if name in VOID_INLINE_ELEMENTS:
            if skip_text:
                self._flush()
            else:
                self._add(_new_item((PartKind.VOID, start, end, name, None)))
        elif name in VOID_ELEMENTS or (
            closing and (parent_mode.foreign or name in FOREIGN_ELEMENTS)
        ):
            self._flush()
        elif inline:
            self._add(_new_item((PartKind.OPEN, start, end, name, frame)))
            stack.append(frame)
        else:
            if self.run:
                self._flush()
            stack.append(frame)

    def _label(self, frame: _Frame) -> str:
        """ "div.t-title": the element and its first class; "" without a class."""
        if frame.parsed:
            return self._frame_facts(frame).label
        if frame.class_value is None:
            return ""
        encoding = self.space.encoding
        key = (frame.name, frame.class_value, encoding)
        label = self.memo.labels.get(key)
        if label is None:
            classes = written_value(frame.class_value).decode(encoding, "replace").split()
            label = self.memo.labels[key] = f"{frame.name}.{classes[0]}" if classes else ""
        return label

    def _facts(self, name: str, attrs_start: int, attrs_end: int, watched: bool) -> _TagFacts:
        """What the tag says; worked out once per spelling (see ``TagMemo``).

        A tag without watched attributes has nothing for ``_tag_facts`` to read but
        ``_PICK_FOR_FACTS``: only those are read (a Zero element has dozens more).
        """
        facts = self.tag_facts.get(attrs_start)  # asked again for the same tag
        if facts is not None:
            return facts
        data, encoding = self.space.data, self.space.encoding
        key = (name, data[attrs_start:attrs_end], encoding)
        facts = self.memo.facts.get(key)
        if facts is None:
            values = None if watched else _PICK_FOR_FACTS(data, attrs_start, attrs_end)
            tag = Token(
                Kind.START, 0, 0, name, data, attrs_start, attrs_end, self.names, values=values
            )
            facts = self.memo.facts[key] = _tag_facts(tag, encoding)
        self.tag_facts[attrs_start] = facts
        return facts

    def _frame_facts(self, frame: _Frame) -> _TagFacts:
        return self._facts(frame.name, frame.attrs_start, frame.attrs_end, frame.watched)

    def _frame_token(self, frame: _Frame) -> Token:
        """The element's start tag as a ``Token``, to read all its attributes."""
        data, names = self.space.data, self.names
        start, end, name = frame.start, frame.end, frame.name
        return Token(Kind.START, start, end, name, data, frame.attrs_start, frame.attrs_end, names)

    def _note_context(self, frame: _Frame | None) -> tuple[Context, str]:
        """The context a segment's note is made of, but for its ``element``, and that.

        The root's when the walk makes no notes.
        """
        if frame is None or not self.notes:
            return self.root, self.root.element
        return self._far(frame), self._element(frame)

    def _context(self, frame: _Frame | None) -> Context:
        """The note context of an element (only its mode when the walk makes no notes)."""
        if frame is None:
            return self.root
        if not self.notes:  # what decides what is text, for a Zero form's walker
            mode = frame.mode
            return self.root._replace(
                excluded=mode.excluded,
                foreign=mode.foreign,
                svg_text=mode.svg_text,
                pre=mode.pre,
                head=mode.head,
            )
        far, element = self._far(frame), self._element(frame)
        return far if far.element == element else _replaced(far, {"element": element})

    def _far(self, frame: _Frame) -> Context:
        """An element's context but for ``element``, derived from its parent's on demand."""
        pending: list[_Frame] = []
        ctx = self.root
        current: _Frame | None = frame
        while current is not None:
            known = self.far_contexts.get(current.start)
            if known is not None:
                ctx = known
                break
            pending.append(current)
            current = current.parent
        data = self.space.data
        for current in reversed(pending):
            if current.noted or current.name in _CONTEXT_ELEMENTS:
                facts = self._frame_facts(current) if current.noted else None
                ctx = _derive(ctx, current.name, facts, data, current.end)
            self.far_contexts[current.start] = ctx
        return ctx

    def _element(self, frame: _Frame) -> str:
        """ "div.t-title": the nearest element with a class, else the element itself.

        An SVG ``<title>``/``<desc>`` names itself and hides the classes above it.
        """
        current: _Frame | None = frame
        while current is not None:
            parent_mode = current.parent.mode if current.parent else self.root_mode
            if parent_mode.foreign and current.name in _SVG_TEXT_ELEMENTS:
                return f"svg <{current.name}>" if current is frame else frame.name
            label = self._label(current)
            if label:
                return label
            current = current.parent
        return self.root.element if "." in self.root.element else frame.name

    def _close_implied(self, name: str) -> None:
        if name in _P_CLOSERS and self.stack and self.stack[-1].paragraphs:
            self._pop_open({"p"}, _SCOPE)
        if name in _IMPLIED_ENDS:
            closes, stops = _IMPLIED_ENDS[name]
            self._pop_open(closes, stops)
        elif name in _HEADINGS and self.stack and self.stack[-1].name in _HEADINGS:
            self._pop_to(len(self.stack) - 1)

    def _pop_open(
        self, closes: set[str] | frozenset[str], stops: set[str] | frozenset[str]
    ) -> None:
        for position in range(len(self.stack) - 1, -1, -1):
            frame_name = self.stack[position].name
            if frame_name in closes:
                self._pop_to(position)
                return
            if frame_name in stops:
                return

    def _pop_to(self, position: int) -> None:
        self._flush()
        del self.stack[position:]

    def _end(self, name: str, start: int, end: int) -> None:
        for position in range(len(self.stack) - 1, -1, -1):
            frame = self.stack[position]
            if frame.name != name:
                continue
            if position == len(self.stack) - 1 and frame.inline:
                self._add(_Item(PartKind.CLOSE, start, end, name))
                self.stack.pop()
            else:
                self._pop_to(position)
            return
        self._flush()  # a stray end tag stays in the page, outside any segment

    # --- runs ---------------------------------------------------------------------

    def _add(self, item: _Item) -> None:
        if not self.run:
            self.run_frame = self.stack[-1] if self.stack else None
        self.run.append(item)

    def _flush(self) -> None:
        if self.run:
            items, self.run = self.run, []
            if len(items) == 1 and items[0].kind is PartKind.TEXT:
                self._emit_run(items, [-1], 0, 1, self.run_frame)  # the usual run
                return
            for part, partner in _balanced_parts(items):
                self._segment(part, partner, self.run_frame)

    def _rcdata(self, name: str, start: int, end: int) -> None:
        self._flush()
        if not self.stack or self.stack[-1].name != name:
            return
        frame = self.stack[-1]
        if frame.mode.excluded:
            return
        if name == "title":
            ctx = self._context(frame)._replace(what="page title (<title>)")
            self._segment([_Item(PartKind.TEXT, start, end)], [-1], ctx)
        elif self.attributes and ZERO_FORM_TEXTAREA in self._frame_token(frame).classes(
            self.space.encoding
        ):
            self._zero_form_segments(start, end, self._context(frame))

    def _table_data(self, frame: _Frame) -> _Frame:
        """A T431 data div: one segment per cell (see ``t431``); its text is no other segment."""
        part = table_part(self._frame_token(frame).classes(self.space.encoding))
        if part is None or not self.attributes:
            return frame
        data, encoding = self.space.data, self.space.encoding
        content_end = data.find(b"<", frame.end)  # the data is all text: its HTML is escaped
        ctx = self._context(frame)
        for cell in cells(data, frame.end, len(data) if content_end < 0 else content_end, encoding):
            space = _Space(cell.html, "utf-8", data, Destination.TABLE_CELL, cell.offsets)
            root = ctx._replace(what=f"{part}, row {cell.row}, column {cell.column}")
            walker = _Walker(
                space, self.lines, root, attributes=False, notes=self.notes, memo=self.memo
            )
            walker.walk(raw_tokens(cell.html))
            self.segments.extend(walker.segments)
        return frame._replace(skip_text=True)

    def _script(self, start: int, end: int) -> None:
        """The UI strings of a Tilda init script's options (see ``script_options``)."""
        self._flush()
        frame = self.stack[-1] if self.stack else None
        if not self.attributes or frame is None or frame.name != "script" or frame.mode.excluded:
            return
        found = script_strings(self.space.data, start, end)
        if found:
            self._script_segments(found, self._context(frame))

    def _script_segments(self, found: list[ScriptString], ctx: Context) -> None:
        page, encoding = self.space.page, self.space.encoding
        for item in found:
            string = item.string
            value, offsets = string_value(page, string.start, string.end, encoding)
            raw = page[string.start : string.end]
            ascii_only = any(int(code, 16) >= 0x80 for code in _UNICODE_ESCAPE.findall(raw))
            space = _Space(value, "utf-8", page, Destination.SCRIPT, offsets, ascii_only)
            root = ctx._replace(what=item.note)
            walker = _Walker(
                space, self.lines, root, attributes=False, notes=self.notes, memo=self.memo
            )
            walker.walk(raw_tokens(value))
            self.segments.extend(replace(s, quote=string.quote) for s in walker.segments)

    def _segment(
        self, items: list[_Item], partner: list[int], where: _Frame | Context | None
    ) -> None:
        """One segment from a well-nested run, trimmed; nothing when it has no letter.

        ``partner``: see ``_partners``; ``where``: the element the run is in (None:
        the root), or its context.
        """
        if len(items) == 1:  # the usual run, one text: nothing to pair or unwrap
            if items[0].kind is not PartKind.TEXT or _blank(self.space, items[0]):
                return
            low, high = 0, 1
        else:
            low, high, wrapper = _trim(items, partner, self.space)
            if wrapper is not None:
                where = wrapper
        if low < high:
            self._emit_run(items, partner, low, high, where)

    def _emit_run(
        self,
        items: Sequence[_Item],
        partner: Sequence[int],
        low: int,
        high: int,
        where: _Frame | Context | None,
    ) -> None:
        """The segment of ``items[low:high]``, if it has a letter; ``where``: its context."""
        data, encoding = self.space.data, self.space.encoding
        start = (
            _skip_space(data, items[low].start, items[low].end)
            if items[low].kind is PartKind.TEXT
            else items[low].start
        )
        last = items[high - 1]
        end = _rskip_space(data, last.start, last.end) if last.kind is PartKind.TEXT else last.end
        pieces: list[str] = []
        texts: list[str] = []
        tags: list[InlineTag] = []
        for index in range(low, high):
            item = items[index]
            if item.kind is PartKind.TEXT:
                text = _decode_text(data[max(item.start, start) : min(item.end, end)], encoding)
                texts.append(text)
                pieces.append(escape_text(normalize_space(text)))
            elif item.kind is PartKind.CLOSE:
                pieces.append(f"</{item.name}>")
            else:
                pieces.append(f"<{item.name}>")
                tags.append(
                    self._inline_tag(item, items[partner[index]] if partner[index] >= 0 else None)
                )
        if not is_text(" ".join(texts)):  # a tag separates words (see is_text)
            return
        ctx, element = (
            (where, where.element) if isinstance(where, Context) else self._note_context(where)
        )
        what = ctx.what or f"text of {element}"
        box = (
            (ctx.zero_size, ctx.max_width)
            if self.space.destination is Destination.ELEMENT
            else ("", None)
        )
        self._emit("".join(pieces).strip(" "), start, end, ctx, tuple(tags), what, box)

    def _inline_tag(self, item: _Item, closing: _Item | None) -> InlineTag:
        space = self.space
        if closing is None:
            return InlineTag(
                item.name, space.page_bytes(item.start, item.end), b"", space.to_page(item.start)
            )
        return InlineTag(
            item.name,
            space.page_bytes(item.start, item.end),
            space.page_bytes(closing.start, closing.end),
            space.to_page(item.start),
            space.to_page(closing.start),
        )

    def _emit(
        self,
        msgid: str,
        start: int,
        end: int,
        ctx: Context,
        tags: tuple[InlineTag, ...],
        what: str,
        box: tuple[str, int | None],
        *,
        destination: Destination | None = None,
        quote: str = '"',
    ) -> None:
        """Record a segment; ``box`` is the size phrase and px width of a fixed-size box."""
        space = self.space
        page_start = space.to_page(start)
        self.segments.append(
            Segment(
                msgid=msgid,
                start=page_start,
                end=space.to_page(end),
                line=self.lines.line(page_start),
                destination=destination or space.destination,
                note=ctx.note(what, box[0]) if self.notes else "",
                tags=tags,
                quote=quote,
                max_width=box[1] if self.notes else None,
                nbsp_entity=_writes_nbsp_entity(space.data[start:end], space.encoding, space.nbsp),
                json_ascii=space.json_ascii,
            )
        )

    # --- attributes ---------------------------------------------------------------

    def _attribute_segments(self, frame: _Frame) -> None:
        encoding, tag = self.space.encoding, self._frame_token(frame)
        for attr in tag.attrs:
            what = _attribute_role(tag, attr, encoding)
            if what is None or not attr.has_value:
                continue
            start = _skip_space(attr.raw, 0, len(attr.raw))
            end = _rskip_space(attr.raw, start, len(attr.raw))
            value = unescape_attribute(attr.raw[start:end].decode(encoding, "replace"))
            if not is_text(value):
                continue
            msgid = escape_text(normalize_space(value))
            self._emit(
                msgid,
                attr.start + start,
                attr.start + end,
                self._note_context(frame)[0],
                (),
                what,
                _attribute_box(tag, attr, encoding),
                destination=Destination.ATTRIBUTE,
                quote=attr.quote,
            )

    # --- Zero forms ---------------------------------------------------------------

    def _zero_form_segments(self, start: int, end: int, ctx: Context) -> None:
        page, encoding = self.space.page, self.space.encoding
        raw = page[start:end]
        if b"&" in raw:
            return  # entity-encoded JSON: skipped, see the module docstring
        try:
            json.loads(raw.decode(encoding))
        except ValueError:
            return
        json_ascii = any(int(code, 16) >= 0x80 for code in _UNICODE_ESCAPE.findall(raw))
        for key, value_start, value_end in _json_string_fields(raw, start):
            what = JSON_TEXT_KEYS.get(key)
            if what is None:
                continue
            value, offsets = _decode_json_string(page, value_start, value_end, encoding)
            root = ctx._replace(what=what)
            lines = value.split(b"\n") if key == "li_variants" else [value]
            position = 0
            for line in lines:
                space = _Space(
                    line,
                    "utf-8",
                    page,
                    Destination.JSON,
                    offsets[position : position + len(line) + 1],
                    json_ascii,
                )
                walker = _Walker(
                    space, self.lines, root, attributes=False, notes=self.notes, memo=self.memo
                )
                walker.walk(raw_tokens(line))
                self.segments.extend(walker.segments)
                position += len(line) + 1


# --- contexts ---------------------------------------------------------------------


class _TagFacts(NamedTuple):
    """What a start tag's attributes say about its element."""

    changes: Mapping[str, Any]  # fields of the parent's context the element replaces
    label: str  # "div.t-title": the element and its first class; "" without a class
    record_type: str | None  # the data-record-type of a record (t-rec); None: not a record
    text_attributes: bool  # has an attribute that may carry text

    @property
    def excluded(self) -> bool:
        return bool(self.changes.get("excluded"))


# Every attribute _tag_facts reads but the watched ones (see _Walker._facts).
_PICK_FOR_FACTS = AttributePicker(
    (
        "class", "field", "data-record-type", "data-elem-type", "data-field-width-value",
        "data-field-widthunits-value", "data-field-height-value", "data-field-heightunits-value",
    )
)  # fmt: skip


def _tag_facts(tag: Token, encoding: str) -> _TagFacts:
    name, values = tag.name, tag.values
    changes: dict[str, Any] = {}
    classes = tag.classes(encoding) if "class" in values else []
    record_type = None
    translate = tag.attr_text("translate", encoding) if "translate" in values else None
    if "notranslate" in classes or (translate is not None and translate.strip().lower() == "no"):
        changes["excluded"] = True
    if "t-rec" in classes:
        record_type = tag.attr_text("data-record-type", encoding) or ""
        changes.update(zero="", zero_size="", max_width=None, field="")
    if "tn-elem" in classes or "t396__elem" in classes:
        changes.update(_zero_element(tag, encoding))
    slot = tag.attr_text("field", encoding) if "field" in values else None
    if slot is not None and slot.strip():
        changes["field"] = slot.strip()
    label = f"{name}.{classes[0]}" if classes else ""
    text_attributes = not _ROLE_NAMES.isdisjoint(values)
    return _TagFacts(changes, label, record_type, text_attributes)


def _derive(
    parent: Context, name: str, facts: _TagFacts | None, data: bytes, tag_end: int
) -> Context:
    """An element's context from its parent's, its name and its tag's facts.

    The ``element`` field stays the parent's: see ``_Walker._element``.
    """
    changes: dict[str, Any] = dict(facts.changes) if facts is not None else {}
    if facts is not None and facts.record_type is not None:
        changes["record"] = _record_label(facts.record_type, name, data, tag_end)
    if name in FOREIGN_ELEMENTS:
        changes["foreign"] = True
    elif name == "pre":
        changes["pre"] = True
    elif name == "head":
        changes["head"] = True
    elif name == "body":
        changes["head"] = False
    if parent.foreign and name in _SVG_TEXT_ELEMENTS:
        changes["svg_text"] = True
    return _replaced(parent, changes) if changes else parent


def _replaced(ctx: Context, changes: Mapping[str, Any]) -> Context:
    """``ctx._replace(**changes)``, without its keyword machinery (once per element)."""
    values = list(ctx)
    for name, value in changes.items():
        values[_CONTEXT_INDEX[name]] = value
    return tuple.__new__(Context, values)


def _record_label(record_type: str, name: str, data: bytes, tag_end: int) -> str:
    """ "T396 Zero Block": named by the ``<!-- T396 -->`` comment after the record's tag."""
    number = record_type.strip()
    block = RECORD_TYPES.get(
        number, f"T{number}" if number.isdigit() and int(number) >= 300 else ""
    )
    comment = None if name in _CONTENT_ELEMENTS else _RECORD_COMMENT.match(data, tag_end)
    if comment is not None:
        found = comment.group(1).decode("ascii")
        block = "T706" if found == "tcart" else found.upper() if found[0] in "Tt" else found
    if not block:
        return f"block type {number}" if number else "block"
    kind = BLOCK_KINDS.get(block)
    return f"{block} {kind}" if kind else block


def _zero_element(tag: Token, encoding: str) -> dict[str, Any]:
    kind = (tag.attr_text("data-elem-type", encoding) or "").strip() or "Zero"
    width = _pixels(tag, "width", encoding)
    height = _pixels(tag, "height", encoding) if kind != "text" else None  # text grows down
    size = [width_note(width)] if width is not None else []
    if height is not None:
        size.append(f"{height} px high")
    return {"zero": f"{kind} element", "zero_size": ", ".join(size), "max_width": width}


def _attribute_box(tag: Token, attr: Attr, encoding: str) -> tuple[str, int | None]:
    """A Zero form's button title has the button's width; other attributes have no box."""
    if attr.name != "data-field-buttontitle-value":
        return "", None
    width = _pixels(tag, "buttonwidth", encoding)
    return (width_note(width), width) if width is not None else ("", None)


def _pixels(tag: Token, dimension: str, encoding: str) -> int | None:
    units = (tag.attr_text(f"data-field-{dimension}units-value", encoding) or "").strip()
    value = (tag.attr_text(f"data-field-{dimension}-value", encoding) or "").strip()
    if units not in ("", "px"):
        return None
    try:
        pixels = round(float(value))
    except ValueError:
        return None
    return pixels if pixels > 0 else None


def _attribute_role(tag: Token, attr: Attr, encoding: str) -> str | None:
    """The note for an attribute that carries text, None for any other attribute."""
    name = attr.name
    if name in TEXT_ATTRIBUTES:
        if name == "title" and tag.name in NO_TITLE_ELEMENTS:
            return None
        if name == "placeholder" and _input_type(tag, encoding) == "hidden":
            return None
        return f"{TEXT_ATTRIBUTES[name]} of {_describe(tag, encoding)}"
    if name == "value" and tag.name == "input" and _input_type(tag, encoding) in BUTTON_INPUT_TYPES:
        return f"button text of {_describe(tag, encoding)}"
    if name == "content" and tag.name == "meta":
        for key in ("name", "property", "itemprop"):
            value = tag.attr_text(key, encoding)
            if value is not None and (key, value.strip().lower()) in META_TEXT:
                return f"meta {value.strip().lower()}"
    return None


def _input_type(tag: Token, encoding: str) -> str:
    return (tag.attr_text("type", encoding) or "text").strip().lower()


def _describe(tag: Token, encoding: str) -> str:
    classes = tag.classes(encoding)
    return f"{tag.name}.{classes[0]}" if classes else tag.name


# --- runs -------------------------------------------------------------------------


def _partners(items: Sequence[_Item]) -> tuple[list[int], bool]:
    """For each item, the index of the tag it pairs with (-1 when none); all tags paired?"""
    partner = [-1] * len(items)
    stack: list[int] = []
    unpaired = 0
    for index, item in enumerate(items):
        if item.kind is PartKind.OPEN:
            stack.append(index)
            unpaired += 1
        elif item.kind is PartKind.CLOSE:
            unpaired += 1
            for depth in range(len(stack) - 1, -1, -1):
                if items[stack[depth]].name == item.name:
                    partner[stack[depth]], partner[index] = index, stack[depth]
                    del stack[depth:]  # tags opened after it stay unpaired
                    unpaired -= 2
                    break
    return partner, unpaired == 0


_UNPAIRED = frozenset({PartKind.TEXT, PartKind.VOID})


def _balanced_parts(items: list[_Item]) -> list[tuple[list[_Item], list[int]]]:
    """Cut a run at every tag that has no partner inside it, until all parts nest.

    Each part comes with its ``_partners``.
    """
    if len(items) == 1 and items[0].kind in _UNPAIRED:
        return [(items, [-1])]  # the usual run: nothing to pair
    partner, all_paired = _partners(items)
    if all_paired:
        return [(items, partner)]
    cuts = [
        i
        for i, item in enumerate(items)
        if item.kind in (PartKind.OPEN, PartKind.CLOSE) and partner[i] < 0
    ]
    if not cuts:
        return [(items, partner)]
    parts: list[tuple[list[_Item], list[int]]] = []
    previous = 0
    for cut in [*cuts, len(items)]:
        if cut > previous:
            parts.extend(_balanced_parts(items[previous:cut]))
        previous = cut + 1
    return parts


def _trim(
    items: Sequence[_Item], partner: Sequence[int], space: _Space
) -> tuple[int, int, _Frame | None]:
    """Drop blank edges, edge ``<br>``s and tag pairs that wrap the whole run.

    Returns the span left and the innermost element unwrapped (None: none).
    """
    low, high = 0, len(items)
    wrapper = None
    while True:
        filled = [
            i
            for i in range(low, high)
            if items[i].kind is PartKind.TEXT and not _blank(space, items[i])
        ]
        if not filled:
            return 0, 0, wrapper
        low = _balanced_prefix_end(items, low, filled[0])
        high = _balanced_suffix_start(items, filled[-1] + 1, high)
        if items[low].kind is PartKind.OPEN and partner[low] == high - 1:
            wrapper = items[low].frame or wrapper
            low, high = low + 1, high - 1
            continue
        return low, high, wrapper


def _balanced_prefix_end(items: Sequence[_Item], low: int, limit: int) -> int:
    """The largest k <= limit such that items[low:k] is balanced."""
    best, depth = low, 0
    for index in range(low, limit):
        depth += _depth_step(items[index])
        if depth == 0:
            best = index + 1
    return best


def _balanced_suffix_start(items: Sequence[_Item], limit: int, high: int) -> int:
    """The smallest m >= limit such that items[m:high] is balanced."""
    best, depth = high, 0
    for index in range(high - 1, limit - 1, -1):
        depth -= _depth_step(items[index])
        if depth == 0:
            best = index
    return best


def _depth_step(item: _Item) -> int:
    if item.kind is PartKind.OPEN:
        return 1
    if item.kind is PartKind.CLOSE:
        return -1
    return 0


def _blank(space: _Space, item: _Item) -> bool:
    return _blank_span(space, item.start, item.end)


def _blank_span(space: _Space, start: int, end: int) -> bool:
    rest = space.data[start:end].lstrip(_ASCII_WS)
    if not rest:
        return True
    if rest[0] != _AMPERSAND and not rest.startswith(space.nbsp):
        return False  # the usual case, decided without the slower pattern
    match = space.blank.match(space.data, start, end)
    return match is not None and match.end() == end


def _skip_space(data: bytes, start: int, end: int) -> int:
    while start < end and data[start] in _ASCII_WS:
        start += 1
    return start


def _rskip_space(data: bytes, start: int, end: int) -> int:
    while end > start and data[end - 1] in _ASCII_WS:
        end -= 1
    return end


def _decode_text(raw: bytes, encoding: str) -> str:
    return unescape_text(raw.decode(encoding, "replace"))


def is_text(plain: str) -> bool:
    """Has a letter, and is not nothing but addresses (URLs, domains, e-mail, tel:).

    ``plain`` has a space wherever a tag stood, so a label glued to an address by a
    ``<br>`` or a link ("Contact<br><a>x@y.z</a>") is text: one word is not an address.
    """
    stripped = plain.strip()
    if not (stripped[:1].isalpha() or any(char.isalpha() for char in stripped)):
        return False
    if "." not in stripped and "@" not in stripped and ":" not in stripped:
        return True  # every address has one of these: the usual text, decided at once
    return any(_is_label_word(word) for word in stripped.split())


def _is_label_word(word: str) -> bool:
    """A word with a letter that is not an address (punctuation around it aside)."""
    bare = word.strip(_ADDRESS_FRAME)
    return any(char.isalpha() for char in bare) and _LONE_ADDRESS.fullmatch(bare) is None


def _writes_nbsp_entity(raw: bytes, encoding: str, nbsp: bytes) -> bool:
    """Whether the source spells U+00A0 as a reference (or has none at all)."""
    if nbsp not in raw or _NBSP_ENTITY.search(raw):
        return True
    return "\xa0" not in raw.decode(encoding, "replace")


# --- Zero-form JSON ---------------------------------------------------------------


def _json_string_fields(raw: bytes, base: int) -> list[tuple[str, int, int]]:
    """(key, start, end) of every ``"key": "string"`` pair; offsets of the string's content."""
    fields: list[tuple[str, int, int]] = []
    previous: re.Match[bytes] | None = None
    for match in _JSON_STRING.finditer(raw):
        if previous is not None and _JSON_COLON.fullmatch(raw, previous.end(), match.start()):
            key = json.loads(previous.group(0).decode("utf-8", "replace"))
            fields.append((str(key), base + match.start(1), base + match.end(1)))
        previous = match
    return fields


def _decode_json_string(
    page: bytes, start: int, end: int, encoding: str
) -> tuple[bytes, list[int]]:
    """The value of a JSON string literal as UTF-8, and the page offset of each of its bytes.

    The list has one more entry than the value: the offset just past the literal.
    """
    literal = page[start:end].decode(encoding)
    char_offsets = [start]
    for char in literal:
        char_offsets.append(char_offsets[-1] + len(char.encode(encoding)))
    value = bytearray()
    offsets: list[int] = []
    index = 0
    while index < len(literal):
        char, width = _json_char(literal, index)
        encoded = char.encode("utf-8", "surrogatepass")
        value += encoded
        offsets.extend([char_offsets[index]] * len(encoded))
        index += width
    offsets.append(end)
    return bytes(value), offsets


def _json_char(literal: str, index: int) -> tuple[str, int]:
    """The character a JSON string literal spells at ``index``, and how many characters it takes."""
    if literal[index] != "\\":
        return literal[index], 1
    escape = literal[index + 1]
    if escape != "u":
        return _JSON_ESCAPE[escape], 2
    code = int(literal[index + 2 : index + 6], 16)
    if 0xD800 <= code < 0xDC00 and literal[index + 6 : index + 8] == "\\u":
        low = int(literal[index + 8 : index + 12], 16)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6
