"""The built site works as a whole: deployed into a real Apache httpd, and under ``serve``.

Each case (the bundled example and both exports of ``../shared/tilda-sites``) is
extracted, translated by the pseudo engine and built; then every language is crawled
from its start page and from every address the source site serves.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from locpipe.site.serve import make_server
from tests.site.apache import apache_binary, apache_serving
from tests.site.crawl import Crawler, LanguageCrawl, served_addresses
from tests.site.sites import CASES, SiteCase, build_case

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=CASES, ids=[case.name for case in CASES])
def case(request: pytest.FixtureRequest) -> SiteCase:
    chosen: SiteCase = request.param
    if not chosen.export.is_dir():
        pytest.skip(f"{chosen.export} is absent (the shared test exports are not here)")
    return chosen


@pytest.fixture(scope="module")
def built(case: SiteCase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_case(case, tmp_path_factory.mktemp(case.name))


@contextmanager
def locpipe_serving(build_dir: Path) -> Iterator[str]:
    server = make_server(build_dir, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def apache(build_dir: Path) -> Iterator[str]:
    if apache_binary() is None:
        pytest.skip("apache2 with mod_rewrite/mod_dir is not installed (apt-get install apache2)")
    with apache_serving(build_dir) as base:
        yield base


SERVERS = {"apache": apache, "serve": locpipe_serving}


@dataclass(frozen=True)
class Crawled:
    crawler: Crawler
    case: SiteCase
    seeds: list[str]  # every address the source site serves
    results: dict[str, LanguageCrawl]


@pytest.fixture(scope="module", params=sorted(SERVERS))
def crawled(request: pytest.FixtureRequest, case: SiteCase, built: Path) -> Iterator[Crawled]:
    folders = {case.source_lang: "", case.target_lang: case.target_lang}
    seeds = served_addresses(case.export)
    with SERVERS[request.param](built) as base:
        crawler = Crawler(base, set(case.hosts), folders)
        results = {
            case.source_lang: crawler.crawl(case.source_lang, seeds, check_lang=False),
            case.target_lang: crawler.crawl(case.target_lang, seeds),
        }
        yield Crawled(crawler, case, seeds, results)


def test_no_link_leaves_the_language(crawled: Crawled) -> None:
    for result in crawled.results.values():
        assert result.leaving == [], result.lang


def test_every_served_address_has_its_twin(crawled: Crawled) -> None:
    source = crawled.results[crawled.case.source_lang]
    target = crawled.results[crawled.case.target_lang]
    assert source.reached  # the crawl found pages at all
    assert source.reached <= target.reached
    base, lang = crawled.crawler.base, crawled.case.target_lang
    assert crawled.crawler.failing({f"{base}/{lang}{address}" for address in crawled.seeds}) == []


def test_every_alternate_answers(crawled: Crawled) -> None:
    alternates = set().union(*(result.alternates for result in crawled.results.values()))
    assert alternates
    assert crawled.crawler.failing(alternates) == []


def test_every_sitemap_loc_answers(crawled: Crawled) -> None:
    if not (crawled.case.export / "sitemap.xml").exists():
        pytest.skip("the export has no sitemap (and the example sets no site_url)")
    locs = crawled.crawler.sitemap_locs()
    assert any(f"/{crawled.case.target_lang}/" in loc for loc in locs)
    assert crawled.crawler.failing(locs) == []


def test_every_page_speaks_its_language(crawled: Crawled) -> None:
    for result in crawled.results.values():
        assert result.wrong_lang == [], result.lang
