"""Format strings of the ``*-format`` flags, as GNU gettext's format-*.c parse them.

Two things need them: the PO writer never breaks a line inside a directive of
an entry marked as a format string (write-po.c's ``wrap``), and a merge marks a
kept translation fuzzy when the template newly calls its msgid a format string
and the translation's directives do not fit it (msgmerge's check, as ``msgfmt -c``
would make it). Written by hand because no Python library parses gettext's
format languages; only the commonest are known here (``PARSERS``), and an entry
of another language is treated as having no directive.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# The languages of gettext 0.21's format flags, in the order it writes (and tries) them.
FORMAT_LANGUAGES = (
    *("c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript"),
    *("scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal"),
    *("smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace"),
    *("php", "gcc-internal", "gfc-internal", "ycp"),
)


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive: where it is (``end`` exclusive), the argument it takes (a number,
    a name, or None for ``%%``) and the kind of value it wants."""

    start: int
    end: int
    argument: int | str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Parsed:
    """A string's directives up to the first invalid one, and whether there was one."""

    directives: tuple[Directive, ...]
    valid: bool


# C's printf (format-c.c): %[n$][flags][width][.precision][size]conversion, or %%.
_C_DIRECTIVE = re.compile(
    r"""%(?:
      (?P<percent>%)
    | (?P<number>[1-9][0-9]*\$)?
      [-+ #0'I]*
      (?P<width>\*(?:[1-9][0-9]*\$)?|[0-9]+)?
      (?:\.(?P<precision>\*(?:[1-9][0-9]*\$)?|[0-9]*))?
      (?P<size>hh|h|ll|l|L|q|j|z|Z|t)?
      (?P<conversion>[diouxXeEfFgGaAcspnCS@%]|<PRI[diouxX]\w*>)
    )""",
    re.VERBOSE,
)
# Python's % operator (format-python.c): %[(name)][flags][width][.precision][size]conversion.
_PYTHON_DIRECTIVE = re.compile(
    r"""%(?:
      (?P<percent>%)
    | (?:\((?P<name>[^)]*)\))?
      [-+ #0]*
      (?P<width>\*|[0-9]+)?
      (?:\.(?P<precision>\*|[0-9]*))?
      [hlL]?
      (?P<conversion>[diouxXeEfFgGcrs%])
    )""",
    re.VERBOSE,
)
# PHP's sprintf (format-php.c): %[n$][flags][width][.precision]conversion, or %%.
_PHP_DIRECTIVE = re.compile(
    r"""%(?:
      (?P<percent>%)
    | (?P<number>[1-9][0-9]*\$)?
      (?:[-+\ 0]|'.)*
      (?P<width>[0-9]+)?
      (?:\.(?P<precision>[0-9]+))?
      l?
      (?P<conversion>[bcdeEfFgGosuxX])
    )""",
    re.VERBOSE,
)
# Qt's QString::arg (format-qt.c): %n or %Ln, n one or two digits; nothing is invalid.
_QT_DIRECTIVE = re.compile(r"%L?([0-9][0-9]?)")
# KDE's KLocalizedString (format-kde.c): %n, n a number from 1, all its digits.
_KDE_DIRECTIVE = re.compile(r"%([1-9][0-9]*)")
# A shell variable for envsubst (format-sh.c): $name or ${name}, ASCII names only.
_SH_DIRECTIVE = re.compile(r"\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))", re.ASCII)
# Perl's {name} placeholders (format-perl-brace.c); other braces are text.
_PERL_BRACE_DIRECTIVE = re.compile(r"\{([A-Za-z_]\w*)\}", re.ASCII)
# str.format (format-python-brace.c): {name}, {0}, {name.attr[key]:spec}; {{ and }} are text.
_BRACE_DIRECTIVE = re.compile(r"\{(?P<name>[A-Za-z_0-9]*(?:\.\w+|\[[^\]]*\])*)(?::[^{}]*)?\}")
_KINDS = {
    **dict.fromkeys("bdiouxX", "integer"),
    **dict.fromkeys("eEfFgGaA", "double"),
    "c": "char",
    "C": "wide char",
    "s": "string",
    "S": "wide string",
    "p": "pointer",
    "n": "count",
    "@": "object",
    "r": "object",
}


