"""The port of libunistring's line breaking that gettext's wrapping rests on."""

from __future__ import annotations

import pytest

from locpipe.catalog.linebreak import (
    Break,
    char_width,
    line_break_class,
    possible_linebreaks,
    width_linebreaks,
)


def opportunities(text: str) -> str:
    """The text with "|" where a line may break."""
    breaks = possible_linebreaks([line_break_class(char) for char in text])
    return "".join(
        ("|" if value == Break.POSSIBLE else "") + char
        for char, value in zip(text, breaks, strict=True)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two words", "two |words"),
        ("well-known", "well-|known"),
        ("a/b", "a/|b"),
        ("and/or 50%", "and/|or |50%"),
        ("end.</p>", "end.|</|p>"),  # gettext may break before a tag after a full stop
        ("e.g. this", "e.|g. |this"),
        ("wait...", "wait..."),
        ("really?!", "really?!"),
        ("(yes)", "(yes)"),
        ("«да» и", "«да» |и"),
        ("100\xa0km", "100\xa0km"),
        ("漢字テスト", "漢|字|テ|ス|ト"),
        ("a（b", "a|（b"),  # a wide opening bracket may start a line after a letter
        ("a(b", "a(b"),
        ("price $20", "price |$20"),
        ("a\u200bb", "a\u200b|b"),
        ("word \u0301x", "word |\u0301x"),
        ("a\u00b7b", "a\u00b7b"),  # libunistring keeps MIDDLE DOT inside words
    ],
)
def test_break_opportunities(text: str, expected: str) -> None:
    assert opportunities(text) == expected


@pytest.mark.parametrize(
    ("char", "width"),
    [
        ("a", 1),
        ("я", 1),
        ("漢", 2),
        ("！", 2),
        ("\u0301", 0),
        ("\u00ad", 0),
        ("\x01", -1),
        ("\u200b", 0),
        ("👍", 2),
        ("\xa0", 1),
    ],
)
def test_char_width(char: str, width: int) -> None:
    assert char_width(char) == width


def test_width_linebreaks_breaks_only_where_a_line_overflows() -> None:
    text = "aaa bbb ccc ddd"
    classes = [line_break_class(char) for char in text]
    widths = [char_width(char) for char in text]
    undefined = [Break.UNDEFINED] * len(text)
    fits = width_linebreaks(classes, widths, len(text), 0, undefined)
    assert Break.POSSIBLE not in fits
    narrow = width_linebreaks(classes, widths, 8, 0, undefined)
    assert [i for i, b in enumerate(narrow) if b == Break.POSSIBLE] == [8]


def test_overrides_prohibit_a_break() -> None:
    text = "aaa bbb"
    classes = [line_break_class(char) for char in text]
    widths = [char_width(char) for char in text]
    overrides = [Break.UNDEFINED] * len(text)
    overrides[4] = Break.PROHIBITED
    assert Break.POSSIBLE not in width_linebreaks(classes, widths, 4, 0, overrides)
