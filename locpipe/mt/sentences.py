"""Sentence splitting by rule, so that no model has to be downloaded.

Argos' own splitter fetches an ONNX model on first use, which fails offline.
Long segments are cut into sentences so each model input stays short; the
spans keep the original separators so the text can be re-joined exactly.
"""

from __future__ import annotations

import re

# A sentence ends with . ? ! or …, maybe followed by closing quotes or brackets,
# then whitespace, then (see ``_starts_sentence``) a capital or a digit, maybe
# after an opening quote, bracket or dialogue dash.
_BOUNDARY = re.compile(
    r"""
    (?P<end>[.?!…]+["'»”’)\]]*)
    (?P<space>[ \t\n\r\u00a0]+)
    (?=["'«“„(\[—–-]?[ \u00a0]?(?P<first>\w))
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)$")

# Lower-case, without the final dot. Words that end a sentence rarely ("etc.")
# are left out: splitting there merely costs context, not correctness.
_EN_ABBREVIATIONS = """mr mrs ms dr prof st jr sr vs e.g i.e cf al approx dept est fig inc ltd
co corp no nos vol pp p ed eds gen gov sen rep rev sgt capt col lt mt ft jan feb mar apr jun jul
aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s u.k"""
_RU_ABBREVIATIONS = """т.е т.д т.п т.к т.н др пр им ул д г гг в вв руб коп тыс млн млрд стр см
рис св проф акад доц ок напр ср англ рус пер пл просп обл кв корп тел эт янв фев февр мар апр авг
сен сент окт ноя нояб дек"""
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN_ABBREVIATIONS.split()),
    "ru": frozenset(_RU_ABBREVIATIONS.split()),
}
ABBREVIATIONS["uk"] = ABBREVIATIONS["ru"]
ABBREVIATIONS["be"] = ABBREVIATIONS["ru"]

Span = tuple[int, int]


def _is_abbreviation(text_before: str, lang: str) -> bool:
    """Does the word just before a dot make the dot an abbreviation's, not a full stop?"""
    match = _WORD_BEFORE.search(text_before)
    if match is None:
        return False
    word = match.group(1).lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial ("A. Leonov") or a one-letter abbreviation ("т. е.", "г.")
    known = ABBREVIATIONS.get(lang.split("_")[0].lower(), ABBREVIATIONS["en"])
    return word in known or word.rsplit(".", 1)[-1] in known


def sentence_spans(text: str, lang: str = "en") -> list[Span]:
    """(start, end) of each sentence in ``text``; what lies between two spans is the separator."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        first = match.group("first")
        if not (first.isupper() or first.isdigit()):
            continue
        end_mark = match.group("end")
        single_dot = end_mark.rstrip("\"'»”’)]") == "."
        if single_dot and _is_abbreviation(text[start : match.start("end")], lang):
            continue
        end = match.end("end")
        if text[start:end].strip():
            spans.append((start, end))
            start = match.end("space")
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def split_long(text: str, max_chars: int, lang: str = "en") -> tuple[list[str], list[str]]:
    """Sentences of ``text`` and the separators between them, or ``text`` whole if short.

    ``"".join(interleave(sentences, separators)) == text``: see ``join``.
    """
    if len(text) <= max_chars:
        return [text], []
    spans = sentence_spans(text, lang)
    sentences = [text[start:end] for start, end in spans]
    separators = [text[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    return sentences, separators


def join(sentences: list[str], separators: list[str]) -> str:
    """Inverse of ``split_long``: the sentences with their original separators between."""
    parts = [sentences[0]] if sentences else []
    for separator, sentence in zip(separators, sentences[1:], strict=True):
        parts.append(separator)
        parts.append(sentence)
    return "".join(parts)
