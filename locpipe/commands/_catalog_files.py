"""Catalog files on disk: ``catalog/`` reads and writes bytes, the commands read and
write files (atomically, so that a killed run never leaves half a catalog)."""

from __future__ import annotations

from pathlib import Path

from locpipe.catalog.catalog import Catalog
from locpipe.errors import CatalogError
from locpipe.fsutil import atomic_write_bytes


def read_catalog(path: Path) -> Catalog:
    from locpipe.catalog.po import read_po

    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read: {error.strerror}", path=path) from error
    return read_po(data, path)


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a catalog file; one with no entries keeps its header (as ``msgmerge`` writes
    it), so that a site with no text yet still has a template and catalogs that say
    their language and plural rule."""
    from locpipe.catalog.po import write_po

    atomic_write_bytes(path, write_po(catalog, force_po=True))
