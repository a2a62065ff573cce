from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from locpipe.catalog.po import read_po, write_po
from tests.cli.helpers import run


def test_help_is_instant_and_lists_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "locpipe", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("init", "extract", "translate", "build", "check", "stats", "report", "models"):
        assert command in result.stdout


def test_init_writes_config_once(tmp_path: Path) -> None:
    first = run(tmp_path, "init", "--langs", "ru,de")
    assert first.exit_code == 0, first.output
    assert 'target_langs = ["ru", "de"]' in (tmp_path / "locpipe.toml").read_text()
    second = run(tmp_path, "init")
    assert second.exit_code == 2
    assert "locpipe.toml: already exists (use --force to overwrite it)" in second.output


def test_extract_writes_a_valid_template(fresh_project: Path) -> None:
    result = run(fresh_project, "extract")
    assert result.exit_code == 0, result.output
    pot = fresh_project / "locales" / "site.pot"
    template = read_po(pot.read_bytes(), pot)
    assert template.get("Home") is not None
    assert template.get("Home").locations[0][0] in {"about.html", "index.html"}  # type: ignore[union-attr]
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(pot)], check=True)


def test_a_site_with_no_text_gets_catalogs_with_their_headers(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "index.html").write_text("<html><body></body></html>")
    (tmp_path / "locpipe.toml").write_text('target_langs = ["ru"]\n')
    assert run(tmp_path, "extract").exit_code == 0
    assert run(tmp_path, "translate", "--engine", "pseudo").exit_code == 0
    po_path = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "site.po"
    catalog = read_po(po_path.read_bytes(), po_path)
    assert len(catalog) == 0
    assert catalog.header["Language"] == "ru"
    assert catalog.header["Plural-Forms"].startswith("nplurals=3;")


def test_extract_leaves_an_unchanged_template_alone(example_project: Path) -> None:
    pot = example_project / "locales" / "site.pot"
    before = pot.read_bytes()
    result = run(example_project, "extract")
    assert result.exit_code == 0, result.output
    assert "unchanged" in result.output
    assert pot.read_bytes() == before


def test_extract_check_detects_a_stale_template(example_project: Path) -> None:
    assert run(example_project, "extract", "--check").exit_code == 0
    page = example_project / "source" / "about.html"
    page.write_bytes(page.read_bytes().replace(b">Home<", b">Front page<", 1))
    stale = run(example_project, "extract", "--check")
    assert stale.exit_code == 1
    assert "out of date" in stale.output


def test_unreadable_page_is_named_and_skipped(fresh_project: Path) -> None:
    (fresh_project / "source" / "empty.html").write_bytes(b"")
    (fresh_project / "source" / "junk.html").write_bytes(bytes(range(256)) * 4)
    result = run(fresh_project, "extract")
    assert result.exit_code == 2
    assert "empty.html" in result.output
    assert "junk.html" in result.output
    assert "Traceback" not in result.output
    template = fresh_project / "locales" / "site.pot"
    assert b'msgid "Home"' in template.read_bytes()


ALLOWED_EDITS = [
    re.compile(rb'<link rel="alternate" hreflang="[^"]+" href="[^"]*" />'),
    re.compile(rb' lang="(en|ru)"'),
    re.compile(rb"/ru(?=/)"),
    re.compile(rb'(?<= data-tilda-project-lang=")(EN|RU)(?=")'),  # set, or added:
    re.compile(rb' data-tilda-project-lang=""'),
]


def strip_allowed_edits(data: bytes) -> bytes:
    for pattern in ALLOWED_EDITS:
        data = pattern.sub(b"", data)
    return data


@pytest.mark.parametrize("page", ["index.html", "about.html", "files/page1001body.html"])
def test_identity_build_changes_only_what_the_spec_allows(fresh_project: Path, page: str) -> None:
    assert run(fresh_project, "extract").exit_code == 0
    assert run(fresh_project, "translate", "--engine", "pseudo").exit_code == 0
    po = fresh_project / "locales/ru/LC_MESSAGES/site.po"
    catalog = read_po(po.read_bytes(), po)
    for message in catalog:  # every entry reviewed as a copy of its source
        message.msgstr = message.msgid
        message.fuzzy = False
    po.write_bytes(write_po(catalog))
    result = run(fresh_project, "build")
    assert result.exit_code == 0, result.output
    source = (fresh_project / "source" / page).read_bytes()
    for built in (fresh_project / "build" / page, fresh_project / "build" / "ru" / page):
        data = built.read_bytes()
        assert strip_allowed_edits(data) == strip_allowed_edits(source)


def test_build_uses_reviewed_translations_and_copies_assets(example_project: Path) -> None:
    result = run(example_project, "build")
    assert result.exit_code == 0, result.output
    built = (example_project / "build" / "ru" / "index.html").read_text(encoding="utf-8")
    assert "Двенадцать минут" in built
    assert '<html lang="ru"' in built
    assert 'hreflang="ru"' in built
    assert 'hreflang="x-default"' in built
    for asset in (example_project / "source").rglob("*.css"):
        relative = asset.relative_to(example_project / "source")
        assert (example_project / "build" / "ru" / relative).read_bytes() == asset.read_bytes()


def test_build_uses_fuzzy_drafts_only_when_asked(fresh_project: Path) -> None:
    assert run(fresh_project, "extract").exit_code == 0
    assert run(fresh_project, "translate", "--engine", "pseudo").exit_code == 0
    assert run(fresh_project, "build").exit_code == 0
    plain = (fresh_project / "build/ru/index.html").read_text(encoding="utf-8")
    assert "Ţŵéĺṽé" not in plain
    assert run(fresh_project, "build", "--fuzzy").exit_code == 0
    drafts = (fresh_project / "build/ru/index.html").read_text(encoding="utf-8")
    assert "Ţŵéĺṽé" in drafts


def test_build_reports_a_broken_po_with_its_line(example_project: Path) -> None:
    po = example_project / "locales/ru/LC_MESSAGES/site.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "Главная'))
    lines[index] = 'msgstr "Главная\n'
    po.write_text("".join(lines), encoding="utf-8")
    result = run(example_project, "build")
    assert result.exit_code == 2
    assert f"site.po:{index + 1}:" in result.output
    assert "Traceback" not in result.output
    assert not (example_project / "build").exists()


def test_build_rejects_injected_markup_and_keeps_the_source(example_project: Path) -> None:
    po = example_project / "locales/ru/LC_MESSAGES/site.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Главная"', 'msgstr "<script>alert(1)</script>Главная"', 1)
    po.write_text(text, encoding="utf-8")
    result = run(example_project, "build")
    assert result.exit_code == 0, result.output
    assert "warning" in result.output
    built = (example_project / "build/ru/index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in built
