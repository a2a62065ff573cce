import shutil
import struct
from pathlib import Path

import pytest

from locpipe.errors import LocpipeError
from locpipe.qa.browser import Browser, BrowserError, find_browser
from locpipe.qa.preview import PreviewOptions, PreviewResult, load_preview, preview, site_roots

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "tilda-samples"

# A Zero Block artboard as Tilda exports it: absolutely placed elements whose
# box the artboard CSS sets; element 1 has a fixed height and hides overflow.
PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Zero</title>
<style>
body {{ margin: 0; font: 16px/20px sans-serif; }}
.t396__artboard {{ position: relative; height: 400px; overflow: hidden; }}
.t396__elem {{ position: absolute; }}
#rec1 .tn-elem[data-elem-id="1"] {{ top: 20px; left: 20px; width: 200px; height: 40px;
  overflow: hidden; }}
#rec1 .tn-elem[data-elem-id="2"] {{ top: 100px; left: 20px; width: 300px; }}
#rec1 .tn-elem[data-elem-id="3"] {{ top: 140px; left: 20px; width: 100px; }}
#rec1 .tn-elem[data-elem-id="4"] {{ top: 200px; left: 20px; width: 160px; }}
#rec1 .tn-elem[data-elem-id="5"] {{ top: 245px; left: 20px; width: 160px; height: 30px; }}
</style></head><body>
<div id="rec1" class="r t-rec"><div class="t396"><div class="t396__artboard">
<div class='t396__elem tn-elem' data-elem-id='1' data-elem-type='text'
 data-field-width-value="200" data-field-height-value="40"><div class='tn-atom'
 field='tn_text_1'>{one}</div></div>
<div class='t396__elem tn-elem' data-elem-id='2' data-elem-type='text'
 data-field-width-value="300"><div class='tn-atom' field='tn_text_2'>{two}</div></div>
<div class='t396__elem tn-elem' data-elem-id='3' data-elem-type='text'
 data-field-width-value="100"><div class='tn-atom' field='tn_text_3'>{three}</div></div>
<div class='t396__elem tn-elem' data-elem-id='4' data-elem-type='text'
 data-field-width-value="160"><div class='tn-atom' field='tn_text_4'>{four}</div></div>
<div class='t396__elem tn-elem' data-elem-id='5' data-elem-type='shape'
 data-field-width-value="160"><div class='tn-atom' style="background:#ddd"></div></div>
