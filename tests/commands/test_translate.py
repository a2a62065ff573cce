from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.po import read_po
from locpipe.commands.extract import extract_project
from locpipe.commands.translate import TOTALLED, translate_language, translate_project
from locpipe.config import load_config
from locpipe.errors import ConfigError, LocpipeError
from tests.commands.helpers import NOW


class Recorder:
    """A language's progress, as the CLI's bar would be told it."""

    def __init__(self, lang: str, told: list[tuple[str, str, int]]) -> None:
        self.lang = lang
        self.told = told

    def start(self, total: int) -> None:
        self.told.append((self.lang, "start", total))

    def advance(self, count: int) -> None:
        self.told.append((self.lang, "advance", count))


@pytest.fixture
def extracted(fresh_project: Path) -> Path:
    extract_project(load_config(fresh_project), now=NOW)
    return fresh_project


def test_translate_fills_each_language_with_the_pseudo_engine(extracted: Path) -> None:
    config = load_config(extracted)
    told: list[tuple[str, str, int]] = []
    outcome = translate_project(
        config, now=NOW, engine="pseudo", progress=lambda lang: Recorder(lang, told)
    )
    [summary] = outcome.languages
    entries = len(read_po(config.template_path.read_bytes(), config.template_path))
    assert (summary.lang, summary.new, summary.machine_translated) == ("ru", entries, entries)
    assert summary.untranslated == 0
    assert told[0] == ("ru", "start", entries)
    assert sum(count for _, kind, count in told if kind == "advance") == entries
    catalog = read_po(config.po_path("ru").read_bytes(), config.po_path("ru"))
    assert all(message.fuzzy and message.msgstr for message in catalog)


def test_the_outcome_sums_the_languages(extracted: Path) -> None:
    path = extracted / "locpipe.toml"
    path.write_text(path.read_text().replace('["ru"]', '["ru", "de"]'))
    config = load_config(extracted)
    outcome = translate_project(config, ["de", "ru"], now=NOW, engine="pseudo")
    assert [summary.lang for summary in outcome.languages] == ["de", "ru"]
    totals = outcome.totals()
    assert list(totals) == list(TOTALLED)
    for key in TOTALLED:
        assert totals[key] == sum(getattr(summary, key) for summary in outcome.languages)
    # the pseudo text does not depend on the language: ru takes de's from the memory
    entries = outcome.languages[0].new
    assert entries > 0
    assert (totals["machine_translated"], totals["reused"], totals["new"]) == (
        entries,
        entries,
        2 * entries,
    )
    data = outcome.to_dict()
    assert data["languages"] == [summary.to_dict() for summary in outcome.languages]
    assert data["new"] == totals["new"]


def test_a_second_run_changes_nothing(extracted: Path) -> None:
    config = load_config(extracted)
    translate_project(config, now=NOW, engine="pseudo")
    po = config.po_path("ru").read_bytes()
    [again] = translate_project(config, now=NOW, engine="pseudo").languages
    assert (again.machine_translated, again.reused, again.untranslated) == (0, 0, 0)
    assert again.kept > 0
    assert config.po_path("ru").read_bytes() == po


@pytest.mark.parametrize(
    ("langs", "message"),
    [(["de"], "de is not among target_langs"), (["xx_YY_ZZ"], "unknown locale code")],
)
def test_a_language_not_in_the_settings_is_refused(
    extracted: Path, langs: list[str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        translate_project(load_config(extracted), langs, now=NOW, engine="pseudo")
    assert not (extracted / "locales" / "ru").exists()


def test_translating_before_extracting_says_what_to_do(fresh_project: Path) -> None:
    with pytest.raises(LocpipeError, match="no template yet") as caught:
        translate_language(load_config(fresh_project), "ru", now=NOW)
    assert caught.value.hint == "run locpipe extract first"
