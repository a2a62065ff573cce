"""The 23 real Tilda pages of ../shared/tilda-samples (skipped when the folder is absent)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from locpipe.html.page import read_page
from locpipe.html.scan import Kind, scan
from locpipe.html.splice import apply_edits, translation_edits
from locpipe.model import Page

from .pages import SAMPLES, human_text, letter_counts, mark, sample_paths, unchanged_outside

pytestmark = pytest.mark.samples

PATHS = sample_paths()
MAX_UNMARKED = 0.01


@pytest.fixture(scope="module")
def pages() -> dict[Path, Page]:
    if not PATHS:
        pytest.skip(f"no sample pages in {SAMPLES}")
    return {
        path: read_page(path.relative_to(SAMPLES).as_posix(), path.read_bytes()) for path in PATHS
    }


def ids(path: Path) -> str:
    return path.relative_to(SAMPLES).as_posix() if PATHS else str(path)


def structure(data: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    """Tags, their attribute names, and where comments and raw text sit."""
    return [
        (token.kind.value, token.name, tuple(attr.name for attr in token.attrs))
        for token in scan(data)
        if token.kind is not Kind.TEXT and token.kind is not Kind.RCDATA
    ]


def marked_build(page: Page) -> tuple[bytes, list[object]]:
    result = translation_edits(page, lambda segment: mark(segment.msgid))
    return apply_edits(page.data, result.edits), list(result.edits)


def test_there_are_23_samples() -> None:
    if not PATHS:
        pytest.skip(f"no sample pages in {SAMPLES}")
    assert len(PATHS) == 23


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_identity_build_is_byte_identical(pages: dict[Path, Page], path: Path) -> None:
    page = pages[path]
    assert page.segments
    result = translation_edits(page, lambda segment: segment.msgid)
    assert result.edits == []
    assert result.rejected == []
    assert apply_edits(page.data, result.edits) == path.read_bytes()


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_marked_build_changes_only_segments_and_keeps_the_markup(
    pages: dict[Path, Page], path: Path
) -> None:
    page = pages[path]
    result = translation_edits(page, lambda segment: mark(segment.msgid))
    assert result.rejected == []
    built = apply_edits(page.data, result.edits)
    assert unchanged_outside(page.data, built, result.edits)
    assert structure(built) == structure(page.data)
    again = read_page(page.path, built)
    assert [s.msgid for s in again.segments] == [mark(s.msgid) for s in page.segments]


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_marked_build_leaves_under_one_percent_of_letters_unmarked(
    pages: dict[Path, Page], path: Path
) -> None:
    page = pages[path]
    built, _ = marked_build(page)
    marked, unmarked = letter_counts(human_text(built, page.encoding))
    share = unmarked / (marked + unmarked)
    assert share <= MAX_UNMARKED, (
        f"{page.path}: {share:.2%} of {marked + unmarked} letters unmarked"
    )


def test_the_measure_sees_untranslated_text(pages: dict[Path, Page]) -> None:
    for page in pages.values():
        marked, unmarked = letter_counts(human_text(page.data, page.encoding))
        assert marked == 0
        assert unmarked > 100


def test_coverage_over_all_samples(pages: dict[Path, Page]) -> None:
    lines = []
    total_marked = total_unmarked = 0
    for page in pages.values():
        built, _ = marked_build(page)
        marked, unmarked = letter_counts(human_text(built, page.encoding))
        total_marked += marked
        total_unmarked += unmarked
        lines.append(
            f"{page.path}: {len(page.segments)} segments, "
            f"{unmarked / (marked + unmarked):.2%} unmarked"
        )
    share = total_unmarked / (total_marked + total_unmarked)
    report = "\n".join(
        [*lines, f"total: {share:.2%} of {total_marked + total_unmarked} letters unmarked"]
    )
    assert share <= MAX_UNMARKED / 2, report
    print(report)


def test_all_samples_extract_and_build_quickly() -> None:
    if not PATHS:
        pytest.skip(f"no sample pages in {SAMPLES}")
    data = {path: path.read_bytes() for path in PATHS}
    started = time.process_time()
    pages = [read_page(path.name, content) for path, content in data.items()]
    for page in pages:
        apply_edits(page.data, translation_edits(page, lambda segment: mark(segment.msgid)).edits)
    elapsed = time.process_time() - started
    megabytes = sum(map(len, data.values())) / 1e6
    assert elapsed < 2, f"{megabytes:.1f} MB took {elapsed:.2f} s of CPU"
