"""What a format string's parser finds, and the scanner the printf-like languages share."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class Printf:
    """How one printf-like language (format-<language>.c) reads a directive.

    ``pattern`` matches a whole valid directive at a ``%``, with the named groups
    ``percent`` (a directive that takes nothing), ``number`` (``m$``, or another
    way of naming an argument's position), ``name``, ``width`` and ``precision``
    (``*`` or ``*m$`` take an argument), ``size`` and ``conversion``; a ``%`` it does
    not match makes the string invalid from there on. ``kinds`` gives the kind of
    value a conversion (or size and conversion) wants; a conversion not in it takes
    no argument. ``numbering`` says what ``m$`` does: "counter" (names argument m;
    unnumbered arguments count on their own) or "current" (sets the next argument to
    m, as in elisp, librep, tcl). ``may_mix``: whether numbered and unnumbered
    arguments may be mixed. ``sized_kinds`` (or ``size_prefix``) puts the size before
    the kind where the check tells sizes apart. ``accepts`` holds the checks a pattern
    cannot express; ``contiguous``, that numbered arguments must be 1 … n."""

    pattern: re.Pattern[str]
    kinds: Mapping[str, str]
    may_mix: bool = False
    numbering: str = "counter"
    first_argument: int = 1
    sized_kinds: Mapping[str, str] = field(default_factory=dict)
    size_prefix: Callable[[str], str] | None = None
    accepts: Callable[[re.Match[str]], bool] | None = None
    contiguous: bool = False


class _Arguments:
    """The argument counter of one string as a printf-like parser keeps it."""

    def __init__(self, syntax: Printf) -> None:
        self.syntax = syntax
        self.next = syntax.first_argument
        self.last: int | None = None
        self.styles: set[str] = set()  # "numbered", "unnumbered", "named"

    def take(self, numbered: int | None) -> int:
        """The argument a directive (or its ``*``) takes; ``numbered`` from ``m$``."""
        if numbered is not None and self.syntax.numbering == "current":
            self.next = numbered
            numbered = None
        if numbered is None:
            numbered, self.next = self.next, self.next + 1
        self.last = numbered
        return numbered

    def mixes(self, style: str) -> bool:
        self.styles.add(style)
        return len(self.styles) > 1 and not self.syntax.may_mix


def _star_number(star: str) -> int | None:
    """The argument ``*m$`` names, or None for a plain ``*``."""
    digits = star[1:].rstrip("$v")
    return int(digits) if digits else None


def scan_printf(syntax: Printf, text: str) -> Parsed:
    """Directives of a printf-like string, in the way its format-*.c parser finds them."""
    directives: list[Directive] = []
    arguments = _Arguments(syntax)
    position = text.find("%")
    while position >= 0:
        match = syntax.pattern.match(text, position)
        if match is None or (syntax.accepts is not None and not syntax.accepts(match)):
            return Parsed(tuple(directives), False)
        found = _directive(syntax, match, arguments)
        if found is None:
            return Parsed(tuple(directives), False)
        directives.extend(found)
        position = text.find("%", match.end())
    if syntax.contiguous and not _contiguous(directives):
        return Parsed(tuple(directives), False)
    return Parsed(tuple(directives), True)


def _contiguous(directives: list[Directive]) -> bool:
    """Whether the numbered arguments are 1 … n, none left out (format-c.c wants it)."""
    numbers = {d.argument for d in directives if isinstance(d.argument, int)}
    return numbers == set(range(1, len(numbers) + 1))


def _directive(
    syntax: Printf, match: re.Match[str], arguments: _Arguments
) -> list[Directive] | None:
    """The directive ``match`` found (and an empty one per argument its ``*`` or
    vector takes), or None where it mixes numbered and unnumbered arguments in a
    language that forbids it (or refers to a previous argument that is not there)."""
    groups = match.groupdict()
    start, end = match.start(), match.end()
    if groups.get("percent") is not None:
        return [Directive(start, end, None, "percent")]
    if groups.get("marker") is not None:  # no argument, but the check compares it
        return [Directive(start, end, "%" + groups["marker"], "marker")]
    number = groups.get("number") or groups.get("positional")
    if number == "<" and arguments.last is None:
        return None  # Java's "%<s" with no argument before it to refer to
    explicit = _explicit_number(number, arguments)
    found = _star_arguments(syntax, groups, explicit, arguments, start)
    if found is None:
        return None
    kind = _kind(syntax, groups)
    if kind is None:
        return [*found, Directive(start, end, None, "percent")]
    name = groups.get("name") or groups.get("brace")
    style = "named" if name is not None else "unnumbered" if explicit is None else "numbered"
    if arguments.mixes(style):
        return None
    argument: int | str = name if name is not None else arguments.take(explicit)
    return [*found, Directive(start, end, argument, kind)]


def _star_arguments(
    syntax: Printf,
    groups: dict[str, str | None],
    explicit: int | None,
    arguments: _Arguments,
    start: int,
) -> list[Directive] | None:
    """The arguments a directive's ``*`` width and precision (and Perl's ``*v``
    vector separator) take, each as an empty directive at the directive's start."""
    found: list[Directive] = []
    for part, kind in (("vector", "scalar_vector"), ("width", "integer"), ("precision", "integer")):
        star = groups.get(part) or ""
        if not star.startswith("*"):
            continue
        star_number = _star_number(star)
        if syntax.numbering == "current":
            style = "unnumbered" if explicit is None else "numbered"
        else:
            style = "unnumbered" if star_number is None else "numbered"
        if arguments.mixes(style):
            return None
        found.append(Directive(start, start, arguments.take(star_number), kind))
    return found


def _kind(syntax: Printf, groups: dict[str, str | None]) -> str | None:
    """The kind of value the directive's conversion wants, or None if it takes none."""
    conversion = groups.get("conversion") or groups.get("pri") or ""
    size = groups.get("size") or ""
    kind = (
        syntax.kinds.get(size + conversion)
        or syntax.kinds.get(conversion)
        or syntax.kinds.get(conversion[:1])
    )
    if kind is None:
        return None
    if groups.get("vector"):
        return "scalar_vector"  # Perl's %vd formats a vector (a string) of integers
    if syntax.size_prefix is not None:
        return syntax.size_prefix(size) + kind
    return syntax.sized_kinds.get(size, "") + kind


def _explicit_number(number: str | None, arguments: _Arguments) -> int | None:
    """The argument ``m$`` names (``m%`` in Boost, ``m:`` in Pascal where ``:`` alone is
    0 and ``*:`` is unknown, ``<`` in Java for the previous directive's)."""
    if not number or number == "*:":
        return None
    if number == "<":
        return arguments.last
    return int(number.rstrip("$:%") or "0")
