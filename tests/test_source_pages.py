from __future__ import annotations

from pathlib import Path

from locpipe.config import load_config
from locpipe.source_pages import ScanResult, owner_rules, page_files, read_pages, scan_site


def _site(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    (source / "files").mkdir(parents=True)
    (source / "index.html").write_text("<html><body><p>Home</p></body></html>")
    (source / "files" / "page2body.HTM").write_text("<p>Body</p>")
    (source / "b.html").write_bytes(b"<p>\xff\xfe bad</p>")
    (source / "style.css").write_text("p { color: red }")
    (source / "folder.html").mkdir()
    return source


def test_page_files_are_the_html_files_in_a_stable_order(tmp_path: Path) -> None:
    source = _site(tmp_path)
    assert [path.relative_to(source).as_posix() for path in page_files(source)] == [
        "b.html",
        "files/page2body.HTM",
        "index.html",
    ]


def test_pages_are_read_one_at_a_time_as_they_are_asked_for(tmp_path: Path) -> None:
    source = _site(tmp_path)
    found = ScanResult()
    seen: list[str] = []
    pages = read_pages(source, found, seen.append)
    assert seen == []  # nothing is read before the first page is asked for
    first = next(pages)
    assert (first.path, seen) == ("files/page2body.HTM", ["b.html", "files/page2body.HTM"])
    assert [error.path for error in found.errors] == [source / "b.html"]
    assert [page.path for page in pages] == ["index.html"]
    assert found.pages == []  # read_pages hands pages out, it does not keep them


def test_scan_site_keeps_every_page_and_each_error(tmp_path: Path) -> None:
    source = _site(tmp_path)
    scan = scan_site(source)
    assert [page.path for page in scan.pages] == ["files/page2body.HTM", "index.html"]
    assert [segment.msgid for segment in scan.pages[1].segments] == ["Home"]
    assert len(scan.errors) == 1


def test_owner_rules_only_when_the_settings_have_some(tmp_path: Path) -> None:
    _site(tmp_path)
    toml = tmp_path / "locpipe.toml"
    toml.write_text('target_langs = ["ru"]\n')
    assert owner_rules(load_config(tmp_path)) is None
    toml.write_text('target_langs = ["ru"]\n[extract]\ntext_attributes = ["Data-Caption"]\n')
    rules = owner_rules(load_config(tmp_path))
    assert rules is not None
    assert rules.text_attributes == ("data-caption",)
