"""Do-not-translate terms (brand and product names) kept out of the model's reach.

A text with none of the terms goes to the engine as it is. A text with some is
first translated whole, so the model sees the sentence; if the output still has
every term spelled as in the source it is kept. Otherwise the text is cut at the
terms, the pieces are translated on their own and joined around the terms,
which are copied verbatim; the draft carries a warning saying so. A cut that
would split a pair of placeholder tags is not made: the whole-text output is
kept with a warning naming the term, and ``locpipe check`` reports it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from locpipe.msgid import close_tag, escape_text, misnesting, tokenize
from locpipe.mt.engine import Engine, MTResult, Progress

PIECES_WARNING = "do-not-translate terms kept by translating the text around them"
_LETTER = re.compile(r"[^\W\d_]")


def term_pattern(term: str) -> re.Pattern[str]:
    """A term on word boundaries, any whitespace between its words, case-insensitive."""
    words = (re.escape(word) for word in term.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def keeps_verbatim(spelling: str, text: str) -> bool:
    """``spelling`` appears in ``text`` exactly, on word boundaries (whitespace may differ)."""
    words = (re.escape(word) for word in spelling.split())
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text) is not None


class KeepTermsEngine:
    """Wraps an engine so that do-not-translate terms come out as they went in."""

    def __init__(self, engine: Engine, terms: Sequence[str]) -> None:
        self.engine = engine
        self.patterns = [term_pattern(escape_text(term)) for term in terms if term.strip()]

    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def identity(self) -> str:
        return self.engine.identity

    @property
    def hits(self) -> int:
        hits = getattr(self.engine, "hits", 0)
        return hits if isinstance(hits, int) else 0

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[MTResult]:
        results = self.engine.translate(texts, progress)
        broken = {
            index: spans
            for index, text in enumerate(texts)
            if (spans := self.term_spans(text))
            and not all(keeps_verbatim(text[a:b], results[index].text) for a, b in spans)
        }
        if broken:
            repaired = self._translate_around([texts[i] for i in broken], list(broken.values()))
            for index, result in zip(broken, repaired, strict=True):
                results[index] = result or _warn(results[index], texts[index], broken[index])
        return results

    def term_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms stand in ``text``, in order, without overlaps."""
        spans = sorted(
            (match.start(), match.end())
            for pattern in self.patterns
            for match in pattern.finditer(text)
        )
        kept: list[tuple[int, int]] = []
        for start, end in spans:
            if not kept or start >= kept[-1][1]:
                kept.append(_with_wrapping_tags(text, start, end))
        return kept

    def _translate_around(
        self, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> list[MTResult | None]:
        cut = [_pieces(text, text_spans) for text, text_spans in zip(texts, spans, strict=True)]
        requests = list(
            dict.fromkeys(
                piece.strip()
                for pieces in cut
                if pieces is not None
                for piece, is_term in pieces
                if not is_term and _LETTER.search(piece)
            )
        )
        outputs = dict(zip(requests, self.engine.translate(requests), strict=True))
        return [None if pieces is None else _join(pieces, outputs) for pieces in cut]


_OPEN_BEFORE = re.compile(r"<([A-Za-z][A-Za-z0-9]*)>$")  # a start tag as a msgid writes it


def _with_wrapping_tags(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a term's span over tag pairs that wrap exactly it: ``<strong>Tilda</strong>``."""
    while (opening := _OPEN_BEFORE.search(text, 0, start)) and text.startswith(
        close_tag(opening.group(1)), end
    ):
        start, end = opening.start(), end + len(close_tag(opening.group(1)))
    return start, end


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]] | None:
    """``text`` cut at the terms: (piece, is_term); None when a cut splits a tag pair."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        pieces += [(text[position:start], False), (text[start:end], True)]
        position = end
    pieces.append((text[position:], False))
    if any(misnesting(tokenize(piece)) is not None for piece, _ in pieces):
        return None
    return pieces


def _join(pieces: list[tuple[str, bool]], outputs: dict[str, MTResult]) -> MTResult:
    out: list[str] = []
    warnings: list[str] = [PIECES_WARNING]
    for piece, is_term in pieces:
        core = piece.strip()
        if is_term or core not in outputs:
            out.append(piece)
            continue
        result = outputs[core]
        warnings.extend(w for w in result.warnings if w not in warnings)
        lead = piece[: len(piece) - len(piece.lstrip())]
        trail = piece[len(piece.rstrip()) :]
        out.append(f"{lead}{result.text}{trail}")
    return MTResult("".join(out), tuple(warnings))


def _warn(result: MTResult, text: str, spans: list[tuple[int, int]]) -> MTResult:
    lost = ", ".join(
        dict.fromkeys(text[a:b] for a, b in spans if not keeps_verbatim(text[a:b], result.text))
    )
    return MTResult(result.text, (*result.warnings, f"check the do-not-translate term(s) {lost}"))
