"""Pseudo-localisation: accented look-alikes in brackets, to test a site without a model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from locpipe.msgid import PLACEHOLDER
from locpipe.mt.engine import EngineRequest, MTResult, Progress

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçđéƒĝĥíĵķĺɱñóþʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ"
ACCENTS: dict[str, str] = dict(zip(_PLAIN, _ACCENTED, strict=True))
_TABLE = str.maketrans(ACCENTS)

# What must reach the page unchanged: placeholder tags, entities, URLs, e-mail
# addresses, numbers (digits are not letters, but "1e6" or "0x1F" are numbers too).
_KEEP = re.compile(
    rf"""
      {PLACEHOLDER.pattern}                      # placeholder tag
    | &(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#[xX][0-9A-Fa-f]+);   # entity
    | (?:https?|ftp)://[^\s<>"]+                 # URL with a scheme
    | www\.[^\s<>"]+                             # URL without one
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+              # e-mail address
    | \b0[xX][0-9A-Fa-f]+\b                      # hexadecimal number
    | \b\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?\b       # number
    """,
    re.VERBOSE,
)


def pseudo_localize(text: str) -> str:
    """``text`` with every ASCII letter outside protected spans accented, in brackets."""
    out: list[str] = []
    position = 0
    for match in _KEEP.finditer(text):
        out.append(text[position : match.start()].translate(_TABLE))
        out.append(match.group())
        position = match.end()
    out.append(text[position:].translate(_TABLE))
    return "[" + "".join(out) + "]"


class PseudoEngine:
    """Deterministic pseudo-translation; needs no model."""

    name = "pseudo"
    identity = "pseudo:1"

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        results = [MTResult(pseudo_localize(text)) for text in texts]
        if progress is not None and texts:
            progress(len(texts))
        return results


@dataclass(frozen=True)
class PseudoConfig:
    """The ``[engine.pseudo]`` table: pseudo-localisation has no settings."""


def open_configured(config: PseudoConfig, request: EngineRequest) -> PseudoEngine:
    """The engine registry's opener: the same engine for every language pair."""
    return PseudoEngine()
