"""The scanner the printf-like tables share: how ``m$`` numbers arguments, mixing,
contiguous numbers, and checks beyond the pattern."""

from __future__ import annotations

import re

import pytest

from locpipe.catalog.formats.directives import Printf, scan_printf

_PATTERN = re.compile(
    r"%(?:(?P<percent>%)|(?P<number>[1-9][0-9]*\$)?(?P<width>\*)?(?P<conversion>[ds]))"
)
_KINDS = {"d": "integer", "s": "string"}


def arguments(syntax: Printf, text: str) -> list[tuple[int | str | None, str]] | None:
    parsed = scan_printf(syntax, text)
    if not parsed.valid:
        return None
    return [(d.argument, d.kind) for d in parsed.directives if d.argument is not None]


@pytest.mark.parametrize(
    ("numbering", "expected"),
    [
        ("counter", [(2, "string"), (1, "integer")]),  # unnumbered ones count on their own
        ("current", [(2, "string"), (3, "integer")]),  # m$ sets the next argument
    ],
)
def test_numbering(numbering: str, expected: list[tuple[int, str]]) -> None:
    syntax = Printf(_PATTERN, _KINDS, may_mix=True, numbering=numbering)
    assert arguments(syntax, "%2$s %d %%") == expected


def test_a_star_takes_an_argument_of_its_own() -> None:
    assert arguments(Printf(_PATTERN, _KINDS), "%*d") == [(1, "integer"), (2, "integer")]


@pytest.mark.parametrize(("may_mix", "valid"), [(False, False), (True, True)])
def test_mixing_numbered_and_unnumbered(may_mix: bool, valid: bool) -> None:
    syntax = Printf(_PATTERN, _KINDS, may_mix=may_mix)
    assert scan_printf(syntax, "%1$s %d").valid is valid


@pytest.mark.parametrize(("text", "valid"), [("%2$s %1$d", True), ("%2$s", False)])
def test_contiguous_numbers(text: str, valid: bool) -> None:
    parsed = scan_printf(Printf(_PATTERN, _KINDS, contiguous=True), text)
    assert parsed.valid is valid
    assert parsed.directives  # found either way: the writer keeps them whole


def test_what_the_pattern_cannot_say() -> None:
    no_width = Printf(_PATTERN, _KINDS, accepts=lambda match: match.group("width") is None)
    parsed = scan_printf(no_width, "%d %*s %d")
    assert (len(parsed.directives), parsed.valid) == (1, False)
