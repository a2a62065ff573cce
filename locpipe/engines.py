"""The engine a project's settings ask for, behind its translation memory and glossary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from locpipe.config import Config
from locpipe.mt.engine import CachedEngine, Engine, EngineRequest
from locpipe.mt.terms import KeepTermsEngine


def engine_for(config: Config, source_lang: str, target_lang: str) -> Engine:
    """Open the configured engine for a pair; its results go through ``.locpipe/memory``."""
    from locpipe.mt.factory import open_engine
    from locpipe.mt.memory import TranslationMemory

    request = EngineRequest(source_lang, target_lang, config.root, config.state_dir / "models")
    engine = open_engine(config.engine.name, config.engine.settings(), request)
    memory = TranslationMemory(config.state_dir / "memory.sqlite")
    cached = CachedEngine(engine, memory)
    keep = keep_terms(config, target_lang)
    return KeepTermsEngine(cached, keep) if keep else cached


def with_engine(config: Config, name: str | None, model: Path | None) -> Config:
    """The settings with the command line's ``--engine`` and ``--model`` (an Argos file) applied."""
    engine = config.engine
    if model is not None:
        argos = replace(engine.settings("argos"), model=str(model.resolve()))
        engine = replace(engine, tables={**engine.tables, "argos": argos})
    if name is not None:
        engine = replace(engine, name=name)
    return replace(config, engine=engine)


def keep_terms(config: Config, lang: str) -> list[str]:
    """The glossary's do-not-translate terms for ``lang`` (none without a glossary)."""
    from locpipe.qa.inputs import load_glossary

    glossary = load_glossary(config, lang)
    return [] if glossary is None else [term.term for term in glossary.keep_terms]
