"""The identity build of whole real exports: every page is its source but for the allowed edits.

With no translation, a page of every language folder differs from its source only by
``lang``, hreflang alternates, ``og:locale``, ``data-tilda-project-lang``, the language
folder in the addresses of the site's own pages (links, canonical, ``og:url``), and
``hreflang`` on switcher links. Stripped of those, it must be the source byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from locpipe.site import SiteLanguages, build_site
from tests.site.sites import CASES, SiteCase

ALLOWED = [
    re.compile(rb'<link rel="alternate" hreflang="[^"]+" href="[^"]*" />'),
    re.compile(rb' lang="(en|ru)"'),
    re.compile(rb' data-tilda-project-lang="(EN|RU)"'),
    re.compile(rb' hreflang="(en|ru)"'),
    re.compile(rb'(?<=<meta property="og:locale" content=")[a-z]{2}_[A-Z]{2}'),
    re.compile(rb"(?<=[\"'])/(ru|en)(?=[/\"'?#])"),  # root-relative addresses
]
# Absolute addresses of the site get the folder after the host; "https://x.net" becomes
# "https://x.net/ru/", so a bare host is compared as "https://x.net/".
HOST_FOLDER = re.compile(rb"(://[\w.-]+)/(?:ru|en)(?=[/\"'?#])")
BARE_HOST = re.compile(rb"(://[\w.-]+)(?=[\"'])")


def strip(data: bytes) -> bytes:
    for pattern in ALLOWED:
        data = pattern.sub(b"", data)
    return BARE_HOST.sub(rb"\1/", HOST_FOLDER.sub(rb"\1", data))


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_identity_build_of_a_whole_export(case: SiteCase, tmp_path: Path) -> None:
    if not case.export.is_dir():
        pytest.skip(f"{case.export} is absent (the shared test exports are not here)")
    languages = SiteLanguages(case.source_lang, (case.target_lang,))
    result = build_site(case.export, tmp_path / "build", languages, {})
    assert result.errors == []
    pages = sorted(case.export.rglob("*.html"))
    assert pages
    for page in pages:
        relative = page.relative_to(case.export)
        source = strip(page.read_bytes())
        for folder in ("", case.target_lang):
            built = (tmp_path / "build" / folder / relative).read_bytes()
            assert strip(built) == source, f"{folder}/{relative}"
