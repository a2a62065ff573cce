"""An Argos-shaped translation package built at bench time: Transformer-base, random weights.

Speed depends on the shapes of the weights and on how many tokens are decoded,
not on what the weights say: dense int8 matrix products cost the same whatever
the values. So the model has the shape of an Argos package (6+6 layers, d_model
512, 8 heads, FFN 2048, ~32k vocabulary, int8) and random weights, except for
the few that make it end its output like a real model: token and position
vectors in separate halves of the model width, and one encoder-decoder
attention that reads the source token at the decoder's own position. It
"translates" a sentence into itself and then emits ``</s>`` (CTranslate2 adds
it to the source), so every sentence stops at its own length, per sentence
inside a batch too, with no decoding cap. All other weights are random and
small (std ``idle_std``), so they do not drown that path. Needs no network and
no torch.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UNK, BOS, EOS, PAD = "<unk>", "<s>", "</s>", "<pad>"


@dataclass(frozen=True)
class ModelShape:
    encoder_layers: int = 6
    decoder_layers: int = 6
    d_model: int = 512
    heads: int = 8
    ffn: int = 2048
    vocab_size: int = 32000
    sentencepiece_vocab: int = 8000  # trained on the bench text; padded to vocab_size
    idle_std: float = 1e-3  # the random weights off the copying path
    max_positions: int = 1024  # CTranslate2 cuts sources at 1024 tokens by default
    quantization: str = "int8"
    seed: int = 1965

    def describe(self) -> str:
        return (
            f"{self.encoder_layers}+{self.decoder_layers} layers, d_model {self.d_model}, "
            f"{self.heads} heads, FFN {self.ffn}, vocab {self.vocab_size}, {self.quantization}"
        )


@dataclass(frozen=True)
class BuiltPackage:
    path: Path  # the package folder: metadata.json, model/, sentencepiece.model
    from_code: str
    to_code: str
    sentencepiece_pieces: int  # real pieces; the rest of the vocabulary is padding


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
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=3,
        num_threads=2,
        minloglevel=2,
    )
    return model.getvalue()


def vocabulary(sentencepiece_model: bytes, size: int) -> list[str]:
    """The SentencePiece pieces in id order, padded with never-produced tokens up to ``size``."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sentencepiece_model)
    pieces = [processor.id_to_piece(index) for index in range(processor.get_piece_size())]
    pieces[:4] = [UNK, BOS, EOS, PAD]  # CTranslate2 looks these up by name
    return pieces + [f"<extra_{index}>" for index in range(max(0, size - len(pieces)))]


def _weight_shape(scope: str, shape: ModelShape) -> tuple[int, ...] | None:
    """The shape of the weight matrix at ``scope`` in CTranslate2's layout (out, in)."""
    d, ffn, vocab = shape.d_model, shape.ffn, shape.vocab_size
    by_suffix: dict[str, tuple[int, ...]] = {
        "self_attention/linear_0": (3 * d, d),  # fused query, key, value
        "self_attention/linear_1": (d, d),
        "/attention/linear_0": (d, d),  # encoder-decoder attention: query
        "/attention/linear_1": (2 * d, d),  # fused key, value over the encoder output
        "/attention/linear_2": (d, d),
        "ffn/linear_0": (ffn, d),
        "ffn/linear_1": (d, ffn),
        "projection": (vocab, d),
    }
    for suffix, dims in by_suffix.items():
        if scope.endswith(suffix):
            return dims
    return None


def _fill_random(spec: Any, shape: ModelShape, rng: Any) -> None:
    """Give every unset variable of ``spec`` a small random (or unit layer-norm) value."""
    import numpy as np
    from ctranslate2.specs import model_spec

    def visit(layer: Any, name: str, value: object) -> None:
        scope, _, attr = name.rpartition("/")
        if value is not None:
            return
        if attr == "gamma":
            setattr(layer, attr, np.ones(shape.d_model, dtype=np.float32))
        elif attr == "beta":
            setattr(layer, attr, np.zeros(shape.d_model, dtype=np.float32))
        elif attr == "weight":
            dims = _weight_shape(scope, shape) or (shape.vocab_size, shape.d_model)
            setattr(layer, attr, rng.standard_normal(dims, dtype=np.float32) * shape.idle_std)
            if hasattr(layer, "bias"):
                layer.bias = np.zeros(dims[0], dtype=np.float32)

    model_spec.visit_spec(spec, visit)


