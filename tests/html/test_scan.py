from __future__ import annotations

import pytest

from locpipe.html.scan import (
    Kind,
    RawToken,
    Token,
    raw_tokens,
    scan,
    unescape_attribute,
    unescape_text,
    written_value,
)


def kinds(data: bytes) -> list[tuple[str, bytes]]:
    return [(token.kind.value, data[token.start : token.end]) for token in scan(data)]


def start_tag(data: bytes) -> Token:
    return next(token for token in scan(data) if token.kind is Kind.START)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"plain text",
        b"<p>a</p>",
        b"<!DOCTYPE html><html><body><p class='x'>Hi &amp; bye</p></body></html>",
        b'<div class="x',
        b"<!-- never closed",
        b"<a href='x",
        b"<div",
        b"</div",
        b"<script>var a = '<div>';",
        b"<<>><</a>>&<!<?",
        b"<p>\xd0\x9f\xd1\x80\xd0\xb8</p>",
    ],
)
def test_tokens_cover_every_byte_in_order(data: bytes) -> None:
    position = 0
    for token in scan(data):
        assert token.start == position
        position = token.end
    assert position == len(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a<!-->b", [("text", b"a"), ("comment", b"<!-->"), ("text", b"b")]),
        (b"<!--->b", [("comment", b"<!--->"), ("text", b"b")]),
        (b"<!---->b", [("comment", b"<!---->"), ("text", b"b")]),
        (b"<!--!ANX812-1!--!>b", [("comment", b"<!--!ANX812-1!--!>"), ("text", b"b")]),
        (b"<!-- a -- b -->c", [("comment", b"<!-- a -- b -->"), ("text", b"c")]),
        (
            b"<!--[if IE 8]><style>p{}</style><![endif]-->x",
            [("comment", b"<!--[if IE 8]><style>p{}</style><![endif]-->"), ("text", b"x")],
        ),
        (b"<!ANX812>x", [("comment", b"<!ANX812>"), ("text", b"x")]),
        (b"<?xml version='1.0'?>x", [("comment", b"<?xml version='1.0'?>"), ("text", b"x")]),
        (b"a</>b", [("text", b"a"), ("comment", b"</>"), ("text", b"b")]),
        (b"</ x>b", [("comment", b"</ x>"), ("text", b"b")]),
        (b"<!doctype html>", [("doctype", b"<!doctype html>")]),
        (b"a < b > c", [("text", b"a < b > c")]),
        (b"<!-- open", [("junk", b"<!-- open")]),
    ],
)
def test_comments_and_declarations(data: bytes, expected: list[tuple[str, bytes]]) -> None:
    assert kinds(data) == expected


@pytest.mark.parametrize(
    ("data", "name", "raw", "quote"),
    [
        (b'<div class="a b">', "class", b"a b", '"'),
        (b"<div class='a b'>", "class", b"a b", "'"),
        (b"<div class=ab>", "class", b"ab", ""),
        (b"<div class = 'x' >", "class", b"x", "'"),
        (b'<div CLASS="x">', "class", b"x", '"'),
        (b'<div title="a>b">', "title", b"a>b", '"'),
        (b"<div data-map-style='[{\"a\":1}]'>", "data-map-style", b'[{"a":1}]', "'"),
        (b"<a href=x/>", "href", b"x/", ""),
    ],
)
def test_attribute_values_and_their_spans(data: bytes, name: str, raw: bytes, quote: str) -> None:
    attr = start_tag(data).attr(name)
    assert attr is not None
    assert attr.raw == raw
    assert data[attr.start : attr.end] == raw
    assert attr.quote == quote


def test_attribute_without_value_and_duplicates() -> None:
    tag = start_tag(b'<input disabled class="a" class="b">')
    disabled = tag.attr("disabled")
    assert disabled is not None
    assert not disabled.has_value
    assert tag.attr_text("class", "utf-8") == "a"


