from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from locpipe.html.page import read_page
from locpipe.html.splice import (
    CheckedLookup,
    UnsafeTranslation,
    apply_edits,
    render,
    translation_edits,
)
from locpipe.model import Destination, Edit, Segment

from .pages import build, page
from .test_walker import ARRAY_FORM, OBJECT_FORM, zero_form


def by_msgid(table: dict[str, str]) -> Callable[[Segment], str | None]:
    return lambda segment: table.get(segment.msgid)


def translated(html: str, table: dict[str, str], encoding: str = "utf-8") -> bytes:
    return build(page(html, encoding), lambda segment: table.get(segment.msgid)).decode(encoding)


# --- element text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "table", "built"),
    [
        ("<p>Hello</p>", {"Hello": "Привет"}, "<p>Привет</p>"),
        (
            "<p>\n   Hello\n   world  \n</p>",
            {"Hello world": "Привет, мир"},
            "<p>\n   Привет, мир  \n</p>",
        ),
        (
            "<div><strong>Text</strong></div>",
            {"Text": "Текст"},
            "<div><strong>Текст</strong></div>",
        ),
        (
            "<p>Click <a href='/x' class=\"l\">here</a> now</p>",
            {"Click <a>here</a> now": "<a>Нажмите</a> сейчас"},
            "<p><a href='/x' class=\"l\">Нажмите</a> сейчас</p>",
        ),
        (
            "<p><a href='1'>A</a> and <a href='2'>B</a></p>",
            {"<a>A</a> and <a>B</a>": "<a>Б</a> и <a>А</a>"},
            "<p><a href='1'>Б</a> и <a href='2'>А</a></p>",
        ),
        (
            "<p><b>x<i>y</i></b> <i>z</i></p>",
            {"<b>x<i>y</i></b> <i>z</i>": "<i>Z</i> <b>X<i>Y</i></b>"},
            "<p><i>Z</i> <b>X<i>Y</i></b></p>",
        ),
        ("<p>One<br />two</p>", {"One<br>two": "Раз<br>два"}, "<p>Раз<br />два</p>"),
        (
            "<p>Tom &amp; Jerry</p>",
            {"Tom &amp; Jerry": "Том & Джерри &lt;3"},
            "<p>Том &amp; Джерри &lt;3</p>",
        ),
        ("<p>in&nbsp;a</p>", {"in\xa0a": "в\xa0компании"}, "<p>в&nbsp;компании</p>"),
        ("<p>in\xa0a</p>", {"in\xa0a": "в&nbsp;компании"}, "<p>в\xa0компании</p>"),
        (
            "<title> Home </title>",
            {"Home": "Главная & &lt;b&gt;"},
            "<title> Главная &amp; &lt;b&gt; </title>",
        ),
    ],
)
def test_element_translations(html: str, table: dict[str, str], built: str) -> None:
    assert translated(html, table) == built


# --- attributes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "table", "built"),
    [
        ('<img alt="Cat">', {"Cat": 'Кот "Барсик"'}, '<img alt="Кот &quot;Барсик&quot;">'),
        ("<img alt='Cat'>", {"Cat": 'Кот д\'Артаньян "x"'}, "<img alt='Кот д&#39;Артаньян \"x\"'>"),
        ("<img alt=Cat>", {"Cat": "Рыжий кот"}, '<img alt="Рыжий кот">'),
        ('<img alt="  Cat  ">', {"Cat": "Кот"}, '<img alt="  Кот  ">'),
        (
            '<meta name="description" content="A &amp; B">',
            {"A &amp; B": "А & Б"},
            '<meta name="description" content="А &amp; Б">',
        ),
        (
            '<input type="submit" value="Send">',
            {"Send": "Отправить"},
            '<input type="submit" value="Отправить">',
        ),
    ],
)
def test_attribute_translations(html: str, table: dict[str, str], built: str) -> None:
    assert translated(html, table) == built


# --- encodings ----------------------------------------------------------------------


def test_single_byte_page_stays_in_its_encoding() -> None:
    html = '<meta charset="windows-1251"><p title="Кот">Привет</p>'
    built = translated(html, {"Привет": "Hello 🤝 ünïcödé €", "Кот": "Cat ✓"}, "cp1251")
    assert (
        built == '<meta charset="windows-1251"><p title="Cat &#10003;">'
        "Hello &#129309; &#252;n&#239;c&#246;d&#233; €</p>"
    )


def test_koi8_page() -> None:
    html = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>'
    assert translated(html, {"Привет": "Здравствуй"}, "koi8-r").endswith("<p>Здравствуй</p>")


