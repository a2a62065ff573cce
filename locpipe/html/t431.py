"""T431 tables: rows of ``;``-separated cells in hidden divs, each cell's HTML written as entities.

A T431 block keeps its table as text of two hidden divs, ``t431__data-part1``
(the header) and ``t431__data-part2`` (the body)::

    <div class="t431__data-part2" style="display: none">&lt;b&gt;Apples&lt;/b&gt;;10 €
    Pears;12 € link=https://example.com/pears</div>

Tilda's script (``t431_parseData``) reads the div's HTML: a line break starts a
row, a ``;`` starts a cell unless it ends a character reference, and
`` link=URL`` or `` button=URL`` at the end of a cell makes it a link or a
button to URL. What the cell shows is the HTML its text spells once the
references are decoded (``&lt;b&gt;`` is ``<b>``). So each cell's text (its
link aside) is one segment whose inline markup is that decoded HTML; a build
writes the translation back in the same form: HTML, escaped again as text.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass

from locpipe.html.tilda_rules import TABLE_PARTS

_ROW_BREAK = re.compile(rb"\r\n|\r|\n")
_REFERENCE = re.compile(rb"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
_LINK = re.compile(rb" ?(?:link|button)=")
_TEXT_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")


@dataclass(frozen=True)
class Cell:
    """One cell's HTML (its link aside), as UTF-8, and the page offset of each of its bytes.

    ``offsets`` has one more entry than ``html``: the offset just past the cell's text.
    Rows and columns count from 1.
    """

    row: int
    column: int
    html: bytes
    offsets: list[int]
    link: bytes = b""  # " link=URL" or " button=URL" as the cell ends, never translated


def table_part(classes: list[str]) -> str | None:
    """ "table header" or "table body" for the classes of a T431 data div, else None."""
    return next((TABLE_PARTS[name] for name in classes if name in TABLE_PARTS), None)


def cells(page: bytes, start: int, end: int, encoding: str) -> list[Cell]:
    """Every cell of the table data in ``page[start:end]``.

    As Tilda reads it: rows and cells are cut in the HTML the text spells, where a
    ``;`` that ends a character reference (``&amp;``, ``&nbsp;``) is no cell break.
    """
    html, offsets = decoded(page, start, end, encoding)
    found: list[Cell] = []
    row_start = 0
    breaks = [(match.start(), match.end()) for match in _ROW_BREAK.finditer(html)]
    for row, (row_end, next_start) in enumerate([*breaks, (len(html), len(html))], start=1):
        found.extend(_row_cells(html, offsets, row_start, row_end, row))
        row_start = next_start
    return found


def _row_cells(html: bytes, offsets: list[int], start: int, end: int, row: int) -> list[Cell]:
    reference_ends = {match.end() - 1 for match in _REFERENCE.finditer(html, start, end)}
    separators = [
        position
        for position in range(start, end)
        if html[position] == 0x3B and position not in reference_ends  # ";"
    ]
    found = []
    cell_start = start
    for column, cell_end in enumerate([*separators, end], start=1):
        link = _LINK.search(html, cell_start, cell_end)
        text_end = link.start() if link else cell_end
        found.append(
            Cell(
                row,
                column,
                html[cell_start:text_end],
                [*offsets[cell_start:text_end], offsets[text_end]],
                html[text_end:cell_end],
            )
        )
        cell_start = cell_end + 1
    return found


def decoded(page: bytes, start: int, end: int, encoding: str) -> tuple[bytes, list[int]]:
    """The HTML the text ``page[start:end]`` spells (references decoded once), as UTF-8,
    and the page offset of each of its bytes; the list has one more entry: ``end``."""
    text = page[start:end].decode(encoding)
    value = bytearray()
    offsets: list[int] = []
    position = start
    index = 0
    for match in [*_TEXT_REFERENCE.finditer(text), None]:
        literal_end = match.start() if match else len(text)
        for char in text[index:literal_end]:
            encoded = char.encode("utf-8")
            value += encoded
            offsets.extend([position] * len(encoded))
            position += len(char.encode(encoding))
        if match is None:
            break
        reference = html_module.unescape(match.group()).encode("utf-8")
        value += reference
        offsets.extend([position] * len(reference))
        position += len(match.group().encode(encoding))
        index = match.end()
    offsets.append(end)
    return bytes(value), offsets
