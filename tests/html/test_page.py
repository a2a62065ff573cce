from __future__ import annotations

import time
from dataclasses import replace

import pytest

from locpipe.errors import PageError
from locpipe.html.page import detect_encoding, read_page
from locpipe.html.walker import TagMemo
from locpipe.model import Destination, PageAnchors

from .pages import build, mark, page

# --- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ("", "utf-8"),
        ('<meta charset="utf-8" />', "utf-8"),
        ("<meta charset=UTF-8>", "utf-8"),
        ('<meta charset="windows-1251">', "cp1251"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251" />', "cp1251"),
        ("<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=koi8-r'>", "koi8-r"),
        ('<meta charset="iso-8859-1">', "cp1252"),
        ('<meta charset="no-such-encoding"><meta charset="koi8-r">', "koi8-r"),
        ('<meta charset="utf-16">', "utf-8"),
    ],
)
def test_declared_encoding(head: str, encoding: str) -> None:
    data = f"<html><head>{head}</head><body><p>Hello</p></body></html>".encode("ascii")
    assert detect_encoding("p.html", data) == encoding


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_single_byte_pages_give_unicode_msgids_and_stay_in_their_encoding(
    encoding: str,
) -> None:
    label = {"cp1251": "windows-1251", "koi8-r": "koi8-r"}[encoding]
    html = (
        f'<html><head><meta charset="{label}"><title>Главная</title></head>'
        '<body><p title="Подсказка">Привет, мир</p></body></html>'
    )
    source = page(html, encoding)
    assert source.encoding == encoding
    assert [s.msgid for s in source.segments] == ["Главная", "Подсказка", "Привет, мир"]
    built = build(source, lambda s: {"Привет, мир": "Здравствуй, мир"}.get(s.msgid))
    assert built == html.replace("Привет, мир", "Здравствуй, мир").encode(encoding)


def test_utf8_bom_is_kept() -> None:
    data = b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    source = read_page("bom.html", data)
    assert source.encoding == "utf-8"
    assert [s.msgid for s in source.segments] == ["Hi"]
    assert build(source, lambda s: "Привет").startswith(b"\xef\xbb\xbf<!DOCTYPE")


def test_crlf_and_mixed_line_endings_are_kept_and_counted() -> None:
    data = b"<html>\r\n<body>\n<p>One\r\ntwo</p>\r\n<p>Three</p>\r<p>Four</p></body></html>"
    source = read_page("eol.html", data)
    assert [(s.msgid, s.line) for s in source.segments] == [
        ("One two", 3),
        ("Three", 5),
        ("Four", 6),
    ]
    built = build(source, lambda s: s.msgid.upper())
    assert built == data.replace(b"One\r\ntwo", b"ONE TWO").replace(b"Three", b"THREE").replace(
        b"Four", b"FOUR"
    )


def test_replacement_character_damage_is_ordinary_text() -> None:
    source = page("<p>ОБ\ufffd&nbsp;АБОТКИ</p>")
    assert source.segments[0].msgid == "ОБ\ufffd\xa0АБОТКИ"


def test_cyrillic_written_as_named_entities() -> None:
    source = page("<p>&Kcy;&acy;&tcy;&acy;&lcy;&ocy;&gcy;</p>")
    assert source.segments[0].msgid == "Каталог"
    assert build(source, lambda s: "Catalogue") == b"<p>Catalogue</p>"


@pytest.mark.parametrize(
    "html",
    [
        '<div><p>Full sentence</p><p class="x',
        "<div><p>Full sentence</p><!-- cut",
        "<div><p>Full sentence</p><a href='x",
        "<div><p>Full sentence</p><p>Half",
        "<div><p>Full sentence</p><script>var a = 1",
    ],
)
def test_truncated_html_still_reads_and_round_trips(html: str) -> None:
    source = page(html)
    assert source.segments[0].msgid == "Full sentence"
    assert build(source, lambda s: s.msgid) == html.encode()
    assert build(source, lambda s: mark(s.msgid)).startswith("<div><p>ᚠᚠᚠᚠ ᚠᚠᚠᚠᚠᚠᚠᚠ</p>".encode())


# --- unreadable pages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "the page is empty", None),
        (b"  \n\t ", "the page is empty", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is not a text file", 3),
        (bytes(range(1, 32)) * 10, "this is not a text file", 1),
        (b"<p>ok</p>\n<p>caf\xe9</p>", "the page is not valid utf-8", 2),
        (b"\xff\xfe<\x00p\x00>\x00", "UTF-16 pages are not supported", 1),
        (b'<meta charset="utf-8">\n\n<p>\xc3\x28</p>', "the page is not valid utf-8", 3),
    ],
)
def test_unreadable_pages_raise_page_error_naming_the_file(
    data: bytes, message: str, line: int | None
) -> None:
    with pytest.raises(PageError) as caught:
        read_page("files/broken.html", data)
    assert caught.value.message.startswith(message)
    assert str(caught.value.path) == "files/broken.html"
    assert caught.value.line == line
    assert caught.value.hint