</div></div></div>
<p>{para}</p>
</body></html>
"""
SOURCE = {
    "lang": "en",
    "one": "Buy tickets",
    "two": "Short",
    "three": "Festival",
    "four": "Doors open at seven",
    "para": "A paragraph",
}
RUSSIAN = {
    "lang": "ru",
    "one": "Купить билеты на фестиваль прямо сейчас со скидкой",
    "two": "Короткий",
    "three": "Достопримечательности",
    "four": "Двери открываются ровно в семь часов вечера",
    "para": "Абзац",
}


@pytest.fixture(scope="module")
def chromium() -> Path:
    try:
        return find_browser()
    except BrowserError:
        pytest.skip("Chromium is not installed")


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> tuple[Path, PreviewResult]:
    """One preview of the long Russian translation, shared by the tests that read it."""
    tmp_path = tmp_path_factory.mktemp("russian")
    return tmp_path, _run(tmp_path, RUSSIAN, chromium)


def _site(tmp_path: Path, localized: dict[str, str]) -> Path:
    build = tmp_path / "build"
    (build / "ru").mkdir(parents=True)
    (build / "index.html").write_text(PAGE.format(**SOURCE), encoding="utf-8")
    (build / "ru" / "index.html").write_text(PAGE.format(**localized), encoding="utf-8")
    return build


def _run(tmp_path: Path, localized: dict[str, str], browser: Path) -> PreviewResult:
    source_root, roots = site_roots(_site(tmp_path, localized), ["ru"])
    options = PreviewOptions(width=800, height=600, settle_ms=100)
    return preview(
        source_root,
        roots,
        tmp_path / "preview",
        options=options,
        browser=browser,
        display_root=tmp_path,
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
def test_long_translations_are_flagged_and_the_source_is_not(
    tmp_path: Path, chromium: Path
) -> None:
    result = _run(tmp_path, RUSSIAN, chromium)
    [page] = result.pages
    assert page.source_overflows == ()
    found = {(o.elem_id, o.kind) for o in page.overflows}
    assert found == {("1", "clipped"), ("3", "wider"), ("4", "overlap")}
    clipped = next(o for o in page.overflows if o.kind == "clipped")
    assert clipped.text == RUSSIAN["one"]
    assert clipped.box == (200, 40)
    assert clipped.content[1] > 40
    overlap = next(o for o in page.overflows if o.kind == "overlap")
    assert overlap.other_id == "5"
    assert [f.check for f in result.findings()] == ["overflow"] * 3
    assert str(result.findings()[0]).startswith("build/ru/index.html: [overflow] ")


@pytest.mark.browser
def test_an_identical_translation_flags_nothing(tmp_path: Path, chromium: Path) -> None:
    [page] = _run(tmp_path, SOURCE | {"lang": "ru"}, chromium).pages
    assert page.overflows == ()


@pytest.mark.browser
def test_screenshots_side_by_side_and_manifest(russian: tuple[Path, PreviewResult]) -> None:
    tmp_path, result = russian
    [page] = result.pages
    assert _png_size(page.source_png) == (800, 600)
    assert _png_size(page.localized_png) == (800, 600)
    width, height = _png_size(page.side_by_side_png)
    assert width == 2 * 400 + 36
    assert 300 < height < 600
    assert page.image == tmp_path / "preview" / "ru" / "index.side-by-side.png"
    assert load_preview(tmp_path / "preview") == result


@pytest.mark.browser
def test_a_page_missing_from_the_build_is_an_error(tmp_path: Path, chromium: Path) -> None:
    source_root, roots = site_roots(_site(tmp_path, RUSSIAN), ["ru"])
    with pytest.raises(LocpipeError, match="the page is not built"):
        preview(source_root, roots, tmp_path / "out", pages=["about.html"], browser=chromium)


def test_no_browser_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("LOCPIPE_CHROMIUM", raising=False)
    with pytest.raises(BrowserError, match="Chromium is not installed") as caught:
        find_browser()
    assert caught.value.hint is not None
    assert "apt-get install chromium" in caught.value.hint


def test_load_preview_without_a_preview_is_none(tmp_path: Path) -> None:
    assert load_preview(tmp_path) is None


@pytest.mark.browser
@pytest.mark.samples
@pytest.mark.slow
@pytest.mark.parametrize(
    "sample",
    ["cataviator__sycamore-music-hall/index.html", "mrmixsun__2020.snowone.ru/page7257756.html"],
)
def test_real_pages_built_unchanged_flag_nothing(
    tmp_path: Path, chromium: Path, sample: str
) -> None:
    page = SAMPLES / sample
    if not page.is_file():
        pytest.skip("../shared/tilda-samples is absent")
    (tmp_path / "ru").mkdir()
    shutil.copyfile(page, tmp_path / "page.html")
    shutil.copyfile(page, tmp_path / "ru" / "page.html")
    result = preview(tmp_path, {"ru": tmp_path / "ru"}, tmp_path / "out", browser=chromium)
    [preview_page] = result.pages
    assert preview_page.overflows == ()


def test_a_browser_that_does_not_start_is_a_clear_error() -> None:
    not_a_browser = shutil.which("true")
    assert not_a_browser is not None
    with pytest.raises(BrowserError, match="Chromium stopped"), Browser(Path(not_a_browser)):
        pass


def test_a_damaged_manifest_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "preview.json").write_text('{"pages": [{"lang": "ru"}]}')
    with pytest.raises(LocpipeError, match="the preview manifest is damaged") as caught:
        load_preview(tmp_path)
    assert caught.value.hint == "run `locpipe preview` again"