def _printf(pattern: re.Pattern[str], text: str, *, may_mix: bool = False) -> Parsed:
    """Directives of a printf-like string, numbering unnumbered arguments in order. As in
    gettext, a string that mixes numbered (or named) and unnumbered arguments is invalid
    from the directive that mixes them on, unless the language allows it (``may_mix``)."""
    directives: list[Directive] = []
    next_argument = 1
    styles: set[bool] = set()  # True: numbered or named arguments seen; False: unnumbered
    position = text.find("%")
    while position >= 0:
        match = pattern.match(text, position)
        if match is None:
            return Parsed(tuple(directives), False)
        groups = match.groupdict()
        if groups["percent"] is not None or groups["conversion"] == "%":
            directives.append(Directive(position, match.end(), None, "percent"))
            position = text.find("%", match.end())
            continue
        stars = [groups.get(part) or "" for part in ("width", "precision")]
        number, name = groups.get("number"), groups.get("name")
        style = {number is not None or name is not None}
        style |= {star != "*" for star in stars if star.startswith("*")}
        styles |= style
        if len(styles) > 1 and not may_mix:
            return Parsed(tuple(directives), False)
        for star in stars:
            if star.startswith("*"):
                width_argument = int(star[1:-1]) if star != "*" else next_argument
                next_argument += star == "*"
                directives.append(Directive(position, position, width_argument, "integer"))
        argument: int | str
        if number is not None:
            argument = int(number[:-1])
        elif name is not None:
            argument = name
        else:
            argument, next_argument = next_argument, next_argument + 1
        conversion = groups["conversion"]
        kind = _KINDS.get(conversion[0] if conversion[0] != "<" else conversion[4], "string")
        directives.append(
            Directive(position, match.end(), argument, (groups.get("size") or "") + kind)
        )
        position = text.find("%", match.end())
    return Parsed(tuple(directives), True)


def _c(text: str) -> Parsed:
    return _printf(_C_DIRECTIVE, text)


def _python(text: str) -> Parsed:
    return _printf(_PYTHON_DIRECTIVE, text)


def _php(text: str) -> Parsed:
    return _printf(_PHP_DIRECTIVE, text, may_mix=True)


def _qt(text: str) -> Parsed:
    return Parsed(
        tuple(
            Directive(match.start(), match.end(), int(match.group(1)), "any")
            for match in _QT_DIRECTIVE.finditer(text)
        ),
        True,
    )


def _kde(text: str) -> Parsed:
    """KDE's directives; the string is invalid (its directives still count for line
    breaking) when its numbers leave out more than one of 1 … n."""
    matches = list(_KDE_DIRECTIVE.finditer(text))
    numbers = {int(match.group(1)) for match in matches}
    directives = tuple(
        Directive(match.start(), match.end(), int(match.group(1)), "any") for match in matches
    )
    return Parsed(directives, len(numbers) + 1 >= max(numbers, default=0))


def _sh(text: str) -> Parsed:
    directives: list[Directive] = []
    position = text.find("$")
    while position >= 0:
        match = _SH_DIRECTIVE.match(text, position)
        if match is None:
            return Parsed(tuple(directives), False)
        name = match.group(1) or match.group(2)
        directives.append(Directive(position, match.end(), name, "any"))
        position = text.find("$", match.end())
    return Parsed(tuple(directives), True)


def _perl_brace(text: str) -> Parsed:
    return Parsed(
        tuple(
            Directive(match.start(), match.end(), match.group(1), "any")
            for match in _PERL_BRACE_DIRECTIVE.finditer(text)
        ),
        True,
    )


