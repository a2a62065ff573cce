"""Runs: the inline content between two block boundaries, paired and trimmed into segments.

A run is a list of items (text, inline start and end tags, void inline tags). A
run whose tags do not nest is cut at every tag without a partner; each part is
trimmed of blank edges and of tag pairs that wrap it whole (see ``trim``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from locpipe.html.scan import unescape_text
from locpipe.model import Destination, InlineTag
from locpipe.msgid import PartKind, escape_text, normalize_space

if TYPE_CHECKING:
    from locpipe.html.walker import Frame

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


class Item(NamedTuple):
    kind: PartKind
    start: int
    end: int
    name: str = ""
    frame: Frame | None = None  # OPEN: the element


@dataclass
class Space:
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


def _partners(items: Sequence[Item]) -> tuple[list[int], bool]:
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


def balanced_parts(items: list[Item]) -> list[tuple[list[Item], list[int]]]:
    """Cut a run at every tag that has no partner inside it, until all parts nest.

    Each part comes with its ``_partners``.
    """
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
    parts: list[tuple[list[Item], list[int]]] = []
    previous = 0
    for cut in [*cuts, len(items)]:
        if cut > previous:
            parts.extend(balanced_parts(items[previous:cut]))
        previous = cut + 1
    return parts


def trim(
    items: Sequence[Item], partner: Sequence[int], space: Space
) -> tuple[int, int, Frame | None]:
    """Drop blank edges, edge ``<br>``s and tag pairs that wrap the whole run.

    Returns the span left and the innermost element unwrapped (None: none).
    """
    low, high = 0, len(items)
    wrapper = None
    while True:
        filled = [
            i
            for i in range(low, high)
            if items[i].kind is PartKind.TEXT and not _is_blank(space, items[i])
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


def _balanced_prefix_end(items: Sequence[Item], low: int, limit: int) -> int:
    """The largest k <= limit such that items[low:k] is balanced."""
    best, depth = low, 0
    for index in range(low, limit):
        depth += _depth_step(items[index])
        if depth == 0:
            best = index + 1
    return best


def _balanced_suffix_start(items: Sequence[Item], limit: int, high: int) -> int:
    """The smallest m >= limit such that items[m:high] is balanced."""
    best, depth = high, 0
    for index in range(high - 1, limit - 1, -1):
        depth -= _depth_step(items[index])
        if depth == 0:
            best = index
    return best


def _depth_step(item: Item) -> int:
    if item.kind is PartKind.OPEN:
        return 1
    if item.kind is PartKind.CLOSE:
        return -1
    return 0


def _is_blank(space: Space, item: Item) -> bool:
    return blank_span(space, item.start, item.end)


def blank_span(space: Space, start: int, end: int) -> bool:
    rest = space.data[start:end].lstrip(_ASCII_WS)
    if not rest:
        return True
    if rest[0] != _AMPERSAND and not rest.startswith(space.nbsp):
        return False  # the usual case, decided without the slower pattern
    match = space.blank.match(space.data, start, end)
    return match is not None and match.end() == end


def skip_space(data: bytes, start: int, end: int) -> int:
    while start < end and data[start] in _ASCII_WS:
        start += 1
    return start


def rskip_space(data: bytes, start: int, end: int) -> int:
    while end > start and data[end - 1] in _ASCII_WS:
        end -= 1
    return end


def decode_text(raw: bytes, encoding: str) -> str:
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


def writes_nbsp_entity(raw: bytes, encoding: str, nbsp: bytes) -> bool:
    """Whether the source spells U+00A0 as a reference (or has none at all)."""
    if nbsp not in raw or _NBSP_ENTITY.search(raw):
        return True
    return "\xa0" not in raw.decode(encoding, "replace")


class RunText(NamedTuple):
    """What a run says: its msgid, its span (blank edges off) and its inline tags."""

    msgid: str
    start: int
    end: int
    tags: tuple[InlineTag, ...]


def run_text(
    items: Sequence[Item], partner: Sequence[int], low: int, high: int, space: Space
) -> RunText | None:
    """The text of ``items[low:high]``; None when it has no letter (see ``is_text``)."""
    data, encoding = space.data, space.encoding
    start = (
        skip_space(data, items[low].start, items[low].end)
        if items[low].kind is PartKind.TEXT
        else items[low].start
    )
    last = items[high - 1]
    end = rskip_space(data, last.start, last.end) if last.kind is PartKind.TEXT else last.end
    pieces: list[str] = []
    texts: list[str] = []
    tags: list[InlineTag] = []
    for index in range(low, high):
        item = items[index]
        if item.kind is PartKind.TEXT:
            text = decode_text(data[max(item.start, start) : min(item.end, end)], encoding)
            texts.append(text)
            pieces.append(escape_text(normalize_space(text)))
        elif item.kind is PartKind.CLOSE:
            pieces.append(f"</{item.name}>")
        else:
            pieces.append(f"<{item.name}>")
            closing = items[partner[index]] if partner[index] >= 0 else None
            tags.append(_inline_tag(space, item, closing))
    if not is_text(" ".join(texts)):  # a tag separates words (see is_text)
        return None
    return RunText("".join(pieces).strip(" "), start, end, tuple(tags))


def _inline_tag(space: Space, item: Item, closing: Item | None) -> InlineTag:
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
