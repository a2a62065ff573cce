"""Build locpipe's tiny test Argos Translate packages (en->ru and ru->en).

The packages are real: a SentencePiece model, a CTranslate2 Transformer and Argos
metadata zipped as ``translate-<from>_<to>-0_1.argosmodel``. The model is trained
here, on CPU, only on locpipe's own corpus (``tools/corpus/en_ru.tsv``) and, when
it exists, on the reviewed pairs of the example site's catalog
(``locales/ru/LC_MESSAGES/site.po``), until it reproduces those sentences.
It knows nothing else: it is a test fixture, not a translator.

Needs the dev-only training environment (never the runtime venv)::

    python3 -m venv /tmp/train-venv
    /tmp/train-venv/bin/pip install torch==2.13.0 ctranslate2 sentencepiece polib
    /tmp/train-venv/bin/python tools/build_test_model.py [--out DIR] [--pair en_ru|ru_en|both]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F  # noqa: N812 (the conventional name)
from torch import Tensor, nn

REPO = Path(__file__).resolve().parents[1]
CORPUS_PATH = REPO / "tools" / "corpus" / "en_ru.tsv"
CATALOG_PATH = REPO / "locales" / "ru" / "LC_MESSAGES" / "site.po"
DEFAULT_OUT = REPO / "tests" / "fixtures" / "models"

PACKAGE_VERSION = "0.1"
LANGUAGE_NAMES = {"en": "English", "ru": "Russian"}
PLACEHOLDER_TAGS = [
    "<a>", "</a>", "<strong>", "</strong>", "<em>", "</em>", "<b>", "</b>",
    "<span>", "</span>", "<u>", "</u>", "<br>",
]  # fmt: skip
UNK, BOS, EOS, PAD = 0, 1, 2, 3  # CTranslate2 expects <unk> <s> </s> in this order
MAX_CATALOG_ENTRY_CHARS = 300
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SEED = 1965


@dataclass(frozen=True)
class Pair:
    source: str
    target: str


@dataclass(frozen=True)
class TrainConfig:
    vocab_size: int = 1600
    d_model: int = 128
    heads: int = 4
    encoder_layers: int = 2
    decoder_layers: int = 2
    ffn: int = 512
    max_positions: int = 512
    dropout: float = 0.0  # the aim is to memorize the corpus
    label_smoothing: float = 0.1
    input_noise: float = 0.15
    epochs: int = 200
    batch_tokens: int = 1200
    peak_lr: float = 2e-3
    warmup_steps: int = 200
    beam_size: int = 4
    # CTranslate2's default, and the one locpipe and Argos Translate use
    length_penalties: tuple[float, ...] = (1.0, 0.2)


@dataclass(frozen=True)
class TrainResult:
    parameters: int
    steps: int
    seconds: float
    cpu_seconds: float
    final_loss: float
    stopped_early: bool


# ---------------------------------------------------------------- corpus


class CorpusError(Exception):
    """A line of the corpus that is not a pair, or a pair that contradicts another."""


def normalize_text(text: str) -> str:
    """One space for each run of whitespace (U+00A0 included), none at the ends."""
    return " ".join(text.replace("\u00a0", " ").split())


def decode_entities(text: str) -> str:
    """Msgids spell a text & < > as entities; locpipe hands the model plain characters."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def read_corpus(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            raise CorpusError(f"{path}:{number}: expected 'en<TAB>ru'")
        pairs.append(Pair(normalize_text(fields[0]), normalize_text(fields[1])))
    return pairs


# Hand-written because the tool must not depend on locpipe's own splitter and only
# needs to agree with itself on both sides of a reviewed pair.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(<]?[A-ZА-ЯЁ0-9])")


def split_sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


