"""``build`` reads, splices and writes one page at a time: memory does not grow with the site."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from locpipe.site import SiteLanguages, build_site
from tests.conftest import REPO

PAGE = (REPO / "source" / "index.html").read_bytes()


def peak_bytes(tmp_path: Path, pages: int) -> int:
    source = tmp_path / f"source{pages}"
    source.mkdir()
    for number in range(pages):
        (source / f"page{number}.html").write_bytes(
            PAGE.replace(b"<title>", f"<title>{number} ".encode(), 1)
        )
    tracemalloc.start()
    try:
        build_site(source, tmp_path / f"build{pages}", SiteLanguages("en", ("ru",)), {})
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_peak_memory_of_a_build_does_not_grow_with_the_site(tmp_path: Path) -> None:
    peak_bytes(tmp_path, 1)  # loads what every build loads once (Babel's locale data)
    small, large = peak_bytes(tmp_path, 10), peak_bytes(tmp_path, 100)
    # Holding every page read costs more than a page's size per page (about 85 KB for these
    # 46 KB pages); streaming leaves only paths and Tilda's tag memo (about 3 KB a page).
    growth_per_page = (large - small) / 90
    assert growth_per_page < 0.1 * len(PAGE), (small, large)
