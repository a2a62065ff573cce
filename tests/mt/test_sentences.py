import pytest

from locpipe.mt.sentences import join, sentence_spans, split_long


def sentences(text: str, lang: str = "en") -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("One. Two.", "en", ["One.", "Two."]),
        ("Is it? Yes! Fine… Next", "en", ["Is it?", "Yes!", "Fine…", "Next"]),
        ('He said "Go." Then left.', "en", ['He said "Go."', "Then left."]),
        ("It works (mostly.) Then", "en", ["It works (mostly.)", "Then"]),
        ("Ask Mr. Smith. He knows.", "en", ["Ask Mr. Smith.", "He knows."]),
        ("Fruit, e.g. Apples. Done.", "en", ["Fruit, e.g. Apples.", "Done."]),
        ("Meet A. Leonov today. Then go.", "en", ["Meet A. Leonov today.", "Then go."]),
        ("Started in 1965. 12 minutes later", "en", ["Started in 1965.", "12 minutes later"]),
        ("version 1.2 is out. Get it", "en", ["version 1.2 is out.", "Get it"]),
        ("no split. lower case next", "en", ["no split. lower case next"]),
        ("Основан в 2005 г. Москва ждёт.", "ru", ["Основан в 2005 г. Москва ждёт."]),
        ("Это т. е. Всё. Конец.", "ru", ["Это т. е. Всё.", "Конец."]),
        ("Полёт. «Восход» стартовал.", "ru", ["Полёт.", "«Восход» стартовал."]),
        ("Вопрос? — Ответ.", "ru", ["Вопрос?", "— Ответ."]),
        ("Улица ул. Ленина. Дом.", "ru", ["Улица ул. Ленина.", "Дом."]),
        ("No end", "en", ["No end"]),
        ("", "en", [""]),
    ],
)
def test_sentence_boundaries(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "First sentence here.  Second one\u00a0follows!\nThird <a>one</a>.",
        "  Leading space. And trailing.  ",
        "Short.",
    ],
)
def test_split_and_join_restore_the_text(text: str) -> None:
    parts, separators = split_long(text, max_chars=5)
    assert join(parts, separators) == text
    assert len(separators) == len(parts) - 1


def test_short_texts_are_not_split() -> None:
    text = "One. Two. Three."
    assert split_long(text, max_chars=len(text)) == ([text], [])
    assert split_long(text, max_chars=len(text) - 1)[0] == ["One.", "Two.", "Three."]
