from __future__ import annotations

import pytest

from locpipe.html.lines import LineIndex


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (b"a\nb\nc", 4, 3),
        (b"a\r\nb\r\nc", 6, 3),
        (b"a\rb\rc", 4, 3),
        (b"a\r\nb\nc\rd", 7, 4),
        (b"abc", 2, 1),
        (b"a\n", 2, 2),
    ],
)
def test_line_numbers(data: bytes, offset: int, line: int) -> None:
    assert LineIndex(data).line(offset) == line
