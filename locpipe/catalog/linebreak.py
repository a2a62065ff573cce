"""Line breaking of PO strings exactly as GNU gettext 0.21 does it (libunistring 1.0).

Hand-written because no Python library reproduces gettext's wrapping: gettext
calls libunistring's ``ulc_width_linebreaks``, a pair-table implementation of
Unicode line breaking (UAX #14) with its own deviations (it may break after
"." before a letter, so "</p>" can start a line), and counts display columns
with libunistring's ``uc_width``. polib, Babel and textwrap break only at
spaces and count characters, so their files differ from ``msgcat``'s. This
module ports ``u8_possible_linebreaks_v2`` and ``u8_width_linebreaks_v2`` of
libunistring 1.0; the Line_Break classes come from the ``regex`` module's
Unicode tables, mapped onto the classes libunistring 1.0 knows.

``LineBreaker`` is what the PO writer calls: a per-character loop in Python
is too slow for whole catalogs, so it finds the opportunities of ordinary text
with regular expressions over one letter per class, and leaves text with
combining marks, joiners, Hebrew, regional indicators or line separators to
the port.
"""

from __future__ import annotations

import bisect
import re
import string
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import accumulate

import regex


class Break(IntEnum):
    """The values of libunistring's break arrays (``UC_BREAK_*``)."""

    UNDEFINED = 0
    PROHIBITED = 1
    POSSIBLE = 2
    MANDATORY = 3
    CR_BEFORE_LF = 5


class _C(IntEnum):
    """libunistring 1.0 line break classes; the first 30 index its pair table."""

    WJ = 0
    GL = 1
    B2 = 2
    BA = 3
    BB = 4
    HY = 5
    CL = 6
    CP = 7
    EX = 8
    IN = 9
    NS = 10
    OP = 11
    QU = 12
    IS = 13
    NU = 14
    PO = 15
    PR = 16
    SY = 17
    AL = 18
    H2 = 19
    H3 = 20
    ID = 21
    JL = 22
    JV = 23
    JT = 24
    HL = 25
    RI = 26
    ZWJ = 27
    EB = 28
    EM = 29
    # Classes handled outside the pair table.
    CM = 30
    BK = 31
    CR = 32
    LF = 33
    ZW = 34
    SP = 35
    HL_BA = 36  # state only: Hebrew letter followed by a hyphen or break-after
    OP_WIDE = 37  # an East Asian wide OP: like OP, but breaks after AL, HL, NU (LB30)


# Pair table of libunistring 1.0 (lbrktables.c): row = class before the break
# opportunity, column = class after it. D: direct break, I: break only when
# spaces intervene, P: prohibited. Columns in _C order (WJ ... EM).
_PAIR_TABLE: tuple[str, ...] = (
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDDDDDIDD",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDDDIDIDD",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIIIIIIII",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDDDIDIDD",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIIIIDIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDDDIDIDD",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIIDDDIDD",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDDDDIIDD",  # RI
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # ZWJ (never used: ZWJ is handled like CM)
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDI",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # EM
)

# Line_Break property values of current Unicode mapped onto libunistring 1.0's
# classes: ambiguous (AI), unknown (XX), surrogates and complex-context scripts
# (SA) are treated as alphabetic, CB as ideographic, conditional Japanese
# starters (CJ) as non-starters (strict breaking), NL as a mandatory break.
# Unicode 15.1/16 split new classes (AK, AP, AS, VI, VF, HH) off AL and BA.
_UNICODE_CLASS_TO_LBP: dict[str, _C] = {
    "AI": _C.AL,
    "AK": _C.AL,  # AK, AP, AS, VI, VF: refined by _brahmic_class
    "AL": _C.AL,
    "AP": _C.AL,
    "AS": _C.AL,
    "B2": _C.B2,
    "BA": _C.BA,
    "BB": _C.BB,
    "BK": _C.BK,
    "CB": _C.ID,
    "CJ": _C.NS,
    "CL": _C.CL,
    "CM": _C.CM,
    "CP": _C.CP,
    "CR": _C.CR,
    "EB": _C.EB,
    "EM": _C.EM,
    "EX": _C.EX,
    "GL": _C.GL,
    "H2": _C.H2,
    "H3": _C.H3,
    "HH": _C.BA,
    "HL": _C.HL,
    "HY": _C.HY,
    "ID": _C.ID,
    "IN": _C.IN,
    "IS": _C.IS,
    "JL": _C.JL,
    "JT": _C.JT,
    "JV": _C.JV,
    "LF": _C.LF,
    "NL": _C.BK,
    "NS": _C.NS,
    "NU": _C.NU,
    "OP": _C.OP,
    "PO": _C.PO,
    "PR": _C.PR,
    "QU": _C.QU,
    "RI": _C.RI,
    "SA": _C.AL,
    "SG": _C.AL,
    "SP": _C.SP,
    "SY": _C.SY,
    "VF": _C.AL,
    "VI": _C.AL,
    "WJ": _C.WJ,
    "XX": _C.AL,
    "ZW": _C.ZW,
    "ZWJ": _C.ZWJ,
}

