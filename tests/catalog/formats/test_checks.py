"""Each language's comparison of a translation's arguments with its msgid's (msgfmt -c
itself is compared in test_formats)."""

from __future__ import annotations

import pytest

from locpipe.catalog.formats.checks import CHECKS, Arguments, arguments, same_arguments
from locpipe.catalog.formats.directives import Directive, Parsed


def parsed(*pairs: tuple[int | str, str]) -> Parsed:
    return Parsed(tuple(Directive(0, 0, argument, kind) for argument, kind in pairs), True)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (((1, "untyped"), (1, "number")), {1: "number"}),  # Java's {1} with {1,number}
        (((1, "number"), (1, "untyped")), {1: "number"}),
        (((1, "integer"), (1, "string")), None),  # one argument as two kinds: invalid
    ],
)
def test_arguments_of_a_string(
    pairs: tuple[tuple[int | str, str], ...], expected: Arguments | None
) -> None:
    assert arguments(parsed(*pairs)) == expected


def test_an_invalid_string_has_no_arguments() -> None:
    assert arguments(Parsed((), False)) is None


@pytest.mark.parametrize(
    ("given", "strict", "fits"),
    [
        ({1: "integer", 2: "string"}, True, True),
        ({1: "integer"}, True, False),
        ({1: "integer"}, False, True),  # a plural form may leave one out
        ({1: "string", 2: "string"}, False, False),
        ({1: "integer", 2: "string", 3: "string"}, False, False),
    ],
)
def test_same_arguments(given: Arguments, strict: bool, fits: bool) -> None:
    assert same_arguments({1: "integer", 2: "string"}, given, strict) is fits


@pytest.mark.parametrize(
    ("language", "wanted", "given", "fits"),
    [
        ("csharp", {0: "any", 2: "any"}, {1: "any", 2: "any"}, True),  # only the count
        ("csharp", {0: "any", 2: "any"}, {0: "any"}, False),
        ("perl-brace", {"n": "any"}, {"n": "any", "total": "any"}, True),
        ("ruby", {2: "integer"}, {1: "integer"}, True),  # positions, not numbers
        ("ruby", {"a": "any"}, {1: "any"}, False),
        ("qt", {1: "any"}, {1: "any", "%L": "marker"}, False),
        ("qt", {1: "any", "%L": "marker"}, {1: "any"}, True),
        ("gfc-internal", {1: "string", 2: "currentloc"}, {1: "string"}, False),
        ("lisp", {1: "object", "~": "marker"}, {1: "object", "~": "marker"}, True),
        ("lisp", {1: "object", "~": "marker"}, {1: "integer", "~": "marker"}, False),
    ],
)
def test_language_checks(language: str, wanted: Arguments, given: Arguments, fits: bool) -> None:
    assert CHECKS[language](wanted, given, True) is fits