def read_catalog_pairs(path: Path) -> list[Pair]:
    """Reviewed (translated, non-fuzzy) entries of a PO file, split into sentence pairs."""
    import polib

    pairs: list[Pair] = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.fuzzy or entry.msgid_plural or not entry.translated():
            continue
        source = normalize_text(decode_entities(entry.msgid))
        target = normalize_text(decode_entities(entry.msgstr))
        source_sentences, target_sentences = split_sentences(source), split_sentences(target)
        if len(source_sentences) == len(target_sentences) > 1:
            pairs.extend(map(Pair, source_sentences, target_sentences))
        elif max(len(source), len(target)) <= MAX_CATALOG_ENTRY_CHARS:
            pairs.append(Pair(source, target))
    return pairs


def combine_pairs(preferred: Sequence[Pair], rest: Sequence[Pair]) -> tuple[list[Pair], int]:
    """Pairs with each side unique, so both directions have one answer; first wins."""
    seen_sources: set[str] = set()
    seen_targets: set[str] = set()
    kept: list[Pair] = []
    for pair in [*preferred, *rest]:
        if pair.source in seen_sources or pair.target in seen_targets:
            continue
        seen_sources.add(pair.source)
        seen_targets.add(pair.target)
        kept.append(pair)
    return kept, len(preferred) + len(rest) - len(kept)


def check_corpus_consistent(pairs: Sequence[Pair]) -> None:
    """The team's corpus must not translate one sentence two ways (either direction)."""
    by_source: dict[str, str] = {}
    by_target: dict[str, str] = {}
    for pair in pairs:
        for index, key, value in (
            (by_source, pair.source, pair.target),
            (by_target, pair.target, pair.source),
        ):
            if index.setdefault(key, value) != value:
                raise CorpusError(f"{key!r} has two translations: {index[key]!r}, {value!r}")


# ---------------------------------------------------------------- tokenizer


