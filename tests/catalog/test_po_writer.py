"""Writing what msgcat writes: lines never broken inside a format directive, the header
as it was read, nothing for a catalog that has only a header."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.po import read_po, write_po
from tests.catalog.gnu import msgcat

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}

# Directives of each parsed language; each is placed at every column around the page
# width, where a break inside it would be the natural one.
DIRECTIVES = {
    "c-format": ["%d%%", "%5.2f", "%1$s", "%-10lu", "%.*f", "%%"],
    "objc-format": ["%@", "%ld%%"],
    "python-format": ["%(count)d%%", "%5.2f", "%%"],
    "python-brace-format": ["{count}%", "{0:>10}", "{{literal}}"],
    "php-format": ["%1$s%%", "%'*10d", "%5.2f"],
    "qt-format": ["%L1", "%12", "%1%"],
    "kde-format": ["%1", "%123%"],
    "sh-format": ["$HOME", "${USER}", "$_x1"],
    "perl-brace-format": ["{name}", "{count}%"],
    "possible-c-format": ["%d%%"],
    "no-c-format": ["%d%%"],
}
CASES = [
    (flag, directive, column)
    for flag, directives in DIRECTIVES.items()
    for directive in directives
    for column in range(70, 80)
]


@pytest.mark.parametrize(("flag", "directive", "column"), CASES)
def test_no_line_breaks_inside_a_format_directive(
    flag: str, directive: str, column: int, tmp_path: Path
) -> None:
    text = "word " * (column // 5) + "x" * (column % 5) + directive + " of the total amount"
    catalog = Catalog(header=HEADER, messages={})
    message = Message("m", text, flags=[flag])
    catalog.messages[message.key] = message
    written = write_po(catalog)
    assert msgcat(written, tmp_path) == written
    assert read_po(written, Path("x.po")).messages[(None, "m")].msgstr == text


def test_the_issues_example_keeps_percent_percent_whole(tmp_path: Path) -> None:
    text = "Your discount is " + "a" * 53 + "%d%% of the total"
    catalog = Catalog(header=HEADER)
    message = Message("m", text, flags=["c-format"])
    catalog.messages[message.key] = message
    written = write_po(catalog).decode()
    assert '%d%"\n"%' not in written
    assert msgcat(written.encode(), tmp_path).decode() == written


def test_a_catalog_with_only_a_header_is_written_as_nothing(tmp_path: Path) -> None:
    catalog = Catalog(header=HEADER, header_comments=["Russian."])
    header_only = write_po(catalog, force_po=True)
    assert header_only.startswith(b"# Russian.\nmsgid")
    assert write_po(catalog) == b"" == msgcat(header_only, tmp_path)
    assert msgcat(header_only, tmp_path, "--force-po") == header_only


def test_the_header_keeps_its_lines_where_its_fields_keep_their_values() -> None:
    data = (
        b'msgid ""\nmsgstr ""\n"Project-Id-Version:  site\\n"\n"#-#-#-#-#  a.po  #-#-#-#-#\\n"\n'
        b'"PO-Revision-Date: 2024-01-01 10:00+0000\\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    )
    catalog = read_po(data, Path("x.po"))
    catalog.header["PO-Revision-Date"] = "2024-05-05 12:00+0000"
    catalog.header["Language"] = "ru"
    written = write_po(catalog).decode()
    assert (
        '"Project-Id-Version:  site\\n"\n"#-#-#-#-#  a.po  #-#-#-#-#\\n"\n'
        '"PO-Revision-Date: 2024-05-05 12:00+0000\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n'
    ) in written
