from __future__ import annotations

import time
from pathlib import Path

import pytest

from locpipe.html.page import read_page
from locpipe.html.splice import apply_edits, translation_edits
from locpipe.html.t431 import cells, table_part
from locpipe.model import Destination
from locpipe.qa.browser import Browser, BrowserError, find_browser
from tests.cli.helpers import run

from .pages import build, mark, page
from .test_injection import HOSTILE

TABLE = (
    '<div class="t431"><div class="t431__data-part1" style="display: none">'
    "&lt;b&gt;Fruit&lt;/b&gt;;Price&amp;nbsp;per kg</div>\n"
    '<div class="t431__data-part2" style="display: none">'
    "Apples &amp;amp; pears;10 € link=https://example.com/a\n"
    "&lt;i&gt;Fresh&lt;/i&gt; plums&lt;br /&gt;from Kent;12 €\r\n"
    "Kiwi &amp;lt;3; button=https://example.com/b</div></div>"
)


def table_shape(data: bytes) -> list[tuple[int, int, bytes]]:
    """Row, column and link of every cell, as Tilda's script cuts them."""
    shape = []
    for part in (b"t431__data-part1", b"t431__data-part2"):
        start = data.index(b">", data.index(part)) + 1
        end = data.index(b"<", start)
        shape.extend(
            (cell.row, cell.column, cell.link) for cell in cells(data, start, end, "utf-8")
        )
    return shape


def test_one_segment_per_cell_with_its_html_as_inline_markup() -> None:
    segments = [s for s in page(TABLE).segments if s.destination is Destination.TABLE_CELL]
    assert [(s.msgid, s.note) for s in segments] == [
        ("Fruit", "table header, row 1, column 1"),
        ("Price\xa0per kg", "table header, row 1, column 2"),
        ("Apples &amp; pears", "table body, row 1, column 1"),
        ("<i>Fresh</i> plums<br>from Kent", "table body, row 2, column 1"),
        ("Kiwi &lt;3", "table body, row 3, column 1"),
    ]
    assert [tag.start_tag for tag in segments[3].tags] == [b"&lt;i&gt;", b"&lt;br /&gt;"]


def test_a_cell_is_not_cut_at_the_semicolon_of_a_reference() -> None:
    data = b"a &amp;amp; b;c&amp;nbsp;d;&#59;e"
    assert [cell.html for cell in cells(data, 0, len(data), "utf-8")] == [
        b"a &amp; b",
        b"c&nbsp;d",
        b"",
        b"e",
    ]


@pytest.mark.parametrize(
    ("classes", "part"),
    [(["t431__data-part1"], "table header"), (["x", "t431__data-part2"], "table body"), ([], None)],
)
def test_table_part(classes: list[str], part: str | None) -> None:
    assert table_part(classes) == part


def test_identity_build_is_byte_identical() -> None:
    source = page(TABLE)
    assert build(source, lambda s: s.msgid) == source.data


def test_marked_build_keeps_the_table_and_reads_back_as_the_marked_msgids() -> None:
    source = page(TABLE)
    built = build(source, lambda s: mark(s.msgid))
    again = read_page("t.html", built)
    assert [s.msgid for s in again.segments] == [mark(s.msgid) for s in source.segments]
    assert table_shape(built) == table_shape(source.data)
    assert (1, 2, b" link=https://example.com/a") in table_shape(built)
    assert (3, 2, b" button=https://example.com/b") in table_shape(built)


@pytest.mark.parametrize(
    ("msgstr", "written"),
    [
        ("Яблоки & груши", b"\xd0\xaf\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb8 &amp;amp; "),
        ("a &lt;b&gt; c", b"a &amp;lt;b&amp;gt; c"),
        ("two\nlines", b"two lines"),
    ],
)
def test_translation_is_written_as_escaped_html(msgstr: str, written: bytes) -> None:
    source = page(TABLE)
    built = build(source, lambda s: msgstr if s.msgid == "Apples &amp; pears" else None)
    assert written in built


@pytest.mark.parametrize("msgstr", ["Яблоки; груши", "Яблоки link=x", "a button=b"])
def test_table_syntax_in_a_translation_is_refused(msgstr: str) -> None:
    source = page(TABLE)
    result = translation_edits(source, lambda s: msgstr if s.msgid == "Fruit" else None)
    assert [rejection.segment.msgid for rejection in result.rejected] == ["Fruit"]
    assert result.edits == []


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("target", ["Fruit", "<i>Fresh</i> plums<br>from Kent"])
def test_a_hostile_translation_changes_no_row_cell_or_link(hostile: str, target: str) -> None:
    source = page(TABLE)
    suffix = " <i>x</i><br>" if "<i>" in target else ""
    result = translation_edits(source, lambda s: hostile + suffix if s.msgid == target else None)
    built = apply_edits(source.data, result.edits)
    assert table_shape(built) == table_shape(source.data)
    assert built.count(b"<") == source.data.count(b"<")


CELLS_SCRIPT = (
    "Array.from(document.querySelectorAll('#rec610010118 th, #rec610010118 td'))"
    ".map(cell => cell.innerHTML)"
)


def test_the_example_table_renders_translated_in_chromium(example_project: Path) -> None:
    try:
        chromium = find_browser()
    except BrowserError:
        pytest.skip("Chromium is not installed")
    assert run(example_project, "build").exit_code == 0
    rendered = {}
    with Browser(chromium) as browser:
        for lang, folder in (("en", ""), ("ru", "ru/")):
            tab = browser.new_tab(1024, 768)
            page_path = example_project / "build" / folder / "index.html"
            assert tab.navigate(page_path.as_uri())
            for _ in range(50):  # block scripts load asynchronously
                cells = tab.evaluate(CELLS_SCRIPT)
                if cells:
                    break
                time.sleep(0.1)
            rendered[lang] = cells
    assert rendered["en"] == [
        "Mission", "Crew", "Launched", "Vostok 1", "Yuri Gagarin", "12 April 1961", "Voskhod 2",
        "Pavel Belyayev and <b>Alexei Leonov</b>", '<a href="#rec610010105">18 March 1965</a>',
    ]  # fmt: skip
    assert rendered["ru"] == [
        "Полёт", "Экипаж", "Старт", "Восток-1", "Юрий Гагарин", "12 апреля 1961 года",
        "Восход-2", "Павел Беляев и&nbsp;<b>Алексей Леонов</b>",
        '<a href="#rec610010105">18 марта 1965 года</a>',
    ]  # fmt: skip
