"""Which options of Tilda's init scripts are text a visitor sees: a table, one row per object.

Tilda's store, feed and map blocks render their buttons and labels from the
options objects of an inline script (tilda-notes.md sections 2.7, 2.9 and 6).
Only the keys listed here are read, and only from the object the row names:
every other option is a style, class, colour, URL, id or number, and the code
around the objects is never read (see ``locpipe.html.jsliteral``).

A new rule is a new row; nothing else changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from locpipe.html.jsliteral import ObjectString, object_strings


@dataclass(frozen=True)
class ScriptText:
    """The text keys of one options object of one Tilda script."""

    call: str  # what the script must contain: its init function (or, for data, the variable)
    variable: str  # the variable the object is assigned to; a final "*" matches a suffix
    keys: Mapping[str, str]  # option key -> what it is, for the translator note

    def matches(self, variable: str) -> bool:
        if self.variable.endswith("*"):
            return variable.startswith(self.variable[:-1])
        return variable == self.variable


SCRIPT_TEXT: tuple[ScriptText, ...] = (
    # T951/T754… store: products come from Tilda's servers, the UI from these options.
    ScriptText(
        "t_store_init",
        "options",
        {
            "currencyTxt": "currency",
            "titleRelevants": "title of related products",
            "btnTitle": "product button",
            "btnTitle1": "product button",
            "closeText": "back link",
        },
    ),
    ScriptText(
        "t_store_init",
        "prodcard_optsObj",
        {"btnTitle1": "product card button", "btnTitle2": "product card second button"},
    ),
    ScriptText(
        "t_store_init",
        "popup_optsObj",
        {"btnTitle": "product popup button", "closeText": "product popup back link"},
    ),
    # T897/T915… feeds (blog, news).
    ScriptText(
        "t_feed_init",
        "options",
        {"btnText": "show more button", "btnReadMore": "read more button"},
    ),
    ScriptText("t_feed_init", "btnAllPosts_optsObj", {"text": "all posts button"}),
    ScriptText(
        "t_feed_init",
        "popup_optsObj",
        {"closeText": "post popup back link", "titleRelevants": "title of related posts"},
    ),
    # T555 and other map blocks: the markers' balloons.
    ScriptText(
        "arMapMarkers", "arMapMarkers*", {"title": "map marker title", "descr": "map marker text"}
    ),
    # Zero forms that also pass their fields to the script (li_nm is the CRM field name).
    ScriptText(
        "t_zeroForms__init",
        "formElems",
        {
            "li_ph": "Zero form field placeholder (li_ph)",
            "li_label": "Zero form field label (li_label)",
            "li_title": "Zero form field title (li_title)",
        },
    ),
)


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