def train_sentencepiece(texts: Sequence[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_writer=model,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        unk_id=UNK,
        bos_id=BOS,
        eos_id=EOS,
        pad_id=PAD,
        user_defined_symbols=PLACEHOLDER_TAGS,
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return model.getvalue()


# ---------------------------------------------------------------- model


def sinusoidal_table(positions: int, d_model: int) -> Tensor:
    """The position table used in training; it is exported as is to CTranslate2."""
    position = torch.arange(positions, dtype=torch.float32).unsqueeze(1)
    frequency = torch.exp(
        torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model)
    )
    table = torch.zeros(positions, d_model)
    table[:, 0::2] = torch.sin(position * frequency)
    table[:, 1::2] = torch.cos(position * frequency)
    return table


class Attention(nn.Module):
    def __init__(self, d_model: int, heads: int, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.dropout = dropout
        self.norm = nn.LayerNorm(d_model, eps=1e-6)
        self.query = nn.Linear(d_model, d_model)
        self.key = nn.Linear(d_model, d_model)
        self.value = nn.Linear(d_model, d_model)
        self.output = nn.Linear(d_model, d_model)

    def _split(self, x: Tensor) -> Tensor:
        batch, length, width = x.shape
        return x.view(batch, length, self.heads, width // self.heads).transpose(1, 2)

    def forward(self, x: Tensor, memory: Tensor | None, mask: Tensor) -> Tensor:
        """Pre-norm attention with its residual; ``mask`` is True where attending is allowed."""
        normed = self.norm(x)
        keys_from = normed if memory is None else memory
        attended = F.scaled_dot_product_attention(
            self._split(self.query(normed)),
            self._split(self.key(keys_from)),
            self._split(self.value(keys_from)),
            attn_mask=mask,
            dropout_p=self.dropout if self.training else 0.0,
        )
        batch, _, length, _ = attended.shape
        merged = attended.transpose(1, 2).reshape(batch, length, -1)
        return x + F.dropout(self.output(merged), self.dropout, self.training)


class FeedForward(nn.Module):
    def __init__(self, d_model: int, ffn: int, dropout: float) -> None:
        super().__init__()
        self.dropout = dropout
        self.norm = nn.LayerNorm(d_model, eps=1e-6)
        self.inner = nn.Linear(d_model, ffn)
        self.outer = nn.Linear(ffn, d_model)

    def forward(self, x: Tensor) -> Tensor:
        hidden = F.dropout(F.relu(self.inner(self.norm(x))), self.dropout, self.training)
        return x + F.dropout(self.outer(hidden), self.dropout, self.training)


class EncoderLayer(nn.Module):
    def __init__(self, config: TrainConfig) -> None:
        super().__init__()
        self.self_attention = Attention(config.d_model, config.heads, config.dropout)
        self.ffn = FeedForward(config.d_model, config.ffn, config.dropout)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        output: Tensor = self.ffn(self.self_attention(x, None, mask))
        return output


class DecoderLayer(nn.Module):
    def __init__(self, config: TrainConfig) -> None:
        super().__init__()
        self.self_attention = Attention(config.d_model, config.heads, config.dropout)
        self.attention = Attention(config.d_model, config.heads, config.dropout)
        self.ffn = FeedForward(config.d_model, config.ffn, config.dropout)

    def forward(self, x: Tensor, memory: Tensor, self_mask: Tensor, memory_mask: Tensor) -> Tensor:
        x = self.self_attention(x, None, self_mask)
        output: Tensor = self.ffn(self.attention(x, memory, memory_mask))
        return output


class TinyTransformer(nn.Module):
    """Pre-norm Transformer laid out as CTranslate2's TransformerSpec expects.

    One embedding matrix serves the encoder, the decoder and the output projection
    (shared vocabulary); embeddings are scaled by sqrt(d_model) as CTranslate2 does.
    """

    def __init__(self, vocab_size: int, config: TrainConfig) -> None:
        super().__init__()
        self.config = config
        self.embedding = nn.Embedding(vocab_size, config.d_model)
        nn.init.normal_(self.embedding.weight, std=config.d_model**-0.5)
        self.register_buffer("positions", sinusoidal_table(config.max_positions, config.d_model))
        self.encoder_layers = nn.ModuleList(
            EncoderLayer(config) for _ in range(config.encoder_layers)
        )
        self.encoder_norm = nn.LayerNorm(config.d_model, eps=1e-6)
        self.decoder_layers = nn.ModuleList(
            DecoderLayer(config) for _ in range(config.decoder_layers)
        )
        self.decoder_norm = nn.LayerNorm(config.d_model, eps=1e-6)
        self.output_bias = nn.Parameter(torch.zeros(vocab_size))

    def _embed(self, ids: Tensor) -> Tensor:
        positions = self.get_buffer("positions")
        x = self.embedding(ids) * math.sqrt(self.config.d_model) + positions[: ids.shape[1]]
        return F.dropout(x, self.config.dropout, self.training)

    def forward(self, source: Tensor, target_in: Tensor) -> Tensor:
        source_mask = (source != PAD)[:, None, None, :]
        memory = self._embed(source)
        for encoder_layer in self.encoder_layers:
            memory = encoder_layer(memory, source_mask)
        memory = self.encoder_norm(memory)
        length = target_in.shape[1]
        causal = torch.ones(length, length, dtype=torch.bool).tril()[None, None]
        x = self._embed(target_in)
        for decoder_layer in self.decoder_layers:
            x = decoder_layer(x, memory, causal, source_mask)
        return F.linear(self.decoder_norm(x), self.embedding.weight, self.output_bias)


# ---------------------------------------------------------------- training


Example = tuple[list[int], list[int]]


def make_batches(
    examples: Sequence[Example], batch_tokens: int, rng: random.Random
) -> list[list[Example]]:
    """Batches of similar lengths (little padding), in a seeded random order."""
    ordered = sorted(examples, key=lambda example: (len(example[0]), len(example[1])))
    batches: list[list[Example]] = []
    current: list[Example] = []
    for example in ordered:
        longest = max([len(example[0]), len(example[1]) + 1] + [len(e[1]) + 1 for e in current])
        if current and longest * (len(current) + 1) > batch_tokens:
            batches.append(current)
            current = []
        current.append(example)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def to_tensors(batch: Sequence[Example]) -> tuple[Tensor, Tensor, Tensor]:
    source_length = max(len(source) for source, _ in batch)
    target_length = max(len(target) for _, target in batch) + 1
    source = torch.full((len(batch), source_length), PAD, dtype=torch.long)
    target_in = torch.full((len(batch), target_length), PAD, dtype=torch.long)
    target_out = torch.full((len(batch), target_length), PAD, dtype=torch.long)
    for row, (source_ids, target_ids) in enumerate(batch):
        source[row, : len(source_ids)] = torch.tensor(source_ids)
        target_in[row, : len(target_ids) + 1] = torch.tensor([BOS, *target_ids])
        target_out[row, : len(target_ids) + 1] = torch.tensor([*target_ids, EOS])
    return source, target_in, target_out


def learning_rate(step: int, total_steps: int, config: TrainConfig) -> float:
    """Linear warm-up, then cosine decay to zero, so training ends on a settled model."""
    if step < config.warmup_steps:
        return config.peak_lr * (step + 1) / config.warmup_steps
    progress = (step - config.warmup_steps) / max(1, total_steps - config.warmup_steps)
    return config.peak_lr * 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))


def smoothing_distribution(vocab_size: int, smoothing: float) -> Tensor:
    """Label smoothing spread over ordinary tokens only.

    Smoothing towards </s> would teach the model that ending anywhere is merely
    unlikely; CTranslate2's beam search then collects such early endings as
    finished hypotheses and stops before the real translation ends.
    """
    weights = torch.full((vocab_size,), smoothing / (vocab_size - 4))
    weights[[UNK, BOS, EOS, PAD]] = 0.0
    return weights


def smoothed_loss(logits: Tensor, target: Tensor, smoothing: Tensor) -> Tensor:
    log_probs = F.log_softmax(logits, dim=-1)
    keep = target != PAD
    nll = -log_probs.gather(-1, target.unsqueeze(-1)).squeeze(-1)
    spread = -(log_probs * smoothing).sum(-1)
    return ((1.0 - smoothing.sum()) * nll + spread)[keep].mean()


def corrupt_inputs(target_in: Tensor, rate: float, vocab_size: int) -> Tensor:
    """Replace some decoder inputs by random tokens, the targets staying right.

    The model then places each token by the source and its position rather than by
    the previous token, so a beam that went astray returns to the sentence instead
    of finishing it early without a word (which ends CTranslate2's beam search).
    """
    if rate <= 0.0:
        return target_in
    ordinary = (target_in > PAD) & (torch.rand(target_in.shape) < rate)
    random_tokens = torch.randint(PAD + 1, vocab_size, target_in.shape)
    return torch.where(ordinary, random_tokens, target_in)


def train(
    examples: Sequence[Example], vocab_size: int, config: TrainConfig, seconds: float
) -> tuple[TinyTransformer, TrainResult]:
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    model = TinyTransformer(vocab_size, config)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.peak_lr, betas=(0.9, 0.98), eps=1e-9)
    smoothing = smoothing_distribution(vocab_size, config.label_smoothing)
    steps_per_epoch = len(make_batches(examples, config.batch_tokens, random.Random(0)))
    total_steps = steps_per_epoch * config.epochs
    started, started_cpu = time.monotonic(), time.process_time()
    step, loss_value, stopped_early = 0, float("nan"), False
    model.train()
    for _ in range(config.epochs):
        for batch in make_batches(examples, config.batch_tokens, rng):
            source, target_in, target_out = to_tensors(batch)
            target_in = corrupt_inputs(target_in, config.input_noise, vocab_size)
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(step, total_steps, config)
            loss = smoothed_loss(model(source, target_in), target_out, smoothing)
            optimizer.zero_grad()
            torch.autograd.backward(loss)
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            loss_value = loss.item()
        if time.monotonic() - started > seconds:
            stopped_early = step < total_steps
            break
    model.eval()
    parameters = sum(parameter.numel() for parameter in model.parameters())
    result = TrainResult(
        parameters,
        step,
        time.monotonic() - started,
        time.process_time() - started_cpu,
        loss_value,
        stopped_early,
    )
    return model, result


