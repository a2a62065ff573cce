from __future__ import annotations

import json
from dataclasses import replace

import pytest

from locpipe.html import tilda_rules
from locpipe.html.lines import LineIndex
from locpipe.html.tag_hints import page_tokens
from locpipe.html.walker import find_segments
from locpipe.model import Destination, Segment, parse_width

from .pages import page


def msgids(html: str) -> list[str]:
    return [segment.msgid for segment in page(html).segments]


def only(html: str) -> Segment:
    segments = page(html).segments
    assert len(segments) == 1, [segment.msgid for segment in segments]
    return segments[0]


def spanned(html: str) -> list[str]:
    """The source bytes of each segment."""
    source = page(html)
    return [source.data[s.start : s.end].decode() for s in source.segments]


# --- what is text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<a class="t-menu__link-item" href="/#speakers" data-menu-item-number="1">Спикеры</a>',
            ["Спикеры"],
        ),
        (
            "<a class='t-btn' href='#rec1'><table style='width:100%'><tr><td>Contact</td></tr>"
            "</table></a>",
            ["Contact"],
        ),
        (
            '<a href="/"><div class="t975__menu-item"><div class="t975__menu-text">Home</div>'
            "</div></a>",
            ["Home"],
        ),
        ('<button type="submit" class="t-submit" style="color:#000">Send</button>', ["Send"]),
        (
            '<div class="t702__title t-title" style="display:none">Отправить заявку</div>',
            ["Отправить заявку"],
        ),
        (
            '<div class="js-successbox t-form__successbox" style="display:none;">Thank you!</div>',
            ["Thank you!"],
        ),
        (
            '<div class="t706__carticon-text t-name t-name_xs">Click to order</div>',
            ["Click to order"],
        ),
        (
            "<div class='tn-atom' field='tn_text_1' >in&nbsp;a&nbsp;company</div>",
            ["in\xa0a\xa0company"],
        ),
        ("<h3 class='tn-atom'>Semantic atom</h3>", ["Semantic atom"]),
        (
            "<select><option value='A'>Option A</option><option>Option B</select>",
            ["Option A", "Option B"],
        ),
        (
            '<label class="t-checkbox__control"><input type="checkbox" class="t-checkbox"><div '
            'class="t-checkbox__indicator"></div><span>Даю согласие на обработку <a href="/p">'
            "персональных данных</a></span></label>",
            ["Даю согласие на обработку <a>персональных данных</a>"],
        ),
        ("<p>Total:&nbsp;</p>", ["Total:\xa0"]),
        ("<body><p>one</p>two<div>three</div></body>", ["one", "two", "three"]),
        ("<ul><li>One<li>Two</ul>", ["One", "Two"]),
        ("<p>One<p>Two", ["One", "Two"]),
        (
            '<svg viewBox="0 0 1 1"><title>Facebook</title><desc>Icon</desc><descr>Cart</descr>'
            "<text>no</text></svg>",
            ["Facebook", "Icon", "Cart"],
        ),
    ],
)
def test_visible_text_is_extracted(html: str, expected: list[str]) -> None:
    assert msgids(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "<script>var t = 'Hello world';</script>",
        "<style>.a:after{content:'Hello'}</style>",
        "<noscript><div>Please enable JavaScript</div></noscript>",
        "<!-- Hello world -->",
        "<svg><path d='M0'/><text>Label</text></svg>",
        "<pre>Some code</pre>",
        '<div class="notranslate">Brand Name</div>',
        '<div translate="no"><p>Brand <b>Name</b></p><img alt="Logo"></div>',
        '<div class="t-name notranslate js-product-price" translate="off">Price</div>',
        '<input type="hidden" name="tildaspec-formname" value="Contact page">',
        '<input type="text" name="Name" value="Prefilled">',
        "<textarea name='Textarea'>Default text</textarea>",
        "<div>12 500</div><div>—</div><div>$ 100</div><div>+7 (999) 123-45-67</div>",
        "<div>info@example.com</div><a href='mailto:a@b.c'>a@b.c</a>",
        "<div>https://example.com/page</div><div>www.example.com</div><div>fun-grill.com</div>",
        '<div data-tooltip-hook="#popup:myform" data-elem-id="123" class="t-popup" id="x"></div>',
        "<div data-animate-sbs-opts=\"[{'mx':0}]\" data-field-top-value='62' "
        "style=\"font-family:'Montserrat'\"></div>",
        '<link rel="stylesheet" title="Main style" href="a.css">',
        "<head><base href='/'><script>x</script>Stray</head>",
    ],
)
def test_not_text(html: str) -> None:
    assert msgids(html) == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>Contact<br><a href="mailto:x@y.z">x@y.z</a></p>',
            ["Contact<br><a>x@y.z</a>"],
        ),
        ("<p>Email<br>x@y.z</p>", ["Email<br>x@y.z"]),
        ("<p>Email:<br><b>x@y.z</b></p>", ["Email:<br><b>x@y.z</b>"]),
        ("<p>Write to <a href='mailto:x@y.z'>x@y.z</a></p>", ["Write to <a>x@y.z</a>"]),
        ("<p>x@y.z<br />write any time</p>", ["x@y.z<br>write any time"]),
        (
            "<p><a href='tel:+7999'>+7 999 123-45-67</a><br>Phone</p>",
            ["<a>+7 999 123-45-67</a><br>Phone"],
        ),
        ("<p>Call<a href='tel:+7999'>tel:+79991234567</a></p>", ["Call<a>tel:+79991234567</a>"]),
        ("<p>Site: https://example.com/page</p>", ["Site: https://example.com/page"]),
        ("<p>Our site<br>example.com</p>", ["Our site<br>example.com"]),
        ("<p>example.com (our site)</p>", ["example.com (our site)"]),
        (
            "<div class='tn-atom' field='tn_text_1'>Email<br>hello@smurphy.net</div>",
            ["Email<br>hello@smurphy.net"],
        ),
        ("<p><a href='mailto:x@y.z'>x@y.z</a></p>", []),
        ("<p>x@y.z<br>a@b.cd</p>", []),
        ("<p>tel:+7 999 123 45 67</p>", []),
        ("<p>(www.example.com)</p>", []),
        (
            "<div class='tn-atom' field='tn_text_1'><a href='https://x.io'>https://x.io</a></div>",
            [],
        ),
    ],
)
def test_only_a_segment_that_is_nothing_but_addresses_is_left_out(
    html: str, expected: list[str]
) -> None:
    assert msgids(html) == expected


