from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.header import new_header
from locpipe.commands._catalog_files import read_catalog, write_catalog
from locpipe.errors import CatalogError
from tests.commands.helpers import NOW


def _russian() -> Catalog:
    return Catalog(locale="ru", header=new_header("ru", project="site", version="1", now=NOW))


def test_a_catalog_written_is_read_back(tmp_path: Path) -> None:
    catalog = _russian()
    catalog.add(Message(msgid="Home", msgstr="Главная", locations=[("index.html", 3)]))
    path = tmp_path / "locales" / "ru.po"
    write_catalog(path, catalog)
    again = read_catalog(path)
    home = again.get("Home")
    assert home is not None
    assert (home.msgstr, home.locations) == ("Главная", [("index.html", 3)])


def test_a_catalog_with_no_entries_keeps_its_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.po"
    write_catalog(path, _russian())
    header = read_catalog(path).header
    assert header["Language"] == "ru"
    assert header["Plural-Forms"].startswith("nplurals=3;")
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_a_missing_catalog_names_its_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read") as caught:
        read_catalog(tmp_path / "missing.po")
    assert caught.value.path == tmp_path / "missing.po"
