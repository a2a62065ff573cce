"""What an export says about the whole site: its routing, sitemap and own addresses.

Read before any page is built: the routing file (by ``routing.ROUTING_FORMATS``), the
sitemap, ``CNAME``, and the configured ``site_url``. A routing file or sitemap locpipe
cannot read becomes a warning naming its line, and the file is copied unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from locpipe.errors import LocpipeError
from locpipe.site.context import SiteContext, base_of, own_host
from locpipe.site.languages import SiteLanguages
from locpipe.site.outputs import Placement, rule_for
from locpipe.site.robots import localized_robots
from locpipe.site.routing import (
    Routing,
    RoutingError,
    RoutingFile,
    check_folders,
    routing_format,
)
from locpipe.site.sitemap import SitemapEntry, default_entries, read_sitemap, write_sitemap
from locpipe.source_pages import page_files


@dataclass
class SiteSource:
    source_dir: Path
    languages: SiteLanguages
    site: SiteContext
    rewritten: dict[str, bytes] = field(default_factory=dict)  # build path -> bytes
    rewritten_inputs: set[str] = field(default_factory=set)  # export files they replace
    warnings: list[LocpipeError] = field(default_factory=list)


def read_site_source(
    source_dir: Path, languages: SiteLanguages, site_url: str | None, switcher: bool
) -> SiteSource:
    pages = frozenset(path.relative_to(source_dir).as_posix() for path in page_files(source_dir))
    warnings: list[LocpipeError] = []
    routing_file = _routing_file(source_dir, pages, warnings)
    routing = routing_file.routing if routing_file is not None else Routing(pages)
    check_folders(routing, languages, str(source_dir / (routing_file.name if routing_file else "")))
    sitemap = _sitemap(source_dir, warnings)
    hosts, base_url = _own_addresses(source_dir, site_url, sitemap)
    site = SiteContext(routing, languages, hosts, base_url, switcher)
    source = SiteSource(source_dir, languages, site, warnings=warnings)
    if routing_file is not None:
        source.rewritten.update(routing_file.localized(languages))
        source.rewritten_inputs.add(routing_file.name)
    robots = source_dir / "robots.txt"
    if robots.is_file():
        source.rewritten["robots.txt"] = localized_robots(robots.read_bytes(), site)
        source.rewritten_inputs.add("robots.txt")
    entries = sitemap if sitemap is not None else default_entries(site)
    if entries:
        source.rewritten["sitemap.xml"] = write_sitemap(entries, site)
        source.rewritten_inputs.add("sitemap.xml")
    return source


def _routing_file(
    source_dir: Path, pages: frozenset[str], warnings: list[LocpipeError]
) -> RoutingFile | None:
    for path in sorted(source_dir.iterdir()):
        if not path.is_file() or rule_for(path.name).placement is not Placement.ROUTING:
            continue
        reader = routing_format(path.name)
        if reader is None:
            continue
        try:
            return reader.read(path.name, path.read_bytes(), pages)
        except RoutingError as error:
            error.path = path
            error.hint = "copied unchanged; the languages' addresses may not be served"
            warnings.append(error)
    return None


def _sitemap(source_dir: Path, warnings: list[LocpipeError]) -> list[SitemapEntry] | None:
    path = source_dir / "sitemap.xml"
    if not path.is_file():
        return None
    try:
        return read_sitemap(path.name, path.read_bytes())
    except RoutingError as error:
        error.path = path
        error.hint = "copied unchanged, without the languages' addresses"
        warnings.append(error)
        return None


def _own_addresses(
    source_dir: Path, site_url: str | None, sitemap: list[SitemapEntry] | None
) -> tuple[frozenset[str], str | None]:
    """The site's host names, and its public ``scheme://host`` when one is known."""
    bases = [site_url] if site_url else []
    bases.extend(base for entry in sitemap or [] if (base := base_of(entry.loc)))
    cname = source_dir / "CNAME"
    if cname.is_file():
        domain = cname.read_text(errors="replace").strip().split()
        if domain:
            bases.append(f"https://{domain[0]}")
    base_urls = [base for base in (base_of(b) for b in bases) if base]
    hosts = frozenset(own_host(urlsplit(base).netloc) for base in base_urls)
    return hosts, (base_urls[0] if base_urls else None)
