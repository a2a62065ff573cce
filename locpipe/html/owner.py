"""The site owner's say over what is text: ``[extract]`` rules applied to a read page.

An export is replaced wholesale at every re-export, so the owner cannot mark a
block in it; the rules live in ``locpipe.toml`` instead (see ``OwnerRules``):

- ``exclude``: CSS selectors (``#rec123456``, ``.t-store``, ``[data-elem-id="…"]``,
  descendant combinators) whose elements — text, attributes and script strings
  below them — are left alone, and page globs (``files/*``, ``page1234.html``)
  whose pages are left alone whole;
- ``text_attributes``: more attributes that carry text (``data-caption``);
- ``form_values``: the ``value`` of ``<option>`` and radio inputs, which the form
  submits to the owner's CRM and scripts, so it is kept unless asked for.

Selectors are matched by soupsieve on a BeautifulSoup tree, parsed only when a
selector rule is configured. Both are well kept and implement CSS selectors
completely; a home-made matcher would not. BeautifulSoup's ``html.parser``
tags carry ``sourceline``/``sourcepos`` (line from 1, column in characters),
which map onto byte offsets of the page; where the element ends is read from
locpipe's own tokens, because the tree does not record it.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from locpipe.html.lines import LineIndex
from locpipe.html.runs import is_text
from locpipe.html.scan import (
    Kind,
    RawToken,
    Token,
    raw_tokens,
    scan,
    unescape_attribute,
)
from locpipe.html.tree import P_CLOSERS, VOID_ELEMENTS
from locpipe.model import Destination, Page, Segment
from locpipe.msgid import escape_text, normalize_space

# Elements that a start tag of their own name closes: their span ends there.
_CLOSED_BY_SIBLING = frozenset({"p", "li", "dt", "dd", "td", "th", "tr", "option"})
_NBSP_REFERENCE = re.compile(r"&(?:nbsp;?|#0*160;|#[xX]0*[aA]0;)")


@dataclass(frozen=True)
class OwnerRules:
    """The ``[extract]`` settings that decide what is text, as plain values."""

    exclude: tuple[str, ...] = ()
    text_attributes: tuple[str, ...] = ()
    form_values: bool = False

    @property
    def page_globs(self) -> tuple[str, ...]:
        return tuple(rule for rule in self.exclude if is_page_glob(rule))

    @property
    def selectors(self) -> tuple[str, ...]:
        return tuple(rule for rule in self.exclude if not is_page_glob(rule))


@dataclass(frozen=True)
class Exclusion:
    """A segment a rule left out of the template."""

    rule: str
    page: str
    line: int
    msgid: str


def is_page_glob(rule: str) -> bool:
    """A rule naming pages (a "/" in it, or ending in .html/.htm); else it is a selector."""
    rule = rule.strip().lower()
    return "/" in rule or rule.endswith((".html", ".htm"))


def apply_rules(page: Page, rules: OwnerRules) -> tuple[Page, list[Exclusion]]:
    """The page with the owner's extra segments added and the excluded ones taken out."""
    segments = list(page.segments)
    if rules.text_attributes or rules.form_values:
        segments = _merged(segments, extra_segments(page, rules))
    glob = next((g for g in rules.page_globs if fnmatch.fnmatchcase(page.path, g)), None)
    if glob is not None:
        return replace(page, segments=()), [_exclusion(glob, page, s) for s in segments]
    kept: list[Segment] = []
    exclusions: list[Exclusion] = []
    spans = excluded_spans(page, rules.selectors) if rules.selectors else []
    for segment in segments:
        rule = next((rule for rule, start, end in spans if start <= segment.start < end), None)
        if rule is None:
            kept.append(segment)
        else:
            exclusions.append(_exclusion(rule, page, segment))
    return replace(page, segments=tuple(kept)), exclusions


def _exclusion(rule: str, page: Page, segment: Segment) -> Exclusion:
    return Exclusion(rule, page.path, segment.line, segment.msgid)


def _merged(segments: list[Segment], extra: list[Segment]) -> list[Segment]:
    taken = {(segment.start, segment.end) for segment in segments}
    added = [segment for segment in extra if (segment.start, segment.end) not in taken]
    return sorted([*segments, *added], key=lambda segment: (segment.start, segment.end))


# --- selectors ------------------------------------------------------------------------


def excluded_spans(page: Page, selectors: Sequence[str]) -> list[tuple[str, int, int]]:
    """(selector, start, end): the bytes of every element a selector matches, in rule order."""
    from bs4 import BeautifulSoup

    text = page.data.decode(page.encoding, "replace")
    soup = BeautifulSoup(text, "html.parser")
    positions = _BytePositions(text, page.encoding)
    tokens = raw_tokens(page.data)
    starts = [token.start for token in tokens]
    spans = []
    for selector in selectors:
        for tag in soup.select(selector):
            if tag.sourceline is None or tag.sourcepos is None:
                continue
            start = positions.offset(tag.sourceline, tag.sourcepos)
            index = bisect.bisect_left(starts, start)
            if index < len(tokens) and starts[index] == start and tokens[index][0] is Kind.START:
                spans.append((selector, start, _element_end(tokens, index, len(page.data))))
    return spans