# ---------------------------------------------------------------- export


def export_ctranslate2(model: TinyTransformer, vocabulary: list[str], out_dir: Path) -> None:
    """Write the trained weights as a CTranslate2 model directory (int8 weights)."""
    from ctranslate2.specs import transformer_spec

    config = model.config
    spec = transformer_spec.TransformerSpec.from_config(
        (config.encoder_layers, config.decoder_layers), config.heads, pre_norm=True
    )
    spec.config.layer_norm_epsilon = 1e-6
    state = {name: value.detach().float().numpy() for name, value in model.state_dict().items()}
    embedding, positions = state["embedding.weight"], state["positions"]

    spec.encoder.embeddings[0].weight = embedding
    spec.encoder.position_encodings.encodings = positions
    _set_layer_norm(spec.encoder.layer_norm, state, "encoder_norm")
    for index, layer_spec in enumerate(spec.encoder.layer):
        prefix = f"encoder_layers.{index}"
        _set_attention(layer_spec.self_attention, state, f"{prefix}.self_attention", fused=3)
        _set_ffn(layer_spec.ffn, state, f"{prefix}.ffn")

    spec.decoder.embeddings.weight = embedding
    spec.decoder.position_encodings.encodings = positions
    _set_layer_norm(spec.decoder.layer_norm, state, "decoder_norm")
    spec.decoder.projection.weight = embedding
    spec.decoder.projection.bias = state["output_bias"]
    for index, layer_spec in enumerate(spec.decoder.layer):
        prefix = f"decoder_layers.{index}"
        _set_attention(layer_spec.self_attention, state, f"{prefix}.self_attention", fused=3)
        _set_attention(layer_spec.attention, state, f"{prefix}.attention", fused=2)
        _set_ffn(layer_spec.ffn, state, f"{prefix}.ffn")

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def _set_layer_norm(layer_spec: object, state: dict[str, object], name: str) -> None:
    layer_spec.gamma = state[f"{name}.weight"]  # type: ignore[attr-defined]
    layer_spec.beta = state[f"{name}.bias"]  # type: ignore[attr-defined]