def test_inline_notranslate_splits_the_sentence() -> None:
    assert msgids('<p>Buy <span class="notranslate">Fun Grill</span> today</p>') == ["Buy", "today"]


def test_hidden_input_attributes_are_not_text() -> None:
    assert msgids('<input type="hidden" placeholder="Hidden" value="x">') == []


# --- attributes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "msgid", "note"),
    [
        (
            '<img class="t-img" src="x.png" alt="Diwala on Facebook">',
            "Diwala on Facebook",
            "alt text of img.t-img",
        ),
        ('<a href="/x" title="Read more">→</a>', "Read more", "tooltip (title) of a"),
        (
            '<iframe title="Video player" src="x"></iframe>',
            "Video player",
            "tooltip (title) of iframe",
        ),
        (
            '<button class="t-popup__close" aria-label="Закрыть диалог"></button>',
            "Закрыть диалог",
            "aria-label (read by screen readers) of button.t-popup__close",
        ),
        (
            '<input type="text" class="t-input" placeholder="e-mail">',
            "e-mail",
            "placeholder of input.t-input",
        ),
        ('<input type="submit" value="Send it">', "Send it", "button text of input"),
        ('<input type="button" value="Go on">', "Go on", "button text of input"),
        (
            '<div class="js-successbox" data-success-message="Спасибо!"></div>',
            "Спасибо!",
            "form success message of div.js-successbox",
        ),
        ('<div data-submit-title="Отправить"></div>', "Отправить", "submit button of div"),
        ('<div data-map-title="Контакты"></div>', "Контакты", "map title of div"),
        (
            '<meta name="description" content="Legacy Cult contact details." />',
            "Legacy Cult contact details.",
            "meta description",
        ),
        (
            '<meta name="keywords" content="банкротство, юрист">',
            "банкротство, юрист",
            "meta keywords",
        ),
        ('<meta property="og:title" content="Contacts" />', "Contacts", "meta og:title"),
        (
            '<meta property="og:description" content="About us" />',
            "About us",
            "meta og:description",
        ),
        ('<meta property="og:site_name" content="Fun Grill" />', "Fun Grill", "meta og:site_name"),
        ('<meta name="twitter:title" content="Hi there">', "Hi there", "meta twitter:title"),
        (
            '<meta name="twitter:description" content="Some words">',
            "Some words",
            "meta twitter:description",
        ),
        ('<meta itemprop="name" content="Shop name">', "Shop name", "meta name"),
        ('<meta itemprop="description" content="Shop text">', "Shop text", "meta description"),
    ],
)
def test_text_attributes(html: str, msgid: str, note: str) -> None:
    segment = [s for s in page(html).segments if s.destination is Destination.ATTRIBUTE]
    assert len(segment) == 1
    assert segment[0].msgid == msgid
    assert segment[0].note == note


