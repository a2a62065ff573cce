"""The msgid convention: placeholder tags, text escaping, and the check that a msgstr keeps them.

How a msgid is written is described in ``locpipe.model``. This module is the
one reader of that convention, for the walker and the build (``html``), machine
translation (``mt``) and the checks (``qa``): one grammar (``PLACEHOLDER``), one
set of elements that stand alone (``VOID_TAGS``), one ``Part`` type.

A msgstr is read the same way: ``<a>``, ``</a>``, ``<br>`` are placeholders;
everything else is text in which character references are decoded (``&amp;``,
``&lt;``, ``&nbsp;``, ``&#8212;`` …). A bare ``&`` that does not start a valid
reference is a literal ampersand ("R&D"); a bare ``<`` or ``>`` outside a
placeholder is refused by ``parse``, because a translator who typed one probably
meant markup. References never become markup: the build decodes them and
escapes the text again for its destination.

Two readers share the grammar: ``parse`` is the build's, strict (it raises on
anything but text and placeholders); ``tokenize`` never raises and leaves what is
not a placeholder in the text (machine translation reads model output with it).
No library reads attribute-free placeholder tags, hence the hand-written code.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from locpipe.errors import LocpipeError

# The only elements a msgid holds as stand-alone placeholders: the walker
# (html/walker.py) writes <br> and <wbr> as placeholders and ends a segment at any
# other void element (<img>, <hr>, <input> …), so no other one is ever in a msgid.
VOID_TAGS = frozenset({"br", "wbr"})

# Runs of ASCII whitespace other than a lone space (which needs no replacing).
_ASCII_SPACE = re.compile(r"[\t\n\f\r][\t\n\f\r ]*| [\t\n\f\r ]+")
# A placeholder as locpipe writes it, plus the spellings a translator or an MT
# engine may produce: <A>, <br/>, <br />. Groups: closing slash, name, void slash.
PLACEHOLDER = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[\t\n\f\r ]*(/?)>")
# The same with the whole tag as a group: re.split then gives text, tag,
# closing slash, name, void slash, text, ... without a match object per tag.
_PLACEHOLDER_SPLIT = re.compile(f"({PLACEHOLDER.pattern})")
# Anything that starts markup as a browser reads it: a tag (group 2: its name), a
# comment or declaration. "< b" is text.
MARKUP = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9-]*)|[!?])[^<>]*>?")


class UnsafeTranslation(LocpipeError):  # noqa: N818 - the name other modules use
    """A msgstr that would change the page's markup; the source text is used instead."""


class PartKind(Enum):
    TEXT = "text"
    OPEN = "open"
    CLOSE = "close"
    VOID = "void"


class Part(NamedTuple):  # a tuple: made for every piece of every msgstr, and cheap to make
    kind: PartKind
    value: str  # decoded text (TEXT) or lower-case element name
    # A tag as the text wrote it where that is not "<name>" / "</name>" ("<br />",
    # "<A>"); only ``tokenize`` keeps it, the build takes tags from the page.
    written: str = ""

    def __str__(self) -> str:
        """The part as a msgid writes it: text escaped, a tag as it was written."""
        if self.kind is PartKind.TEXT:
            return escape_text(self.value)
        if self.written:
            return self.written
        return close_tag(self.value) if self.kind is PartKind.CLOSE else open_tag(self.value)


def normalize_space(text: str) -> str:
    """Runs of ASCII whitespace become one space (U+00A0 is not touched)."""
    if text.isprintable() and "  " not in text:
        return text  # no tab, newline, CR, FF or double space: the usual text
    return _ASCII_SPACE.sub(" ", text)


