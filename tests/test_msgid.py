from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locpipe.html.page import read_page
from locpipe.html.scan import unescape_text as unescape_page_text
from locpipe.msgid import (
    VOID_TAGS,
    Misnesting,
    Part,
    PartKind,
    UnsafeTranslation,
    check_msgstr,
    escape_text,
    misnesting,
    normalize_space,
    pair_up,
    parse,
    placeholders,
    read_placeholder,
    render,
    tokenize,
    unescape_text,
)


def test_normalize_space_keeps_nbsp() -> None:
    assert normalize_space("a \t\r\n b\xa0 c") == "a b\xa0 c"


def test_escape_text() -> None:
    assert escape_text('a & <b> "c"') == 'a &amp; &lt;b&gt; "c"'


def test_placeholders_in_order() -> None:
    assert placeholders("Go <a>here <b>now</b></a><br>!") == ["<a>", "<b>", "</b>", "</a>", "<br>"]


def test_parse_decodes_text_and_names_tags() -> None:
    assert parse("A &amp; <a>B&nbsp;</a><br/>") == [
        Part(PartKind.TEXT, "A & "),
        Part(PartKind.OPEN, "a"),
        Part(PartKind.TEXT, "B\xa0"),
        Part(PartKind.CLOSE, "a"),
        Part(PartKind.VOID, "br"),
    ]


def test_pair_up() -> None:
    parts = parse("<a>x<b>y</b></a><br>")  # <a> x <b> y </b> </a> <br>
    assert pair_up(parts) == [5, -1, 4, -1, 2, 0, -1]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Hello", "Привет"),
        ("Click <a>here</a>", "<a>Нажмите</a> здесь"),
        ("<a>A</a> and <b>B</b>", "<b>Б</b> и <a>А</a>"),
        ("One<br>two", "Раз<br/>два"),
        ("One<br>two", "Раз<br />два"),
        ("R&amp;D", "R&D"),
        ("R&amp;D", "R&amp;D"),
        ("x", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("x", "&#60;script&#62;"),
        ("a &lt; b", "a &lt; b"),
        ("in&nbsp;a", "в&nbsp;компании"),
        ("<a>x</a> <a>y</a>", "<a>y</a> <a>x</a>"),
        ("<A>x</A>", "<a>x</a>"),
        ("", ""),
    ],
)
def test_accepted(msgid: str, msgstr: str) -> None:
    assert check_msgstr(msgid, msgstr) is None


@pytest.mark.parametrize(
    ("msgid", "msgstr", "reason"),
    [
        ("Hello", "<script>alert(1)</script>", "tag <script> is not in the source text"),
        ("Hello", "Hi <img src=x onerror=alert(1)>", "tag <img> is not in the source text"),
        (
            "Click <a>here</a>",
            '<a onclick="x()">here</a>',
            "<a> must be written without attributes",
        ),
        (
            "Click <a>here</a>",
            '<a href="javascript:alert(1)">x</a>',
            "<a> must be written without attributes",
        ),
        ("Click <a>here</a>", "Click here", "placeholder <a> is missing"),
        ("Click <a>here</a>", "Click here</a>", "</a> closes nothing"),
        (
            "Click <a>here</a>",
            "<a>Click</a> <a>here</a>",
            "placeholder <a> appears 2 times, the source text has 1",
        ),
        ("<a>x</a>", "<a>x", "<a> is not closed"),
        ("<a><b>x</b></a>", "<a><b>x</a></b>", "</a> closes <a> before <b> is closed"),
        ("x<br>y", "x<br><br>y", "placeholder <br> appears 2 times, the source text has 1"),
        ("a<br>b<br>c", "a<br>bc", "placeholder <br> appears 1 of 2 times"),
        ("x", "a < b", "a bare '<' is not allowed in text: write &lt;"),
        ("x", "a > b", "a bare '>' is not allowed in text: write &gt;"),
        ("x", "</textarea>", "tag <textarea> is not in the source text"),
        ("x", "<!-- c -->", "markup '<!-- c -->' is not allowed"),
        ("<a>x</a>", "<a/>x", "<a/> is not a placeholder of the source text"),
        ("x<br>y", "x</br>y", "</br> is not a placeholder of the source text"),
    ],
)
def test_rejected_with_a_reason(msgid: str, msgstr: str, reason: str) -> None:
    found = check_msgstr(msgid, msgstr)
    assert found is not None
    assert found.startswith(reason)


def test_parse_raises_on_markup() -> None:
    with pytest.raises(UnsafeTranslation):
        parse('<a href="x">y</a>')


# --- the one void set -----------------------------------------------------------------


# HTML's void elements, and the two obsolete ones browsers still treat as void.
HTML_VOID_ELEMENTS = (
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "keygen", "param",
)  # fmt: skip


@pytest.mark.parametrize("name", HTML_VOID_ELEMENTS)
def test_void_tags_are_the_void_elements_the_walker_keeps_in_a_msgid(name: str) -> None:
    page = read_page("t.html", f"<html><body><p>one <{name}> two</p></body></html>".encode())
    msgids = [segment.msgid for segment in page.segments]
    kept = name in ("br", "wbr")  # a line break inside a sentence; any other ends the segment
    assert msgids == ([f"one <{name}> two"] if kept else ["one", "two"])
    assert (name in VOID_TAGS) == kept


