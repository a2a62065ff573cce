from collections.abc import Callable
from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.qa.checks import (
    CHECKS,
    PAIR_CHECKS,
    EntryContext,
    Pair,
    Severity,
    check_emails,
    check_end_punctuation,
    check_entries,
    check_glossary_keep,
    check_glossary_term,
    check_length,
    check_markup_injection,
    check_message,
    check_numbers,
    check_pair,
    check_placeholders,
    check_untranslated_copy,
    check_urls,
    check_whitespace,
    final_punctuation,
)
from locpipe.qa.glossary import Glossary, Term

GLOSSARY = Glossary(
    path=Path("glossary.csv"),
    terms=(
        Term("Tilda", "", "brand", 2),
        Term("Zero Block", "", "product", 3),
        Term("application", "заявка", "", 4),
        Term("personal account", "личный кабинет", "", 5),
    ),
)
CONTEXT = EntryContext(lang="ru", path="locales/ru/LC_MESSAGES/site.po", glossary=GLOSSARY)

Check = Callable[[Pair], list[str]]

# (check, msgid, msgstr, messages); an empty list is the passing case.
CASES: list[tuple[Check, str, str, list[str]]] = [
    # placeholders
    (check_placeholders, "Read <a>the story</a>", "Прочитать <a>историю</a>", []),
    (
        check_placeholders,
        "<strong>New</strong> <a>shows</a>",
        "<a>Концерты</a> <strong>новые</strong>",
        [],
    ),
    (check_placeholders, "Line<br>break", "Строка<br/>перенос", []),
    (check_placeholders, "Read <a>the story</a>", "Прочитать историю", ["msgstr drops <a>"]),
    (check_placeholders, "Read <a>the story</a>", "Прочитать <a>историю", ["msgstr drops </a>"]),
    (check_placeholders, "A<br>B", "А<br>Б<br>", ["msgstr adds <br>"]),
    (
        check_placeholders,
        "<a>One</a> and <a>two</a>",
        "<a>Один</a> и два",
        ["msgstr drops <a>"],
    ),
    (
        check_placeholders,
        "Read <a>the <em>story</em></a>",
        "Прочитать <a>историю<em></a></em>",
        ["msgstr nests its tags wrongly: </a> closes <em>"],
    ),
    # markup-injection
    (check_markup_injection, "Read <a>the story</a>", "Прочитать <a>историю</a>", []),
    (check_markup_injection, "a &lt; b &amp; c", "а &lt; б &amp; в", []),
    (check_markup_injection, "x &lt; y", "x < y", []),  # not a tag (the build refuses it)
    (check_markup_injection, "Learn Java script: basics", "Учите Java script: основы", []),
    (
        check_markup_injection,
        "Go",
        "java&#x09;script:alert(1)",
        ["msgstr adds a javascript: URL"],
    ),
    (check_markup_injection, "Hello", "Привет <script>", ["msgstr adds markup <script>"]),
    (
        check_markup_injection,
        "Read <a>the story</a>",
        'Прочитать <a href="https://evil.example">историю</a>',
        ['msgstr adds markup <a href="https://evil.example">'],
    ),
    (
        check_markup_injection,
        "Hello",
        'Привет <img src=x onerror="alert(1)">',
        ['msgstr adds an event handler onerror= in <img src=x onerror="alert(1)">'],
    ),
    (
        check_markup_injection,
        "Hello",
        "Привет <!-- hidden -->",
        ["msgstr adds markup <!-- hidden -->"],
    ),
    (check_markup_injection, "Go", "javascript:alert(1)", ["msgstr adds a javascript: URL"]),
    (
        check_markup_injection,
        "Hello",
        "Привет &lt;script&gt;alert(1)&lt;/script&gt;",
        ["msgstr has markup written as entities: <script>, </script>"],
    ),
    (
        check_markup_injection,
        "Hello",
        "Привет &#60;img src=x&#62;",
        ["msgstr has markup written as entities: <img src=x>"],
    ),
    # numbers
    (check_numbers, "Over 1,000 guests", "Более 1\u00a0000 гостей", []),
    (check_numbers, "Over 1,000 guests", "Более 1 000 гостей", []),
    (check_numbers, "Over 1,000 guests", "Более 1000 гостей", []),
    (check_numbers, "3.5 hours on 12 June 2025", "3,5 часа 12 июня 2025 года", []),
    (check_numbers, "Call +7 (495) 123-45-67", "Звоните: +7 (495) 123-45-67", []),
    (check_numbers, "Opens at 10, see https://example.com/page2", "Открытие в 10", []),
    (check_numbers, "3.5 hours", "пара часов", ["msgstr drops the number 3.5"]),
    (check_numbers, "Tickets", "Билеты (2 шт.)", ["msgstr adds the number 2"]),
    (check_numbers, "in 2024 and 2025", "в 2024 году", ["msgstr drops the number 2025"]),
    (
        check_numbers,
        "Over 1,000 guests",
        "Более 1 001 гостя",
        ["msgstr has 1 001 where msgid has 1,000"],
    ),
    (check_numbers, "from 5 to 10", "от 5", ["msgstr drops the number 10"]),
    # urls
    (check_urls, "See https://example.com/a.", "См. https://example.com/a", []),
    (check_urls, "Visit www.example.com", "Заходите на www.example.com!", []),
    (
        check_urls,
        "See https://example.com/a.",
        "См. сайт",
        ["msgstr drops the address https://example.com/a"],
    ),
    (
        check_urls,
        "See https://example.com/en",
        "См. https://example.com/ru",
        ["msgstr has https://example.com/ru where msgid has https://example.com/en"],
    ),
    # emails
    (check_emails, "Write to Info@Example.com", "Пишите на info@example.com", []),
    (
        check_emails,
        "Write to info@example.com",
        "Пишите нам",
        ["msgstr drops the e-mail address info@example.com"],
    ),
    (check_emails, "Write to us", "Пишите на a@b.ru", ["msgstr adds the e-mail address a@b.ru"]),
    # whitespace
    (check_whitespace, "Hello, world", "Привет, мир", []),
    (check_whitespace, "Price:\u00a0", "Цена:\u00a0", []),
    (check_whitespace, "Hello", " Привет", ["msgstr starts with whitespace, msgid does not"]),
    (check_whitespace, "Hello", "Привет ", ["msgstr ends with whitespace, msgid does not"]),
    (check_whitespace, "Price:\u00a0", "Цена:", ["msgid ends with whitespace, msgstr does not"]),
    (check_whitespace, "Hello world", "Привет  мир", ["msgstr has a doubled space"]),
    # end-punctuation
    (check_end_punctuation, "Buy now!", "Купите сейчас!", []),
    (check_end_punctuation, 'He said "Go."', "Он сказал «Иди».", []),
    (check_end_punctuation, "Wait...", "Подождите…", []),
    (check_end_punctuation, "Read <a>more.</a>", "Читать <a>дальше</a>.", []),
    (check_end_punctuation, "(see below)", "(см. ниже)", []),
    (check_end_punctuation, "Really?!", "Правда!?", []),
    (check_end_punctuation, "Contacts", "Контакты", []),
    (
        check_end_punctuation,
        "Wait.",
        "Подождите",
        ['msgstr does not end with "." as the msgid does'],
    ),
    (check_end_punctuation, "Contacts", "Контакты:", ['msgstr ends with ":", the msgid does not']),
    (check_end_punctuation, "Really?", "Правда!", ['msgstr ends with "!", the msgid with "?"']),
    (check_end_punctuation, "«Go»!", "«Иди»", ['msgstr does not end with "!" as the msgid does']),
    # untranslated-copy
    (check_untranslated_copy, "Hello", "Привет", []),
    (check_untranslated_copy, "+7 (495) 123-45-67", "+7 (495) 123-45-67", []),
    (check_untranslated_copy, "info@example.com", "info@example.com", []),
    (check_untranslated_copy, "Tilda", "Tilda", []),
    (
        check_untranslated_copy,
        "<strong>Tilda</strong> Zero Block",
        "<strong>Tilda</strong> Zero Block",
        [],
    ),
    (check_untranslated_copy, "Buy tickets", "Buy tickets", ["msgstr is a copy of the msgid"]),
    (check_untranslated_copy, "Made on Tilda", "Made on Tilda", ["msgstr is a copy of the msgid"]),
    # glossary-keep
    (check_glossary_keep, "Made on Tilda", "Сделано на Tilda", []),
    (check_glossary_keep, "MADE ON TILDA", "СДЕЛАНО НА TILDA", []),
    (check_glossary_keep, "Our Zero Block", "Наш Zero\u00a0Block", []),
    (check_glossary_keep, "Tildas of the world", "Все Тильды мира", []),
    (
        check_glossary_keep,
        "Made on Tilda",
        "Сделано на Тильде",
        ['msgstr drops the do-not-translate term "Tilda" (glossary.csv:2)'],
    ),
    (
        check_glossary_keep,
        "Made on TILDA",
        "Сделано на Tilda",
        ['msgstr drops the do-not-translate term "TILDA" (glossary.csv:2)'],
    ),
    # glossary-term
    (check_glossary_term, "Send an application", "Отправить заявку", []),
    (check_glossary_term, "Application form", "Форма заявки", []),
    (check_glossary_term, "Your application", "Ваша Заявка", []),
    (check_glossary_term, "Log in to your personal account", "Войдите в личный кабинет", []),
    (check_glossary_term, "Your personal account", "Ваш личного кабинета", []),
    (check_glossary_term, "Applications are open", "Приём открыт", []),
    (
        check_glossary_term,
        "Send an application",
        "Отправить анкету",
        ['msgstr does not use "заявка" for "application" (glossary.csv:4)'],
    ),
    (
        check_glossary_term,
        "Send an application",
        "Отправить заявление",
        ['msgstr does not use "заявка" for "application" (glossary.csv:4)'],
    ),
    (
        check_glossary_term,
        "Open the personal account",
        "Откройте кабинет",
        ['msgstr does not use "личный кабинет" for "personal account" (glossary.csv:5)'],
    ),
]


