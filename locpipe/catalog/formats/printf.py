"""The printf-like format languages, one ``Printf`` table each, read off gettext 0.21's
format-c.c, format-python.c, format-php.c, format-java-printf.c, format-javascript.c,
format-awk.c, format-lua.c, format-elisp.c, format-librep.c, format-tcl.c,
format-perl.c, format-ruby.c, format-pascal.c, format-boost.c, format-gcc-internal.c
and format-gfc-internal.c. A directive the pattern does not match is where the
parser reports the string invalid."""

from __future__ import annotations

import re
from collections.abc import Callable

from locpipe.catalog.formats.directives import Parsed, Printf, scan_printf

# A positive argument number before "$"; gettext reads "01$" as 1 and refuses "0$".
_NUMBER = r"(?P<number>0*[1-9][0-9]*\$)"
# "*" or "*m$": a width or precision read from an argument.
_STAR = r"\*(?:0*[1-9][0-9]*\$)?"


def _kinds(**groups: str) -> dict[str, str]:
    """``kind="conversions"`` pairs turned round: each conversion's kind."""
    return {conversion: kind for kind, chars in groups.items() for conversion in chars}


_C_KINDS = _kinds(
    integer="di", unsigned="ouxX", double="eEfFgGaA", char="c", wide_char="C",
    string="s", wide_string="S", pointer="p", count="n",
)  # fmt: skip
_PRINTF_KINDS = {**_C_KINDS, **_kinds(integer="diouxXb")}


def _c_pattern(conversions: str) -> re.Pattern[str]:
    """C's printf (format-c.c): %[n$][flags][width][.precision][size]conversion, or %%."""
    return re.compile(
        rf"""%(?:(?P<percent>%)|{_NUMBER}?[-+ #0'I]*(?P<width>{_STAR}|[0-9]+)?
        (?:\.(?P<precision>{_STAR}|[0-9]*))?(?P<size>[hlLqjzZt]*)
        (?:(?P<conversion>[{conversions}])|<PRI(?P<pri>[diouxX])\w*>))""",
        re.VERBOSE,
    )


def _c_size(letters: str) -> str:
    """The size gettext 0.21's C parser makes of a run of size letters: the last one
    wins, except that h after h is hh and l after l is ll."""
    size = ""
    for letter in letters:
        doubled = letter in "hl" and size in (letter, letter * 2)
        size = letter * 2 if doubled else {"q": "ll", "L": "ll", "Z": "z"}.get(letter, letter)
    return size + " " if size else ""


# %m (glibc's strerror text) takes no argument.
C = Printf(_c_pattern("diouxXeEfFgGaAcspnCSm%"), _C_KINDS, size_prefix=_c_size, contiguous=True)
# Objective-C's adds %@, an object.
OBJC = Printf(
    _c_pattern("diouxXeEfFgGaAcspnCSm@%"),
    {**_C_KINDS, "@": "object"},
    size_prefix=_c_size,
    contiguous=True,
)
# Python's % operator (format-python.c): %[(name)][flags][width][.precision][size]conversion.
PYTHON = Printf(
    re.compile(
        r"""%(?:(?P<percent>%)|(?:\((?P<name>[^)]*)\))?[-+ #0]*(?P<width>\*|[0-9]+)?
        (?:\.(?P<precision>\*|[0-9]*))?[hlL]?(?P<conversion>[diouxXeEfgGcrs%]))""",
        re.VERBOSE,
    ),
    {**_PRINTF_KINDS, "s": "object", "r": "object"},
)
# PHP's sprintf (format-php.c): %[n$][flags][width][.precision]conversion; may mix.
PHP = Printf(
    re.compile(
        rf"""%(?:(?P<percent>%)|{_NUMBER}?(?:[-\ 0]|'.)*(?P<width>[0-9]+)?
        (?:\.(?P<precision>[0-9]+))?l?(?P<conversion>[bcdefosuxX]))""",
        re.VERBOSE | re.DOTALL,
    ),
    _PRINTF_KINDS,
    may_mix=True,
)


# Java's Formatter (format-java-printf.c): which flags, width (W) and precision (.)
# each conversion refuses.
_JAVA_REFUSED = {
    **dict.fromkeys("%", "#0 +,(."),
    **dict.fromkeys("n", "#0-+ ,(W."),
    **dict.fromkeys("bBhHsS", "0 +,("),
    **dict.fromkeys("cC", "#0 +,(."),
    **dict.fromkeys("d", "#."),
    **dict.fromkeys("oxX", ",."),
    **dict.fromkeys("aA", ",("),
    **dict.fromkeys("tT", "#0 +,(."),
}


def _java_accepts(match: re.Match[str]) -> bool:
    used = set(match.group("flags"))
    used |= {"W"} if match.group("width") else set()
    used |= {"."} if match.group("precision") else set()
    return not used & set(_JAVA_REFUSED.get(match.group("conversion")[0], ""))


