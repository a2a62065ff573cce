"""Timing, machine description and report lines shared by the benchmark parts."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / ".." / "shared" / "tilda-samples"
T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs of the same work."""

    runs: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def describe(self) -> str:
        shown = ", ".join(f"{run:.3f}" for run in self.runs)
        return f"best {self.best:.3f} s, median {self.median:.3f} s of {len(self.runs)} [{shown}]"


def time_once(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def time_call(work: Callable[[], T]) -> tuple[float, T]:
    """Seconds taken by ``work`` and what it returned."""
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def time_runs(work: Callable[[], object], repeat: int) -> Timing:
    return Timing(tuple(time_once(work) for _ in range(repeat)))


def ratio(slow: float, fast: float) -> float:
    """How many times ``fast`` beats ``slow`` (both in seconds)."""
    return slow / fast if fast > 0 else float("inf")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, object]:
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
        "versions": {
            name: version(name)
            for name in (
                "locpipe",
                "translate-toolkit",
                "argos-translate-lt",
                "ctranslate2",
                "sentencepiece",
                "numpy",
            )
        },
    }


def say(text: str = "") -> None:
    print(text, flush=True)


def heading(text: str) -> None:
    say()
    say(f"== {text}")
