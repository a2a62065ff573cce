"""Placeholder languages (C#, Smalltalk, YCP, Qt, KDE, shell, braces): lines broken
where msgcat breaks them, and their directives."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.formats import PARSERS, directives_fit, unbreakable
from tests.catalog.formats.wrapping import (
    written_as_msgcat,
    written_as_msgcat_without_its_parser,
)
from tests.catalog.gnu import msgfmt_accepts

# Directives msgcat keeps whole, and a writer that did not know them would split.
WHOLE = [
    ("csharp-format", "{0: yyyy-MM-dd}"),
    ("csharp-format", "{0:N2}%"),
    ("smalltalk-format", "%1%%"),
    ("smalltalk-format", "%%"),
    ("ycp-format", "%1%%"),
]
SPLIT = [
    ("csharp-format", "{x y}"),  # no argument number
    ("csharp-format", "{0, 5}"),  # a width must follow the comma at once
    ("qt-plural-format", "%n%% of"),  # %% is no Qt directive
]


@pytest.mark.parametrize(("flag", "text"), WHOLE + SPLIT)
def test_lines_break_where_msgcat_breaks_them(flag: str, text: str, tmp_path: Path) -> None:
    assert written_as_msgcat(flag, text, tmp_path)


@pytest.mark.parametrize(("flag", "text"), WHOLE)
def test_each_directive_needs_its_parser(
    flag: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not written_as_msgcat_without_its_parser(flag, text, tmp_path, monkeypatch)


@pytest.mark.parametrize(
    ("text", "flag", "inside"),
    [
        ("{{a}} {0,-5:x}", "csharp-format", [1, 4, 7, 8, 9, 10, 11, 12, 13]),
        ("{0} } {1}", "csharp-format", [1, 2]),  # a lone } ends the valid part
        ("%1 %% %a %2", "smalltalk-format", [1, 4]),  # "%a" is invalid
        ("%Ln and %n", "qt-plural-format", [1, 2, 9]),
        ("%1 %L2", "qt-format", [1, 4, 5]),
        ("%1 <b>%2</b>", "kde-kuit-format", [1, 7]),
    ],
)
def test_unbreakable_indexes(text: str, flag: str, inside: list[int]) -> None:
    assert sorted(unbreakable(text, [flag])) == inside


@pytest.mark.parametrize(
    ("msgstr", "fits"),
    [
        ("<filename>%1</filename> файлов", True),
        ("%1 &nbsp; &foo; & файлов", True),  # libxml2 lets undefined entities pass
        ("<b>%1 файлов", False),  # not well-formed
        ("<b a=1>%1</b>", False),
        ("%1 &#0; файлов", False),
    ],
)
def test_kuit_markup_must_be_well_formed(msgstr: str, fits: bool, tmp_path: Path) -> None:
    assert directives_fit("kde-kuit", "%1 files", msgstr) is fits
    assert msgfmt_accepts("kde-kuit", "%1 files", msgstr, tmp_path) is fits


# python-brace as gettext 0.21 reads it: which msgids are format strings at all
# (msgfmt -c checks a translation only against a valid one).
BRACE_VALIDITY = [
    ("{0:>5}", True),
    ("{0:x>5d}", True),
    ("{0:*^10}", True),
    ("{0:.}", True),  # 0.21 takes a "." with no digits
    ("{0:-#0}", True),
    ("{0:{1}}", True),  # a nested name as the spec
    ("{a.b[0]}", True),
    ("{0: AA}", False),  # a spec that is not the standard one
    ("{0:dd}", False),
    ("{0:..}", False),
    ("{0:{1}x}", False),
    ("{0abc}", False),
    ("{:>5}", False),  # 0.21 wants a name
    ("{}", False),
]


@pytest.mark.parametrize(("directive", "valid"), BRACE_VALIDITY)
def test_python_brace_validity_is_gettexts(directive: str, valid: bool, tmp_path: Path) -> None:
    assert PARSERS["python-brace"](f"x {directive}").valid is valid
    # A valid msgid is checked: a translation naming another argument is refused.
    assert msgfmt_accepts("python-brace", f"x {directive}", "y {zzz}", tmp_path) is not valid


def test_an_invalid_brace_string_breaks_where_msgcat_breaks_it(tmp_path: Path) -> None:
    # Found by the generated-catalog test: a long invalid spec protected nothing in
    # msgcat, while locpipe kept the whole string on the keyword's line.
    assert written_as_msgcat(
        "python-brace-format", "::::{: AAAAAAAAAA AAAAAAAAAAAAAA AAAAAAAAAAAAAA ::::::} ", tmp_path
    )
