"""One writer at a time: commands that write catalogs hold the project lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from locpipe.errors import LockError


@contextmanager
def project_lock(state_dir: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold ``state_dir/lock`` or fail at once with a clear message.

    Failing fast is the documented choice: a CI job or a person gets told
    that another run is writing, instead of a second writer silently queueing.
    """
    from filelock import FileLock, Timeout

    state_dir.mkdir(parents=True, exist_ok=True)
    lock_path = state_dir / "lock"
    lock = FileLock(lock_path, timeout=wait_seconds)
    try:
        lock.acquire()
    except Timeout as error:
        raise LockError(
            "another locpipe command is writing this project",
            path=lock_path,
            hint="wait for it to finish, then run again",
        ) from error
    try:
        yield
    finally:
        lock.release()
