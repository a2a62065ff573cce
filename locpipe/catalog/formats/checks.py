"""How ``msgfmt -c`` compares a translation's arguments with its msgid's, language by
language (each format-*.c's ``format_check``)."""

from __future__ import annotations

from collections.abc import Callable

from locpipe.catalog.formats.directives import Parsed

# Each argument (a number or a name) and the kind of value it wants.
Arguments = dict[int | str, str]


def arguments(parsed: Parsed) -> Arguments | None:
    """Each argument's kind, or None for an invalid string (one that wants an
    argument as two kinds is invalid too, as in gettext)."""
    if not parsed.valid:
        return None
    kinds: Arguments = {}
    for directive in parsed.directives:
        if directive.argument is None:
            continue
        known = kinds.setdefault(directive.argument, directive.kind)
        if known == "untyped":  # Java's plain {n}, Boost's %1%, go with any kind
            kinds[directive.argument] = directive.kind
        elif directive.kind not in (known, "untyped"):
            return None
    return kinds


def same_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """The usual check: the translation's arguments are the msgid's (some may be left
    out where not ``strict``), each of the same kind."""
    if any(given.get(argument, kind) != kind for argument, kind in wanted.items()):
        return False
    if any(argument not in wanted for argument in given):
        return False
    return not strict or given.keys() == wanted.keys()


def _argument_count(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-csharp.c compares only how many arguments (the highest number + 1)."""
    needed, used = (max(map(int, a), default=-1) + 1 for a in (wanted, given))
    return used == needed if strict else used <= needed


def _gfc_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-gfc-internal.c compares the arguments in order, %C aside, and whether
    both use %C (the current locus)."""
    if ("currentloc" in wanted.values()) != ("currentloc" in given.values()):
        return False
    source, translation = (
        [
            kind
            for _, kind in sorted(a.items(), key=lambda item: int(item[0]))
            if kind != "currentloc"
        ]
        for a in (wanted, given)
    )
    if len(translation) > len(source) or (strict and len(translation) != len(source)):
        return False
    return translation == source[: len(translation)]


def _named_in_translation(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-perl-brace.c wants the msgid's names in the translation, which may add more."""
    return not strict or wanted.keys() <= given.keys()


def _ruby_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-ruby.c: names (a hash) and numbers do not go together; named arguments
    as usual; positional ones as many, of the same kinds in order, however numbered."""
    named: list[Arguments] = [
        {k: v for k, v in a.items() if isinstance(k, str)} for a in (wanted, given)
    ]
    numbered = [[a[k] for k in sorted(k for k in a if isinstance(k, int))] for a in (wanted, given)]
    if (named[0] and numbered[1]) or (numbered[0] and named[1]):
        return False
    return same_arguments(named[0], named[1], strict) and numbered[0] == numbered[1]


def _qt_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-qt.c: the usual check, and no L flag or two-digit number (the "%L" marker)
    in the translation of a msgid without one."""
    if "%L" in given and "%L" not in wanted:
        return False
    wanted, given = ({k: v for k, v in a.items() if k != "%L"} for a in (wanted, given))
    return same_arguments(wanted, given, strict)


def _followed_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """Lisp's and Scheme's arguments as ``lisp`` follows them; where it cannot (the
    "~" marker), the same directives, in the same order, or anything in a plural form."""
    if "~" in wanted or "~" in given:
        return not strict or wanted == given
    return same_arguments(wanted, given, strict)


# How a language's check compares the arguments, where it is not ``same_arguments``.
CHECKS: dict[str, Callable[[Arguments, Arguments, bool], bool]] = {
    "csharp": _argument_count,
    "perl-brace": _named_in_translation,
    "qt": _qt_arguments,
    "ruby": _ruby_arguments,
    "gfc-internal": _gfc_arguments,
    "lisp": _followed_arguments,
    "scheme": _followed_arguments,
}