def _unit_rows(rng: Any, rows: int, width: int) -> Any:
    """Random zero-mean rows with unit variance per element (so layer norm keeps them)."""
    table = rng.standard_normal((rows, width), dtype="float32")
    table -= table.mean(axis=1, keepdims=True)
    table /= table.std(axis=1, keepdims=True)
    return table


def _set_copy_path(spec: Any, shape: ModelShape, rng: Any) -> None:
    """Token vectors in the first half of the width, positions in the second; the first
    decoder layer's encoder attention matches positions and carries the source token."""
    import numpy as np

    d, half = shape.d_model, shape.d_model // 2
    tokens = np.zeros((shape.vocab_size, d), dtype=np.float32)
    tokens[:, :half] = _unit_rows(rng, shape.vocab_size, half) / np.sqrt(d)  # scaled by sqrt(d)
    positions = np.zeros((shape.max_positions, d), dtype=np.float32)
    positions[:, half:] = _unit_rows(rng, shape.max_positions, half)

    spec.encoder.embeddings[0].weight = tokens
    spec.decoder.embeddings.weight = np.zeros_like(tokens)  # the output ignores its own past
    spec.encoder.position_encodings.encodings = positions
    spec.decoder.position_encodings.encodings = positions
    spec.decoder.projection.weight = tokens * (4.0 * np.sqrt(d))

    def select(rows: slice, columns: slice, scale: float, out: int = d) -> Any:
        matrix = np.zeros((out, d), dtype=np.float32)
        matrix[rows, columns] = np.eye(half, dtype=np.float32) * scale
        return matrix

    first, second, low, high = slice(0, half), slice(half, d), slice(0, half), slice(half, d)
    attention = spec.decoder.layer[0].attention
    # Query and key: the position half, in every head, so each head finds the same position.
    query = select(first, high, 4.0) + select(second, high, 4.0)
    key = select(first, high, 2.0) + select(second, high, 2.0)
    value = select(first, low, 1.0)  # the token half, through heads 0-3
    attention.linear[0].weight = query
    attention.linear[1].weight = np.concatenate([key, value])
    attention.linear[2].weight = select(first, first, 4.0)  # heads 0-3 back to the token half


def build_model(shape: ModelShape, vocab: list[str], out_dir: Path) -> None:
    """Write a CTranslate2 Transformer with random weights to ``out_dir``."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads, pre_norm=True
    )
    spec.config.layer_norm_epsilon = 1e-6
    spec.config.add_source_eos = True  # the copy ends by copying </s>
    rng = np.random.default_rng(shape.seed)
    _set_copy_path(spec, shape, rng)
    _fill_random(spec, shape, rng)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=shape.quantization)
    spec.save(str(out_dir))


def _metadata(from_code: str, to_code: str, shape: ModelShape) -> dict[str, object]:
    return {
        "package_version": "0.0",
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "languages": [],
        "links": [],
        "description": f"locpipe bench: random weights, copies its input; {shape.describe()}",
    }


def build_package(
    root: Path, texts: Sequence[str], shape: ModelShape, from_code: str = "en", to_code: str = "ru"
) -> BuiltPackage:
    """An installed-package folder (as Argos unpacks an .argosmodel) under ``root``."""
    package = root / f"translate-{from_code}_{to_code}-bench"
    (package / "model").mkdir(parents=True)
    sentencepiece_model = train_sentencepiece(texts, shape.sentencepiece_vocab)
    (package / "sentencepiece.model").write_bytes(sentencepiece_model)
    vocab = vocabulary(sentencepiece_model, shape.vocab_size)
    build_model(shape, vocab, package / "model")
    metadata = _metadata(from_code, to_code, shape)
    (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    pieces = len(vocab) - sum(token.startswith("<extra_") for token in vocab)
    return BuiltPackage(package, from_code, to_code, pieces)