# One alternation with a named group per Line_Break value: a single match
# tells a character's class (the regex module caches the compiled pattern).
_CLASS_PATTERN = "|".join(f"(?P<{name}>\\p{{Line_Break={name}}})" for name in _UNICODE_CLASS_TO_LBP)

# Line_Break classes of ASCII, three characters per code point ("CM " for
# 0x00), so the common case needs no regex lookup.
_ASCII_CLASSES = (
    # 0x00-0x1F: controls are CM, except TAB (BA), LF, VT/FF (BK), CR
    "CM CM CM CM CM CM CM CM CM BA LF BK BK CR CM CM "
    "CM CM CM CM CM CM CM CM CM CM CM CM CM CM CM CM "
    # 0x20-0x3F:  space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
    "SP EX QU AL PR PO AL QU OP CP AL PR IS HY IS SY "
    "NU NU NU NU NU NU NU NU NU NU IS IS AL AL AL EX "
    # 0x40-0x5F: @ A-Z [ \\ ] ^ _
    "AL AL AL AL AL AL AL AL AL AL AL AL AL AL AL AL "
    "AL AL AL AL AL AL AL AL AL AL AL OP PR CP AL AL "
    # 0x60-0x7F: ` a-z { | } ~ DEL
    "AL AL AL AL AL AL AL AL AL AL AL AL AL AL AL AL "
    "AL AL AL AL AL AL AL AL AL AL AL OP BA CL AL CM "
)


def line_break_class(char: str) -> int:
    """The libunistring 1.0 line break class of one character."""
    return _line_break_class(char, regex.compile(_CLASS_PATTERN))


def _line_break_class(char: str, class_pattern: regex.Pattern[str]) -> int:
    """``line_break_class`` with ``_CLASS_PATTERN`` compiled by the caller."""
    code = ord(char)
    if code < 0x80:
        return _C[_ASCII_CLASSES[3 * code : 3 * code + 2]]
    override = _override(code)
    if override is not None:
        return override
    if unicodedata.category(char) == "Cn":  # newer than Unicode 14, which libunistring 1.0 has
        return _unassigned_class(code)
    match = class_pattern.match(char)
    if match is None or match.lastgroup is None:
        return _C.AL
    if match.lastgroup in ("AK", "AP", "AS", "VI", "VF"):
        return _brahmic_class(char)
    found = _UNICODE_CLASS_TO_LBP[match.lastgroup]
    if found == _C.OP and unicodedata.east_asian_width(char) in ("F", "W", "H"):
        return _C.OP_WIDE
    return found


def _unassigned_class(code: int) -> int:
    """libunistring 1.0's class of a code point Unicode 14 leaves unassigned: the
    ideographic planes default to ID, the emoji blocks to EB (so that skin tone
    modifiers stick to future emoji), currency symbols to PR, the rest to AL."""
    if 0x20A0 <= code <= 0x20CF:
        return _C.PR
    if 0x1F000 <= code <= 0x1FAFF or 0x1FC00 <= code <= 0x1FFFD:
        return _C.EB
    if any(first <= code <= last for first, last in _IDEOGRAPHIC_UNASSIGNED):
        return _C.ID
    return _C.AL


_IDEOGRAPHIC_UNASSIGNED = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)


def _brahmic_class(char: str) -> int:
    """Classes that Unicode 15.1 gave Brahmic scripts were CM, NU or AL before."""
    category = unicodedata.category(char)
    if category.startswith("M"):
        return _C.CM
    return _C.NU if category == "Nd" else _C.AL


