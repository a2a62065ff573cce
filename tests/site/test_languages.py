from __future__ import annotations

import pytest

from locpipe.site.languages import SiteLanguages, language_name, names_of, tilda_lang


@pytest.mark.parametrize(("locale", "tilda"), [("ru", "RU"), ("pt_BR", "PT"), ("uk", "UK")])
def test_tilda_spelling(locale: str, tilda: str) -> None:
    assert tilda_lang(locale) == tilda


@pytest.mark.parametrize(("locale", "name"), [("ru", "Русский"), ("de", "Deutsch")])
def test_language_name_is_its_own(locale: str, name: str) -> None:
    assert language_name(locale) == name


@pytest.mark.parametrize("text", ["en", "EN", "English", "english"])
def test_what_a_switcher_link_may_say(text: str) -> None:
    assert text.casefold() in names_of("en")


def test_home_is_not_a_language_name() -> None:
    assert "home" not in names_of("en")


def test_folders() -> None:
    languages = SiteLanguages("en", ("ru", "pt_BR"))
    assert [languages.folder(lang) for lang in languages.all] == ["", "ru", "pt_BR"]
    assert languages.by_folder("PT_br") == "pt_BR"
    assert languages.by_folder("en") is None  # the source language has no folder
