from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from locpipe.html.scan import Kind, scan
from locpipe.html.script_options import script_strings
from locpipe.html.tilda_rules import SCRIPT_TEXT, ScriptText
from locpipe.model import Destination

from .pages import MARK, build, mark, page, sample_paths

DVBFOND = Path(__file__).resolve().parents[2] / ".." / "shared" / "tilda-sites" / "dvbfond"

STORE = (
    "<script>$(function() {"
    " var prodcard_optsObj = { bgColor: '', btnTitle1: 'ПОЖЕРТВОВАТЬ', btnLink1: 'order' };"
    " var popup_optsObj = { btnTitle: 'Оформить заказ', closeText: 'Другие модели',"
    " iconColor: '#000000', popupStat: '/tilda/popup/rec1/opened' };"
    " var options = { storepart: '265183454331', colClass: 't-col t-col_4', currencyTxt: 'р.',"
    " btn1_style: 'color:#ffffff;', titleRelevants: '', popup_opts: popup_optsObj };"
    " t_onFuncLoad('t_store_init', function() { t_store_init('280724010', options); });"
    "});</script>"
)
FEED = (
    "<script>var btnAllPosts_optsObj = { text: 'Все новости', link: '/news', target: '' };"
    " var options = { feeduid: '1', btnStyle: 'color:#000;', btnText: 'Показать еще',"
    " btnReadMore: 'Читать блог', dateFormat: '4' };"
    " t_feed_init('2', options); console.log('Ваш браузер не поддерживает');</script>"
)
MAP = (
    '<script>var arMapMarkers282611015 = [{ title:"Широкая улица", descr:"Вход со двора",'
    ' lat:"55.7", lng:"37.6", url:"https://example.com" }];</script>'
)


def script_msgids(html: str) -> list[str]:
    return [s.msgid for s in page(html).segments if s.destination is Destination.SCRIPT]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (STORE, ["ПОЖЕРТВОВАТЬ", "Оформить заказ", "Другие модели", "р."]),
        (FEED, ["Все новости", "Показать еще", "Читать блог"]),
        (MAP, ["Широкая улица", "Вход со двора"]),
    ],
)
def test_ui_options_are_extracted_by_key_and_nothing_else(html: str, expected: list[str]) -> None:
    assert script_msgids(html) == expected


def test_the_note_names_the_call_and_the_key() -> None:
    notes = {s.msgid: s.note for s in page(STORE).segments}
    assert 't_store_init option "closeText" (popup_optsObj)' in notes["Другие модели"]


@pytest.mark.parametrize(
    "html",
    [
        # the same objects without the call they configure
        STORE.replace("t_store_init", "t_other_init"),
        # the keys in an object the table does not name (a style object's "title")
        "<script>var typography_optsObj = { title: 'font-weight:700;' };"
        " t_store_init('1', options);</script>",
        # code, not an options object
        "<script>t_store_init('1', { btnTitle: 'Купить' });</script>",
        '<div class="notranslate">' + STORE + "</div>",
        "<script>var options = { btnText: 'Показать ' + more };"
        " t_feed_init('1', options);</script>",
    ],
)
def test_not_script_text(html: str) -> None:
    assert script_msgids(html) == []


def test_a_row_with_a_star_matches_the_variable_by_prefix() -> None:
    rule = ScriptText("x", "arMapMarkers*", {})
    assert rule.matches("arMapMarkers123")
    assert not rule.matches("options")


def test_a_new_row_is_all_a_new_rule_needs() -> None:
    script = b"var t_opts = { label: 'Hi', color: 'red' }; t_new_init(t_opts);"
    table = (*SCRIPT_TEXT, ScriptText("t_new_init", "t_opts", {"label": "label"}))
    assert [found.string.key for found in script_strings(script, 0, len(script), table)] == [
        "label"
    ]
    assert script_strings(script, 0, len(script)) == []


def test_store_popup_and_card_buttons_of_a_real_export() -> None:
    path = DVBFOND / "page17295691.html"
    if not path.exists():
        pytest.skip("shared exports not present")
    segments = page(path.read_bytes()).segments
    found = {s.msgid for s in segments if s.destination is Destination.SCRIPT}
    assert found == {"ПОЖЕРТВОВАТЬ", "Подробнее", "Вернуться обратно", "руб."}


SITES = Path(__file__).resolve().parents[2] / ".." / "shared" / "tilda-sites"


def real_pages() -> list[Path]:
    return sorted([*sample_paths(), *SITES.glob("*/*.html")]) if SITES.is_dir() else []


def ui_letters(data: bytes) -> tuple[int, int]:
    """Letters of the table's script strings in a page: (marked, unmarked)."""
    marked = unmarked = 0
    for token in scan(data):
        if token.kind is Kind.RAWTEXT and token.name == "script":
            for found in script_strings(data, token.start, token.end):
                text = data[found.string.start : found.string.end].decode("utf-8", "replace")
                marked += text.count(MARK)
                unmarked += sum(char.isalpha() and char != MARK for char in text)
    return marked, unmarked


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_marked_build_of_real_pages_leaves_no_script_ui_letter_unmarked(tmp_path: Path) -> None:
    paths = real_pages()
    if not paths:
        pytest.skip("shared pages not present")
    total_marked = 0
    for path in paths:
        source = page(path.read_bytes())
        built = build(source, lambda segment: mark(segment.msgid))
        marked, unmarked = ui_letters(built)
        assert unmarked == 0, path
        total_marked += marked
        changed = [
            token
            for token in scan(built)
            if token.kind is Kind.RAWTEXT
            and token.name == "script"
            and MARK.encode() in built[token.start : token.end]
        ]
        for index, token in enumerate(changed):
            script = tmp_path / f"{path.stem}-{index}.js"
            script.write_bytes(built[token.start : token.end])
            checked = subprocess.run(["node", "--check", str(script)], capture_output=True)
            assert checked.returncode == 0, (path, checked.stderr)
    assert total_marked > 0
