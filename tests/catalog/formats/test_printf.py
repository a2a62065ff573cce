"""The printf-like languages: lines broken where msgcat breaks them, around directives
with a break opportunity inside (a space flag, a hyphen, %%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.formats import unbreakable
from tests.catalog.formats.wrapping import (
    written_as_msgcat,
    written_as_msgcat_without_its_parser,
)

# Directives msgcat keeps whole, and a writer that did not know them would split.
WHOLE = [
    ("c-format", "% d"),
    ("c-format", "%1$- 5s"),
    ("c-format", "%- m"),  # glibc's %m takes no argument
    ("c-format", "%'# 05.Lt%"),  # gettext 0.21 reads any run of size letters
    ("objc-format", "%- 5@"),
    ("python-format", "%(n) d"),
    ("php-format", "%- 5d"),
    ("java-printf-format", "%1$- 5d"),
    ("java-printf-format", "%%%n"),
    ("javascript-format", "% I5.2f"),
    ("javascript-format", "%d%%"),
    ("awk-format", "%- *d"),
    ("lua-format", "%5.2f%%"),
    ("elisp-format", "%1$- 5s"),
    ("librep-format", "%-^5d"),
    ("tcl-format", "%- 5hd"),
    ("perl-format", "% d"),
    ("ruby-format", "%<a>- 5s"),
    ("ruby-format", "%{a b}"),
    ("ruby-format", "% 4%"),
    ("object-pascal-format", "%-*.*f"),
    ("object-pascal-format", "%:s%%"),
    ("boost-format", "%|1$ 5d|"),
    ("boost-format", "%1%%%"),
    ("gcc-internal-format", "%.*s%%"),
    ("gcc-internal-format", "%+#D%%"),
    ("gfc-internal-format", "%C%%"),
]
# Strings gettext 0.21 finds invalid at the directive, so that msgcat may break in it.
SPLIT = [
    ("c-format", "%-l@ x"),  # %@ is Objective-C's
    ("objc-format", "%1$s %2$+ 12.*ll@"),  # numbered and unnumbered (*) mixed
    ("python-format", "% F x"),  # no %F in gettext 0.21's Python
    ("php-format", "%+d x"),  # no + flag in its PHP
    ("php-format", "%1$ G x"),  # nor %G
    ("java-printf-format", "%n %<-x y"),  # %< with no argument before it
    ("lua-format", "% d"),  # no flags in its Lua
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
        ("%1$*2$d", "c-format", [1, 2, 3, 4, 5, 6]),
        ("%s %2$d", "c-format", [1]),  # invalid from the mixing directive on
        ("%*d", "python-format", [1, 2]),
        ("%d %<s", "java-printf-format", [1, 4, 5]),
        ("%v d", "perl-format", []),  # the vector flag comes before the width
        ("%1$s %d", "elisp-format", [1, 2, 3, 6]),  # "m$" sets the next argument
        ("%1$s %d", "tcl-format", [1, 2, 3]),  # which tcl does not let mix
        ("%0:s %*d", "object-pascal-format", [1, 2, 3, 6, 7]),
        ("%1% %|2$s|", "boost-format", [1, 2, 5, 6, 7, 8, 9]),
        ("%<%qs%>", "gcc-internal-format", [1, 3, 4, 6]),
        ("%2$d %d", "gfc-internal-format", [1, 2, 3, 6]),
    ],
)
def test_unbreakable_indexes(text: str, flag: str, inside: list[int]) -> None:
    assert sorted(unbreakable(text, [flag])) == inside
