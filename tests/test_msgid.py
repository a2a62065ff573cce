from __future__ import annotations

import pytest

from locpipe.msgid import (
    Part,
    PartKind,
    UnsafeTranslation,
    check_msgstr,
    escape_text,
    normalize_space,
    pair_up,
    parse,
    placeholders,
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
