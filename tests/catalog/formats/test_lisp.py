"""Common Lisp's and Scheme's ~ directives: an opening one reaches to its closing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.formats import directives_fit, unbreakable
from tests.catalog.formats.wrapping import (
    written_as_msgcat,
    written_as_msgcat_without_its_parser,
)
from tests.catalog.gnu import msgfmt_accepts

WHOLE = [
    ("lisp-format", "~[zero~;one two~]"),
    ("lisp-format", "~{~A~^, ~}"),
    ("lisp-format", "~10,'-D"),
    ("lisp-format", "~<a ~;b~>"),
    ("lisp-format", "~/pkg:fn x/"),
    ("lisp-format", "~'-:@!"),  # CLISP's ~! takes any parameters
    ("scheme-format", "~@(hello world~)"),
    ("scheme-format", "~:[no~; yes~]"),
]
SPLIT = [
    ("scheme-format", "~#:[~; d ~#@:C a b  c ~] z"),  # ~:[ takes no parameter
    ("scheme-format", "~<a ~;b~>"),  # no ~< in Scheme
    ("lisp-format", "~; a b"),  # ~; outside ~[ or ~<
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
    ("text", "inside"),
    [
        ("~A ~[a ~D~;b~] ~%", [1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16]),
        ("~2,'0D", [1, 2, 3, 4, 5]),
        ("~A ~]", [1]),  # closing what was never opened
        ("~A ~[open", [1]),  # never closed
    ],
)
def test_unbreakable_indexes(text: str, inside: list[int]) -> None:
    assert sorted(unbreakable(text, ["lisp-format"])) == inside


@pytest.mark.parametrize(
    ("msgid", "msgstr", "fits"),
    [
        ("~A files", "~S файлов", True),  # both take any object
        ("~D files", "~A файлов", False),
        ("~A of ~D", "~D: ~A", False),  # in order, unlike printf's numbers
        ("~[none~;one~]", "~A", True),  # a plain ~[ takes one argument
        ("~{~A~^, ~}", "~{~A~^; ~}", True),
        ("~{~A~^, ~}", "~A", False),
    ],
)
def test_arguments_are_compared_in_order(
    msgid: str, msgstr: str, fits: bool, tmp_path: Path
) -> None:
    assert directives_fit("lisp", msgid, msgstr) is fits
    assert msgfmt_accepts("lisp", msgid, msgstr, tmp_path) is fits