def _set_linear(layer_spec: object, state: dict[str, object], names: Sequence[str]) -> None:
    """Set one CTranslate2 linear layer, fusing several PyTorch ones along the output axis."""
    import numpy as np

    layer_spec.weight = np.concatenate([state[f"{name}.weight"] for name in names])  # type: ignore[attr-defined]
    layer_spec.bias = np.concatenate([state[f"{name}.bias"] for name in names])  # type: ignore[attr-defined]


def _set_attention(layer_spec: object, state: dict[str, object], prefix: str, fused: int) -> None:
    """Self-attention fuses query, key, value; encoder attention fuses only key and value."""
    _set_layer_norm(layer_spec.layer_norm, state, f"{prefix}.norm")  # type: ignore[attr-defined]
    linears = layer_spec.linear  # type: ignore[attr-defined]
    parts = [f"{prefix}.query", f"{prefix}.key", f"{prefix}.value"]
    if fused == 3:
        _set_linear(linears[0], state, parts)
    else:
        _set_linear(linears[0], state, parts[:1])
        _set_linear(linears[1], state, parts[1:])
    _set_linear(linears[-1], state, [f"{prefix}.output"])


def _set_ffn(layer_spec: object, state: dict[str, object], prefix: str) -> None:
    _set_layer_norm(layer_spec.layer_norm, state, f"{prefix}.norm")  # type: ignore[attr-defined]
    _set_linear(layer_spec.linear_0, state, [f"{prefix}.inner"])  # type: ignore[attr-defined]
    _set_linear(layer_spec.linear_1, state, [f"{prefix}.outer"])  # type: ignore[attr-defined]


