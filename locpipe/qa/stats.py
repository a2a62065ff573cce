"""Coverage of a catalog: how much of the site is translated, drafted, missing."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from locpipe.catalog.catalog import Catalog, Message
from locpipe.config import Config, select_langs
from locpipe.qa.markup import plain_text

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class LanguageStats:
    """Counts of active entries (``entries`` = translated + fuzzy + untranslated)."""

    lang: str
    path: str  # the PO file, relative to the project root
    entries: int
    translated: int  # reviewed: a person wrote or accepted the msgstr
    fuzzy: int  # drafts, machine translation included
    untranslated: int
    obsolete: int
    words: int  # words of the source text, over all entries
    translated_words: int
    fuzzy_words: int
    percent: float  # translated, of entries, rounded down to one decimal; 100 when empty

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def count_words(msgid: str) -> int:
    return len(_WORD.findall(plain_text(msgid, " ")))


def _state(message: Message) -> str:
    if message.translated:
        return "translated"
    if message.fuzzy and (message.msgstr or any(message.msgstr_plural.values())):
        return "fuzzy"
    return "untranslated"


def language_stats(catalog: Catalog, lang: str, path: str) -> LanguageStats:
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for message in catalog:
        if not message.msgid:
            continue
        state = _state(message)
        counts[state] += 1
        words[state] += count_words(message.msgid)
    total = sum(counts.values())
    # Rounded down, so that 100 means every entry.
    percent = math.floor(1000 * counts["translated"] / total) / 10 if total else 100.0
    return LanguageStats(
        lang=lang,
        path=path,
        entries=total,
        translated=counts["translated"],
        fuzzy=counts["fuzzy"],
        untranslated=counts["untranslated"],
        obsolete=len(catalog.obsolete),
        words=sum(words.values()),
        translated_words=words["translated"],
        fuzzy_words=words["fuzzy"],
        percent=percent,
    )


def collect_stats(config: Config, langs: Sequence[str] | None = None) -> list[LanguageStats]:
    """Coverage per language, without running the checks (``locpipe stats``)."""
    from locpipe.qa.inputs import display_path, read_catalog

    return [
        language_stats(read_catalog(config, lang), lang, display_path(config, config.po_path(lang)))
        for lang in select_langs(config, langs)
    ]
