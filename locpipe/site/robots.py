"""``robots.txt``: kept at the root, with each language's twin of a disallowed page.

Tilda disallows its header and footer pages (``Disallow: /header``,
``Disallow: /page12156747.html``); their copies in the language folders are
disallowed the same way, on the lines right after. Every other line is kept as written.
"""

from __future__ import annotations

import re

from locpipe.site.context import SiteContext
from locpipe.site.routing import localized_address

_DISALLOW = re.compile(rb"^(\s*disallow\s*:\s*)(/\S*)(\s*)$", re.IGNORECASE)


def localized_robots(data: bytes, site: SiteContext) -> bytes:
    out: list[bytes] = []
    for line in data.splitlines(keepends=True):
        out.append(line)
        match = _DISALLOW.match(line)
        if match is None:
            continue
        path = match.group(2).decode("utf-8", "replace")
        if site.routing.page_at(path) is None:
            continue  # Tilda's technical paths (/tilda/form*) are not pages
        for lang in site.languages.targets:
            twin = localized_address(path, site.languages.folder(lang)).encode("utf-8")
            out.append(match.group(1) + twin + match.group(3))
    return b"".join(out)
