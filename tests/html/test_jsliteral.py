from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe.html.jsliteral import decode_string, object_strings, string_value
from locpipe.html.splice import apply_edits, translation_edits
from locpipe.msgid import escape_text

from .pages import page


def strings(script: str) -> list[tuple[str, str, str, str]]:
    data = script.encode()
    return [
        (found.variable, found.key, data[found.start : found.end].decode(), found.quote)
        for found in object_strings(data, 0, len(data))
    ]


def test_string_values_of_assigned_objects_with_their_variable_key_and_quote() -> None:
    script = (
        "var popup_optsObj = { btnTitle: 'Buy', closeText: \"Back\", n: 1, on: true };"
        " options = {'quoted key': 'v', nested: {title: 'T'}, list: ['a', {descr: 'D'}]};"
    )
    assert strings(script) == [
        ("popup_optsObj", "btnTitle", "Buy", "'"),
        ("popup_optsObj", "closeText", "Back", '"'),
        ("options", "quoted key", "v", "'"),
        ("options", "title", "T", "'"),
        ("options", "list", "a", "'"),
        ("options", "descr", "D", "'"),
    ]


@pytest.mark.parametrize(
    "script",
    [
        "var o = { a: 'x' + name };",  # a concatenation is code
        "var o = { a: f('x') };",  # so is a call
        "var o = { a: cond ? 'x' : 'y' };",
        "var o = { a: `template ${x}` };",
        "var o = { run: function() { var inner = 'x'; } };",
        "el.style = { a: 'x' };",  # a property, not a variable
        "call('x', {a: 'x'});",  # an object that is not assigned
        "// var o = { a: 'x' };\n/* var p = { a: 'x' }; */",
        "var s = \"var o = { a: 'x' }\";",
    ],
)
def test_code_is_never_read(script: str) -> None:
    assert strings(script) == []


def test_an_object_after_code_it_skipped_is_still_read() -> None:
    script = "var o = { run: function() { return {b: 'no'}; }, after: 'yes' }; var p = {c: 'z'};"
    assert strings(script) == [("o", "after", "yes", "'"), ("p", "c", "z", "'")]


def test_a_broken_script_ends_the_search_without_failing() -> None:
    assert strings("var o = { a: 'x', b: ") == [("o", "a", "x", "'")]
    assert strings("var o = { a: 'unclosed }") == []


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (r"It\'s", "It's"),
        (r"\"q\"", '"q"'),
        (r"a\\b", "a\\b"),
        (r"\n\r\t\b\f\v\0", "\n\r\t\b\f\v\0"),
        (r"\x41\u0042\u{43}\u{1F600}", "ABC\U0001f600"),
        (r"\ud83d\ude00", "\U0001f600"),
        ("line\\\ncontinued", "linecontinued"),
        (r"\d\q", "dq"),
        (r"\u00", "u00"),
    ],
)
def test_decode_string(literal: str, value: str) -> None:
    assert decode_string(literal)[0] == value


def test_string_value_maps_every_byte_to_the_page() -> None:
    page = "x = 'Пр\\u0438в'".encode()
    start = page.index(b"'") + 1
    end = len(page) - 1
    value, offsets = string_value(page, start, end, "utf-8")
    assert value.decode() == "Прив"
    assert len(offsets) == len(value) + 1
    assert offsets[0] == start
    assert offsets[-1] == end
    assert page[offsets[value.index("и".encode())] :].startswith(b"\\u0438")


FEED = "<script>var options = {{ btnText: {quote}Show more{quote} }}; t_feed_init(1, o);</script>"


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1), quote=st.sampled_from(["'", '"']))
def test_a_written_script_string_reads_back_as_the_translation(text: str, quote: str) -> None:
    """JavaScript decodes the literal, then Tilda's HTML insertion decodes the references."""
    source = page(FEED.format(quote=quote))
    msgstr = escape_text(text)  # a msgstr whose text is ``text``
    result = translation_edits(source, lambda segment: msgstr)
    if result.rejected or not result.edits:
        return  # a blank msgstr is refused; that is splice's business
    built = apply_edits(source.data, result.edits)
    (found,) = object_strings(built, 0, len(built))
    assert found.quote == quote
    value, _ = decode_string(built[found.start : found.end].decode())
    assert html.unescape(value) == text
    assert b"</script" not in built[found.start : found.end].lower()
