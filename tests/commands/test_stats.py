from __future__ import annotations

from pathlib import Path

from locpipe.commands.stats import project_stats
from locpipe.config import load_config


def test_stats_give_each_target_language_in_order(example_project: Path) -> None:
    path = example_project / "locpipe.toml"
    path.write_text(path.read_text().replace('["ru"]', '["ru", "de"]'))
    de = example_project / "locales" / "de" / "LC_MESSAGES"
    de.mkdir(parents=True)
    (de / "site.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Home"\nmsgstr ""\n'
    )
    ru, german = project_stats(load_config(example_project))
    assert (ru.lang, ru.percent, ru.path) == ("ru", 100.0, "locales/ru/LC_MESSAGES/site.po")
    assert ru.entries == ru.translated > 0
    assert (german.lang, german.entries, german.untranslated, german.percent) == ("de", 1, 1, 0.0)
