"""Format directives as gettext's format-*.c parse them (checked against msgfmt -c)."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.formats import directives_fit, format_language, strict_forms, unbreakable
from tests.catalog.gnu import msgfmt_accepts


@pytest.mark.parametrize(
    ("flags", "language"),
    [
        (["fuzzy", "c-format"], "c"),
        (["possible-python-format"], "python"),
        (["no-c-format"], None),
        (["php-format", "c-format"], "c"),  # gettext's order, not the file's
        (["qt-format"], "qt"),
        ([], None),
    ],
)
def test_format_language_is_the_first_in_gettexts_order(
    flags: list[str], language: str | None
) -> None:
    assert format_language(flags) == language


@pytest.mark.parametrize(
    ("text", "flag", "inside"),
    [
        ("%d%% of", "c-format", [1, 3]),
        ("a %1$s b", "c-format", [3, 4, 5]),
        ("%s then %2$d mixes", "c-format", [1]),  # invalid from the mixing directive on
        ("%(n)d %%", "python-format", [1, 2, 3, 4, 7]),
        ("%1$s %d", "php-format", [1, 2, 3, 6]),  # PHP may mix
        ("%z bad %d", "c-format", []),  # invalid from the start
        ("x {name} y", "python-brace-format", [1, 2, 3, 4, 5]),  # gettext 0.21's offsets
        ("%L1 or %12%", "qt-format", [1, 2, 8, 9]),
        ("%1 %20 %0", "kde-format", [1, 4, 5]),
        ("$a ${bc} $1 $d", "sh-format", [1, 4, 5, 6, 7]),  # invalid from "$1" on
        ("{a} {1} {b c}", "perl-brace-format", [1, 2]),
        ("%d", "java-format", []),  # no directive in Java's MessageFormat
    ],
)
def test_unbreakable_indexes(text: str, flag: str, inside: list[int]) -> None:
    assert sorted(unbreakable(text, [flag])) == inside


FIT = [
    ("c", "%d files", "%d файлов", True),
    ("c", "%d files", "файлы", False),
    ("c", "%s of %d", "%2$d: %1$s", True),
    ("c", "%s of %d", "%d: %s", False),
    ("c", "%d%%", "%d %%", True),
    ("python", "Hello %(name)s", "Привет, %(name)s", True),
    ("python", "Hello %(name)s", "Привет", False),
    ("python-brace", "{count} new", "новых: {count}", True),
    ("python-brace", "{count} new", "{total} новых", False),
    ("qt", "%1 of %2", "%2: %1", True),
    ("qt", "%1 of %2", "%1", False),
    ("kde", "%1 of %2", "%2 из %1", True),
    ("kde", "%1 of %2", "%1 из %3", False),
    ("sh", "Hello $USER", "Привет, ${USER}", True),
    ("sh", "Hello $USER", "Привет, $HOME", False),
    ("perl-brace", "{n} files", "файлов: {n}", True),
    ("perl-brace", "{n} files", "файлов: {m}", False),
    ("perl-brace", "{n} files", "{n} файлов из {total}", True),  # may add names
    ("c", "%d files", "%u файлов", False),  # signed and unsigned differ
    ("c", "%ld files", "%lld файлов", False),
    ("c", "%lld files", "%qd файлов", True),  # q and ll are the same size
    ("c", "%2$d files", "файлы", True),  # msgid leaves out argument 1: not checked
    ("python", "%s files", "%r файлов", True),
    ("python-brace", "{0} files", "{0:>5} файлов", False),  # 0.21 names it "0:>5"
    ("java", "{0} of {1,number}", "{1,number}: {0}", True),
    ("java", "{0,number} files", "{0,date} файлов", False),
    ("java-printf", "%s of %d", "%2$d: %1$s", True),
    ("java-printf", "%d files", "%s файлов", False),
    ("csharp", "{0} of {1}", "{1}: {0}", True),
    ("csharp", "{0} of {1}", "{0}", False),
    ("javascript", "%s of %d", "%2$d: %s", False),  # may not mix
    ("javascript", "%1$s of %2$d", "%2$d: %1$s", True),
    ("scheme", "~A of ~D", "~A: ~D", True),
    ("elisp", "%s of %d", "%2$d: %s", False),  # the %s after %2$d takes argument 3
    ("librep", "%s of %d", "%s: %d", True),
    ("ruby", "%<a>s of %<b>d", "%<b>d: %<a>s", True),
    ("ruby", "%2$d files", "%d файлов", True),  # positions, however numbered
    ("ruby", "%<a>s files", "%s файлов", False),  # a hash, not positions
    ("awk", "%d files", "%s файлов", False),
    ("lua", "%d of %s", "%d из %s", True),
    ("lua", "%s files", "%q файлов", False),
    ("object-pascal", "%d of %s", "%1:s: %0:d", True),
    ("smalltalk", "%1 of %2", "%2: %1", True),
    ("smalltalk", "%1 of %2", "%3: %1", False),
    ("qt", "%1 files", "%L1 файлов", False),  # an L where the msgid has none
    ("qt", "%L1 files", "%1 файлов", True),
    ("qt-plural", "%n files", "%Ln файлов", True),
    ("qt-plural", "%n files", "файлы", False),
    ("kde-kuit", "%1 of %2", "%2 из %1", True),
    ("boost", "%1% of %2%", "%2%: %1%", True),
    ("boost", "%s of %d", "%2$d: %s", False),
    ("tcl", "%s of %d", "%2$d: %1$s", True),
    ("tcl", "%s of %d", "%2$d: %s", False),
    ("perl", "%s of %d", "%2$d: %1$s", True),
    ("perl", "%d files", "%vd файлов", False),
    ("php", "%s of %d", "%2$d: %1$s", True),
    ("gcc-internal", "cannot open %s: %m", "не открыть %s", False),
    ("gcc-internal", "%qs is %<const%>", "%qs — %<const%>", True),
    ("gfc-internal", "%s at %C", "%s в %C", True),
    ("gfc-internal", "%s at %C", "%s", False),
    ("ycp", "%1 of %2", "%1 из %2", True),
]


@pytest.mark.parametrize(("language", "msgid", "msgstr", "fits"), FIT)
def test_directives_fit_as_msgfmt_checks(
    language: str, msgid: str, msgstr: str, fits: bool, tmp_path: Path
) -> None:
    assert directives_fit(language, msgid, msgstr) is fits
    assert msgfmt_accepts(language, msgid, msgstr, tmp_path) is fits


def test_strict_forms_are_those_many_numbers_select() -> None:
    assert strict_forms("nplurals=2; plural=(n != 1);", 2) == [False, True]
    russian = (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    )
    assert strict_forms(russian, 3) == [True, True, True]
    assert strict_forms("nplurals=2; plural=n ==", 2) == [True, True]
