"""The whole-site build: pages in every language, links, routing, sitemap, other files.

Modules: ``languages`` (codes and their spellings), ``routing`` (addresses -> pages, and
the registry of routing formats), ``htaccess`` and ``redirects`` (one per format),
``sitemap``, ``links``, ``pages`` (one page in one language), ``switcher``, ``outputs``
(the rule for every file that is not a page), ``export`` (what the export says about the
site), ``build`` (the command), ``serve`` (the built site on localhost).
"""

from locpipe.site.build import BuildOptions, BuildResult, build_site, catalog_lookup
from locpipe.site.languages import SiteLanguages, html_lang, og_locale, text_direction
from locpipe.site.pages import LanguageBuild, Rejected

__all__ = [
    "BuildOptions",
    "BuildResult",
    "LanguageBuild",
    "Rejected",
    "SiteLanguages",
    "build_site",
    "catalog_lookup",
    "html_lang",
    "og_locale",
    "text_direction",
]
