"""Format strings of the ``*-format`` flags, as GNU gettext 0.21's format-*.c parse them.

Two things need them: the PO writer never breaks a line inside a directive of
an entry marked as a format string (write-po.c's ``wrap``), and a merge marks a
kept translation fuzzy when the template newly calls its msgid a format string
and the translation's directives do not fit it (msgmerge's check, as ``msgfmt -c``
would make it). Written by hand because no Python library parses gettext's
format languages. Every language of gettext 0.21 has a parser in ``PARSERS``
(printf-like ones in ``printf``, placeholders in ``placeholders``, Java's
MessageFormat in ``java``, Lisp's and Scheme's ``~`` in ``lisp``); what they leave
out of gettext's checks:

- lisp, scheme: the merge check compares the arguments a string consumes in order;
  where directives move among them or take lists (``~[``, ``~{``, ``~*``, ``~?``,
  ``V`` …), gettext infers and compares their types, and locpipe wants the same
  directives in the same order (a plural form passes);
- ruby: flags, width, precision and argument are read in printf's order, where
  Ruby (and format-ruby.c) takes them in any order (``%5<a>s`` is invalid here).

The rest follows gettext 0.21's parsers as they behave, not as they are documented
(its PHP has no ``+`` flag nor ``%E``/``%F``/``%G``, its Python no ``%F``, its
Python brace names ``{0:>5}``'s argument "0:>5"), checked against msgcat and
``msgfmt -c`` in tests/catalog/formats.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator

from locpipe.catalog.formats.directives import Directive, Parsed
from locpipe.catalog.formats.lisp import TILDE_PARSERS
from locpipe.catalog.formats.placeholders import PLACEHOLDER_PARSERS
from locpipe.catalog.formats.printf import PRINTF_PARSERS

__all__ = [
    "FORMAT_LANGUAGES",
    "PARSERS",
    "Directive",
    "Parsed",
    "directives_fit",
    "format_language",
    "format_languages",
    "strict_forms",
    "unbreakable",
]

# The languages of gettext 0.21's format flags, in the order it writes (and tries) them.
FORMAT_LANGUAGES = (
    *("c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript"),
    *("scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal"),
    *("smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace"),
    *("php", "gcc-internal", "gfc-internal", "ycp"),
)

# Each language's parser: the string's directives, up to the first invalid one.
PARSERS: dict[str, Callable[[str], Parsed]] = {
    **PRINTF_PARSERS,
    **PLACEHOLDER_PARSERS,
    **TILDE_PARSERS,
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
    plural form, it may leave some out), as ``CHECKS`` compares them."""
    parser = PARSERS.get(language)
    if parser is None:
        return True
    strict = strict or language in _ALWAYS_STRICT
    source, translation = parser(msgid), parser(msgstr)
    wanted, given = _arguments(source), _arguments(translation)
    if wanted is None:
        return True  # msgfmt does not check a msgid that is no valid format string
    if given is None:
        return False
    return CHECKS.get(language, _same_arguments)(wanted, given, strict)


def _arguments(parsed: Parsed) -> dict[int | str, str] | None:
    """Each argument's kind, or None for an invalid string (one that wants an
    argument as two kinds is invalid too, as in gettext)."""
    if not parsed.valid:
        return None
    kinds: dict[int | str, str] = {}
    for directive in parsed.directives:
        if directive.argument is None:
            continue
        known = kinds.setdefault(directive.argument, directive.kind)
        if known == "untyped":  # Java's plain {n} goes with any kind
            kinds[directive.argument] = directive.kind
        elif directive.kind not in (known, "untyped"):
            return None
    return kinds


Arguments = dict[int | str, str]


def _same_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
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
    return _same_arguments(named[0], named[1], strict) and numbered[0] == numbered[1]


def _qt_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """format-qt.c: the usual check, and no L flag or two-digit number (the "%L" marker)
    in the translation of a msgid without one."""
    if "%L" in given and "%L" not in wanted:
        return False
    wanted, given = ({k: v for k, v in a.items() if k != "%L"} for a in (wanted, given))
    return _same_arguments(wanted, given, strict)


def _followed_arguments(wanted: Arguments, given: Arguments, strict: bool) -> bool:
    """Lisp's and Scheme's arguments as ``lisp`` follows them; where it cannot (the
    "~" marker), the same directives, in the same order, or anything in a plural form."""
    if "~" in wanted or "~" in given:
        return not strict or wanted == given
    return _same_arguments(wanted, given, strict)


# How a language's check compares the arguments, where it is not ``_same_arguments``.
CHECKS: dict[str, Callable[[Arguments, Arguments, bool], bool]] = {
    "csharp": _argument_count,
    "perl-brace": _named_in_translation,
    "qt": _qt_arguments,
    "ruby": _ruby_arguments,
    "gfc-internal": _gfc_arguments,
    "lisp": _followed_arguments,
    "scheme": _followed_arguments,
}


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