@pytest.mark.parametrize(
    "html",
    [
        '<meta property="og:url" content="https://x.com/a">',
        '<meta property="og:type" content="website">',
        '<meta name="format-detection" content="telephone=no">',
        '<meta itemprop="image" content="images/a.png">',
        '<img alt="">',
        '<img alt="123">',
        "<div data-field-formmsgsuccess-value>",
    ],
)
def test_attributes_that_are_not_text(html: str) -> None:
    assert msgids(html) == []


def test_attribute_span_is_the_bare_value_without_its_frame() -> None:
    source = page("<p title=Unquoted>x</p><img alt='  Spaced out  '>")
    unquoted, spaced = [s for s in source.segments if s.destination is Destination.ATTRIBUTE]
    assert source.data[unquoted.start : unquoted.end] == b"Unquoted"
    assert unquoted.quote == ""
    assert source.data[spaced.start : spaced.end] == b"Spaced out"
    assert spaced.quote == "'"


def test_attribute_msgid_is_decoded_and_escaped() -> None:
    segment = only('<meta name="description" content="Tom &amp; Jerry &quot;&lt;3&quot;&#x27;s">')
    assert segment.msgid == 'Tom &amp; Jerry "&lt;3"\'s'


# --- the shape of a segment ---------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "msgid"),
    [
        ("<div><strong>Text</strong></div>", "Text"),
        ("<div><strong><em> Text </em></strong></div>", "Text"),
        ("<div><br>Text<br /></div>", "Text"),
        ("<div><b><br>Text</b></div>", "Text"),
        ("<div><span></span>Text<span> </span></div>", "Text"),
        ("<div>Hello <b>bold</b> world</div>", "Hello <b>bold</b> world"),
        ("<div><b>A</b> and <i>B</i></div>", "<b>A</b> and <i>B</i>"),
        ("<div>One<br />two<br/>three<br>four</div>", "One<br>two<br>three<br>four"),
        ("<div>\n      Отправить\n      заявку\n    </div>", "Отправить заявку"),
        ("<div>A &amp; B &lt;C&gt; &mdash; D</div>", "A &amp; B &lt;C&gt; — D"),
        ("<div>&Kcy;&acy;&tcy;&acy;&lcy;&ocy;&gcy;</div>", "Каталог"),
        ("<div>R&D and AT&T</div>", "R&amp;D and AT&amp;T"),
        ("<div>emoji &#129309; here</div>", "emoji 🤝 here"),
        ("<div>ОБ\ufffd&nbsp;АБОТКИ</div>", "ОБ\ufffd\xa0АБОТКИ"),
        (
            '<div><span style="font-weight:200">A </span><strong style="color:red"><em>B</em>'
            "</strong><span> C</span></div>",
            "<span>A </span><strong><em>B</em></strong><span> C</span>",
        ),
        ("<div><a href='x'>Go</a> now <a href='y'>or</a></div>", "<a>Go</a> now <a>or</a>"),
    ],
)
def test_msgid_shape(html: str, msgid: str) -> None:
    assert only(html).msgid == msgid


def test_span_excludes_the_whitespace_frame_and_wrapping_tags() -> None:
    assert spanned("<div>\n  <strong> Hello <br/>world </strong>\n</div>") == ["Hello <br/>world"]


