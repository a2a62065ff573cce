from collections import Counter

import pytest

from locpipe.msgid import Part, PartKind, UnsafeTranslation, parse
from locpipe.qa.markup import (
    decoded_markup,
    describe_tags,
    nesting_problem,
    plain_text,
    scan_markup,
    void_names,
)


def test_scan_separates_placeholders_from_other_markup() -> None:
    markup = scan_markup('A <B>b</b> <br/> <a href="x">c</a> <!-- x --> a < b')
    assert markup.tags == (
        Part(PartKind.OPEN, "b"),
        Part(PartKind.CLOSE, "b"),
        Part(PartKind.VOID, "br"),
        Part(PartKind.CLOSE, "a"),
    )
    assert markup.other == ('<a href="x">', "<!-- x -->")


@pytest.mark.parametrize(
    "token",
    ["<a>", "</A>", "<br/>", "<br />", "<a/>", "</br>", "<br\xa0>", '<a href="x">', "<!---->"],
)
def test_the_checks_read_a_placeholder_as_the_build_does(token: str) -> None:
    try:
        parse(f"x{token}")
    except UnsafeTranslation:
        build_reads_a_placeholder = False
    else:
        build_reads_a_placeholder = True
    markup = scan_markup(f"x{token}")
    assert len(markup.tags) == int(build_reads_a_placeholder)
    assert markup.other == (() if build_reads_a_placeholder else (token,))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<a><b></b></a>", None),
        ("<a>x<br>y</a>", None),
        ("<a><b></a></b>", "</a> closes <b>"),
        ("</a>", "</a> has no opening <a>"),
        ("<a>", "<a> is not closed"),
    ],
)
def test_nesting(text: str, problem: str | None) -> None:
    tags = scan_markup(text).tags
    assert nesting_problem(tags, void_names(())) == problem


def test_a_start_tag_never_closed_in_the_msgid_stands_alone() -> None:
    msgid_tags = scan_markup("one<x>two").tags
    assert "x" in void_names(msgid_tags)


@pytest.mark.parametrize(
    ("tags", "text"),
    [
        (Counter({Part(PartKind.OPEN, "a"): 1, Part(PartKind.CLOSE, "a"): 1}), "<a>"),
        (Counter({Part(PartKind.CLOSE, "a"): 1}), "</a>"),
        (
            Counter(
                {
                    Part(PartKind.VOID, "br"): 2,
                    Part(PartKind.OPEN, "em"): 1,
                    Part(PartKind.CLOSE, "em"): 1,
                }
            ),
            "2× <br>, <em>",
        ),
    ],
)
def test_describe_tags(tags: Counter[Part], text: str) -> None:
    assert describe_tags(tags) == text


def test_plain_text_is_what_a_reader_sees() -> None:
    assert plain_text("Tom &amp; <b>Jerry</b>\u00a0 show ") == "Tom & Jerry show"


def test_decoded_markup_finds_tags_written_as_entities() -> None:
    assert decoded_markup("x &lt;img src=1&gt; &lt; y") == ("<img src=1>",)
