from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from locpipe.mt.argos import open_argos
from locpipe.mt.engine import CachedEngine, Engine, MTResult, Progress
from locpipe.mt.memory import TranslationMemory
from locpipe.mt.pseudo import PseudoEngine


class Counting:
    """Wraps a real engine and counts what reaches it."""

    def __init__(self, engine: Engine, fail_on_call: int | None = None) -> None:
        self.engine = engine
        self.calls: list[list[str]] = []
        self.fail_on_call = fail_on_call

    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def identity(self) -> str:
        return self.engine.identity

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        self.calls.append(list(texts))
        if self.fail_on_call == len(self.calls):
            raise KeyboardInterrupt  # as if the run were killed here
        return self.engine.translate(texts, progress)

    @property
    def texts(self) -> list[str]:
        return [text for call in self.calls for text in call]


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory(tmp_path / "memory.sqlite") as opened:
        yield opened


TEXTS = ["Hello", "Read <a>more</a>", "Hello", "Bye", "Hello"]


def test_second_run_makes_no_engine_call(memory: TranslationMemory) -> None:
    inner = Counting(PseudoEngine())
    first = CachedEngine(inner, memory).translate(TEXTS)
    assert first == PseudoEngine().translate(TEXTS)
    assert sorted(inner.texts) == ["Bye", "Hello", "Read <a>more</a>"]  # each text once
    inner.calls.clear()
    again = CachedEngine(inner, memory)
    assert again.translate(TEXTS) == first
    assert inner.calls == []
    assert (again.hits, again.misses) == (5, 0)


def test_counts_and_progress(memory: TranslationMemory) -> None:
    engine = CachedEngine(PseudoEngine(), memory, chunk_size=1)
    engine.translate(["Hello"])
    done: list[int] = []
    engine.translate(TEXTS, progress=done.append)
    assert (engine.hits, engine.misses) == (0 + 3, 1 + 2)
    assert sum(done) == len(TEXTS)
    assert done[0] == 3  # the hits, reported at once


def test_a_killed_run_keeps_the_chunks_it_finished(memory: TranslationMemory) -> None:
    texts = [f"text {i}" for i in range(10)]
    killed = Counting(PseudoEngine(), fail_on_call=3)
    with pytest.raises(KeyboardInterrupt):
        CachedEngine(killed, memory, chunk_size=3).translate(texts)
    assert len(memory) == 6
    rerun = Counting(PseudoEngine())
    CachedEngine(rerun, memory, chunk_size=3).translate(texts)
    assert len(rerun.texts) == 4


def test_another_engine_identity_does_not_reuse(memory: TranslationMemory) -> None:
    CachedEngine(PseudoEngine(), memory).translate(["Hello"])

    class OtherPseudo(PseudoEngine):
        identity = "pseudo:2"

    other = Counting(OtherPseudo())
    CachedEngine(other, memory).translate(["Hello"])
    assert other.texts == ["Hello"]


def test_argos_engine_second_run_makes_no_model_call(
    memory: TranslationMemory, en_ru_file: Path, tmp_path: Path
) -> None:
    argos = open_argos("en", "ru", model_file=en_ru_file, cache_dir=tmp_path / "cache")
    texts = ["The outer hatch opened slowly.", "Below him the Earth turned slowly."]
    first = CachedEngine(argos, memory).translate(texts)
    batches = argos.models[0].stats.batches
    assert batches > 0
    again = CachedEngine(argos, memory)
    assert again.translate(texts) == first
    assert argos.models[0].stats.batches == batches
    assert again.hits == 2
