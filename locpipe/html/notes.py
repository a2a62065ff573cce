"""The note a translator sees for a segment: the block, the Zero element, the field, the element.

A start tag's attributes are read once into ``TagFacts``; an element's ``Context``
is its parent's with those facts applied (``derive``). What is text is not
decided here (see ``tree.TextMode``), only what a note says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from locpipe.html import tilda_rules as rules
from locpipe.html.scan import RAWTEXT_ELEMENTS, RCDATA_ELEMENTS, Attr, Token
from locpipe.model import width_note

# The comment right after a record's tag, maybe after whitespace (bytes.strip's set).
_RECORD_COMMENT = re.compile(rb"[\t\n\x0b\f\r ]*<!--\s*([Tt]\d+|tcart|cover)\s*-->")
_CONTENT_ELEMENTS = RAWTEXT_ELEMENTS | RCDATA_ELEMENTS  # their content is one token


class Context(NamedTuple):
    """What a translator note says about a place in the page."""

    record: str = ""  # "T396 Zero Block"
    zero: str = ""  # "text element": the Zero Block element around
    zero_size: str = ""  # "560 px wide, 40 px high": its box, for the text inside it
    max_width: int | None = None  # the box's width in px
    field: str = ""  # stripped field="…" value
    element: str = ""  # "div.t702__title": the nearest element with a class
    what: str = ""  # overrides "text of <element>" (page title, Zero form JSON)

    def note(self, what: str, size: str = "") -> str:
        parts = [self.record, self.zero, size, f'field "{self.field}"' if self.field else "", what]
        return ", ".join(filter(None, parts))


class TagFacts(NamedTuple):
    """What a start tag's attributes say about its element."""

    changes: Mapping[str, Any]  # fields of the parent's context the element replaces
    label: str  # "div.t-title": the element and its first class; "" without a class
    record_type: str | None  # the data-record-type of a record (t-rec); None: not a record
    text_attributes: bool  # has an attribute that may carry text
    excluded: bool  # translate="no" or an excluding class: nothing below is text


def tag_facts(tag: Token, encoding: str) -> TagFacts:
    name, names = tag.name, tag.names
    changes: dict[str, Any] = {}
    classes = tag.classes(encoding) if "class" in names else []
    record_type = None
    translate = (
        tag.attr_text(rules.TRANSLATE_ATTRIBUTE, encoding)
        if rules.TRANSLATE_ATTRIBUTE in names
        else None
    )
    excluded = not rules.EXCLUDING_CLASSES.isdisjoint(classes) or (
        translate is not None and translate.strip().lower() == "no"
    )
    if rules.RECORD_CLASS in classes:
        record_type = tag.attr_text(rules.RECORD_TYPE_ATTRIBUTE, encoding) or ""
        changes.update(zero="", zero_size="", max_width=None, field="")
    if not rules.ZERO_ELEMENT_CLASSES.isdisjoint(classes):
        changes.update(_zero_element(tag, encoding))
    slot = (
        tag.attr_text(rules.FIELD_ATTRIBUTE, encoding) if rules.FIELD_ATTRIBUTE in names else None
    )
    if slot is not None and slot.strip():
        changes["field"] = slot.strip()
    label = f"{name}.{classes[0]}" if classes else ""
    text_attributes = not rules.text_attribute_names().isdisjoint(names)
    return TagFacts(changes, label, record_type, text_attributes, excluded)


def derive(parent: Context, name: str, facts: TagFacts, data: bytes, tag_end: int) -> Context:
    """An element's context from its parent's, its name and its tag's facts.

    The ``element`` field stays the parent's: see ``walker._Walker._element``.
    """
    changes: dict[str, Any] = dict(facts.changes)
    if facts.record_type is not None:
        changes["record"] = _record_label(facts.record_type, name, data, tag_end)
    return parent._replace(**changes) if changes else parent


def _record_label(record_type: str, name: str, data: bytes, tag_end: int) -> str:
    """ "T396 Zero Block": named by the ``<!-- T396 -->`` comment after the record's tag."""
    number = record_type.strip()
    block = rules.RECORD_TYPES.get(
        number,
        f"T{number}"
        if number.isdigit() and int(number) >= rules.FIRST_NUMBERED_RECORD_TYPE
        else "",
    )
    comment = None if name in _CONTENT_ELEMENTS else _RECORD_COMMENT.match(data, tag_end)
    if comment is not None:
        found = comment.group(1).decode("ascii")
        named = rules.RECORD_COMMENT_NAMES.get(found)
        block = named if named else found.upper() if found[0] in "Tt" else found
    if not block:
        return f"block type {number}" if number else "block"
    kind = rules.BLOCK_KINDS.get(block)
    return f"{block} {kind}" if kind else block


def _zero_element(tag: Token, encoding: str) -> dict[str, Any]:
    kind = (tag.attr_text(rules.ZERO_ELEMENT_TYPE_ATTRIBUTE, encoding) or "").strip() or "Zero"
    width = _pixels(tag, "width", encoding)
    height = _pixels(tag, "height", encoding) if kind != "text" else None  # text grows down
    size = [width_note(width)] if width is not None else []
    if height is not None:
        size.append(f"{height} px high")
    return {"zero": f"{kind} element", "zero_size": ", ".join(size), "max_width": width}


def attribute_box(tag: Token, attr: Attr, encoding: str) -> tuple[str, int | None]:
    """A Zero form's button title has the button's width; other attributes have no box."""
    if attr.name != rules.ZERO_BUTTON_TITLE:
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


def attribute_role(tag: Token, attr: Attr, encoding: str) -> str | None:
    """The note for an attribute that carries text, None for any other attribute."""
    name = attr.name
    if name in rules.TEXT_ATTRIBUTES:
        if name == "title" and tag.name in rules.NO_TITLE_ELEMENTS:
            return None
        if name == "placeholder" and _input_type(tag, encoding) == "hidden":
            return None
        return f"{rules.TEXT_ATTRIBUTES[name]} of {_describe(tag, encoding)}"
    if (
        name == rules.BUTTON_VALUE_ATTRIBUTE
        and tag.name == "input"
        and _input_type(tag, encoding) in rules.BUTTON_INPUT_TYPES
    ):
        return f"button text of {_describe(tag, encoding)}"
    if name == rules.META_CONTENT_ATTRIBUTE and tag.name == "meta":
        for key in rules.META_KEY_ATTRIBUTES:
            value = tag.attr_text(key, encoding)
            if value is not None and (key, value.strip().lower()) in rules.META_TEXT:
                return f"meta {value.strip().lower()}"
    return None


def _input_type(tag: Token, encoding: str) -> str:
    return (tag.attr_text("type", encoding) or "text").strip().lower()


def _describe(tag: Token, encoding: str) -> str:
    classes = tag.classes(encoding)
    return f"{tag.name}.{classes[0]}" if classes else tag.name
