"""Part 2 report: machine translation speed and rerun cost on a random-weight Argos package."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argos_baseline import PATCH_NOTE, ArgosBaseline, isolate_argos, open_baseline
from common import heading, say, time_call
from extract_build import SourcePage
from mt_bench import BeamResult, MTSetup, compare_at_beam, model_inputs, open_bare, token_counts
from random_model import ModelShape, build_package
from rerun import RerunResult, engine_rerun, pipeline_rerun
from workload import (
    Workload,
    affordable,
    argos_seconds_per_text,
    candidate_pages,
    fallback_texts,
    fill_to,
    page_msgids,
    source_languages,
)

FROM_CODE, TO_CODE = "en", "ru"


@dataclass(frozen=True)
class Prepared:
    setup: MTSetup
    argos: ArgosBaseline
    work: Workload
    build_seconds: float


def install_model(packages_dir: Path, training: Sequence[str]) -> tuple[Path, float]:
    shape = ModelShape()
    seconds, package = time_call(
        lambda: build_package(packages_dir, training, shape, FROM_CODE, TO_CODE)
    )
    say(f"model: {shape.describe()}, random weights but a copying path; built in {seconds:.1f} s")
    say(
        f"  SentencePiece trained here on the texts: {package.sentencepiece_pieces} pieces "
        f"(vocabulary padded to {shape.vocab_size} with tokens it never produces)"
    )
    return package.path, seconds


def choose_workload(
    pages: Sequence[SourcePage], argos: ArgosBaseline, args: argparse.Namespace, budget: float
) -> Workload:
    """As many texts as ``--segments`` asks and the budget allows, whole pages at a time."""
    candidates = candidate_pages(pages, source_languages(args.samples), FROM_CODE)
    pool = [msgid for _, msgids in candidates for msgid in msgids] or fallback_texts()
    per_text = argos_seconds_per_text(argos, pool[: args.segments])
    limit = min(args.segments, affordable(per_text, budget, args.mt_repeat, not args.no_beam1))
    say(
        f"calibration: Argos takes {per_text:.3f} s per segment at beam 4; {budget:.0f} s left "
        f"in the budget allow {limit} segments (asked: {args.segments})"
    )
    return fill_to(candidates, limit) if candidates else Workload([], pool[:limit])


def prepare(
    pages: Sequence[SourcePage], workdir: Path, args: argparse.Namespace, budget: float
) -> Prepared:
    """Build and install the package, open Argos on it, and choose the texts."""
    from locpipe.mt.argos import ArgosSettings

    started = time.perf_counter()
    packages_dir = workdir / "packages"
    isolate_argos(workdir / "argos-home", packages_dir)  # before argostranslate is imported
    training = [msgid for page in pages for msgid in page_msgids(page)] or fallback_texts()
    package_dir, seconds = install_model(packages_dir, list(dict.fromkeys(training)))
    setup = MTSetup(package_dir, packages_dir, FROM_CODE, TO_CODE, ArgosSettings())
    argos = open_baseline(FROM_CODE, TO_CODE)
    work = choose_workload(pages, argos, args, budget - (time.perf_counter() - started))
    return Prepared(setup, argos, work, seconds)


def describe_beam(result: BeamResult) -> None:
    say(f"-- beam {result.beam_size}, {result.segments} segments:")
    say(f"  (a) Argos translate() per segment: {result.argos.best:.3f} s (sum of its slices)")
    say(f"  (b) locpipe ArgosEngine:           {result.locpipe.describe()}")
    say(f"  (c) bare sorted translate_batch:   {result.bare.describe()}")
    rates = result.rates()
    say(
        "  outputs equal to inputs (the model copies: a check that each did the work; the rest "
        "differ by SentencePiece's NFKC normalisation of no-break spaces and '…', locpipe's "
        "typograph, Argos' 256-token limit): "
        + ", ".join(f"{name} {count}" for name, count in result.copied.items())
    )
    say(
        f"  segments/s: Argos {rates['argos_segments_per_s']:.2f}, locpipe "
        f"{rates['locpipe_segments_per_s']:.2f}, bare {rates['bare_batch_segments_per_s']:.2f}"
    )
    say(
        f"  locpipe vs Argos {result.speedup_vs_argos:.2f}x (goal >= 4); overhead vs bare batch "
        f"{result.overhead_vs_bare:+.1%} (goal <= +15%)"
    )


def beam_figures(result: BeamResult, prefix: str) -> dict[str, object]:
    figures: dict[str, object] = {f"{prefix}{k}": v for k, v in result.rates().items()}
    figures[f"{prefix}speedup_vs_argos"] = result.speedup_vs_argos
    figures[f"{prefix}overhead_vs_bare_batch"] = result.overhead_vs_bare
    figures[f"{prefix}argos_s"] = result.argos.best
    figures[f"{prefix}locpipe_s"] = result.locpipe.best
    figures[f"{prefix}bare_batch_s"] = result.bare.best
    figures.update({f"{prefix}copied_{name}": count for name, count in result.copied.items()})
    return figures


def describe_rerun(result: RerunResult) -> None:
    say(
        f"-- rerun ({result.level} level): first run {result.first:.2f} s; after changing "
        f"{result.changed} of {result.total} segments, second run {result.second:.2f} s; "
        f"fraction {result.fraction:.3f} (goal <= 0.10)"
    )
    for key, value in result.details.items():
        say(f"  {key}: {value}")


def run_reruns(
    setup: MTSetup, chosen: Sequence[SourcePage], texts: Sequence[str], workdir: Path
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    engine_level = engine_rerun(setup, texts, workdir)
    describe_rerun(engine_level)
    figures["rerun_engine_fraction"] = engine_level.fraction
    figures["rerun_fraction"] = engine_level.fraction
    figures["rerun_level"] = "engine"
    if not chosen:
        say("  (no sample pages: the pipeline rerun needs pages to change; engine level only)")
        return figures
    try:
        pipeline = pipeline_rerun(setup, chosen, workdir)
    except ImportError as error:
        say(f"  (pipeline not available yet: {error}; engine level only)")
        return figures
    describe_rerun(pipeline)
    figures["rerun_pipeline_fraction"] = pipeline.fraction
    figures["rerun_pipeline_first_s"] = pipeline.first
    figures["rerun_pipeline_second_s"] = pipeline.second
    figures["rerun_fraction"] = pipeline.fraction
    figures["rerun_level"] = "pipeline"
    return figures


def describe_settings(setup: MTSetup) -> None:
    settings = setup.settings
    say(
        f"settings for all: beam as below; threads inter {settings.inter_threads}, intra "
        f"{settings.intra_threads} (0 = CTranslate2's default); length_penalty "
        f"{settings.length_penalty}; locpipe and bare: batches of {settings.max_batch_size} "
        "sorted by length, tokenizing and detokenizing inside the timer"
    )
    say(
        "the model copies its input and ends it with </s>, so each sentence decodes as many "
        "tokens as it has, in a batch too; decoding caps never bind (locpipe: "
        f"min({settings.max_decoding_cap}, {settings.max_decoding_ratio} x longest + "
        f"{settings.max_decoding_extra}), bare batch the same, Argos: CTranslate2's 256)"
    )
    say("  " + PATCH_NOTE)


def run_part2(
    pages: Sequence[SourcePage], workdir: Path, args: argparse.Namespace, budget: float
) -> dict[str, Any]:
    heading("Part 2: machine translation")
    prepared = prepare(pages, workdir, args, budget)
    setup, work, argos = prepared.setup, prepared.work, prepared.argos
    texts = work.texts
    where = f"the unique msgids of {len(work.pages)} sample pages" if work.pages else "fallback"
    say(
        f"segments: {len(texts)}, {where}; Argos once (the slow one) in {args.mt_repeat + 1} "
        f"slices, with {args.mt_repeat} run(s) of bare then locpipe between them (best taken),"
    )
    say("  so a change in the machine's load hits all three; each after an untimed warm-up")
    sentences = model_inputs(setup, texts)
    bare = open_bare(setup)
    tokens = token_counts(bare, texts, sentences)
    say(
        f"  model inputs: Argos gets each whole msgid ({tokens.argos} tokens); locpipe sends "
        f"{len(sentences)} plain sentences ({tokens.locpipe} tokens), bare batch gets the same;"
    )
    say(
        f"  {tokens.argos_longer_than_cap} msgids are longer than the 256 tokens Argos decodes "
        "at most: for those Argos does less work than the others"
    )
    describe_settings(setup)
    figures: dict[str, Any] = {
        "mt_segments": len(texts),
        "mt_model_sentences": len(sentences),
        "mt_argos_source_tokens": tokens.argos,
        "mt_locpipe_source_tokens": tokens.locpipe,
        "mt_argos_inputs_over_256_tokens": tokens.argos_longer_than_cap,
        "mt_model_build_s": prepared.build_seconds,
    }
    for beam in (4,) if args.no_beam1 else (4, 1):
        result = compare_at_beam(setup, texts, argos, bare, beam, args.mt_repeat)
        describe_beam(result)
        figures.update(beam_figures(result, f"mt_beam{beam}_"))
    figures["mt_speedup_vs_argos"] = figures["mt_beam4_speedup_vs_argos"]
    figures["mt_overhead_vs_bare_batch"] = figures["mt_beam4_overhead_vs_bare_batch"]
    figures.update(run_reruns(setup, work.pages, texts, workdir))
    return figures
