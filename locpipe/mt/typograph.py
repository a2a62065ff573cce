"""No-break spaces as Tilda's typograph sets them, per target language.

Measured on the sample exports: the typograph binds words of one or two
letters to the next word ("в\u00a0письмах", "in\u00a0a\u00a0company"), puts a
no-break space before a dash between words ("доклад\u00a0— присылайте"), after a
dash that starts a line and after "©". Three-letter words keep a plain space
("are in\u00a0Moscow", "At\u00a0the same"). A model drops all of these, so they are
re-applied to its output, by the target language's rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TypographRule:
    short_word_max: int = 2  # words up to this many letters are bound to the next one
    dashes: bool = True  # no-break space before " — " and after a line-starting dash


RULES: dict[str, TypographRule] = {
    lang: TypographRule()
    for lang in ("ru", "uk", "be", "bg", "en", "de", "fr", "es", "it", "pt", "pl", "cs", "nl")
}

_DASH_BETWEEN = re.compile(r"(?<=\S) ([—–]) ")
_DASH_LINE_START = re.compile(r"(^|<br\s*/?>\s*)([—–]) ")
_COPYRIGHT = re.compile(r"([©№§]) (?=\S)")


def _short_word(max_letters: int) -> re.Pattern[str]:
    # Preceded by the start, a space, a tag's ">" or an opening quote or bracket.
    return re.compile(
        r"(?<![^\s>(«\"„“\[\u00a0])([^\W\d_]{1,%d}) (?=\S)" % max_letters  # noqa: UP031
    )


def base_language(locale: str) -> str:
    """``pt_BR`` -> ``pt``, ``sr-Latn`` -> ``sr``."""
    return re.split(r"[_\-@.]", locale, maxsplit=1)[0].lower()


def apply_typograph(text: str, lang: str) -> str:
    """``text`` (a msgid-style string) with the no-break spaces of ``lang``'s rule."""
    rule = RULES.get(base_language(lang))
    if rule is None:
        return text
    text = _short_word(rule.short_word_max).sub("\\1\u00a0", text)
    if rule.dashes:
        text = _DASH_BETWEEN.sub("\u00a0\\1 ", text)
        text = _DASH_LINE_START.sub("\\1\\2\u00a0", text)
    return _COPYRIGHT.sub("\\1\u00a0", text)
