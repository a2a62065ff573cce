from __future__ import annotations

import pytest

from locpipe.html.owner import OwnerRules, apply_rules, excluded_spans, is_page_glob
from locpipe.model import Destination

from .pages import build, mark, page

PAGE = (
    "<html><head><title>Shop</title></head><body>\n"
    '<div id="rec123456" class="r t-rec"><div class="t-title">Welcome</div>\n'
    '<img alt="Logo of the shop" src="a.png"></div>\n'
    '<div id="rec2" class="r t-rec"><div class="t-store">Price list\n'
    "<p>Apples<p>Pears</div></div>\n"
    "<div class='t396__elem tn-elem' data-elem-id='1470210011265'>"
    "<div class='tn-atom'>Zero text</div></div>\n"
    '<ul class="menu"><li>Home<li><a href="/news" data-caption="All the news">News</a></ul>\n'
    '<form><select name="size"><option value="Small">Small size</option></select>'
    '<label><input type="radio" name="c" value="Red colour"> Red</label>'
    '<input type="checkbox" value="Yes please"></form>\n'
    "<script>var popup_optsObj = { closeText: 'Back to shop' }; t_store_init(1, options);"
    "</script>\n"
    "<p>Footer</p></body></html>"
)


def kept(rules: OwnerRules, html: str = PAGE, path: str = "t.html") -> list[str]:
    result, _ = apply_rules(page(html, path=path), rules)
    return [segment.msgid for segment in result.segments]


def excluded(rules: OwnerRules, html: str = PAGE) -> list[tuple[str, int, str]]:
    _, exclusions = apply_rules(page(html), rules)
    return [(e.rule, e.line, e.msgid) for e in exclusions]


ALL = [
    "Shop", "Welcome", "Logo of the shop", "Price list", "Apples", "Pears", "Zero text",
    "Home", "News", "Small size", "Red", "Back to shop", "Footer",
]  # fmt: skip


def test_without_rules_nothing_changes() -> None:
    assert kept(OwnerRules()) == ALL


@pytest.mark.parametrize(
    ("selector", "gone"),
    [
        ("#rec123456", ["Welcome", "Logo of the shop"]),
        (".t-store", ["Price list", "Apples", "Pears"]),
        ('[data-elem-id="1470210011265"]', ["Zero text"]),
        ("#rec2 p", ["Apples", "Pears"]),
        ("ul.menu li", ["Home", "News"]),
        ("script", ["Back to shop"]),
        ("img[alt]", ["Logo of the shop"]),
        ("title", ["Shop"]),
    ],
)
def test_a_selector_leaves_its_elements_text_and_attributes_alone(
    selector: str, gone: list[str]
) -> None:
    assert kept(OwnerRules(exclude=(selector,))) == [m for m in ALL if m not in gone]
    assert [msgid for _, _, msgid in excluded(OwnerRules(exclude=(selector,)))] == gone


def test_explanations_name_the_rule_and_the_line() -> None:
    assert excluded(OwnerRules(exclude=(".t-store", "#rec123456"))) == [
        ("#rec123456", 2, "Welcome"),
        ("#rec123456", 3, "Logo of the shop"),
        (".t-store", 4, "Price list"),
        (".t-store", 5, "Apples"),
        (".t-store", 5, "Pears"),
    ]


@pytest.mark.parametrize(
    ("glob", "path", "left"),
    [
        ("files/*", "files/page1body.html", []),
        ("files/*", "index.html", ALL),
        ("page1234.html", "page1234.html", []),
        ("page1234.html", "page12345.html", ALL),
    ],
)
def test_a_page_glob_leaves_whole_pages_alone(glob: str, path: str, left: list[str]) -> None:
    assert kept(OwnerRules(exclude=(glob,)), path=path) == left


@pytest.mark.parametrize(
    ("rule", "glob"),
    [("files/*", True), ("page1234.html", True), ("*.HTM", True), ("#rec1", False)],
)
def test_page_globs_and_selectors_are_told_apart(rule: str, glob: bool) -> None:
    assert is_page_glob(rule) is glob


def test_text_attributes_add_segments_with_a_note() -> None:
    source, _ = apply_rules(page(PAGE), OwnerRules(text_attributes=("data-caption",)))
    (caption,) = [s for s in source.segments if s.msgid == "All the news"]
    assert caption.destination is Destination.ATTRIBUTE
    assert caption.note.startswith("data-caption of a")
    assert source.data[caption.start : caption.end] == b"All the news"


def test_form_values_are_kept_unless_asked_for() -> None:
    assert "Small" not in kept(OwnerRules())
    with_values = kept(OwnerRules(form_values=True))
    assert "Small" in with_values
    assert "Red colour" in with_values
    assert "Yes please" not in with_values  # a checkbox is not a choice among values


def test_form_values_are_written_back() -> None:
    source, _ = apply_rules(page(PAGE), OwnerRules(form_values=True))
    built = build(source, lambda s: mark(s.msgid) if s.msgid == "Small" else None)
    assert b'<option value="\xe1\x9a\xa0\xe1\x9a\xa0\xe1\x9a\xa0\xe1\x9a\xa0\xe1\x9a\xa0">' in built


def test_an_excluded_segment_inside_a_kept_one_follows_its_own_rule() -> None:
    html = '<p class="x">Read <a href="/a" title="About us" class="no">more</a></p>'
    assert kept(OwnerRules(exclude=(".no",)), html) == ["Read <a>more</a>"]


@pytest.mark.parametrize(("encoding", "start"), [("utf-8", "\ufeff"), ("cp1251", "")])
def test_selector_positions_hold_in_other_encodings_and_line_endings(
    encoding: str, start: str
) -> None:
    html = (
        f"{start}<meta charset='{encoding}'><p>Привет\r\n</p>\r<div class='x'>Текст</div>\r\n"
        "<div class='x'>Ещё</div>"
    )
    source = page(html.encode(encoding), encoding=encoding)
    spans = excluded_spans(source, [".x"])
    assert [source.data[start:end].decode(encoding) for _, start, end in spans] == [
        "<div class='x'>Текст</div>",
        "<div class='x'>Ещё</div>",
    ]


def test_extra_text_is_never_taken_from_below_notranslate() -> None:
    html = (
        '<div class="notranslate"><p data-caption="Brand caption">x</p>'
        '<select><option value="Brand">Brand</option></select></div>'
        '<p translate="no"><span data-caption="Kept caption">y</span></p>'
        '<p data-caption="A caption">Text</p>'
    )
    rules = OwnerRules(text_attributes=("data-caption",), form_values=True)
    assert kept(rules, html) == ["A caption", "Text"]
