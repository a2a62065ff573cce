"""Catalog checks with msgfmt -c semantics, compared with msgfmt itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.po import write_po
from locpipe.catalog.validate import CatalogProblem, check_catalog
from tests.catalog.gnu import msgfmt_check

RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def russian(*messages: Message, **header_changes: str | None) -> Catalog:
    header = {
        "Project-Id-Version": "site 1.0",
        "POT-Creation-Date": "2024-05-01 12:30+0000",
        "PO-Revision-Date": "2024-05-02 09:00+0300",
        "Last-Translator": "Anna <anna@example.com>",
        "Language-Team": "Russian <ru@example.com>",
        "Language": "ru",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": RU_PLURALS,
    }
    for key, value in header_changes.items():
        name = key.replace("_", "-")
        if value is None:
            del header[name]
        else:
            header[name] = value
    catalog = Catalog(locale="ru", header=header)
    for line, message in enumerate(messages, start=20):
        message.line = line
        catalog.messages[message.key] = message
    return catalog


def codes(problems: list[CatalogProblem], severity: str = "error") -> list[str]:
    return [problem.code for problem in problems if problem.severity == severity]


def test_clean_catalog_has_no_problems(tmp_path: Path) -> None:
    catalog = russian(
        Message("Hello\n", "Привет\n"),
        Message("%d file", msgid_plural="%d files", msgstr_plural={0: "%d", 1: "%d", 2: "%d"}),
        Message("%s of %d", "%2$d: %1$s", flags=["c-format"]),
    )
    assert check_catalog(catalog, "ru") == []
    assert msgfmt_check(write_po(catalog), tmp_path).returncode == 0


FATAL = {
    "msgstr lacks leading newline": (Message("\nHello", "Привет"), "newline-begin"),
    "msgstr adds trailing newline": (Message("Hello", "Привет\n"), "newline-end"),
    "plural form lacks newline": (
        Message("file\n", msgid_plural="files\n", msgstr_plural={0: "а\n", 1: "б", 2: "в\n"}),
        "newline-end",
    ),
    "c-format argument missing": (
        Message("%s has %d items", "%s содержит", flags=["c-format"]),
        "c-format",
    ),
    "c-format type differs": (Message("%d items", "%s штук", flags=["c-format"]), "c-format"),
}


@pytest.mark.parametrize(("message", "code"), FATAL.values(), ids=FATAL.keys())
def test_entry_errors_are_msgfmt_errors(message: Message, code: str, tmp_path: Path) -> None:
    catalog = russian(message)
    problems = check_catalog(catalog, "ru")
    assert codes(problems) == [code]
    assert problems[0].line == 20
    assert problems[0].msgid == message.msgid
    assert msgfmt_check(write_po(catalog), tmp_path).returncode != 0


def test_fuzzy_drafts_are_checked_too() -> None:
    catalog = russian(Message("Hello\n", "Привет", flags=["fuzzy"]))
    assert codes(check_catalog(catalog, "ru")) == ["newline-end"]


def test_untranslated_entries_are_not_checked() -> None:
    assert (
        check_catalog(russian(Message("\nHello\n"), Message("%d", flags=["c-format"])), "ru") == []
    )


def test_percent_signs_in_other_entries_are_not_format_errors() -> None:
    assert check_catalog(russian(Message("50% off", "скидка 50%")), "ru") == []


HEADER_CASES = {
    "missing fields": (
        {"Last_Translator": None, "MIME_Version": None},
        [],
        ["header-field-missing", "header-field-missing"],
    ),
    "bad content type": ({"Content_Type": "text/html"}, ["header-field-invalid"], []),
    "bad encoding": ({"Content_Transfer_Encoding": "base64"}, ["header-field-invalid"], []),
    "language mismatch": ({"Language": "uk"}, ["header-language-mismatch"], []),
    "language missing": ({"Language": None}, ["header-language-missing"], []),
    "bad date": ({"PO_Revision_Date": "yesterday"}, [], ["header-date-invalid"]),
    "placeholder translator": (
        {"Last_Translator": "FULL NAME <EMAIL@ADDRESS>"},
        [],
        ["header-field-placeholder"],
    ),
    "plural forms missing": ({"Plural_Forms": None}, [], ["plural-forms-missing"]),
    "nplurals not the language's": (
        {"Plural_Forms": "nplurals=2; plural=(n != 1);"},
        ["plural-forms-nplurals"],
        [],
    ),
    "expression differs": (
        {"Plural_Forms": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;"},
        [],
        ["plural-forms-expression"],
    ),
    "expression spacing differs": (
        {"Plural_Forms": RU_PLURALS.replace(" ", "").replace(";plural", "; plural")},
        [],
        [],
    ),
    "babel 2.19's spelling of the same rule": (
        {
            "Plural_Forms": "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : "
            "n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;"
        },
        [],
        [],
    ),
    "expression not C": (
        {"Plural_Forms": "nplurals=3; plural=n ** 2;"},
        ["plural-forms-invalid"],
        [],
    ),
    "expression out of range": (
        {"Plural_Forms": "nplurals=3; plural=n%5;"},
        ["plural-forms-invalid"],
        [],
    ),
}


@pytest.mark.parametrize(
    ("changes", "errors", "warnings"), HEADER_CASES.values(), ids=HEADER_CASES.keys()
)
def test_header_problems(
    changes: dict[str, str | None], errors: list[str], warnings: list[str]
) -> None:
    problems = check_catalog(russian(Message("Hi", "Привет"), **changes), "ru")
    assert codes(problems) == errors
    assert codes(problems, "warning") == warnings
    assert all(problem.line == 1 and problem.msgid is None for problem in problems)


def test_a_plural_rule_that_means_something_else_names_an_n_where_it_does() -> None:
    catalog = russian(
        Message("Hi", "Привет"), Plural_Forms="nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;"
    )
    (problem,) = check_catalog(catalog, "ru")
    assert problem.code == "plural-forms-expression"
    assert "chooses form 2 for n=3 where ru's rule chooses form 1" in problem.message
    assert RU_PLURALS in problem.message


def test_an_equivalent_rule_of_another_language_is_accepted() -> None:
    """Irish: gettext's three forms and Babel's (CLDR's) five are both rules of ``ga``."""
    cldr = "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4);"
    for value in (cldr, "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;"):
        catalog = russian(Message("Hi", "Dia duit"), Plural_Forms=value, Language="ga")
        assert codes(check_catalog(catalog, "ga"), "warning") == []
        assert codes(check_catalog(catalog, "ga")) == []


def test_plural_forms_missing_is_an_error_with_plural_entries() -> None:
    catalog = russian(
        Message("%d file", msgid_plural="%d files", msgstr_plural={0: "a", 1: "b", 2: "c"}),
        Plural_Forms=None,
    )
    assert codes(check_catalog(catalog, "ru")) == ["plural-forms-missing"]


def test_invalid_plural_expression_fails_msgfmt_too(tmp_path: Path) -> None:
    catalog = russian(
        Message("%d file", msgid_plural="%d files", msgstr_plural={0: "a", 1: "b", 2: "c"}),
        Plural_Forms="nplurals=3; plural=n%5;",
    )
    assert "plural-forms-invalid" in codes(check_catalog(catalog, "ru"))
    assert msgfmt_check(write_po(catalog), tmp_path).returncode != 0


def test_template_skips_language_checks() -> None:
    template = russian(Message("Hi"), Language="", Plural_Forms=None)
    template.locale = None
    assert check_catalog(template, None) == []


def test_header_line_follows_header_comments() -> None:
    catalog = russian(Language="uk")
    catalog.header_comments = ["Title", "Copyright"]
    catalog.header_flags = ["fuzzy"]
    assert check_catalog(catalog, "ru")[0].line == 4
