from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.site import BuildOptions, SiteLanguages, build_site, html_lang, og_locale
from locpipe.site.routing import Routing

INDEX = (
    '<!DOCTYPE html><html><head><meta charset="utf-8" />'
    '<link rel="canonical" href="https://example.com/">'
    '<meta property="og:url" content="https://example.com/" />'
    '<meta property="og:locale" content="en_US" />'
    "<title>Home</title></head><body>"
    '<div class="t-text" field="text">Read <a href="/about">the story</a> today.</div>'
    '<div class="t-text" field="descr"><a href="about.html">About us</a></div>'
    '<div class="t-text" field="text2"><a href="https://other.org/about">Elsewhere</a></div>'
    '<div class="t-text" field="text3"><a href="https://example.com/about">Full address</a></div>'
    "</body></html>"
)
ABOUT = '<html lang="en"><head><title>About us</title></head><body><p>About us</p></body></html>'
BODY = '<!--allrecords--><div id="allrecords"><a href="/about">About us</a></div>'

RU = {
    "Home": "Главная",
    "Read <a>the story</a> today.": "Прочтите <a>историю</a> сегодня.",
    "About us": "О нас",
    "Elsewhere": "В другом месте",
    "Full address": "Полный адрес",
}


def write_pages(source: Path) -> Path:
    """A source folder with the three pages."""
    for name, text in (
        ("index.html", INDEX),
        ("about.html", ABOUT),
        ("files/page1body.html", BODY),
    ):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text)
    return source


def catalog(translations: dict[str, str], fuzzy: bool = False) -> Catalog:
    result = Catalog(locale="ru")
    for msgid, msgstr in translations.items():
        result.add(Message(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    return result


@pytest.fixture
def built(tmp_path: Path) -> Path:
    source = write_pages(tmp_path / "source")
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text("body{}")
    build = tmp_path / "build"
    build_site(source, build, SiteLanguages("en", ("ru",)), {"ru": catalog(RU)})
    return build


def test_translated_sentence_keeps_its_link_inside_the_language(built: Path) -> None:
    page = (built / "ru" / "index.html").read_text()
    assert 'Прочтите <a href="/ru/about">историю</a> сегодня.' in page


@pytest.mark.parametrize(
    ("fragment"),
    [
        '<a href="about.html">О нас</a>',  # relative links already stay in the folder
        '<a href="https://other.org/about">В другом месте</a>',  # another site: untouched
        '<a href="https://example.com/ru/about">Полный адрес</a>',  # own address: localized
        '<link rel="canonical" href="https://example.com/ru/">',
        '<meta property="og:url" content="https://example.com/ru/" />',
        '<meta property="og:locale" content="ru_RU" />',
        '<html lang="ru">',
        '<link rel="alternate" hreflang="en" href="https://example.com/" />',
        '<link rel="alternate" hreflang="ru" href="https://example.com/ru/" />',
        '<link rel="alternate" hreflang="x-default" href="https://example.com/" />',
    ],
)
def test_localized_page(built: Path, fragment: str) -> None:
    assert fragment in (built / "ru" / "index.html").read_text()


def test_source_language_page_gets_lang_and_alternates_only(built: Path) -> None:
    page = (built / "index.html").read_text()
    assert page.startswith('<!DOCTYPE html><html lang="en"><head>')
    assert '<link rel="alternate" hreflang="ru" href="https://example.com/ru/" />' in page
    without_alternates = page.replace('<html lang="en">', "<html>")
    for lang, href in (("en", "/"), ("ru", "/ru/"), ("x-default", "/")):
        tag = f'<link rel="alternate" hreflang="{lang}" href="https://example.com{href}" />'
        without_alternates = without_alternates.replace(tag, "")
    assert without_alternates == INDEX


def test_page_without_canonical_gets_root_relative_alternates(built: Path) -> None:
    page = (built / "ru" / "about.html").read_text()
    assert '<html lang="ru">' in page
    assert '<link rel="alternate" hreflang="en" href="/about.html" />' in page
    assert '<link rel="alternate" hreflang="ru" href="/ru/about.html" />' in page


def test_body_fragment_gets_no_lang_and_no_alternates(built: Path) -> None:
    page = (built / "ru" / "files" / "page1body.html").read_text()
    expected = BODY.replace('href="/about">About us', 'href="/ru/about">О нас')
    expected = expected.replace('id="allrecords"', 'id="allrecords" data-tilda-project-lang="RU"')
    assert page == expected


def test_assets_are_copied_into_every_language(built: Path) -> None:
    assert (built / "css" / "site.css").read_text() == "body{}"
    assert (built / "ru" / "css" / "site.css").read_text() == "body{}"


def test_stale_files_of_an_earlier_build_are_removed(tmp_path: Path) -> None:
    source = write_pages(tmp_path / "source")
    build = tmp_path / "build"
    (build / "ru").mkdir(parents=True)
    (build / "ru" / "gone.html").write_text("old")
    result = build_site(source, build, SiteLanguages("en", ("ru",)), {"ru": None})
    assert result.removed == 1
    assert not (build / "ru" / "gone.html").exists()


def test_fuzzy_drafts_only_with_use_fuzzy(tmp_path: Path) -> None:
    source = write_pages(tmp_path / "source")
    languages = SiteLanguages("en", ("ru",))
    drafts = {"ru": catalog(RU, fuzzy=True)}
    build_site(source, tmp_path / "a", languages, drafts)
    build_site(source, tmp_path / "b", languages, drafts, BuildOptions(use_fuzzy=True))
    assert "Главная" not in (tmp_path / "a" / "ru" / "index.html").read_text()
    assert "Главная" in (tmp_path / "b" / "ru" / "index.html").read_text()


def test_rtl_language_gets_dir(tmp_path: Path) -> None:
    source = write_pages(tmp_path / "source")
    build_site(source, tmp_path / "b", SiteLanguages("en", ("ar",)), {"ar": None})
    assert '<html lang="ar" dir="rtl">' in (tmp_path / "b" / "ar" / "about.html").read_text()


@pytest.mark.parametrize(
    ("locale", "expected"), [("ru", "ru_RU"), ("pt_BR", "pt_BR"), ("de", "de_DE"), ("uk", "uk_UA")]
)
def test_og_locale(locale: str, expected: str) -> None:
    assert og_locale(locale) == expected


def test_html_lang_is_bcp47() -> None:
    assert html_lang("pt_BR") == "pt-BR"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/", "index.html"), ("/about", "about.html"), ("/about.html", "about.html"), ("/x", None)],
)
def test_resolve_page(path: str, expected: str | None) -> None:
    assert Routing(frozenset({"index.html", "about.html"})).page_at(path, loose=True) == expected
