"""Placeholder tags and markup in msgids and msgstrs, as the QA checks see them.

A msgid holds inline markup only as attribute-free placeholder tags (``<a>``,
``</a>``, ``<br>``) and writes a text ``<``, ``>``, ``&`` as entities (see
``locpipe.model``). These helpers tokenise that convention; they are hand-written
because no HTML library reports *which* tag a translation lost or added, and the
messages name exactly that.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

# What a browser starts a tag, comment or declaration with ("< b" is text).
_TAG_LIKE = re.compile(r"<(?:/?[A-Za-z]|[!?])[^<>]*>?")
_PLACEHOLDER = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\s*(/?)>")
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
# "javascript:" as a browser reads it: tabs and newlines inside the scheme are ignored.
_JAVASCRIPT_URL = re.compile(
    r"\bj[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i"
    r"[\t\n\r]*p[\t\n\r]*t[\t\n\r]*:",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


@dataclass(frozen=True)
class Tag:
    """A placeholder tag: ``<a>`` is ("a", False), ``</a>`` is ("a", True)."""

    name: str
    closing: bool

    def __str__(self) -> str:
        return f"</{self.name}>" if self.closing else f"<{self.name}>"


@dataclass(frozen=True)
class Markup:
    """What a text holds besides plain text: placeholder tags and any other markup."""

    tags: tuple[Tag, ...]
    other: tuple[str, ...]  # tag-like tokens that are not attribute-free placeholders


def scan_markup(text: str) -> Markup:
    tags: list[Tag] = []
    other: list[str] = []
    for match in _TAG_LIKE.finditer(text):
        token = match.group(0)
        placeholder = _PLACEHOLDER.fullmatch(token)
        if placeholder is None:
            other.append(token)
            continue
        closing, name, self_closing = placeholder.groups()
        if closing and self_closing:
            other.append(token)
            continue
        tags.append(Tag(name.lower(), bool(closing)))
    return Markup(tuple(tags), tuple(other))


def tag_counts(tags: tuple[Tag, ...]) -> Counter[Tag]:
    return Counter(tags)


def nesting_problem(tags: tuple[Tag, ...], void: frozenset[str]) -> str | None:
    """Why the tags are not well nested, or None. ``void`` names tags that never close."""
    stack: list[Tag] = []
    for tag in tags:
        if tag.name in void and not tag.closing:
            continue
        if not tag.closing:
            stack.append(tag)
            continue
        if not stack:
            return f"{tag} has no opening <{tag.name}>"
        opened = stack.pop()
        if opened.name != tag.name:
            return f"{tag} closes {opened}"
    if stack:
        return f"{stack[-1]} is not closed"
    return None


def void_names(msgid_tags: tuple[Tag, ...]) -> frozenset[str]:
    """Tags that stand alone in this msgid: HTML void elements and any start tag never closed."""
    closed = {tag.name for tag in msgid_tags if tag.closing}
    opened = {tag.name for tag in msgid_tags if not tag.closing}
    return VOID_ELEMENTS | frozenset(opened - closed)


def describe_tags(tags: Counter[Tag]) -> str:
    """``<a>, </strong>``; an element whose start and end tags both appear is named once."""
    names: list[str] = []
    seen: set[Tag] = set()
    for tag in sorted(tags, key=lambda t: (t.name, t.closing)):
        if tag in seen:
            continue
        partner = Tag(tag.name, not tag.closing)
        if not tag.closing and tags[partner] == tags[tag]:
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
    return _TAG_LIKE.sub(replacement, text)


def decoded_markup(text: str) -> tuple[str, ...]:
    """Tags that appear only once entities are decoded (``&lt;script&gt;``)."""
    return tuple(match.group(0) for match in _TAG_LIKE.finditer(html.unescape(strip_tags(text))))


def plain_text(text: str, tag_replacement: str = "") -> str:
    """The text a reader sees: tags removed, entities decoded, whitespace runs collapsed."""
    return _WHITESPACE.sub(" ", html.unescape(strip_tags(text, tag_replacement))).strip()
