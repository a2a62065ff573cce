"""Tilda's own scripts speak the page's language: a form's validation message in Chromium.

dvbfond (Russian) is built into English and served by ``locpipe serve``; its pages run
the export's own ``js/``. The visitor's browser is set to the *other* language, so only
``data-tilda-project-lang`` can make the message the page's: "Required field" on
``/en/``, "Обязательное поле" on the Russian source page.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from locpipe.qa.browser import Browser, BrowserError, find_browser
from locpipe.site.serve import SiteServer, make_server
from tests.site.sites import CASES, build_case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DVBFOND = next(case for case in CASES if case.name == "dvbfond")
ERRORS = (
    "JSON.stringify(Array.from(document.querySelectorAll('.t-input-error, .js-rule-error'))"
    ".map(e => e.textContent.trim()).filter(Boolean))"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    if not DVBFOND.export.is_dir():
        pytest.skip(f"{DVBFOND.export} is absent (the shared test exports are not here)")
    built = build_case(DVBFOND, tmp_path_factory.mktemp("dvbfond"))
    served = make_server(built, port=0)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield served
    served.shutdown()
    served.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        executable = find_browser()
    except BrowserError:
        pytest.skip("Chromium is not installed")
    # Not offline: the page is on 127.0.0.1; the closed network refuses everything else.
    with Browser(executable, offline=False) as running:
        yield running


def validation_messages(browser: Browser, url: str, visitor_language: str) -> list[str]:
    tab = browser.new_tab(1200, 900)
    try:
        tab.send(
            "Emulation.setUserAgentOverride",
            {"userAgent": "Mozilla/5.0 Chrome", "acceptLanguage": visitor_language},
        )
        assert tab.navigate(url)
        tab.evaluate("document.querySelector('form .t-submit').click()")  # fields left empty
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            messages: list[str] = json.loads(tab.evaluate(ERRORS))
            if messages:
                return messages
            time.sleep(0.2)
        return []
    finally:
        tab.close()


@pytest.mark.parametrize(
    ("path", "visitor_language", "expected"),
    [("en/", "ru-RU", "Required field"), ("", "en-US", "Обязательное поле")],
)
def test_required_field_message_is_in_the_page_language(
    server: SiteServer, browser: Browser, path: str, visitor_language: str, expected: str
) -> None:
    messages = validation_messages(browser, server.url + path, visitor_language)
    assert expected in messages


def test_the_visitor_language_alone_would_pick_the_other_message(
    server: SiteServer, browser: Browser, tmp_path: Path
) -> None:
    """Without the attribute, Tilda's scripts follow the browser: the check can fail."""
    page = Path(server.router.root) / "en" / "page17295691.html"
    data = page.read_bytes()
    try:
        page.write_bytes(data.replace(b' data-tilda-project-lang="EN"', b""))
        messages = validation_messages(browser, server.url + "en/", "ru-RU")
    finally:
        page.write_bytes(data)
    assert "Обязательное поле" in messages
