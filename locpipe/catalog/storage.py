"""Catalog file formats, chosen by file name: each a reader and a writer over bytes.

Like Translate Toolkit's ``storage`` factory: a new format (XLIFF, say) is a module
of its own with ``read(bytes, path) -> Catalog`` and ``write(Catalog) -> bytes``,
and one line in ``CATALOG_FORMATS``. No I/O here: the commands read and write files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from locpipe.catalog.catalog import Catalog
from locpipe.catalog.po import read_po, write_po
from locpipe.errors import CatalogError


@dataclass(frozen=True)
class CatalogFormat:
    name: str
    read: Callable[[bytes, Path], Catalog]
    write: Callable[[Catalog], bytes]


def _write_po_file(catalog: Catalog) -> bytes:
    # A file locpipe writes keeps its header even with no entries (as msgmerge writes
    # it): an empty site's template and catalogs still name their language and plural rule.
    return write_po(catalog, force_po=True)


PO = CatalogFormat("PO", read_po, _write_po_file)

CATALOG_FORMATS: dict[str, CatalogFormat] = {".po": PO, ".pot": PO}


def format_for(path: Path) -> CatalogFormat:
    """The format of the catalog file ``path``, by its suffix."""
    try:
        return CATALOG_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(CATALOG_FORMATS))
        raise CatalogError(
            "not a catalog file locpipe knows", path=path, hint=f"catalog files end in {known}"
        ) from None
