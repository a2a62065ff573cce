"""Java's MessageFormat: elements outside quotes, with their number and choice styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.formats import PARSERS, Parsed, unbreakable
from locpipe.catalog.formats.java import parse_java
from tests.catalog.formats.wrapping import written_as_msgcat

WHOLE = [
    "{0,date,yyyy-MM-dd HH:mm}",
    "{0,choice,0#no files|1#one file}",
    "{0,number,#.## %}",
]
SPLIT = [
    "{0,number, integer}",  # " integer" is no number style
    "'{' {0,number, integer}",
    "{0,numbers} x",
]


@pytest.mark.parametrize("text", WHOLE + SPLIT)
def test_lines_break_where_msgcat_breaks_them(text: str, tmp_path: Path) -> None:
    assert written_as_msgcat("java-format", text, tmp_path)


@pytest.mark.parametrize("text", WHOLE)
def test_each_element_needs_the_parser(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(PARSERS, "java", lambda _text: Parsed((), True))
    assert not written_as_msgcat("java-format", text, tmp_path)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("'{0}' {1}", [7, 8]),  # quoted braces are text
        ("it''s {0}", [7, 8]),  # '' is a quote
        ("a } b {0}", []),  # a lone } is invalid
        ("{0,number,#,##0.00;(#)}", list(range(1, 23))),
    ],
)
def test_unbreakable_indexes(text: str, inside: list[int]) -> None:
    assert sorted(unbreakable(text, ["java-format"])) == inside


def test_a_choice_holds_messages_whose_elements_count() -> None:
    parsed = parse_java("{0,choice,0#none|1#{1} of {0,number}}")
    assert parsed.valid
    assert [(d.argument, d.kind) for d in parsed.directives] == [
        (1, "untyped"),
        (0, "number"),
        (0, "number"),
    ]