@pytest.mark.parametrize(
    ("data", "self_closing"),
    [
        (b"<br />", True),
        (b"<br/>", True),
        (b"<br>", False),
        (b"<a href=x/>", False),
        (b"<path d='x'/>", True),
    ],
)
def test_self_closing_flag(data: bytes, self_closing: bool) -> None:
    assert start_tag(data).self_closing is self_closing


def test_tag_names_are_lower_case() -> None:
    tokens = scan(b"<DIV Class='x'>a</DiV>")
    assert [token.name for token in tokens if token.kind in (Kind.START, Kind.END)] == [
        "div",
        "div",
    ]


@pytest.mark.parametrize(
    ("data", "content"),
    [
        (b"<script>if (a<b) x = '<div>';</script>", b"if (a<b) x = '<div>';"),
        (b"<script>a</SCRIPT >", b"a"),
        (b"<style>p{}</style>", b"p{}"),
        (b"<noscript><img src=x></noscript>", b"<img src=x>"),
        (b"<iframe><p>x</p></iframe>", b"<p>x</p>"),
        (b"<script>no end", b"no end"),
        (b"<script></scripty></script>", b"</scripty>"),
    ],
)
def test_raw_text_is_one_token(data: bytes, content: bytes) -> None:
    tokens = scan(data)
    raw = [token for token in tokens if token.kind is Kind.RAWTEXT]
    assert len(raw) == 1
    assert data[raw[0].start : raw[0].end] == content


# The script data states of the HTML standard (13.2.5.4, 13.2.5.15-31): "<!--" escapes,
# "<script" inside it double-escapes, where "</script" goes back to escaped text and
# "-->" back to script data; only an end tag outside double escaped text ends it.
SCRIPT_DATA = {
    "the issue's counter": (
        b"<script><!-- document.write('<script src=x></script><div>Counter is loading</div>');"
        b" //--></script><p>after</p>",
        b"<!-- document.write('<script src=x></script><div>Counter is loading</div>'); //-->",
    ),
    "escaped text ends at its end tag": (
        b"<script><!-- a </script> b --></script>",
        b"<!-- a ",
    ),
    "--> leaves escaped text": (
        b"<script><!-- a --> <script> </script>",
        b"<!-- a --> <script> ",
    ),
    "<!--> is escaped text ended at once": (
        b"<script><!--><script></script>",
        b"<!--><script>",
    ),
    "<!---> too": (b"<script><!---><script></script>", b"<!---><script>"),
    "--> ends double escaped text": (
        b"<script><!--<script>--></script>x</script>",
        b"<!--<script>-->",
    ),
    "double escape needs a delimiter after script": (
        b"<script><!--<scripts></script>",
        b"<!--<scripts>",
    ),
    "double escape end needs one too": (
        b"<script><!--<script></scripts></script>--></script>",
        b"<!--<script></scripts></script>-->",
    ),
    "case-insensitive names": (
        b"<script><!--<SCRIPT/></Script\t></SCRIPT></script>",
        b"<!--<SCRIPT/></Script\t>",
    ),
    "no end at all": (b"<script><!--<script></script>", b"<!--<script></script>"),
    "<!- is no escape": (b"<script><!-<script></script>", b"<!-<script>"),
}


@pytest.mark.parametrize(("data", "content"), SCRIPT_DATA.values(), ids=SCRIPT_DATA.keys())
def test_script_data_escapes_like_the_html_standard(data: bytes, content: bytes) -> None:
    raw = [token for token in scan(data) if token.kind is Kind.RAWTEXT]
    assert data[raw[0].start : raw[0].end] == content


def test_plaintext_runs_to_the_end() -> None:
    assert kinds(b"<plaintext>a</plaintext><p>") == [
        ("start", b"<plaintext>"),
        ("rawtext", b"a</plaintext><p>"),
    ]


@pytest.mark.parametrize(
    ("data", "content"),
    [
        (b"<title>A &amp; <b>B</b></title>", b"A &amp; <b>B</b>"),
        (b'<textarea class="x">{"a":"<a>"}</textarea\n>', b'{"a":"<a>"}'),
    ],
)
def test_rcdata_is_one_token(data: bytes, content: bytes) -> None:
    rcdata = [token for token in scan(data) if token.kind is Kind.RCDATA]
    assert [data[token.start : token.end] for token in rcdata] == [content]