# --- Zero-form JSON -----------------------------------------------------------------


def textarea_json(html: bytes) -> object:
    start = html.index(b'inputs-textarea">') + len(b'inputs-textarea">')
    return json.loads(html[start : html.index(b"</textarea>")].decode())


def test_json_object_form_translation() -> None:
    source = page(zero_form(OBJECT_FORM))
    built = build(source, by_msgid({"Name": "Имя", "E-mail": 'Почта "личная" & &lt;рабочая&gt;'}))
    data = textarea_json(built)
    assert isinstance(data, dict)
    assert data["0"]["li_ph"] == "Имя"
    assert data["0"]["li_nm"] == "Name"
    assert data["2"]["li_ph"] == "Почта &quot;личная&quot; &amp; &lt;рабочая&gt;"
    assert b"&" not in built[built.index(b"<textarea") : built.index(b"</textarea>")]


def test_json_array_form_keeps_unicode_escapes_and_tag_bytes() -> None:
    source = page(zero_form(ARRAY_FORM))
    label = "Даю согласие <a>на обработку</a>"
    built = build(
        source, by_msgid({"Имя": "Name", label: "I agree <a>to processing</a> and/or more"})
    )
    data = textarea_json(built)
    assert isinstance(data, list)
    assert data[0]["li_ph"] == "Name"
    assert (
        data[1]["li_label"]
        == 'I agree <a href="https://x.ru/p" target="_blank">to processing</a> and/or more'
    )
    assert b'<a href=\\"https:\\/\\/x.ru\\/p\\" target=\\"_blank\\">to processing<\\/a>' in built
    russian = build(source, by_msgid({"Имя": "Ваше имя"}))
    assert b"\\u0412\\u0430\\u0448\\u0435 \\u0438\\u043c\\u044f" in russian


@pytest.mark.parametrize(
    ("msgstr", "value"),
    [
        ("back\\slash", "back\\slash"),
        ('quote " here', "quote &quot; here"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        (
            "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;",
            "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;",
        ),
        ("emoji 🤝", "emoji 🤝"),
    ],
)
def test_json_escaping(msgstr: str, value: str) -> None:
    source = page(zero_form(OBJECT_FORM))
    built = build(source, by_msgid({"Name": msgstr}))
    data = textarea_json(built)
    assert isinstance(data, dict)
    assert data["0"]["li_ph"] == value


# --- render and the edit list -------------------------------------------------------


def test_render_raises_on_unsafe_msgstr() -> None:
    segment = page("<p>Hello</p>").segments[0]
    with pytest.raises(UnsafeTranslation, match="tag <script> is not in the source text"):
        render(segment, "<script>x</script>", "utf-8")


def test_render_attribute_without_quotes_adds_them() -> None:
    segment = Segment("x", 0, 1, 1, Destination.ATTRIBUTE, "", quote="")
    assert render(segment, 'a "b"', "utf-8") == b'"a &quot;b&quot;"'


def test_identity_and_none_give_no_edits() -> None:
    source = page("<p>Hello <b>world</b></p><img alt='Pic'>")
    assert translation_edits(source, lambda s: s.msgid).edits == []
    assert translation_edits(source, lambda s: None).edits == []


def test_rejections_keep_the_source_and_say_why() -> None:
    source = page("<p>Hello</p><p>Bye</p><p>Empty</p>")
    table = {"Hello": "<b>Привет</b>", "Bye": "Пока", "Empty": "  "}
    result = translation_edits(source, lambda s: table.get(s.msgid))
    assert [(r.segment.msgid, r.reason) for r in result.rejected] == [
        ("Hello", "tag <b> is not in the source text"),
        ("Empty", "the translation is empty"),
    ]
    assert result.translated == 1
    assert apply_edits(source.data, result.edits) == "<p>Hello</p><p>Пока</p><p>Empty</p>".encode()


def test_checked_lookup_builds_every_page_like_a_plain_lookup() -> None:
    pages = [
        page('<p>Read <a href="/a">this</a></p><p>Hello</p><p>Bad</p>'),
        page('<p>Read <a href="/b" class="x">this</a></p><p>Bad</p><img alt="Hello">'),
    ]
    table = {"Read <a>this</a>": "<a>Прочтите</a>", "Hello": "Привет & пока", "Bad": "<b>x</b>"}
    checked = CheckedLookup(by_msgid(table))
    for source in [*pages, *pages]:  # the second round answers from what it remembers
        plain = translation_edits(source, by_msgid(table))
        remembered = translation_edits(source, checked)
        assert remembered == plain
        assert [r.reason for r in remembered.rejected] == ["tag <b> is not in the source text"]


def test_attribute_translation_inside_a_translated_placeholder_is_folded() -> None:
    source = page('<p>Read <a title="More info" href="/x">this</a> now</p>')
    table = {"Read <a>this</a> now": "<a>Прочтите</a> сейчас", "More info": "Подробнее"}
    built = build(source, lambda s: table.get(s.msgid))
    assert built.decode() == '<p><a title="Подробнее" href="/x">Прочтите</a> сейчас</p>'
    only_title = build(source, lambda s: "Подробнее" if s.msgid == "More info" else None)
    assert only_title.decode() == '<p>Read <a title="Подробнее" href="/x">this</a> now</p>'


def test_extra_edits_inside_placeholders_are_folded() -> None:
    source = page('<p>Read <a href="about.html">this</a></p><a href="x.html">Next</a>')
    hrefs = [link for link in source.anchors.links]
    extra = [Edit(link.start, link.end, b"ru/" + link.value.encode()) for link in hrefs]
    result = translation_edits(
        source, lambda s: {"Read <a>this</a>": "Прочтите <a>это</a>"}.get(s.msgid), extra
    )
    assert apply_edits(source.data, result.edits).decode() == (
        '<p>Прочтите <a href="ru/about.html">это</a></p><a href="ru/x.html">Next</a>'
    )


def test_extra_edit_inside_segment_text_is_a_bug() -> None:
    source = page("<p>Read <b>this</b></p>")
    with pytest.raises(ValueError, match="inside the text"):
        translation_edits(source, lambda s: "<b>Это</b>", [Edit(4, 5, b"x")])


def test_apply_edits() -> None:
    assert apply_edits(b"abcdef", [Edit(4, 5, b"E"), Edit(0, 0, b">"), Edit(1, 3, b"")]) == b">adEf"


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(0, 3, b"x"), Edit(2, 4, b"y")],
        [Edit(0, 3, b"x"), Edit(1, 1, b"y")],
        [Edit(5, 9, b"x")],
    ],
)
def test_apply_edits_refuses_overlaps(edits: list[Edit]) -> None:
    with pytest.raises(ValueError, match=r"overlap|outside"):
        apply_edits(b"abcdef", edits)


