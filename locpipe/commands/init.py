"""``locpipe init``: a commented settings file and a source folder for a new project."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from locpipe.config import CONFIG_FILE, render_init, validate_locale
from locpipe.errors import LocpipeError
from locpipe.fsutil import atomic_write_text


@dataclass(frozen=True)
class InitOutcome:
    config_path: Path  # the settings file written
    source_dir: Path  # where the Tilda export goes


def init_project(
    root: Path, source_lang: str, target_langs: Sequence[str], *, force: bool = False
) -> InitOutcome:
    """Write ``locpipe.toml`` in ``root`` (not over an existing one unless ``force``)."""
    path = root / CONFIG_FILE
    if path.exists() and not force:
        raise LocpipeError("already exists", path=path, hint="use --force to overwrite it")
    source = validate_locale(source_lang)
    targets = [validate_locale(code) for code in target_langs]
    atomic_write_text(path, render_init(source, targets))
    source_dir = root / "source"
    source_dir.mkdir(exist_ok=True)
    return InitOutcome(config_path=path, source_dir=source_dir)
