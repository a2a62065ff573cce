"""``msgfmt -c`` checks that a parsed catalog can still fail, plus the header rules.

``read_po`` already rejects what breaks the syntax (strings, escapes,
duplicates, plural counts against the header). What is left is checked here:
header fields present and well formed, Plural-Forms meaning the language's rule
(gettext's or Babel's, compared by the form chosen for each n, not by spelling),
leading and trailing newlines matching between msgid and msgstr, and printf
directives of ``c-format`` entries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.header import (
    TEMPLATE_LANGUAGE_TEAM,
    TEMPLATE_LAST_TRANSLATOR,
    TEMPLATE_REVISION_DATE,
)
from locpipe.catalog.plurals import (
    SAMPLES,
    PluralRule,
    first_difference,
    language_rules,
    parse_plural_forms,
    same_rule,
)
from locpipe.catalog.po import nplurals_of
from locpipe.catalog.po_writer import reference_lines
from locpipe.errors import ConfigError

Severity = Literal["error", "warning"]

# Fields msgfmt -c wants in every header (it warns when one is missing).
_REQUIRED_FIELDS = (
    "Project-Id-Version",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}[+-]\d{4}")
_PLURAL_EXPRESSION_RE = re.compile(r"\bplural\s*=\s*([^;]+)")
_C_DIRECTIVE_RE = re.compile(
    r"%(?:(\d+)\$)?[-+ #0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcspn%])"
)


@dataclass(frozen=True)
class CatalogProblem:
    """One problem in a catalog: where, which entry, what, and a stable code."""

    line: int | None
    msgid: str | None
    message: str
    code: str
    severity: Severity = "error"


def check_catalog(catalog: Catalog, locale: str | None) -> list[CatalogProblem]:
    """Problems of ``catalog`` (a PO for ``locale``, or a POT when ``locale`` is None)."""
    header_line = _header_line(catalog)
    problems = _check_header(catalog, locale, header_line)
    problems.extend(_check_plural_forms(catalog, locale, header_line))
    for message in catalog:
        if message.msgid:
            problems.extend(_check_message(message))
    return problems


def _header_line(catalog: Catalog) -> int:
    """Line of the header's msgid in locpipe's layout: after its comments and flags."""
    comments = len(catalog.header_comments) + len(catalog.header_auto_comments)
    references = len(reference_lines(catalog.header_locations, 79))
    return comments + references + (1 if catalog.header_flags else 0) + 1


def _check_header(catalog: Catalog, locale: str | None, line: int) -> list[CatalogProblem]:
    header = catalog.header
    problems = [
        CatalogProblem(
            line,
            None,
            f"header field '{name}' is missing; add \"{name}: ...\\n\" to the header",
            "header-field-missing",
            "warning",
        )
        for name in _REQUIRED_FIELDS
        if name not in header
    ]
    checks = (
        ("MIME-Version", lambda v: v == "1.0", "1.0"),
        (
            "Content-Type",
            lambda v: re.fullmatch(r"text/plain; charset=\S+", v) is not None,
            "text/plain; charset=UTF-8",
        ),
        ("Content-Transfer-Encoding", lambda v: v == "8bit", "8bit"),
    )
    for name, valid, expected in checks:
        value = header.get(name)
        if value is not None and not valid(value):
            problems.append(
                CatalogProblem(
                    line,
                    None,
                    f"header field '{name}' is {value!r}; write {expected!r}",
                    "header-field-invalid",
                )
            )
    for name in ("POT-Creation-Date", "PO-Revision-Date"):
        value = header.get(name)
        if value and value != TEMPLATE_REVISION_DATE and not _DATE_RE.fullmatch(value):
            problems.append(
                CatalogProblem(
                    line,
                    None,
                    f"header field '{name}' is {value!r}; write a date like 2024-05-01 12:30+0000",
                    "header-date-invalid",
                    "warning",
                )
            )
    if locale is not None:
        problems.extend(_check_language(header, locale, line))
    return problems


def _check_language(header: dict[str, str], locale: str, line: int) -> list[CatalogProblem]:
    problems: list[CatalogProblem] = []
    language = header.get("Language")
    if not language:
        problems.append(
            CatalogProblem(
                line,
                None,
                f"header field 'Language' is missing; add \"Language: {locale}\\n\"",
                "header-language-missing",
            )
        )
    elif language.replace("-", "_").lower() != locale.replace("-", "_").lower():
        problems.append(
            CatalogProblem(
                line,
                None,
                f"header says Language {language!r} but this is the catalog for {locale!r}",
                "header-language-mismatch",
            )
        )
    for name, placeholder in (
        ("Last-Translator", TEMPLATE_LAST_TRANSLATOR),
        ("Language-Team", TEMPLATE_LANGUAGE_TEAM),
        ("PO-Revision-Date", TEMPLATE_REVISION_DATE),
    ):
        if header.get(name) == placeholder:
            problems.append(
                CatalogProblem(
                    line,
                    None,
                    f"header field '{name}' still has the template's placeholder",
                    "header-field-placeholder",
                    "warning",
                )
            )
    return problems


def _check_plural_forms(catalog: Catalog, locale: str | None, line: int) -> list[CatalogProblem]:
    has_plurals = any(message.msgid_plural is not None for message in catalog)
    value = catalog.header.get("Plural-Forms")
    if locale is None:
        return []
    if value is None or nplurals_of(catalog.header) is None:
        return [
            CatalogProblem(
                line,
                None,
                "the header has no Plural-Forms; add the one for the language",
                "plural-forms-missing",
                "error" if has_plurals else "warning",
            )
        ]
    try:
        rule = _checked_rule(value)
    except ValueError as error:
        return [CatalogProblem(line, None, str(error), "plural-forms-invalid")]
    try:
        expected = language_rules(locale)
    except ConfigError:
        return []
    return _compare_plural_rule(rule, expected, locale, line)


def _checked_rule(value: str) -> PluralRule:
    """The catalog's rule, valid C that yields only forms below its nplurals (else ValueError)."""
    try:
        rule = parse_plural_forms(value)
        forms = {rule.form(n) for n in SAMPLES}
    except (ValueError, ZeroDivisionError, RecursionError) as error:
        expression = _PLURAL_EXPRESSION_RE.search(value)
        if expression is None:
            raise ValueError("Plural-Forms has no plural=EXPRESSION") from error
        raise ValueError(
            f"Plural-Forms expression {expression.group(1).strip()!r} is not valid C"
        ) from error
    if max(forms) >= rule.nplurals or min(forms) < 0:
        raise ValueError(
            f"the plural expression yields form {max(forms)} but nplurals is {rule.nplurals}"
        )
    return rule