# Characters whose class in libunistring 1.0 (Unicode 14 and its own choices)
# differs from the mapping of current Unicode above, found by comparing this
# module with the library on every assigned character: (first, last, class).
_OVERRIDE_RANGES: tuple[tuple[int, int, _C], ...] = (
    (0x00B7, 0x00B7, _C.AL),  # MIDDLE DOT
    (0x034F, 0x034F, _C.GL),
    (0x0387, 0x0387, _C.AL),
    (0x0600, 0x0605, _C.AL),
    (0x06DD, 0x06DD, _C.AL),
    (0x0890, 0x0891, _C.AL),
    (0x08E2, 0x08E2, _C.AL),
    (0x19DA, 0x19DA, _C.AL),
    (0x1B5C, 0x1B5C, _C.AL),
    (0x1B61, 0x1B6A, _C.AL),
    (0x1B74, 0x1B7C, _C.AL),
    (0x1DCD, 0x1DCD, _C.CM),
    (0x1DFC, 0x1DFC, _C.CM),
    (0x2057, 0x2057, _C.AL),
    (0x2800, 0x2800, _C.AL),
    (0x2E56, 0x2E56, _C.CL),
    (0x2E58, 0x2E58, _C.CL),
    (0x2E5A, 0x2E5A, _C.CL),
    (0x2E5C, 0x2E5C, _C.CL),
    (0xA9C1, 0xA9C6, _C.AL),
    (0xA9CA, 0xA9CD, _C.AL),
    (0xA9CF, 0xA9CF, _C.AL),
    (0xA9DE, 0xA9DF, _C.AL),
    (0xAA40, 0xAA42, _C.AL),
    (0xAA44, 0xAA4B, _C.AL),
    (0xAA5C, 0xAA5C, _C.AL),
    (0xFE10, 0xFE10, _C.IS),
    (0xFE13, 0xFE14, _C.IS),
    (0xFE20, 0xFE20, _C.CM),
    (0xFE22, 0xFE22, _C.CM),
    (0xFE24, 0xFE24, _C.CM),
    (0xFE26, 0xFE27, _C.CM),
    (0xFE29, 0xFE29, _C.CM),
    (0xFE2B, 0xFE2B, _C.CM),
    (0xFE2D, 0xFE2E, _C.CM),
    (0xFE51, 0xFE51, _C.ID),
    (0x11049, 0x1104D, _C.AL),
    (0x11052, 0x11065, _C.AL),
    (0x1107F, 0x1107F, _C.CM),
    (0x110BD, 0x110BD, _C.AL),
    (0x110CD, 0x110CD, _C.AL),
    (0x1133D, 0x1133D, _C.AL),
    (0x1135D, 0x1135D, _C.AL),
    (0x11EF2, 0x11EF2, _C.AL),
    (0x11EF7, 0x11EF8, _C.AL),
    (0x1F10D, 0x1F10F, _C.ID),
    (0x1F16D, 0x1F16F, _C.ID),
    (0x1F1AD, 0x1F1AD, _C.ID),
    (0x1F8B0, 0x1F8B1, _C.ID),
)


_OVERRIDE_FIRSTS = tuple(first for first, _, _ in _OVERRIDE_RANGES)


def _override(code: int) -> _C | None:
    index = bisect.bisect_right(_OVERRIDE_FIRSTS, code) - 1
    if index >= 0:
        _, last, klass = _OVERRIDE_RANGES[index]
        if code <= last:
            return klass
    return None


# Unassigned code points that uc_width counts as wide (CJK blocks and planes).
_WIDE_UNASSIGNED = (
    (0x2E80, 0x303E),
    (0x3040, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0x1F200, 0x1F2FF),
    (0x20000, 0x3FFFF),
)
# Marks that libunistring 1.0 counts as one column.
_SPACING_MARKS = frozenset((0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F))


