"""Part 2: machine translation speed of Argos Translate, locpipe's engine and a bare batch.

All three run the same package, beam and threads; each timed run follows an
untimed warm-up call that loads the model. The bench model copies its input,
so each contestant's output is checked against its input: proof that it did
all the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from argos_baseline import ArgosBaseline
from common import Timing, time_call


@dataclass(frozen=True)
class MTSetup:
    package_dir: Path
    packages_dir: Path
    from_code: str
    to_code: str
    settings: Any  # locpipe.mt.argos.ArgosSettings, shared by all contestants

    def cap(self, longest_input: int) -> int:
        return int(self.settings.decoding_length(longest_input))


@dataclass
class Recorder:
    """Stands in for a model inside locpipe's engine: records what it would send to CT2."""

    sentences: list[str] = field(default_factory=list)

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        self.sentences.extend(sentences)
        return list(sentences)


def model_inputs(setup: MTSetup, texts: Sequence[str]) -> list[str]:
    """The plain sentences locpipe's engine sends to the model for ``texts``, in its order."""
    from locpipe.mt.argos import ArgosEngine

    recorder = Recorder()
    engine = ArgosEngine([recorder], setup.from_code, setup.to_code, setup.settings)  # type: ignore[list-item]
    engine.translate(texts)
    return recorder.sentences


def open_locpipe(setup: MTSetup, beam_size: int) -> Any:
    from locpipe.mt.argos import open_argos

    settings = replace(setup.settings, beam_size=beam_size)
    engine = open_argos(
        setup.from_code, setup.to_code, packages_dir=setup.packages_dir, settings=settings
    )
    engine.translate(["Warm up."])
    return engine


@dataclass
class BareBatch:
    """Tokenize, sort by length, ``translate_batch`` per batch, detokenize: nothing else."""

    setup: MTSetup
    translator: Any
    tokenizer: Any

    def translate(self, sentences: Sequence[str], beam_size: int) -> list[str]:
        encoded: list[list[str]] = self.tokenizer.encode(list(sentences), out_type=str)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        size = self.setup.settings.max_batch_size
        outputs = [""] * len(encoded)
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            tokens = [encoded[i] for i in batch]
            results = self.translator.translate_batch(
                tokens,
                beam_size=beam_size,
                length_penalty=self.setup.settings.length_penalty,
                max_decoding_length=self.setup.cap(max(map(len, tokens))),
                replace_unknowns=True,
            )
            for index, result in zip(batch, results, strict=True):
                outputs[index] = self.tokenizer.decode(result.hypotheses[0])
        return outputs


def open_bare(setup: MTSetup) -> BareBatch:
    import ctranslate2
    import sentencepiece

    settings = setup.settings
    translator = ctranslate2.Translator(
        str(setup.package_dir / "model"),
        device="cpu",
        inter_threads=settings.inter_threads,
        intra_threads=settings.intra_threads,
    )
    tokenizer = sentencepiece.SentencePieceProcessor(
        model_file=str(setup.package_dir / "sentencepiece.model")
    )
    bare = BareBatch(setup, translator, tokenizer)
    bare.translate(["Warm up."], beam_size=1)
    return bare


@dataclass(frozen=True)
class BeamResult:
    beam_size: int
    segments: int
    argos: Timing
    locpipe: Timing
    bare: Timing
    copied: dict[str, str]  # contestant -> "outputs equal to inputs / outputs"

    @property
    def speedup_vs_argos(self) -> float:
        return self.argos.best / self.locpipe.best

    @property
    def overhead_vs_bare(self) -> float:
        return self.locpipe.best / self.bare.best - 1

    def rates(self) -> dict[str, float]:
        return {
            "argos_segments_per_s": self.segments / self.argos.best,
            "locpipe_segments_per_s": self.segments / self.locpipe.best,
            "bare_batch_segments_per_s": self.segments / self.bare.best,
        }


def copied(inputs: Sequence[str], outputs: Sequence[str]) -> str:
    same = sum(a.strip() == b.strip() for a, b in zip(inputs, outputs, strict=True))
    return f"{same}/{len(inputs)}"


def slices(items: Sequence[str], count: int) -> list[Sequence[str]]:
    """``items`` cut into ``count`` consecutive parts of (nearly) equal size."""
    bounds = [round(index * len(items) / count) for index in range(count + 1)]
    return [items[bounds[i] : bounds[i + 1]] for i in range(count)]


def compare_at_beam(
    setup: MTSetup,
    texts: Sequence[str],
    argos: ArgosBaseline,
    bare: BareBatch,
    beam_size: int,
    repeat: int,
) -> BeamResult:
    """Time the three contestants on the same texts, interleaved so that a change in the
    machine's load hits all three: an Argos slice, then bare and locpipe, and so on.
    Argos runs once over all texts (it is the slow one); its time is the sum of its slices."""
    sentences = model_inputs(setup, texts)
    engine = open_locpipe(setup, beam_size)
    runs: dict[str, list[float]] = {"argos": [], "bare": [], "locpipe": []}
    argos_out: list[str] = []
    parts = slices(texts, repeat + 1)
    for index, part in enumerate(parts):
        seconds, translated = time_call(partial(argos.translate_each, part, beam_size))
        runs["argos"].append(seconds)
        argos_out.extend(translated)
        if index == len(parts) - 1:
            break
        seconds, bare_out = time_call(lambda: bare.translate(sentences, beam_size))
        runs["bare"].append(seconds)
        seconds, locpipe_out = time_call(lambda: engine.translate(texts))
        runs["locpipe"].append(seconds)
    checks = {
        "argos": copied(texts, argos_out),
        "locpipe": copied(texts, [result.text for result in locpipe_out]),
        "bare": copied(sentences, bare_out),
    }
    return BeamResult(
        beam_size,
        len(texts),
        Timing((sum(runs["argos"]),)),
        Timing(tuple(runs["locpipe"])),
        Timing(tuple(runs["bare"])),
        checks,
    )


@dataclass(frozen=True)
class TokenCounts:
    argos: int  # tokens of the whole msgids Argos gets
    locpipe: int  # tokens of the plain sentences locpipe (and the bare batch) send
    argos_longer_than_cap: int  # msgids Argos cannot copy whole: output stops at 256 tokens


ARGOS_DEFAULT_CAP = 256  # CTranslate2's max_decoding_length, which Argos leaves as is


def token_counts(bare: BareBatch, texts: Sequence[str], sentences: Sequence[str]) -> TokenCounts:
    def lengths(items: Sequence[str]) -> list[int]:
        return [len(tokens) for tokens in bare.tokenizer.encode(list(items), out_type=str)]

    argos = lengths(texts)
    over = sum(length >= ARGOS_DEFAULT_CAP for length in argos)
    return TokenCounts(sum(argos), sum(lengths(sentences)), over)
