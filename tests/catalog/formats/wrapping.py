"""A catalog whose one format directive falls at every column around the page width,
for comparing locpipe's writer with msgcat, which never breaks a line inside one."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.formats import PARSERS, Parsed
from locpipe.catalog.po import write_po
from tests.catalog.gnu import msgcat

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
# Text after the directive: a space (a break), a hyphen and a space, none.
TAILS = (" of the total amount", "-x y", "")


def around_the_width(flag: str, text: str) -> bytes:
    """``write_po`` of entries with ``text`` starting at each column from 64 to 80."""
    catalog = Catalog(header=HEADER)
    for column in range(64, 81):
        for number, tail in enumerate(TAILS):
            prefix = "word " * (column // 5) + "x" * (column % 5)
            message = Message(f"{column}.{number}", prefix + text + tail, flags=[flag])
            catalog.messages[message.key] = message
    return write_po(catalog)


def written_as_msgcat(flag: str, text: str, tmp_path: Path) -> bool:
    written = around_the_width(flag, text)
    return msgcat(written, tmp_path) == written


def written_as_msgcat_without_its_parser(
    flag: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> bool:
    """``written_as_msgcat`` with the writer blind to ``flag``'s directives: a test that
    it is False shows that the language's parser is what keeps them whole."""
    monkeypatch.setitem(PARSERS, flag.removesuffix("-format"), lambda _text: Parsed((), True))
    return written_as_msgcat(flag, text, tmp_path)
