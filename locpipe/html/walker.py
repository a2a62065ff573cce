"""What is text in a Tilda export: a walk over a page's tokens that cuts it into segments.

A segment is a maximal run of inline content (text and the inline elements of
``INLINE_ELEMENTS``) between block boundaries. Boundaries are set by element
type, never by "inside <a>": ``<a class="t-btn"><table><tr><td>Contact``
gives the segment "Contact" with the ``<a>`` outside it. Any other tag, a
comment, ``<img>``, ``<input>`` or a stray end tag ends the run too, so every
byte of a segment's span is text or one of its inline tags.

What is extracted and what is left alone, and why: see the package docstring
(``locpipe/html/__init__.py``). The Tilda facts are tables in ``tilda_rules``; the
generic tree rules and the one derivation of what is text (``TextMode``) are in
``tree``; runs, notes and Zero-form JSON have modules of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from locpipe.html import tilda_rules as rules
from locpipe.html.jsliteral import string_value
from locpipe.html.lines import LineIndex
from locpipe.html.notes import Context, TagFacts, attribute_box, attribute_role, derive, tag_facts
from locpipe.html.runs import (
    Item,
    Space,
    balanced_parts,
    blank_span,
    is_text,
    rskip_space,
    run_text,
    skip_space,
    trim,
    writes_nbsp_entity,
)
from locpipe.html.scan import (
    FOREIGN_ELEMENTS,
    Kind,
    RawToken,
    Token,
    unescape_attribute,
    written_value,
)
from locpipe.html.script_options import ScriptString, script_strings
from locpipe.html.t431 import cells, table_part
from locpipe.html.tag_hints import FOR_NOTES, READ_NOW, ClassHints, class_hints, page_tokens
from locpipe.html.tree import (
    CLOSING_ALWAYS,
    CLOSING_STARTS,
    HEADINGS,
    IMPLIED_ENDS,
    INLINE_ELEMENTS,
    MODE_ELEMENTS,
    P_CLOSERS,
    SCOPE,
    SVG_TEXT_ELEMENTS,
    VOID_ELEMENTS,
    VOID_INLINE_ELEMENTS,
    TextMode,
)
from locpipe.html.zero_form import unicode_escapes_beyond_ascii, zero_form_texts
from locpipe.model import Destination, InlineTag, Segment
from locpipe.msgid import PartKind, escape_text, normalize_space


class Frame(NamedTuple):
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
    noted: bool  # its attributes may change the note context (record, Zero element, field)
    mode: TextMode
    parent: Frame | None


@dataclass
class TagMemo:
    """What reading tags taught, by spelling: a site repeats its tags across pages.

    One memo serves the pages read together (``read_page``'s ``memo``), never more.
    """

    facts: dict[tuple[str, bytes, str], TagFacts] = field(default_factory=dict)
    class_hints: dict[bytes, ClassHints] = field(default_factory=dict)
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

    ``tokens``: the page's ``page_tokens`` (they tell which tags have attributes to read).

    With ``notes=False`` the segments have no translator note (``note`` is empty,
    ``max_width`` None): a build needs neither, and reads pages faster without.
    """
    space = Space(data, encoding, data)
    memo = TagMemo() if memo is None else memo
    walker = _Walker(space, lines, Context(), TextMode(), attributes=True, notes=notes, memo=memo)
    walker.walk(tokens)
    return sorted(walker.segments, key=lambda segment: (segment.start, segment.end))


class _Walker:
    """Walks tokens with a light stack of open elements and cuts runs into segments.

    Speed matters here (tens of thousands of tokens per page), and most start
    tags change nothing but the nearest element of a translator note. So the
    walk keeps, for every element, only what decides what is text (``TextMode``),
    and reads a tag's attributes at once only when the tokenizer saw a watched
    one or its class asks for it (``_CLASS_NOW``). The rest of an element's
    ``Context`` is derived when a segment inside it needs a note (``_far``,
    ``_element``), never when the walk makes no notes.
    """

    def __init__(
        self,
        space: Space,
        lines: LineIndex,
        root: Context,
        root_mode: TextMode,
        *,
        attributes: bool,
        notes: bool,
        memo: TagMemo,
    ):
        self.space = space
        self.lines = lines
        self.root = root
        self.root_mode = root_mode
        self.attributes = attributes
        self.notes = notes
        self.stack: list[Frame] = []
        self.run: list[Item] = []
        self.run_frame: Frame | None = None  # the element the current run starts in
        self.segments: list[Segment] = []
        self.names: dict[bytes, str] = {}
        self.memo = memo
        self.class_hints = memo.class_hints
        self.tag_facts: dict[int, TagFacts] = {}  # offset of a tag's attributes -> facts
        # Start offset of a frame's tag -> its context but for ``element`` (see _far).
        self.far_contexts: dict[int, Context] = {}

    def walk(self, tokens: Iterable[RawToken]) -> None:
        start_kind, end_kind, text_kind, close = Kind.START, Kind.END, Kind.TEXT, PartKind.CLOSE
        stack, space, data = self.stack, self.space, self.space.data
        covered = 0
        for token in tokens:
            kind, start, end, name = token.kind, token.start, token.end, token.name
            if start > covered and self.run:  # whitespace the tokenizer leaves out
                self._text(covered, start)
            covered = end
            if kind is text_kind:
                if not self.run and blank_span(space, start, end):
                    continue  # whitespace between blocks: it would be trimmed off the run's edge
                self._text(start, end)
            elif kind is start_kind:
                self._start(token)
            elif kind is end_kind:
                if stack and stack[-1].name == name:  # the usual case, without a call
                    if stack[-1].inline:
                        self._add(Item(close, start, end, name))
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
        if self.stack[-1].skip_text if self.stack else self.root_mode.skips_text:
            self._flush()
        else:
            self._add(Item(PartKind.TEXT, start, end))

    # --- the element stack -------------------------------------------------------

    def _start(self, token: RawToken) -> None:
        _, start, end, name, attrs_start, attrs_end, closing, class_value, watched = token
        stack = self.stack
        if name in CLOSING_STARTS and (name in CLOSING_ALWAYS or (stack and stack[-1].paragraphs)):
            self._close_implied(name)
        parent = stack[-1] if stack else None
        parent_mode = parent.mode if parent else self.root_mode
        parsed, noted = bool(watched & READ_NOW), bool(watched & (READ_NOW | FOR_NOTES))
        table_data = False
        if class_value is not None:
            hints = self.class_hints.get(class_value)
            if hints is None:
                hints = self.class_hints[class_value] = class_hints(class_value)
            parsed = parsed or hints.read_now
            noted = noted or parsed or hints.for_notes
            table_data = hints.table_data
        facts = self._facts(name, attrs_start, attrs_end) if parsed else None
        excluded = facts is not None and facts.excluded
        mode = (
            parent_mode.child(name, excluded) if excluded or name in MODE_ELEMENTS else parent_mode
        )
        skip_text = parent.skip_text if parent and mode is parent_mode else mode.skips_text
        inline = name in INLINE_ELEMENTS and not skip_text
        paragraphs = (parent.paragraphs if parent else 0) + (name == "p")
        frame = Frame(
            name, inline, skip_text, paragraphs, start, end, attrs_start, attrs_end,
            class_value, parsed, noted, mode, parent,
        )  # fmt: skip
        if facts is not None and facts.text_attributes and self.attributes and not mode.excluded:
            self._attribute_segments(frame)
        if table_data and not skip_text:
            frame = self._table_data(frame)
        if name in VOID_INLINE_ELEMENTS:
            if skip_text:
                self._flush()
            else:
                self._add(Item(PartKind.VOID, start, end, name))
        elif name in VOID_ELEMENTS or (
            closing and (parent_mode.foreign or name in FOREIGN_ELEMENTS)
        ):
            self._flush()
        elif inline:
            self._add(Item(PartKind.OPEN, start, end, name, frame))
            stack.append(frame)
        else:
            if self.run:
                self._flush()
            stack.append(frame)

    def _label(self, frame: Frame) -> str:
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

    def _facts(self, name: str, attrs_start: int, attrs_end: int) -> TagFacts:
        """What the tag says; worked out once per spelling (see ``TagMemo``)."""
        facts = self.tag_facts.get(attrs_start)  # asked again for the same tag
        if facts is not None:
            return facts
        data, encoding = self.space.data, self.space.encoding
        key = (name, data[attrs_start:attrs_end], encoding)
        facts = self.memo.facts.get(key)
        if facts is None:
            tag = Token(Kind.START, 0, 0, name, data, attrs_start, attrs_end, self.names)
            facts = self.memo.facts[key] = tag_facts(tag, encoding)
        self.tag_facts[attrs_start] = facts
        return facts

    def _frame_facts(self, frame: Frame) -> TagFacts:
        return self._facts(frame.name, frame.attrs_start, frame.attrs_end)

    def _frame_token(self, frame: Frame) -> Token:
        """The element's start tag as a ``Token``, to read all its attributes."""
        data, names = self.space.data, self.names
        start, end, name = frame.start, frame.end, frame.name
        return Token(Kind.START, start, end, name, data, frame.attrs_start, frame.attrs_end, names)

    def _note_context(self, frame: Frame | None) -> tuple[Context, str]:
        """The context a segment's note is made of, but for its ``element``, and that.

        The root's when the walk makes no notes.
        """
        if frame is None or not self.notes:
            return self.root, self.root.element
        return self._far(frame), self._element(frame)

    def _context(self, frame: Frame | None) -> Context:
        """The note context of an element (the root's when the walk makes no notes)."""
        if frame is None or not self.notes:
            return self.root
        far, element = self._far(frame), self._element(frame)
        return far if far.element == element else far._replace(element=element)

    def _far(self, frame: Frame) -> Context:
        """An element's context but for ``element``, derived from its parent's on demand."""
        pending: list[Frame] = []
        ctx = self.root
        current: Frame | None = frame
        while current is not None:
            known = self.far_contexts.get(current.start)
            if known is not None:
                ctx = known
                break
            pending.append(current)
            current = current.parent
        data = self.space.data
        for current in reversed(pending):
            if current.noted:
                ctx = derive(ctx, current.name, self._frame_facts(current), data, current.end)
            self.far_contexts[current.start] = ctx
        return ctx

    def _element(self, frame: Frame) -> str:
        """ "div.t-title": the nearest element with a class, else the element itself.

        An SVG ``<title>``/``<desc>`` names itself and hides the classes above it.
        """
        current: Frame | None = frame
        while current is not None:
            parent_mode = current.parent.mode if current.parent else self.root_mode
            if parent_mode.foreign and current.name in SVG_TEXT_ELEMENTS:
                return f"svg <{current.name}>" if current is frame else frame.name
            label = self._label(current)
            if label:
                return label
            current = current.parent
        return self.root.element if "." in self.root.element else frame.name

    def _close_implied(self, name: str) -> None:
        if name in P_CLOSERS and self.stack and self.stack[-1].paragraphs:
            self._pop_open({"p"}, SCOPE)
        if name in IMPLIED_ENDS:
            closes, stops = IMPLIED_ENDS[name]
            self._pop_open(closes, stops)
        elif name in HEADINGS and self.stack and self.stack[-1].name in HEADINGS:
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
                self._add(Item(PartKind.CLOSE, start, end, name))
                self.stack.pop()
            else:
                self._pop_to(position)
            return
        self._flush()  # a stray end tag stays in the page, outside any segment

    # --- runs ---------------------------------------------------------------------

    def _add(self, item: Item) -> None:
        if not self.run:
            self.run_frame = self.stack[-1] if self.stack else None
        self.run.append(item)

    def _flush(self) -> None:
        if self.run:
            items, self.run = self.run, []
            for part, partner in balanced_parts(items):
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
            self._segment([Item(PartKind.TEXT, start, end)], [-1], ctx)
        elif self.attributes and rules.ZERO_FORM_TEXTAREA in self._frame_token(frame).classes(
            self.space.encoding
        ):
            self._zero_form_segments(start, end, frame)

    def _table_data(self, frame: Frame) -> Frame:
        """A T431 data div: one segment per cell (see ``t431``); its text is no other segment."""
        part = table_part(self._frame_token(frame).classes(self.space.encoding))
        if part is None or not self.attributes:
            return frame
        data, encoding = self.space.data, self.space.encoding
        content_end = data.find(b"<", frame.end)  # the data is all text: its HTML is escaped
        ctx = self._context(frame)
        for cell in cells(data, frame.end, len(data) if content_end < 0 else content_end, encoding):
            space = Space(cell.html, "utf-8", data, Destination.TABLE_CELL, cell.offsets)
            root = ctx._replace(what=f"{part}, row {cell.row}, column {cell.column}")
            self.segments.extend(self._inner_segments(space, root, frame.mode))
        return frame._replace(skip_text=True)

    def _script(self, start: int, end: int) -> None:
        """The UI strings of a Tilda init script's options (see ``script_options``)."""
        self._flush()
        frame = self.stack[-1] if self.stack else None
        if not self.attributes or frame is None or frame.name != "script" or frame.mode.excluded:
            return
        found = script_strings(self.space.data, start, end)
        if found:
            self._script_segments(found, frame)

    def _script_segments(self, found: list[ScriptString], frame: Frame) -> None:
        page, encoding = self.space.page, self.space.encoding
        ctx = self._context(frame)
        for item in found:
            string = item.string
            value, offsets = string_value(page, string.start, string.end, encoding)
            ascii_only = unicode_escapes_beyond_ascii(page[string.start : string.end])
            space = Space(value, "utf-8", page, Destination.SCRIPT, offsets, ascii_only)
            inner = self._inner_segments(space, ctx._replace(what=item.note), frame.mode)
            self.segments.extend(replace(s, quote=string.quote) for s in inner)

    def _inner_segments(self, space: Space, root: Context, mode: TextMode) -> list[Segment]:
        """The segments of text held inside the page's (a JSON or script string, a cell)."""
        walker = _Walker(
            space, self.lines, root, mode, attributes=False, notes=self.notes, memo=self.memo
        )
        walker.walk(page_tokens(space.data))
        return walker.segments

    def _segment(
        self, items: list[Item], partner: list[int], where: Frame | Context | None
    ) -> None:
        """One segment from a well-nested run, trimmed; nothing when it has no letter.

        ``partner``: see ``_partners``; ``where``: the element the run is in (None:
        the root), or its context.
        """
        low, high, wrapper = trim(items, partner, self.space)
        if wrapper is not None:
            where = wrapper
        if low < high:
            self._emit_run(items, partner, low, high, where)

    def _emit_run(
        self,
        items: Sequence[Item],
        partner: Sequence[int],
        low: int,
        high: int,
        where: Frame | Context | None,
    ) -> None:
        """The segment of ``items[low:high]``, if it has a letter; ``where``: its context."""
        found = run_text(items, partner, low, high, self.space)
        if found is None:
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
        self._emit(found.msgid, found.start, found.end, ctx, found.tags, what, box)

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
                nbsp_entity=writes_nbsp_entity(space.data[start:end], space.encoding, space.nbsp),
                json_ascii=space.json_ascii,
            )
        )

    # --- attributes ---------------------------------------------------------------

    def _attribute_segments(self, frame: Frame) -> None:
        encoding, tag = self.space.encoding, self._frame_token(frame)
        for attr in tag.attrs_named(rules.text_attribute_names()):
            what = attribute_role(tag, attr, encoding)
            if what is None or not attr.has_value:
                continue
            start = skip_space(attr.raw, 0, len(attr.raw))
            end = rskip_space(attr.raw, start, len(attr.raw))
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
                attribute_box(tag, attr, encoding),
                destination=Destination.ATTRIBUTE,
                quote=attr.quote,
            )

    # --- Zero forms ---------------------------------------------------------------

    def _zero_form_segments(self, start: int, end: int, frame: Frame) -> None:
        ctx = self._context(frame)
        page, encoding = self.space.page, self.space.encoding
        for text in zero_form_texts(page, start, end, encoding):
            space = Space(
                text.value, "utf-8", page, Destination.JSON, text.offsets, text.json_ascii
            )
            inner = self._inner_segments(space, ctx._replace(what=text.what), frame.mode)
            self.segments.extend(inner)
