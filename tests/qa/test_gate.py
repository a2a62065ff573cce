import json
from pathlib import Path
from typing import Any

import pytest

from locpipe.config import Config, parse_config
from locpipe.errors import CatalogError, ConfigError
from locpipe.qa.gate import run_check
from locpipe.qa.glossary import GlossaryError
from locpipe.qa.stats import collect_stats

PO_PATH = "locales/ru/LC_MESSAGES/site.po"
HEADER = r"""msgid ""
msgstr ""
"Project-Id-Version: demo\n"
"PO-Revision-Date: 2025-01-10 12:00+0000\n"
"Last-Translator: Anna <anna@example.com>\n"
"Language-Team: Russian <ru@example.com>\n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
"""
ENTRIES = """
#: index.html:12 about.html:4
msgid "Read <a>the story</a>"
msgstr "Прочитать историю"

#: index.html:14
msgid "Made on Tilda"
msgstr "Сделано на Tilda"

#: about.html:3
#, fuzzy
msgid "Our story."
msgstr "Наша история"

#: about.html:5
msgid "Contacts"
msgstr ""
"""


def _project(tmp_path: Path, entries: str = ENTRIES, **check: Any) -> Config:
    (tmp_path / "source").mkdir(parents=True)
    po = tmp_path / PO_PATH
    po.parent.mkdir(parents=True)
    po.write_text(HEADER + entries, encoding="utf-8")
    table = {"target_langs": ["ru"], "check": check}
    return parse_config(table, root=tmp_path, path=tmp_path / "locpipe.toml")


def test_findings_name_file_line_and_msgid(tmp_path: Path) -> None:
    report = run_check(_project(tmp_path))
    assert [str(f) for f in report.findings] == [
        f'{PO_PATH}:15: [placeholders] msgstr drops <a> (msgid "Read <a>the story</a>")',
        f'{PO_PATH}:24: [end-punctuation] msgstr does not end with "." as the msgid does '
        '(msgid "Our story."; fuzzy)',
    ]
    assert not report.passed
    assert report.summary() == "1 error, 1 warning in 1 language"


def test_stats_per_language(tmp_path: Path) -> None:
    config = _project(tmp_path)
    [stats] = run_check(config).stats
    counts = (stats.lang, stats.entries, stats.translated, stats.fuzzy, stats.untranslated)
    assert counts == ("ru", 4, 2, 1, 1)
    assert stats.percent == 50.0
    assert stats.path == PO_PATH
    assert collect_stats(config) == [stats]


def test_a_clean_catalog_passes(tmp_path: Path) -> None:
    entries = '\n#: index.html:1\nmsgid "Hello"\nmsgstr "Привет"\n'
    report = run_check(_project(tmp_path, entries))
    assert report.findings == []
    assert report.passed


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        ({"min_translated": 60}, "[min-translated] 50% translated (2 of 4); the gate needs 60%"),
        ({"max_fuzzy": 0}, "[max-fuzzy] 1 fuzzy entry (drafts to review); the gate allows 0"),
    ],
)
def test_thresholds_are_error_findings(
    tmp_path: Path, check: dict[str, Any], expected: str
) -> None:
    report = run_check(_project(tmp_path, **check))
    gate = [f for f in report.findings if f.check in {"min-translated", "max-fuzzy"}]
    assert [str(f) for f in gate] == [f"{PO_PATH}: {expected}"]
    assert gate[0].severity == "error"


@pytest.mark.parametrize("check", [{"min_translated": 50}, {"max_fuzzy": 1}])
def test_thresholds_met(tmp_path: Path, check: dict[str, Any]) -> None:
    report = run_check(_project(tmp_path, **check))
    assert not [f for f in report.findings if f.check in {"min-translated", "max-fuzzy"}]


def test_max_warnings_counts_reviewed_entries_only(tmp_path: Path) -> None:
    entries = ENTRIES + '\n#: index.html:20\nmsgid "Wait."\nmsgstr "Ждите"\n'
    report = run_check(_project(tmp_path, entries, max_warnings=0))
    assert str(report.findings[-1]) == (
        f"{PO_PATH}: [max-warnings] 1 warning on reviewed entries; the gate allows 0"
    )
    assert run_check(_project(tmp_path / "b", entries, max_warnings=1)).findings[-1].check != (
        "max-warnings"
    )


