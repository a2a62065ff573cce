"""Write translations into the original page bytes.

A msgstr is rendered for its segment's destination and the page's encoding:

- placeholders become the source's own tag bytes, by name and order of
  appearance (the second ``<a>`` of the msgstr is the second ``<a>`` of the
  msgid; a ``</a>`` takes the end tag of the ``<a>`` it closes);
- text is decoded (msgid convention: ``&amp; &lt; &gt;`` and any other
  reference) and escaped again for where it goes: ``&``, ``<``, ``>`` as
  entities, U+00A0 as ``&nbsp;`` when the source spelled it so
  (``Segment.nbsp_entity``); in an attribute value also the quote (``&quot;``
  or ``&#39;``), and an unquoted value gets double quotes;
- in Zero-form JSON the value is HTML that Tilda's script inserts into the
  form, inside a JSON string, inside a ``<textarea>`` whose content the
  browser entity-decodes first. So text ``&<>"'`` become HTML references and
  every ``&`` of those is written ``\\u0026``: the raw textarea never holds a
  ``&`` or ``<`` of ours, and nothing can end the textarea early;
- a character the page's encoding cannot represent becomes a numeric
  reference ``&#NNNN;`` (HTML) or ``\\uXXXX`` (JSON), so a windows-1251 page
  stays windows-1251. A JSON string whose source escaped non-ASCII
  (``Segment.json_ascii``) escapes all non-ASCII;
- in a T431 table cell (``Destination.TABLE_CELL``) the text is HTML escaped
  twice, once for the cell and once for the div it is written in; a ``;`` or
  ``link=`` in the text would be read as table syntax, so such a msgstr is
  refused;
- in a script option (``Destination.SCRIPT``) the value is HTML that Tilda's
  script inserts into the page, inside a JavaScript string literal in the
  script's own quote style: text ``&<>"'`` become HTML references, then
  backslashes, quotes, line terminators (U+2028 and U+2029 too) and ``<`` are
  escaped, so the literal can neither end early nor end the ``<script>``.

The msgstr's whitespace is written as it is: the whitespace around a segment
stays in the page because the segment's span excludes it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from locpipe.model import Destination, Edit, InlineTag, Page, Segment
from locpipe.msgid import Part, PartKind, UnsafeTranslation, checked_parts, escape_text, pair_up

__all__ = [
    "CheckedLookup",
    "Rejection",
    "SpliceResult",
    "UnsafeTranslation",
    "apply_edits",
    "render",
    "translation_edits",
]

Lookup = Callable[[Segment], str | None]


class CheckedLookup:
    """A ``Lookup`` that remembers the msgstrs it has checked, for the pages of one build.

    Menus, footers and buttons repeat on many pages; with one of these,
    ``translation_edits`` parses and checks each pair of msgid and msgstr once.
    """

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._checked: dict[tuple[str, str], list[Part] | str] = {}  # parts, or why refused

    def __call__(self, segment: Segment) -> str | None:
        return self._lookup(segment)

    def check(self, msgid: str, msgstr: str) -> list[Part] | str:
        """What ``_check`` says, remembered."""
        key = (msgid, msgstr)
        found = self._checked.get(key)
        if found is None:
            found = self._checked[key] = _check(msgid, msgstr)
        return found


@dataclass(frozen=True)
class Rejection:
    """A msgstr the build refused; the source text stays."""

    segment: Segment
    reason: str


@dataclass(frozen=True)
class SpliceResult:
    edits: list[Edit]  # sorted and non-overlapping, ready for ``apply_edits``
    rejected: list[Rejection]
    translated: int = 0  # segments written with their msgstr


def translation_edits(page: Page, lookup: Lookup, extra: Sequence[Edit] = ()) -> SpliceResult:
    """The edits that write every accepted translation of ``page``.

    A msgstr that is None or equal to its msgid gives no edit, so the identity
    build is the source byte for byte. ``extra`` are other edits of the page
    (link and attribute rewrites): where one falls inside a tag that is a
    placeholder of a translated segment, it is applied to that placeholder's
    bytes instead of the page; the result contains them all, merged.
    """
    accepted: list[tuple[Segment, list[Part]]] = []
    rejected: list[Rejection] = []
    checking = lookup if isinstance(lookup, CheckedLookup) else CheckedLookup(lookup)
    for segment in page.segments:
        msgstr = checking(segment)
        if msgstr is None or msgstr == segment.msgid:
            continue
        checked = checking.check(segment.msgid, msgstr)
        if not isinstance(checked, str) and segment.destination is Destination.TABLE_CELL:
            checked = _table_cell_problem(checked) or checked
        if isinstance(checked, str):
            rejected.append(Rejection(segment, checked))
        else:
            accepted.append((segment, checked))
    inner = sorted(
        [*extra, *(_edit(s, p, page.encoding) for s, p in accepted if not s.tags)],
        key=_edit_order,
    )
    outer = [(s, p) for s, p in accepted if s.tags]
    edits = _fold(inner, outer, page.encoding)
    _check_order(edits)
    return SpliceResult(edits, rejected, len(accepted))


def _check(msgid: str, msgstr: str) -> list[Part] | str:
    """The parts of ``msgstr``, or the reason it may not replace ``msgid``."""
    if not msgstr.strip():
        return "the translation is empty"
    try:
        return checked_parts(msgid, msgstr)
    except UnsafeTranslation as error:
        return error.message


def _checked(segment: Segment, msgstr: str) -> list[Part]:
    checked = _check(segment.msgid, msgstr)
    if isinstance(checked, str):
        raise UnsafeTranslation(checked, line=segment.line)
    return checked


def _edit(segment: Segment, parts: list[Part], encoding: str) -> Edit:
    return Edit(segment.start, segment.end, _render_parts(segment, parts, encoding, segment.tags))


def _fold(inner: list[Edit], outer: list[tuple[Segment, list[Part]]], encoding: str) -> list[Edit]:
    """Render segments with placeholders, applying the inner edits that fall in their tags."""
    result: list[Edit] = []
    used = [False] * len(inner)
    starts = [edit.start for edit in inner]
    for segment, parts in outer:
        low = bisect.bisect_left(starts, segment.start)
        while low < len(inner) and inner[low].end == inner[low].start == segment.start:
            low += 1  # an insertion just before the segment stays outside it
        high = low
        while high < len(inner) and inner[high].start < segment.end:
            high += 1
        tags = segment.tags
        if high > low:
            for index in range(low, high):
                used[index] = True
            tags = _tags_with_edits(segment, inner[low:high])
        result.append(
            Edit(segment.start, segment.end, _render_parts(segment, parts, encoding, tags))
        )
    result.extend(edit for edit, done in zip(inner, used, strict=True) if not done)
    result.sort(key=_edit_order)
    return result


def _tags_with_edits(segment: Segment, edits: Sequence[Edit]) -> tuple[InlineTag, ...]:
    """The segment's tags with ``edits`` applied to their bytes; every edit must fall in one."""
    remaining = list(edits)
    tags = []
    for tag in segment.tags:
        start_tag = _edit_bytes(tag.start_tag, tag.start_offset, remaining)
        end_tag = _edit_bytes(tag.end_tag, tag.end_offset, remaining)
        tags.append(InlineTag(tag.name, start_tag, end_tag, tag.start_offset, tag.end_offset))
    if remaining:
        raise ValueError(f"edit at byte {remaining[0].start} falls inside the text of a segment")
    return tuple(tags)