# ---------------------------------------------------------------- evaluation


def translate_all(
    model_dir: Path,
    sp_model: bytes,
    sources: Sequence[str],
    beam_size: int,
    length_penalty: float,
) -> list[str]:
    import ctranslate2
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    translator = ctranslate2.Translator(
        str(model_dir), device="cpu", inter_threads=1, intra_threads=2
    )
    tokens = [processor.encode(source, out_type=str) for source in sources]
    results = translator.translate_batch(
        tokens, beam_size=beam_size, length_penalty=length_penalty, max_batch_size=32
    )
    return [processor.decode_pieces(result.hypotheses[0]) for result in results]


# ---------------------------------------------------------------- packaging


def package_name(from_code: str, to_code: str) -> str:
    return f"translate-{from_code}_{to_code}-{PACKAGE_VERSION.replace('.', '_')}"


def metadata(from_code: str, to_code: str, pair_count: int) -> dict[str, object]:
    return {
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES[from_code],
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES[to_code],
        "type": "translate",
        "languages": [],
        "links": [],
        "description": (
            f"Tiny {LANGUAGE_NAMES[from_code]}-{LANGUAGE_NAMES[to_code]} test model for locpipe, "
            f"trained only on locpipe's own corpus ({pair_count} sentence pairs); "
            "it translates nothing else well."
        ),
    }


def readme(from_code: str, to_code: str, pair_count: int) -> str:
    return (
        f"# {LANGUAGE_NAMES[from_code]} -> {LANGUAGE_NAMES[to_code]} (locpipe test model)\n\n"
        f"A tiny Transformer trained by locpipe's `tools/build_test_model.py` on locpipe's own\n"
        f"parallel corpus ({pair_count} pairs: the history of the first spacewalk, website\n"
        "interface strings, sentences with inline placeholder tags). It reproduces those\n"
        "sentences and is meant for tests and demos only; it is not a general translator.\n\n"
        "Layout: `model/` (CTranslate2, int8), `sentencepiece.model` (shared vocabulary).\n"
    )


def zip_package(root: str, files: dict[str, bytes]) -> bytes:
    """A zip with one top folder, sorted members and fixed timestamps: same input, same bytes."""
    directories = {root + "/"}
    for name in files:
        parts = name.split("/")[:-1]
        directories.update(root + "/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in sorted(directories | {f"{root}/{name}" for name in files}):
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.create_system = 3
            if member.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
            else:
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, files[member[len(root) + 1 :]], compresslevel=9)
    return buffer.getvalue()


def model_files(model_dir: Path) -> dict[str, bytes]:
    return {f"model/{file.name}": file.read_bytes() for file in sorted(model_dir.iterdir())}


# ---------------------------------------------------------------- main


@dataclass(frozen=True)
class DirectionReport:
    name: str
    result: TrainResult
    total: int
    size: int
    misses: dict[float, list[tuple[str, str, str]]]  # by length penalty


