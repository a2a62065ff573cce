import base64
import struct
import zlib
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from locpipe.config import parse_config
from locpipe.qa.checks import Finding, Severity
from locpipe.qa.gate import CheckReport
from locpipe.qa.preview import Overflow, PagePreview, PreviewResult, save_preview
from locpipe.qa.report import CATALOG_GROUP, build_report, group_by_page, write_report
from locpipe.qa.stats import LanguageStats

PO = "locales/ru/LC_MESSAGES/site.po"


def _png() -> bytes:
    """A valid 1x1 PNG, written by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xdc\x26\x26")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _report() -> CheckReport:
    stats = LanguageStats(
        lang="ru",
        path=PO,
        entries=4,
        translated=2,
        fuzzy=1,
        untranslated=1,
        obsolete=3,
        words=17,
        translated_words=9,
        fuzzy_words=5,
        percent=50.0,
    )
    findings = [
        Finding(
            check="placeholders",
            severity=Severity.ERROR,
            path=PO,
            message="msgstr drops <a>",
            line=12,
            lang="ru",
            msgid="Read <a>the story</a>",
            pages=(("index.html", 12), ("about.html", 4)),
        ),
        Finding(
            check="end-punctuation",
            severity=Severity.WARNING,
            path=PO,
            message='msgstr does not end with "." as the msgid does',
            line=21,
            lang="ru",
            msgid="Our story.",
            fuzzy=True,
            pages=(("about.html", 3),),
        ),
        Finding(
            check="min-translated",
            severity=Severity.ERROR,
            path=PO,
            message="50% translated (2 of 4); the gate needs 95%",
            lang="ru",
        ),
    ]
    return CheckReport(findings=findings, stats=[stats])


def _preview(tmp_path: Path) -> PreviewResult:
    out = tmp_path / "preview"
    page = PagePreview(
        lang="ru",
        page="index.html",
        localized_path="build/ru/index.html",
        source_png=out / "source/index.png",
        localized_png=out / "ru/index.png",
        side_by_side_png=out / "ru/index.side-by-side.png",
        overflows=(
            Overflow(
                kind="clipped",
                key="body:0>div:0",
                text="Купить билеты на фестиваль",
                box=(200, 40),
                content=(187, 57),
                elem_id="1",
            ),
        ),
    )
    page.side_by_side_png.parent.mkdir(parents=True)
    page.side_by_side_png.write_bytes(_png())
    return PreviewResult(out_dir=out, pages=(page,))


@pytest.fixture
def html(tmp_path: Path) -> lxml.html.HtmlElement:
    (tmp_path / "build/ru").mkdir(parents=True)
    (tmp_path / "build/ru/index.html").write_text("<p>Привет</p>")
    out = tmp_path / "report" / "report.html"
    write_report(_report(), out, build_dir=tmp_path / "build", preview=_preview(tmp_path))
    return lxml.html.fromstring(out.read_bytes())


def test_the_report_fetches_nothing(html: lxml.html.HtmlElement) -> None:
    assert html.xpath("//script | //link | //iframe | //object | //embed") == []
    for element in html.iter():
        for name in ("src", "href", "srcset", "poster", "data"):
            value = (element.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "file:")), (name, value)
    css = " ".join(html.xpath("//style/text()"))
    assert "@import" not in css
    assert "url(" not in css
    assert "@font-face" not in css


def test_screenshots_are_embedded(html: lxml.html.HtmlElement) -> None:
    [image] = html.xpath("//img")
    prefix = "data:image/png;base64,"
    assert image.get("src").startswith(prefix)
    assert base64.b64decode(image.get("src")[len(prefix) :]) == _png()
    caption = html.xpath("string(//figure/figcaption)")
    assert "1 overflowing element outlined in red" in caption


def test_figures_per_language(html: lxml.html.HtmlElement) -> None:
    [card] = html.xpath("//article[@id='card-ru']")
    text = card.text_content()
    assert "Russian · русский" in text
    assert "50%" in text
    for figure in ("translated 2", "fuzzy (drafts) 1", "untranslated 1", "source words 17"):
        assert figure in " ".join(text.split())
    widths = [span.get("style") for span in card.xpath(".//div[@class='bar']/span")]
    assert widths == ["width:50.000%", "width:25.000%", "width:25.000%"]
    assert html.xpath("string(//div[contains(@class, 'verdict')])").split() == [
        "Failed",
        "2",
        "errors,",
        "2",
        "warnings",
    ]


def test_findings_are_grouped_by_page_with_a_link_to_the_built_page(
    html: lxml.html.HtmlElement,
) -> None:
    sections = html.xpath("//details[@class='page']")
    names = [s.xpath("string(.//span[@class='page-name'])") for s in sections]
    assert names == ["Catalog", "about.html", "index.html"]
    catalog, about, index = sections
    assert "50% translated (2 of 4)" in catalog.text_content()
    assert "does not end with" in about.text_content()
    assert "msgstr drops <a>" in index.text_content()
    assert "also on about.html" in index.text_content()
    assert "text is cut off: 187×57 px of text, 200×40 px visible" in index.text_content()
    [link] = index.xpath(".//a[@class='open']")
    assert link.get("href") == "../build/ru/index.html"
    assert about.xpath(".//span[@class='missing']/text()") == ["not built"]


def test_msgids_are_shown_as_text(html: lxml.html.HtmlElement) -> None:
    [code] = html.xpath("//code[@class='msgid' and contains(., 'Read')]")
    assert code.text_content() == "Read <a>the story</a>"
    assert code.xpath(".//a") == []


def _finding(pages: tuple[tuple[str, int], ...]) -> Finding:
    return Finding("numbers", Severity.WARNING, PO, "msgstr drops the number 5", pages=pages)


def test_shared_entries_go_to_their_first_page_nearest_the_root() -> None:
    menu = _finding((("files/page1body.html", 3), ("index.html", 7), ("about.html", 2)))
    body = _finding((("files/page1body.html", 9), ("index.html", 12)))
    alone = _finding((("about.html", 5),))
    catalog = _finding(())
    groups = group_by_page([menu, body, alone, catalog])
    assert [(g.page, g.findings) for g in groups] == [
        (CATALOG_GROUP, (catalog,)),
        ("about.html", (alone,)),
        ("index.html", (menu, body)),
    ]


def test_build_report_writes_into_the_project(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    po = tmp_path / PO
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n'
        '\n#: index.html:3\nmsgid "Hello"\nmsgstr "Привет"\n',
        encoding="utf-8",
    )
    config = parse_config({"target_langs": ["ru"]}, root=tmp_path, path=tmp_path / "locpipe.toml")
    preview = _preview(tmp_path / ".locpipe")
    save_preview(preview)
    path = build_report(config)
    assert path == tmp_path / "locpipe-report.html"
    page = lxml.html.fromstring(path.read_bytes())
    card = page.find(".//article[@id='card-ru']")
    assert card is not None
    assert "100%" in lxml.etree.tostring(card, method="text", encoding="unicode")
    assert len(page.findall(".//img")) == 1  # the last preview is embedded
