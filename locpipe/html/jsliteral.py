"""String values in the object literals of an inline script, with their byte spans.

Tilda's init scripts assign their options to variables before the call::

    var popup_optsObj = { btnTitle: 'Купить', closeText: 'Другие модели', iconColor: '#000' };
    var options = { storepart: '265183454331', popup_opts: popup_optsObj, ... };
    t_store_init('280724010', options);

``object_strings`` finds every ``NAME = {…}`` or ``NAME = […]`` assignment and reports
the string literals that are a property's whole value (``key: 'text'``), with the
variable, the nearest key and the bytes inside the quotes. Anything else — a
concatenation, a call, a function — is code and is skipped up to the next comma.

Hand-written on purpose: locpipe needs the byte offsets of string literals inside
the page, which the JavaScript parsers for Python (esprima-python, slimit: both
unmaintained) report only as character positions of a re-encoded script. The
scanner knows strings, template literals and comments, which is all an options
object holds; a regular-expression literal elsewhere in a script may confuse it,
and then at worst an object is not found (nothing is ever written where no
string literal was read).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

_TOKEN = re.compile(
    rb"""
    (?P<space>\s+)
    |(?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    |(?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    |(?P<template>`(?:[^`\\]|\\.)*`)
    |(?P<name>[A-Za-z_$][\w$]*)
    |(?P<number>[0-9.][\w.]*)
    |(?P<punct>.)
    """,
    re.DOTALL | re.VERBOSE,
)
_OPENERS = {b"{": b"}", b"[": b"]"}
_BRACKETS = frozenset({b"{", b"[", b"("})
_CLOSERS = frozenset({b"}", b"]", b")"})
# Strings, template literals and comments: where an assignment is text, not code.
_QUOTED = re.compile(
    rb"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?(?:\*/|\Z)",
    re.DOTALL,
)
# ``NAME = {`` or ``NAME = [``, not a property (``a.b = {``) nor a comparison.
_ASSIGNMENT = re.compile(rb"(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*[{\[]")
_VALUE_ENDS = frozenset({b",", b"}", b"]", b";", b")"})


class _Token(NamedTuple):
    kind: str  # a group name of _TOKEN
    start: int
    end: int
    text: bytes


@dataclass(frozen=True)
class ObjectString:
    """A string literal that is the whole value of a property of an assigned object."""

    variable: str  # the variable the outermost object is assigned to
    key: str  # the nearest property key ("" for a string directly in an array)
    start: int  # first byte inside the quotes
    end: int  # the closing quote
    quote: str  # "'" or '"'


def object_strings(data: bytes, start: int, end: int) -> list[ObjectString]:
    """The string values of every object or array literal assigned in ``data[start:end]``.

    Assignments are found with two searches over the script (its strings and
    comments, then ``NAME = {`` outside them); only the literals are tokenized.
    """
    quoted = [(match.start(), match.end()) for match in _QUOTED.finditer(data, start, end)]
    quoted_starts = [region[0] for region in quoted]
    found: list[ObjectString] = []
    position = start
    for match in _ASSIGNMENT.finditer(data, start, end):
        if match.start() < position or _inside(quoted, quoted_starts, match.start()):
            continue
        tokens = _literal_tokens(data, match.end() - 1, end)
        variable = match.group(1).decode("ascii")
        _value(tokens, 0, variable, "", found)
        position = tokens[-1].end
    return found


def _inside(regions: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted, disjoint ``regions``."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < regions[index][1]


def _literal_tokens(data: bytes, start: int, end: int) -> list[_Token]:
    """The tokens of the bracketed literal at ``start``, spaces and comments left out."""
    tokens = []
    depth = 0
    for match in _TOKEN.finditer(data, start, end):
        kind = match.lastgroup or "punct"
        if kind in ("space", "comment"):
            continue
        text = match.group()
        tokens.append(_Token(kind, match.start(), match.end(), text))
        if text in _BRACKETS:
            depth += 1
        elif text in _CLOSERS:
            depth -= 1
            if depth == 0:
                break
    return tokens


def _value(
    tokens: list[_Token], index: int, variable: str, key: str, found: list[ObjectString]
) -> int:
    """Read the value at ``index``; returns the index just past it."""
    token = tokens[index]
    if token.text == b"{":
        return _object(tokens, index + 1, variable, found)
    if token.text == b"[":
        return _array(tokens, index + 1, variable, key, found)
    if token.kind == "string" and _ends_value(tokens, index + 1):
        quote = token.text[:1].decode("ascii")
        found.append(ObjectString(variable, key, token.start + 1, token.end - 1, quote))
        return index + 1
    return _skip_expression(tokens, index)


def _object(tokens: list[_Token], index: int, variable: str, found: list[ObjectString]) -> int:
    while index < len(tokens):
        token = tokens[index]
        if token.text == b"}":
            return index + 1
        if token.text == b",":
            index += 1
            continue
        is_key = token.kind in ("name", "string", "number")
        if is_key and index + 1 < len(tokens) and tokens[index + 1].text == b":":
            if index + 2 >= len(tokens):
                return len(tokens)
            index = _value(tokens, index + 2, variable, _key_text(token), found)
        else:  # a method, a spread, a shorthand: code
            index = max(_skip_expression(tokens, index), index + 1)
    return index


def _array(
    tokens: list[_Token], index: int, variable: str, key: str, found: list[ObjectString]
) -> int:
    while index < len(tokens):
        token = tokens[index]
        if token.text == b"]":
            return index + 1
        if token.text == b",":
            index += 1
            continue
        index = max(_value(tokens, index, variable, key, found), index + 1)
    return index


def _key_text(token: _Token) -> str:
    if token.kind == "string":
        value, _ = decode_string(token.text[1:-1].decode("utf-8", "replace"))
        return value
    return token.text.decode("ascii", "replace")


def _ends_value(tokens: list[_Token], index: int) -> bool:
    return index >= len(tokens) or tokens[index].text in _VALUE_ENDS


def _skip_expression(tokens: list[_Token], index: int) -> int:
    """Past an expression: up to the comma or closing bracket at its own depth (not past it)."""
    depth = 0
    while index < len(tokens):
        text = tokens[index].text
        if text in _OPENERS or text == b"(":
            depth += 1
        elif text in (b"}", b"]", b")"):
            if depth == 0:
                return index
            depth -= 1
        elif text in (b",", b";") and depth == 0:
            return index
        index += 1
    return index


# --- string literals ------------------------------------------------------------------

_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v"}
_LINE_CONTINUATIONS = ("\r\n", "\n", "\r", "\u2028", "\u2029")
_HEX = re.compile(r"[0-9a-fA-F]+")


def decode_string(literal: str) -> tuple[str, list[int]]:
    """The value a JavaScript string literal's content spells, and where each character starts.

    The list has one entry per character of the value (its index in ``literal``),
    plus ``len(literal)``.
    """
    value: list[str] = []
    starts: list[int] = []
    index = 0
    while index < len(literal):
        char, width = _char(literal, index)
        if char:
            value.append(char)
            starts.append(index)
        index += width
    starts.append(len(literal))
    return "".join(value), starts


def _char(literal: str, index: int) -> tuple[str, int]:
    """The character (or "" for a line continuation) at ``index``, and its length."""
    if literal[index] != "\\" or index + 1 >= len(literal):
        return literal[index], 1
    escape = literal[index + 1]
    for continuation in _LINE_CONTINUATIONS:
        if literal.startswith(continuation, index + 1):
            return "", 1 + len(continuation)
    if escape in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[escape], 2
    if escape == "0" and not literal[index + 2 : index + 3].isdigit():
        return "\0", 2
    if escape == "x" and _HEX.fullmatch(literal[index + 2 : index + 4] or "-"):
        return chr(int(literal[index + 2 : index + 4], 16)), 4
    if escape == "u":
        return _unicode_escape(literal, index)
    return escape, 2


def _unicode_escape(literal: str, index: int) -> tuple[str, int]:
    if literal.startswith("{", index + 2):
        close = literal.find("}", index + 3)
        digits = literal[index + 3 : close] if close > 0 else ""
        if _HEX.fullmatch(digits or "-") and int(digits, 16) <= 0x10FFFF:
            return chr(int(digits, 16)), close + 1 - index
        return "u", 2
    digits = literal[index + 2 : index + 6]
    if len(digits) < 4 or not _HEX.fullmatch(digits):
        return "u", 2
    code = int(digits, 16)
    if 0xD800 <= code < 0xDC00 and literal.startswith("\\u", index + 6):
        low_digits = literal[index + 8 : index + 12]
        if len(low_digits) == 4 and _HEX.fullmatch(low_digits):
            low = int(low_digits, 16)
            if 0xDC00 <= low < 0xE000:
                return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6


def string_value(page: bytes, start: int, end: int, encoding: str) -> tuple[bytes, list[int]]:
    """The value of the literal in ``page[start:end]`` as UTF-8, and the page offset of each byte.

    The list has one more entry than the value: ``end``.
    """
    literal = page[start:end].decode(encoding)
    char_offsets = [start]
    for char in literal:
        char_offsets.append(char_offsets[-1] + len(char.encode(encoding)))
    value, starts = decode_string(literal)
    data = bytearray()
    offsets: list[int] = []
    for char, char_start in zip(value, starts, strict=False):
        encoded = char.encode("utf-8", "surrogatepass")
        data += encoded
        offsets.extend([char_offsets[char_start]] * len(encoded))
    offsets.append(end)
    return bytes(data), offsets
