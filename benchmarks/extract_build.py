"""Part 1: file-in -> POT-out and PO-in -> HTML-out, locpipe against Translate Toolkit.

Each side works the way its tool is used: locpipe reads every page into one
site template and builds every page from one site catalog; Translate
Toolkit's ``html2po`` writes one template per page and ``po2html`` rebuilds
each page from that page's PO. Both run in this process (no interpreter
start counted). The PO files both sides read are prepared outside the timer,
with every msgstr set to the pseudo-localisation of its msgid.
"""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common import REPO, Timing, time_once, time_runs

NOW = datetime(2024, 1, 1, tzinfo=UTC)
Mark = Callable[[str], str]


@dataclass(frozen=True)
class SourcePage:
    path: str  # relative to the samples folder
    data: bytes


def load_pages(root: Path) -> list[SourcePage]:
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".html", ".htm"))
    return [SourcePage(p.relative_to(root).as_posix(), p.read_bytes()) for p in files]


def megabytes(pages: Sequence[SourcePage]) -> float:
    return sum(len(page.data) for page in pages) / 1e6


# ---------------------------------------------------------------- locpipe


def locpipe_extract(pages: Sequence[SourcePage]) -> bytes:
    from locpipe.catalog.po import write_po
    from locpipe.commands.extract import build_template
    from locpipe.config import Config
    from locpipe.html.page import read_page
    from locpipe.html.walker import TagMemo

    memo = TagMemo()  # one per site scan, as `locpipe extract` reads
    parsed = [read_page(page.path, page.data, anchors=False, memo=memo) for page in pages]
    template = build_template(parsed, Config(root=REPO, target_langs=("ru",)), NOW)
    return write_po(template)


def locpipe_po(template: bytes, mark: Mark) -> bytes:
    """The site catalog with every entry translated by ``mark``."""
    from locpipe.catalog.po import read_po, write_po

    catalog = read_po(template, Path("site.pot"))
    catalog.locale = "ru"
    catalog.header_flags = []
    for message in catalog:
        message.msgstr = mark(message.msgid)
    return write_po(catalog)


def locpipe_build(pages: Sequence[SourcePage], po_data: bytes) -> list[bytes]:
    from locpipe.catalog.po import read_po
    from locpipe.html.page import read_page
    from locpipe.html.splice import apply_edits, translation_edits
    from locpipe.html.walker import TagMemo
    from locpipe.site import catalog_lookup

    lookup = catalog_lookup(read_po(po_data, Path("site.po")), use_fuzzy=True)
    memo = TagMemo()
    built = []
    for source in pages:
        page = read_page(source.path, source.data, notes=False, memo=memo)  # as `locpipe build`
        built.append(apply_edits(page.data, translation_edits(page, lookup).edits))
    return built


def locpipe_identity_same(pages: Sequence[SourcePage]) -> int:
    """Pages rebuilt byte for byte when every msgstr equals its msgid."""
    from locpipe.html.page import read_page
    from locpipe.html.splice import apply_edits, translation_edits

    same = 0
    for source in pages:
        page = read_page(source.path, source.data)
        edits = translation_edits(page, lambda segment: segment.msgid).edits
        same += apply_edits(page.data, edits) == source.data
    return same


def locpipe_segments(pages: Sequence[SourcePage]) -> tuple[int, int]:
    """Segments found, and unique msgids among them."""
    from locpipe.html.page import read_page

    msgids = [s.msgid for p in pages for s in read_page(p.path, p.data).segments]
    return len(msgids), len(set(msgids))


# ---------------------------------------------------------------- Translate Toolkit


@dataclass
class TTKExtract:
    templates: dict[str, bytes] = field(default_factory=dict)  # page path -> POT
    errors: dict[str, str] = field(default_factory=dict)  # page path -> exception


