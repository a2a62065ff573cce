"""Common Lisp's and Scheme's FORMAT directives (``~``), as gettext 0.21's format-lisp.c
and format-scheme.c parse them for the writer: each top-level directive, where an
opening one (``~[``, ``~(``, ``~{``, ``~<``) reaches to the end of its closing one,
since gettext parses what is inside without marking it. The syntax is followed
(parameters, modifiers, pairing, ``~;`` where allowed), and the arguments the string
consumes in order, for the merge check; gettext's inference of the arguments where
directives move among them or take lists (``~[``, ``~{``, ``~*``, ``~?``, ``V`` …) is
not, and such a string passes the check."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from locpipe.catalog.formats.directives import Directive, Parsed

# A parameter: an integer, 'c (a character), V (from an argument), # (arguments left).
_PARAMETER = re.compile(r"[+-]?[0-9]+|'.|[vV#]|", re.DOTALL)
_OPENERS = {"(": ")", "[": "]", "{": "}", "<": ">"}

# The parameter types each directive takes (I integer, C character, ? either, * any
# number of anything); directives not listed are invalid. ``~:[``, ``~@[`` take none,
# nor does ``~;`` outside ``~<``.
LISP_PARAMETERS: Mapping[str, str] = {
    **dict.fromkeys("AS", "IIIC"),
    **dict.fromkeys("WPC\n_?()]}>", ""),
    "!": "*",  # CLISP's FORMAT-CALL takes any parameters
    **dict.fromkeys("DBOX", "ICCI"),
    "R": "IICCI",
    "F": "IIICC",
    **dict.fromkeys("EG", "IIIICCC"),
    "$": "IIIC",
    **dict.fromkeys("%&|~I*{", "I"),
    "T": "II",
    "/": "",
    "[": "I",
    "<": "IIIC",
    "^": "???",
    ";": "I",
}
SCHEME_PARAMETERS: Mapping[str, str] = {
    **dict.fromkeys("AS", "IIIC"),
    "C": "I",
    **dict.fromkeys("DBOX", "ICCI"),
    "R": "IICCI",
    **dict.fromkeys("PY!\nQ?K()]}", ""),
    **dict.fromkeys("FI", "IIICC"),
    **dict.fromkeys("EG", "IIIICCC"),
    "$": "IIIC",
    **dict.fromkeys("%&_/|~*{", "I"),
    "T": "IIC",
    "[": "I",
    "^": "???",
    ";": "I",
}


class _InvalidError(Exception):
    """Where the parser gives up: the directive being read is not protected."""


# The kind of argument a directive consumes; directives not listed consume none.
_CONSUMES = {
    **dict.fromkeys("ASWPY", "object"),
    "C": "character",
    **dict.fromkeys("DBOXR", "integer"),
    **dict.fromkeys("FEG$", "real"),
}
# Directives that move among the arguments, or take lists or format strings: past
# them, which argument is where is gettext's inference, not followed here.
_MOVING = set("[{<?*^!/K")
# A ~[…~;…~] whose clauses consume nothing consumes one argument, like ~A.
_PLAIN_CHOICE = re.compile(r"(?<![^ ])\[ (?:; )*\] ")


@dataclass(slots=True)
class _Reader:
    text: str
    parameters: Mapping[str, str]
    position: int = 0
    consumed: list[str] = field(default_factory=list)

    def directive(self, terminator: str = "") -> tuple[str, bool, bool]:
        """Read one directive after its ``~``: its character, and the : and @ modifiers."""
        given: list[str] = []
        while True:
            match = _PARAMETER.match(self.text, self.position)
            assert match is not None  # the pattern matches the empty string too
            given.append(match.group())
            self.position = match.end()
            if not self.text.startswith(",", self.position):
                break
            self.position += 1
        modifiers = re.compile(r"[:@]*").match(self.text, self.position)
        assert modifiers is not None
        self.position = modifiers.end()
        if self.position >= len(self.text):
            raise _InvalidError
        character = self.text[self.position].upper()
        self.position += 1
        colon, atsign = ":" in modifiers.group(), "@" in modifiers.group()
        types = self.parameters.get(character)
        if (character == "[" and (colon or atsign)) or (character == ";" and terminator != ">"):
            types = ""
        if types is None or not _parameters_fit(given, types):
            raise _InvalidError
        if character == "*" and given[0].startswith("-") and given[0][1:].isdecimal():
            raise _InvalidError
        self.note_arguments(character, colon, given)
        if character == "/" and self.parameters is LISP_PARAMETERS:
            end = self.text.find("/", self.position)
            if end < 0:
                raise _InvalidError
            self.position = end + 1
        return character, colon, atsign

    def note_arguments(self, character: str, colon: bool, given: list[str]) -> None:
        """Add what the directive does with the arguments: the kind it consumes, or
        (for one that cannot be followed) its name and a V parameter's "v"."""
        self.consumed.extend("v" for parameter in given if parameter in ("v", "V"))
        if character == "I" and self.parameters is SCHEME_PARAMETERS:
            self.consumed.append("complex")
        elif character == "P" and colon:
            self.consumed.append("P:")
        elif character in _CONSUMES and (character != "C" or given == [""]):
            self.consumed.append(_CONSUMES[character])
        elif character in _MOVING or character in ";]}>":
            self.consumed.append(character + ":" * colon)

    def upto(self, terminator: str, separator: bool) -> int:
        """Read up to the ``~`` + ``terminator`` closing a nested part (0 when it ended
        there, 1 or 2 at a ``~;`` or ``~:;``), marking nothing, as gettext does."""
        while True:
            tilde = self.text.find("~", self.position)
            if tilde < 0:
                raise _InvalidError  # the closing directive is missing
            self.position = tilde + 1
            character, colon, atsign = self.directive(terminator)
            if character == ";":
                if not separator:
                    raise _InvalidError
                return 2 if colon else 1
            if character in ")]}>":
                if character != terminator:
                    raise _InvalidError
                return 0
            self.nested(character, colon, atsign)

    def nested(self, character: str, colon: bool, atsign: bool) -> None:
        """Read the part an opening directive opens, up to its closing directive."""
        closing = _OPENERS.get(character)
        if closing is None:
            return
        if character == "[":
            self.conditional(colon, atsign)
            return
        separator = character == "<"
        while self.upto(closing, separator):
            pass

    def conditional(self, colon: bool, atsign: bool) -> None:
        """The clauses of a ``~[``: two for ``~:[`` (parted by ``~;``), one for ``~@[``,
        any number for ``~[``, the last after a ``~:;`` being the default."""
        if colon and atsign:
            raise _InvalidError
        if colon:
            if not self.upto("]", True):
                raise _InvalidError
            self.upto("]", False)
        elif atsign:
            self.upto("]", False)
        else:
            while (separated := self.upto("]", True)) == 1:
                pass
            if separated == 2:
                self.upto("]", False)


