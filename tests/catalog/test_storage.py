from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.po import read_po
from locpipe.catalog.storage import PO, format_for
from locpipe.errors import CatalogError


@pytest.mark.parametrize("name", ["site.po", "site.pot", "SITE.PO"])
def test_po_files_are_po(name: str) -> None:
    assert format_for(Path(name)) is PO


def test_an_unknown_suffix_is_an_error_naming_the_file() -> None:
    with pytest.raises(CatalogError) as raised:
        format_for(Path("site.xlf"))
    assert raised.value.path == Path("site.xlf")
    assert ".po" in (raised.value.hint or "")


def test_po_files_keep_their_header_with_no_entries() -> None:
    header = {"Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    catalog = Catalog(locale="ru", header=header)
    written = PO.write(catalog)
    assert read_po(written, Path("x.po")).header["Language"] == "ru"


def test_po_round_trip() -> None:
    catalog = Catalog(locale=None, header={"Content-Type": "text/plain; charset=UTF-8"})
    catalog.add(Message(msgid="Hello", locations=[("index.html", 3)]))
    again = PO.read(PO.write(catalog), Path("x.pot"))
    assert again.get("Hello") is not None