def ttk_extract(pages: Sequence[SourcePage]) -> TTKExtract:
    from translate.convert import html2po

    result = TTKExtract()
    for page in pages:
        source = io.BytesIO(page.data)
        source.name = page.path
        output = io.BytesIO()
        try:
            html2po.converthtml(source, output, None, pot=True)
        except Exception as error:  # any failure of TTK on a page is what we report
            result.errors[page.path] = f"{type(error).__name__}: {error}"
            continue
        result.templates[page.path] = output.getvalue()
    return result


def ttk_units(template: bytes) -> list[Any]:
    from translate.storage import po

    return [unit for unit in po.pofile(io.BytesIO(template)).units if not unit.isheader()]


def ttk_po(template: bytes, mark: Mark) -> bytes:
    from translate.storage import po

    store = po.pofile(io.BytesIO(template))
    for unit in store.units:
        if not unit.isheader():
            unit.target = mark(unit.source)
    return bytes(store)


def ttk_build(pages: Sequence[SourcePage], po_files: dict[str, bytes]) -> list[bytes]:
    from translate.convert import po2html

    built = []
    for page in pages:
        output = io.BytesIO()
        po2html.converthtml(io.BytesIO(po_files[page.path]), output, io.BytesIO(page.data))
        built.append(output.getvalue())
    return built


# ---------------------------------------------------------------- the run


@dataclass(frozen=True)
class SideTiming:
    extract: Timing
    build: Timing

    @property
    def best_total(self) -> float:
        return self.extract.best + self.build.best


def time_locpipe(pages: Sequence[SourcePage], mark: Mark, repeat: int) -> SideTiming:
    po_data = locpipe_po(locpipe_extract(pages), mark)
    return SideTiming(
        time_runs(lambda: locpipe_extract(pages), repeat),
        time_runs(lambda: locpipe_build(pages, po_data), repeat),
    )


def time_both(
    pages: Sequence[SourcePage], mark: Mark, repeat: int
) -> tuple[SideTiming, SideTiming]:
    """(Translate Toolkit, locpipe), their runs interleaved so both meet the same machine."""
    templates = ttk_extract(pages).templates
    po_files = {path: ttk_po(template, mark) for path, template in templates.items()}
    po_data = locpipe_po(locpipe_extract(pages), mark)
    steps: list[Callable[[], object]] = [
        lambda: ttk_extract(pages),
        lambda: locpipe_extract(pages),
        lambda: ttk_build(pages, po_files),
        lambda: locpipe_build(pages, po_data),
    ]
    runs: list[list[float]] = [[] for _ in steps]
    for _ in range(repeat):
        for step, times in zip(steps, runs, strict=True):
            times.append(time_once(step))
    ttk_extract_t, ours_extract, ttk_build_t, ours_build = (Timing(tuple(t)) for t in runs)
    return SideTiming(ttk_extract_t, ttk_build_t), SideTiming(ours_extract, ours_build)


def ttk_identity_same(pages: Sequence[SourcePage], templates: dict[str, bytes]) -> int:
    po_files = {path: ttk_po(template, lambda text: text) for path, template in templates.items()}
    built = ttk_build(pages, po_files)
    return sum(out == page.data for out, page in zip(built, pages, strict=True))


def read_all(pages: Sequence[SourcePage], *, notes: bool = True, anchors: bool = True) -> None:
    """Read ``pages`` as one site scan of `locpipe extract` (no anchors) or `build` (no notes)."""
    from locpipe.html.page import read_page
    from locpipe.html.walker import TagMemo

    memo = TagMemo()
    for page in pages:
        read_page(page.path, page.data, notes=notes, anchors=anchors, memo=memo)


