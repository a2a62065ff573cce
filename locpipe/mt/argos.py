"""Argos Translate packages run directly through CTranslate2 and SentencePiece.

Argos Translate itself translates one paragraph per call, splits sentences
with a model it downloads on first use, lets a bad input decode for 256
tokens and turns every "_" of the output into a space. Here the package's
model is driven directly: inputs are deduplicated, long ones split into
sentences by rule (``sentences.py``), sorted by token length and sent in
batches whose decoding length is capped relative to their longest input.
Markup is protected around all this by ``placeholders.py``. When no package
translates the pair directly, two are chained through English.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from locpipe.errors import EngineError, ModelPackageError
from locpipe.mt import packages
from locpipe.mt.engine import EngineRequest, MTResult, Progress, report_done
from locpipe.mt.placeholders import translate_markup
from locpipe.mt.sentences import join, split_long
from locpipe.mt.typograph import base_language
from locpipe.settings import setting

PIVOT = "en"

# CTranslate2's compute types (ctranslate2.get_supported_compute_types lists a device's).
COMPUTE_TYPES = (
    "auto",
    "default",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)
DEVICES = ("cpu", "cuda", "auto")  # "auto": CUDA when CTranslate2 sees a GPU, else the CPU


@dataclass(frozen=True)
class ArgosConfig:
    """The ``[engine.argos]`` table of the settings: which package, and how CTranslate2 runs."""

    model: str | None = setting(None, non_empty=True)  # an .argosmodel file used as it is
    packages_dir: str | None = setting(None, non_empty=True)  # default: Argos' own folder
    index_url: str | None = setting(None, non_empty=True)  # argospm-compatible package index
    beam_size: int = setting(4, ge=1)
    batch_size: int = setting(32, ge=1)  # max sentences per CTranslate2 batch
    inter_threads: int = setting(1, ge=1)
    intra_threads: int = setting(0, ge=0)  # 0: CTranslate2 picks (all cores)
    compute_type: str = setting("auto", choices=COMPUTE_TYPES)
    device: str = setting("cpu", choices=DEVICES)


@dataclass(frozen=True)
class ArgosSettings:
    """How CTranslate2 runs a package's model.

    Measured on a 2-core CPU with a model of Argos' usual size (Transformer
    base, int8): batching runs 4-5x faster than Argos' one call per segment;
    batches of 16-64 and inter/intra thread splits differ by less than the
    noise; beam 1 is 3x faster than beam 4, but Argos' beam 4 is kept for
    quality; float32 is 2x slower than the int8 the packages are saved in.
    """

    beam_size: int = 4
    max_batch_size: int = 32  # sentences per translate_batch call
    inter_threads: int = 1  # batches decoded in parallel
    intra_threads: int = 0  # threads per batch; 0: CTranslate2 uses every core
    compute_type: str = "auto"  # "int8", "float32", ...; "auto": what the model was saved in
    device: str = "cpu"
    length_penalty: float = 0.2  # as Argos Translate
    max_decoding_ratio: float = 2.0  # output tokens allowed per input token ...
    max_decoding_extra: int = 10  # ... plus this many
    max_decoding_cap: int = 256
    sentence_split_chars: int = 200  # longer inputs are split into sentences
    chunk_size: int = 256  # texts translated between two progress reports

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> ArgosSettings:
        """Settings from a config table; keys that are not settings are ignored."""
        names = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in names})

    def decoding_length(self, longest_input: int) -> int:
        limit = math.ceil(self.max_decoding_ratio * longest_input) + self.max_decoding_extra
        return max(1, min(self.max_decoding_cap, limit))


def file_digest(path: Path, length: int = 12) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:length]


@dataclass
class ModelStats:
    """What a model did: for tests and benchmarks."""

    batches: int = 0
    sentences: int = 0


@dataclass
class ArgosModel:
    """One installed (or unpacked) package's model, loaded on first use."""

    package: packages.PackageInfo
    folder: Path
    settings: ArgosSettings = field(default_factory=ArgosSettings)
    stats: ModelStats = field(default_factory=ModelStats)
    _translator: Any = field(default=None, init=False, repr=False)
    _tokenizer: Any = field(default=None, init=False, repr=False)
    _identity: str | None = field(default=None, init=False, repr=False)

    @property
    def identity(self) -> str:
        """``translate-en_ru-1_9@<sha256 of model.bin, 12 hex digits>``."""
        if self._identity is None:
            weights = self.folder / "model" / "model.bin"
            try:
                digest = file_digest(weights)
            except OSError as error:
                raise EngineError(f"cannot read the model: {error}", path=weights) from error
            self._identity = f"{self.package.name}@{digest}"
        return self._identity

    def _load(self) -> tuple[Any, Any]:
        if self._translator is None:
            try:
                import ctranslate2
                import sentencepiece
            except ImportError as error:
                raise EngineError(
                    f"the argos engine needs {error.name}", hint="pip install locpipe again"
                ) from error
            tokenizer_path = self.folder / "sentencepiece.model"
            try:
                self._tokenizer = sentencepiece.SentencePieceProcessor(
                    model_file=str(tokenizer_path)
                )
            except (OSError, RuntimeError) as error:
                raise EngineError(f"cannot load: {error}", path=tokenizer_path) from error
            options: dict[str, Any] = {
                "device": self.settings.device,
                "inter_threads": self.settings.inter_threads,
                "intra_threads": self.settings.intra_threads,
            }
            if self.settings.compute_type != "auto":
                options["compute_type"] = self.settings.compute_type
            try:
                self._translator = ctranslate2.Translator(str(self.folder / "model"), **options)
            except (RuntimeError, ValueError) as error:
                raise EngineError(
                    f"cannot load the model: {error}", path=self.folder / "model"
                ) from error
        return self._translator, self._tokenizer

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        """Translate each (short, plain) input; batches are formed by token length."""
        translator, tokenizer = self._load()
        encoded: list[list[str]] = tokenizer.encode(list(sentences), out_type=str)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        size = max(1, self.settings.max_batch_size)
        batches = [order[start : start + size] for start in range(0, len(order), size)]
        pending = [self._submit(translator, [encoded[i] for i in batch]) for batch in batches]
        outputs = [""] * len(encoded)
        for batch, results in zip(batches, pending, strict=True):
            for index, result in zip(batch, results, strict=True):
                outputs[index] = self._decode(tokenizer, result.result().hypotheses[0])
        self.stats.batches += len(batches)
        self.stats.sentences += len(encoded)
        return outputs

    def _submit(self, translator: Any, batch: list[list[str]]) -> list[Any]:
        prefix = self.package.target_prefix
        try:
            results: list[Any] = translator.translate_batch(
                batch,
                target_prefix=[[prefix]] * len(batch) if prefix else None,
                beam_size=self.settings.beam_size,
                length_penalty=self.settings.length_penalty,
                max_decoding_length=self.settings.decoding_length(max(map(len, batch))),
                replace_unknowns=True,
                asynchronous=True,  # with inter_threads > 1, batches run side by side
            )
        except (RuntimeError, ValueError) as error:
            raise EngineError(f"the model failed: {error}", path=self.folder) from error
        return results

    def _decode(self, tokenizer: Any, pieces: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and pieces[:1] == [prefix]:
            pieces = pieces[1:]
        text: str = tokenizer.decode(pieces)
        return text.strip()


class ArgosEngine:
    """Translates msgids with one package, or two chained through English."""

    name = "argos"

    def __init__(
        self,
        models: Sequence[ArgosModel],
        source_lang: str,
        target_lang: str,
        settings: ArgosSettings | None = None,
    ) -> None:
        if not models:
            raise ValueError("an ArgosEngine needs at least one model")
        self.models = list(models)
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.settings = settings or ArgosSettings()

    @property
    def identity(self) -> str:
        return "argos:" + "+".join(model.identity for model in self.models)

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        counts = Counter(texts)
        unique = sorted(counts, key=len)  # chunks of similar length make full, unpadded batches
        done: dict[str, MTResult] = {}
        size = max(1, self.settings.chunk_size)
        for start in range(0, len(unique), size):
            chunk = unique[start : start + size]
            results = translate_markup(chunk, self.translate_plain, self.target_lang)
            done.update(zip(chunk, results, strict=True))
            report_done(progress, counts, chunk)
        return [done[text] for text in texts]

    def translate_plain(self, texts: Sequence[str]) -> list[str]:
        """Plain text through the model(s): long texts by sentence, each sentence once."""
        splits = [
            split_long(text, self.settings.sentence_split_chars, self.source_lang) for text in texts
        ]
        current = list(dict.fromkeys(s for sentences, _ in splits for s in sentences if s.strip()))
        originals = list(current)
        for model in self.models:
            current = model.translate_sentences(current) if current else []
        translated = dict(zip(originals, current, strict=True))
        return [
            join([translated.get(s, s) for s in sentences], separators)
            for sentences, separators in splits
        ]


def argos_codes(locale: str) -> list[str]:
    """Argos language codes that can stand for a locale, best first: ``pt_BR`` -> pb, pt."""
    base = base_language(locale)
    region = locale.replace("-", "_").split("_")[1:]
    tail = region[0].lower() if region else ""
    if base == "zh" and tail in ("tw", "hk", "mo", "hant"):
        return ["zt", "zh"]
    if base == "pt" and tail == "br":
        return ["pb", "pt"]
    return [base]


def find_route(
    source_lang: str, target_lang: str, packages_dir: Path
) -> list[packages.PackageInfo] | None:
    """Installed packages that translate source into target: one, or two through English."""
    installed = packages.list_installed(packages_dir)

    def best(src: str, tgt: str) -> packages.PackageInfo | None:
        matching = [p for p in installed if (p.from_code, p.to_code) == (src, tgt)]
        return max(matching, key=lambda p: packages.version_key(p.package_version), default=None)

    sources, targets = argos_codes(source_lang), argos_codes(target_lang)
    for src in sources:
        for tgt in targets:
            direct = best(src, tgt)
            if direct is not None:
                return [direct]
    for src in sources:
        for tgt in targets:
            if PIVOT in (src, tgt):
                continue
            first, second = best(src, PIVOT), best(PIVOT, tgt)
            if first is not None and second is not None:
                return [first, second]
    return None


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    root = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "locpipe" / "models"


def unpack_model_file(model_file: Path, cache_dir: Path) -> tuple[packages.PackageInfo, Path]:
    """Unpack a package file (once per content) into ``cache_dir`` without installing it."""
    info = packages.validate_archive(model_file)
    folder = cache_dir / f"{info.name}-{file_digest(model_file)}"
    if not (folder / "metadata.json").is_file():
        folder = packages.extract_archive(model_file, cache_dir, folder.name)
    return info, folder


def open_argos(
    source_lang: str,
    target_lang: str,
    *,
    packages_dir: Path | None = None,
    model_file: Path | None = None,
    cache_dir: Path | None = None,
    settings: ArgosSettings | None = None,
) -> ArgosEngine:
    """An engine for the language pair, from a package file or the installed packages."""
    settings = settings or ArgosSettings()
    if model_file is not None:
        info, folder = unpack_model_file(model_file, cache_dir or default_cache_dir())
        if info.from_code not in argos_codes(source_lang) or info.to_code not in argos_codes(
            target_lang
        ):
            raise ModelPackageError(
                f"wrong language pair: the package translates {info.from_code}->{info.to_code},"
                f" the project needs {source_lang}->{target_lang}",
                path=model_file,
            )
        models = [ArgosModel(info, folder, settings)]
    else:
        where = packages_dir or packages.default_packages_dir()
        route = find_route(source_lang, target_lang, where)
        if route is None:
            pair = f"{argos_codes(source_lang)[0]} {argos_codes(target_lang)[0]}"
            raise EngineError(
                f"no Argos package translates {source_lang}->{target_lang}"
                f" (directly or through {PIVOT})",
                path=where,
                hint="install a package: locpipe models install FILE, "
                f"or locpipe models install {pair} where there is network",
            )
        models = [ArgosModel(info, info.path or where / info.folder, settings) for info in route]
    return ArgosEngine(models, source_lang, target_lang, settings)


def open_configured(config: ArgosConfig, request: EngineRequest) -> ArgosEngine:
    """The engine the ``[engine.argos]`` table asks for (the engine registry's opener)."""
    return open_argos(
        request.source_lang,
        request.target_lang,
        packages_dir=_project_path(request.root, config.packages_dir),
        model_file=_project_path(request.root, config.model),
        cache_dir=request.cache_dir,
        settings=ArgosSettings(
            beam_size=config.beam_size,
            max_batch_size=config.batch_size,
            inter_threads=config.inter_threads,
            intra_threads=config.intra_threads,
            compute_type=config.compute_type,
            device=config.device,
        ),
    )


def _project_path(root: Path, value: str | None) -> Path | None:
    return None if value is None else (root / value).resolve()