def _edit_bytes(data: bytes, offset: int, remaining: list[Edit]) -> bytes:
    if offset < 0 or not data:
        return data
    mine = [e for e in remaining if offset <= e.start and e.end <= offset + len(data)]
    for edit in mine:
        remaining.remove(edit)
    shifted = [Edit(e.start - offset, e.end - offset, e.replacement) for e in mine]
    return apply_edits(data, shifted)


def render(segment: Segment, msgstr: str, encoding: str) -> bytes:
    """The bytes that replace ``segment``'s span; raises ``UnsafeTranslation``."""
    return _render_parts(segment, _checked(segment, msgstr), encoding, segment.tags)


def _render_parts(
    segment: Segment, parts: list[Part], encoding: str, tags: Sequence[InlineTag]
) -> bytes:
    escape = _ESCAPERS[segment.destination]
    if len(parts) == 1 and parts[0].kind is PartKind.TEXT:  # no placeholder: just the text
        rendered = escape(parts[0].value, segment, encoding)
    else:
        rendered = _render_with_tags(segment, parts, encoding, tags)
    if segment.destination is Destination.ATTRIBUTE and not segment.quote:
        return b'"' + rendered + b'"'
    return rendered


def _render_with_tags(
    segment: Segment, parts: list[Part], encoding: str, tags: Sequence[InlineTag]
) -> bytes:
    escape = _ESCAPERS[segment.destination]
    sources = _tag_queues(tags)
    partner = pair_up(parts)
    chosen: dict[int, InlineTag] = {}
    out: list[bytes] = []
    for index, part in enumerate(parts):
        if part.kind is PartKind.TEXT:
            out.append(escape(part.value, segment, encoding))
        elif part.kind is PartKind.CLOSE:
            out.append(chosen[partner[index]].end_tag)
        else:
            tag = sources[part.value].pop(0)
            chosen[index] = tag
            out.append(tag.start_tag)
    return b"".join(out)