def test_glossary_from_the_configuration(tmp_path: Path) -> None:
    config = _project(tmp_path, glossary="glossary.csv")
    (tmp_path / "glossary.csv").write_text("term,translation,note\nTilda,,brand\nstory,история,\n")
    entries = [f for f in run_check(config).findings if f.check.startswith("glossary")]
    assert entries == []
    (tmp_path / "glossary.csv").write_text("term,translation,note\nstory,рассказ,\n")
    found = [str(f) for f in run_check(config).findings if f.check.startswith("glossary")]
    assert found == [
        f'{PO_PATH}:15: [glossary-term] msgstr does not use "рассказ" for "story" (glossary.csv:2) '
        '(msgid "Read <a>the story</a>")',
        f'{PO_PATH}:24: [glossary-term] msgstr does not use "рассказ" for "story" (glossary.csv:2) '
        '(msgid "Our story."; fuzzy)',
    ]


def test_a_per_language_glossary_may_be_missing(tmp_path: Path) -> None:
    report = run_check(_project(tmp_path, glossary="glossary-{lang}.csv"))
    assert not [f for f in report.findings if f.check.startswith("glossary")]


def test_a_missing_glossary_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="the glossary file does not exist"):
        run_check(_project(tmp_path, glossary="glossary.csv"))


def test_a_broken_glossary_names_its_line(tmp_path: Path) -> None:
    config = _project(tmp_path, glossary="glossary.csv")
    (tmp_path / "glossary.csv").write_text("term,translation\nTilda,\n,x\n")
    with pytest.raises(GlossaryError) as caught:
        run_check(config)
    assert (caught.value.path, caught.value.line) == (tmp_path / "glossary.csv", 3)


def test_a_broken_po_raises_catalog_error_with_its_line(tmp_path: Path) -> None:
    config = _project(tmp_path, ENTRIES + '\nmsgid "Broken\nmsgstr "x"\n')
    with pytest.raises(CatalogError) as caught:
        run_check(config)
    assert caught.value.path == tmp_path / PO_PATH
    assert caught.value.line == 31


def test_a_missing_po_says_what_to_do(tmp_path: Path) -> None:
    config = _project(tmp_path)
    (tmp_path / PO_PATH).unlink()
    with pytest.raises(CatalogError, match="no catalog for ru") as caught:
        run_check(config)
    assert caught.value.hint == "run `locpipe translate --lang ru`"


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="de is not among target_langs"):
        run_check(_project(tmp_path), ["de"])


def test_json_holds_everything(tmp_path: Path) -> None:
    data = json.loads(json.dumps(run_check(_project(tmp_path, max_fuzzy=0)).to_json()))
    assert data["passed"] is False
    assert (data["errors"], data["warnings"]) == (2, 1)
    assert data["languages"][0]["entries"] == 4
    first = data["findings"][0]
    assert first == {
        "check": "placeholders",
        "severity": "error",
        "lang": "ru",
        "path": PO_PATH,
        "line": 15,
        "msgid": "Read <a>the story</a>",
        "msgctxt": None,
        "fuzzy": False,
        "message": "msgstr drops <a>",
        "text": f'{PO_PATH}:15: [placeholders] msgstr drops <a> (msgid "Read <a>the story</a>")',
        "pages": ["index.html:12", "about.html:4"],
    }


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "MIME-Version: 1.0",
            "MIME-Version: 2.0",
            "[po-invalid] header field 'MIME-Version' is '2.0'; write '1.0'",
        ),
        (
            "Language: ru",
            "Language: de",
            "[po-invalid] header says Language 'de' but this is the catalog for 'ru'",
        ),
        (
            'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "\n"n%10<=4 && '
            "(n%100<10 || n%100>=20) ? 1 : 2);",
            "nplurals=2; plural=(n != 1);",
            "[plural-forms] Plural-Forms says nplurals=2 but ru has 3: write",
        ),
    ],
)
def test_catalog_problems_are_findings(tmp_path: Path, old: str, new: str, expected: str) -> None:
    config = _project(tmp_path)
    po = tmp_path / PO_PATH
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new), encoding="utf-8")
    finding = next(f for f in run_check(config).findings if f.line == 1)
    assert str(finding).startswith(f"{PO_PATH}:1: {expected}")
    assert finding.severity == "error"
