"""locpipe's own language switcher, added before ``</body>`` when ``[site] switcher`` is on.

A ``<nav>`` of links, one per language, each with ``lang`` and ``hreflang`` and the
language's own name; the current language is marked ``aria-current``. No script, and
its styles are inline and fixed to a corner, so the page's own layout is untouched.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from locpipe.site.languages import html_lang, language_name

if TYPE_CHECKING:
    from locpipe.site.context import SiteContext

_NAV_STYLE = (
    "position:fixed;right:12px;bottom:12px;z-index:99999;display:flex;gap:4px;"
    "padding:4px;border-radius:6px;background:rgba(255,255,255,.92);"
    "box-shadow:0 1px 4px rgba(0,0,0,.3);font:14px/1.2 Arial,sans-serif"
)
_LINK_STYLE = "padding:4px 8px;color:#000;text-decoration:none;border-radius:4px"
_CURRENT_STYLE = f"{_LINK_STYLE};background:#000;color:#fff"


def switcher_html(page_path: str, lang: str, site: SiteContext) -> str:
    links = []
    for other in site.languages.all:
        code = html_lang(other)
        current = ' aria-current="true"' if other == lang else ""
        style = _CURRENT_STYLE if other == lang else _LINK_STYLE
        links.append(
            f'<a href="{escape(site.address(page_path, other))}" lang="{code}"'
            f' hreflang="{code}"{current} style="{style}">{escape(language_name(other))}</a>'
        )
    return (
        f'<nav class="locpipe-switcher" aria-label="Language" style="{_NAV_STYLE}">'
        + "".join(links)
        + "</nav>"
    )
