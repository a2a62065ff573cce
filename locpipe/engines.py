"""The engine a project's settings ask for, behind its translation memory and glossary."""

from __future__ import annotations

from pathlib import Path

from locpipe.config import Config
from locpipe.mt.engine import CachedEngine, Engine
from locpipe.mt.terms import KeepTermsEngine


def engine_for(config: Config, source_lang: str, target_lang: str) -> Engine:
    """Open the configured engine for a pair; its results go through ``.locpipe/memory``."""
    from locpipe.mt.argos import ArgosSettings
    from locpipe.mt.factory import open_engine
    from locpipe.mt.memory import TranslationMemory

    settings = config.engine
    engine = open_engine(
        settings.name,
        source_lang,
        target_lang,
        packages_dir=_path(config, settings.packages_dir),
        model_file=_path(config, settings.model),
        cache_dir=config.state_dir / "models",
        settings=ArgosSettings(
            beam_size=settings.beam_size,
            max_batch_size=settings.batch_size,
            inter_threads=settings.inter_threads,
            intra_threads=settings.intra_threads,
            compute_type=settings.compute_type,
        ),
    )
    memory = TranslationMemory(config.state_dir / "memory.sqlite")
    cached = CachedEngine(engine, memory)
    keep = keep_terms(config, target_lang)
    return KeepTermsEngine(cached, keep) if keep else cached


def keep_terms(config: Config, lang: str) -> list[str]:
    """The glossary's do-not-translate terms for ``lang`` (none without a glossary)."""
    from locpipe.qa.inputs import load_glossary

    glossary = load_glossary(config, lang)
    return [] if glossary is None else [term.term for term in glossary.keep_terms]


def _path(config: Config, value: str | None) -> Path | None:
    return None if value is None else (config.root / value).resolve()