def _case_id(index: int, case: tuple[Check, str, str, list[str]]) -> str:
    check, _, _, messages = case
    return f"{check.__name__.removeprefix('check_')}-{'fail' if messages else 'pass'}-{index}"


@pytest.mark.parametrize(
    ("check", "msgid", "msgstr", "expected"),
    CASES,
    ids=[_case_id(i, c) for i, c in enumerate(CASES)],
)
def test_check(check: Check, msgid: str, msgstr: str, expected: list[str]) -> None:
    assert check(Pair(msgid, msgstr, glossary=GLOSSARY)) == expected


@pytest.mark.parametrize("check", [check for _, check in PAIR_CHECKS])
def test_every_check_has_a_passing_and_a_failing_case(check: Check) -> None:
    if check is check_length:
        outcomes = {bool(expected) for _, _, _, expected in LENGTH_CASES}
    else:
        outcomes = {bool(expected) for c, _, _, expected in CASES if c is check}
    assert outcomes == {True, False}


LENGTH_CASES: list[tuple[str, str, int | None, list[str]]] = [
    ("Buy tickets now", "Купить билеты", 200, []),
    ("Buy tickets now", "Купите билеты сразу", 200, []),  # 19 vs 15 characters: 1.27×
    ("OK", "Хорошо", 120, []),  # 4 more characters are always allowed
    ("Buy tickets now", "Купить билеты прямо сейчас", None, []),  # no fixed width
    (
        "<strong>Buy</strong> tickets now",
        "<strong>Купить</strong> билеты",
        200,
        [],
    ),  # tags not counted
    (
        "Buy tickets now",
        "Купить билеты сейчас",
        200,
        [
            "msgstr is 1.33× as long as the msgid (20 vs 15 characters) in a 200 px wide box; "
            "the limit is 1.3×"
        ],
    ),
    (
        "Buy tickets now",
        "Купить билеты прямо сейчас",
        200,
        [
            "msgstr is 1.73× as long as the msgid (26 vs 15 characters) in a 200 px wide box; "
            "the limit is 1.3×"
        ],
    ),
]


