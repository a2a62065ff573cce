"""Placeholder tags and markup in msgids and msgstrs, as the QA checks see them.

A msgid holds inline markup only as attribute-free placeholder tags (``<a>``,
``</a>``, ``<br>``) and writes a text ``<``, ``>``, ``&`` as entities; the
convention and its grammar are ``locpipe.msgid``'s. These helpers collect what
the checks report: *which* tag a translation lost or added, and any other markup,
which no HTML library names.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from locpipe.msgid import MARKUP, Part, PartKind, misnesting, read_placeholder

_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
# "javascript:" as a browser reads it: tabs and newlines inside the scheme are ignored.
_JAVASCRIPT_URL = re.compile(
    r"\bj[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i"
    r"[\t\n\r]*p[\t\n\r]*t[\t\n\r]*:",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Markup:
    """What a text holds besides plain text: placeholder tags and any other markup."""

    tags: tuple[Part, ...]  # the placeholder tags, in order
    other: tuple[str, ...]  # tag-like tokens that are not attribute-free placeholders


def scan_markup(text: str) -> Markup:
    tags: list[Part] = []
    other: list[str] = []
    for match in MARKUP.finditer(text):
        token = match.group(0)
        tag = read_placeholder(token)
        if tag is None:
            other.append(token)
        else:
            tags.append(tag)
    return Markup(tuple(tags), tuple(other))


def nesting_problem(tags: tuple[Part, ...], standalone: frozenset[str]) -> str | None:
    """Why the tags are not well nested, or None. ``standalone``: start tags that never close."""
    problem = misnesting(tags, standalone)
    if problem is None:
        return None
    tag, open_names = problem
    if tag.kind is PartKind.OPEN:
        return f"{tag} is not closed"
    if not open_names:
        return f"{tag} has no opening <{tag.value}>"
    return f"{tag} closes <{open_names[-1]}>"


def void_names(msgid_tags: tuple[Part, ...]) -> frozenset[str]:
    """Start tags that stand alone in this msgid: those it never closes (void tags always do)."""
    closed = {tag.value for tag in msgid_tags if tag.kind is PartKind.CLOSE}
    opened = {tag.value for tag in msgid_tags if tag.kind is PartKind.OPEN}
    return frozenset(opened - closed)


def describe_tags(tags: Counter[Part]) -> str:
    """``<a>, </strong>``; an element whose start and end tags both appear is named once."""
    names: list[str] = []
    seen: set[Part] = set()
    for tag in sorted(tags, key=lambda t: (t.value, t.kind is PartKind.CLOSE)):
        if tag in seen:
            continue
        if tag.kind is PartKind.OPEN:
            partner = Part(PartKind.CLOSE, tag.value)
            if tags[partner] == tags[tag]:
                seen.add(partner)
        count = tags[tag]
        names.append(str(tag) if count == 1 else f"{count}× {tag}")
    return ", ".join(names)


def event_handler(token: str) -> str | None:
    match = _EVENT_HANDLER.search(token)
    return match.group(0).rstrip("= ").strip() if match else None


def has_javascript_url(text: str) -> bool:
    return _JAVASCRIPT_URL.search(html.unescape(text)) is not None


def strip_tags(text: str, replacement: str = "") -> str:
    return MARKUP.sub(replacement, text)


def decoded_markup(text: str) -> tuple[str, ...]:
    """Tags that appear only once entities are decoded (``&lt;script&gt;``)."""
    return tuple(match.group(0) for match in MARKUP.finditer(html.unescape(strip_tags(text))))


def plain_text(text: str, tag_replacement: str = "") -> str:
    """The text a reader sees: tags removed, entities decoded, whitespace runs collapsed."""
    return _WHITESPACE.sub(" ", html.unescape(strip_tags(text, tag_replacement))).strip()
