from __future__ import annotations

from locpipe.site.context import SiteContext
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing
from locpipe.site.switcher import switcher_html

SITE = SiteContext(
    Routing(frozenset({"page1.html", "page2.html"}), {"shop": "page2.html"}, "page1.html"),
    SiteLanguages("en", ("ru", "pt_BR")),
)


def test_one_link_per_language_to_the_same_page() -> None:
    html = switcher_html("page2.html", "pt_BR", SITE)
    assert html.startswith('<nav class="locpipe-switcher" aria-label="Language" style="')
    assert html.endswith("</nav>")
    assert html.count("<a ") == 3
    assert 'href="/shop" lang="en" hreflang="en" style=' in html
    assert 'href="/ru/shop" lang="ru" hreflang="ru" style=' in html
    assert 'href="/pt_BR/shop" lang="pt-BR" hreflang="pt-BR" aria-current="true"' in html
    assert ">Русский</a>" in html
    assert "<script" not in html
    assert "position:fixed" in html  # out of the page's flow: its layout does not move
