"""Merging a template into a catalog: msgmerge's semantics, checked against msgmerge."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.merge import lcs_length, merge, similarity
from locpipe.catalog.po import read_po, write_po
from tests.catalog.gnu import msgmerge

RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def template(
    *messages: Message, created: str = "2024-06-01 10:00+0000", obsolete: tuple[Message, ...] = ()
) -> Catalog:
    catalog = Catalog(
        header={
            "Project-Id-Version": "site 2.0",
            "POT-Creation-Date": created,
            "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
            "Language": "",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        },
        header_comments=["Site template."],
        header_flags=["fuzzy"],
    )
    for message in messages:
        catalog.messages[message.key] = message
    for message in obsolete:
        message.obsolete = True
        catalog.obsolete[message.key] = message
    return catalog


def russian(*messages: Message, obsolete: tuple[Message, ...] = ()) -> Catalog:
    catalog = Catalog(
        locale="ru",
        header={
            "Project-Id-Version": "site 1.0",
            "POT-Creation-Date": "2024-01-01 10:00+0000",
            "PO-Revision-Date": "2024-02-01 10:00+0300",
            "Last-Translator": "Анна <anna@example.com>",
            "Language-Team": "Russian",
            "Language": "ru",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": RU_PLURALS,
        },
        header_comments=["Russian translation."],
    )
    for message in messages:
        catalog.messages[message.key] = message
    for message in obsolete:
        message.obsolete = True
        catalog.obsolete[message.key] = message
    return catalog


def test_unchanged_entry_keeps_translation_and_takes_template_places() -> None:
    old = russian(
        Message(
            "Welcome",
            "Добро пожаловать",
            locations=[("old.html", 1)],
            auto_comments=["old note"],
            user_comments=["checked by Anna"],
        )
    )
    new = template(Message("Welcome", locations=[("index.html", 9)], auto_comments=["T123"]))
    result = merge(new, old, "ru")
    merged = result.catalog.messages[(None, "Welcome")]
    assert (merged.msgstr, merged.user_comments) == ("Добро пожаловать", ["checked by Anna"])
    assert (merged.locations, merged.auto_comments) == ([("index.html", 9)], ["T123"])
    assert (result.kept, result.fuzzy_matched, result.new, result.obsolete) == (1, 0, 0, 0)


def test_changed_source_gets_nearest_translation_as_fuzzy_draft() -> None:
    old = russian(
        Message("Our prices are low", "Наши цены низкие"),
        Message("Contact us today", "Свяжитесь с нами"),
    )
    new = template(Message("Our prices are very low"), Message("Contact us today"))
    result = merge(new, old, "ru")
    draft = result.catalog.messages[(None, "Our prices are very low")]
    assert (draft.msgstr, draft.fuzzy, draft.previous_msgid) == (
        "Наши цены низкие",
        True,
        "Our prices are low",
    )
    assert (result.kept, result.fuzzy_matched) == (1, 1)
    assert not result.catalog.obsolete  # the draft used up its source, as in msgmerge


def test_unrelated_new_entry_stays_untranslated() -> None:
    result = merge(
        template(Message("Completely different")), russian(Message("Hi", "Привет")), "ru"
    )
    fresh = result.catalog.messages[(None, "Completely different")]
    assert (fresh.msgstr, fresh.fuzzy, fresh.previous_msgid) == ("", False, None)
    assert result.new == 1


def test_vanished_entry_becomes_obsolete_with_its_translation() -> None:
    old = russian(
        Message(
            "Summer sale",
            "Летняя распродажа",
            locations=[("sale.html", 3)],
            auto_comments=["T456"],
            user_comments=["approved"],
            flags=["fuzzy"],
        ),
        Message("Never translated"),
    )
    result = merge(template(Message("Home")), old, "ru")
    gone = result.catalog.obsolete[(None, "Summer sale")]
    assert (gone.msgstr, gone.obsolete, gone.user_comments, gone.flags) == (
        "Летняя распродажа",
        True,
        ["approved"],
        ["fuzzy"],
    )
    assert (gone.locations, gone.auto_comments) == ([], [])
    assert (None, "Never translated") not in result.catalog.obsolete
    assert result.obsolete == 1


def test_obsolete_entry_comes_back_when_its_source_returns() -> None:
    old = russian(obsolete=(Message("Winter sale", "Зимняя распродажа"),))
    result = merge(template(Message("Winter sale", locations=[("sale.html", 5)])), old, "ru")
    back = result.catalog.messages[(None, "Winter sale")]
    assert (back.msgstr, back.fuzzy, back.obsolete, back.locations) == (
        "Зимняя распродажа",
        False,
        False,
        [("sale.html", 5)],
    )
    assert (result.revived, result.catalog.obsolete) == (1, {})


def test_a_persons_translation_is_never_replaced() -> None:
    old = russian(
        Message("Buy", "Купить"),
        Message("Buy now", "Купите сейчас же"),
    )
    result = merge(template(Message("Buy"), Message("Buy now")), old, "ru")
    assert [m.msgstr for m in result.catalog] == ["Купить", "Купите сейчас же"]
    assert not any(m.fuzzy for m in result.catalog)


def test_fuzzy_entry_keeps_its_previous_msgid_while_fuzzy() -> None:
    old = russian(
        Message("Contact us", "Свяжитесь", flags=["fuzzy"], previous_msgid="Contact uss"),
        Message("Accepted", "Принято", previous_msgid="Acepted"),
    )
    result = merge(template(Message("Contact us"), Message("Accepted")), old, "ru")
    assert result.catalog.messages[(None, "Contact us")].previous_msgid == "Contact uss"
    assert result.catalog.messages[(None, "Accepted")].previous_msgid is None


def test_header_keeps_translator_and_takes_template_date() -> None:
    result = merge(template(created="2024-06-01 10:00+0000"), russian(), "ru")
    header = result.catalog.header
    assert header["Last-Translator"] == "Анна <anna@example.com>"
    assert header["POT-Creation-Date"] == "2024-06-01 10:00+0000"
    assert result.catalog.header_comments == ["Russian translation."]


def test_missing_language_and_plural_forms_are_filled_in() -> None:
    old = russian()
    del old.header["Plural-Forms"]
    old.header["Language"] = ""
    header = merge(template(), old, "ru").catalog.header
    assert header["Language"] == "ru"
    assert header["Plural-Forms"] == RU_PLURALS
    assert list(header).index("Plural-Forms") == len(header) - 1


@pytest.mark.parametrize(
    "written",
    [
        RU_PLURALS,
        "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
        "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;",  # Babel 2.19's spelling of the same rule
        "nplurals=3; plural=(n%10==1 && n%100!=11) ? 0 : 2;",  # wrong, but the translator's
    ],
)
def test_a_catalogs_plural_forms_is_kept_as_written(written: str) -> None:
    old = russian()
    old.header["Plural-Forms"] = written
    assert merge(template(), old, "ru").catalog.header["Plural-Forms"] == written


def test_first_merge_starts_from_the_template() -> None:
    result = merge(template(Message("Home", locations=[("index.html", 2)])), None, "de")
    catalog = result.catalog
    assert catalog.locale == "de"
    assert catalog.header["Language"] == "de"
    assert catalog.header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalog.header_flags == []
    assert (result.new, list(catalog.messages)) == (1, [(None, "Home")])


def test_plural_entries_get_the_languages_number_of_forms() -> None:
    new = template(Message("%d file", msgid_plural="%d files"))
    merged = merge(new, None, "ru").catalog.messages[(None, "%d file")]
    assert merged.msgstr_plural == {0: "", 1: "", 2: ""}


def test_changed_plural_source_makes_the_entry_fuzzy() -> None:
    old = russian(
        Message("one file", msgid_plural="many files", msgstr_plural={0: "а", 1: "б", 2: "в"})
    )
    new = template(Message("one file", msgid_plural="several files"))
    merged = merge(new, old, "ru").catalog.messages[(None, "one file")]
    assert (merged.fuzzy, merged.previous_msgid_plural) == (True, "many files")
    assert merged.msgstr_plural == {0: "а", 1: "б", 2: "в"}


SCENARIOS = {
    "kept, changed, gone, returned, new": (
        russian(
            Message("Welcome to our website", "Добро пожаловать", user_comments=["ok"]),
            Message(
                "Contact us",
                "Свяжитесь с нами",
                flags=["fuzzy"],
                previous_msgid="Contact uss",
            ),
            Message("Gone entry", "Ушедшая запись"),
            Message("Untranslated gone"),
            Message("Our prices are low", "Наши цены низкие"),
            obsolete=(Message("Returning entry", "Возвращается", user_comments=["obs"]),),
        ),
        template(
            Message("Welcome to our website", locations=[("index.html", 5)], auto_comments=["T1"]),
            Message("Contact us", locations=[("index.html", 6)]),
            Message("Returning entry", locations=[("index.html", 7)]),
            Message("Our prices are very low", locations=[("prices.html", 8)]),
            Message("Brand new paragraph about delivery"),
        ),
    ),
    "one source seeds several drafts, kept entries seed drafts too": (
        russian(
            Message("Our prices are low", "Цены низкие"),
            Message("Contact us", "Свяжитесь"),
        ),
        template(
            Message("Our prices are very low"),
            Message("Our prices are quite low"),
            Message("Contact us"),
            Message("Contact us now"),
        ),
    ),
    "draft from an obsolete entry": (
        russian(obsolete=(Message("Free delivery over 50 EUR", "Бесплатная доставка"),)),
        template(Message("Free delivery over 60 EUR")),
    ),
    "draft from a draft keeps its previous msgid": (
        russian(
            Message("Some fuzzy source text", "Черновик", flags=["fuzzy"]),
            Message("Fuzzy source text here", "Нечёткий"),
        ),
        template(Message("Some fuzzy source text!")),
    ),
    "contexts": (
        russian(
            Message("Open", "Открыть", msgctxt="button"),
            Message("Open", "Открыто", msgctxt="status"),
        ),
        template(
            Message("Open", msgctxt="button"),
            Message("Opened", msgctxt="status"),
        ),
    ),
    "plurals": (
        russian(
            Message("one file", msgid_plural="many files", msgstr_plural={0: "а", 1: "б", 2: "в"})
        ),
        template(Message("one file", msgid_plural="several files")),
    ),
    "tags and long paragraphs": (
        russian(
            Message(
                "Read <a>our terms</a> before you order.<br>Questions? Call us any day.",
                "Прочитайте <a>наши условия</a> перед заказом.<br>Вопросы? Звоните.",
            ),
        ),
        template(
            Message("Read <a>our terms</a> before you order.<br>Questions? Call us every day."),
        ),
    ),
    "the template's flags win": (
        russian(
            Message("Save", "Сохранить", flags=["no-wrap"]),
            Message("%s saved", "%s сохранён", flags=["fuzzy", "no-c-format"]),
        ),
        template(
            Message("Save", flags=["c-format"]),
            Message("%s saved", flags=["c-format"]),
        ),
    ),
    "a translation failing the new format check becomes fuzzy": (
        russian(
            Message("%d files left", "осталось несколько файлов"),
            Message("%s of %d", "%2$d: %1$s"),
            Message("Hello %(name)s", "Привет"),
            Message("%d apple", msgid_plural="%d apples", msgstr_plural={0: "%d", 1: "x", 2: "%d"}),
            Message("{count} new", "{count} новых"),
        ),
        template(
            Message("%d files left", flags=["c-format"]),
            Message("%s of %d", flags=["c-format"]),
            Message("Hello %(name)s", flags=["python-format"]),
            Message("%d apple", msgid_plural="%d apples", flags=["c-format"]),
            Message("{count} new", flags=["python-brace-format"]),
        ),
    ),
    "the other languages' format checks, as msgmerge makes them": (
        russian(
            Message("%d of %s", "%d из %s"),
            Message("%s files", "%d файлов"),
            Message("{0} of {1}", "{1}: {0}"),
            Message("{0} of {1}", "{0}", msgctxt="csharp"),
            Message("%s at %d", "%q в %d"),
            Message("%1 files", "%L1 файлов"),
            Message("%<a>s files", "%s файлов"),
            Message("~A of ~D", "~D: ~A"),
            Message("{n} files", "{n} файлов из {total}"),
            Message("cannot open %s: %m", "не открыть %s"),
        ),
        template(
            Message("%d of %s", flags=["java-printf-format"]),
            Message("%s files", flags=["javascript-format"]),
            Message("{0} of {1}", flags=["java-format"]),
            Message("{0} of {1}", msgctxt="csharp", flags=["csharp-format"]),
            Message("%s at %d", flags=["lua-format"]),
            Message("%1 files", flags=["qt-format"]),
            Message("%<a>s files", flags=["ruby-format"]),
            Message("~A of ~D", flags=["lisp-format"]),
            Message("{n} files", flags=["perl-brace-format"]),
            Message("cannot open %s: %m", flags=["gcc-internal-format"]),
        ),
    ),
    "a singular translation goes into every plural form": (
        russian(Message("file", "файл"), Message("one page", "страница")),
        template(
            Message("file", msgid_plural="files"),
            Message("one page", msgid_plural="%d pages"),
        ),
    ),
    "translator comments of new entries": (
        russian(Message("Kept", "Оставлено")),
        template(
            Message("Kept", user_comments=["TRANSLATORS: not this one"]),
            Message("Brand new button", user_comments=["TRANSLATORS: at most 12 letters"]),
        ),
    ),
}
SCENARIOS["a translation for a range the template widens becomes fuzzy"] = (
    russian(
        Message(
            "%d day",
            msgid_plural="%d days",
            msgstr_plural={0: "%d", 1: "%d", 2: "%d"},
            flags=["c-format", "range: 1..7"],
        ),
        Message(
            "%d hour",
            msgid_plural="%d hours",
            msgstr_plural={0: "%d", 1: "%d", 2: "%d"},
            flags=["c-format", "range: 0..24"],
        ),
    ),
    template(
        Message("%d day", msgid_plural="%d days", flags=["c-format", "range: 1..31"]),
        Message("%d hour", msgid_plural="%d hours", flags=["c-format", "range: 1..12"]),
    ),
)
SCENARIOS["Report-Msgid-Bugs-To from the template"] = (
    russian(Message("Kept", "Оставлено")),
    template(Message("Kept")),
)
SCENARIOS["Report-Msgid-Bugs-To from the template"][0].header["Report-Msgid-Bugs-To"] = ""
SCENARIOS["Report-Msgid-Bugs-To from the template"][1].header = {
    "Project-Id-Version": "site 2.0",
    "Report-Msgid-Bugs-To": "bugs@example.com",
    **SCENARIOS["Report-Msgid-Bugs-To from the template"][1].header,
}
SCENARIOS["obsolete entries of the template"] = (
    russian(Message("Was active", "Была активна"), Message("Stays", "Остаётся")),
    template(Message("Stays"), obsolete=(Message("Was active"), Message("Never translated"))),
)


def _summary(catalog: Catalog) -> dict[str, object]:
    def entry(message: Message) -> tuple[object, ...]:
        return (
            message.msgstr,
            message.msgstr_plural,
            message.fuzzy,
            message.previous_msgid,
            message.previous_msgid_plural,
            message.user_comments,
            message.locations,
            message.auto_comments,
        )

    return {
        "messages": {key: entry(m) for key, m in catalog.messages.items()},
        "obsolete": {key: entry(m) for key, m in catalog.obsolete.items()},
        "header": catalog.header,
    }


@pytest.mark.parametrize(("old", "new"), SCENARIOS.values(), ids=SCENARIOS.keys())
def test_merge_agrees_with_msgmerge(old: Catalog, new: Catalog, tmp_path: Path) -> None:
    theirs_bytes = msgmerge(write_po(old, force_po=True), write_po(new, force_po=True), tmp_path)
    theirs = read_po(theirs_bytes, tmp_path / "msgmerge.po")
    ours = merge(new, old, "ru").catalog
    assert _summary(ours) == _summary(theirs)
    assert write_po(ours, force_po=True) == theirs_bytes


def test_merge_is_fast_for_thousands_of_entries() -> None:
    words = [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "eta",
        "theta",
        "iota",
        "kappa",
        "lambda",
        "mu",
    ]
    texts = [
        " ".join(words[(number * 7 + shift) % len(words)] for shift in range(9)) + f" {number}"
        for number in range(3000)
    ]
    old = russian(*(Message(text, f"перевод {text}") for text in texts))
    changed = [text + " now" if number % 10 == 0 else text for number, text in enumerate(texts)]
    started = time.perf_counter()
    result = merge(template(*(Message(text) for text in changed)), old, "ru")
    elapsed = time.perf_counter() - started
    assert (result.kept, result.fuzzy_matched) == (2700, 300)
    assert elapsed < 15


def _lcs_table(first: bytes, second: bytes) -> int:
    previous = [0] * (len(second) + 1)
    for char in first:
        current = [0]
        for index, other in enumerate(second):
            current.append(
                previous[index] + 1 if char == other else max(previous[index + 1], current[-1])
            )
        previous = current
    return previous[-1]


@settings(max_examples=300, deadline=None)
@given(first=st.binary(max_size=80), second=st.binary(max_size=80))
def test_bit_parallel_lcs_equals_the_table(first: bytes, second: bytes) -> None:
    first, second = bytes(b % 7 for b in first), bytes(b % 7 for b in second)
    assert lcs_length(first, second) == _lcs_table(first, second)


def test_similarity_is_msgmerges_measure() -> None:
    assert similarity("Our prices are low", "Our prices are very low") == pytest.approx(
        2 * 18 / (18 + 23)
    )
    assert similarity("", "") == 1.0
    assert similarity("дом", "дым") == pytest.approx(2 * 4 / 12)  # UTF-8 bytes, as fstrcmp


sentences = st.lists(
    st.sampled_from(
        [
            "our",
            "prices",
            "are",
            "low",
            "contact",
            "us",
            "today",
            "free",
            "delivery",
            "цены",
            "доставка",
            "бесплатно",
            "<a>",
            "</a>",
            "sale",
            "summer",
            "winter",
            "news",
            "%d",
            "%s",
        ]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


FLAG_SETS = [[], [], ["c-format"], ["python-format"], ["no-wrap"], ["no-c-format"]]


@st.composite
def merge_cases(draw: st.DrawFn) -> tuple[Catalog, Catalog]:
    old_texts = draw(st.lists(sentences, min_size=1, max_size=12, unique=True))
    old = russian()
    for number, text in enumerate(old_texts):
        translation = draw(st.sampled_from(["", f"перевод {number}", f"%d перевод {number}"]))
        message = Message(text, translation)
        message.msgctxt = draw(st.sampled_from([None, None, "menu"]))
        if draw(st.integers(0, 3)) == 0:  # a plural entry
            message.msgid_plural, message.msgstr = text + " (many)", ""
            message.msgstr_plural = dict.fromkeys(range(3), translation)
        fuzzy = ["fuzzy"] if translation and draw(st.booleans()) else []
        message.flags = fuzzy + draw(st.sampled_from(FLAG_SETS))
        if translation and draw(st.integers(0, 4)) == 0:
            message.obsolete = True
            old.obsolete.setdefault(message.key, message)
        elif message.key not in old.obsolete:
            old.messages.setdefault(message.key, message)
    new = template()
    for text in draw(st.lists(st.sampled_from(old_texts) | sentences, max_size=12)):
        message = Message(text, msgctxt=draw(st.sampled_from([None, None, "menu"])))
        message.flags = draw(st.sampled_from(FLAG_SETS))
        message.user_comments = draw(st.sampled_from([[], [], ["TRANSLATORS: short"]]))
        if draw(st.integers(0, 3)) == 0:
            message.msgid_plural = text + draw(st.sampled_from([" (many)", " (several)"]))
        new.messages.setdefault(message.key, message)
    return old, new


@settings(max_examples=40, deadline=None)
@given(case=merge_cases())
def test_merge_of_generated_catalogs_equals_msgmerge(
    case: tuple[Catalog, Catalog], tmp_path_factory: pytest.TempPathFactory
) -> None:
    old, new = case
    tmp_path = tmp_path_factory.mktemp("merge")
    theirs = msgmerge(write_po(old, force_po=True), write_po(new, force_po=True), tmp_path)
    assert write_po(merge(new, old, "ru").catalog, force_po=True) == theirs
