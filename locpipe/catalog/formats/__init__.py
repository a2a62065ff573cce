"""Format strings of the ``*-format`` flags, as GNU gettext 0.21's format-*.c parse them.

Two things need them: the PO writer never breaks a line inside a directive of
an entry marked as a format string (write-po.c's ``wrap``), and a merge marks a
kept translation fuzzy when the template newly calls its msgid a format string
and the translation's directives do not fit it (msgmerge's check, as ``msgfmt -c``
would make it). Written by hand because no Python library parses gettext's
format languages. Every language of gettext 0.21 has a parser in ``PARSERS``
(printf-like ones in ``printf``, placeholders in ``placeholders``, Java's
MessageFormat in ``java``, Lisp's and Scheme's ``~`` in ``lisp``), and each
language's check in ``checks``. What they leave out of gettext's:

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

from locpipe.catalog.formats.checks import CHECKS, arguments, same_arguments
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
    marked = {
        flag.removeprefix("possible-").removesuffix("-format")
        for flag in flags
        if flag.endswith("-format") and not flag.startswith("no-")
    }
    if not marked:
        return []  # most entries: no format flag
    return [language for language in FORMAT_LANGUAGES if language in marked]


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
    wanted, given = arguments(parser(msgid)), arguments(parser(msgstr))
    if wanted is None:
        return True  # msgfmt does not check a msgid that is no valid format string
    if given is None:
        return False
    return CHECKS.get(language, same_arguments)(wanted, given, strict)


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