def test_svg_content_is_markup_not_raw_text() -> None:
    data = b"<svg><title>Close</title><style>.a{}</style><path d='x'/></svg><title>T</title>"
    found = kinds(data)
    assert ("text", b"Close") in found
    assert ("text", b".a{}") in found
    assert ("rcdata", b"T") in found


@pytest.mark.parametrize(
    "data",
    [b'<div class="x', b"<a href='x", b"<div", b"<p>text<span title=", b'<div a="1" b=\'2'],
)
def test_truncated_tag_becomes_junk(data: bytes) -> None:
    tokens = scan(data)
    assert tokens[-1].kind is Kind.JUNK
    assert tokens[-1].end == len(data)


def test_missing_quote_runs_on_like_a_browser() -> None:
    data = b'<a title="x>y</a><b class="c">'
    tag = start_tag(data)
    assert tag.attr_text("title", "utf-8") == "x>y</a><b class="
    assert tag.end == len(data)


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ("a&nbsp;b", "a\xa0b"),
        ("a&nbspb", "a\xa0b"),
        ("&Kcy;&acy;&tcy;", "Кат"),
        ("&#129309;", "🤝"),
        ("R&D", "R&D"),
        ("&lt;b&gt;", "<b>"),
    ],
)
def test_unescape_text(text: str, decoded: str) -> None:
    assert unescape_text(text) == decoded


@pytest.mark.parametrize(
    ("value", "decoded"),
    [
        ("?a=1&copy=2", "?a=1&copy=2"),
        ("&copy; 2024", "© 2024"),
        ("a &amp b", "a & b"),
        ("&notit;", "&notit;"),
        ("&quot;x&quot;", '"x"'),
        ("font-family:&#x27;Montserrat&#x27;", "font-family:'Montserrat'"),
        ("&apos;", "'"),
    ],
)
def test_unescape_attribute(value: str, decoded: str) -> None:
    assert unescape_attribute(value) == decoded


def test_single_byte_encoding_markup_is_found() -> None:
    data = "<p title='Привет'>Мир</p>".encode("cp1251")
    tag = start_tag(data)
    assert tag.attr_text("title", "cp1251") == "Привет"
    text = [token for token in scan(data) if token.kind is Kind.TEXT]
    assert data[text[0].start : text[0].end].decode("cp1251") == "Мир"


# --- raw tokens: what the walker reads ----------------------------------------------


# The names a caller (the Tilda walker) watches: the tokenizer knows none of its own.
TEXT_NAMES = (
    "alt", "aria-label", "content", "data-field-buttontitle-value",
    "data-field-formmsgsuccess-value", "data-map-title", "data-submit-title",
    "data-success-message", "placeholder", "title", "translate", "value",
)  # fmt: skip


def raw_starts(data: bytes) -> list[RawToken]:
    return [token for token in raw_tokens(data) if token.kind is Kind.START]


@pytest.mark.parametrize(
    ("data", "texts"),
    [
        (b"<p> \t\r\n\f </p>", []),
        (b"<p>tr</p>", [b"tr"]),  # letters that name whitespace escapes
        (b"<p>\\n f</p>", [b"\\n f"]),
        (b"<p>\x0b</p>", [b"\x0b"]),  # not HTML whitespace
        (b"<p>&nbsp;</p>", [b"&nbsp;"]),
        (b"  <p>a</p>\n", [b"a"]),
    ],
)
def test_raw_tokens_leave_out_only_ascii_whitespace_text(data: bytes, texts: list[bytes]) -> None:
    found = [data[token.start : token.end] for token in raw_tokens(data) if token.kind is Kind.TEXT]
    assert found == texts


