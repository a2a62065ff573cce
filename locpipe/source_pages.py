"""The pages of the source export, read one at a time: what extract and build scan.

Shared by the commands and by ``site/`` (which must not import the commands), so it
lives beside them rather than inside ``commands/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from locpipe.config import Config
from locpipe.errors import LocpipeError, PageError
from locpipe.model import Page

if TYPE_CHECKING:  # html/ is imported when pages are read: `locpipe --help` stays instant
    from locpipe.html.owner import Exclusion, OwnerRules

PAGE_SUFFIXES = (".html", ".htm")

Progress = Callable[[str], None]


@dataclass
class ScanResult:
    """The pages that could be read, and an error for each one that could not."""

    pages: list[Page] = field(default_factory=list)
    errors: list[LocpipeError] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)  # what [extract] exclude left out


def page_files(source_dir: Path) -> list[Path]:
    """The HTML pages under ``source_dir``, in a stable order."""
    return sorted(
        path
        for path in source_dir.rglob("*")
        if path.suffix.lower() in PAGE_SUFFIXES and path.is_file()
    )


def read_pages(
    source_dir: Path,
    found: ScanResult,
    progress: Progress | None = None,
    *,
    notes: bool = True,
    anchors: bool = True,
    rules: OwnerRules | None = None,
) -> Iterator[Page]:
    """Each page that can be read, one at a time; errors and exclusions go to ``found``.

    Read lazily, so that a command that needs a page only while it handles it holds
    one page, not the site. ``notes`` and ``anchors``: what to find besides the
    segments (see ``read_page``); ``rules``: the owner's ``[extract]`` rules.
    """
    from locpipe.html.owner import apply_rules
    from locpipe.html.page import read_page
    from locpipe.html.walker import TagMemo

    memo = TagMemo()
    for path in page_files(source_dir):
        relative = path.relative_to(source_dir).as_posix()
        if progress is not None:
            progress(relative)
        try:
            data = path.read_bytes()
        except OSError as error:
            found.errors.append(PageError(f"cannot read: {error.strerror}", path=path))
            continue
        try:
            page = read_page(relative, data, notes=notes, anchors=anchors, memo=memo)
            if rules is not None:
                page, exclusions = apply_rules(page, rules)
                found.exclusions.extend(exclusions)
        except PageError as error:
            error.path = path
            found.errors.append(error)
            continue
        yield page


def scan_site(
    source_dir: Path,
    progress: Progress | None = None,
    *,
    notes: bool = True,
    anchors: bool = True,
    rules: OwnerRules | None = None,
) -> ScanResult:
    """Every page read at once; a page that cannot be read is reported and skipped."""
    result = ScanResult()
    result.pages.extend(
        read_pages(source_dir, result, progress, notes=notes, anchors=anchors, rules=rules)
    )
    return result


@dataclass
class PageTally:
    """How many pages and segments went through ``count``."""

    pages: int = 0
    segments: int = 0

    def count(self, pages: Iterable[Page]) -> Iterator[Page]:
        for page in pages:
            self.pages += 1
            self.segments += len(page.segments)
            yield page


def owner_rules(config: Config) -> OwnerRules | None:
    """The ``[extract]`` rules that change what a page's segments are; None: there are none."""
    from locpipe.html.owner import OwnerRules

    settings = config.extract
    if not (settings.exclude or settings.text_attributes or settings.form_values):
        return None
    attributes = tuple(name.lower() for name in settings.text_attributes)
    return OwnerRules(settings.exclude, attributes, settings.form_values)
