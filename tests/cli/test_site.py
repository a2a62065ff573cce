"""``build`` and ``serve`` on small projects: routing files, switcher, bad routing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.cli.helpers import run

PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
    '<div id="allrecords" class="t-records"><div class="t-text" field="text">{title}</div>'
    '<a href="/shop">Shop</a></div></body></html>'
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "site" / "source"
    (source / "css").mkdir(parents=True)
    (source / "page1.html").write_text(PAGE.format(title="Home"))
    (source / "page2.html").write_text(PAGE.format(title="Shop"))
    (source / "css" / "site.css").write_text("body{}")
    (source / "robots.txt").write_text("User-Agent: *\nSitemap: https://example.com/sitemap.xml\n")
    (source / "htaccess").write_text(
        "DirectoryIndex page1.html\nRewriteRule ^shop$ page2.html [NC]\n"
    )
    (tmp_path / "site" / "locpipe.toml").write_text('target_langs = ["ru"]\n')
    return tmp_path / "site"


def test_build_routes_every_language_and_places_other_files_by_rule(project: Path) -> None:
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    build = project / "build"
    assert (build / "ru" / "htaccess").read_text() == (project / "source" / "htaccess").read_text()
    assert (build / "robots.txt").exists()
    assert not (build / "ru" / "robots.txt").exists()  # crawlers read it at the root only
    assert (build / "ru" / "css" / "site.css").read_text() == "body{}"
    page = (build / "ru" / "page1.html").read_text()
    assert '<a href="/ru/shop">' in page
    assert 'data-tilda-project-lang="RU"' in page
    assert "locpipe-switcher" not in page  # off by default


def test_the_switcher_when_configured(project: Path) -> None:
    config = project / "locpipe.toml"
    config.write_text(config.read_text() + "\n[site]\nswitcher = true\n")
    assert run(project, "build").exit_code == 0
    page = (project / "build" / "ru" / "page2.html").read_text()
    nav = page[page.index('<nav class="locpipe-switcher"') : page.index("</nav>")]
    assert 'href="/shop" lang="en" hreflang="en"' in nav
    assert 'href="/ru/shop" lang="ru" hreflang="ru" aria-current="true"' in nav
    assert page.endswith("</nav></body></html>")


def test_a_switcher_setting_that_is_not_a_boolean_is_bad_input(project: Path) -> None:
    (project / "locpipe.toml").write_text('target_langs = ["ru"]\n[site]\nswitcher = "yes"\n')
    result = run(project, "build")
    assert result.exit_code == 2
    assert "locpipe.toml:3: site.switcher must be true or false" in result.output


def test_a_slug_that_is_a_language_folder_is_an_error_before_writing(project: Path) -> None:
    (project / "source" / "htaccess").write_text("RewriteRule ^ru$ page2.html [NC]\n")
    result = run(project, "build")
    assert result.exit_code == 2
    assert "the slug /ru collides with the folder of language ru" in result.output
    assert "htaccess" in result.output
    assert not (project / "build").exists()


def test_an_unreadable_routing_file_is_named_copied_and_warned(project: Path) -> None:
    broken = "DirectoryIndex page1.html\nRewriteRule ^shop$\n"
    (project / "source" / "htaccess").write_text(broken)
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    assert "htaccess:2: a RewriteRule needs a pattern and a substitution" in result.output
    for folder in ("", "ru"):
        assert (project / "build" / folder / "htaccess").read_text() == broken


def test_serve_prints_its_address_serves_and_stops_on_ctrl_c(project: Path) -> None:
    assert run(project, "build").exit_code == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "locpipe", "-C", str(project), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("serving ")
        url = line.split(" at ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "ru/shop", timeout=10) as response:
            assert 'data-tilda-project-lang="RU"' in response.read().decode()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "Traceback" not in (process.stderr.read() if process.stderr else "")
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def test_serve_watch_rebuilds_when_a_catalog_is_saved(project: Path) -> None:
    from locpipe.catalog.po import read_po, write_po

    assert run(project, "extract").exit_code == 0
    assert run(project, "translate", "--engine", "pseudo").exit_code == 0
    assert run(project, "build").exit_code == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "locpipe", "-C", str(project), "serve", "--port", "0", "--watch"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split(" at ")[1].split()[0]
        process.stdout.readline()  # the line naming the ru address
        po = project / "locales/ru/LC_MESSAGES/site.po"
        catalog = read_po(po.read_bytes(), po)
        home = catalog.get("Home")
        assert home is not None
        home.msgstr, home.fuzzy = "Главная", False
        po.write_bytes(write_po(catalog))
        assert process.stdout.readline().strip() == "ru: catalog saved, site rebuilt"
        with urllib.request.urlopen(url + "ru/", timeout=10) as response:
            assert "Главная" in response.read().decode()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
