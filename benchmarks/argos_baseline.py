"""Argos Translate as its users call it: ``argostranslate.translate.translate()`` per segment.

One change is needed to run it offline, and only this one; it is printed with
the results. Argos 1.12 splits sentences with MiniSBD, which downloads an ONNX
model on first use unless the package carries ``minisbd/*.onnx``; offline that
fails. Its settings name a ``NONE`` chunk type ("no sentence splitting") but
Argos does not implement it (the package is then skipped), and the other
choices (Stanza, spaCy) need models and packages that are not here. So the
translation's sentence splitter is replaced by one that returns the whole
paragraph: what ``ARGOS_CHUNK_TYPE=NONE`` describes. It removes splitting work
from Argos, so it can only make Argos faster. Argos passes no decoding cap
(CTranslate2's default, 256 tokens, applies); the bench model ends each
sentence itself, so no cap is needed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PATCH_NOTE = (
    "Argos: its sentence splitter is replaced by one that splits nothing (MiniSBD needs a "
    "download; ARGOS_CHUNK_TYPE=NONE is declared but not implemented in 1.12). That only "
    "removes work from Argos. Nothing else of Argos is changed."
)


def isolate_argos(root: Path, packages_dir: Path) -> None:
    """Point Argos at temporary folders; it creates them when ``argostranslate`` is imported."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"


class WholeParagraph:
    """A sentence splitter that splits nothing (Argos' declared ``ChunkType.NONE``)."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


@dataclass
class ArgosBaseline:
    """Argos Translate's public ``translate`` for one installed pair."""

    from_code: str
    to_code: str
    module: Any  # argostranslate.translate
    settings: Any  # argostranslate.settings

    @property
    def version(self) -> str:
        from importlib import metadata

        return metadata.version("argos-translate-lt")

    def threads(self) -> str:
        return f"inter {self.settings.inter_threads}, intra {self.settings.intra_threads}"

    def translate_each(self, texts: Sequence[str], beam_size: int) -> list[str]:
        self.settings.beam_size = beam_size  # what ARGOS_BEAM_SIZE sets; read at each call
        return [self.module.translate(text, self.from_code, self.to_code) for text in texts]


def open_baseline(from_code: str, to_code: str) -> ArgosBaseline:
    """Import Argos (after ``isolate_argos``), load the pair, make it work offline."""
    import argostranslate.settings
    import argostranslate.translate

    translation = argostranslate.translate.get_translation_from_codes(from_code, to_code)
    if translation is None:
        raise RuntimeError(f"Argos found no {from_code}->{to_code} package")
    translation.underlying.sentencizer = WholeParagraph()  # CachedTranslation.underlying
    translation.translate("Warm up.")  # Argos loads its CTranslate2 translator here
    return ArgosBaseline(from_code, to_code, argostranslate.translate, argostranslate.settings)
