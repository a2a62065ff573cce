"""Msgid placeholders: attribute-free inline tags, and the check that a msgstr uses them.

The msgid convention is described in ``locpipe.model``. A msgstr is read the
same way: ``<a>``, ``</a>``, ``<br>`` are placeholders; everything else is text
in which character references are decoded (``&amp;``, ``&lt;``, ``&nbsp;``,
``&#8212;`` …). A bare ``&`` that does not start a valid reference is a
literal ampersand ("R&D"); a bare ``<`` or ``>`` outside a placeholder is
refused, because a translator who typed one probably meant markup.
References never become markup: the build decodes them and escapes the text
again for its destination.
"""

from __future__ import annotations

import re
from collections import Counter
from enum import Enum
from typing import NamedTuple

from locpipe.errors import LocpipeError
from locpipe.html.scan import unescape_text

VOID_PLACEHOLDERS = frozenset({"br", "wbr"})

# Runs of ASCII whitespace other than a lone space (which needs no replacing).
_ASCII_SPACE = re.compile(r"[\t\n\f\r][\t\n\f\r ]*| [\t\n\f\r ]+")
# A placeholder as locpipe writes it, plus the spellings a translator or an MT
# engine may produce for a void one: <br/>, <br />.
_PLACEHOLDER = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[\t\n\f\r ]*(/?)>")
# The same with the whole tag as a group: re.split then gives text, tag,
# closing slash, name, void slash, text, ... without a match object per tag.
_PLACEHOLDER_SPLIT = re.compile(f"({_PLACEHOLDER.pattern})")
# Anything else that starts like markup, to name it in the reason.
_OTHER_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>?|<[!?][^<>]*>?")


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


def normalize_space(text: str) -> str:
    """Runs of ASCII whitespace become one space (U+00A0 is not touched)."""
    if text.isprintable() and "  " not in text:
        return text  # no tab, newline, CR, FF or double space: the usual text
    return _ASCII_SPACE.sub(" ", text)


def escape_text(text: str) -> str:
    """Text in msgid convention: ``&``, ``<``, ``>`` as entities, all else literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_tag(name: str) -> str:
    return f"<{name}>"


def close_tag(name: str) -> str:
    return f"</{name}>"


def placeholders(msgid: str) -> list[str]:
    """The placeholder tags of a msgid, in order: ``["<a>", "</a>", "<br>"]``."""
    return [
        close_tag(match.group(2).lower()) if match.group(1) else open_tag(match.group(2).lower())
        for match in _PLACEHOLDER.finditer(msgid)
    ]


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
        if name in VOID_PLACEHOLDERS and not closing:
            parts.append(Part(PartKind.VOID, name))
        elif slash or (closing and name in VOID_PLACEHOLDERS):
            raise UnsafeTranslation(f"{tag} is not a placeholder of the source text")
        else:
            parts.append(Part(PartKind.CLOSE if closing else PartKind.OPEN, name))
        _add_text(parts, after, known)
    return parts


def _add_text(parts: list[Part], raw: str, known: frozenset[str]) -> None:
    if not raw:
        return
    if "<" in raw or ">" in raw:
        raise UnsafeTranslation(_stray_markup_reason(raw, known))
    parts.append(Part(PartKind.TEXT, unescape_text(raw)))


def _stray_markup_reason(raw: str, known: frozenset[str]) -> str:
    tag = _OTHER_TAG.search(raw)
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


def _nesting_problem(parts: list[Part]) -> str | None:
    open_names: list[str] = []
    for part in parts:
        if part.kind is PartKind.OPEN:
            open_names.append(part.value)
        elif part.kind is PartKind.CLOSE:
            if not open_names or part.value not in open_names:
                return f"</{part.value}> closes nothing"
            if open_names[-1] != part.value:
                return f"</{part.value}> closes <{part.value}> before <{open_names[-1]}> is closed"
            open_names.pop()
    if open_names:
        return f"<{open_names[-1]}> is not closed"
    return None


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
