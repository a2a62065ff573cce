"""Persistent translation memory: what an engine already translated, so it never runs twice.

One SQLite file per project, keyed by (engine identity, source text). WAL mode
and a busy timeout let two locpipe processes use it at once; every ``put_many``
commits, so a killed run keeps all batches it finished.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from locpipe.errors import EngineError
from locpipe.mt.engine import MTResult

SCHEMA_VERSION = 1
_SQLITE_MAX_VARIABLES = 500  # stay well below SQLite's limit on bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL,
    PRIMARY KEY (engine, source)
) WITHOUT ROWID
"""


class TranslationMemory:
    """(engine identity, source) -> MTResult, in the SQLite file at ``path``."""

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=timeout)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._check_schema()
        except (OSError, sqlite3.DatabaseError) as error:
            raise EngineError(
                f"cannot open the translation memory: {error}",
                path=path,
                hint="delete the file to start a new memory",
            ) from error

    def _check_schema(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version not in (0, SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"unknown schema version {version}")
        with self._db:
            self._db.execute(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def get_many(self, engine: str, sources: Iterable[str]) -> dict[str, MTResult]:
        """The stored results among ``sources`` for ``engine``."""
        found: dict[str, MTResult] = {}
        unique = list(dict.fromkeys(sources))
        for start in range(0, len(unique), _SQLITE_MAX_VARIABLES):
            chunk = unique[start : start + _SQLITE_MAX_VARIABLES]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target, warnings FROM translations "
                f"WHERE engine = ? AND source IN ({marks})",
                [engine, *chunk],
            )
            for source, target, warnings in rows:
                found[source] = MTResult(target, tuple(json.loads(warnings)))
        return found

    def put_many(self, engine: str, results: Mapping[str, MTResult]) -> None:
        """Store ``results`` (source -> result) for ``engine`` and commit."""
        now = time.time()
        rows: Sequence[tuple[str, str, str, str, float]] = [
            (engine, source, result.text, json.dumps(list(result.warnings)), now)
            for source, result in results.items()
        ]
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (engine, source, target, warnings, created)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM translations").fetchone()
        return int(count)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