def char_width(char: str) -> int:
    """Display columns of one character as libunistring's ``uc_width`` counts
    them for UTF-8: -1 for controls, 0 for non-spacing marks and format
    characters, 2 for East Asian wide and fullwidth characters, else 1."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return -1 if code else 0
    if code < 0x300:
        return 0 if code == 0xAD else 1
    category = unicodedata.category(char)
    if category == "Cn":  # unknown to Unicode 14: wide only in the CJK blocks
        return 2 if any(first <= code <= last for first, last in _WIDE_UNASSIGNED) else 1
    if 0x1160 <= code < 0x1200 or 0xD7B0 <= code < 0xD800:  # medial and final jamo
        return 0
    if category in ("Mn", "Me", "Cf") and code not in _SPACING_MARKS:
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def possible_linebreaks(classes: Sequence[int]) -> list[Break]:
    """Break opportunities before each character (port of
    ``u8_possible_linebreaks_v2``, which handles CR LF as one break)."""
    breaks = [Break.PROHIBITED] * len(classes)
    prev_prop: int = _C.BK  # class of the previous character
    last_prop: int = _C.BK  # class of the last character that is not a space
    seen_space = False  # a space came after last_prop
    ri_count = 0
    for index, prop in enumerate(classes):
        if prop in (_C.BK, _C.LF, _C.CR):
            breaks[index] = Break.MANDATORY
            if prev_prop == _C.CR and prop == _C.LF:
                breaks[index - 1] = Break.CR_BEFORE_LF
            prev_prop = prop
            last_prop = _C.BK
            seen_space = False
        else:
            if prop == _C.SP:
                seen_space = True
            elif prop == _C.ZW:
                last_prop = _C.ZW
                seen_space = False
            elif prop in (_C.CM, _C.ZWJ):
                if last_prop == _C.BK:
                    last_prop = _C.AL
                    seen_space = False
                elif last_prop == _C.ZW or seen_space:
                    breaks[index] = Break.POSSIBLE
                    last_prop = _C.AL
                    seen_space = False
            else:
                breaks[index] = _pair_break(prev_prop, last_prop, prop, seen_space, ri_count)
                last_prop = _C.OP if prop == _C.OP_WIDE else prop
                seen_space = False
            hebrew_hyphen = prev_prop == _C.HL and prop in (_C.HY, _C.BA)
            prev_prop = _C.HL_BA if hebrew_hyphen else prop
        ri_count = ri_count + 1 if prop == _C.RI else 0
    return breaks


def _pair_break(
    prev_prop: int, last_prop: int, prop: int, seen_space: bool, ri_count: int
) -> Break:
    if last_prop == _C.BK or prev_prop == _C.ZWJ or prev_prop == _C.HL_BA:
        return Break.PROHIBITED
    if last_prop == _C.ZW:
        return Break.POSSIBLE
    if last_prop == _C.RI and prop == _C.RI:
        return Break.POSSIBLE if seen_space or ri_count % 2 == 0 else Break.PROHIBITED
    if prop == _C.OP_WIDE:
        if last_prop in (_C.AL, _C.HL, _C.NU):
            return Break.POSSIBLE
        prop = _C.OP
    rule = _PAIR_TABLE[last_prop][prop]
    if rule == "D" or (rule == "I" and seen_space):
        return Break.POSSIBLE
    return Break.PROHIBITED


def width_linebreaks(
    classes: Sequence[int],
    widths: Sequence[int],
    width: int,
    start_column: int,
    overrides: Sequence[Break],
) -> list[Break]:
    """Where to break a text so that lines fit in ``width`` columns (port of
    ``u8_width_linebreaks_v2`` with ``at_end_columns`` 0). The text is given by
    the ``line_break_class`` and ``char_width`` of each character; ``overrides``
    replaces the computed opportunity wherever it is not UNDEFINED."""
    breaks = possible_linebreaks(classes)
    last_break: int | None = None
    last_column = start_column
    piece_width = 0
    for index, char_columns in enumerate(widths):
        if overrides[index] != Break.UNDEFINED:
            breaks[index] = overrides[index]
        here = breaks[index]
        if here in (Break.POSSIBLE, Break.MANDATORY, Break.CR_BEFORE_LF) and (
            last_break is not None and last_column + piece_width > width
        ):
            breaks[last_break] = Break.POSSIBLE
            last_column = 0
        if here in (Break.MANDATORY, Break.CR_BEFORE_LF):
            last_break = None
            last_column = 0
            piece_width = 0
            continue
        if here == Break.POSSIBLE:
            last_break = index
            last_column += piece_width
            piece_width = 0
        breaks[index] = Break.PROHIBITED
        if char_columns >= 0:
            piece_width += char_columns
    if last_break is not None and last_column + piece_width > width:
        breaks[last_break] = Break.POSSIBLE
    return breaks


# Classes for which the break before a character depends only on the last
# character that is not a space and on whether spaces came between them, so
# regular expressions over class letters find every opportunity at once.
_SIMPLE_CLASSES = tuple(
    klass for klass in _C if klass < _C.CM and klass not in (_C.HL, _C.RI, _C.ZWJ)
)
# Letters and digits: most characters of a text, so no pattern starts with them.
_COMMON_CLASSES = (_C.AL, _C.NU)


def _letter(klass: int) -> str:
    """The letter that stands for a class in the strings ``LineBreaker`` scans."""
    return string.ascii_letters[klass]


def _rule_sets(allowed: str) -> dict[str, str]:
    """Classes before an opportunity, grouped by the classes that may follow
    them when the pair table's rule is one of ``allowed``: {after: befores}."""
    befores_of: dict[str, str] = {}
    for before in _SIMPLE_CLASSES:
        rules = _PAIR_TABLE[before]
        afters = "".join(_letter(after) for after in _SIMPLE_CLASSES if rules[after] in allowed)
        if afters:
            befores_of[afters] = befores_of.get(afters, "") + _letter(before)
    return befores_of