JAVA_PRINTF = Printf(
    re.compile(
        r"""%(?:(?P<number>0*[1-9][0-9]*\$|<)?(?P<flags>[-\#0\ +,(]*)(?P<width>[0-9]+)?
        (?:\.(?P<precision>[0-9]+))?
        (?P<conversion>[%nbBhHsScCdoxXeEfgGaA]|[tT][HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc]))""",
        re.VERBOSE,
    ),
    _kinds(general="bBhHsS", char="cC", integer="doxX", double="efgGEaA", datetime="tT"),
    may_mix=True,
    accepts=_java_accepts,
)
# Gjs's printf (format-javascript.c).
JAVASCRIPT = Printf(
    re.compile(
        rf"%{_NUMBER}?[-+ 0I]*(?P<width>[0-9]+)?(?:\.(?P<precision>[0-9]+))?"
        r"(?P<conversion>[%csbdoxXfj])"
    ),
    _kinds(char="c", string="s", integer="bdoxX", double="f", any="j"),
)
# gawk's printf (format-awk.c).
AWK = Printf(
    re.compile(
        rf"""%{_NUMBER}?[-+ #0]*(?P<width>{_STAR}|[0-9]+)?
        (?:\.(?P<precision>{_STAR}|[0-9]*))?(?P<conversion>[%csiduoxXeEfgG])""",
        re.VERBOSE,
    ),
    _kinds(char="c", string="s", integer="id", unsigned="uoxX", double="eEfgG"),
)
# Lua's string.format (format-lua.c): no flags, at most two digits of width and precision.
LUA = Printf(
    re.compile(
        r"%(?:(?P<percent>%)|[0-9]{0,2}(?:\.[0-9]{0,2})?(?P<conversion>[cdiouXxaAEefGgsq]))"
    ),
    _kinds(char="c", integer="diouXx", double="aAEefGg", string="s", escaped_string="q"),
)
# Emacs Lisp's format (format-elisp.c): "m$" sets the next argument to m.
ELISP = Printf(
    re.compile(
        rf"""%{_NUMBER}?[-+ #0]*(?P<width>\*|[0-9]+)?(?:\.(?P<precision>\*|[0-9]*))?
        (?P<conversion>[%cdixXoeEfgGsS])""",
        re.VERBOSE,
    ),
    _kinds(char="c", integer="dixXo", double="eEfgG", pretty_object="s", object="S"),
    may_mix=True,
    numbering="current",
)
# librep's format (format-librep.c).
LIBREP = Printf(
    re.compile(rf"%{_NUMBER}?[-^0+ ]*(?:[0-9]+)?(?:\.[0-9]*)?(?P<conversion>[%cdxXosS])"),
    _kinds(char="c", integer="dxXo", pretty_object="s", object="S"),
    may_mix=True,
    numbering="current",
)
# Tcl's format (format-tcl.c): "m$" sets the next argument, and may not be mixed.
TCL = Printf(
    re.compile(
        rf"""%(?:(?P<percent>%)|{_NUMBER}?[-+ #0]*(?P<width>\*|[0-9]+)?
        (?:\.(?P<precision>\*|[0-9]*))?(?P<size>[hl])?(?P<conversion>[csiduoxXeEfgG]))""",
        re.VERBOSE,
    ),
    {
        **_kinds(char="c", string="s", integer="id", unsigned="uoxX", double="eEfgG"),
        **{"h" + c: "short integer" for c in "id"},
        **{"h" + c: "short unsigned" for c in "uoxX"},
    },
    numbering="current",
)


def _perl_accepts(match: re.Match[str]) -> bool:
    """format-perl.c refuses a short or long size on a floating-point conversion."""
    return not (match.group("size") in ("h", "l") and match.group("conversion") in "eEfFgG")