def _compare_plural_rule(
    rule: PluralRule, expected: list[PluralRule], locale: str, line: int
) -> list[CatalogProblem]:
    """Nothing when ``rule`` means one of the language's rules, however it is spelled."""
    if any(same_rule(rule, known) for known in expected):
        return []
    preferred = expected[0]
    if all(rule.nplurals != known.nplurals for known in expected):
        return [
            CatalogProblem(
                line,
                None,
                f"Plural-Forms says nplurals={rule.nplurals} but {locale} has "
                f'{preferred.nplurals}: write "Plural-Forms: {preferred.plural_forms}\\n"',
                "plural-forms-nplurals",
            )
        ]
    same_count = next(known for known in expected if known.nplurals == rule.nplurals)
    difference = first_difference(rule, same_count)
    assert difference is not None  # same count of forms and not the same rule
    return [
        CatalogProblem(
            line,
            None,
            f"Plural-Forms chooses form {difference.form} for n={difference.n} where {locale}'s "
            f"rule chooses form {difference.expected_form}: write "
            f'"Plural-Forms: {same_count.plural_forms}\\n"',
            "plural-forms-expression",
            "warning",
        )
    ]


def _check_message(message: Message) -> list[CatalogProblem]:
    problems: list[CatalogProblem] = []
    for source, translation in _pairs(message):
        if not translation:
            continue
        problems.extend(_check_newlines(message, source, translation))
        if "c-format" in message.flags:
            problems.extend(_check_c_format(message, source, translation))
    return problems


def _pairs(message: Message) -> list[tuple[str, str]]:
    """(source, translation) pairs: msgid for msgstr[0], msgid_plural for the other forms."""
    if message.msgid_plural is None:
        return [(message.msgid, message.msgstr)]
    return [
        (message.msgid if index == 0 else message.msgid_plural, text)
        for index, text in sorted(message.msgstr_plural.items())
    ]


def _check_newlines(message: Message, source: str, translation: str) -> list[CatalogProblem]:
    problems = []
    for where, test in (("begin", str.startswith), ("end", str.endswith)):
        if test(source, "\n") != test(translation, "\n"):
            has, lacks = ("msgid", "msgstr") if test(source, "\n") else ("msgstr", "msgid")
            problems.append(
                CatalogProblem(
                    message.line,
                    message.msgid,
                    f"{has} and {lacks} must both {where} with '\\n' or neither: "
                    f"{has} does, {lacks} does not",
                    f"newline-{where}",
                )
            )
    return problems


def _check_c_format(message: Message, source: str, translation: str) -> list[CatalogProblem]:
    wanted, got = _c_directives(source), _c_directives(translation)
    if wanted == got:
        return []
    return [
        CatalogProblem(
            message.line,
            message.msgid,
            "the msgstr's printf directives do not match the msgid's "
            f"({_describe(wanted)} vs {_describe(got)})",
            "c-format",
        )
    ]


def _c_directives(text: str) -> Counter[tuple[int, str]]:
    """printf conversions by argument number (implicit numbering counts up from 1)."""
    found: Counter[tuple[int, str]] = Counter()
    position = 0
    for match in _C_DIRECTIVE_RE.finditer(text):
        conversion = match.group(2)
        if conversion == "%":
            continue
        position += 1
        number = int(match.group(1)) if match.group(1) else position
        found[(number, conversion)] += 1
    return found


def _describe(directives: Counter[tuple[int, str]]) -> str:
    return " ".join(f"%{conv}" for (_, conv) in sorted(directives.elements())) or "none"
