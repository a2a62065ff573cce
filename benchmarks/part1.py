"""Part 1 report: extract + build, locpipe against Translate Toolkit 3.20."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from common import heading, ratio, say
from extract_build import (
    SideTiming,
    SourcePage,
    kept_shortcuts,
    linearity,
    locpipe_identity_same,
    locpipe_segments,
    locpipe_stages,
    megabytes,
    profile_locpipe,
    time_both,
    time_locpipe,
    ttk_extract,
    ttk_identity_same,
    ttk_units,
)

SCALE_FACTORS = (1, 2, 4, 8)


def pseudo(text: str) -> str:
    from locpipe.mt.pseudo import pseudo_localize

    return pseudo_localize(text)


def describe_side(name: str, side: SideTiming, pages: Sequence[SourcePage]) -> dict[str, float]:
    total = side.best_total
    say(f"{name}: extract {side.extract.describe()}")
    say(f"{name}: build   {side.build.describe()}")
    say(
        f"{name}: extract+build {total:.3f} s (sum of bests) = {len(pages) / total:.1f} pages/s, "
        f"{megabytes(pages) / total:.2f} MB/s"
    )
    return {
        "extract_s": side.extract.best,
        "build_s": side.build.best,
        "total_s": total,
        "pages_per_s": len(pages) / total,
        "mb_per_s": megabytes(pages) / total,
    }


def ttk_observations(pages: Sequence[SourcePage]) -> tuple[list[SourcePage], dict[str, Any]]:
    """The pages TTK can read, and what it did with all of them."""
    extracted = ttk_extract(pages)
    for path, error in extracted.errors.items():
        say(f"  TTK html2po failed on {path}: {error[:120]}")
    readable = [page for page in pages if page.path in extracted.templates]
    empty = sum(not ttk_units(template) for template in extracted.templates.values())
    identical = ttk_identity_same(readable, extracted.templates)
    units = sum(len(ttk_units(template)) for template in extracted.templates.values())
    say(
        f"TTK: html2po failed on {len(extracted.errors)} of {len(pages)} pages; "
        f"empty template for {empty} of {len(readable)} it read ({units} units); "
        f"identity rebuild (msgstr = msgid) byte-identical for {identical} of {len(readable)}"
    )
    return readable, {
        "ttk_failed_pages": len(extracted.errors),
        "ttk_empty_templates": empty,
        "ttk_identity_identical_pages": identical,
        "ttk_pages_read": len(readable),
        "ttk_units": units,
    }


def locpipe_observations(pages: Sequence[SourcePage]) -> dict[str, Any]:
    segments, unique = locpipe_segments(pages)
    identical = locpipe_identity_same(pages)
    say(
        f"locpipe: {segments} segments ({unique} unique msgids) in {len(pages)} pages; identity "
        f"rebuild (msgstr = msgid) byte-identical for {identical} of {len(pages)}"
    )
    return {
        "locpipe_segments": segments,
        "locpipe_unique_msgids": unique,
        "locpipe_identity_identical_pages": identical,
    }


def report_linearity(pages: Sequence[SourcePage], repeat: int) -> dict[str, Any]:
    page = max(pages, key=lambda p: len(p.data))
    say(f"read_page on {page.path} with its <body> content repeated (best of {repeat}):")
    rows = linearity(page, SCALE_FACTORS, repeat)
    for factor, size, per_mb in rows:
        say(f"  {factor}x: {size:6.2f} MB, {per_mb:.3f} s/MB")
    growth = rows[-1][2] / rows[0][2]
    say(f"  s/MB at {SCALE_FACTORS[-1]}x over 1x: {growth:.2f} (1.0 = linear)")
    return {"linearity_s_per_mb": [round(r[2], 4) for r in rows], "linearity_growth": growth}


def report_shortcuts(pages: Sequence[SourcePage], repeat: int) -> dict[str, Any]:
    timings = kept_shortcuts(pages, pseudo, repeat * 3)
    fast, slow = timings["read_po"].best, timings["read_po, line parser alone"].best
    worth = 1 - fast / slow
    say(
        f"kept shortcut: read_po's one-step entry reader, {fast:.4f} s against {slow:.4f} s "
        f"for the line parser alone: worth {worth:.0%} of read_po (kept while >= 10%)"
    )
    return {"po_entry_shortcut_share_of_read_po": worth}


def run_part1(pages: Sequence[SourcePage], repeat: int) -> dict[str, Any]:
    heading("Part 1: extract + build vs Translate Toolkit")
    say(
        f"{len(pages)} pages, {megabytes(pages):.2f} MB; both sides in-process; "
        f"best of {repeat} runs per step; msgstrs are locpipe's pseudo-localisation of the msgid"
    )
    say(
        "locpipe: per page read_page(anchors=False) + build_template + write_po"
        " (one site POT; what `locpipe extract` does);"
    )
    say(
        "         read_po + catalog_lookup + per page read_page(notes=False)"
        " + translation_edits + apply_edits (what `locpipe build` does)"
    )
    say("TTK:     html2po.converthtml per page (one POT each); po2html.converthtml per page")
    figures: dict[str, Any] = {}
    readable, ttk_figures = ttk_observations(pages)
    figures.update(ttk_figures)
    figures.update(locpipe_observations(pages))
    say(f"-- timed on the {len(readable)} pages TTK can read ({megabytes(readable):.2f} MB)")
    say("   (the four steps run in turn, round after round, so both sides meet the same machine)")
    ttk_timing, our_timing = time_both(readable, pseudo, repeat)
    ttk = describe_side("TTK    ", ttk_timing, readable)
    ours = describe_side("locpipe", our_timing, readable)
    speedup = ratio(ttk["total_s"], ours["total_s"])
    say(f"extract_build_speedup_vs_ttk = {speedup:.2f}x (goal >= 5)")
    say(
        f"  extract alone {ratio(ttk['extract_s'], ours['extract_s']):.2f}x, "
        f"build alone {ratio(ttk['build_s'], ours['build_s']):.2f}x"
    )
    say(f"-- locpipe on all {len(pages)} pages ({megabytes(pages):.2f} MB)")
    everything = describe_side("locpipe", time_locpipe(pages, pseudo, repeat), pages)
    say(f"locpipe steps on all pages (best of {repeat}):")
    stages = locpipe_stages(pages, pseudo, repeat)
    for name, timing in stages.items():
        say(f"  {name:30s} {timing.best:.3f} s")
    figures.update(report_shortcuts(pages, repeat))
    say("locpipe profile (cProfile), one extract + build of all pages, top 5 by cumulative")
    say("time, then top 5 by own time:")
    for line in profile_locpipe(pages, pseudo):
        say("  " + line)
    figures.update(report_linearity(pages, max(3, repeat // 2)))
    figures.update({f"ttk_{key}": value for key, value in ttk.items()})
    figures.update({f"locpipe_{key}": value for key, value in ours.items()})
    figures.update({f"locpipe_all_pages_{key}": value for key, value in everything.items()})
    figures.update({f"locpipe_step_{name}_s": t.best for name, t in stages.items()})
    figures["extract_build_speedup_vs_ttk"] = speedup
    figures["extract_build_pages_timed"] = len(readable)
    return figures