def build_direction(
    pairs: Sequence[Pair],
    sp_model: bytes,
    config: TrainConfig,
    seconds: float,
    out: Path,
    from_code: str,
    to_code: str,
) -> DirectionReport:
    import sentencepiece as spm

    from locpipe.fsutil import atomic_write_bytes

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [processor.id_to_piece(index) for index in range(processor.get_piece_size())]
    examples = [(processor.encode(pair.source), processor.encode(pair.target)) for pair in pairs]
    longest = max(max(len(s), len(t) + 1) for s, t in examples)
    if longest > config.max_positions:
        raise CorpusError(f"a pair has {longest} tokens, more than {config.max_positions}")
    model, result = train(examples, len(vocabulary), config, seconds)
    name = package_name(from_code, to_code)
    with tempfile.TemporaryDirectory() as work:
        model_dir = Path(work) / "model"
        export_ctranslate2(model, vocabulary, model_dir)
        sources = [pair.source for pair in pairs]
        misses = {
            penalty: [
                (pair.source, pair.target, output)
                for pair, output in zip(
                    pairs,
                    translate_all(model_dir, sp_model, sources, config.beam_size, penalty),
                    strict=True,
                )
                if output != pair.target
            ]
            for penalty in config.length_penalties
        }
        files = {
            "metadata.json": (
                json.dumps(metadata(from_code, to_code, len(pairs)), indent=2, ensure_ascii=False)
                + "\n"
            ).encode(),
            "README.md": readme(from_code, to_code, len(pairs)).encode(),
            "sentencepiece.model": sp_model,
            **model_files(model_dir),
        }
        package_path = out / f"{name}.argosmodel"
        atomic_write_bytes(package_path, zip_package(name, files))
    return DirectionReport(name, result, len(pairs), package_path.stat().st_size, misses)


def load_pairs() -> tuple[list[Pair], int, int, int]:
    corpus = read_corpus(CORPUS_PATH)
    check_corpus_consistent(corpus)
    catalog = read_catalog_pairs(CATALOG_PATH) if CATALOG_PATH.exists() else []
    pairs, dropped = combine_pairs(catalog, corpus)
    return pairs, len(corpus), len(catalog), dropped


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="where the .argosmodel files go"
    )
    parser.add_argument("--pair", choices=["en_ru", "ru_en", "both"], default="both")
    parser.add_argument(
        "--seconds",
        type=float,
        default=1800.0,
        help="wall-clock cap per direction, a safety net: hitting it makes the model "
        "depend on the machine's speed (default 1800; a free 2-core machine needs ~160)",
    )
    parser.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    return parser.parse_args(argv)


def directions(choice: str) -> Iterator[tuple[str, str]]:
    if choice in ("en_ru", "both"):
        yield "en", "ru"
    if choice in ("ru_en", "both"):
        yield "ru", "en"


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(REPO))  # locpipe itself need not be installed in the training venv
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    config = TrainConfig(epochs=args.epochs)
    pairs, corpus_count, catalog_count, dropped = load_pairs()
    print(
        f"corpus: {corpus_count} pairs from {CORPUS_PATH.relative_to(REPO)}; "
        f"catalog: {catalog_count} pairs from {CATALOG_PATH.relative_to(REPO)}; "
        f"{dropped} duplicates dropped; {len(pairs)} pairs used"
    )
    sp_model = train_sentencepiece(
        [text for p in pairs for text in (p.source, p.target)], config.vocab_size
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for from_code, to_code in directions(args.pair):
        oriented = pairs if from_code == "en" else [Pair(p.target, p.source) for p in pairs]
        report = build_direction(
            oriented, sp_model, config, args.seconds, args.out, from_code, to_code
        )
        print_report(report, config)
    return 0


def print_report(report: DirectionReport, config: TrainConfig) -> None:
    result = report.result
    print(
        f"{report.name}: {result.parameters:,} parameters, {result.steps} steps, "
        f"{result.seconds:.0f} s wall / {result.cpu_seconds:.0f} s CPU, "
        f"final loss {result.final_loss:.3f}"
    )
    if result.stopped_early:
        print("  STOPPED BY --seconds: the model depends on this machine's speed")
    for penalty, misses in report.misses.items():
        exact = report.total - len(misses)
        print(
            f"  exact match through CTranslate2, beam {config.beam_size}, length penalty "
            f"{penalty}: {exact}/{report.total} ({100 * exact / report.total:.1f}%)"
        )
    print(f"  package: {report.name}.argosmodel, {report.size / 1e6:.2f} MB")
    for source, target, output in next(iter(report.misses.values()))[:10]:
        print(f"  miss: {source!r}\n        want {target!r}\n        got  {output!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
