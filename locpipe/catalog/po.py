"""PO and POT files: ``read_po`` (bytes → Catalog) and ``write_po`` (Catalog → bytes).

The reader is in ``po_reader``, the writer in ``po_writer``; this module is the
format's one entry point, as Translate Toolkit's ``storage/po.py`` is.
"""

from __future__ import annotations

from locpipe.catalog.po_reader import nplurals_of, read_po
from locpipe.catalog.po_writer import write_po

__all__ = ["nplurals_of", "read_po", "write_po"]
