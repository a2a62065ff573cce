"""The one family of errors locpipe raises for bad input.

Every error names the file it is about and, where there is one, the line
(counted from 1), plus what the user can do about it. The CLI turns any
``LocpipeError`` into a one-line message and exit code 2.
"""

from __future__ import annotations

from pathlib import Path


class LocpipeError(Exception):
    """Bad input or an impossible request; never a bug in locpipe."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        text = self.message
        where = self.location()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class ConfigError(LocpipeError):
    """locpipe.toml or [tool.locpipe] is invalid."""


class PageError(LocpipeError):
    """A source page cannot be read or parsed."""


class CatalogError(LocpipeError):
    """A PO or POT file is broken."""


class EngineError(LocpipeError):
    """A machine translation engine cannot run."""


class ModelPackageError(LocpipeError):
    """An Argos package file or index is invalid or unreachable."""


class LockError(LocpipeError):
    """Another locpipe process is writing the same project."""
