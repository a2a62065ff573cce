from __future__ import annotations

import pytest

from locpipe.html.notes import Context, TagFacts, derive, tag_facts
from locpipe.html.scan import Kind, scan


def facts_of(html: str) -> TagFacts:
    tag = next(token for token in scan(html.encode()) if token.kind is Kind.START)
    return tag_facts(tag, "utf-8")


@pytest.mark.parametrize(
    ("html", "record"),
    [
        ('<div class="t-rec" data-record-type="396"><!-- T396 -->', "T396 Zero Block"),
        ('<div class="t-rec" data-record-type="257">', "T228 menu"),
        ('<div class="t-rec" data-record-type="702">', "T702 popup"),
        ('<div class="t-rec" data-record-type="7"> <!-- tcart -->', "T706 cart"),
        ('<div class="t-rec">', "block"),
    ],
)
def test_a_record_is_named_by_its_comment_or_its_type(html: str, record: str) -> None:
    data = html.encode()
    tag = next(token for token in scan(data) if token.kind is Kind.START)
    facts = tag_facts(tag, "utf-8")
    assert derive(Context(), "div", facts, data, tag.end).record == record


@pytest.mark.parametrize(
    ("html", "excluded"),
    [
        ('<div class="a notranslate">', True),
        ('<div translate="no">', True),
        ('<div translate="yes" class="notranslated">', False),
    ],
)
def test_exclusion(html: str, excluded: bool) -> None:
    assert facts_of(html).excluded is excluded


def test_a_zero_element_notes_its_box_and_a_field_its_slot() -> None:
    facts = facts_of(
        '<div class="tn-elem" data-elem-type="button" data-field-width-value="200"'
        ' data-field-height-value="50" field="tn_text_1">'
    )
    ctx = derive(Context(), "div", facts, b"", 0)
    assert (ctx.zero, ctx.max_width, ctx.field) == ("button element", 200, "tn_text_1")
    assert ctx.zero_size.endswith("50 px high")
