"""Zero-form JSON: the text strings of a Zero form's ``<textarea>``, with their byte offsets.

A Zero Block form keeps its fields as JSON in ``<textarea class="tn-atom__inputs-textarea">``;
the strings under ``tilda_rules.JSON_TEXT_KEYS`` are text. A string's value is
decoded to UTF-8 with the page offset of each of its bytes, so that a segment
inside it maps back to the literal (a build writes it escaped again).

JSON whose ``<textarea>`` holds character references (a re-serialised export
writes ``&quot;``) is skipped, never rewritten: its bytes are not the JSON the
page's script reads, and a wrong guess corrupts the form.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from locpipe.html import tilda_rules as rules

_JSON_STRING = re.compile(rb'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_JSON_COLON = re.compile(rb"\s*:\s*")
_JSON_ESCAPE = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_UNICODE_ESCAPE = re.compile(rb"\\u([0-9a-fA-F]{4})")


class JsonText(NamedTuple):
    """One text piece of a Zero form: a string's value, or one line of it."""

    what: str  # for the translator note
    value: bytes  # UTF-8
    offsets: list[int]  # page offset of every byte of value, and of the end
    json_ascii: bool  # the JSON writes characters beyond ASCII as \\u escapes


def unicode_escapes_beyond_ascii(raw: bytes) -> bool:
    """Whether a JSON or JavaScript literal writes a character beyond ASCII as ``\\uXXXX``."""
    return any(int(code, 16) >= 0x80 for code in _UNICODE_ESCAPE.findall(raw))


def zero_form_texts(page: bytes, start: int, end: int, encoding: str) -> list[JsonText]:
    """The text of the Zero-form JSON in ``page[start:end]``; none when it is not plain JSON."""
    raw = page[start:end]
    if b"&" in raw:
        return []  # entity-encoded JSON: skipped, see the module docstring
    try:
        json.loads(raw.decode(encoding))
    except ValueError:
        return []
    json_ascii = unicode_escapes_beyond_ascii(raw)
    texts = []
    for key, value_start, value_end in _json_string_fields(raw, start):
        what = rules.JSON_TEXT_KEYS.get(key)
        if what is None:
            continue
        value, offsets = _decode_json_string(page, value_start, value_end, encoding)
        lines = value.split(b"\n") if key in rules.JSON_ONE_SEGMENT_PER_LINE else [value]
        position = 0
        for line in lines:
            texts.append(
                JsonText(what, line, offsets[position : position + len(line) + 1], json_ascii)
            )
            position += len(line) + 1
    return texts


def _json_string_fields(raw: bytes, base: int) -> list[tuple[str, int, int]]:
    """(key, start, end) of every ``"key": "string"`` pair; offsets of the string's content."""
    fields: list[tuple[str, int, int]] = []
    previous: re.Match[bytes] | None = None
    for match in _JSON_STRING.finditer(raw):
        if previous is not None and _JSON_COLON.fullmatch(raw, previous.end(), match.start()):
            key = json.loads(previous.group(0).decode("utf-8", "replace"))
            fields.append((str(key), base + match.start(1), base + match.end(1)))
        previous = match
    return fields


def _decode_json_string(
    page: bytes, start: int, end: int, encoding: str
) -> tuple[bytes, list[int]]:
    """The value of a JSON string literal as UTF-8, and the page offset of each of its bytes.

    The list has one more entry than the value: the offset just past the literal.
    """
    literal = page[start:end].decode(encoding)
    char_offsets = [start]
    for char in literal:
        char_offsets.append(char_offsets[-1] + len(char.encode(encoding)))
    value = bytearray()
    offsets: list[int] = []
    index = 0
    while index < len(literal):
        char, width = _json_char(literal, index)
        encoded = char.encode("utf-8", "surrogatepass")
        value += encoded
        offsets.extend([char_offsets[index]] * len(encoded))
        index += width
    offsets.append(end)
    return bytes(value), offsets


def _json_char(literal: str, index: int) -> tuple[str, int]:
    """The character a JSON string literal spells at ``index``, and how many characters it takes."""
    if literal[index] != "\\":
        return literal[index], 1
    escape = literal[index + 1]
    if escape != "u":
        return _JSON_ESCAPE[escape], 2
    code = int(literal[index + 2 : index + 6], 16)
    if 0xD800 <= code < 0xDC00 and literal[index + 6 : index + 8] == "\\u":
        low = int(literal[index + 8 : index + 12], 16)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6
