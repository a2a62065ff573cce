"""Part 3: peak memory of ``locpipe extract`` and ``locpipe build`` as a site grows.

A generated site repeats the sample pages that have a ``<title>``, each copy with a
title of its own (so every page adds at least one entry to the catalog), at two
sizes. Each command runs in a process of its own and its peak resident set size is
read from the kernel (``VmHWM``); the figure that matters is the ratio of the large
site's peak to the small one's, which stays near 1 when memory does not grow with
the number of pages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from common import heading, say

SIZES = (200, 2000)
TITLE = re.compile(rb"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    """One command on one generated site: wall time and peak RSS."""

    seconds: float
    peak_rss_mb: float


def titled_pages(samples: Path) -> list[bytes]:
    """The sample pages that carry a ``<title>`` (body fragments have none)."""
    pages = [path.read_bytes() for path in sorted(samples.rglob("*.htm*"))]
    return [page for page in pages if TITLE.search(page)]


def with_title(page: bytes, number: int) -> bytes:
    """``page`` with its title made unique by a page number."""
    return TITLE.sub(lambda m: b"<title>Page %d: " % number + m.group(1) + b"</title>", page, 1)


def generate_site(root: Path, pages: Sequence[bytes], count: int) -> None:
    """A locpipe project of ``count`` pages, English to Russian, pseudo engine."""
    source = root / "source"
    source.mkdir(parents=True)
    for number in range(count):
        page = with_title(pages[number % len(pages)], number)
        (source / f"page{100000 + number}.html").write_bytes(page)
    (root / "locpipe.toml").write_text(
        'source_lang = "en"\ntarget_langs = ["ru"]\n\n[engine]\nname = "pseudo"\n',
        encoding="utf-8",
    )


# The child reports its own peak from /proc: the kernel's rusage of a child counts the
# memory of the parent it was forked from (a bench that has loaded models is large).
_CHILD = """
import atexit, os, runpy, sys

def report():
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM:")).split()[1]
    with open(os.environ["LOCPIPE_BENCH_PEAK"], "w") as out:
        out.write(peak)

atexit.register(report)
sys.argv = ["locpipe", *sys.argv[1:]]
runpy.run_module("locpipe", run_name="__main__")
"""


def run_measured(args: Sequence[str], cwd: Path) -> Run:
    """Run a locpipe command in its own process; its wall time and peak RSS."""
    peak_file = cwd / ".peak-kb"
    environment = {**os.environ, "LOCPIPE_BENCH_PEAK": str(peak_file)}
    start = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        errors = process.stderr.decode("utf-8", "replace")
        raise RuntimeError(f"{' '.join(args)} failed ({process.returncode}): {errors[-500:]}")
    peak_kb = int(peak_file.read_text(encoding="ascii"))
    peak_file.unlink()
    return Run(seconds=seconds, peak_rss_mb=peak_kb / 1024)


def measure_size(workdir: Path, pages: Sequence[bytes], count: int) -> dict[str, Run]:
    root = workdir / f"site-{count}"
    generate_site(root, pages, count)
    runs = {"extract": run_measured(["extract"], root)}
    run_measured(["translate"], root)  # a real catalog for the build; not what is measured
    runs["build"] = run_measured(["build", "--fuzzy"], root)
    for command, run in runs.items():
        say(
            f"{count:>5} pages: {command:<7} peak RSS {run.peak_rss_mb:6.1f} MB,"
            f" {run.seconds:6.1f} s ({count / run.seconds:.0f} pages/s)"
        )
    shutil.rmtree(root)
    return runs


def run_memory(samples: Path, workdir: Path) -> dict[str, float]:
    heading(f"Part 3: peak memory, generated sites of {SIZES[0]} and {SIZES[1]} pages")
    pages = titled_pages(samples)
    if not pages:
        say("no sample page with a <title>: part 3 skipped")
        return {}
    say(f"{len(pages)} sample pages with a title, repeated with distinct titles")
    small, large = (measure_size(workdir, pages, count) for count in SIZES)
    figures: dict[str, float] = {}
    for command in ("extract", "build"):
        growth = large[command].peak_rss_mb / small[command].peak_rss_mb
        say(f"{command}: peak RSS {SIZES[1]} over {SIZES[0]} pages = {growth:.2f}")
        figures[f"{command}_rss_ratio_{SIZES[1]}_vs_{SIZES[0]}"] = growth
        figures[f"{command}_peak_rss_mb_{SIZES[1]}"] = large[command].peak_rss_mb
        figures[f"{command}_peak_rss_mb_{SIZES[0]}"] = small[command].peak_rss_mb
    return figures