def locpipe_stages(pages: Sequence[SourcePage], mark: Mark, repeat: int) -> dict[str, Timing]:
    """Each step of locpipe's extract and build on its own, over all ``pages``."""
    from locpipe.catalog.po import read_po, write_po
    from locpipe.commands.extract import build_template
    from locpipe.config import Config
    from locpipe.html.page import read_page
    from locpipe.html.splice import apply_edits, translation_edits
    from locpipe.site import catalog_lookup

    parsed = [read_page(page.path, page.data) for page in pages]
    config = Config(root=REPO, target_langs=("ru",))
    template = build_template(parsed, config, NOW)
    po_data = locpipe_po(write_po(template), mark)
    catalog = read_po(po_data, Path("site.po"))

    def splice() -> None:
        lookup = catalog_lookup(catalog, use_fuzzy=True)  # remembers checks: one per build
        for page in parsed:
            apply_edits(page.data, translation_edits(page, lookup).edits)

    steps: dict[str, Callable[[], object]] = {
        "read_page": lambda: [read_page(page.path, page.data) for page in pages],
        "read_page_for_extract": lambda: read_all(pages, anchors=False),
        "read_page_for_build": lambda: read_all(pages, notes=False),
        "build_template": lambda: build_template(parsed, config, NOW),
        "write_po": lambda: write_po(template),
        "read_po": lambda: read_po(po_data, Path("site.po")),
        "catalog_lookup+translation_edits+apply_edits": splice,
    }
    return {name: time_runs(step, repeat) for name, step in steps.items()}


def profile_locpipe(pages: Sequence[SourcePage], mark: Mark, top: int = 5) -> list[str]:
    """Functions of locpipe with the most cumulative, then own, time in one extract + build."""
    po_data = locpipe_po(locpipe_extract(pages), mark)
    profiler = cProfile.Profile()
    profiler.enable()
    locpipe_extract(pages)
    locpipe_build(pages, po_data)
    profiler.disable()
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [
        (cumulative, own, calls, f"{Path(file).parent.name}/{Path(file).name}:{line} {name}")
        for (file, line, name), (_, calls, own, cumulative, _) in stats.items()
        if "/locpipe/" in file
    ]
    by_cumulative = sorted(rows, reverse=True)[:top]
    by_own = sorted(rows, key=lambda row: row[1], reverse=True)[:top]
    return [
        f"{label} {cumulative:6.3f} s cum, {own:6.3f} s own, {calls:7d} calls  {where}"
        for label, chosen in (("cum", by_cumulative), ("own", by_own))
        for cumulative, own, calls, where in chosen
    ]


def scaled_page(data: bytes, factor: int) -> bytes:
    """The page with the content of its <body> repeated ``factor`` times."""
    start = data.find(b">", data.lower().find(b"<body")) + 1
    end = data.lower().rfind(b"</body>")
    if start <= 0 or end < start:
        return data * factor
    return data[:start] + data[start:end] * factor + data[end:]


def linearity(
    page: SourcePage, factors: Sequence[int], repeat: int
) -> list[tuple[int, float, float]]:
    """(factor, MB, best seconds per MB) of read_page on the page scaled by each factor."""
    from locpipe.html.page import read_page

    rows = []
    for factor in factors:
        data = scaled_page(page.data, factor)
        timing = time_runs(lambda data=data: read_page(page.path, data), repeat)  # type: ignore[misc]
        size = len(data) / 1e6
        rows.append((factor, size, timing.best / size))
    return rows


def kept_shortcuts(pages: Sequence[SourcePage], mark: Mark, repeat: int) -> dict[str, Timing]:
    """The speed tricks locpipe keeps, each timed with and without it in turn: a trick
    stays only while it is worth at least 10% of its step (ARCHITECTURE.md)."""
    from unittest import mock

    from locpipe.catalog import po_reader
    from locpipe.catalog.po import read_po

    po_data = locpipe_po(locpipe_extract(pages), mark)

    def read() -> object:
        return read_po(po_data, Path("site.po"))

    def read_line_by_line() -> object:
        # The one-step entry reader off: every entry goes through the line parser.
        with mock.patch.object(po_reader._Parser, "read_blocks", lambda _self, at: at):
            return read()

    runs: dict[str, list[float]] = {"read_po": [], "read_po, line parser alone": []}
    for _ in range(repeat):  # in turn, so both meet the same machine
        runs["read_po"].append(time_once(read))
        runs["read_po, line parser alone"].append(time_once(read_line_by_line))
    return {name: Timing(tuple(times)) for name, times in runs.items()}