def test_tags_keep_their_original_bytes_in_msgid_order() -> None:
    segment = only("<p>A <a href='/x' class=\"l\">link</a><br />and <b style='c'>b</b></p>")
    assert [(t.name, t.start_tag, t.end_tag) for t in segment.tags] == [
        ("a", b"<a href='/x' class=\"l\">", b"</a>"),
        ("br", b"<br />", b""),
        ("b", b"<b style='c'>", b"</b>"),
    ]
    data = page("<p>A <a href='/x' class=\"l\">link</a><br />and <b style='c'>b</b></p>").data
    for tag in segment.tags:
        assert data[tag.start_offset : tag.start_offset + len(tag.start_tag)] == tag.start_tag
        if tag.end_tag:
            assert data[tag.end_offset : tag.end_offset + len(tag.end_tag)] == tag.end_tag


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div><a href='/x'>Lead <div>Inner</div> tail</a></div>", ["Lead", "Inner", "tail"]),
        ("<p>Hello <b>bold <i>it</b> x</i> y</p>", ["Hello", "bold", "it", "x", "y"]),
        ("<p>Start <a href='#'>mid</p><p>end</a> done</p>", ["Start", "mid", "end", "done"]),
        ("<p>Text <!-- note --> more</p>", ["Text", "more"]),
        ("<p>One <img src='x.png'> two</p>", ["One", "two"]),
        ("<p>Stray </span> end</p>", ["Stray", "end"]),
        ("<p>In <script>x()</script> out</p>", ["In", "out"]),
    ],
)
def test_runs_end_at_blocks_and_unbalanced_tags(html: str, expected: list[str]) -> None:
    assert msgids(html) == expected


def test_segment_bytes_are_text_and_inline_tags_only() -> None:
    assert spanned("<p>One <!-- c --> two <b>three</b></p>") == ["One", "two <b>three</b>"]


def test_nbsp_spelling_is_recorded() -> None:
    entity, literal = page("<p>a&nbsp;b</p><p>c\u00a0d</p>").segments
    assert entity.nbsp_entity
    assert not literal.nbsp_entity


def test_segments_are_ordered_and_never_overlap_except_attributes_in_placeholders() -> None:
    source = page('<p>A <a title="Tip" href="x">b</a></p><img alt="Pic"><p>C</p>')
    spans = [(s.start, s.end) for s in source.segments]
    assert spans == sorted(spans)
    element, title, alt, last = source.segments
    assert element.start <= title.start
    assert title.end <= element.end
    assert any(
        t.start_offset <= title.start < t.start_offset + len(t.start_tag) for t in element.tags
    )
    assert element.end <= alt.start
    assert alt.end <= last.start


def test_lines_count_from_one() -> None:
    segments = page("<p>one</p>\r\n<p>two</p>\r<p>three</p>\n<p>four</p>").segments
    assert [s.line for s in segments] == [1, 2, 3, 4]


# --- translator notes ---------------------------------------------------------------


ZERO_TEXT = (
    "<div id='rec1' class='r t-rec' data-record-type='396'><!-- T396 -->"
    "<div class='t396__elem tn-elem tn-elem__1' data-elem-id='1' data-elem-type='text' "
    'data-field-top-value="62" data-field-width-value="560" data-field-widthunits-value="">'
    "<div class='tn-atom' field='tn_text_1'>in&nbsp;a&nbsp;company</div></div></div>"
)
ZERO_BUTTON = (
    "<div class='r t-rec' data-record-type='396'>"
    "<div class='t396__elem tn-elem' data-elem-type='button' data-field-width-value=\"200\" "
    'data-field-height-value="55"><a class=\'tn-atom\' href="#tickets" >LET\'S ROCK!</a></div>'
    "</div>"
)


