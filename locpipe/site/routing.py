"""Which page answers which address: the routing model of one language of a site. No I/O.

A Tilda export is deployed as a folder whose routing file (``htaccess``, a Netlify
``_redirects``) maps public addresses (slugs) to page files; an export without
one is served by file name, ``/`` being ``index.html``, as static hosts do. The
format modules (``htaccess``, ``redirects``) read a routing file into a
``Routing`` and write it back for every language; ``ROUTING_FORMATS`` is the
registry that picks the module by file name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from locpipe.errors import LocpipeError
from locpipe.site.languages import SiteLanguages


class RoutingError(LocpipeError):
    """A routing file locpipe cannot read, or routing that cannot be localized."""


@dataclass(frozen=True)
class Routing:
    """The addresses the site serves, as URL paths from the site root."""

    pages: frozenset[str]  # page files, posix paths relative to the site root
    slugs: Mapping[str, str] = field(default_factory=dict)  # lower-case slug -> page file
    start_page: str = "index.html"  # the page at "/" (Apache's DirectoryIndex)
    error_pages: Mapping[int, str] = field(default_factory=dict)  # status -> address path

    def page_at(self, path: str, *, loose: bool = False) -> str | None:
        """The page that answers the URL ``path`` (``/``, ``/shop``, ``/page1.html``), if any.

        ``loose``: also ``/about`` for ``about.html``, which GitHub Pages and Netlify serve
        and Apache does not; a link written so means that page, an alternate may not.
        """
        relative = path.lstrip("/")
        if not relative:
            return self.start_page if self.start_page in self.pages else None
        slug = self.slugs.get(relative.rstrip("/").lower())
        if slug is not None:
            return slug
        if relative in self.pages:
            return relative
        if relative.endswith("/") and f"{relative}index.html" in self.pages:
            return f"{relative}index.html"
        if loose and f"{relative}.html" in self.pages:
            return f"{relative}.html"
        return None

    def address(self, page: str) -> str:
        """The public address of ``page``: ``/`` for the start page, else its slug or file."""
        if page == self.start_page:
            return "/"
        slug = next((slug for slug, target in self.slugs.items() if target == page), None)
        return f"/{slug}" if slug is not None else f"/{page}"

    def addresses(self) -> list[str]:
        """Every address a visitor can reach: the start page, each slug, each page file."""
        found = ["/"] if self.start_page in self.pages else []
        found.extend(f"/{slug}" for slug in self.slugs)
        found.extend(f"/{page}" for page in sorted(self.pages))
        return found


def localized_address(address: str, folder: str) -> str:
    """``address`` in a language folder: ``/shop`` -> ``/ru/shop``, ``/`` -> ``/ru/``."""
    return f"/{folder}{address}" if folder else address


def check_folders(routing: Routing, languages: SiteLanguages, path: str) -> None:
    """A slug may not be a language folder: ``/ru`` would then name two things."""
    for slug in routing.slugs:
        first = slug.split("/", 1)[0]
        lang = languages.by_folder(first)
        if lang is not None:
            raise RoutingError(
                f"the slug /{slug} collides with the folder of language {lang}",
                path=path,
                hint="change the page's address in Tilda, or build that language elsewhere",
            )


class RoutingFile(Protocol):
    """A routing file read by its format module: the model, and how to write it back."""

    @property
    def name(self) -> str:
        """The file name in the export, kept in the build: "htaccess", "_redirects"."""
        ...

    @property
    def routing(self) -> Routing: ...

    def localized(self, languages: SiteLanguages) -> dict[str, bytes]:
        """Build-relative path -> bytes of every file that routes all the languages."""
        ...


class RoutingFormat(Protocol):
    def read(self, name: str, data: bytes, pages: frozenset[str]) -> RoutingFile:
        """Raises ``RoutingError`` (with the line) for a file it cannot read."""
        ...


def _formats() -> dict[str, RoutingFormat]:
    from locpipe.site import htaccess, redirects

    return {"htaccess": htaccess, ".htaccess": htaccess, "_redirects": redirects}


def routing_format(name: str) -> RoutingFormat | None:
    """The format module that reads a routing file of this name (``ROUTING_FORMATS``)."""
    return _formats().get(name)


ROUTING_FILE_NAMES = ("htaccess", ".htaccess", "_redirects")