def test_read_page_roundtrip_of_a_translated_page() -> None:
    """Extracting the built page gives the translations back as msgids."""
    html = "<p>Hi <a href='x'>you</a></p><img alt='Pic'>" + zero_form(ARRAY_FORM)
    source = page(html)
    table = {
        s.msgid: s.msgid.replace("a", "á").upper().replace("<Á>", "<a>").replace("</Á>", "</a>")
        for s in source.segments
    }
    built = build(source, lambda s: table[s.msgid])
    again = read_page("t.html", built)
    assert [s.msgid for s in again.segments] == [table[s.msgid] for s in source.segments]


FEED_SCRIPT = (
    "<script>var options = { btnText: 'Show more', btnReadMore: \"Read\" };"
    " t_feed_init('1', options);</script>"
)


@pytest.mark.parametrize(
    ("msgid", "msgstr", "written"),
    [
        ("Show more", "Ещё", "'Ещё'"),
        ("Show more", 'It\'s "more"', "'It&#39;s &quot;more&quot;'"),
        ("Read", "It's", '"It&#39;s"'),
        ("Show more", "a\\b", "'a\\\\b'"),
        ("Show more", "R&amp;D &lt;/script&gt;", "'R&amp;D &lt;/script&gt;'"),
        ("Show more", "one\u2028two\u2029three", "'one\\u2028two\\u2029three'"),
        ("Show more", "tab\there", "'tab\\there'"),
        ("Show more", "more\xa0here", "'more&nbsp;here'"),  # HTML: as the page spells it
    ],
)
def test_script_option_is_written_as_a_literal_in_the_scripts_quote_style(
    msgid: str, msgstr: str, written: str
) -> None:
    source = page(FEED_SCRIPT)
    built = build(source, lambda s: msgstr if s.msgid == msgid else None).decode()
    assert built == FEED_SCRIPT.replace(
        "'Show more'" if msgid == "Show more" else '"Read"', written
    )


def test_script_option_of_a_page_that_escapes_non_ascii_stays_ascii() -> None:
    source = page(
        "<script>var options = { btnText: '\\u0415\\u0449\\u0451' };"
        " t_feed_init(1, options);</script>"
    )
    built = build(source, lambda s: "Больше")
    assert b"'\\u0411\\u043e\\u043b\\u044c\\u0448\\u0435'" in built