def _opportunity_patterns() -> tuple[str, str, str]:
    """Patterns over the class letters of simple text (``_SIMPLE_CLASSES`` and
    SP) that together find the opportunities ``possible_linebreaks`` finds:
    a run of spaces that may end a line (a match ends at the opportunity), a
    character other than a letter or digit that may end a line (likewise), and
    a character that may start a line right after a letter or digit (a match
    starts at the opportunity). None starts with a letter or digit, so ``re``
    skips quickly over words to the places worth a look."""
    space = _letter(_C.SP)
    after_spaces = "|".join(
        f"(?<=[{befores}]{space}){space}*+(?=[{afters}])"
        for afters, befores in _rule_sets("DI").items()
    )
    common = "".join(_letter(klass) for klass in _COMMON_CLASSES)
    after_char: list[str] = []
    before_char: list[str] = []
    ending = ""  # every character after_char tests
    following = ""  # every character that may follow one of them
    for afters, befores in _rule_sets("D").items():
        others = "".join(letter for letter in befores if letter not in common)
        if others:
            after_char.append(f"(?<=[{others}])(?=[{afters}])")
            ending += others
            following += "".join(letter for letter in afters if letter not in following)
        commons = "".join(letter for letter in befores if letter in common)
        if commons:
            before_char.append(f"[{afters}](?<=[{commons}].)")
    return (
        f"{space}(?:{after_spaces})",
        # A punctuation mark before a space fails at once, not after every alternative.
        f"[{ending}](?=[{following}])(?:{'|'.join(after_char)})",
        "|".join(before_char),
    )


@dataclass(slots=True)
class _Text:
    """What ``LineBreaker`` knows of a text whatever the width and start column."""

    text: str
    prohibited: tuple[int, ...]
    letters: str  # one class letter per character
    columns: Sequence[int]  # columns of the first ``index`` characters
    simple: bool  # the regular expressions find every opportunity
    opportunities: list[int] | None = None  # found when first needed
    reach: Sequence[int] = ()  # columns before each opportunity


