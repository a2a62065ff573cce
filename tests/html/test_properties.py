"""Generated pages in the shapes Tilda writes: identity builds and marked builds."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe.html.page import read_page
from locpipe.html.scan import Kind, scan
from locpipe.html.splice import apply_edits, translation_edits

from .pages import mark, unchanged_outside

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.text(alphabet="abcXYZжяЁüé", min_size=1, max_size=6)
PIECES = st.sampled_from(
    [
        "&nbsp;",
        "&amp;",
        "&#8212;",
        "&mdash;",
        "&laquo;",
        "&raquo;",
        "&quot;",
        "&#x27;",
        "&lt;",
        "&gt;",
        "\u00a0",
        "—",
        "&Kcy;&acy;",
        "&#129309;",
        "&copy",
        "R&D",
        "5 < 6",
        "a > b",
        "«",
        "»",
        "’",
        "\ufffd",
        "12 500",
        "+7 (999)",
    ]
)
SPACES = st.sampled_from([" ", "  ", "\n    ", "\r\n\t", "\t"])
TEXT = st.lists(st.one_of(WORDS, PIECES, SPACES), min_size=1, max_size=8).map("".join)
ATTRIBUTE_TEXT = TEXT.map(lambda text: text.replace('"', "&quot;"))
INLINE_NAMES = st.sampled_from(["a", "span", "strong", "em", "b", "i", "u", "del", "sup"])
INLINE_ATTRIBUTES = st.sampled_from(
    [
        "",
        ' href="/about"',
        " href='/x?a=1&amp;b=2'",
        ' style="color: rgb(209, 0, 42);"',
        " class='c' data-x=\"1\"",
        ' title="Tip &quot;x&quot;"',
        " href=page.html",
    ]
)
BREAKS = st.sampled_from(["<br>", "<br/>", "<br />"])
COMMENTS = st.sampled_from(
    ["<!-- note -->", "<!--!ANX812-1!--!>", "<!---->", "<!--[if IE]><p>x</p><![endif]-->"]
)


def tagged(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda name, attributes, content: f"<{name}{attributes}>{content}</{name}>",
        INLINE_NAMES,
        INLINE_ATTRIBUTES,
        inner,
    )


INLINE = st.recursive(
    st.one_of(TEXT, BREAKS),
    lambda inner: st.lists(st.one_of(inner, tagged(inner)), min_size=1, max_size=4).map("".join),
    max_leaves=8,
)


def json_form(ascii_only: bool, slash: bool, placeholder: str, label: str) -> str:
    fields = [
        {
            "lid": "1531306243545",
            "li_type": "nm",
            "li_ph": placeholder,
            "li_req": "y",
            "li_nm": "Name",
        },
        {"lid": "1634394923889", "li_type": "cb", "li_label": label, "li_nm": "agree"},
    ]
    text = json.dumps(fields, ensure_ascii=ascii_only, separators=(",", ":"))
    return text.replace("/", "\\/") if slash else text


PLAIN = st.text(alphabet="abcXYZжя ü.,!?-", min_size=1, max_size=12)
LABEL = st.builds(
    lambda a, b: f'{a} <a href="https://x.ru/p" target="_blank">{b}</a>', PLAIN, PLAIN
)
ZERO_FORM = st.builds(
    lambda form: (
        "<div class='t396__elem tn-elem' data-elem-type='form' data-field-width-value=\"390\" "
        'data-field-buttontitle-value="Send"><div class="tn-atom">'
        '<textarea class="tn-atom__inputs-textarea">'
        f"{form}</textarea\n></div></div>"
    ),
    st.builds(json_form, st.booleans(), st.booleans(), PLAIN, LABEL),
)

BLOCKS = st.one_of(
    st.builds(lambda c: f'<div class="t-text" field="text">{c}</div>', INLINE),
    st.builds(lambda c: f"<div class='t-descr' field='descr '>{c}</div>", INLINE),
    st.builds(
        lambda c: (
            "<div class='t396__elem tn-elem tn-elem__1' data-elem-id='1' data-elem-type='text' "
            'data-field-top-value="62" data-field-width-value="560">'
            f"<div class='tn-atom' field='tn_text_1' >{c}</div></div>"
        ),
        INLINE,
    ),
    st.builds(lambda c: f"<a class='tn-atom' href=\"#tickets\" >{c}</a>", INLINE),
    st.builds(
        lambda c: (
            '<a class="t-btn" href="#rec1"><table style="width:100%">'
            f"<tr><td>{c}</td></tr></table></a>"
        ),
        TEXT,
    ),
    st.builds(lambda c: f'<a href="/"><div class="t975__menu-item">{c}</div></a>', TEXT),
    st.builds(lambda c: f"<p>{c}</p>", INLINE),
    st.builds(lambda a, b: f"<ul>\n  <li>{a}</li>\n  <li>{b}\n</ul>", INLINE, INLINE),
    st.builds(lambda c: f'<button type="submit" class="t-submit">{c}</button>', TEXT),
    st.builds(
        lambda c: (
            '<label class="t-checkbox__control"><input type="checkbox" value="yes">'
            f"<span>{c}</span></label>"
        ),
        INLINE,
    ),
    st.builds(lambda c: f'<img class="t-img" src="images/a.png" alt="{c}">', ATTRIBUTE_TEXT),
    st.builds(
        lambda c: f"<input type='text' class='t-input' placeholder=\"{c}\" data-tilda-rule='name'>",
        ATTRIBUTE_TEXT,
    ),
    st.builds(lambda c: f'<div class="notranslate">{c}</div>', INLINE),
    st.builds(lambda c: f"<script>var s = '<div class=\"x\">{c}</div>';</script>", WORDS),
    st.builds(
        lambda c: f"<style>.t-{c} {{ font-family:'Montserrat'; }}</style>",
        st.sampled_from(["a", "b"]),
    ),
    st.builds(lambda c: f'<div class="js-successbox" style="display:none;">{c}</div>', INLINE),
    COMMENTS,
    ZERO_FORM,
)
HEAD = st.builds(
    lambda title, description: (
        f'<head><meta charset="utf-8" /><title>{title}</title>'
        f'<meta name="description" content="{description}" />'
        f'<meta property="og:title" content="{description}">'
        "</head>"
    ),
    TEXT,
    ATTRIBUTE_TEXT,
)
SEPARATORS = st.sampled_from(["", "\n", "\r\n", "\r", "\n    "])


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    separator = draw(SEPARATORS)
    body = separator.join(draw(st.lists(BLOCKS, min_size=1, max_size=6)))
    if draw(st.booleans()):
        html = f"<!DOCTYPE html><html>{draw(HEAD)}<body>{separator}{body}{separator}</body></html>"
    else:
        html = f'<!--allrecords--><div id="allrecords" class="t-records">{body}</div>'
    return html.encode("utf-8")


def structure(data: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (token.kind.value, token.name, tuple(attr.name for attr in token.attrs))
        for token in scan(data)
        if token.kind not in (Kind.TEXT, Kind.RCDATA)
    ]


@SETTINGS
@given(pages())
def test_identity_build_returns_the_input(data: bytes) -> None:
    page = read_page("p.html", data)
    result = translation_edits(page, lambda segment: segment.msgid)
    assert result.edits == []
    assert apply_edits(data, result.edits) == data


@SETTINGS
@given(pages())
def test_marked_build_changes_only_segment_spans(data: bytes) -> None:
    page = read_page("p.html", data)
    result = translation_edits(page, lambda segment: mark(segment.msgid))
    assert result.rejected == []
    built = apply_edits(data, result.edits)
    assert unchanged_outside(data, built, result.edits)
    assert structure(built) == structure(data)
    again = read_page("p.html", built)
    assert [s.msgid for s in again.segments] == [mark(s.msgid) for s in page.segments]


@SETTINGS
@given(pages())
def test_segments_are_ordered_and_do_not_overlap_except_in_placeholders(data: bytes) -> None:
    page = read_page("p.html", data)
    outer_end = -1
    tag_spans: list[tuple[int, int]] = []
    for segment in page.segments:
        assert segment.msgid == segment.msgid.strip(" \t\n\r\f")
        if segment.start < outer_end:
            assert any(start <= segment.start and segment.end <= end for start, end in tag_spans)
            continue
        outer_end = segment.end
        tag_spans = [
            (tag.start_offset, tag.start_offset + len(tag.start_tag)) for tag in segment.tags
        ]


@SETTINGS
@given(TEXT)
def test_any_text_round_trips_as_element_content(text: str) -> None:
    data = f"<p>{text}</p>".encode()
    page = read_page("p.html", data)
    for segment in page.segments:
        built = apply_edits(data, translation_edits(page, lambda s: mark(s.msgid)).edits)
        assert read_page("p.html", built).segments[0].msgid == mark(segment.msgid)