# --- text -----------------------------------------------------------------------------

_MSGID_TEXT = st.lists(
    st.sampled_from(["a", " ", "&", "<", ">", ";", "amp", "lt", "#", "\xa0", "—"])
).map("".join)
_OLD_MT_ENTITY = re.compile(r"&(amp|lt|gt);")  # what mt/placeholders decoded before this module


@given(_MSGID_TEXT)
def test_unescape_inverts_escape_on_msgid_text(text: str) -> None:
    written = escape_text(text)
    assert unescape_text(written) == text
    assert unescape_page_text(written) == text
    assert _OLD_MT_ENTITY.sub(lambda m: {"amp": "&", "lt": "<", "gt": ">"}[m[1]], written) == text


@pytest.mark.parametrize(
    "text", ["R&D", "a &nbsp b", "&nbspx", "&#8212;", "&#x2014", "&copy=2", "&AMP;", "&bogus;", ""]
)
def test_unescape_is_the_stdlib_and_the_page_reader_s_rule(text: str) -> None:
    assert unescape_text(text) == html.unescape(text) == unescape_page_text(text)


# --- the lenient reader ---------------------------------------------------------------


def test_tokenize_keeps_how_a_tag_was_written() -> None:
    parts = tokenize("One<br /> <A>two</a> &amp; <b>")
    assert parts == [
        Part(PartKind.TEXT, "One"),
        Part(PartKind.VOID, "br", "<br />"),
        Part(PartKind.TEXT, " "),
        Part(PartKind.OPEN, "a", "<A>"),
        Part(PartKind.TEXT, "two"),
        Part(PartKind.CLOSE, "a"),
        Part(PartKind.TEXT, " & "),
        Part(PartKind.OPEN, "b"),
    ]
    assert render(parts) == "One<br /> <A>two</a> &amp; <b>"


@pytest.mark.parametrize("text", ["a <a/> b", "a </br> b", "a < b", "a <x y> b", "a <br\xa0> b"])
def test_tokenize_leaves_what_is_no_placeholder_in_the_text(text: str) -> None:
    assert tokenize(text) == [Part(PartKind.TEXT, text)]


def test_tokenize_only_the_names_asked_for() -> None:
    assert tokenize("<a>x</a> <b>y</b>", only=frozenset({"b"})) == [
        Part(PartKind.TEXT, "<a>x</a> "),
        Part(PartKind.OPEN, "b"),
        Part(PartKind.TEXT, "y"),
        Part(PartKind.CLOSE, "b"),
    ]


_TAGGED = st.recursive(
    _MSGID_TEXT.map(escape_text),
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(["a", "strong"]), inner).map(
            lambda pair: f"<{pair[0]}>{pair[1]}</{pair[0]}>"
        ),
        st.lists(inner, max_size=3).map("<br>".join),
    ),
)


@given(_TAGGED)
def test_a_msgid_reads_back_as_it_was_written(msgid: str) -> None:
    assert render(tokenize(msgid)) == msgid
    assert render(parse(msgid)) == msgid
    assert tokenize(msgid) == parse(msgid)


@pytest.mark.parametrize(
    ("token", "part"),
    [
        ("<a>", Part(PartKind.OPEN, "a")),
        ("</A >", Part(PartKind.CLOSE, "a")),
        ("<br/>", Part(PartKind.VOID, "br")),
        ("<wbr>", Part(PartKind.VOID, "wbr")),
        ("<img>", Part(PartKind.OPEN, "img")),  # never in a msgid: no void placeholder
        ("<a/>", None),
        ("</br>", None),
        ("<br\xa0>", None),
        ('<a href="x">', None),
        ("<!-- x -->", None),
    ],
)
def test_read_placeholder(token: str, part: Part | None) -> None:
    assert read_placeholder(token) == part


def test_part_is_written_as_a_msgid_writes_it() -> None:
    assert [str(part) for part in parse("a &lt; <B>b</B><br/>")] == [
        "a &lt; ",
        "<b>",
        "b",
        "</b>",
        "<br>",
    ]


# --- nesting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<a>x<br><b>y</b></a>", None),
        ("</a>", Misnesting(Part(PartKind.CLOSE, "a"), ())),
        ("<a><b></a></b>", Misnesting(Part(PartKind.CLOSE, "a"), ("a", "b"))),
        ("<a><b>x</b>", Misnesting(Part(PartKind.OPEN, "a"), ())),
        ("<a><b>", Misnesting(Part(PartKind.OPEN, "b"), ("a",))),
    ],
)
def test_misnesting(text: str, problem: Misnesting | None) -> None:
    assert misnesting(parse(text)) == problem


def test_misnesting_skips_start_tags_that_stand_alone() -> None:
    assert misnesting(parse("one<x>two<a>three</a>"), frozenset({"x"})) is None
