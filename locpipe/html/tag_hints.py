"""What the Tilda rules ask the tokenizer and the walker to look at on a tag.

Derived from ``tilda_rules`` when asked or at import: the attribute names a start
tag reports (``page_tokens``) and the class words that make the walker read a tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from locpipe.html import tilda_rules as rules
from locpipe.html.scan import RawToken, raw_tokens


def _any_word(words: Iterable[str]) -> re.Pattern[bytes]:
    return re.compile(b"|".join(re.escape(word.encode("ascii")) for word in words))


# A class value holding one of these makes the walker read the tag's attributes at
# once (they may change what is text), or when a note needs them.
_CLASS_NOW = _any_word(rules.classes_read_at_once())
_CLASS_FOR_NOTES = _any_word(rules.classes_for_notes())
_TABLE_PARTS = _any_word(rules.TABLE_PARTS)


class ClassHints(NamedTuple):
    """What a tag's class value (as the tokenizer reports it) asks of the walker."""

    read_now: bool  # read the tag's attributes as it is met
    for_notes: bool  # read them when a note needs them
    table_data: bool  # maybe a T431 data div


def class_hints(class_value: bytes) -> ClassHints:
    return ClassHints(
        _CLASS_NOW.search(class_value) is not None,
        _CLASS_FOR_NOTES.search(class_value) is not None,
        _TABLE_PARTS.search(class_value) is not None,
    )


READ_NOW, FOR_NOTES = 1, 2  # bits of RawToken.watched, for the groups page_tokens asks


def page_tokens(data: bytes, names: dict[bytes, str] | None = None) -> list[RawToken]:
    """The tokens of ``data``, each start tag telling whether it has an attribute the
    Tilda rules read at once, or for a note."""
    watch = (rules.attributes_read_at_once(), rules.attributes_for_notes())
    return raw_tokens(data, names, watch=watch)
