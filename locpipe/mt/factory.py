"""The engine registry: each engine's name, its settings table and how to open it.

Adding an engine is its own module (a frozen settings dataclass, read and
checked as ``[engine.NAME]``, and an opener) plus one line in ``ENGINES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from locpipe.errors import EngineError
from locpipe.mt import argos, pseudo
from locpipe.mt.engine import Engine, EngineRequest


@dataclass(frozen=True)
class EngineKind:
    """A registered engine: the dataclass of its settings table and its opener."""

    settings: type[Any]
    open: Callable[[Any, EngineRequest], Engine]


ENGINES: dict[str, EngineKind] = {
    "argos": EngineKind(argos.ArgosConfig, argos.open_configured),
    "pseudo": EngineKind(pseudo.PseudoConfig, pseudo.open_configured),
}
ENGINE_NAMES = tuple(ENGINES)


def open_engine(name: str, settings: Any, request: EngineRequest) -> Engine:
    """The engine called ``name`` for the request's pair (not cached; wrap in CachedEngine)."""
    kind = ENGINES.get(name)
    if kind is None:
        raise EngineError(
            f"unknown engine {name!r}", hint=f"choose one of {', '.join(ENGINE_NAMES)}"
        )
    return kind.open(settings, request)