# --- anchors ------------------------------------------------------------------------

FULL_PAGE = (
    '<!DOCTYPE html><html lang="en" dir=\'ltr\'><head><meta charset="utf-8" />'
    '<meta property="og:url" content="https://x.com/about" /><meta property="og:locale" '
    'content="en_US">'
    '<link rel="canonical" href="https://x.com/about"><link rel="stylesheet" href="css/a.css">'
    '<link rel="alternate" href="/en/about"><link rel="shortcut icon" href="/favicon.ico">'
    "</head><body><a href='page2.html'>Two</a><a href=\"#rec1\">Top</a><a href='mailto:a@b.c'>"
    "Mail</a>"
    "<a href='tel:+123'>Call</a><a href='javascript:void(0)'>JS</a><a "
    "href='https://x.com/contact'>C</a>"
    "<a href='//cdn.x.com/a'>CDN</a><a>No href</a></body></html>"
)


def test_anchors_of_a_full_page() -> None:
    source = page(FULL_PAGE)
    anchors = source.anchors
    data = source.data
    assert anchors.html_tag_end is not None
    assert data[anchors.html_tag_end : anchors.html_tag_end + 1] == b">"
    assert data[: anchors.html_tag_end].endswith(b"dir='ltr'")
    assert anchors.html_lang is not None
    assert anchors.html_lang.value == "en"
    assert anchors.html_dir is not None
    assert anchors.html_dir.quote == "'"
    assert anchors.head_end is not None
    assert data[anchors.head_end :].startswith(b"</head>")
    assert anchors.canonical is not None
    assert anchors.canonical.value == "https://x.com/about"
    assert anchors.og_url is not None
    assert data[anchors.og_url.start : anchors.og_url.end] == b"https://x.com/about"
    assert anchors.og_locale is not None
    assert anchors.og_locale.value == "en_US"
    assert [link.value for link in anchors.links] == [
        "/en/about",
        "page2.html",
        "https://x.com/contact",
        "//cdn.x.com/a",
    ]
    for link in anchors.links:
        assert data[link.start : link.end].decode() == link.value
    assert not source.is_fragment


@pytest.mark.parametrize(
    ("html", "project_lang"),
    [
        ('<div class="x"></div><div id="allrecords" class="t-records">', None),
        ("<div id='allrecords' data-tilda-project-lang='RU' >", "RU"),
        ('<div data-tilda-project-lang="EN" id="allrecords"/>', "EN"),
    ],
)
def test_allrecords_and_body_end(html: str, project_lang: str | None) -> None:
    source = page(f"<html><head></head><body>{html}</div></body></html>")
    anchors, data = source.anchors, source.data
    assert anchors.allrecords_tag_end is not None
    assert data[anchors.allrecords_tag_end :].startswith((b">", b"/>"))
    assert data[: anchors.allrecords_tag_end].rstrip(b" /").endswith((b'"', b"'"))
    if project_lang is None:
        assert anchors.project_lang is None
    else:
        assert anchors.project_lang is not None
        assert anchors.project_lang.value == project_lang
    assert anchors.body_end is not None
    assert data[anchors.body_end :] == b"</body></html>"


def test_a_page_without_allrecords_has_none() -> None:
    anchors = page('<html><body><div id="allrecordsx">allrecords</div></body></html>').anchors
    assert anchors.allrecords_tag_end is None
    assert anchors.project_lang is None


@pytest.mark.parametrize(
    ("html", "offset_of"),
    [("<html>", b">"), ("<html/>", b"/>"), ("<HTML\n  class='x'\n>", b">")],
)
def test_html_tag_end(html: str, offset_of: bytes) -> None:
    source = page(html + "<body><p>x</p></body>")
    assert source.anchors.html_tag_end is not None
    assert source.data[source.anchors.html_tag_end :].startswith(offset_of + b"<body>")


def test_body_fragment_has_no_html_tag() -> None:
    source = page('<!--allrecords--><div id="allrecords" class="t-records"><p>Hi</p></div>')
    assert source.is_fragment
    assert source.anchors.head_end is None


def test_missing_head_end_falls_back_to_body_start() -> None:
    source = page("<html><head><title>T</title><body><p>x</p></body></html>")
    assert source.anchors.head_end is not None
    assert source.data[source.anchors.head_end :].startswith(b"<body>")


