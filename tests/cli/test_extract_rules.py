"""`[extract]` in locpipe.toml: the owner's exclude rules, with `extract --explain`."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.po import read_po
from tests.cli.helpers import run
from tests.cli.test_bad_input import tree


def with_extract(project: Path, table: str) -> None:
    settings = project / "locpipe.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"\n[extract]\n{table}\n")


def template_msgids(project: Path) -> set[str]:
    pot = project / "locales" / "site.pot"
    return {message.msgid for message in read_po(pot.read_bytes(), pot)}


def test_excluded_text_never_reaches_the_template_and_explain_says_why(
    fresh_project: Path,
) -> None:
    with_extract(fresh_project, 'exclude = ["#rec610010208 .tn-atom", "files/*"]')
    result = run(fresh_project, "extract", "--explain")
    assert result.exit_code == 0, result.output
    assert "Tell us\xa0your story" not in template_msgids(fresh_project)
    assert "#rec610010208 .tn-atom: 2 segment(s) excluded" in result.output
    assert "  about.html:25: Tell us\xa0your story" in result.output
    assert "files/*: " in result.output


def test_an_excluded_page_is_built_untranslated(example_project: Path) -> None:
    with_extract(example_project, 'exclude = ["about.html"]')
    assert run(example_project, "build").exit_code == 0
    about = (example_project / "build" / "ru" / "about.html").read_text(encoding="utf-8")
    index = (example_project / "build" / "ru" / "index.html").read_text(encoding="utf-8")
    assert ">Главная<" in index
    assert ">Главная<" not in about
    assert ">Home<" in about


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ('exclude = ["#"]', "extract.exclude: '#' is not a valid CSS selector"),
        ('exclude = [".a >> .b"]', "extract.exclude: '.a >> .b' is not a valid CSS selector"),
        ('exclude = "#rec1"', "extract.exclude must be a list of strings"),
        ('text_attributes = ["data x"]', "extract.text_attributes: 'data x' is not"),
        ("form_values = 1", "extract.form_values must be true or false"),
        ('exlude = ["#rec1"]', "did you mean 'extract.exclude'?"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_bad_rule_is_exit_2_naming_the_file_and_key_and_nothing_is_written(
    example_project: Path, table: str, fragment: str, command: str
) -> None:
    with_extract(example_project, table)
    before = tree(example_project)
    result = run(example_project, command)
    assert result.exit_code == 2
    assert f"{example_project / 'locpipe.toml'}" in result.output
    assert fragment in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree(example_project) == before


def test_a_bad_selector_names_its_line(example_project: Path) -> None:
    with_extract(example_project, 'exclude = ["#"]')
    lines = (example_project / "locpipe.toml").read_text().splitlines()
    line = lines.index('exclude = ["#"]') + 1
    result = run(example_project, "extract")
    assert f"locpipe.toml:{line}:" in result.output


def test_text_attributes_and_form_values_reach_the_template(fresh_project: Path) -> None:
    page = fresh_project / "source" / "index.html"
    page.write_bytes(
        page.read_bytes().replace(
            b"</body>",
            b'<div data-caption="A caption"></div><select><option value="Large">L</option>'
            b"</select></body>",
        )
    )
    assert run(fresh_project, "extract").exit_code == 0
    assert not {"A caption", "Large"} & template_msgids(fresh_project)
    with_extract(fresh_project, 'text_attributes = ["data-caption"]\nform_values = true')
    assert run(fresh_project, "extract").exit_code == 0
    assert {"A caption", "Large"} <= template_msgids(fresh_project)


def test_keep_terms_stay_verbatim_in_machine_drafts(fresh_project: Path) -> None:
    (fresh_project / "glossary.csv").unlink()
    settings = fresh_project / "locpipe.toml"
    settings.write_text(settings.read_text().replace('glossary = "glossary.csv"\n', ""))
    with_extract(fresh_project, 'keep = ["Apogee Desk"]')
    assert run(fresh_project, "extract").exit_code == 0
    assert run(fresh_project, "translate", "--engine", "pseudo").exit_code == 0
    po = fresh_project / "locales" / "ru" / "LC_MESSAGES" / "site.po"
    drafts = [m for m in read_po(po.read_bytes(), po) if "Apogee Desk" in m.msgid]
    assert drafts
    assert all("Apogee Desk" in message.msgstr for message in drafts)


def test_explain_without_rules_says_so(fresh_project: Path) -> None:
    result = run(fresh_project, "extract", "--explain")
    assert result.exit_code == 0
    assert "no [extract] exclude rules in the settings" in result.output
