"""The engine a project's settings ask for, wrapped in the project's translation memory."""

from __future__ import annotations

from pathlib import Path

from locpipe.config import Config
from locpipe.mt.engine import CachedEngine, Engine


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
    return CachedEngine(engine, memory)


def _path(config: Config, value: str | None) -> Path | None:
    return None if value is None else (config.root / value).resolve()