class LineBreaker:
    """Where gettext breaks the lines of many strings. It remembers the class
    and width of every character it meets, so make one per file written."""

    def __init__(self) -> None:
        self._classes: dict[str, int] = {}
        self._columns: dict[str, int] = {}  # what a character adds to a line (never < 0)
        self._not_one_column: set[str] = set()
        self._uneven: re.Pattern[str] | None = None  # finds a character of _not_one_column
        self._letters: dict[int, str] = {}  # code point -> class letter, for str.translate
        self._class_pattern = regex.compile(_CLASS_PATTERN)
        self._last: _Text | None = None
        # Class letters are ASCII: once every ASCII character is known, a
        # character the translation table does not know shows as non-ASCII.
        self._learn({chr(code) for code in range(0x80)})

    def break_positions(
        self, text: str, width: int, start: int, prohibited: Collection[int]
    ) -> list[int]:
        """Indexes of ``text`` before which gettext starts a new line, when the
        first line starts at column ``start`` and lines hold ``width`` columns;
        no line starts at an index in ``prohibited``."""
        if text.isascii() and start + len(text) <= width:
            return []  # fits: no ASCII character takes more than one column
        found = self._last
        if found is None or found.text != text or found.prohibited != tuple(prohibited):
            # The PO writer asks twice for a string that may begin on the keyword's line.
            found = self._last = self._text(text, tuple(prohibited))
        if start + found.columns[-1] <= width:
            return []  # gettext only breaks where a line would overflow
        if not found.simple:
            return self._full_break_positions(text, width, start, prohibited)
        if found.opportunities is None:
            found.opportunities = _opportunities(found.letters, prohibited)
            found.reach = _reach(found.opportunities, found.columns)
        return _fill_lines(found.opportunities, found.reach, found.columns[-1], width, start)

    def _text(self, text: str, prohibited: tuple[int, ...]) -> _Text:
        letters = self._class_letters(text)
        columns: Sequence[int]
        if self._uneven is None or self._uneven.search(text) is None:
            columns = range(len(text) + 1)
        else:
            columns = list(accumulate(map(self._columns.__getitem__, text), initial=0))
        simple = _NOT_SIMPLE.search(letters) is None
        return _Text(text, prohibited, letters, columns, simple)

    def _class_letters(self, text: str) -> str:
        """One class letter per character of ``text``, learning the characters it meets."""
        letters = text.translate(self._letters)
        if not letters.isascii():  # characters met for the first time
            self._learn(set(text))
            letters = text.translate(self._letters)
        return letters

    def _learn(self, chars: set[str]) -> None:
        uneven = len(self._not_one_column)
        for char in chars.difference(self._columns):
            klass = _line_break_class(char, self._class_pattern)
            columns = max(char_width(char), 0)
            self._classes[char] = klass
            self._columns[char] = columns
            if columns != 1:
                self._not_one_column.add(char)
            letter = _letter(klass)
            self._letters[ord(char)] = letter
        if len(self._not_one_column) > uneven:
            members = "".join(sorted(self._not_one_column))
            self._uneven = re.compile(f"[{re.escape(members)}]")

    def _full_break_positions(
        self, text: str, width: int, start: int, prohibited: Collection[int]
    ) -> list[int]:
        classes = [self._classes[char] for char in text]
        widths = [self._columns[char] for char in text]
        overrides = [Break.UNDEFINED] * len(text)
        for index in prohibited:
            overrides[index] = Break.PROHIBITED
        breaks = width_linebreaks(classes, widths, width, start, overrides)
        return [index for index, value in enumerate(breaks) if value == Break.POSSIBLE]


# The patterns of _opportunity_patterns, compiled once: building them takes
# longer than breaking the lines of a small catalog.
_AFTER_SPACES, _AFTER_CHAR, _BEFORE_CHAR = map(re.compile, _opportunity_patterns())
_NOT_SIMPLE = re.compile(
    "[^" + "".join(_letter(klass) for klass in (*_SIMPLE_CLASSES, _C.SP)) + "]"
)


def _opportunities(letters: str, prohibited: Collection[int]) -> list[int]:
    found = [match.end() for match in _AFTER_SPACES.finditer(letters)]
    found += [match.end() for match in _AFTER_CHAR.finditer(letters)]
    found += [match.start() for match in _BEFORE_CHAR.finditer(letters)]
    found.sort()
    if prohibited:
        excluded = set(prohibited)
        found = [index for index in found if index not in excluded]
    return found


def _reach(opportunities: list[int], columns: Sequence[int]) -> Sequence[int]:
    if isinstance(columns, range):  # one column per character
        return opportunities
    return [columns[index] for index in opportunities]


def _fill_lines(
    opportunities: list[int], reach: Sequence[int], total: int, width: int, start: int
) -> list[int]:
    """The opportunities ``width_linebreaks`` takes, for text without mandatory
    breaks: ``reach[k]`` columns come before ``opportunities[k]``, ``total`` in
    the whole text. A line that overflows breaks at its last opportunity that
    fits, or at its first when none fits (a word longer than a line); one
    ``bisect`` per line instead of a step per opportunity."""
    taken: list[int] = []
    first = 0  # index of the first opportunity after the line's start
    line_start = 0  # columns before the line's start
    column = start  # column where the line's text starts
    while first < len(opportunities):
        fits = line_start + width - column  # largest reach that still fits on the line
        last = max(bisect.bisect_right(reach, fits, first) - 1, first)
        if last + 1 == len(opportunities) and total <= fits:
            break  # the rest of the text fits on the line
        taken.append(opportunities[last])
        line_start, column, first = reach[last], 0, last + 1
    return taken
