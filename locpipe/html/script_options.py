"""The options of Tilda's init scripts that are text a visitor sees, one table row per object.

Tilda's store, feed and map blocks render their buttons and labels from the
options objects of an inline script (tilda-notes.md sections 2.7, 2.9 and 6).
Only the keys listed here are read, and only from the object the row names:
every other option is a style, class, colour, URL, id or number, and the code
around the objects is never read (see ``locpipe.html.jsliteral``).

The table is ``tilda_rules.SCRIPT_TEXT``: a new rule is a new row there; nothing else changes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from locpipe.html.jsliteral import ObjectString, object_strings
from locpipe.html.tilda_rules import SCRIPT_TEXT, ScriptText


def _any_call(table: tuple[ScriptText, ...]) -> re.Pattern[bytes]:
    return re.compile(b"|".join(re.escape(rule.call.encode("ascii")) for rule in table))


_ANY_CALL = _any_call(SCRIPT_TEXT)


@functools.cache
def _assignment(variable: str) -> re.Pattern[bytes]:
    """Where ``variable`` (a final "*": any suffix) may be assigned a literal."""
    name = re.escape(variable.removesuffix("*").encode("ascii"))
    suffix = rb"[\w$]*" if variable.endswith("*") else b""
    return re.compile(rb"(?<![\w$])" + name + suffix + rb"\s*=\s*[\[{]")


@dataclass(frozen=True)
class ScriptString:
    """A string of an inline script that is text, and the note a translator sees."""

    string: ObjectString
    note: str


def script_strings(
    data: bytes, start: int, end: int, table: tuple[ScriptText, ...] = SCRIPT_TEXT
) -> list[ScriptString]:
    """The text strings of the script in ``data[start:end]``, in page order."""
    calls = _ANY_CALL if table is SCRIPT_TEXT else _any_call(table)
    if calls.search(data, start, end) is None:
        return []  # most scripts, decided in one pass over them
    rules = [
        rule
        for rule in table
        if data.find(rule.call.encode("ascii"), start, end) >= 0
        and _assignment(rule.variable).search(data, start, end) is not None
    ]
    if not rules:
        return []
    found = []
    for string in object_strings(data, start, end):
        for rule in rules:
            what = rule.keys.get(string.key)
            if what is not None and rule.matches(string.variable):
                note = f'{what}: {rule.call} option "{string.key}" ({string.variable})'
                found.append(ScriptString(string, note))
                break
    return found
