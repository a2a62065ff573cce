"""Plural rules as meanings, not spellings.

A Plural-Forms value is a number of forms and a C expression choosing one form
for each count ``n``. Two values are the same rule when they have the same
number of forms and choose the same form for every ``n`` we try (0…1000, more
than msgfmt's 0…999): Babel and gettext spell the Russian rule differently, and
both are right. New catalogs get gettext's spelling where gettext has one (what
``msginit`` writes), else Babel's.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel.messages.plurals import get_plural

# gettext-tools' plural-table.c, as `msginit --no-translator -l LANG` writes it
# (tests/catalog/test_plurals.py compares every row with the installed msginit).
GETTEXT_PLURAL_FORMS: dict[str, str] = {
    "ja": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "sv": "nplurals=2; plural=(n != 1);",
    "da": "nplurals=2; plural=(n != 1);",
    "no": "nplurals=2; plural=(n != 1);",
    "nb": "nplurals=2; plural=(n != 1);",
    "nn": "nplurals=2; plural=(n != 1);",
    "fo": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "bg": "nplurals=2; plural=(n != 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "fi": "nplurals=2; plural=(n != 1);",
    "et": "nplurals=2; plural=(n != 1);",
    "he": "nplurals=2; plural=(n != 1);",
    "eo": "nplurals=2; plural=(n != 1);",
    "hu": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 :"
        " n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    **dict.fromkeys(
        ("ru", "uk", "be", "sr", "hr"),
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 :"
        " n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}

SAMPLES = range(1001)

_NPLURALS_RE = re.compile(r"\bnplurals\s*=\s*(\d+)")
_PLURAL_RE = re.compile(r"\bplural\s*=\s*([^;]+)")


@dataclass(frozen=True)
class PluralRule:
    """A Plural-Forms value as written, with its number of forms and its expression."""

    plural_forms: str
    nplurals: int
    expression: str

    def form(self, n: int) -> int:
        return _compiled(self.expression)(n)


@dataclass(frozen=True)
class Difference:
    """Where two plural rules part: the count ``n`` and the form each chooses for it."""

    n: int
    form: int
    expected_form: int


def parse_plural_forms(value: str) -> PluralRule:
    """A Plural-Forms value read; ValueError when it lacks a part or is not valid C."""
    nplurals = _NPLURALS_RE.search(value)
    expression = _PLURAL_RE.search(value)
    if nplurals is None or expression is None:
        raise ValueError("Plural-Forms needs nplurals=N; plural=EXPRESSION;")
    rule = PluralRule(value, int(nplurals.group(1)), expression.group(1).strip())
    rule.form(0)  # compiles, so a bad expression fails here
    return rule


def language_rules(locale: str) -> list[PluralRule]:
    """The rules a catalog for ``locale`` may have: gettext's first, then Babel's if it differs."""
    rules = []
    gettext_value = _gettext_plural_forms(locale)
    if gettext_value is not None:
        rules.append(parse_plural_forms(gettext_value))
    babel_rule = parse_plural_forms(_babel_plural_forms(locale))
    if not rules or not same_rule(rules[0], babel_rule):
        rules.append(babel_rule)
    return rules


def plural_forms_for(locale: str) -> str:
    """The Plural-Forms of a new catalog: gettext's spelling where it has one, else Babel's."""
    return _gettext_plural_forms(locale) or _babel_plural_forms(locale)


def first_difference(rule: PluralRule, expected: PluralRule) -> Difference | None:
    """The smallest sampled ``n`` for which the two rules choose different forms."""
    for n in SAMPLES:
        form, expected_form = rule.form(n), expected.form(n)
        if form != expected_form:
            return Difference(n, form, expected_form)
    return None


def same_rule(rule: PluralRule, other: PluralRule) -> bool:
    return rule.nplurals == other.nplurals and first_difference(rule, other) is None


def _gettext_plural_forms(locale: str) -> str | None:
    language = locale.split("_")[0]
    return GETTEXT_PLURAL_FORMS.get(locale) or GETTEXT_PLURAL_FORMS.get(language)


def _babel_plural_forms(locale: str) -> str:
    from locpipe.catalog.header import parse_locale

    return str(get_plural(parse_locale(locale)).plural_forms)


@functools.lru_cache(maxsize=64)
def _compiled(expression: str) -> Callable[[int], int]:
    # gettext.c2py is the standard library's checked translator of gettext's
    # C-expression grammar (?:, ||, &&, comparisons, + - * / %, !, n, numbers):
    # anything else is a ValueError, and nothing is evaluated before that check.
    return gettext.c2py(expression)
