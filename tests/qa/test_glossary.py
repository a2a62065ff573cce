from pathlib import Path

import pytest

from locpipe.errors import LocpipeError
from locpipe.qa.glossary import (
    GlossaryError,
    Term,
    keeps_verbatim,
    occurrences,
    read_glossary,
    uses_translation,
)

PATH = Path("glossary.csv")


def test_reads_terms_with_their_lines() -> None:
    data = (
        "\ufeffterm,translation,note\n"
        "Tilda,,brand name\n"
        "\n"
        'application,заявка,"a form sent to us, not software"\n'
        "personal account,личный кабинет,\n"
    ).encode()
    glossary = read_glossary(data, PATH)
    assert glossary.terms == (
        Term("Tilda", "", "brand name", 2),
        Term("application", "заявка", "a form sent to us, not software", 4),
        Term("personal account", "личный кабинет", "", 5),
    )
    assert [t.term for t in glossary.keep_terms] == ["Tilda"]
    assert [t.term for t in glossary.required_terms] == ["application", "personal account"]


def test_the_note_column_is_optional() -> None:
    glossary = read_glossary(b"Term,Translation\r\nTilda,\r\n", PATH)
    assert glossary.terms == (Term("Tilda", "", "", 2),)


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "the glossary is empty", None),
        (b"word,meaning\nTilda,\n", "the header row is 'word,meaning'", 1),
        (b"term,translation,note,extra\n", "the header row is 'term,translation,note,extra'", 1),
        (b"term,translation,note\n,perevod,\n", "the term is empty", 2),
        (b"term,translation,note\na,b,c,d\n", "4 columns, the header has 3", 2),
        (b"term,translation\nTilda,\nshop,\ntilda,\n", "term 'tilda' is listed twice", 4),
        (b"term,translation\nTilda,\n\xff\xfe,\n", "not valid UTF-8", 3),
        (b'term,translation\n"Til"da,\n', "invalid CSV: ',' expected after '\"'", 2),
    ],
)
def test_errors_name_the_line(data: bytes, message: str, line: int | None) -> None:
    with pytest.raises(GlossaryError) as caught:
        read_glossary(data, PATH)
    assert caught.value.message == message
    assert caught.value.line == line
    assert caught.value.path == PATH
    assert isinstance(caught.value, LocpipeError)


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("Tilda", "Made on Tilda.", ["Tilda"]),
        ("Tilda", "MADE ON TILDA", ["TILDA"]),
        ("Tilda", "Tildas", []),
        ("Zero Block", "a Zero\u00a0Block here", ["Zero\u00a0Block"]),
        ("C++", "Learn C++ today", ["C++"]),
    ],
)
def test_terms_are_found_case_insensitively_on_word_boundaries(
    term: str, text: str, found: list[str]
) -> None:
    assert occurrences(term, text) == found


@pytest.mark.parametrize(
    ("spelling", "text", "kept"),
    [("Tilda", "на Tilda", True), ("Tilda", "на TILDA", False), ("Tilda", "на Tildaweb", False)],
)
def test_keep_terms_must_be_verbatim(spelling: str, text: str, kept: bool) -> None:
    assert keeps_verbatim(spelling, text) is kept


@pytest.mark.parametrize(
    ("translation", "text", "used"),
    [
        ("заявка", "Отправьте заявку", True),  # 6+ letters: the stem drops 2 letters
        ("заявка", "с заявкой", True),
        ("заявка", "Заявки", True),
        ("заявка", "заявление", False),  # stem "заяв" + 5 letters is another word
        ("билет", "билетов", True),  # 4-5 letters: the stem drops 1 letter
        ("билет", "бил", False),
        ("чат", "чаты", True),  # 3 letters: the whole word is the stem
        ("личный кабинет", "в личном кабинете", True),
        ("личный кабинет", "в кабинете", False),
        ("order", "Orders", True),
    ],
)
def test_translations_match_by_stem(translation: str, text: str, used: bool) -> None:
    assert uses_translation(translation, text) is used
