"""The machine translation engine protocol, its result type, and the caching wrapper.

An engine turns msgids (text with attribute-free placeholder tags, ``&amp;``
``&lt;`` ``&gt;`` entities and U+00A0 no-break spaces) into drafts written the
same way. Batching lives inside each engine; caching is a wrapper around any
engine, keyed by the engine's ``identity``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from locpipe.mt.memory import TranslationMemory

Progress = Callable[[int], None]
"""Called with how many more of the input texts are done (count duplicates too)."""


@dataclass(frozen=True)
class EngineRequest:
    """What every engine is opened for: a language pair, in a project."""

    source_lang: str
    target_lang: str
    root: Path  # relative paths in an engine's settings are relative to it
    cache_dir: Path  # where an engine may keep unpacked models


@dataclass(frozen=True)
class MTResult:
    """One machine translation and what went wrong while producing it."""

    text: str
    warnings: tuple[str, ...] = ()


class Engine(Protocol):
    """Translates msgids into one target language."""

    @property
    def name(self) -> str:
        """Engine kind: "argos", "pseudo"."""
        ...

    @property
    def identity(self) -> str:
        """Engine, model and version: the translation memory key and the PO's record."""
        ...

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        """One result per text, in order."""
        ...


def report_done(progress: Progress | None, counts: Counter[str], done: Sequence[str]) -> None:
    """Tell ``progress`` that the unique texts ``done`` are finished, counting duplicates."""
    if progress is not None and done:
        progress(sum(counts[text] for text in done))


class CachedEngine:
    """Looks texts up in a translation memory and translates only the misses.

    Misses are deduplicated, sorted by length (so the engine's batches pad
    little) and translated ``chunk_size`` at a time; each chunk is stored before
    the next starts, so a killed run keeps what it already paid for.
    ``hits`` and ``misses`` count input texts, duplicates included.
    """

    def __init__(self, engine: Engine, memory: TranslationMemory, chunk_size: int = 64) -> None:
        self.engine = engine
        self.memory = memory
        self.chunk_size = max(1, chunk_size)
        self.hits = 0
        self.misses = 0

    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def identity(self) -> str:
        return self.engine.identity

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        counts = Counter(texts)
        identity = self.engine.identity
        found = self.memory.get_many(identity, list(counts))
        todo = sorted((text for text in counts if text not in found), key=len)
        self.hits += sum(counts[text] for text in found)
        self.misses += sum(counts[text] for text in todo)
        report_done(progress, counts, list(found))
        for start in range(0, len(todo), self.chunk_size):
            chunk = todo[start : start + self.chunk_size]
            results = self.engine.translate(chunk)
            fresh = dict(zip(chunk, results, strict=True))
            self.memory.put_many(identity, fresh)
            found.update(fresh)
            report_done(progress, counts, chunk)
        return [found[text] for text in texts]
