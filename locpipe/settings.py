"""Settings tables checked against their dataclasses: one checker, no second list of rules.

A settings table is a frozen dataclass. Each field's type says what TOML value
it takes (``str``, ``int``, ``float``, ``bool``, ``list[str]``, ``Path`` as a
string, any of them ``| None``), and bounds go in the field's metadata through
``setting()``: ``ge``/``le``/``gt`` for numbers, ``choices`` for a closed set of
strings, ``non_empty`` for strings. ``read_table`` checks a TOML table against
that and names the file, the dotted key and its line when a value is wrong.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from locpipe.errors import ConfigError

T = TypeVar("T")
Kind = TypeVar("Kind")


def setting(
    default: T,
    *,
    ge: float | None = None,
    le: float | None = None,
    gt: float | None = None,
    choices: Sequence[str] | Callable[[], Sequence[str]] | None = None,
    non_empty: bool = False,
    each: Callable[[str], str | None] | None = None,
) -> T:
    """A dataclass field with its default and the bounds its value must keep.

    ``choices`` may be a function, for sets known only once other modules are
    loaded (the engine names). ``each`` checks every item of a list: it returns
    what is wrong with the item (``"is not a valid CSS selector"``), or None.
    """
    bounds = {"ge": ge, "le": le, "gt": gt, "choices": choices, "each": each}
    metadata: dict[str, Any] = {key: value for key, value in bounds.items() if value is not None}
    if non_empty:
        metadata["non_empty"] = True
    result: T = field(default=default, metadata=metadata)
    return result


@dataclass(frozen=True)
class Source:
    """Where settings come from: the file, its text (to find lines), and the tables' prefix."""

    path: Path
    text: str = ""
    prefix: tuple[str, ...] = ()  # ("tool", "locpipe") in pyproject.toml

    def line_of(self, dotted: str) -> int | None:
        """The line (from 1) where ``dotted`` (``check.max_fuzzy``) is set, or its table is."""
        return find_key_line(self.text, (*self.prefix, *dotted.split(".")))

    def line_of_item(self, dotted: str, item: str) -> int | None:
        """The line of a list item, where it is written on a line of its own or after the key."""
        start = self.line_of(dotted) or 1
        lines = self.text.splitlines()[start - 1 :]
        for number, line in enumerate(lines, start):
            if f'"{item}"' in line or f"'{item}'" in line:
                return number
        return start

    def error(self, dotted: str, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line_of(dotted), hint=hint)


def is_table(kind: object) -> bool:
    """Whether a field type is itself a settings table (a dataclass)."""
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def table_fields(kind: type[Any]) -> dict[str, tuple[Any, Mapping[str, Any]]]:
    """The settings of a table: name → (type, metadata), for fields that are settings."""
    hints = typing.get_type_hints(kind)
    return {
        item.name: (hints[item.name], item.metadata)
        for item in dataclasses.fields(kind)
        if item.init and item.metadata.get("setting", True)
    }


def reject_unknown(
    table: Mapping[str, Any], known: Sequence[str], source: Source, prefix: str
) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = (
                f"did you mean '{prefix}{close[0]}'?"
                if close
                else f"known keys: {', '.join(sorted(known))}"
            )
            raise source.error(f"{prefix}{key}", f"unknown key '{prefix}{key}'", hint)


def read_table(kind: type[Kind], table: object, source: Source, name: str) -> Kind:
    """The table ``name`` checked against the dataclass ``kind``; ConfigError at the first fault."""
    if not isinstance(table, dict):
        raise source.error(name, f"[{name}] must be a table, not {_describe(table)}")
    settings = table_fields(kind)
    reject_unknown(table, list(settings), source, f"{name}.")
    values = {}
    for key, value in table.items():
        kind_of_value, metadata = settings[key]
        dotted = f"{name}.{key}"
        if is_table(kind_of_value):
            values[key] = read_table(kind_of_value, value, source, dotted)
        else:
            values[key] = check_value(value, kind_of_value, metadata, source, dotted)
    return kind(**values)


def check_value(
    value: object, kind: Any, metadata: Mapping[str, Any], source: Source, dotted: str
) -> Any:
    """``value`` as the field wants it (ints widened to float, lists to tuples), or ConfigError."""
    converted = _convert(value, kind)
    if converted is _WRONG:
        expected = describe_expected(kind, metadata)
        raise source.error(dotted, f"{dotted} must be {expected}, not {_describe(value)}")
    if _out_of_bounds(converted, metadata):
        expected = describe_expected(kind, metadata)
        raise source.error(dotted, f"{dotted} must be {expected}, not {_describe(value)}")
    if "each" in metadata and converted is not None:
        for item in converted:
            problem = metadata["each"](item)
            if problem is not None:
                line = source.line_of_item(dotted, item)
                raise ConfigError(f"{dotted}: {item!r} {problem}", path=source.path, line=line)
    return converted


