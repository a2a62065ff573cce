"""The one settings checker: types and bounds read from the dataclasses, lines found in the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from locpipe.errors import ConfigError
from locpipe.settings import Source, describe_expected, find_key_line, read_table, setting


@dataclass(frozen=True)
class Sample:
    count: int = setting(1, ge=1)
    ratio: float = setting(0.5, gt=0, le=1)
    label: str | None = setting(None, non_empty=True)
    mode: str = setting("a", choices=("a", "b"))
    names: tuple[str, ...] = ()
    flag: bool = False


SOURCE = Source(Path("locpipe.toml"), '[sample]\ncount = 0\n"ratio" = 2\n')


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"count": 0}, "sample.count must be an integer ≥ 1, not 0"),
        ({"count": True}, "sample.count must be an integer ≥ 1, not true"),
        ({"count": 1.5}, "sample.count must be an integer ≥ 1, not 1.5"),
        ({"ratio": 2}, "sample.ratio must be a number > 0 and ≤ 1, not 2"),
        ({"ratio": "x"}, "sample.ratio must be a number > 0 and ≤ 1, not 'x'"),
        ({"label": ""}, "sample.label must be a string that is not empty (or left out), not ''"),
        ({"mode": "c"}, 'sample.mode must be one of "a", "b", not \'c\''),
        ({"names": ["x", 1]}, "sample.names must be a list of strings, not ['x', 1]"),
        ({"flag": "yes"}, "sample.flag must be true or false, not 'yes'"),
        ({"colour": 1}, "unknown key 'sample.colour'"),
    ],
)
def test_wrong_values_are_named_with_what_is_expected(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        read_table(Sample, table, SOURCE, "sample")
    assert caught.value.message == message
    assert caught.value.path == Path("locpipe.toml")


def test_good_values_are_converted() -> None:
    table = {"count": 3, "ratio": 1, "names": ["a", "b"], "flag": True, "label": "x"}
    sample = read_table(Sample, table, SOURCE, "sample")
    assert sample == Sample(count=3, ratio=1.0, label="x", names=("a", "b"), flag=True)
    assert isinstance(sample.ratio, float)


@pytest.mark.parametrize(("key", "line"), [("count", 2), ("ratio", 3), ("mode", 1)])
def test_errors_carry_the_line_of_the_key(key: str, line: int) -> None:
    with pytest.raises(ConfigError) as caught:
        read_table(Sample, {key: -5}, SOURCE, "sample")
    assert caught.value.line == line


TEXT = """\
top = 1
engine.beam_size = 2
[check]  # the gate
max_fuzzy = 3
'glossary' = "g.csv"
inline = { deep = 1 }

[tool.locpipe.engine]
beam_size = 4
"""


@pytest.mark.parametrize(
    ("dotted", "line"),
    [
        (("top",), 1),
        (("engine", "beam_size"), 2),
        (("check",), 3),
        (("check", "max_fuzzy"), 4),
        (("check", "glossary"), 5),
        (("check", "inline", "deep"), 6),  # in an inline table: the line that holds it
        (("check", "missing"), 3),  # not written: its table's line
        (("tool", "locpipe", "engine", "beam_size"), 9),
        (("nowhere",), None),
    ],
)
def test_find_key_line(dotted: tuple[str, ...], line: int | None) -> None:
    assert find_key_line(TEXT, dotted) == line


def test_description_of_an_optional_bounded_integer() -> None:
    assert describe_expected(int | None, {"ge": 0}) == "an integer ≥ 0 (or left out)"
