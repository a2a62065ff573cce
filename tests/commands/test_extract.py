from __future__ import annotations

from pathlib import Path

from locpipe.catalog.po import read_po
from locpipe.commands.extract import build_template, extract_project, same_messages
from locpipe.config import load_config
from locpipe.model import Destination, Page, Segment
from tests.commands.helpers import NOW, settings


def test_extract_writes_the_template_then_finds_it_unchanged(fresh_project: Path) -> None:
    config = load_config(fresh_project)
    first = extract_project(config, now=NOW)
    assert (first.pages, first.changed, first.errors) == (3, True, [])
    assert first.segments > first.entries > 0  # the menu repeats on every page
    template = read_po(config.template_path.read_bytes(), config.template_path)
    assert len(template) == first.entries
    written = config.template_path.read_bytes()
    second = extract_project(config, now=NOW)
    assert (second.pages, second.entries, second.changed) == (3, first.entries, False)
    assert config.template_path.read_bytes() == written


def test_extract_without_write_only_says_whether_the_template_is_stale(
    fresh_project: Path,
) -> None:
    config = load_config(fresh_project)
    outcome = extract_project(config, now=NOW, write=False)
    assert outcome.changed
    assert not config.template_path.exists()


def test_extract_reports_a_page_it_cannot_read_and_goes_on(fresh_project: Path) -> None:
    (fresh_project / "source" / "broken.html").write_bytes(b"<p>\xff\xfe caf\xe9</p>")
    outcome = extract_project(load_config(fresh_project), now=NOW)
    assert outcome.pages == 3
    [error] = outcome.errors
    assert error.path == fresh_project / "source" / "broken.html"


def test_extract_lists_what_an_exclude_rule_left_out(fresh_project: Path) -> None:
    config = settings(fresh_project, '\n[extract]\nexclude = ["about.html"]\n')
    outcome = extract_project(config, now=NOW, write=False)
    assert outcome.pages == 3
    assert outcome.exclusions
    assert {exclusion.page for exclusion in outcome.exclusions} == {"about.html"}
    assert {exclusion.rule for exclusion in outcome.exclusions} == {"about.html"}


def _page(path: str, *texts: str) -> Page:
    segments = tuple(
        Segment(msgid=text, start=0, end=0, line=n, destination=Destination.ELEMENT, note="")
        for n, text in enumerate(texts, 1)
    )
    return Page(path=path, data=b"", encoding="utf-8", segments=segments)


def test_the_same_text_on_two_pages_is_one_entry_with_both_places(fresh_project: Path) -> None:
    config = load_config(fresh_project)
    template = build_template([_page("a.html", "Home", "Hi"), _page("b.html", "Home")], config, NOW)
    assert [message.msgid for message in template] == ["Home", "Hi"]
    home = template.get("Home")
    assert home is not None
    assert home.locations == [("a.html", 1), ("b.html", 1)]
    assert template.locale is None


def test_same_messages_compares_entries_and_their_places(fresh_project: Path) -> None:
    config = load_config(fresh_project)
    one = build_template([_page("a.html", "Home")], config, NOW)
    assert same_messages(one, build_template([_page("a.html", "Home")], config, NOW))
    assert not same_messages(one, build_template([_page("b.html", "Home")], config, NOW))
