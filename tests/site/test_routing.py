from __future__ import annotations

import pytest

from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing, RoutingError, check_folders, localized_address

ROUTING = Routing(
    frozenset({"page1.html", "page2.html", "page3.html", "blog/index.html"}),
    {"shop": "page2.html", "en/code_of_conduct": "page3.html"},
    "page1.html",
    {404: "/404.html"},
)


@pytest.mark.parametrize(
    ("page", "address"),
    [("page1.html", "/"), ("page2.html", "/shop"), ("blog/index.html", "/blog/index.html")],
)
def test_the_address_of_a_page(page: str, address: str) -> None:
    assert ROUTING.address(page) == address


@pytest.mark.parametrize(
    ("path", "page"),
    [("/blog/", "blog/index.html"), ("/en/code_of_conduct/", "page3.html"), ("/page", None)],
)
def test_page_at(path: str, page: str | None) -> None:
    assert ROUTING.page_at(path) == page


def test_addresses_a_visitor_can_reach() -> None:
    assert ROUTING.addresses()[:3] == ["/", "/shop", "/en/code_of_conduct"]


@pytest.mark.parametrize(
    ("address", "folder", "localized"),
    [("/", "ru", "/ru/"), ("/shop", "ru", "/ru/shop"), ("/shop", "", "/shop")],
)
def test_localized_address(address: str, folder: str, localized: str) -> None:
    assert localized_address(address, folder) == localized


def test_a_slug_under_a_language_folder_collides() -> None:
    with pytest.raises(RoutingError, match="the slug /en/code_of_conduct collides"):
        check_folders(ROUTING, SiteLanguages("ru", ("en",)), "htaccess")
    check_folders(ROUTING, SiteLanguages("en", ("ru",)), "htaccess")  # en is the source: no folder
