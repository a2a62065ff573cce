"""Plural rules compared by meaning; new catalogs spelled as msginit spells them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from locpipe.catalog.plurals import (
    GETTEXT_PLURAL_FORMS,
    SAMPLES,
    Difference,
    first_difference,
    language_rules,
    parse_plural_forms,
    plural_forms_for,
    same_rule,
)
from tests.catalog.gnu import tool

GETTEXT_RU = GETTEXT_PLURAL_FORMS["ru"]
BABEL_2_19_RU = (
    "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
    "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;"
)
POT = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n'


def msginit_plural_forms(locale: str, tmp_path: Path) -> str:
    template = tmp_path / "t.pot"
    template.write_bytes(POT)
    command = [tool("msginit"), "--no-translator", "--no-wrap", "-l", locale]
    done = subprocess.run(
        [*command, "-i", str(template), "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in done.stdout.splitlines() if "Plural-Forms:" in line)
    return line.removeprefix('"Plural-Forms: ').removesuffix('\\n"')


@pytest.mark.parametrize("locale", sorted(GETTEXT_PLURAL_FORMS))
def test_the_table_is_what_msginit_writes(locale: str, tmp_path: Path) -> None:
    assert msginit_plural_forms(locale, tmp_path) == GETTEXT_PLURAL_FORMS[locale]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("ru", GETTEXT_RU),
        ("ru_UA", GETTEXT_RU),  # the language's row when the region has none
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("pt", "nplurals=2; plural=(n != 1);"),
        ("ar", str(get_plural("ar").plural_forms)),  # gettext has no row: Babel's
    ],
)
def test_new_catalogs_get_gettexts_spelling_else_babels(locale: str, expected: str) -> None:
    assert plural_forms_for(locale) == expected


def test_babels_russian_spelling_means_gettexts() -> None:
    gettext_rule, babel_rule = parse_plural_forms(GETTEXT_RU), parse_plural_forms(BABEL_2_19_RU)
    assert gettext_rule.expression != babel_rule.expression
    assert same_rule(gettext_rule, babel_rule)
    assert [gettext_rule.form(n) for n in (1, 2, 5, 11, 12, 21, 22, 111, 1000)] == [
        0, 1, 2, 2, 2, 0, 1, 2, 2,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected", "difference"),
    [
        (GETTEXT_PLURAL_FORMS["pl"], GETTEXT_RU, Difference(21, 2, 0)),
        ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);",
         GETTEXT_RU, Difference(12, 1, 2)),
        ("nplurals=2; plural=(n != 1);", "nplurals=2; plural=(n > 1);", Difference(0, 1, 0)),
        ("nplurals=2; plural=n>1 && n!=1000;", "nplurals=2; plural=(n > 1);",
         Difference(1000, 0, 1)),
    ],
)  # fmt: skip
def test_first_difference_names_the_smallest_n(
    value: str, expected: str, difference: Difference
) -> None:
    rule, other = parse_plural_forms(value), parse_plural_forms(expected)
    assert first_difference(rule, other) == difference
    assert not same_rule(rule, other)


def test_samples_reach_a_thousand() -> None:
    assert SAMPLES[0] == 0
    assert SAMPLES[-1] == 1000


def test_the_same_expression_with_another_count_is_another_rule() -> None:
    two, three = (
        parse_plural_forms("nplurals=2; plural=0;"),
        parse_plural_forms("nplurals=3; plural=0;"),
    )
    assert first_difference(two, three) is None
    assert not same_rule(two, three)


@pytest.mark.parametrize(
    "value",
    ["nplurals=3; plural=n ** 2;", "nplurals=2;", "plural=n != 1;", "nplurals=2; plural=n/;"],
)
def test_values_that_are_not_plural_forms(value: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_plural_forms(value).form(3)


@pytest.mark.parametrize(("locale", "count"), [("ru", 1), ("de", 1), ("ga", 2), ("fr", 2)])
def test_a_language_has_gettexts_rule_and_babels_when_it_means_something_else(
    locale: str, count: int
) -> None:
    rules = language_rules(locale)
    assert len(rules) == count
    assert rules[0].plural_forms == plural_forms_for(locale)
