from dataclasses import asdict

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.qa.stats import count_words, language_stats


def _catalog() -> Catalog:
    catalog = Catalog(locale="ru")
    catalog.add(Message(msgid="Buy <a>tickets</a> now", msgstr="Купить <a>билеты</a>"))
    catalog.add(Message(msgid="Hello", msgstr="Привет"))
    catalog.add(Message(msgid="Our story", msgstr="Наша история", flags=["fuzzy"]))
    catalog.add(Message(msgid="Contacts"))
    catalog.add(Message(msgid="Rock'n'roll all night long"))
    catalog.obsolete[(None, "Old")] = Message(msgid="Old", msgstr="Старое", obsolete=True)
    return catalog


def test_counts_each_state_and_the_source_words() -> None:
    stats = language_stats(_catalog(), "ru", "locales/ru/LC_MESSAGES/site.po")
    assert asdict(stats) == {
        "lang": "ru",
        "path": "locales/ru/LC_MESSAGES/site.po",
        "entries": 5,
        "translated": 2,
        "fuzzy": 1,
        "untranslated": 2,
        "obsolete": 1,
        "words": 3 + 1 + 2 + 1 + 4,
        "translated_words": 4,
        "fuzzy_words": 2,
        "percent": 40.0,
    }


def test_percent_is_rounded_down_so_100_means_complete() -> None:
    catalog = Catalog(locale="ru")
    for number in range(1000):
        catalog.add(Message(msgid=f"Text {number}", msgstr=f"Текст {number}"))
    catalog.add(Message(msgid="Missing"))
    assert language_stats(catalog, "ru", "ru.po").percent == 99.9


def test_an_empty_catalog_is_complete() -> None:
    assert language_stats(Catalog(locale="ru"), "ru", "ru.po").percent == 100.0


@pytest.mark.parametrize(
    ("msgid", "words"),
    [
        ("Hello", 1),
        ("Read <a>the story</a>", 3),
        ("line<br>break", 2),
        ("Rock'n'roll", 1),
        ("e-mail", 1),
        ("Tom &amp; Jerry", 2),
        ("Price: 1 000 ₽", 3),
        ("", 0),
    ],
)
def test_count_words(msgid: str, words: int) -> None:
    assert count_words(msgid) == words
