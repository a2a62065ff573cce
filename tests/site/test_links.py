from __future__ import annotations

import pytest

from locpipe.html.page import read_page
from locpipe.html.splice import apply_edits
from locpipe.site.context import SiteContext
from locpipe.site.languages import SiteLanguages
from locpipe.site.links import link_edits
from locpipe.site.routing import Routing

ROUTING = Routing(
    frozenset({"page1.html", "page2.html", "files/page2body.html"}),
    {"shop": "page2.html"},
    "page1.html",
)
SITE = SiteContext(ROUTING, SiteLanguages("en", ("ru",)), frozenset({"example.com"}))


def localized(html: str, lang: str = "ru", path: str = "page2.html") -> str:
    page = read_page(path, f"<html><head></head><body>{html}</body></html>".encode())
    built = apply_edits(page.data, link_edits(page, lang, SITE)).decode()
    return built.removeprefix("<html><head></head><body>").removesuffix("</body></html>")


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ('<a href="/shop">', '<a href="/ru/shop">'),  # by slug
        ('<a href="/Shop/?x=1#top">', '<a href="/ru/Shop/?x=1#top">'),  # query, fragment kept
        ('<a href="/page2.html">', '<a href="/ru/page2.html">'),  # by file name
        ('<a href="/">', '<a href="/ru/">'),  # the bare root
        ('<a href="https://example.com/shop">', '<a href="https://example.com/ru/shop">'),
        ('<a href="https://www.example.com">', '<a href="https://www.example.com/ru/">'),
        ("<a href='/shop' class='tn-atom'>", "<a href='/ru/shop' class='tn-atom'>"),
    ],
)
def test_a_link_to_a_page_stays_in_the_language(link: str, expected: str) -> None:
    assert localized(f"{link}Go</a>") == f"{expected}Go</a>"


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://other.org/shop">',  # another site
        '<a href="#rec123">',  # same-page anchor
        '<a href="#popup:myform">',  # Tilda's popup hook
        '<a href="tel:+4420">',
        '<a href="mailto:a@example.com">',
        '<a href="page2.html">',  # relative: already inside the folder
        '<a href="/nothing-here">',  # not a page of the site
        '<a href="//cdn.example.com/x">',
    ],
)
def test_other_links_are_untouched(link: str) -> None:
    assert localized(f"{link}Go</a>") == f"{link}Go</a>"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_tilda_switcher_points_at_the_same_page_in_each_language(lang: str) -> None:
    switcher = (
        '<div class="t228__right_langs_lang"><a style="color:#000" href="/">En</a></div>'
        '<div class="t228__right_langs_lang"><a style="color:#000" href="/ru">Ru</a></div>'
    )
    assert localized(switcher, lang) == (
        '<div class="t228__right_langs_lang"><a style="color:#000" href="/shop" hreflang="en">'
        'En</a></div><div class="t228__right_langs_lang"><a style="color:#000" href="/ru/shop"'
        ' hreflang="ru">Ru</a></div>'
    )


def test_a_logo_link_to_the_start_page_is_not_a_switcher() -> None:
    assert localized('<a href="/"><img src="logo.png"></a>') == (
        '<a href="/ru/"><img src="logo.png"></a>'
    )


def test_the_source_language_keeps_its_links() -> None:
    html = '<a href="/shop">Shop</a><a href="/">Home</a>'
    assert localized(html, "en") == html
