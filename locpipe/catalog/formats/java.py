"""Java's MessageFormat (``java-format``), as gettext 0.21's format-java.c parses it:
elements ``{n[,type[,style]]}`` outside quotes (``'…'``, with ``''`` a quote), whose
number and choice styles are patterns of their own (a choice holds messages)."""

from __future__ import annotations

import re

from locpipe.catalog.formats.directives import Directive, Parsed

_ELEMENT = re.compile(r"([0-9]+)(?:,(time|date|number|choice)(?:,(.*))?)?", re.DOTALL)
_DATE_STYLES = {"short", "medium", "long", "full"}
_NUMBER_STYLES = {"currency", "percent", "integer"}
_UNICODE_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}")
_LESS_EQUAL = "\\u2264"


class _Cursor:
    """A position in a pattern and whether it is inside quotes, moved as format-java.c's
    HANDLE_QUOTE moves it: a lone quote toggles quoting and is skipped, ``''`` is a quote."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0
        self.quoting = False
        self.handle_quote()

    def handle_quote(self) -> None:
        if self.text.startswith("'", self.index):
            self.index += 1
            if not self.text.startswith("'", self.index):
                self.quoting = not self.quoting

    def at(self, characters: str) -> bool:
        """Whether the next character, outside quotes, is one of ``characters``."""
        return (
            not self.quoting and self.index < len(self.text) and self.text[self.index] in characters
        )

    def step(self, size: int = 1) -> None:
        self.index += size
        self.handle_quote()

    def step_character(self) -> None:
        """Past one character of a pattern, a ``\\uXXXX`` or ``\\x`` escape whole."""
        if self.text.startswith("\\", self.index):
            self.step(6 if _UNICODE_ESCAPE.match(self.text, self.index) else 2)
        else:
            self.step()

    @property
    def done(self) -> bool:
        return self.index >= len(self.text)


def parse_java(text: str) -> Parsed:
    directives: list[Directive] = []
    valid = _message_format(text, directives, marked=True)
    return Parsed(tuple(directives), valid)


def _message_format(text: str, directives: list[Directive], *, marked: bool) -> bool:
    """Whether ``text`` is a valid message pattern; its elements go to ``directives``
    (those of a choice's messages, which gettext does not mark, with no extent)."""
    cursor = _Cursor(text)
    while not cursor.done:
        start = cursor.index
        if cursor.at("}"):
            return False
        if not cursor.at("{"):
            cursor.step()
            continue
        end = _closing_brace(text, start + 1)
        if end is None:
            return False
        element = _element(text[start + 1 : end], directives)
        if element is None:
            return False
        number, kind = element
        extent = (start, end + 1) if marked else (0, 0)
        directives.append(Directive(*extent, number, kind))
        cursor.index = end + 1
        cursor.handle_quote()
    return True


def _closing_brace(text: str, position: int) -> int | None:
    """The index of the ``}`` closing an element (quotes do not count here)."""
    depth = 0
    for index in range(position, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            if depth == 0:
                return index
            depth -= 1
    return None


def _element(element: str, directives: list[Directive]) -> tuple[int, str] | None:
    """An element's argument number and kind, or None when gettext refuses it."""
    match = _ELEMENT.fullmatch(element)
    if match is None:
        return None
    number, element_type, style = int(match.group(1)), match.group(2), match.group(3)
    if element_type is None:
        return number, "untyped"
    if element_type in ("time", "date"):
        return number, "date"  # any date pattern is valid
    if style is None:
        return number, "number"
    if element_type == "number":
        valid = style in _NUMBER_STYLES or _number_format(style)
    else:
        valid = _choice_format(style, directives)
    return (number, "number") if valid else None


def _number_format(style: str) -> bool:
    """A DecimalFormat pattern: prefix, digits (``#`` then ``0``, with ``,``), fraction,
    exponent, suffix; a second one for negatives after ``;``."""
    cursor = _Cursor(style)
    seen_semicolon = False
    while True:
        while not cursor.done and not cursor.at("0#"):
            cursor.step_character()
        if not cursor.at("0#"):
            return False
        for digit in "#0":
            while cursor.at(digit):
                cursor.step()
                if cursor.at(","):
                    cursor.step()
        if cursor.at("."):
            cursor.step()
            for digit in "0#":
                while cursor.at(digit):
                    cursor.step()
        _exponent(cursor)
        while not cursor.done and (seen_semicolon or not cursor.at(";")):
            cursor.step_character()
        if seen_semicolon or not cursor.at(";"):
            return cursor.done
        cursor.step()
        seen_semicolon = True


def _exponent(cursor: _Cursor) -> None:
    if not cursor.at("E"):
        return
    saved = cursor.index
    cursor.step()
    if not cursor.at("0"):
        cursor.index, cursor.quoting = saved, False
        return
    while cursor.at("0"):
        cursor.step()


def _choice_format(style: str, directives: list[Directive]) -> bool:
    """A ChoiceFormat pattern: ``limit#message`` (or ``<``, ``≤``) clauses between ``|``;
    each message a message pattern whose elements count as the string's."""
    cursor = _Cursor(style)
    while not cursor.done:
        limit_start = cursor.index
        while not cursor.done and not (
            cursor.at("<#|") or (not cursor.quoting and style.startswith(_LESS_EQUAL, cursor.index))
        ):
            cursor.step_character()
        if cursor.done:
            return True  # a short clause at the end is ignored
        if cursor.index == limit_start:
            return False
        if cursor.at("<#"):
            cursor.step()
        elif style.startswith(_LESS_EQUAL, cursor.index):
            cursor.step(len(_LESS_EQUAL))
        else:
            return False
        message: list[str] = []
        while not cursor.done and not cursor.at("|"):
            message.append(style[cursor.index])
            cursor.step()
        if not _message_format("".join(message), directives, marked=False):
            return False
        if not cursor.done:
            cursor.step()
    return True