def _python_brace(text: str) -> Parsed:
    directives: list[Directive] = []
    position = 0
    while True:
        brace = re.compile(r"[{}]").search(text, position)
        if brace is None:
            return Parsed(tuple(directives), True)
        start = brace.start()
        if text.startswith(("{{", "}}"), start):
            position = start + 2
            continue
        match = _BRACE_DIRECTIVE.match(text, start)
        if match is None:
            return Parsed(tuple(directives), False)
        name = match.group("name")
        argument: int | str = int(name) if name.isdecimal() else name
        # gettext 0.21 records a brace directive's extent relative to the directive's own
        # start (FDI_SET in parse_directive counts from it), so its writer protects the
        # string's first characters instead of the directive: do as it does.
        directives.append(Directive(0, match.end() - start, argument, "any"))
        position = match.end()


PARSERS: dict[str, Callable[[str], Parsed]] = {
    "c": _c,
    "objc": _c,
    "python": _python,
    "python-brace": _python_brace,
    "php": _php,
    "qt": _qt,
    "kde": _kde,
    "sh": _sh,
    "perl-brace": _perl_brace,
}


# Languages whose check wants every argument in every plural form (format-qt.c).
_ALWAYS_STRICT = frozenset({"qt"})


def format_languages(flags: list[str]) -> list[str]:
    """The languages the flags call a string a format string of (``possible-`` too), in
    gettext's order."""
    marked = set(flags)
    return [
        language
        for language in FORMAT_LANGUAGES
        if {f"{language}-format", f"possible-{language}-format"} & marked
    ]


def format_language(flags: list[str]) -> str | None:
    """The language whose directives gettext's writer keeps whole: the first one."""
    languages = format_languages(flags)
    return languages[0] if languages else None


def unbreakable(text: str, flags: list[str]) -> Iterator[int]:
    """Indexes of ``text`` before which no line may start: inside a format directive
    of the entry's format language (before its first character is fine)."""
    language = format_language(flags)
    parser = PARSERS.get(language) if language is not None else None
    if parser is None or not text:
        return
    for directive in parser(text).directives:
        yield from range(directive.start + 1, directive.end)


def directives_fit(language: str, msgid: str, msgstr: str, *, strict: bool = True) -> bool:
    """Whether ``msgstr`` passes ``msgfmt -c``'s check against ``msgid`` in ``language``:
    valid, with the same arguments of the same kinds (with ``strict`` False, as for a
    plural form, it may leave some out). A language not in ``PARSERS`` always fits."""
    parser = PARSERS.get(language)
    if parser is None:
        return True
    strict = strict or language in _ALWAYS_STRICT
    source, translation = parser(msgid), parser(msgstr)
    if not source.valid:
        return True  # msgfmt does not check a msgid that is no valid format string
    if not translation.valid:
        return False
    wanted, given = _arguments(source), _arguments(translation)
    if any(given.get(argument, kind) != kind for argument, kind in wanted.items()):
        return False
    if any(argument not in wanted for argument in given):
        return False
    return not strict or given.keys() == wanted.keys()


def _arguments(parsed: Parsed) -> dict[int | str, str]:
    return {d.argument: d.kind for d in parsed.directives if d.argument is not None}


_PLURAL_EXPRESSION = re.compile(r"\bplural\s*=\s*([^;]+)")


def strict_forms(plural_forms: str, count: int) -> list[bool]:
    """For each of ``count`` plural forms, whether ``msgfmt -c`` checks it strictly
    (every argument of msgid_plural used): a form that more than one number among
    0 … 1000 selects. A form for a single number (English "one") may drop the count."""
    match = _PLURAL_EXPRESSION.search(plural_forms)
    try:
        select = gettext.c2py(match.group(1).strip()) if match else None
        numbers = [select(n) for n in range(1001)] if select else None
    except (ValueError, SyntaxError, ZeroDivisionError, RecursionError):
        numbers = None
    if numbers is None:
        return [True] * count
    return [numbers.count(form) > 1 for form in range(count)]
