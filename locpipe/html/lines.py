"""Line numbers (from 1) of byte offsets in a page.

A line ends at LF, at CRLF, or at a lone CR (old Mac endings), the same rule
Python's ``str.splitlines`` applies to these three.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_LONE_CR = re.compile(rb"\r(?!\n)")


class LineIndex:
    """Line numbers (from 1) of byte offsets.

    Pages with LF or CRLF endings count LFs from the offset asked before (offsets
    come roughly in page order); pages with a lone CR use an index of line starts.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._starts: list[int] | None = None
        self._has_cr = b"\r" in data and _LONE_CR.search(data) is not None
        self._offset, self._line = 0, 1  # the last answer

    def line(self, offset: int) -> int:
        if self._has_cr:
            return bisect.bisect_right(self._line_starts(), offset)
        if offset >= self._offset:
            line = self._line + self._data.count(b"\n", self._offset, offset)
        else:
            line = self._line - self._data.count(b"\n", offset, self._offset)
        self._offset, self._line = offset, line
        return line

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self._data))]
        return self._starts
