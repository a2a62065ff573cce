"""Where each file of an export that is not a page goes in the build: one table.

The first rule whose pattern matches the file's path (relative to the export,
``fnmatch`` syntax) decides. Pages (``*.html``) are built per language elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatchcase


class Placement(StrEnum):
    ROOT = "root"  # copied once, at the root of the build
    EVERY_LANGUAGE = "every language"  # copied to the root and into every language folder
    ROUTING = "routing"  # rewritten for every language by its routing format
    SITEMAP = "sitemap"  # rewritten once at the root, listing every language
    ROBOTS = "robots"  # rewritten once at the root: disallowed pages in every language


@dataclass(frozen=True)
class FileRule:
    pattern: str
    placement: Placement
    why: str


FILE_RULES: tuple[FileRule, ...] = (
    FileRule("htaccess", Placement.ROUTING, "Apache routing of Tilda's export (slugs, start page)"),
    FileRule(".htaccess", Placement.ROUTING, "the same, already renamed for Apache"),
    FileRule("_redirects", Placement.ROUTING, "Netlify routing, read only at the site root"),
    FileRule("sitemap.xml", Placement.SITEMAP, "one sitemap lists every language's addresses"),
    FileRule("robots.txt", Placement.ROBOTS, "crawlers read it only at the host root"),
    FileRule("robots_*.txt", Placement.ROOT, "robots per host, picked by the root's routing"),
    FileRule("CNAME", Placement.ROOT, "GitHub Pages reads the custom domain at the root"),
    FileRule("readme.txt", Placement.ROOT, "Tilda's upload instructions, for the whole site"),
    FileRule("README*", Placement.ROOT, "the owner's notes about the repository"),
    FileRule("*", Placement.EVERY_LANGUAGE, "css/, js/, images/: pages load them relatively"),
)


def rule_for(path: str) -> FileRule:
    """The rule for a non-page file at ``path`` (posix, relative to the export)."""
    return next(rule for rule in FILE_RULES if fnmatchcase(path, rule.pattern))