@pytest.mark.parametrize(("msgid", "msgstr", "width", "expected"), LENGTH_CASES)
def test_length(msgid: str, msgstr: str, width: int | None, expected: list[str]) -> None:
    assert check_length(Pair(msgid, msgstr, width=width, length_ratio=1.3)) == expected


def test_length_ratio_is_a_setting() -> None:
    pair = Pair("Buy tickets now", "Купить билеты прямо сейчас", width=200, length_ratio=2.0)
    assert check_length(pair) == []


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("Hello.", "."),
        ("Hello", ""),
        ("Wait...", "…"),
        ("Wait…", "…"),
        ('He said "Go!"', "!"),
        ("«Готово».", "."),
        ("(Note:)", ":"),
        ("Really?!", "!?"),
        ("Done<br>", ""),
        ("Done.</a>", "."),
        ("終わり。", "."),
    ],
)
def test_final_punctuation(text: str, marks: str) -> None:
    assert final_punctuation(text) == marks


def test_the_build_verdict_covers_what_the_other_checks_let_through() -> None:
    # A bare "<" is no tag, but the build refuses it and would show the source text.
    assert check_pair(Pair("a &lt; b", "а < б")) == [
        (
            "placeholders",
            "the build would use the source text: a bare '<' is not allowed in text: write &lt;",
        )
    ]


