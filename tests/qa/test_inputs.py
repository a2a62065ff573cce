from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from locpipe.config import load_config
from locpipe.qa.checks import Pair, check_glossary_keep
from locpipe.qa.inputs import load_glossary


def test_extract_keep_terms_join_the_glossarys_do_not_translate_list(
    example_project: Path,
) -> None:
    config = load_config(example_project)
    config = replace(config, extract=replace(config.extract, keep=("Sunday issue", "Apogee Desk")))
    glossary = load_glossary(config, "ru")
    assert glossary is not None
    keep = [term.term for term in glossary.keep_terms]
    assert keep.count("Apogee Desk") == 1  # already in the glossary file
    assert "Sunday issue" in keep


def test_extract_keep_terms_without_a_glossary_file(example_project: Path) -> None:
    config = load_config(example_project)
    config = replace(
        config,
        check=replace(config.check, glossary=None),
        extract=replace(config.extract, keep=("Apogee",)),
    )
    glossary = load_glossary(config, "ru")
    assert glossary is not None
    assert [term.term for term in glossary.keep_terms] == ["Apogee"]


def test_a_dropped_keep_term_is_reported_as_coming_from_the_settings(
    example_project: Path,
) -> None:
    config = load_config(example_project)
    config = replace(
        config,
        check=replace(config.check, glossary=None),
        extract=replace(config.extract, keep=("Apogee",)),
    )
    pair = Pair(source="Apogee news", target="Новости", glossary=load_glossary(config, "ru"))
    assert check_glossary_keep(pair) == [
        'msgstr drops the do-not-translate term "Apogee" ([extract] keep)'
    ]
