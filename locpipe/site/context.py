"""What a page of the site is built against: routing, languages and the site's own hosts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from locpipe.model import AttrValue
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing, localized_address


@dataclass(frozen=True)
class SiteContext:
    routing: Routing
    languages: SiteLanguages
    hosts: frozenset[str] = frozenset()  # the site's own host names, lower case, without www.
    base_url: str | None = None  # scheme://host of the public site, when known
    switcher: bool = False  # add locpipe's own language switcher to every page

    def is_own_host(self, netloc: str) -> bool:
        return own_host(netloc) in self.hosts

    def with_hosts(self, *addresses: AttrValue | None) -> SiteContext:
        """The context with the hosts of these absolute addresses (a page's canonical) added."""
        hosts = {
            own_host(urlsplit(address.value.strip()).netloc)
            for address in addresses
            if address is not None and base_of(address.value)
        }
        return self if hosts <= self.hosts else replace(self, hosts=self.hosts | hosts)

    def address(self, page: str, lang: str) -> str:
        """The address of ``page`` in ``lang``, from the site root: ``/ru/shop``."""
        return localized_address(self.routing.address(page), self.languages.folder(lang))


def own_host(netloc: str) -> str:
    """A host name as the site's hosts are compared: lower case, no port, no ``www.``."""
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


def base_of(url: str) -> str | None:
    """``scheme://host`` of an absolute http(s) address, else None."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None