class _BytePositions:
    """Byte offsets of (line, column) positions as Python's HTMLParser counts them."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.line_bytes: list[int] = [0]
        for previous, current in zip(self.line_starts, self.line_starts[1:], strict=False):
            self.line_bytes.append(
                self.line_bytes[-1] + len(text[previous:current].encode(encoding, "replace"))
            )

    def offset(self, line: int, column: int) -> int:
        line_start = self.line_starts[line - 1]
        prefix = self.text[line_start : line_start + column]
        return self.line_bytes[line - 1] + len(prefix.encode(self.encoding, "replace"))


def _element_end(tokens: Sequence[RawToken], index: int, size: int) -> int:
    """Where the element whose start tag is ``tokens[index]`` ends.

    At its end tag; for an element whose end tag may be left out (``<p>``, ``<li>``…)
    also where a sibling starts, a ``<p>`` is closed by a block, or an ancestor ends.
    """
    _, _, tag_end, name, _, _, self_closing, *_ = tokens[index]
    if name in VOID_ELEMENTS or self_closing:
        return tag_end
    implied = name in _CLOSED_BY_SIBLING
    inside: list[str] = []  # elements opened inside it and not closed yet
    for kind, start, end, other, _, _, closing, *_ in tokens[index + 1 :]:
        if kind is Kind.START and other not in VOID_ELEMENTS and not closing:
            if implied and not inside and (other == name or (name == "p" and other in P_CLOSERS)):
                return start
            inside.append(other)
        elif kind is Kind.END:
            if other in inside:
                del inside[len(inside) - 1 - inside[::-1].index(other) :]
            elif other == name:
                return end
            elif implied:
                return start  # an ancestor's end closes it
    return size


# --- extra text ---------------------------------------------------------------------------


def extra_segments(page: Page, rules: OwnerRules) -> list[Segment]:
    """Segments of the configured text attributes, and of form values when asked for.

    Like the Tilda rules, nothing below ``translate="no"`` or ``class="notranslate"``.
    """
    lines = LineIndex(page.data)
    wanted = set(rules.text_attributes)
    tokens = scan(page.data)
    raw = raw_tokens(page.data)
    starts = [token.start for token in raw]
    segments: list[Segment] = []
    not_text_until = -1  # end of the notranslate element the walk is in
    for token in tokens:
        if token.kind is not Kind.START or token.start < not_text_until:
            continue
        if _no_translate(token, page.encoding):
            index = bisect.bisect_left(starts, token.start)
            not_text_until = _element_end(raw, index, len(page.data))
            continue
        form_value = rules.form_values and _submits_its_value(token, page.encoding)
        if not wanted.intersection(token.names) and not form_value:
            continue
        for attr in token.attrs:
            if attr.name in wanted:
                what = f"{attr.name} of {_described(token, page.encoding)}"
            elif form_value and attr.name == "value":
                what = f"form value of {_described(token, page.encoding)} (sent with the form)"
            else:
                continue
            segment = _attribute_segment(page, attr.start, attr.end, attr.quote, what)
            if segment is not None:
                segments.append(replace(segment, line=lines.line(segment.start)))
    return segments


def _no_translate(token: Token, encoding: str) -> bool:
    translate = token.attr_text("translate", encoding)
    no = translate is not None and translate.strip().lower() == "no"
    return no or "notranslate" in token.classes(encoding)


def _submits_its_value(token: Token, encoding: str) -> bool:
    if token.name == "option":
        return True
    kind = (token.attr_text("type", encoding) or "").strip().lower()
    return token.name == "input" and kind == "radio"


def _described(token: Token, encoding: str) -> str:
    classes = token.classes(encoding)
    return f"{token.name}.{classes[0]}" if classes else token.name


def _attribute_segment(page: Page, start: int, end: int, quote: str, what: str) -> Segment | None:
    raw = page.data[start:end]
    start += len(raw) - len(raw.lstrip(b"\t\n\f\r "))
    end -= len(raw) - len(raw.rstrip(b"\t\n\f\r "))
    written = page.data[start:end].decode(page.encoding, "replace")
    value = unescape_attribute(written)
    if start >= end or not is_text(value):
        return None
    return Segment(
        msgid=escape_text(normalize_space(value)),
        start=start,
        end=end,
        line=0,
        destination=Destination.ATTRIBUTE,
        note=f"{what} ([extract] in locpipe.toml)",
        quote=quote,
        nbsp_entity="\xa0" not in written or _NBSP_REFERENCE.search(written) is not None,
    )