def escape_text(text: str) -> str:
    """Text in msgid convention: ``&``, ``<``, ``>`` as entities, all else literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape_text(text: str) -> str:
    """Text of a msgid or msgstr, character references decoded as in HTML text.

    The stdlib's ``html.unescape`` is exactly HTML's rule for text (``&nbsp``
    works without ";"); on a msgid, whose only references are ``&amp; &lt; &gt;``,
    it inverts ``escape_text``.
    """
    return html.unescape(text)


def render(parts: Sequence[Part]) -> str:
    """The msgid spelling of ``parts``."""
    return "".join(str(part) for part in parts)


def open_tag(name: str) -> str:
    return f"<{name}>"


def close_tag(name: str) -> str:
    return f"</{name}>"


def placeholders(msgid: str) -> list[str]:
    """The placeholder tags of a msgid, in order: ``["<a>", "</a>", "<br>"]``."""
    return [
        close_tag(match.group(2).lower()) if match.group(1) else open_tag(match.group(2).lower())
        for match in PLACEHOLDER.finditer(msgid)
    ]


def _tag_kind(closing: str, name: str, slash: str) -> PartKind | None:
    """What a tag matched by ``PLACEHOLDER`` is; None for "<a/>", "</br>", "</a/>".

    ``name`` is lower-case; a void tag may be written "<br/>", no other one.
    """
    if name in VOID_TAGS and not closing:
        return PartKind.VOID
    if slash or (closing and name in VOID_TAGS):
        return None
    return PartKind.CLOSE if closing else PartKind.OPEN


def read_placeholder(token: str) -> Part | None:
    """The placeholder ``token`` is (``"<B>"`` → OPEN ``b``), or None when it is none."""
    match = PLACEHOLDER.fullmatch(token)
    if match is None:
        return None
    closing, name, slash = match.groups()
    kind = _tag_kind(closing, name.lower(), slash)
    return None if kind is None else Part(kind, name.lower())


def parse(text: str, known: frozenset[str] = frozenset()) -> list[Part]:
    """Split a msgid or msgstr into text and placeholders; raises on anything else.

    Raises ``UnsafeTranslation`` with a short reason for a ``<`` or ``>`` that is
    not a plain placeholder tag. Nesting and the tag inventory are not checked
    here (see ``check_msgstr``); ``known`` (the msgid's tag names) only makes
    the reason more precise.
    """
    parts: list[Part] = []
    pieces = _PLACEHOLDER_SPLIT.split(text)
    _add_text(parts, pieces[0], known)
    for index in range(1, len(pieces), 5):
        tag, closing, name, slash, after = pieces[index : index + 5]
        name = name.lower()
        kind = _tag_kind(closing, name, slash)
        if kind is None:
            raise UnsafeTranslation(f"{tag} is not a placeholder of the source text")
        parts.append(Part(kind, name))
        _add_text(parts, after, known)
    return parts


def _add_text(parts: list[Part], raw: str, known: frozenset[str]) -> None:
    if not raw:
        return
    if "<" in raw or ">" in raw:
        raise UnsafeTranslation(_stray_markup_reason(raw, known))
    parts.append(Part(PartKind.TEXT, unescape_text(raw)))


def _stray_markup_reason(raw: str, known: frozenset[str]) -> str:
    tag = MARKUP.search(raw)
    if tag is not None and tag.group(2):
        name = tag.group(2).lower()
        if name not in known:
            return f"tag <{name}> is not in the source text"
        return f"<{name}> must be written without attributes: they come from the source page"
    if tag is not None:
        return f"markup {tag.group(0)[:20]!r} is not allowed"
    if "<" in raw:
        return "a bare '<' is not allowed in text: write &lt;"
    return "a bare '>' is not allowed in text: write &gt;"


def tokenize(text: str, only: frozenset[str] | None = None) -> list[Part]:
    """Text and placeholders of ``text``; never raises.

    What is not a placeholder (or names an element outside ``only``) stays in
    the text, decoded with it. Tags keep their spelling (``Part.written``), so
    ``render(tokenize(msgid)) == msgid``.
    """
    parts: list[Part] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        closing, name, slash = match.groups()
        name = name.lower()
        kind = _tag_kind(closing, name, slash)
        if kind is None or (only is not None and name not in only):
            continue
        if match.start() > position:
            parts.append(Part(PartKind.TEXT, unescape_text(text[position : match.start()])))
        written = match.group()
        canonical = close_tag(name) if closing else open_tag(name)
        parts.append(Part(kind, name, "" if written == canonical else written))
        position = match.end()
    if position < len(text):
        parts.append(Part(PartKind.TEXT, unescape_text(text[position:])))
    return parts


def check_msgstr(msgid: str, msgstr: str) -> str | None:
    """None when ``msgstr`` may replace ``msgid``, else a short reason for the translator.

    Accepted: exactly the msgid's placeholder tags (the same number of each,
    order free), well nested, and no other markup. The check is
    case-insensitive in tag names.
    """
    try:
        checked_parts(msgid, msgstr)
    except UnsafeTranslation as error:
        return error.message
    return None


def checked_parts(msgid: str, msgstr: str) -> list[Part]:
    """The parts of ``msgstr``; raises ``UnsafeTranslation`` where ``check_msgstr`` objects."""
    if _no_markup(msgid) and _no_markup(msgstr):  # most text: nothing to parse or match
        return [Part(PartKind.TEXT, unescape_text(msgstr))] if msgstr else []
    wanted = _inventory(parse(msgid))
    parts = parse(msgstr, frozenset(wanted))
    for part in parts:
        if part.kind is not PartKind.TEXT and part.value not in wanted:
            raise UnsafeTranslation(f"tag <{part.value}> is not in the source text")
    reason = _nesting_problem(parts)
    if reason is not None:
        raise UnsafeTranslation(reason)
    found = _inventory(parts)
    for name, count in wanted.items():
        if found[name] == 0:
            raise UnsafeTranslation(f"placeholder <{name}> is missing")
        if found[name] < count:
            raise UnsafeTranslation(f"placeholder <{name}> appears {found[name]} of {count} times")
        if found[name] > count:
            raise UnsafeTranslation(
                f"placeholder <{name}> appears {found[name]} times, the source text has {count}"
            )
    return parts


def _no_markup(text: str) -> bool:
    return "<" not in text and ">" not in text


_COUNTED = (PartKind.OPEN, PartKind.VOID)


def _inventory(parts: list[Part]) -> Counter[str]:
    """How often each element occurs (a pair counts once)."""
    return Counter([part.value for part in parts if part.kind in _COUNTED])


class Misnesting(NamedTuple):
    """The first tag that breaks the nesting, and the elements open when it came."""

    tag: Part  # a CLOSE that does not close the innermost open element, or an OPEN never closed
    open_names: tuple[str, ...]  # outermost first


def misnesting(
    parts: Sequence[Part], standalone: frozenset[str] = frozenset()
) -> Misnesting | None:
    """Where ``parts`` stop being well nested, or None when they are.

    Text is ignored; so are void tags and open tags of the elements in ``standalone``.
    """
    stack: list[Part] = []
    for part in parts:
        if part.kind is PartKind.OPEN and part.value not in standalone:
            stack.append(part)
        elif part.kind is PartKind.CLOSE:
            if not stack or stack[-1].value != part.value:
                return Misnesting(part, tuple(opened.value for opened in stack))
            stack.pop()
    if stack:
        return Misnesting(stack[-1], tuple(opened.value for opened in stack[:-1]))
    return None


def _nesting_problem(parts: list[Part]) -> str | None:
    problem = misnesting(parts)
    if problem is None:
        return None
    tag, open_names = problem
    if tag.kind is PartKind.OPEN:
        return f"<{tag.value}> is not closed"
    if tag.value not in open_names:
        return f"</{tag.value}> closes nothing"
    return f"</{tag.value}> closes <{tag.value}> before <{open_names[-1]}> is closed"


def pair_up(parts: list[Part]) -> list[int]:
    """For each part, the index of its partner (``-1`` for text and void tags).

    ``parts`` must be well nested (``check_msgstr`` accepted them).
    """
    partner = [-1] * len(parts)
    stack: list[int] = []
    for index, part in enumerate(parts):
        if part.kind is PartKind.OPEN:
            stack.append(index)
        elif part.kind is PartKind.CLOSE:
            opener = stack.pop()
            partner[opener], partner[index] = index, opener
    return partner
