from __future__ import annotations

import pytest

from locpipe.html import tilda_rules
from locpipe.html.tag_hints import FOR_NOTES, READ_NOW, class_hints, page_tokens


@pytest.mark.parametrize(
    "name", sorted(tilda_rules.text_attribute_names() | {tilda_rules.TRANSLATE_ATTRIBUTE})
)
def test_every_attribute_of_the_tilda_rules_is_watched_by_the_tokenizer(name: str) -> None:
    """An attribute the tokenizer does not watch would never be read for its text."""
    for spelling in (name, name.upper()):
        (token,) = page_tokens(f'<div {spelling}="x">'.encode())
        assert token.watched


@pytest.mark.parametrize("name", sorted(tilda_rules.attributes_for_notes()))
def test_a_note_attribute_is_watched_for_notes_only(name: str) -> None:
    (token,) = page_tokens(f'<div {name}="x">'.encode())
    assert (token.watched & READ_NOW, token.watched & FOR_NOTES) == (0, FOR_NOTES)


@pytest.mark.parametrize(
    ("class_value", "hints"),
    [
        (b'="t-rec t-rec_pt_30"', (False, True, False)),
        (b'="a notranslate"', (True, False, False)),
        (b'="t431__data-part2"', (False, False, True)),
        (b'="tn-elem"', (False, True, False)),
        (b'="t-title"', (False, False, False)),
    ],
)
def test_class_hints(class_value: bytes, hints: tuple[bool, bool, bool]) -> None:
    assert tuple(class_hints(class_value)) == hints
