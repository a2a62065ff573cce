"""Reading what GNU gettext reads: each class of file that ``msgfmt -c`` accepts is
read, and writing it back gives what ``msgcat --to-code=UTF-8`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.catalog.po import read_po, write_po
from locpipe.errors import CatalogError
from tests.catalog.gnu import msgcat, msgfmt_check

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
BE_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
BE_HEADER = (
    'msgid ""\nmsgstr ""\n"Language: be\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    f'"Plural-Forms: {BE_PLURALS}\\n"\n'
)


def utf8(body: str) -> bytes:
    return (HEADER.format(charset="UTF-8") + body).encode()


def legacy(charset: str, body: str) -> bytes:
    return (HEADER.format(charset=charset) + body).encode(charset)


# Files gettext accepts, one per class the issue names; each must be read and written
# back as msgcat writes it (in UTF-8).
ACCEPTED = {
    "octal escapes are bytes of UTF-8": utf8('\nmsgid "caf\\303\\251"\nmsgstr "\\342\\200\\224"\n'),
    "hex escapes are bytes of UTF-8": utf8('\nmsgid "caf\\xc3\\xa9"\nmsgstr "x\\x41"\n'),
    "a character's bytes split over two lines": utf8('\nmsgid ""\n"\\303"\n"\\251"\nmsgstr ""\n'),
    "escaped bytes of cp1251": legacy("CP1251", '\nmsgid "a"\nmsgstr "\\xcf\\xf0\\xe8"\n'),
    "escaped bytes of GB18030": legacy("GB18030", '\nmsgid "a"\nmsgstr "\\xce\\xc4\\xbc\\xfe"\n'),
    "GB18030 text with a backslash as a trail byte": legacy(
        "GB18030", '\nmsgid "file"\nmsgstr "文件表€"\n'
    ),
    "Shift_JIS text whose trail bytes are backslashes": legacy(
        "SHIFT_JIS", '\nmsgid "table"\nmsgstr "表示ソフト"\n'
    ),
    "a long comment before the header of a legacy file": ("# " + "x" * 100 + "\n").encode() * 100
    + legacy("KOI8-R", '\nmsgid "a"\nmsgstr "Привет"\n'),
    "untranslated plural entry with fewer forms than nplurals": (
        BE_HEADER + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    ).encode(),
    "fuzzy plural entry with fewer forms than nplurals": (
        BE_HEADER
        + '\n#, fuzzy\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "файл"\nmsgstr[1] "файлы"\n'
    ).encode(),
    "msgcat's conflict markers in the header": (
        b'msgid ""\nmsgstr ""\n"#-#-#-#-#  a.po (site 1.0)  #-#-#-#-#\\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n'
        b'"#-#-#-#-#  b.po (site 1.1)  #-#-#-#-#\\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    ),
    "header values spaced by hand": (
        b'msgid ""\nmsgstr ""\n"Project-Id-Version:  site  1.0 \\n"\n"Language:ru\\n"\n'
        b'"X-Note: a\\rb\\r\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        b'"X-Last: no newline"\n\nmsgid "a"\nmsgstr "b"\n'
    ),
    "keywords and strings sharing a line": utf8(
        '\nmsgid "a" msgstr "b"\n\nmsgid "c"\nmsgstr "d" "e"\n\n'
        'msgid "f" "g"\nmsgstr ""\n"h" "i"\n\n#~ msgid "j" msgstr "k"\n'
    ),
    "a backslash at the end of a line joins it with the next": utf8(
        '\n#. an extracted \\\n#. comment\nmsgid "lo\\\nng"\nmsgstr "a"\n'
    ),
    "indented lines": utf8('\n  # note\n\t#. auto\n  msgid "a"\n    msgstr "b"\n'),
    "a lone CR inside lines": utf8('\n# a\rnote\nmsgid "x\ry"\nmsgstr "z\r"\n'),
    "header with #. and #: lines": (
        "# Translators' note\n#. generated\n#: site.pot:1\n#, fuzzy\n"
        + HEADER.format(charset="UTF-8")
        + '\nmsgid "a"\nmsgstr "b"\n'
    ).encode(),
}


@pytest.mark.parametrize("data", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_msgfmt_accepts_is_read_and_written_as_msgcat_writes_it(
    data: bytes, tmp_path: Path
) -> None:
    assert msgfmt_check(data, tmp_path).returncode == 0
    written = write_po(read_po(data, Path("x.po")))
    assert written == msgcat(data, tmp_path, "--to-code=UTF-8")


def test_escaped_bytes_are_decoded_in_the_files_charset() -> None:
    catalog = read_po(ACCEPTED["octal escapes are bytes of UTF-8"], Path("x.po"))
    assert catalog.messages[(None, "café")].msgstr == "—"
    cp1251 = read_po(ACCEPTED["escaped bytes of cp1251"], Path("x.po"))
    assert cp1251.messages[(None, "a")].msgstr == "При"
    split = read_po(ACCEPTED["a character's bytes split over two lines"], Path("x.po"))
    assert (None, "é") in split.messages


def test_escaped_bytes_that_are_no_character_are_an_error_with_the_line() -> None:
    with pytest.raises(CatalogError) as caught:
        read_po(utf8('\nmsgid "a"\nmsgstr ""\n"ok"\n"\\303"\n'), Path("x.po"))
    assert caught.value.line == 6
    assert "not valid utf-8" in str(caught.value)


def test_header_lines_that_are_no_field_are_kept_and_fields_read() -> None:
    catalog = read_po(ACCEPTED["msgcat's conflict markers in the header"], Path("x.po"))
    assert catalog.header == {"Content-Type": "text/plain; charset=UTF-8"}
    spaced = read_po(ACCEPTED["header values spaced by hand"], Path("x.po"))
    assert spaced.header["Project-Id-Version"] == "site  1.0"
    assert spaced.locale == "ru"


def test_an_empty_file_is_an_empty_catalog() -> None:
    catalog = read_po(b"", Path("x.po"))
    assert (catalog.header, len(catalog)) == ({}, 0)


# Files locpipe refuses on purpose (the README lists them), and files gettext refuses.
REFUSED = {
    "a translated plural entry with fewer forms (msgfmt -c refuses it too)": (
        BE_HEADER + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "файл"\nmsgstr[1] ""\n',
        "2 plural forms but Plural-Forms says nplurals=3",
    ),
    "plural translations without Plural-Forms (deliberate)": (
        HEADER.format(charset="UTF-8")
        + '\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "a"\nmsgstr[1] "b"\n',
        "which form is for which number is unknown",
    ),
    "a header without a charset (deliberate)": (
        'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "a"\nmsgstr "б"\n',
        "does not guess how the file is encoded",
    ),
    "a charset Python has no codec for (deliberate)": (
        HEADER.format(charset="EUC-TW") + '\nmsgid "a"\nmsgstr "b"\n',
        "msgconv --to-code=UTF-8",
    ),
    "text after a closing quote that is no string or keyword": (
        HEADER.format(charset="UTF-8") + '\nmsgid "a" b\nmsgstr ""\n',
        "text after the closing quote",
    ),
}


@pytest.mark.parametrize(("text", "fragment"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_files_say_why(text: str, fragment: str) -> None:
    with pytest.raises(CatalogError) as caught:
        read_po(text.encode(), Path("x.po"))
    assert fragment in str(caught.value)
    assert caught.value.line is not None
    assert caught.value.hint
