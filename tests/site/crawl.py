"""Crawl a served site from each language's start page, following links, and measure it.

The figures the issue asks for: links that leave the page's language (without
``hreflang``), addresses the source site serves that a language does not reach,
hreflang alternates and sitemap ``<loc>`` that do not answer 200, and pages whose
``lang`` or ``data-tilda-project-lang`` is not the language's.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_SLUG_RULE = re.compile(r"^RewriteRule\s+\^([\w./-]+?)/?\$\s+\S+\.html", re.MULTILINE)


def served_addresses(export: Path) -> list[str]:
    """What the export serves, read independently of locpipe: ``/``, slugs, page files."""
    addresses = ["/"]
    htaccess = export / "htaccess"
    if htaccess.exists():
        addresses.extend(
            f"/{slug}" for slug in dict.fromkeys(_SLUG_RULE.findall(htaccess.read_text()))
        )
    addresses.extend(f"/{path.name}" for path in sorted(export.glob("*.html")))
    return addresses


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, hops: int = 5) -> tuple[int, str, bytes]:
    """Status, final URL and body; follows up to ``hops`` redirects that stay on the server."""
    for _ in range(hops):
        try:
            with _OPENER.open(url, timeout=20) as response:
                return response.status, url, response.read()
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location")
            if error.code in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                continue
            return error.code, url, error.read()
    return 0, url, b""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str | None]] = []  # href, hreflang
        self.alternates: list[str] = []
        self.lang: str | None = None
        self.project_lang: str | None = None
        self.has_allrecords = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "div" and values.get("id") == "allrecords":
            self.has_allrecords = True
            self.project_lang = values.get("data-tilda-project-lang")
        elif tag == "a" and values.get("href"):
            self.links.append((values["href"] or "", values.get("hreflang")))
        elif tag == "link" and values.get("rel") == "alternate" and values.get("hreflang"):
            self.alternates.append(values.get("href") or "")


@dataclass
class LanguageCrawl:
    lang: str
    folder: str
    reached: set[str] = field(default_factory=set)  # paths answered 200, folder removed
    leaving: list[tuple[str, str]] = field(default_factory=list)  # (page, href)
    dead: list[tuple[str, str]] = field(default_factory=list)  # links to nothing (404 in source)
    alternates: set[str] = field(default_factory=set)  # local URLs of every alternate
    wrong_lang: list[str] = field(default_factory=list)  # pages whose lang is not this one


class Crawler:
    def __init__(self, base: str, own_hosts: set[str], folders: dict[str, str]) -> None:
        self.base = base.rstrip("/")
        self.own_hosts = own_hosts
        self.folders = folders  # lang -> folder ("" for the source language)
        self._status: dict[str, int] = {}

    def local(self, url: str, page_url: str) -> str | None:
        """The URL on the test server for a link to this site, else None."""
        parts = urlsplit(urljoin(page_url, url.strip()))
        if parts.scheme not in ("http", "https"):
            return None
        host = (parts.hostname or "").removeprefix("www.")
        if f"{parts.scheme}://{parts.netloc}" != self.base and host not in self.own_hosts:
            return None
        return self.base + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def language_of(self, path: str) -> str:
        first = path.lstrip("/").split("/", 1)[0]
        for lang, folder in self.folders.items():
            if folder and first == folder:
                return lang
        return next(lang for lang, folder in self.folders.items() if not folder)

    def crawl(
        self, lang: str, seeds: Sequence[str] = (), *, check_lang: bool = True
    ) -> LanguageCrawl:
        """Follow links from the language's start page and from ``seeds`` (source addresses)."""
        folder = self.folders[lang]
        result = LanguageCrawl(lang, folder)
        prefix = f"{self.base}/{folder}" if folder else self.base
        queue = [f"{prefix}/", *(prefix + seed for seed in seeds)]
        seen = set(queue)
        while queue:
            url = queue.pop()
            status, final, body = fetch(url)
            path = urlsplit(final).path
            if status != 200:
                continue
            result.reached.add(_without_folder(path, folder))
            parser = _PageParser()
            parser.feed(body.decode("utf-8", "replace"))
            if check_lang and (
                (parser.lang or "").lower() != lang.replace("_", "-").lower()
                or (parser.has_allrecords and parser.project_lang != lang[:2].upper())
            ):
                result.wrong_lang.append(path)
            result.alternates.update(
                local for href in parser.alternates if (local := self.local(href, final))
            )
            for href, hreflang in parser.links:
                target = self.local(href, final)
                if target is None:
                    continue
                target_path = urlsplit(target).path
                if self.language_of(target_path) != lang:
                    if hreflang:
                        continue
                    if self._answers(target):
                        result.leaving.append((path, href))
                    else:
                        result.dead.append((path, href))
                    continue
                page = target.split("?")[0]
                if page not in seen and _is_page(target_path):
                    seen.add(page)
                    queue.append(page)
        return result

    def _answers(self, url: str) -> bool:
        if url not in self._status:
            self._status[url] = fetch(url)[0]
        return self._status[url] == 200

    def failing(self, urls: set[str]) -> list[tuple[str, int]]:
        """Those of ``urls`` that do not answer 200, with their status."""
        statuses = ((url, fetch(url)[0]) for url in sorted(urls))
        return [(url, status) for url, status in statuses if status != 200]

    def sitemap_locs(self) -> set[str]:
        status, _, body = fetch(f"{self.base}/sitemap.xml")
        assert status == 200, status
        root = ET.fromstring(body)
        locs = {(loc.text or "").strip() for loc in root.iter(f"{SITEMAP_NS}loc")}
        return {local for loc in locs if (local := self.local(loc, self.base + "/"))}


def _without_folder(path: str, folder: str) -> str:
    if folder and (path == f"/{folder}" or path.startswith(f"/{folder}/")):
        return path[len(folder) + 1 :] or "/"
    return path


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "." not in name or name.endswith((".html", ".htm"))
