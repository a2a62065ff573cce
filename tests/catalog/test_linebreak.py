"""The port of libunistring's line breaking that gettext's wrapping rests on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe.catalog.linebreak import (
    Break,
    LineBreaker,
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


def reference_break_positions(text: str, width: int, start: int, prohibited: set[int]) -> list[int]:
    """What ``LineBreaker`` must find: the full algorithm, one character at a time."""
    classes = [line_break_class(char) for char in text]
    widths = [char_width(char) for char in text]
    if start + sum(w for w in widths if w > 0) <= width:
        return []
    overrides = [Break.PROHIBITED if i in prohibited else Break.UNDEFINED for i in range(len(text))]
    breaks = width_linebreaks(classes, widths, width, start, overrides)
    return [index for index, value in enumerate(breaks) if value == Break.POSSIBLE]


# Every class the fast path knows, and a few it leaves to the full algorithm
# (CM, ZWJ, ZW, HL, RI, wide OP, line separators).
LINE_BREAK_ALPHABET = (
    "abcXYZ абвЯ 0123456789 漢字テスト한국 -–—/\\|&%$№#@*+=<>_~ .,;:!?()[]{}«»“”„'\"… "
    "\xa0\u2009\u2060\ufeff\u02c8\u2014\u2013\U0001f91d\U0001f3fb "
)
RARE_CHARACTERS = "\u0301\ufe0f\u200d\u200b\u05d0\U0001f1eb\uff08\u2028\x01"


def line_break_texts(alphabet: str) -> st.SearchStrategy[str]:
    """Words of the alphabet between runs of spaces and other gaps."""
    gaps = st.sampled_from(["", " ", " ", "  ", "   ", "-", "/", "\xa0"])
    pairs = st.lists(st.tuples(st.text(alphabet, min_size=1, max_size=12), gaps), max_size=30)
    return pairs.map(lambda found: "".join(word + gap for word, gap in found))


@settings(max_examples=500, deadline=None)
@given(
    text=line_break_texts(LINE_BREAK_ALPHABET)
    | line_break_texts(LINE_BREAK_ALPHABET + RARE_CHARACTERS),
    width=st.integers(1, 80),
    start=st.integers(0, 30),
    data=st.data(),
)
def test_line_breaker_agrees_with_the_full_algorithm(
    text: str, width: int, start: int, data: st.DataObject
) -> None:
    prohibited = data.draw(st.sets(st.integers(0, max(len(text) - 1, 0)), max_size=5))
    expected = reference_break_positions(text, width, start, prohibited)
    assert LineBreaker().break_positions(text, width, start, prohibited) == expected


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(line_break_texts(LINE_BREAK_ALPHABET + RARE_CHARACTERS), max_size=4),
    width=st.integers(1, 40),
    starts=st.lists(st.integers(0, 30), min_size=2, max_size=3),
)
def test_one_line_breaker_for_many_texts_and_starts(
    texts: list[str], width: int, starts: list[int]
) -> None:
    # One breaker remembers characters and the last text: answers must not drift.
    breaker = LineBreaker()
    for text in [*texts, *texts]:
        for start in starts:
            expected = reference_break_positions(text, width, start, set())
            assert breaker.break_positions(text, width, start, ()) == expected


def test_line_breaker_sees_a_changed_prohibited_list() -> None:
    breaker = LineBreaker()
    prohibited: list[int] = []
    assert breaker.break_positions("aaa bbb ccc", 8, 0, prohibited) == [8]
    prohibited.append(8)
    assert breaker.break_positions("aaa bbb ccc", 8, 0, prohibited) == [4]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("aaa bbb ccc ddd", 15, []),
        ("aaa bbb ccc ddd", 8, [8]),
        ("well-known words", 6, [5, 11]),
        ("漢字テスト", 4, [2, 4]),  # two columns each
    ],
)
def test_line_breaker_starts_lines_where_gettext_does(
    text: str, width: int, expected: list[int]
) -> None:
    assert LineBreaker().break_positions(text, width, 0, ()) == expected