@pytest.mark.parametrize(
    ("html", "note", "width"),
    [
        (
            ZERO_TEXT,
            'T396 Zero Block, text element, 560 px wide, field "tn_text_1", text of div.tn-atom',
            560,
        ),
        (
            ZERO_BUTTON,
            "T396 Zero Block, button element, 200 px wide, 55 px high, text of a.tn-atom",
            200,
        ),
        (
            '<div class="r t-rec" data-record-type="257"><!-- T228 --><a '
            'class="t-menu__link-item">Home</a></div>',
            "T228 menu, text of a.t-menu__link-item",
            None,
        ),
        (
            '<div class="r t-rec" data-record-type="702"><div class="t702__title t-title">Send '
            "us</div></div>",
            "T702 popup, text of div.t702__title",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="33"><!-- T017 --><div class="t-title" '
            'field="title ">Hi</div></div>',
            'T017 title, field "title", text of div.t-title',
            None,
        ),
        (
            '<div class="t-rec" data-record-type="706"><!-- tcart --><div '
            'class="t706__cartwin-heading">Your order</div></div>',
            "T706 cart, text of div.t706__cartwin-heading",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="822">\n <!-- t822 -->\n<div '
            'class="t822__title">Hi</div></div>',
            "T822, text of div.t822__title",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="450"><div class="t450__menu">Menu</div></div>',
            "T450 menu, text of div.t450__menu",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="33"><div class="t-title">Hi</div></div>',
            "T017 title, text of div.t-title",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="44"><div class="t-title">Hi</div></div>',
            "block type 44, text of div.t-title",
            None,
        ),
        (
            "<div class='tn-elem' data-elem-type='text' data-field-width-value='50' "
            "data-field-widthunits-value='%'>"
            "<div class='tn-atom'>Wide</div></div>",
            "text element, text of div.tn-atom",
            None,
        ),
        ("<title>Home page</title>", "page title (<title>)", None),
        ("<p>Plain</p>", "text of p", None),
        ("<div class=tn-atom>Unquoted</div>", "text of div.tn-atom", None),
        ('<div class="first" class="second">Twice</div>', "text of div.first", None),
        ('<div class id="x" class="second"><p>Bare first</p></div>', "text of p", None),
        ('<div class="t-cover"><div><span>Up two</span></div></div>', "text of div.t-cover", None),
        ("<div CLASS='Upper'>Case</div>", "text of div.Upper", None),
        (
            '<div class="box"><svg><title>Close</title></svg></div>',
            "text of svg <title>",
            None,
        ),
        (
            '<div class="t-rec" data-record-type="396">\n\t<!-- T396 -->\n'
            '<div class="t396__elem tn-elem" data-elem-type="text" data-field-width-value="300">'
            '<div class="tn-atom" field="tn_text_7">In Zero</div></div></div>',
            'T396 Zero Block, text element, 300 px wide, field "tn_text_7", text of div.tn-atom',
            300,
        ),
        (
            '<div class="t-rec" data-record-type="396"><script>/* <!-- T123 --> */</script>'
            '<div class="t-title">Not named by a comment in a script</div></div>',
            "T396 Zero Block, text of div.t-title",
            None,
        ),
        ('<div class="t-text"><p>Para</p></div>', "text of div.t-text", None),
    ],
)
def test_notes(html: str, note: str, width: int | None) -> None:
    segment = only(html)
    assert segment.note == note
    assert segment.max_width == width
    assert parse_width([segment.note]) == width


ZERO_FORM = (
    "<div class='t-rec' data-record-type='396'><div class='t396__elem tn-elem' "
    "data-elem-type='form' "
    'data-field-width-value="390" data-field-buttontitle-value="Send" '
    'data-field-buttonwidth-value="120" '
    'data-field-formmsgsuccess-value="Дякуємо за замовлення!"><div class="tn-atom">'
    '<textarea class="tn-atom__inputs-textarea">{TEXTAREA}</textarea></div></div></div>'
)


def zero_form(json_text: str) -> str:
    return ZERO_FORM.replace("{TEXTAREA}", json_text)


def test_zero_form_attributes_have_their_own_boxes() -> None:
    button, success = page(zero_form("{}")).segments
    assert button.msgid == "Send"
    assert (
        button.note
        == "T396 Zero Block, form element, 120 px wide, Zero form button of div.t396__elem"
    )
    assert button.max_width == 120
    assert success.msgid == "Дякуємо за замовлення!"
    assert success.max_width is None


OBJECT_FORM = (
    '{"0":{"lid":"1531306243545","ls":"10","loff":"","li_type":"nm","li_ph":"Name","li_req":"y",'
    '"li_nm":"Name"},"1":{"lid":"1531306540094","li_type":"ph","li_req":"y","li_nm":"Phone"},'
    '"2":{"lid":"1634394923889","li_type":"em","li_ph":"E-mail","li_nm":"Email"}}'
)
ARRAY_FORM = (
    '[{"lid":"1","li_type":"nm","li_ph":"\\u0418\\u043c\\u044f","li_nm":"name"},'
    '{"lid":"2","li_type":"cb","li_label":"\\u0414\\u0430\\u044e '
    "\\u0441\\u043e\\u0433\\u043b\\u0430\\u0441\\u0438\\u0435 "
    '<a href=\\"https:\\/\\/x.ru\\/p\\" target=\\"_blank\\">\\u043d\\u0430 '
    '\\u043e\\u0431\\u0440\\u0430\\u0431\\u043e\\u0442\\u043a\\u0443<\\/a>",'
    '"li_nm":"agree"}]'
)


def json_segments(json_text: str) -> list[Segment]:
    return [s for s in page(zero_form(json_text)).segments if s.destination is Destination.JSON]


def test_object_style_zero_form() -> None:
    segments = json_segments(OBJECT_FORM)
    assert [s.msgid for s in segments] == ["Name", "E-mail"]
    assert segments[0].note == "T396 Zero Block, form element, Zero form field placeholder (li_ph)"
    assert segments[0].max_width is None
    assert not segments[0].json_ascii


