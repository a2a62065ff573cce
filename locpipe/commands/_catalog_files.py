"""Catalog files on disk: ``catalog/`` reads and writes bytes, the commands read and
write files (atomically, so that a killed run never leaves half a catalog)."""

from __future__ import annotations

from pathlib import Path

from locpipe.catalog.catalog import Catalog
from locpipe.errors import CatalogError
from locpipe.fsutil import atomic_write_bytes


def read_catalog(path: Path) -> Catalog:
    from locpipe.catalog.storage import format_for

    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read: {error.strerror}", path=path) from error
    return format_for(path).read(data, path)


def write_catalog(path: Path, catalog: Catalog) -> None:
    from locpipe.catalog.storage import format_for

    atomic_write_bytes(path, format_for(path).write(catalog))
