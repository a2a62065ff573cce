"""Rerun cost: translate everything once, change 5% of the segments, translate again.

Two levels are measured. The pipeline (``locpipe.commands.translate.translate_language`` on
a temporary project: merge, machine translation through the translation
memory, PO writes) is what a user runs; there a changed segment gets msgmerge's
nearest old translation as a fuzzy draft, so the model may not be called at
all. The engine level (``CachedEngine`` over ``TranslationMemory``) sends the
changed segments to the model and takes the rest from memory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from common import time_call, time_once
from extract_build import NOW, SourcePage
from mt_bench import MTSetup, open_locpipe

CHANGE_EVERY = 20  # one segment in 20: 5%
ADDED_WORD = " today"


def changed_texts(texts: Sequence[str]) -> list[str]:
    """Every 20th text with a word appended, deterministically."""
    return [
        text + ADDED_WORD if index % CHANGE_EVERY == 0 else text for index, text in enumerate(texts)
    ]


@dataclass(frozen=True)
class RerunResult:
    level: str  # "pipeline" or "engine"
    first: float
    second: float
    changed: int
    total: int
    details: dict[str, object] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return self.second / self.first


def engine_rerun(setup: MTSetup, texts: Sequence[str], workdir: Path) -> RerunResult:
    from locpipe.mt.engine import CachedEngine
    from locpipe.mt.memory import TranslationMemory

    engine = open_locpipe(setup, setup.settings.beam_size)
    changed = changed_texts(texts)
    with TranslationMemory(workdir / "engine-memory.sqlite") as memory:
        cached = CachedEngine(engine, memory)
        first = time_once(lambda: cached.translate(texts))
        misses_before = cached.misses
        second = time_once(lambda: cached.translate(changed))
        sent_to_model = cached.misses - misses_before
    count = sum(a != b for a, b in zip(texts, changed, strict=True))
    details: dict[str, object] = {"sent_to_model_in_second_run": sent_to_model}
    return RerunResult("engine", first, second, count, len(texts), details)


# ---------------------------------------------------------------- pipeline


def write_project(root: Path, pages: Sequence[SourcePage], setup: MTSetup) -> None:
    engine = setup.settings
    (root / "source").mkdir(parents=True)
    for page in pages:
        target = root / "source" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.data)
    (root / "locpipe.toml").write_text(
        "\n".join(
            [
                f'source_lang = "{setup.from_code}"',
                f'target_langs = ["{setup.to_code}"]',
                "[engine]",
                'name = "argos"',
                "[engine.argos]",
                f"packages_dir = {json.dumps(str(setup.packages_dir))}",
                f"beam_size = {engine.beam_size}",
                f"batch_size = {engine.max_batch_size}",
                f"inter_threads = {engine.inter_threads}",
                f"intra_threads = {engine.intra_threads}",
                "",
            ]
        ),
        encoding="utf-8",
    )


def change_pages(source_dir: Path, pages: Sequence[SourcePage]) -> tuple[int, int]:
    """Append a word to every occurrence of every 20th msgid; (changed, total) unique msgids."""
    from locpipe.html.page import read_page
    from locpipe.html.splice import apply_edits
    from locpipe.model import Edit

    parsed = [read_page(page.path, page.data) for page in pages]
    msgids = list(dict.fromkeys(s.msgid for page in parsed for s in page.segments))
    chosen = set(msgids[::CHANGE_EVERY])
    for page in parsed:
        word = ADDED_WORD.encode(page.encoding)
        edits = [Edit(s.end, s.end, word) for s in page.segments if s.msgid in chosen]
        edits.sort(key=lambda edit: (edit.start, edit.end))
        (source_dir / page.path).write_bytes(apply_edits(page.data, edits))
    return len(chosen), len(msgids)


def pipeline_rerun(setup: MTSetup, pages: Sequence[SourcePage], workdir: Path) -> RerunResult:
    from locpipe.commands.extract import extract_project
    from locpipe.commands.translate import translate_language
    from locpipe.config import load_config

    root = workdir / "project"
    write_project(root, pages, setup)
    config = load_config(root)
    extract_project(config, now=NOW)
    first, first_summary = time_call(lambda: translate_language(config, setup.to_code, now=NOW))
    changed, total = change_pages(config.source_dir, pages)
    extract_project(config, now=NOW)
    second, second_summary = time_call(lambda: translate_language(config, setup.to_code, now=NOW))
    details: dict[str, object] = {
        "first_run": first_summary.to_dict(),
        "second_run": second_summary.to_dict(),
    }
    return RerunResult("pipeline", first, second, changed, total, details)
