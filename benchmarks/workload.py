"""What part 2 translates: sample pages' msgids, as many as the time budget allows.

The slowest contestant (Argos, one call per segment) is timed on a spread of
the candidate texts first; the segment count is then chosen so the whole of
part 2 fits the budget, and every contestant gets the same segments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argos_baseline import ArgosBaseline
from common import REPO, time_once
from extract_build import SourcePage

CALIBRATION_TEXTS = 24
# Part 2's seconds per second of Argos at beam 4, measured on this machine type:
ARGOS_BEAM1 = 0.7  # Argos at beam 1
BATCHED_PER_RUN = 0.8  # one run of locpipe and bare at both beams
RERUNS = 0.8  # both reruns' first runs, the second runs
SINGLE_BEAM = 0.45  # what is left of the above without the beam 1 comparison


@dataclass(frozen=True)
class Workload:
    pages: list[SourcePage]  # the sample pages the texts come from (none: fallback texts)
    texts: list[str]


def page_msgids(page: SourcePage) -> list[str]:
    from locpipe.html.page import read_page

    return list(dict.fromkeys(s.msgid for s in read_page(page.path, page.data).segments))


def source_languages(samples: Path) -> dict[str, str]:
    """Page path -> language, from the samples' MANIFEST.tsv (empty when there is none)."""
    manifest = samples / "MANIFEST.tsv"
    if not manifest.is_file():
        return {}
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    return {row[0]: row[5] for row in rows if len(row) > 5}


def candidate_pages(
    pages: Sequence[SourcePage], languages: dict[str, str], from_code: str
) -> list[tuple[SourcePage, list[str]]]:
    """Full pages (a body fragment copies a full page), pages in ``from_code`` first."""
    ordered = sorted(pages, key=lambda page: (languages.get(page.path) != from_code, page.path))
    return [(page, page_msgids(page)) for page in ordered if "body.htm" not in page.path]


def fill_to(candidates: Sequence[tuple[SourcePage, list[str]]], limit: int) -> Workload:
    """Whole pages, in order, skipping any that would take the msgids past ``limit``."""
    chosen: list[SourcePage] = []
    texts: dict[str, None] = {}
    for page, msgids in candidates:
        fresh = [msgid for msgid in msgids if msgid not in texts]
        if chosen and len(texts) + len(fresh) > limit:
            continue
        chosen.append(page)
        texts.update(dict.fromkeys(fresh))
    return Workload(chosen, list(texts))


def fallback_texts() -> list[str]:
    """Without the samples: the example site's template, else the test corpus."""
    template = REPO / "locales" / "site.pot"
    if template.is_file():
        from locpipe.catalog.po import read_po

        texts = [m.msgid for m in read_po(template.read_bytes(), template) if m.msgid]
    else:
        corpus = (REPO / "tools" / "corpus" / "en_ru.tsv").read_text(encoding="utf-8")
        texts = [line.split("\t")[0] for line in corpus.splitlines() if "\t" in line]
    return list(dict.fromkeys(texts))


def argos_seconds_per_text(argos: ArgosBaseline, pool: Sequence[str]) -> float:
    """Argos at beam 4 on texts spread over ``pool``."""
    step = max(1, len(pool) // CALIBRATION_TEXTS)
    sample = list(pool[::step][:CALIBRATION_TEXTS])
    return time_once(lambda: argos.translate_each(sample, 4)) / max(1, len(sample))


def affordable(seconds_per_text: float, budget: float, repeat: int, beam1: bool) -> int:
    """How many texts part 2 can translate in ``budget`` seconds."""
    factor = 1 + RERUNS + repeat * BATCHED_PER_RUN
    factor = factor + ARGOS_BEAM1 if beam1 else factor - repeat * SINGLE_BEAM
    return max(CALIBRATION_TEXTS, int(budget / (seconds_per_text * factor)))