# Perl's sprintf (format-perl.c): vectors, sizes, numbered and unnumbered mixed.
PERL = Printf(
    re.compile(
        r"""%(?P<number>[1-9][0-9]*\$)?[-+ #0]*(?P<vector>\*[1-9][0-9]*\$v|\*v|v)?
        (?P<width>\*(?:[1-9][0-9]*\$)?|[1-9][0-9]*)?(?:\.(?P<precision>\*(?:[1-9][0-9]*\$)?|[0-9]*))?
        (?P<size>h|ll|l|L|q|V|I64|I32|I)?(?P<conversion>[%csp_dDiUOuboxXeEfFgGn])""",
        re.VERBOSE,
    ),
    _kinds(
        char="c",
        string="s",
        scalar_vector="_",
        pointer="p",
        integer="idD",
        unsigned="UOuboxX",
        double="eEfFgG",
        count="n",
    ),
    may_mix=True,
    sized_kinds={"h": "short ", "l": "long ", "ll": "llong ", "L": "llong ", "q": "llong "}
    | {"I64": "llong ", "V": "V ", "I": "ptr "},
    accepts=_perl_accepts,
)
# Ruby's sprintf (format-ruby.c): numbered, unnumbered or named (<name>, {name}).
RUBY = Printf(
    re.compile(
        r"""%(?:(?P<percent>[%\n])|[-+ #0]*(?:(?P<number>[1-9][0-9]*\$)|<(?P<name>[^>]*)>)?
        [-+ #0]*(?P<width>\*(?:[1-9][0-9]*\$)?|[1-9][0-9]*)?
        (?:\.(?P<precision>\*(?:[1-9][0-9]*\$)?|[0-9]*))?
        (?:(?P<conversion>[spcdiuoxXbBfgGeEaA%])|\{(?P<brace>[^}]*)\}))""",
        re.VERBOSE,
    ),
    {
        "": "any",
        **_kinds(any="s", escaped_any="p", char="c", integer="diuoxXbB", double="fgGeEaA"),
    },
)
# Free Pascal's Format (format-pascal.c): "m:" names argument m (from 0), mixed freely.
OBJECT_PASCAL = Printf(
    re.compile(
        r"""%(?:(?P<percent>%)|(?P<number>[0-9]*:|\*:)?-?(?P<width>[0-9]+|\*)?
        (?:\.(?P<precision>[0-9]+|\*)?)?(?P<conversion>[dDuUxXeEfFgGnNmMsSpP]))""",
        re.VERBOSE,
    ),
    _kinds(integer="dDuUxX", double="eEfFgGnNmM", string="sS", pointer="pP"),
    may_mix=True,
    first_argument=0,
)
# Boost's format (format-boost.c): printf's, "%N%", and "%|spec|" whose conversion is
# optional; a directive without a conversion takes an argument of any kind.
BOOST = Printf(
    re.compile(
        r"""%(?:(?P<percent>%)|(?P<positional>[1-9][0-9]*%)
        |(?P<bar>\|)?(?P<number>[1-9][0-9]*\$)?[-+ \#0'_=hl]*
        (?P<width>\*(?:[1-9][0-9]*\$)?|[0-9]+)?(?:\.(?P<precision>\*(?:[1-9][0-9]*\$)?|[0-9]*))?
        [hlL]*(?P<conversion>[cCsSidouxXeEfgGpnt]|T.)?(?(bar)\||(?(conversion)|(?!))))""",
        re.VERBOSE | re.DOTALL,
    ),
    {
        "": "untyped",
        **_kinds(char="cC", untyped="sS", integer="idouxX", double="eEfgG", pointer="p"),
    },
)
# GCC's diagnostics (format-gcc-internal.c): %<, %> and %' take nothing, nor does %m,
# but the check wants it in both strings or neither; flags q, l, w, z, t, + and #;
# %.Ns and %.*s.
GCC_INTERNAL = Printf(
    re.compile(
        rf"""%(?:(?P<percent>[%'<>])|(?P<marker>m)|{_NUMBER}?[qlwzt+\#]*
        (?:\.(?P<precision>{_STAR}|[0-9]+)(?=s))?(?P<conversion>[csidouxpDEFTVvACLOPQ]))""",
        re.VERBOSE,
    ),
    _kinds(
        char="c",
        string="s",
        integer="id",
        unsigned="oux",
        pointer="p",
        tree="DEFTV",
        cv="v",
        argument="A",
        code="CO",
        locus="L",
        parameter="P",
        assignment="Q",
    ),
)


def _gfc_accepts(match: re.Match[str]) -> bool:
    return match.group("size") is None or match.group("conversion") in "idu"


# GNU Fortran's diagnostics (format-gfc-internal.c): "m$" sets the next argument.
GFC_INTERNAL = Printf(
    re.compile(rf"%(?:(?P<percent>%)|{_NUMBER}?(?P<size>l)?(?P<conversion>[CLcsidu]))"),
    _kinds(currentloc="C", locus="L", char="c", string="s", integer="id", unsigned="u"),
    may_mix=True,
    numbering="current",
    sized_kinds={"l": "long "},
    accepts=_gfc_accepts,
)


def _gfc_internal(text: str) -> Parsed:
    """format-gfc-internal.c also wants every argument up to the highest one used."""
    parsed = scan_printf(GFC_INTERNAL, text)
    numbers = {d.argument for d in parsed.directives if isinstance(d.argument, int)}
    return Parsed(parsed.directives, parsed.valid and numbers == set(range(1, len(numbers) + 1)))


def _parser(syntax: Printf) -> Callable[[str], Parsed]:
    def parse(text: str) -> Parsed:
        return scan_printf(syntax, text)

    return parse


PRINTF_PARSERS: dict[str, Callable[[str], Parsed]] = {
    "c": _parser(C),
    "objc": _parser(OBJC),
    "python": _parser(PYTHON),
    "php": _parser(PHP),
    "java-printf": _parser(JAVA_PRINTF),
    "javascript": _parser(JAVASCRIPT),
    "awk": _parser(AWK),
    "lua": _parser(LUA),
    "elisp": _parser(ELISP),
    "librep": _parser(LIBREP),
    "tcl": _parser(TCL),
    "perl": _parser(PERL),
    "ruby": _parser(RUBY),
    "object-pascal": _parser(OBJECT_PASCAL),
    "boost": _parser(BOOST),
    "gcc-internal": _parser(GCC_INTERNAL),
    "gfc-internal": _gfc_internal,
}
