"""Choosing and building an engine by name, as the ``[engine]`` config and CLI flags say."""

from __future__ import annotations

from pathlib import Path

from locpipe.errors import EngineError
from locpipe.mt.argos import ArgosSettings, open_argos
from locpipe.mt.engine import Engine
from locpipe.mt.pseudo import PseudoEngine

ENGINE_NAMES = ("argos", "pseudo")


def open_engine(
    name: str,
    source_lang: str,
    target_lang: str,
    *,
    packages_dir: Path | None = None,
    model_file: Path | None = None,
    cache_dir: Path | None = None,
    settings: ArgosSettings | None = None,
) -> Engine:
    """The engine called ``name`` for the language pair (not cached; wrap in CachedEngine)."""
    if name == "pseudo":
        return PseudoEngine()
    if name == "argos":
        return open_argos(
            source_lang,
            target_lang,
            packages_dir=packages_dir,
            model_file=model_file,
            cache_dir=cache_dir,
            settings=settings,
        )
    raise EngineError(f"unknown engine {name!r}", hint=f"choose one of {', '.join(ENGINE_NAMES)}")