def _tag_queues(tags: Sequence[InlineTag]) -> dict[str, list[InlineTag]]:
    queues: dict[str, list[InlineTag]] = {}
    for tag in tags:
        queues.setdefault(tag.name, []).append(tag)
    return queues


def _html_text(text: str, nbsp_entity: bool) -> str:
    text = escape_text(text)  # HTML text needs what a msgid does: & < > as entities
    return text.replace("\xa0", "&nbsp;") if nbsp_entity else text


def _escape_element(text: str, segment: Segment, encoding: str) -> bytes:
    return _html_text(text, segment.nbsp_entity).encode(encoding, "xmlcharrefreplace")


def _escape_attribute(text: str, segment: Segment, encoding: str) -> bytes:
    text = _html_text(text, segment.nbsp_entity)
    text = text.replace("'", "&#39;") if segment.quote == "'" else text.replace('"', "&quot;")
    return text.encode(encoding, "xmlcharrefreplace")


_JSON_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "&": "\\u0026",
}


# A script string is raw text of a <script>: "<" would let "</script" or "<!--" end or
# change it (text has none left after HTML escaping; this is the second lock).
_SCRIPT_ESCAPES = {
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    '"': '\\"',
    "'": "\\'",
    "<": "\\x3C",
}


def _escape_table_cell(text: str, segment: Segment, encoding: str) -> bytes:
    """Text of a T431 cell: HTML text, escaped again as the text of the data div.

    A line break would start a row: it is written as a space.
    """
    cell_html = _html_text(text.replace("\r", " ").replace("\n", " "), segment.nbsp_entity)
    return _html_text(cell_html, nbsp_entity=False).encode(encoding, "xmlcharrefreplace")


def _table_cell_problem(parts: list[Part]) -> str | None:
    """Why a msgstr cannot be a T431 cell: Tilda would read part of it as table syntax."""
    text = "".join(part.value for part in parts if part.kind is PartKind.TEXT)
    if ";" in text:
        return "a T431 table cell cannot hold ';': Tilda reads it as the start of a new cell"
    if "link=" in text or "button=" in text:
        return "a T431 table cell cannot hold 'link=' or 'button=': Tilda reads a link there"
    return None


def _escape_json(text: str, segment: Segment, encoding: str) -> bytes:
    return _escape_string(text, segment, encoding, _JSON_ESCAPES)


def _escape_script(text: str, segment: Segment, encoding: str) -> bytes:
    """Text for a JavaScript string literal that Tilda's script inserts as HTML."""
    return _escape_string(text, segment, encoding, _SCRIPT_ESCAPES)


def _escape_string(text: str, segment: Segment, encoding: str, escapes: dict[str, str]) -> bytes:
    """HTML text (``&<>"'`` as references) in a JSON or JavaScript string literal."""
    html_text = _html_text(text, segment.nbsp_entity).replace('"', "&quot;").replace("'", "&#39;")
    out: list[str] = []
    for char in html_text:
        escaped = escapes.get(char)
        if escaped is not None:
            out.append(escaped)
        elif (
            ord(char) < 0x20
            or char in "\u2028\u2029"
            or _needs_unicode_escape(char, segment, encoding)
        ):
            out.append(_unicode_escape(char))
        else:
            out.append(char)
    return "".join(out).encode(encoding)


def _needs_unicode_escape(char: str, segment: Segment, encoding: str) -> bool:
    if ord(char) < 0x80:
        return False
    if segment.json_ascii:
        return True
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return True
    return False


def _unicode_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


_ESCAPERS: dict[Destination, Callable[[str, Segment, str], bytes]] = {
    Destination.ELEMENT: _escape_element,
    Destination.ATTRIBUTE: _escape_attribute,
    Destination.JSON: _escape_json,
    Destination.SCRIPT: _escape_script,
    Destination.TABLE_CELL: _escape_table_cell,
}


def _edit_order(edit: Edit) -> tuple[int, int]:
    return (edit.start, edit.end)


def _check_order(edits: Sequence[Edit]) -> None:
    for before, after in itertools.pairwise(edits):
        if after.start < before.end:
            raise ValueError(
                f"edits overlap: [{before.start}, {before.end}) and [{after.start}, {after.end})"
            )


def apply_edits(data: bytes, edits: Sequence[Edit]) -> bytes:
    """``data`` with every edit applied; edits must not overlap (a bug, not bad input)."""
    ordered = sorted(edits, key=_edit_order)
    _check_order(ordered)
    out: list[bytes] = []
    position = 0
    for edit in ordered:
        if edit.start < position or edit.end > len(data) or edit.start > edit.end:
            raise ValueError(f"edit [{edit.start}, {edit.end}) is outside the data")
        out.append(data[position : edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(data[position:])
    return b"".join(out)
