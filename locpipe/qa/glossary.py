"""The glossary: a CSV file of terms and their required translations.

Format: UTF-8 (a BOM is accepted), a header row ``term,translation,note``
(``note`` optional), then one term a row. An empty translation means the term
is never translated (brand and product names): it must stay verbatim.

Matching rules:

- a term is found in a msgid case-insensitively, on word boundaries, in the
  text a reader sees (tags removed, entities decoded, any whitespace between
  the words of a multi-word term);
- a keep-term must appear in the msgstr spelled exactly as in the msgid;
- a required translation is found case-insensitively on word boundaries, each
  of its words by its stem so that inflected forms count (Russian
  "заявка" -> "заявку", "заявкой"): a word of 6 or more letters loses its last
  2 letters, one of 4-5 letters its last letter, a shorter word stays whole,
  and the stem may be followed by up to 4 more letters.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from locpipe.errors import ConfigError
from locpipe.mt.terms import keeps_verbatim, term_pattern

__all__ = ["Glossary", "GlossaryError", "Term", "keeps_verbatim", "read_glossary", "term_pattern"]

_COLUMNS = ("term", "translation", "note")
_MAX_ENDING = 4


class GlossaryError(ConfigError):
    """The glossary CSV file is invalid."""


@dataclass(frozen=True)
class Term:
    term: str
    translation: str  # "" : keep the term verbatim
    note: str
    line: int  # line of the row in the CSV file, counted from 1

    @property
    def keep(self) -> bool:
        return not self.translation


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: tuple[Term, ...] = ()

    @property
    def keep_terms(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.keep)

    @property
    def required_terms(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.keep)


def read_glossary(data: bytes, path: Path) -> Glossary:
    text = _decode(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    terms: list[Term] = []
    seen: dict[str, int] = {}
    header: list[str] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _check_header(row, path, line)
                continue
            term = _parse_row(row, header, path, line)
            previous = seen.setdefault(term.term.casefold(), line)
            if previous != line:
                raise GlossaryError(
                    f"term {term.term!r} is listed twice",
                    path=path,
                    line=line,
                    hint=f"it is already on line {previous}",
                )
            terms.append(term)
    except csv.Error as error:
        raise GlossaryError(f"invalid CSV: {error}", path=path, line=reader.line_num) from error
    if header is None:
        raise GlossaryError(
            "the glossary is empty",
            path=path,
            hint="start with the header row term,translation,note",
        )
    return Glossary(path=path, terms=tuple(terms))


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError(
            "not valid UTF-8", path=path, line=line, hint="save the file as UTF-8"
        ) from error


def _check_header(row: list[str], path: Path, line: int) -> list[str]:
    header = [cell.strip().lower() for cell in row]
    if (
        header[:2] != ["term", "translation"]
        or any(name not in _COLUMNS for name in header)
        or len(set(header)) != len(header)
    ):
        raise GlossaryError(
            f"the header row is {','.join(row)!r}",
            path=path,
            line=line,
            hint="the first row must be term,translation,note",
        )
    return header


def _parse_row(row: list[str], header: list[str], path: Path, line: int) -> Term:
    if len(row) > len(header):
        raise GlossaryError(
            f"{len(row)} columns, the header has {len(header)}",
            path=path,
            line=line,
            hint="quote a value that contains a comma",
        )
    cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
    term = cells.get("term", "")
    if not term:
        raise GlossaryError("the term is empty", path=path, line=line)
    return Term(
        term=term, translation=cells.get("translation", ""), note=cells.get("note", ""), line=line
    )


def stem_pattern(translation: str) -> re.Pattern[str]:
    """A required translation, each word matched by its stem (see the module docstring)."""
    words = (re.escape(_stem(word)) + rf"\w{{0,{_MAX_ENDING}}}" for word in translation.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _stem(word: str) -> str:
    if not word.isalpha():
        return word
    if len(word) >= 6:
        return word[:-2]
    if len(word) >= 4:
        return word[:-1]
    return word


def occurrences(term: str, text: str) -> list[str]:
    """The spellings of ``term`` in ``text``, in order."""
    return [match.group(0) for match in term_pattern(term).finditer(text)]


def uses_translation(translation: str, text: str) -> bool:
    return stem_pattern(translation).search(text) is not None