def describe_expected(kind: Any, metadata: Mapping[str, Any]) -> str:
    """What a setting takes, in words: ``an integer ≥ 1``, ``one of "cpu", "cuda"``."""
    optional, base = _unwrap_optional(kind)
    choices = _choices(metadata)
    if choices is not None:
        text = "one of " + ", ".join(f'"{choice}"' for choice in choices)
    else:
        text = _NAMES.get(base, "a list of strings")
        text += _bounds_text(metadata)
    return f"{text} (or left out)" if optional else text


class _Wrong:
    pass


_WRONG: Any = _Wrong()
_NAMES: dict[Any, str] = {
    str: "a string",
    Path: "a string (a path)",
    int: "an integer",
    float: "a number",
    bool: "true or false",
}


def _convert(value: object, kind: Any) -> Any:
    optional, base = _unwrap_optional(kind)
    if value is None:
        return None if optional else _WRONG
    if base is bool:
        return value if isinstance(value, bool) else _WRONG
    if base is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _WRONG
    if base is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else _WRONG  # type: ignore[arg-type]
    if base in (str, Path):
        return value if isinstance(value, str) else _WRONG
    container = typing.get_origin(base)
    if container in (list, tuple):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return _WRONG
        return container(value)
    raise TypeError(f"settings of type {kind!r} are not supported")  # a bug in a dataclass


def _unwrap_optional(kind: Any) -> tuple[bool, Any]:
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        members = [member for member in typing.get_args(kind) if member is not type(None)]
        return len(members) < len(typing.get_args(kind)), members[0]
    return False, kind


def _choices(metadata: Mapping[str, Any]) -> Sequence[str] | None:
    choices = metadata.get("choices")
    return choices() if callable(choices) else choices


def _out_of_bounds(value: Any, metadata: Mapping[str, Any]) -> bool:
    if value is None:
        return False
    choices = _choices(metadata)
    if choices is not None and value not in choices:
        return True
    if metadata.get("non_empty") and not value:
        return True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            ("ge" in metadata and value < metadata["ge"])
            or ("le" in metadata and value > metadata["le"])
            or ("gt" in metadata and value <= metadata["gt"])
        )
    return False


def _bounds_text(metadata: Mapping[str, Any]) -> str:
    if metadata.get("non_empty"):
        return " that is not empty"
    ge, le, gt = metadata.get("ge"), metadata.get("le"), metadata.get("gt")
    if ge is not None and le is not None:
        return f" from {_number(ge)} to {_number(le)}"
    parts = [
        f"{sign} {_number(bound)}"
        for sign, bound in (("≥", ge), (">", gt), ("≤", le))
        if bound is not None
    ]
    return " " + " and ".join(parts) if parts else ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


# TOML lines that open a table (``[check]``, ``[tool.locpipe.engine]``) or set a key.
_HEADER_RE = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]")
_KEY_RE = re.compile(
    r"\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)


def find_key_line(text: str, dotted: Sequence[str]) -> int | None:
    """The line (from 1) that sets the key ``dotted``, else the line of its nearest table.

    tomllib keeps no positions, so this reads the lines itself: table headers and
    ``key =`` lines (dotted keys too). A key set in an inline table is found at
    the line of the key that holds the inline table.
    """
    wanted = tuple(dotted)
    table: tuple[str, ...] = ()
    best: tuple[int, int] | None = None  # (length of the matched prefix, line)
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER_RE.match(line)
        if header and not line.lstrip().startswith("[["):
            table = _split_key(header.group(1))
            candidate = table
        else:
            key = _KEY_RE.match(line)
            if key is None:
                continue
            candidate = (*table, *_split_key(key.group(1)))
        matched = _common_prefix(candidate, wanted)
        if matched == len(wanted) and len(candidate) == len(wanted):
            return number
        if matched == len(candidate) and (best is None or matched > best[0]):
            best = (matched, number)
    return best[1] if best else None


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", text)
    return tuple(part.strip("\"'") for part in parts)


def _common_prefix(left: Sequence[str], right: Sequence[str]) -> int:
    count = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count
