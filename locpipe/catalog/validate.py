"""``msgfmt -c`` checks that a parsed catalog can still fail, plus the header rules.

``read_po`` already rejects what breaks the syntax (strings, escapes,
duplicates, plural counts against the header). What is left is checked here:
header fields present and well formed, Plural-Forms agreeing with Babel's for
the locale, leading and trailing newlines matching between msgid and msgstr,
and printf directives of ``c-format`` entries.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from babel.messages.plurals import get_plural

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.header import (
    TEMPLATE_LANGUAGE_TEAM,
    TEMPLATE_LAST_TRANSLATOR,
    TEMPLATE_REVISION_DATE,
    parse_locale,
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
_PLURAL_SAMPLES = range(1000)  # msgfmt checks the expression on n = 0..999 too


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
    nplurals = nplurals_of(catalog.header)
    if locale is None:
        return []
    if value is None or nplurals is None:
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
        expected = get_plural(parse_locale(locale))
    except ConfigError:
        return []
    problems = []
    if nplurals != expected.num_plurals:
        problems.append(
            CatalogProblem(
                line,
                None,
                f"Plural-Forms says nplurals={nplurals} but {locale} has "
                f'{expected.num_plurals}: write "Plural-Forms: {expected.plural_forms}\\n"',
                "plural-forms-nplurals",
            )
        )
    expression = _PLURAL_EXPRESSION_RE.search(value)
    problems.extend(_check_plural_expression(expression, nplurals, line))
    if expression and _squeeze(expression.group(1)) != _squeeze(expected.plural_expr):
        problems.append(
            CatalogProblem(
                line,
                None,
                f"Plural-Forms expression differs from Babel's for {locale}: "
                f"{expected.plural_expr}",
                "plural-forms-expression",
                "warning",
            )
        )
    return problems


def _check_plural_expression(
    expression: re.Match[str] | None, nplurals: int, line: int
) -> list[CatalogProblem]:
    if expression is None:
        return [
            CatalogProblem(
                line, None, "Plural-Forms has no plural=EXPRESSION", "plural-forms-invalid"
            )
        ]
    try:
        choose = gettext.c2py(expression.group(1).strip())
        forms = {choose(n) for n in _PLURAL_SAMPLES}
    except (ValueError, ZeroDivisionError, RecursionError):
        return [
            CatalogProblem(
                line,
                None,
                f"Plural-Forms expression {expression.group(1).strip()!r} is not valid C",
                "plural-forms-invalid",
            )
        ]
    if max(forms) >= nplurals or min(forms) < 0:
        return [
            CatalogProblem(
                line,
                None,
                f"the plural expression yields form {max(forms)} but nplurals is {nplurals}",
                "plural-forms-invalid",
            )
        ]
    return []


def _squeeze(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1]
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


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
