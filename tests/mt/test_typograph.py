import pytest

from locpipe.mt.typograph import apply_typograph, base_language

NB = "\u00a0"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Расскажем в письмах о спикерах", "ru", f"Расскажем в{NB}письмах о{NB}спикерах"),
        ("in a company of our residents", "en", f"in{NB}a{NB}company of{NB}our residents"),
        ("are in Moscow. At the same", "en", f"are in{NB}Moscow. At{NB}the same"),
        ("доклад — присылайте", "ru", f"доклад{NB}— присылайте"),
        ("<br>— Проявлять уважение", "ru", f"<br>—{NB}Проявлять уважение"),
        ("JUGNsk © 2019", "en", f"JUGNsk ©{NB}2019"),
        ("в <a>письмах</a>", "ru", f"в{NB}<a>письмах</a>"),
        ("R&amp;D is", "en", "R&amp;D is"),
        ("«в доме»", "ru", f"«в{NB}доме»"),
        ("для всех", "ru", "для всех"),
        ("Я и ты", "uk", f"Я{NB}и{NB}ты"),
        ("in a box", "pt_BR", f"in{NB}a{NB}box"),
        ("in a box", "ja", "in a box"),
        ("a", "en", "a"),
    ],
)
def test_target_language_rule(text: str, lang: str, expected: str) -> None:
    assert apply_typograph(text, lang) == expected


def test_rule_is_idempotent() -> None:
    once = apply_typograph("Он и я — в доме © 2020", "ru")
    assert apply_typograph(once, "ru") == once


@pytest.mark.parametrize(
    ("locale", "base"), [("pt_BR", "pt"), ("sr-Latn", "sr"), ("RU", "ru"), ("de", "de")]
)
def test_base_language(locale: str, base: str) -> None:
    assert base_language(locale) == base
