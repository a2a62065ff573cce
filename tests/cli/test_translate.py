from __future__ import annotations

import json
from pathlib import Path

import pytest

from locpipe.catalog.po import read_po
from locpipe.lock import project_lock
from tests.cli.helpers import run
from tests.conftest import EN_RU_MODEL


def po_of(project: Path) -> Path:
    return project / "locales/ru/LC_MESSAGES/site.po"


@pytest.fixture
def extracted(fresh_project: Path) -> Path:
    assert run(fresh_project, "extract").exit_code == 0
    return fresh_project


def translate_json(project: Path, *args: str) -> dict[str, object]:
    result = run(project, "translate", "--json", *args)
    assert result.exit_code == 0, result.output
    summary: dict[str, object] = json.loads(result.stdout)
    return summary


def test_pseudo_drafts_are_fuzzy_and_say_who_made_them(extracted: Path) -> None:
    summary = translate_json(extracted, "--engine", "pseudo")
    catalog = read_po(po_of(extracted).read_bytes(), po_of(extracted))
    assert summary["machine_translated"] == len(catalog)
    home = catalog.get("Home")
    assert home is not None
    assert home.msgstr == "[Ĥóɱé]"
    assert home.fuzzy
    assert any(c.startswith("machine translation: pseudo") for c in home.user_comments)


def test_second_run_translates_nothing(extracted: Path) -> None:
    translate_json(extracted, "--engine", "pseudo")
    again = translate_json(extracted, "--engine", "pseudo")
    assert again["machine_translated"] == 0
    assert again["reused"] == 0


def test_reviewed_translations_are_never_overwritten(example_project: Path) -> None:
    before = read_po(po_of(example_project).read_bytes(), po_of(example_project))
    summary = translate_json(example_project, "--engine", "pseudo")
    after = read_po(po_of(example_project).read_bytes(), po_of(example_project))
    assert summary["machine_translated"] == 0
    assert summary["kept"] == len(before)
    assert {m.msgid: m.msgstr for m in after} == {m.msgid: m.msgstr for m in before}


def test_changed_source_gets_a_fuzzy_match_and_vanished_text_goes_obsolete(
    example_project: Path,
) -> None:
    page = example_project / "source" / "about.html"
    data = page.read_bytes()
    assert b"Who writes Apogee Desk" in data
    data = data.replace(b"Who writes Apogee Desk", b"Who writes the Apogee Desk")
    old_title = b"About Apogee Desk &mdash; a newsroom for the history of spaceflight"
    page.write_bytes(data.replace(old_title, b"Contact the editors"))
    assert run(example_project, "extract").exit_code == 0
    summary = translate_json(example_project, "--engine", "pseudo")
    assert summary["fuzzy_matched"] == 1
    assert summary["obsolete"] == 1
    assert summary["machine_translated"] == 1
    text = po_of(example_project).read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "Who writes Apogee Desk' in text
    assert '#~ msgid "About Apogee Desk — a newsroom for the history of spaceflight"' in text


def test_second_writer_fails_at_once(extracted: Path) -> None:
    with project_lock(extracted / ".locpipe"):
        result = run(extracted, "translate", "--engine", "pseudo")
    assert result.exit_code == 2
    assert "another locpipe command is writing this project" in result.output


def test_translate_needs_a_template(fresh_project: Path) -> None:
    result = run(fresh_project, "translate", "--engine", "pseudo")
    assert result.exit_code == 2
    assert "site.pot: no template yet (run locpipe extract first)" in result.output


def test_unknown_language_is_refused(extracted: Path) -> None:
    result = run(extracted, "translate", "--lang", "de")
    assert result.exit_code == 2
    assert "de is not among target_langs" in result.output


def test_argos_model_file_translates_for_real(extracted: Path) -> None:
    summary = translate_json(extracted, "--model", str(EN_RU_MODEL))
    assert summary["machine_translated"] > 0
    catalog = read_po(po_of(extracted).read_bytes(), po_of(extracted))
    drafts = [m for m in catalog if m.msgstr]
    assert drafts
    assert all(m.fuzzy for m in drafts)
    assert any("machine translation: argos:" in c for m in drafts for c in m.user_comments)
    home = catalog.get("Home")
    assert home is not None
    assert home.msgstr == "Главная"
    rerun = translate_json(extracted, "--model", str(EN_RU_MODEL))
    assert rerun["machine_translated"] == 0


def test_an_unchanged_project_leaves_the_po_untouched(example_project: Path) -> None:
    before = po_of(example_project).read_bytes()
    translate_json(example_project, "--engine", "pseudo")
    assert po_of(example_project).read_bytes() == before


BABEL_2_19_RU = (
    "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
    "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;"
)


def test_an_equivalent_plural_forms_survives_translate_and_passes_check(
    example_project: Path,
) -> None:
    po = po_of(example_project)
    catalog = read_po(po.read_bytes(), po)
    written = catalog.header["Plural-Forms"]
    text = po.read_text(encoding="utf-8")
    start = text.index('"Plural-Forms: ')
    end = text.index('\\n"\n', start) + len('\\n"\n')
    po.write_text(text[:start] + f'"Plural-Forms: {BABEL_2_19_RU}\\n"\n' + text[end:], "utf-8")
    assert written != BABEL_2_19_RU
    translate_json(example_project, "--engine", "pseudo")
    after = read_po(po.read_bytes(), po)
    assert after.header["Plural-Forms"] == BABEL_2_19_RU
    result = run(example_project, "check", "--json")
    findings = json.loads(result.stdout)
    assert "plural-forms" not in json.dumps(findings)
