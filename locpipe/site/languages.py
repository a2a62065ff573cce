"""The languages of a built site and how each place spells a language code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class SiteLanguages:
    """The languages of the built site: the source one first."""

    source: str
    targets: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.source, *self.targets)

    def folder(self, lang: str) -> str:
        """The folder of ``lang`` in the built site: "" for the source language."""
        return "" if lang == self.source else lang

    def by_folder(self, name: str) -> str | None:
        """The target language whose folder is ``name`` (compared as a URL path segment)."""
        wanted = name.lower()
        return next((lang for lang in self.targets if lang.lower() == wanted), None)


def html_lang(locale: str) -> str:
    """BCP 47 spelling of a locale code: pt_BR -> pt-BR."""
    return locale.replace("_", "-")


def tilda_lang(locale: str) -> str:
    """Tilda's spelling for ``data-tilda-project-lang``: the language, upper case (pt_BR -> PT)."""
    return locale.split("_")[0].upper()


@cache
def text_direction(locale: str) -> str:
    from babel import Locale

    return "rtl" if Locale.parse(locale).text_direction == "rtl" else "ltr"


@cache
def og_locale(locale: str) -> str:
    """Open Graph locale (language_TERRITORY): ru -> ru_RU, pt_BR -> pt_BR."""
    from babel import Locale
    from babel.core import get_global

    parsed = Locale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    likely = Locale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{likely.territory}" if likely.territory else parsed.language


@cache
def language_name(locale: str) -> str:
    """The language's own name for itself, capitalised: ru -> Русский, de -> Deutsch."""
    from babel import Locale

    name = Locale.parse(locale).get_display_name(locale) or locale
    return name[:1].upper() + name[1:]


@cache
def names_of(locale: str) -> frozenset[str]:
    """What a switcher link may say for ``locale``: its code, own name and English name."""
    from babel import Locale

    parsed = Locale.parse(locale)
    names = {locale, parsed.language, html_lang(locale)}
    for display in (parsed.get_display_name(locale), parsed.get_display_name("en")):
        if display:
            names.add(display)
    language = parsed.get_language_name(locale)
    if language:
        names.add(language)
    return frozenset(name.casefold() for name in names)