def _parameters_fit(given: list[str], types: str) -> bool:
    """format-lisp.c's check_params: not too many, and integers and characters where
    the directive takes them."""
    if types == "*":
        return True
    for index, parameter in enumerate(given):
        if parameter in ("", "v", "V"):
            continue
        if index >= len(types):
            return False
        wanted = types[index]
        if wanted != "?" and parameter.startswith("'") != (wanted == "C"):
            return False  # "#" (the number of arguments left) is an integer
    return True


def _parse(text: str, parameters: Mapping[str, str]) -> Parsed:
    directives: list[Directive] = []
    reader = _Reader(text, parameters)
    while (tilde := text.find("~", reader.position)) >= 0:
        reader.position = tilde + 1
        try:
            character, colon, atsign = reader.directive()
            if character in ";)]}>":
                raise _InvalidError  # closing what was never opened, or ~; at the top
            reader.nested(character, colon, atsign)
        except _InvalidError:
            return Parsed(tuple(directives), False)
        directives.append(Directive(tilde, reader.position, None, "any"))
    return Parsed((*directives, *_arguments(reader)), True)


def _arguments(reader: _Reader) -> list[Directive]:
    """The arguments the string consumes in order, as empty directives for the merge
    check; where they cannot be followed, the directives that move among them too,
    and a "~" marker."""
    kinds = _PLAIN_CHOICE.sub("object ", " ".join(reader.consumed) + " ").split()
    consumed = [Directive(0, 0, number, kind) for number, kind in enumerate(kinds, 1)]
    if set(kinds) <= set(_CONSUMES.values()) | {"complex"}:
        return consumed
    return [*consumed, Directive(0, 0, "~", "marker")]


def _lisp(text: str) -> Parsed:
    return _parse(text, LISP_PARAMETERS)


def _scheme(text: str) -> Parsed:
    return _parse(text, SCHEME_PARAMETERS)


TILDE_PARSERS: dict[str, Callable[[str], Parsed]] = {"lisp": _lisp, "scheme": _scheme}