# --- size ---------------------------------------------------------------------------


_FIELDS = " ".join(
    f'data-field-{name}-res-{width}-value="{index}"'
    for index, (name, width) in enumerate(
        (name, width) for name in ("top", "left", "width") for width in (320, 480, 640, 960)
    )
)
_CSS = "".join(
    f'@media screen and (max-width: {width}px) {{ #recNUM .tn-elem[data-elem-id="NUM"] '
    f"{{ top: {width // 10}px; left: calc(50% - 300px + 20px); width: 560px; }} }}"
    for width in (1199, 959, 639, 479, 319)
)
# A Zero Block record shaped like an export's: mostly attributes, CSS and script, a little text.
_RECORD = (
    "<div id='recNUM' class='r t-rec' style=' ' data-animationappear='off' data-record-type='396'>"
    "<!-- T396 --><div class='t396'><div class='t396__artboard' data-artboard-recid='NUM'>"
    "<div class='t396__elem tn-elem tn-elem__NUM' data-elem-id='NUM' data-elem-type='text' "
    f'data-field-top-value="62" data-field-left-value="20" data-field-width-value="560" {_FIELDS}>'
    "<div class='tn-atom' field='tn_text_NUM'>Text number NUM with <strong>bold</strong> and "
    "<a href='/x' style='color:#ff0000'>a link</a>.<br />Next&nbsp;line</div></div>"
    "<div class='t396__elem tn-elem' data-elem-type='image' data-field-width-value=\"100\">"
    "<div class='tn-atom'><img class='tn-atom__img t-img' data-original='images/tildNUM.png' "
    "src='images/tildNUM__resize__20x_.png' alt='Picture NUM'></div></div></div></div>"
    f"<style>{_CSS}</style><script>$( document ).ready(function() {{ t_onFuncLoad('t396_init', "
    "function () { t396_init('NUM'); }); });</script></div>\n"
)


def test_ten_megabyte_page_is_fast() -> None:
    records = [_RECORD.replace("NUM", str(n)) for n in range(5000)]
    data = (
        "<html><head><title>Big</title></head><body>" + "".join(records) + "</body></html>"
    ).encode()
    assert len(data) > 10_000_000
    started = time.process_time()  # CPU time: other jobs on the machine do not count
    source = read_page("big.html", data)
    built = build(source, lambda s: mark(s.msgid))
    elapsed = time.process_time() - started
    assert len(source.segments) == 1 + 2 * len(records)
    assert sum(s.destination is Destination.ATTRIBUTE for s in source.segments) == len(records)
    assert built.count("ᚠ".encode()) > 10 * len(records)
    assert elapsed < 6, f"extract + build of a {len(data) / 1e6:.1f} MB page took {elapsed:.1f} s"


# --- reading for extract and for build ------------------------------------------------

SITE_PAGE = (
    '<html lang="en"><head><title>Leonov</title><meta name="description" content="A walk">'
    '<link rel="canonical" href="https://example.com/"></head><body>'
    '<div class="t-rec" data-record-type="396"><!-- T396 -->'
    '<div class="t396__elem tn-elem" data-elem-type="text" data-field-width-value="300">'
    '<div class="tn-atom" field="tn_text_1">Twelve <a href="/about.html">minutes</a></div>'
    '</div></div><img alt="Voskhod-2" src="v.jpg"></body></html>'
)


def test_reading_without_notes_keeps_everything_but_the_notes() -> None:
    data = SITE_PAGE.encode()
    full = read_page("p.html", data)
    bare = read_page("p.html", data, notes=False)
    assert [replace(s, note="", max_width=None) for s in full.segments] == list(bare.segments)
    assert bare.anchors == full.anchors
    assert any(segment.max_width == 300 for segment in full.segments)


def test_reading_without_anchors_keeps_the_segments() -> None:
    data = SITE_PAGE.encode()
    full = read_page("p.html", data)
    bare = read_page("p.html", data, anchors=False)
    assert bare.segments == full.segments
    assert bare.anchors == PageAnchors()
    assert full.anchors.canonical is not None


def test_pages_read_with_one_memo_read_as_alone() -> None:
    memo = TagMemo()
    first = read_page("a.html", SITE_PAGE.encode(), memo=memo)
    assert memo.facts  # the second page finds its tags there
    other = SITE_PAGE.replace("Twelve", "About twelve").encode("cp1251")
    other = other.replace(b"<head>", b'<head><meta charset="windows-1251">')
    second = read_page("b.html", other, memo=memo)
    assert first == read_page("a.html", SITE_PAGE.encode())
    assert second == read_page("b.html", other)
