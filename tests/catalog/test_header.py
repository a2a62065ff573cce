"""New PO headers and plural forms."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.header import (
    new_header,
    parse_header,
    parse_locale,
    plural_forms,
    render_header,
    set_field,
)
from locpipe.catalog.po import write_po
from locpipe.errors import ConfigError
from tests.catalog.gnu import msgfmt_check

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=timezone(timedelta(hours=3)))
GETTEXT_ORDER = [
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
]


def test_template_header_in_gettext_order() -> None:
    header = new_header(None, project="site", version="1.2", now=NOW)
    assert list(header) == GETTEXT_ORDER[:-1]
    assert header["Project-Id-Version"] == "site 1.2"
    assert header["POT-Creation-Date"] == "2024-05-01 12:30+0300"
    assert header["PO-Revision-Date"] == "YEAR-MO-DA HO:MI+ZONE"
    assert header["Language"] == ""
    assert header["Content-Type"] == "text/plain; charset=UTF-8"


def test_catalog_header_has_language_and_plural_forms() -> None:
    header = new_header("ru", project="site", version="1.2", now=NOW)
    assert list(header) == GETTEXT_ORDER
    assert header["Language"] == "ru"
    assert header["PO-Revision-Date"] == "2024-05-01 12:30+0300"
    assert header["Plural-Forms"].startswith("nplurals=3; plural=(n%10==1")


def test_given_plural_forms_win() -> None:
    header = new_header(
        "de", project="s", version="1", now=NOW, plural_forms="nplurals=1; plural=0;"
    )
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"


def test_naive_time_is_utc() -> None:
    header = new_header(None, project="s", version="1", now=datetime(2024, 1, 2, 3, 4))
    assert header["POT-Creation-Date"] == "2024-01-02 03:04+0000"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "ru",
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);",
        ),
        ("de", "nplurals=2; plural=(n != 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("ja", "nplurals=1; plural=0;"),
        ("ar", str(get_plural("ar").plural_forms)),  # not in gettext's table: Babel's
    ],
)
def test_plural_forms_are_msginits_else_babels(locale: str, expected: str) -> None:
    assert plural_forms(locale) == expected


@pytest.mark.parametrize("code", ["xx_YY", "english", "ru-RU", "", "ru RU"])
def test_bad_locale_code_is_a_config_error_with_a_hint(code: str) -> None:
    with pytest.raises(ConfigError) as caught:
        plural_forms(code)
    assert repr(code) in caught.value.message
    assert "pt_BR" in (caught.value.hint or "")


def test_parse_locale_accepts_region() -> None:
    assert str(parse_locale("pt_BR")) == "pt_BR"


def test_set_field_puts_a_new_field_in_gettext_order() -> None:
    header = {"Project-Id-Version": "x", "Language": "ru", "Content-Type": "text/plain"}
    updated = set_field(header, "POT-Creation-Date", "2024-05-01 12:30+0000")
    assert list(updated) == [
        "Project-Id-Version",
        "POT-Creation-Date",
        "Language",
        "Content-Type",
    ]
    assert list(set_field(header, "X-Custom", "1"))[-1] == "X-Custom"
    assert set_field(header, "Language", "de")["Language"] == "de"
    assert header["Language"] == "ru"


@pytest.mark.parametrize("locale", [None, "ru", "pt_BR", "ja"])
def test_new_header_passes_msgfmt_check(locale: str | None, tmp_path: Path) -> None:
    header = new_header(locale, project="site", version="1", now=NOW)
    catalog = Catalog(locale=locale, header=header)
    catalog.messages[(None, "Hello")] = Message("Hello", "Hallo" if locale else "")
    done = msgfmt_check(write_po(catalog), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "missing" not in done.stderr


RAW_HEADER = (
    "#-#-#-#-#  a.po  #-#-#-#-#\n"
    "Project-Id-Version:  site 1.0\n"
    "Language:ru\n"
    "X-Gone: yes\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Language: de\n"
    "X-Last: no newline"
)


def test_parse_header_reads_fields_and_skips_other_lines() -> None:
    assert parse_header(RAW_HEADER) == {
        "Project-Id-Version": "site 1.0",
        "Language": "ru",  # the first of a repeated name, as gettext's get_field
        "X-Gone": "yes",
        "Content-Type": "text/plain; charset=UTF-8",
        "X-Last": "no newline",
    }


def test_render_header_keeps_what_did_not_change() -> None:
    fields = parse_header(RAW_HEADER)
    assert render_header(fields, RAW_HEADER) == RAW_HEADER
    fields["Language"] = "uk"
    del fields["X-Gone"]
    fields = set_field(fields, "MIME-Version", "1.0")
    assert render_header(fields, RAW_HEADER) == (
        "#-#-#-#-#  a.po  #-#-#-#-#\n"
        "Project-Id-Version:  site 1.0\n"
        "Language: uk\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Language: de\n"
        "X-Last: no newline"
    )


def test_render_header_without_text_writes_name_colon_value() -> None:
    assert render_header({"A": "1", "B": ""}, None) == "A: 1\nB: \n"
