"""PO reading and writing: gettext's layout byte for byte, and precise errors."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.po import read_po, write_po
from locpipe.errors import CatalogError
from tests.catalog.gnu import msgcat, msgfmt_check

RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
ENGLISH = (
    "Our studio designs and builds websites for small businesses, from the first sketch "
    "to the launch, and we stay with you afterwards: hosting, updates, analytics and "
    "the occasional late-night fix when something goes wrong right before a big sale."
)
RUSSIAN = (
    "Наша студия проектирует и создаёт сайты для малого бизнеса — от первого эскиза "
    "до запуска, а после остаётся рядом: хостинг, обновления, аналитика и срочные "
    "исправления, когда что-то ломается прямо перед большой распродажей."
)
JAPANESE = (
    "私たちのスタジオは、最初のスケッチから公開まで、中小企業のためのウェブサイトを設計し、"
    "構築します。公開後もホスティング、更新、分析をサポートします。"
)


def make_catalog(*messages: Message, obsolete: tuple[Message, ...] = ()) -> Catalog:
    catalog = Catalog(
        locale="ru",
        header={
            "Project-Id-Version": "site 1.0",
            "Report-Msgid-Bugs-To": "",
            "POT-Creation-Date": "2024-05-01 12:30+0000",
            "PO-Revision-Date": "2024-05-02 09:00+0300",
            "Last-Translator": "Анна Петрова <anna@example.com>",
            "Language-Team": "Russian <ru@example.com>",
            "Language": "ru",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": RU_PLURALS,
        },
        header_comments=["Translations of the site.", "Anna Petrova, 2024."],
    )
    for message in messages:
        catalog.messages[message.key] = message
    for message in obsolete:
        message.obsolete = True
        catalog.obsolete[message.key] = message
    return catalog


def without_lines(catalog: Catalog) -> Catalog:
    """The catalog with the line numbers that reading records set to None."""
    copied = copy.deepcopy(catalog)
    for message in [*copied.messages.values(), *copied.obsolete.values()]:
        message.line = None
    return copied


REALISTIC = {
    "english paragraph": make_catalog(
        Message(ENGLISH, RUSSIAN, locations=[("index.html", 120)], auto_comments=["T123 text"])
    ),
    "russian paragraph both ways": make_catalog(Message(RUSSIAN, ENGLISH)),
    "japanese paragraph": make_catalog(Message(ENGLISH, JAPANESE)),
    "placeholder tags": make_catalog(
        Message(
            "Read <a>our terms</a> before you order.<br>Questions? <strong>Call us</strong> "
            "any day from 9 to 21 &amp; we will help you choose the right plan for your shop.",
            "Прочитайте <a>наши условия</a> перед заказом.<br>Вопросы? <strong>Звоните"
            "</strong> каждый день с 9 до 21 &amp; мы поможем выбрать тариф для вашего магазина.",
        )
    ),
    "no-break spaces from the typograph": make_catalog(
        Message(
            "Since 2010\xa0we have launched more than 300\xa0sites in 12\xa0countries and "
            "won the Tilda\xa0Awards three\xa0times.",
            "С\xa02010 года мы запустили более 300\xa0сайтов в\xa012\xa0странах и\xa0трижды "
            "получили Tilda\xa0Awards — спасибо нашим клиентам и\xa0команде.",
        )
    ),
    "newlines and tabs": make_catalog(
        Message("\nLine one\nLine two\twith a tab\n", "\nСтрока один\nСтрока два\tс табом\n"),
        Message("a\n\n\nb", "а\n\n\nб"),
        Message("ends with a newline\n", "кончается переводом строки\n"),
    ),
    "quotes and backslashes": make_catalog(
        Message(
            'He said "hello" and wrote C:\\Users\\site\\index.html, then "bye" \\ again.',
            'Он сказал «привет» и написал C:\\Users\\site\\index.html, потом "пока" \\.',
        )
    ),
    "long reference lists": make_catalog(
        Message(
            "Contacts",
            "Контакты",
            locations=[(f"page{number}.html", number * 37) for number in range(1, 31)]
            + [("files/page12345678body.html", 9), ("./about/team.html", 4)],
        )
    ),
    "obsolete entries": make_catalog(
        Message("Kept", "Оставлено"),
        obsolete=(
            Message("Old text that was removed from the site a while ago", "Старый текст"),
            Message(
                "Old fuzzy",
                "Старое",
                flags=["fuzzy"],
                user_comments=["checked by Anna"],
                previous_msgid="Older fuzzy",
            ),
            Message(
                "one old item",
                msgid_plural="%d old items",
                msgstr_plural={0: "один", 1: "два", 2: "много"},
            ),
        ),
    ),
    "previous msgids": make_catalog(
        Message(
            ENGLISH.replace("small", "medium-sized"),
            RUSSIAN,
            flags=["fuzzy"],
            previous_msgid=ENGLISH,
            previous_msgctxt="hero block",
            msgctxt="hero block, title",
        )
    ),
    "flags and comments": make_catalog(
        Message(
            "Buy now",
            "Купить",
            flags=["fuzzy"],
            user_comments=["machine translation: argos en-ru 1.9", "", "  indented note"],
            auto_comments=["Tilda block T123, field button", "max 20 characters"],
            locations=[("index.html", 10)],
        ),
        Message("No wrap " * 20, "Без переноса " * 15, flags=["no-wrap"]),
    ),
    "empty msgstr": make_catalog(Message(ENGLISH), Message("Short")),
    "plurals": make_catalog(
        Message(
            "%d project in our portfolio",
            msgid_plural="%d projects in our portfolio",
            msgstr_plural={0: "%d проект", 1: "%d проекта", 2: "%d проектов " + RUSSIAN},
            flags=["c-format"],
        )
    ),
    "urls and e-mail": make_catalog(
        Message(
            "Write to hello@example.com or visit https://example.com/catalog/item?id=42&ref=mail"
            " — e.g. the page /ru/about/contacts.html — for details.",
            "Пишите на hello@example.com или заходите на https://example.com/catalog/item?id=42"
            "&ref=mail — например, /ru/about/contacts.html.",
        )
    ),
    "punctuation runs": make_catalog(
        Message(
            "Wait... what?! (Really) [yes] {no} «quoted» “curly” „low“ — dash – en-dash - hyphen "
            "a/b/c 50% $20 №5 1,000.50 3:45 e.g. i.e. etc.; end.",
            "Подождите… что?! (Правда) [да] {нет} «кавычки» “лапки” „низкие“ — тире – "
            "полутире - дефис а/б/в 50 % 20 $ №5 1 000,50 3:45 т. е. и т. д.; конец.",
        )
    ),
}


@pytest.mark.parametrize("catalog", REALISTIC.values(), ids=REALISTIC.keys())
def test_msgcat_reproduces_written_file(catalog: Catalog, tmp_path: Path) -> None:
    written = write_po(catalog)
    assert msgcat(written, tmp_path) == written


@pytest.mark.parametrize("catalog", REALISTIC.values(), ids=REALISTIC.keys())
def test_written_file_passes_msgfmt_check(catalog: Catalog, tmp_path: Path) -> None:
    done = msgfmt_check(write_po(catalog), tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("catalog", REALISTIC.values(), ids=REALISTIC.keys())
def test_reading_written_file_gives_the_catalog(catalog: Catalog) -> None:
    expected = without_lines(catalog)
    for message in expected.messages.values():  # gettext's writer drops "./" from paths
        message.locations = [(p.removeprefix("./"), n) for p, n in message.locations]
    assert without_lines(read_po(write_po(catalog), Path("x.po"))) == expected


@pytest.mark.parametrize("length", range(60, 84))
def test_lines_around_the_page_width(length: int, tmp_path: Path) -> None:
    words = ("word " * 30)[:length].rstrip() + "."
    catalog = make_catalog(Message(words, ("слово " * 30)[:length].rstrip() + "."))
    written = write_po(catalog)
    assert msgcat(written, tmp_path) == written


@pytest.mark.parametrize(
    ("block", "first", "last"),
    [
        ("Latin-1 Supplement", 0xA0, 0xFF),
        ("Latin Extended-A", 0x100, 0x17F),
        ("Cyrillic", 0x400, 0x4FF),
        ("General Punctuation", 0x2000, 0x206F),
        ("Currency and letterlike", 0x20A0, 0x214F),
        ("Arrows and maths", 0x2190, 0x22FF),
        ("CJK Symbols and Kana", 0x3000, 0x30FF),
        ("Fullwidth Forms", 0xFF00, 0xFFEF),
        ("Emoji", 0x1F300, 0x1F64F),
    ],
)
def test_every_character_of_a_block_wraps_like_gettext(
    block: str, first: int, last: int, tmp_path: Path
) -> None:
    chars = [chr(code) for code in range(first, last + 1) if chr(code).isprintable()]
    contexts = [f"a{char}b {char} 1{char}2 ({char}) x{char} " for char in chars]
    messages = [
        Message(f"{block} {number}: " + "".join(contexts[number : number + 4]))
        for number in range(0, len(contexts), 4)
    ]
    written = write_po(make_catalog(*messages))
    assert msgcat(written, tmp_path) == written


WORD_ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCXYZ",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ",
    "漢字日本語中文한국어テストのは、。「」",
    ".,;:!?()[]{}«»“”„'\"…",
    "-–—/\\|&%$№#@*+=<>_~0123456789",
    "\xa0\u2009\u200b\t\n",
]
words = st.one_of(
    *(st.text(alphabet, min_size=1, max_size=14) for alphabet in WORD_ALPHABETS),
    st.sampled_from(["<a>", "</a>", "<br>", "&amp;", "e.g.", "https://example.com/x/y"]),
    st.sampled_from(["%d%%", "%5.2f", "%1$s", "%(count)d", "{0}", "{name}", "%lu", "%%"]),
    st.sampled_from(["%L1", "%12", "$HOME", "${USER}", "$1"]),
)
gaps = st.sampled_from([" ", " ", "", "  ", "-", "/", "\xa0"])


def texts(min_words: int = 0) -> st.SearchStrategy[str]:
    """Runs of words and gaps: Latin, Cyrillic, CJK, punctuation, hyphens, slashes, spaces."""
    pairs = st.lists(st.tuples(words, gaps), min_size=min_words, max_size=24)
    return pairs.map(lambda found: "".join(word + gap for word, gap in found))


references = st.lists(
    st.tuples(st.from_regex(r"[a-z0-9_/]{1,30}\.html", fullmatch=True), st.integers(1, 99999)),
    max_size=12,
    unique=True,
)


def _one_comment_line(text: str) -> str:
    # A comment holds one line, and gettext joins a line ending in "\\" to the next.
    return text.replace("\n", " ").rstrip("\\")


FORMAT_FLAGS = [
    *([], [], ["c-format"], ["python-format"]),
    *(["python-brace-format"], ["php-format"], ["qt-format"], ["kde-format"]),
    *(["sh-format"], ["perl-brace-format"]),
]


@st.composite
def messages(draw: st.DrawFn) -> Message:
    msgid = draw(texts(min_words=1))
    msgstr = draw(texts())
    fuzzy = bool(msgstr) and draw(st.booleans())
    return Message(
        msgid=msgid,
        msgstr=msgstr,
        msgctxt=draw(st.none() | texts()),
        locations=draw(references),
        auto_comments=draw(st.lists(texts().map(_one_comment_line), max_size=2)),
        flags=(["fuzzy"] if fuzzy else []) + draw(st.sampled_from(FORMAT_FLAGS)),
        previous_msgid=draw(texts()) if fuzzy else None,
    )


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(messages(), min_size=1, max_size=8, unique_by=lambda m: m.key))
def test_msgcat_reproduces_generated_catalogs(batch: list[Message], tmp_path: Path) -> None:
    catalog = make_catalog(*batch)
    written = write_po(catalog)
    assert msgcat(written, tmp_path) == written
    assert without_lines(read_po(written, Path("x.po"))) == catalog


def test_read_po_fills_every_part() -> None:
    text = (
        "# Translator comment\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Language: pt_BR\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
        "\n"
        "#  two spaces\n"
        "#. Tilda block T123\n"
        "#: index.html:12 about/team.html:7\n"
        "#: \u2068my page.html\u2069:3 noline.html\n"
        "#, fuzzy, no-wrap\n"
        '#| msgctxt "old ctx"\n'
        '#| msgid "Helo"\n'
        'msgctxt "ctx"\n'
        'msgid "Hel"\n'
        '"lo"\n'
        'msgstr "Olá"\n'
        "\n"
        "# gone\n"
        '#~| msgid "older"\n'
        '#~ msgid "old"\n'
        '#~ msgstr "velho"\n'
    ).encode()
    catalog = read_po(text, Path("pt_BR.po"))
    assert catalog.locale == "pt_BR"
    assert list(catalog.header) == ["Language", "Content-Type", "Plural-Forms"]
    assert (catalog.header_comments, catalog.header_flags) == (["Translator comment"], ["fuzzy"])
    message = catalog.messages[("ctx", "Hello")]
    assert message == Message(
        msgid="Hello",
        msgstr="Olá",
        msgctxt="ctx",
        locations=[
            ("index.html", 12),
            ("about/team.html", 7),
            ("my page.html", 3),
            ("noline.html", 0),
        ],
        auto_comments=["Tilda block T123"],
        user_comments=[" two spaces"],
        flags=["fuzzy", "no-wrap"],
        previous_msgid="Helo",
        previous_msgctxt="old ctx",
        line=17,
    )
    gone = catalog.obsolete[(None, "old")]
    assert (gone.msgstr, gone.previous_msgid, gone.user_comments, gone.line) == (
        "velho",
        "older",
        ["gone"],
        23,
    )


def test_read_po_decodes_a_declared_legacy_charset() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
        '\nmsgid "Coffee"\nmsgstr "Caf\xe9"\n'
    ).encode("latin-1")
    catalog = read_po(text, Path("fr.po"))
    assert catalog.messages[(None, "Coffee")].msgstr == "Café"
    assert catalog.header["Content-Type"] == "text/plain; charset=UTF-8"


def test_read_po_accepts_a_byte_order_mark_and_crlf() -> None:
    text = b'\xef\xbb\xbfmsgid ""\r\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\r\n'
    assert read_po(text, Path("x.po")).header == {"Content-Type": "text/plain; charset=UTF-8"}


def test_read_po_decodes_escape_sequences() -> None:
    text = (
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "a\\tb\\\\c\\"d\\101\\x42"\nmsgstr ""\n'
    )
    assert (None, 'a\tb\\c"dAB') in read_po(text, Path("x.po")).messages


def test_read_po_decodes_escapes_line_by_line() -> None:
    text = (
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid ""\n"\\1"\n"23 \\x4"\n"1"\nmsgstr ""\n'
    )
    assert (None, "\x0123 \x041") in read_po(text, Path("x.po")).messages


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
RU_HEADER = HEADER + f'"Plural-Forms: {RU_PLURALS}\\n"\n'

BROKEN = {
    "unterminated string": (
        HEADER + '\nmsgid "Hello\nmsgstr ""\n',
        5,
        'close the string with a " on line 5',
    ),
    "unterminated continuation": (
        HEADER + '\nmsgid "Hello"\nmsgstr ""\n"world\n',
        7,
        "unterminated string",
    ),
    "bad escape": (HEADER + '\nmsgid "50\\% off"\nmsgstr ""\n', 5, "invalid escape sequence \\%"),
    # gettext joins a line ending in a backslash with the next: the string runs on.
    "backslash at line end": (HEADER + '\nmsgid "a\\\nmsgstr ""\n', 5, "unterminated string"),
    "unknown keyword": (HEADER + '\nmsgid "a"\nmsgtsr "b"\n', 6, "unknown keyword 'msgtsr'"),
    "stray text": (HEADER + '\nmsgid "a"\nhello\nmsgstr "b"\n', 6, "unknown keyword 'hello'"),
    "text after closing quote": (
        HEADER + '\nmsgid "say "hi" now"\nmsgstr ""\n',
        5,
        "text after the closing quote",
    ),
    "keyword without string": (HEADER + '\nmsgid\nmsgstr ""\n', 5, "must be followed by a string"),
    "msgstr without msgid": (HEADER + '\nmsgstr "orphan"\n', 5, "msgstr without msgid"),
    "msgid without msgstr at end": (HEADER + '\nmsgid "lonely"\n', 5, "has no msgstr"),
    "msgid without msgstr before next": (
        HEADER + '\nmsgid "first"\n\nmsgid "second"\nmsgstr ""\n',
        7,
        "but that entry has no msgstr",
    ),
    "two msgstr": (HEADER + '\nmsgid "a"\nmsgstr "b"\nmsgstr "c"\n', 7, "msgstr already"),
    "duplicate msgid": (
        HEADER + '\nmsgid "Same"\nmsgstr "a"\n\nmsgid "Same"\nmsgstr "b"\n',
        8,
        "the same msgid is on line 5",
    ),
    "duplicate with obsolete": (
        HEADER + '\nmsgid "Same"\nmsgstr "a"\n\n#~ msgid "Same"\n#~ msgstr "b"\n',
        8,
        "duplicate entry",
    ),
    "same msgid other context is fine, same context is not": (
        HEADER + '\nmsgctxt "x"\nmsgid "S"\nmsgstr ""\n\nmsgid "S"\nmsgstr ""\n\n'
        'msgctxt "x"\nmsgid "S"\nmsgstr ""\n',
        13,
        "duplicate entry",
    ),
    "missing header": ('msgid "Hello"\nmsgstr "Привет"\n', 1, "no header entry"),
    "header without content type": ('msgid ""\nmsgstr "Language: ru\\n"\n', 2, "Content-Type"),
    "unknown charset": (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=NO-SUCH-CODEC\\n"\n',
        3,
        "unknown charset",
    ),
    "invalid utf-8": (HEADER + '\nmsgid "caf\udce9"\nmsgstr ""\n', 5, "invalid UTF-8"),
    "plural count": (
        RU_HEADER + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "файл"\nmsgstr[1] "файла"\n',
        6,
        "2 plural forms but Plural-Forms says nplurals=3",
    ),
    "plural forms missing": (
        HEADER + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "a"\nmsgstr[1] "b"\n',
        5,
        "no Plural-Forms",
    ),
    "plural forms malformed": (
        HEADER + '"Plural-Forms: nplurals=two\\n"\n',
        2,
        "malformed Plural-Forms",
    ),
    "plural index out of order": (
        RU_HEADER + '\nmsgid "f"\nmsgid_plural "fs"\nmsgstr[0] "a"\nmsgstr[2] "b"\n',
        9,
        "msgstr[2] where msgstr[1] was expected",
    ),
    "plural msgstr without msgid_plural": (
        HEADER + '\nmsgid "f"\nmsgstr[0] "a"\n',
        6,
        "msgstr[0] without msgid_plural",
    ),
    "mixed obsolete and active": (
        HEADER + '\n#~ msgid "old"\nmsgstr "x"\n',
        6,
        "mixes obsolete",
    ),
    "comment inside entry": (
        HEADER + '\nmsgid "a"\n# note\nmsgstr "b"\n',
        6,
        "interrupts an entry",
    ),
    "previous without entry": (HEADER + '\n#| msgid "a"\n', 5, "not followed by an entry"),
}


@pytest.mark.parametrize(("text", "line", "fragment"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_po_names_the_line(text: str, line: int | None, fragment: str) -> None:
    data = text.encode("utf-8", errors="surrogateescape")
    with pytest.raises(CatalogError) as caught:
        read_po(data, Path("locales/ru/LC_MESSAGES/site.po"))
    error = caught.value
    assert fragment in str(error)
    assert error.line == line
    assert error.path == Path("locales/ru/LC_MESSAGES/site.po")
    assert error.hint


# Entries that _ENTRY_RE reads in one step, or hands to the line parser, or both in
# one file; a CR makes read_po read every line by itself, which must come out the same.
BOTH_WAYS = {
    "every part of a plain entry": HEADER
    + "\n# note\n#\n#!odd\n#. auto\n#.tight\n#: a.html:1 b.html:2 a.html:1\n"
    + "#: \u2068my page.html\u2069:3 c.html\n#, fuzzy, c-format\n#,no-wrap,fuzzy\n"
    + 'msgctxt ""\n"ctx"\nmsgid "Hello \\"world\\""\nmsgstr ""\n"\\tПривет\\n"\n"мир"\n',
    "escapes of every kind": HEADER
    + '\nmsgid "\\a\\b\\f\\v\\r\\?\\\'\\\\"\n"\\101\\1"\n"23\\x4"\n"1"\nmsgstr ""\n',
    "what only the line parser reads": HEADER
    + '\n#| msgid "old"\nmsgid "a"\nmsgstr ""\n\nmsgid "b"\nmsgid_plural "bs"\n'
    + 'msgstr[0] ""\nmsgstr[1] ""\n\nmsgid  "c"\nmsgstr ""\n \nmsgid "d"\nmsgstr ""\n'
    + '#. glued\nmsgid "e"\nmsgstr ""\n\n#~ msgid "f"\n#~ msgstr "g"\n',
    "blank lines and no final newline": "\n\n" + HEADER + '\n\n\nmsgid "a"\nmsgstr "b"',
    "comment above a blank line": HEADER + '\n# lost?\n\nmsgid "a"\nmsgstr "b"\n',
    "stray quote": HEADER + '\nmsgid "a"\n"say "hi""\nmsgstr ""\n',
    "bad escape on a continuation line": HEADER + '\nmsgid ""\n"50\\% off"\nmsgstr ""\n',
    "duplicate": HEADER + '\nmsgid ""\n"Same"\nmsgstr "a"\n\n#. x\nmsgid "Same"\nmsgstr "b"\n',
    "bad header line": 'msgid ""\nmsgstr ""\n"Language ru\\n"\n',
}


def _read_outcome(data: bytes) -> object:
    try:
        catalog = read_po(data, Path("x.po"))
    except CatalogError as error:
        return str(error), error.line
    return catalog, [list(catalog.header.items()), list(catalog.messages.items())]


@pytest.mark.parametrize("text", BOTH_WAYS.values(), ids=BOTH_WAYS.keys())
def test_read_po_reads_entries_in_one_step_like_line_by_line(text: str) -> None:
    data = text.encode()
    assert _read_outcome(data) == _read_outcome(data.replace(b"\n", b"\r\n"))


def test_error_message_is_one_line_with_the_place() -> None:
    with pytest.raises(CatalogError) as caught:
        read_po((HEADER + '\nmsgid "Hello\nmsgstr ""\n').encode(), Path("site.po"))
    assert str(caught.value) == (
        'site.po:5: unterminated string (close the string with a " on line 5)'
    )


def test_template_plural_entries_need_no_plural_forms() -> None:
    text = HEADER + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    message = read_po(text.encode(), Path("site.pot")).messages[(None, "file")]
    assert message.msgstr_plural == {0: "", 1: ""}


def test_write_po_drops_fuzzy_of_untranslated_and_untranslated_obsolete() -> None:
    catalog = make_catalog(
        Message("Draft", flags=["fuzzy"]), obsolete=(Message("Gone untranslated"),)
    )
    written = write_po(catalog).decode()
    assert '#, fuzzy\nmsgid "Draft"' not in written
    assert "Gone untranslated" not in written


def test_write_po_orders_flags_like_gettext() -> None:
    message = Message("a %s", "b %s", flags=["no-wrap", "c-format", "fuzzy", "x-custom"])
    assert "#, fuzzy, c-format, no-wrap, x-custom\n" in write_po(make_catalog(message)).decode()


@pytest.mark.parametrize("crlf", [False, True])
def test_a_reference_ending_in_a_non_decimal_digit_is_a_path(crlf: bool) -> None:
    """``"²".isdigit()`` is true but ``int("²")`` fails: such a suffix is no line number."""
    text = (
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: index.html:12 page:\u00b2\nmsgid "a"\nmsgstr ""\n'
    )
    data = (text.replace("\n", "\r\n") if crlf else text).encode()
    (message,) = read_po(data, Path("x.po"))
    assert message.locations == [("index.html", 12), ("page:\u00b2", 0)]
