"""``make bench``: locpipe against Translate Toolkit and Argos Translate, measured in this run.

Prints what it measured, then ONE line of JSON with every figure. Nothing is
hard-coded: every ratio compares two timings taken here, on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import SAMPLES, heading, machine, say
from extract_build import load_pages


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="Tilda sample pages")
    parser.add_argument("--repeat", type=int, default=7, help="runs per side in part 1")
    parser.add_argument("--mt-repeat", type=int, default=2, help="runs of locpipe and bare MT")
    parser.add_argument("--segments", type=int, default=300, help="MT segments, about")
    parser.add_argument(
        "--budget", type=float, default=500.0, help="seconds the whole bench may take, about"
    )
    parser.add_argument("--no-beam1", action="store_true", help="skip the beam 1 comparison")
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-mt", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    return parser.parse_args(argv)


def print_machine(info: dict[str, Any]) -> None:
    heading("Machine")
    say(f"nproc {info['nproc']}, CPU {info['cpu']}")
    say(f"Python {info['python']} on {info['platform']}")
    say("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in info["load_average"]))
    say("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))


def rounded(value: Any) -> Any:
    """Floats to 4 decimals, in nested dicts, lists and tuples too."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    figures: dict[str, Any] = {"machine": machine()}
    print_machine(figures["machine"])
    pages = load_pages(args.samples) if args.samples.is_dir() else []
    if not pages:
        say(f"\nNo sample pages at {args.samples}: part 1 skipped, MT uses fallback texts.")
    if pages and not args.skip_extract:
        from part1 import run_part1

        figures.update(run_part1(pages, args.repeat))
    if not args.skip_mt:
        from part2 import run_part2

        workdir = Path(tempfile.mkdtemp(prefix="locpipe-bench-"))
        try:
            budget = args.budget - (time.perf_counter() - started)
            figures.update(run_part2(pages, workdir, args, budget))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    if pages and not args.skip_memory:
        from memory import run_memory

        workdir = Path(tempfile.mkdtemp(prefix="locpipe-bench-memory-"))
        try:
            figures.update(run_memory(args.samples, workdir))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    figures["bench_seconds"] = round(time.perf_counter() - started, 1)
    figures["load_average_at_end"] = os.getloadavg()
    heading(f"Done in {figures['bench_seconds']} s")
    say("load average at the end: " + ", ".join(f"{x:.2f}" for x in figures["load_average_at_end"]))
    print(json.dumps(rounded(figures), ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
