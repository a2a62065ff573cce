"""``locpipe stats``: how far each language's translation has come."""

from __future__ import annotations

from locpipe.config import Config
from locpipe.qa.stats import LanguageStats, collect_stats


def project_stats(config: Config) -> list[LanguageStats]:
    """Entries, words, translated, fuzzy and untranslated, per target language."""
    return collect_stats(config, config.target_langs)
