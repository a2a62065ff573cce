from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from locpipe.config import Config, load_config

NOW = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def settings(project: Path, extra: str = "") -> Config:
    """The project's settings, with ``extra`` lines added to its locpipe.toml first."""
    if extra:
        path = project / "locpipe.toml"
        path.write_text(path.read_text() + extra)
    return load_config(project)
