"""The format languages of numbered or named placeholders rather than printf's
conversions, as gettext 0.21's format-qt.c, format-qt-plural.c, format-kde.c,
format-kde-kuit.c, format-sh.c, format-perl-brace.c, format-python-brace.c,
format-csharp.c, format-java.c (in ``java``) and format-smalltalk.c (also YCP's) parse them."""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable

from locpipe.catalog.formats.directives import Directive, Parsed
from locpipe.catalog.formats.java import parse_java

# Qt's QString::arg (format-qt.c): %n or %Ln, n one or two digits; nothing is invalid.
_QT_DIRECTIVE = re.compile(r"%L?([0-9][0-9]?)")
# Qt's QObject::tr (format-qt-plural.c): %n or %Ln, the count; nothing is invalid.
_QT_PLURAL_DIRECTIVE = re.compile(r"%L?n")
# KDE's KLocalizedString (format-kde.c): %n, n a number from 1, all its digits.
_KDE_DIRECTIVE = re.compile(r"%([1-9][0-9]*)")
# A shell variable for envsubst (format-sh.c): $name or ${name}, ASCII names only.
_SH_DIRECTIVE = re.compile(r"\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))", re.ASCII)
# Perl's {name} placeholders (format-perl-brace.c); other braces are text.
_PERL_BRACE_DIRECTIVE = re.compile(r"\{([A-Za-z_]\w*)\}", re.ASCII)
# str.format (format-python-brace.c): {name}, {0}, {name.attr[key]:spec}; {{ and }} are text.
# As gettext 0.21 reads it: a name is required, and the spec is a nested {name} or the
# standard one, [[fill]align][sign][#][0][width][.[precision]][type] (a "." with no digits
# is accepted there, unlike later versions); anything else makes the string invalid.
_BRACE_FIELD = r"(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)"
_BRACE_NAME = rf"{_BRACE_FIELD}(?:\.[A-Za-z_][A-Za-z0-9_]*|\[{_BRACE_FIELD}\])*"
_BRACE_SPEC = r"(?:[\s\S][<>=^]|[<>=^])?[-+ ]?\#?0?[0-9]*(?:\.[0-9]*)?[bcdoxXneEfFgG%]?"
_BRACE_DIRECTIVE = re.compile(
    rf"\{{(?P<name>{_BRACE_NAME}(?::(?:\{{{_BRACE_NAME}\}}|{_BRACE_SPEC}))?)\}}"
)
_BRACES = re.compile(r"[{}]")
# String.Format (format-csharp.c): {n}, {n,width}, {n:spec}; {{ and }} are escapes.
_CSHARP_DIRECTIVE = re.compile(r"\{([0-9]+)(?:,-?[0-9]+)?(?::[^}]*)?\}")


def _qt(text: str) -> Parsed:
    """Qt's directives, and a "%L" marker when one is not simple (an L, two digits):
    format-qt.c refuses such a translation of a msgid whose directives are all simple."""
    matches = list(_QT_DIRECTIVE.finditer(text))
    directives = [Directive(m.start(), m.end(), int(m.group(1)), "any") for m in matches]
    if any(len(match.group()) > 2 for match in matches):
        directives.append(Directive(0, 0, "%L", "marker"))
    return Parsed(tuple(directives), True)


def _qt_plural(text: str) -> Parsed:
    return Parsed(
        tuple(
            Directive(match.start(), match.end(), "n", "any")
            for match in _QT_PLURAL_DIRECTIVE.finditer(text)
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


# A character reference once every "&" is escaped: it stays one (other "&" are text).
_ESCAPED_CHARACTER_REFERENCE = re.compile(r"&amp;(#[0-9]+;|#x[0-9A-Fa-f]+;)")


def _kde_kuit(text: str) -> Parsed:
    """KDE's directives in KUIT markup, which format-kde-kuit.c first parses as XML
    (libxml2, in a ``<gt:kuit>`` element): where it is not well-formed, the string is
    invalid and no directive is marked. An ``&`` is text unless it starts a character
    reference; an undefined entity or namespace prefix passes, as libxml2 lets them."""
    escaped = _ESCAPED_CHARACTER_REFERENCE.sub(r"&\1", text.replace("&", "&amp;"))
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(f"<kuit>{escaped}</kuit>", True)
    except xml.parsers.expat.ExpatError:
        return Parsed((), False)
    return _kde(text)


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
        brace = _BRACES.search(text, position)
        if brace is None:
            return Parsed(tuple(directives), True)
        start = brace.start()
        if text.startswith(("{{", "}}"), start):
            position = start + 2
            continue
        match = _BRACE_DIRECTIVE.match(text, start)
        if match is None:
            return Parsed(tuple(directives), False)
        # gettext 0.21 names the argument with its format spec ("0:>5" is not "0").
        name = match.group("name")
        argument: int | str = int(name) if name.isdecimal() else name
        # gettext 0.21 records a brace directive's extent relative to the directive's own
        # start (FDI_SET in parse_directive counts from it), so its writer protects the
        # string's first characters instead of the directive: do as it does.
        directives.append(Directive(0, match.end() - start, argument, "any"))
        position = match.end()


def _csharp(text: str) -> Parsed:
    """C#'s directives; ``{{`` and ``}}`` are kept whole too, as format-csharp.c marks them."""
    directives: list[Directive] = []
    position = 0
    while True:
        brace = _BRACES.search(text, position)
        if brace is None:
            return Parsed(tuple(directives), True)
        start = brace.start()
        if text.startswith(("{{", "}}"), start):
            directives.append(Directive(start, start + 2, None, "percent"))
            position = start + 2
            continue
        match = _CSHARP_DIRECTIVE.match(text, start)
        if match is None:
            return Parsed(tuple(directives), False)
        directives.append(Directive(start, match.end(), int(match.group(1)), "any"))
        position = match.end()


def _smalltalk(text: str) -> Parsed:
    """Smalltalk's and YCP's ``%1`` … ``%9`` and ``%%``; anything else after ``%`` is invalid."""
    directives: list[Directive] = []
    position = text.find("%")
    while position >= 0:
        following = text[position + 1 : position + 2]
        if following == "%":
            directives.append(Directive(position, position + 2, None, "percent"))
        elif following in set("123456789"):
            directives.append(Directive(position, position + 2, int(following), "any"))
        else:
            return Parsed(tuple(directives), False)
        position = text.find("%", position + 2)
    return Parsed(tuple(directives), True)


PLACEHOLDER_PARSERS: dict[str, Callable[[str], Parsed]] = {
    "python-brace": _python_brace,
    "java": parse_java,
    "csharp": _csharp,
    "smalltalk": _smalltalk,
    "qt": _qt,
    "qt-plural": _qt_plural,
    "kde": _kde,
    "kde-kuit": _kde_kuit,
    "sh": _sh,
    "perl-brace": _perl_brace,
    "ycp": _smalltalk,
}