def test_check_pair_reports_each_problem_once_under_its_check() -> None:
    problems = check_pair(
        Pair("Read <a>the story</a> at https://example.com.", "Прочитать историю")
    )
    assert problems == [
        ("placeholders", "msgstr drops <a>"),
        ("urls", "msgstr drops the address https://example.com"),
        ("end-punctuation", 'msgstr does not end with "." as the msgid does'),
    ]


def _message(msgstr: str, *, fuzzy: bool = False, comments: tuple[str, ...] = ()) -> Message:
    return Message(
        msgid="Read <a>the story</a>",
        msgstr=msgstr,
        locations=[("index.html", 12), ("about.html", 40)],
        auto_comments=list(comments),
        flags=["fuzzy"] if fuzzy else [],
        line=42,
    )


def test_finding_names_file_line_check_and_msgid() -> None:
    [finding] = check_message(_message("Прочитать историю"), CONTEXT)
    assert str(finding) == (
        "locales/ru/LC_MESSAGES/site.po:42: [placeholders] msgstr drops <a> "
        '(msgid "Read <a>the story</a>")'
    )
    assert finding.severity is Severity.ERROR
    assert finding.pages == (("index.html", 12), ("about.html", 40))


def test_findings_on_fuzzy_entries_are_warnings() -> None:
    [finding] = check_message(_message("Прочитать историю", fuzzy=True), CONTEXT)
    assert finding.severity is Severity.WARNING
    assert finding.fuzzy
    assert str(finding).endswith('(msgid "Read <a>the story</a>"; fuzzy)')


def test_long_msgids_are_shortened_in_the_message() -> None:
    message = Message(msgid="Tickets " * 20 + "<a>now</a>", msgstr="Билеты", line=7)
    finding = check_message(message, CONTEXT)[0]
    assert '(msgid "Tickets Tickets' in str(finding)
    assert str(finding).endswith('…")')


def test_width_comes_from_the_extracted_comments() -> None:
    message = Message(
        msgid="Buy tickets now",
        msgstr="Купить билеты прямо сейчас",
        auto_comments=["Zero Block text tn_text_1470210011265, 200 px wide"],
        line=3,
    )
    [finding] = check_message(message, CONTEXT)
    assert finding.check == "length"
    assert "200 px wide box" in finding.message


def test_plural_forms_are_each_checked() -> None:
    message = Message(
        msgid="<b>1</b> ticket",
        msgid_plural="<b>%d</b> tickets",
        msgstr_plural={0: "<b>1</b> билет", 1: "%d билета", 2: "<b>%d</b> билетов"},
        line=9,
    )
    findings = check_message(message, CONTEXT)
    assert [f.message for f in findings] == ["msgstr[1] drops <b>"]


def test_untranslated_and_obsolete_entries_are_not_checked() -> None:
    catalog = Catalog(locale="ru")
    catalog.add(Message(msgid="Read <a>the story</a>", msgstr="", line=3))
    catalog.add(Message(msgid="Hello", msgstr="Привет", line=6))
    catalog.obsolete[(None, "Old <a>link</a>")] = Message(
        msgid="Old <a>link</a>", msgstr="Старая ссылка", obsolete=True
    )
    assert check_entries(catalog, CONTEXT) == []


def test_check_ids_are_unique_and_documented() -> None:
    ids = [info.id for info in CHECKS]
    assert len(ids) == len(set(ids))
    assert {check_id for check_id, _ in PAIR_CHECKS} <= set(ids)