def test_array_style_zero_form_with_unicode_escapes_and_html_label() -> None:
    placeholder, label = json_segments(ARRAY_FORM)
    assert placeholder.msgid == "Имя"
    assert placeholder.json_ascii
    assert label.msgid == "Даю согласие <a>на обработку</a>"
    assert label.note.endswith("Zero form field label (li_label)")
    source = page(zero_form(ARRAY_FORM)).data
    assert source[placeholder.start : placeholder.end] == b"\\u0418\\u043c\\u044f"
    assert label.tags[0].start_tag == b'<a href=\\"https:\\/\\/x.ru\\/p\\" target=\\"_blank\\">'
    assert label.tags[0].end_tag == b"<\\/a>"


def test_zero_form_variants_are_one_segment_per_option() -> None:
    form = (
        '[{"lid":"1","li_type":"rd","li_title":"Size",'
        '"li_variants":"Small\\nLarge one\\n42","li_nm":"size"}]'
    )
    assert [s.msgid for s in json_segments(form)] == ["Size", "Small", "Large one"]


def test_zero_form_never_translates_field_names() -> None:
    form = '[{"lid":"Name here","li_type":"Some type","li_nm":"Your name","li_ph":"Your name"}]'
    segments = json_segments(form)
    assert [s.msgid for s in segments] == ["Your name"]
    source = page(zero_form(form)).data
    assert source.rindex(b"Your name") == segments[0].start


@pytest.mark.parametrize(
    "json_text",
    [
        "{&quot;0&quot;:{&quot;li_ph&quot;:&quot;Name&quot;}}",  # re-serialised: entity-encoded
        '{"0":{"li_ph":"Tom &amp; Jerry"}}',
        '{"0":{"li_ph":"Name"}',  # broken JSON
        "",
    ],
)
def test_zero_form_json_that_cannot_be_rewritten_safely_is_skipped(json_text: str) -> None:
    assert json_segments(json_text) == []


def test_json_value_offsets_reach_the_raw_string() -> None:
    form = '[{"li_ph":"  Ваше имя  ","li_label":"<b>Bold</b> text"}]'
    source = page(zero_form(form))
    placeholder, label = [s for s in source.segments if s.destination is Destination.JSON]
    assert source.data[placeholder.start : placeholder.end].decode() == "Ваше имя"
    assert source.data[label.start : label.end] == b"<b>Bold</b> text"
    assert json.loads(form)[0]["li_ph"].strip() == placeholder.msgid


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8"])
def test_a_no_break_space_after_a_short_word_is_not_blank_in_any_encoding(encoding: str) -> None:
    source = page(f'<meta charset="{encoding}"><p><b>В\u00a0</b>письмах</p>', encoding)
    assert [s.msgid for s in source.segments] == ["<b>В\xa0</b>письмах"]


def test_a_text_attribute_added_to_the_table_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    html = '<div data-new-caption="A new caption">x</div>'
    assert [s.msgid for s in page(html).segments] == ["x"]
    monkeypatch.setitem(tilda_rules.TEXT_ATTRIBUTES, "data-new-caption", "new caption")
    found = [(s.msgid, s.note) for s in page(html).segments]
    assert found == [("A new caption", "new caption of div"), ("x", "text of div")]


@pytest.mark.parametrize(
    "html",
    [
        ZERO_TEXT,
        ZERO_BUTTON,
        ZERO_FORM,
        "<pre><div class='t-text'>Kept apart</div></pre><svg><title>Close</title></svg>",
        '<head><title>Home</title><meta name="description" content="A walk"></head>',
        '<div translate="no"><p>Leonov</p></div><p class="notranslate">9 900 ₽</p><p>Text</p>',
        '<div class="t431__data-part2" style="display:none">'
        "A;&lt;b&gt;B&lt;/b&gt; link=/b\nC</div>",
        "<script>var popup_optsObj = { closeText: 'Back' }; t_store_init(1, options);</script>",
    ],
)
def test_a_walk_without_notes_finds_the_same_segments(html: str) -> None:
    data = html.encode()
    with_notes = find_segments(data, "utf-8", page_tokens(data), LineIndex(data))
    without = find_segments(data, "utf-8", page_tokens(data), LineIndex(data), notes=False)
    assert without == [replace(s, note="", max_width=None) for s in with_notes]
    assert any(segment.note for segment in with_notes)