@pytest.mark.parametrize(
    ("data", "value"),
    [
        (b'<div class="t-rec t-rec_pt_30">', b"t-rec t-rec_pt_30"),
        (b"<div class=tn-atom>", b"tn-atom"),
        (b"<div class = 'a b' >", b"a b"),
        (b'<div class="first" class="second">', b"first"),
        (b'<div class id="x" class="second">', b""),
        (b'<div data-class="x">', None),
        (b'<div title="class=x">', None),
        (b'<div CLASS="x">', None),  # reported as watched instead
    ],
)
def test_raw_tokens_report_the_first_class(data: bytes, value: bytes | None) -> None:
    (token,) = raw_starts(data)
    class_value = token.class_value
    assert (None if class_value is None else written_value(class_value)) == value


@pytest.mark.parametrize(
    ("data", "watched", "has_field"),
    [
        (b'<div class="x" style="a:b">', False, False),
        (b'<div field="title">', False, True),
        (b"<div FIELD=descr>", False, True),
        (b'<div data-field-top-value="10">', False, False),
        (b'<img alt="A cat">', True, False),
        (b"<img ALT=cat>", True, False),
        (b'<img data-alt="x" data-title="y">', False, False),
        (b'<input type="submit" value="Send">', True, False),
        (b'<div class="x" translate="no">', True, False),
        (b'<div Class="x">', True, False),
        (b'<div data-success-message="Thanks">', True, False),
        (b'<a title=x href="/">', True, False),
        (b'<a href="/" title>', True, False),
    ],
)
def test_raw_tokens_mark_watched_attributes(data: bytes, watched: bool, has_field: bool) -> None:
    (token,) = [t for t in raw_tokens(data, watch=[TEXT_NAMES, ["field"]]) if t.kind is Kind.START]
    assert (bool(token.watched & 1), bool(token.watched & 2)) == (watched, has_field)


@pytest.mark.parametrize(
    ("watch", "data", "watched"),
    [
        ([], b'<div class="x" title="y">', 0),
        ([], b'<div CLASS="x">', 1),  # a class class_value does not report: the first group
        ([[], ["field"]], b'<div field="x" title="y">', 2),  # an empty group keeps its bit
        ([["title"], ["field"]], b'<div field="x" TITLE="y">', 3),
        ([["title"], ["field"]], b'<div class="a" class="b">', 1),
    ],
)
def test_raw_tokens_report_each_watched_group_as_a_bit(
    watch: list[list[str]], data: bytes, watched: int
) -> None:
    (token,) = raw_tokens(data, watch=watch)
    assert token.watched == watched


@pytest.mark.parametrize(
    "data",
    [
        b"<div class='a' id=1>x</div>",
        b"<p>a <b>b</b>\n<i>c</i></p>  ",
        b"<svg><path d='M0 0'/></svg><br/><img src=x/>",
        b"<script>if (a < b) {}</script><!-- c --><textarea> t </textarea>",
        b'<a href="x"',
    ],
)
def test_scan_is_raw_tokens_plus_the_whitespace_between(data: bytes) -> None:
    spans = [(token.start, token.end) for token in scan(data) if token.kind is not Kind.TEXT]
    raw = [(token.start, token.end) for token in raw_tokens(data) if token.kind is not Kind.TEXT]
    assert spans == raw


@pytest.mark.parametrize(
    ("data", "picked"),
    [
        (b'<div class="a" data-x="1" field="tn_text_1">', {"class": b"a", "field": b"tn_text_1"}),
        (b"<div FIELD=x Field='y'>", {"field": b"x"}),  # the first, in any case
        (b"<div field class>", {"field": b"", "class": b""}),  # written bare
        (b'<div title="field=x" data-field="y">', {}),  # inside a value, or a longer name
        (b'<div field = "a b">', {"field": b"a b"}),
    ],
)
def test_values_of_a_tag_are_the_first_of_each_name(data: bytes, picked: dict[str, bytes]) -> None:
    tag = start_tag(data)
    found = {name: tag.attr(name) for name in ("field", "class") if name in tag.names}
    assert {name: attr.raw for name, attr in found.items() if attr is not None} == picked
    assert all(attr is not None for attr in found.values())
