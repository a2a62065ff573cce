"""Reading and writing PO and POT files.

The reader is a small strict parser written by hand rather than polib: polib
accepts duplicate entries, unknown escape sequences and stray text, and its
errors do not say on which line a translator broke the file. Every problem
here raises ``CatalogError`` with the line (counted from 1) and what to do.

The writer reproduces GNU gettext's ``write-po.c`` layout, so that ``msgcat``
and ``msgmerge`` rewrite locpipe's files without a single byte of difference:
strings wrapped by ``linebreak`` like gettext's ``wrap``, references joined up
to the page width, flags and comments in gettext's order.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from locpipe.catalog.catalog import Catalog, Message, MessageKey
from locpipe.catalog.linebreak import LineBreaker
from locpipe.errors import CatalogError

# ----------------------------------------------------------------- reading

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"]|$)")
# The commonest keyword line, read in one step: a plain string with no escape.
_PLAIN_FIELD_RE = re.compile(r'(msgctxt|msgid|msgstr) "([^"\\]*)"')
# A run of string characters that need no decoding.
_PLAIN_RUN_RE = re.compile(r'[^"\\]*')
_OCTAL_RE = re.compile(r"[0-7]{1,3}")
_HEX_RE = re.compile(r"x([0-9A-Fa-f]{1,2})")
_REFERENCE_RE = re.compile(r"\u2068([^\u2069]*)\u2069(:\d+)?|(\S+)")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
}
# A well-formed entry in the layout gettext writes, read in one step: comments in
# gettext's order, then msgctxt (optional), msgid and msgstr, each string on its
# keyword's line and any number of '"..."' lines, then empty lines or the end.
# Anything else (plurals, previous or obsolete fields, other spacing) does not match,
# strings with a stray quote or a bad escape are refused after the match (see
# _block_string), and files with a CR are not tried: all that is read line by line,
# so results and errors stay the same.
_ENTRY_RE = re.compile(
    r"""
    (?P<head>                                       # the lines above msgid:
      (?P<user>(?:\#(?:[^.:,~|\n][^\n]*)?\n)*)      # "# text" and "#": translator comments
      (?P<auto>(?:\#\.[^\n]*\n)*)                   # "#. text": extracted comments
      (?P<refs>(?:\#:[^\n]*\n)*)                    # "#: path:line ...": references
      (?P<flags>(?:\#,[^\n]*\n)*)                   # "#, flag, ...": flags
      (?:msgctxt\ "(?P<msgctxt_first>[^\n]*)"\n(?P<msgctxt_more>(?:"[^\n]*"\n)*))?
    )
    (?P<msgid>msgid\ "(?P<msgid_first>[^\n]*)"\n(?P<msgid_more>(?:"[^\n]*"\n)*))
    msgstr\ "(?P<msgstr_first>[^\n]*)"\n(?P<msgstr_more>(?:"[^\n]*"\n)*)
    (?:\n+|\Z)                                      # empty lines, or the end of the text
    """,
    re.VERBOSE,
)
_BLOCK_GROUPS = (
    *("head", "user", "auto", "refs", "flags", "msgid", "msgctxt_first", "msgctxt_more"),
    *("msgid_first", "msgid_more", "msgstr_first", "msgstr_more"),
)
# A string's contents as parse_string accepts them (valid escapes, quotes escaped).
_VALID_STRING_RE = re.compile(r"""[^"\\]*(?:\\(?:[ntrabfv\\"'?]|[0-7]|x[0-9A-Fa-f])[^"\\]*)*""")
_ESCAPE_RE = re.compile(r"""\\(?:([ntrabfv\\"'?])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2}))""")
_NPLURALS_RE = re.compile(r"\bnplurals\s*=\s*(\d+)")
_PLURAL_RE = re.compile(r"\bplural\s*=")
_CHARSET_RE = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_CHARSET_IN_BYTES_RE = re.compile(rb"charset\s*=\s*([-\w.:]+)", re.IGNORECASE)


@dataclass(slots=True)
class _Field:
    """A keyword and its strings as they are being read."""

    keyword: str  # msgctxt, msgid, msgid_plural, msgstr, msgstr[n]
    line: int
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(slots=True)
class _Entry:
    """One entry being read: its comments, previous fields and fields."""

    obsolete: bool | None = None  # None until the first keyword says
    user_comments: list[str] = field(default_factory=list)
    auto_comments: list[str] = field(default_factory=list)
    locations: list[tuple[str, int]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: list[_Field] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)
    msgstr_seen: bool = False  # kept by _Parser.add_field: asked on every line

    def has_msgstr(self) -> bool:
        return self.msgstr_seen

    def field(self, keyword: str) -> _Field | None:
        return next((f for f in self.fields if f.keyword == keyword), None)


class _ReadEntry(NamedTuple):
    """A finished entry: its message, and the line of its msgstr for header errors."""

    message: Message
    msgstr_line: int | None


class _Parser:
    """Line-by-line reader of PO syntax into ``_Entry`` values."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.has_cr = "\r" in text
        self.path = path
        self.entries: list[_ReadEntry] = []
        self.entry: _Entry | None = None
        self.line_no = 0

    def error(self, message: str, hint: str | None = None, line: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line or self.line_no, hint=hint)

    def parse(self) -> list[_ReadEntry]:
        text = self.text
        position = 0
        self.line_no = 1
        while position <= len(text):
            if self.entry is None and not self.has_cr:
                position = self.read_blocks(position)
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            line = text[position:end]
            self.parse_line(line[:-1] if self.has_cr and line.endswith("\r") else line)
            self.line_no += 1
            position = end + 1
        self.finish_entry()
        return self.entries

    def read_blocks(self, position: int) -> int:
        """Read the entries from ``position`` on that match ``_ENTRY_RE``, each in one step
        (a few times faster than line by line); where the first other line starts."""
        text, entries, line_no = self.text, self.entries, self.line_no
        while (block := _ENTRY_RE.match(text, position)) and (
            entry := _block_entry(block, line_no)
        ):
            entries.append(entry)
            end = block.end()
            line_no += text.count("\n", position, end)
            position = end
        self.line_no = line_no
        return position

    def current(self) -> _Entry:
        if self.entry is None:
            self.entry = _Entry()
        return self.entry

    def finish_entry(self) -> None:
        entry = self.entry
        if entry is None:
            return
        if entry.fields and not entry.has_msgstr():
            msgid = entry.field("msgid")
            where = msgid.line if msgid else entry.fields[0].line
            raise self.error(
                f"the entry whose msgid is on line {where} has no msgstr",
                hint='add a msgstr line, e.g. msgstr ""',
                line=where,
            )
        if entry.fields:
            msgstr = entry.field("msgstr")
            message = _to_message(entry)
            self.entries.append(_ReadEntry(message, msgstr.line if msgstr else message.line))
        elif entry.previous:
            raise self.error(
                "'#|' previous-msgid lines are not followed by an entry",
                hint="remove them or add the entry's msgid and msgstr",
                line=entry.previous[0].line,
            )
        self.entry = None

    def parse_line(self, line: str) -> None:
        if line.startswith('"'):  # the commonest line: more of the string above
            self.continue_field(line.strip(), obsolete=False, previous=False)
            return
        if line.startswith("msg"):
            plain = _PLAIN_FIELD_RE.fullmatch(line.rstrip())
            if plain is not None:
                self.add_field(plain.group(1), plain.group(2), obsolete=False)
                return
        if line.startswith("#") and not line.startswith(("#~", "#|")):
            self.parse_comment(line)
            return
        stripped = line.strip()
        if not stripped:
            if self.entry is not None and self.entry.has_msgstr():
                self.finish_entry()
            return
        if line.startswith("#~"):
            rest = line[2:]
            if rest.startswith("|"):
                self.parse_keyword_line(rest[1:].strip(), obsolete=True, previous=True)
            elif rest.strip().startswith("#"):
                self.parse_comment(rest.strip())
            elif rest.strip():
                self.parse_keyword_line(rest.strip(), obsolete=True, previous=False)
            return
        if line.startswith("#|"):
            self.parse_keyword_line(line[2:].strip(), obsolete=False, previous=True)
            return
        if line.startswith("#"):
            self.parse_comment(line)
            return
        self.parse_keyword_line(stripped, obsolete=False, previous=False)

    def parse_comment(self, line: str) -> None:
        if self.entry is not None and self.entry.has_msgstr():
            self.finish_entry()
        entry = self.current()
        if entry.fields:
            raise self.error(
                "a comment interrupts an entry before its msgstr",
                hint="move the comment above the entry's msgid",
            )
        kind, text = line[1:2], line[2:]
        if kind == ",":
            entry.flags.extend(flag.strip() for flag in text.split(",") if flag.strip())
        elif kind == ".":
            entry.auto_comments.append(_drop_space(text))
        elif kind == ":":
            entry.locations.extend(_parse_references(text))
        else:
            entry.user_comments.append(_drop_space(line[1:]))

    def parse_keyword_line(self, text: str, *, obsolete: bool, previous: bool) -> None:
        if text.startswith('"'):
            self.continue_field(text, obsolete=obsolete, previous=previous)
            return
        match = _KEYWORD_RE.match(text)
        if match is None:
            word = text.split()[0] if text.split() else text
            raise self.error(
                f"unknown keyword '{word[:40]}'",
                hint="PO lines start with msgctxt, msgid, msgid_plural, msgstr, '\"' or '#'",
            )
        keyword = match.group(1)
        value = self.parse_string(text[match.end() :].strip(), keyword)
        if previous:
            self.add_previous(keyword, value, obsolete=obsolete)
        else:
            self.add_field(keyword, value, obsolete=obsolete)

    def continue_field(self, text: str, *, obsolete: bool, previous: bool) -> None:
        entry = self.entry
        target = None
        if entry is not None:
            fields = entry.previous if previous else entry.fields
            target = fields[-1] if fields else None
        if target is None or entry is None or (not previous and entry.obsolete != obsolete):
            raise self.error(
                "a string line belongs to no keyword",
                hint="start the entry with msgid, or join this line to the string above",
            )
        target.parts.append(self.parse_string(text, target.keyword))

    def add_previous(self, keyword: str, value: str, *, obsolete: bool) -> None:
        if self.entry is not None and self.entry.has_msgstr():
            self.finish_entry()
        entry = self.current()
        if keyword not in ("msgctxt", "msgid", "msgid_plural") or entry.fields:
            raise self.error(
                f"'{keyword}' cannot appear in a '#|' previous-msgid line here",
                hint="'#|' lines hold the previous msgctxt, msgid or msgid_plural, before msgid",
            )
        entry.previous.append(_Field(keyword, self.line_no, [value]))

    def add_field(self, keyword: str, value: str, *, obsolete: bool) -> None:
        entry = self.entry
        if keyword in ("msgctxt", "msgid") and entry is not None and entry.has_msgstr():
            self.finish_entry()
            entry = None
        if keyword in ("msgctxt", "msgid") and entry is not None and entry.fields:
            seen = entry.fields[-1]
            if not (keyword == "msgid" and seen.keyword == "msgctxt"):
                raise self.error(
                    f"'{keyword}' follows the {seen.keyword} on line {seen.line} "
                    "but that entry has no msgstr",
                    hint='add msgstr "" to the entry above, or remove one of the lines',
                )
        entry = self.current()
        if keyword.startswith("msgstr"):
            entry.msgstr_seen = True
        if entry.obsolete is None:
            entry.obsolete = obsolete
        elif entry.obsolete != obsolete:
            raise self.error(
                "an entry mixes obsolete '#~' lines and active lines",
                hint="prefix every line of an obsolete entry with '#~', or none of them",
            )
        self.check_order(entry, keyword)
        entry.fields.append(_Field(keyword, self.line_no, [value]))

    def check_order(self, entry: _Entry, keyword: str) -> None:
        if keyword in ("msgid", "msgctxt"):
            return  # add_field has checked what may come before these
        if keyword == "msgstr" and len(entry.fields) == 1 and entry.fields[0].keyword == "msgid":
            return  # the commonest entry: msgid, then msgstr
        seen = [f.keyword for f in entry.fields]
        if keyword.startswith("msgstr") and "msgid" not in seen:
            raise self.error("msgstr without msgid", hint="add the msgid line above this msgstr")
        if keyword == "msgid_plural" and (seen[-1:] != ["msgid"]):
            raise self.error(
                "msgid_plural must directly follow msgid", hint="move it below the msgid line"
            )
        if keyword == "msgstr" and ("msgid_plural" in seen or "msgstr" in seen):
            raise self.error(
                "plain msgstr in an entry that has msgid_plural or a msgstr already",
                hint="plural entries use msgstr[0], msgstr[1], ...",
            )
        if keyword.startswith("msgstr["):
            if "msgid_plural" not in seen:
                raise self.error(
                    f"{keyword} without msgid_plural",
                    hint="use a plain msgstr, or add the msgid_plural line",
                )
            expected = sum(1 for k in seen if k.startswith("msgstr["))
            if keyword != f"msgstr[{expected}]":
                raise self.error(
                    f"{keyword} where msgstr[{expected}] was expected",
                    hint="number the plural forms 0, 1, 2, ... in order",
                )

    def parse_string(self, text: str, keyword: str) -> str:
        if not text.startswith('"'):
            raise self.error(
                f"{keyword} must be followed by a string in double quotes",
                hint=f'write it as {keyword} "..."',
            )
        end = text.find('"', 1)
        if end == len(text) - 1 and "\\" not in text:
            return text[1:end]  # no escape and nothing after the closing quote
        chars: list[str] = []
        index = 1
        while index < len(text):
            run = _PLAIN_RUN_RE.match(text, index)
            if run is not None and run.end() > index:
                chars.append(run.group())
                index = run.end()
                continue
            char = text[index]
            if char == '"':
                trailing = text[index + 1 :].strip()
                if trailing:
                    raise self.error(
                        f"text after the closing quote: {trailing[:30]!r}",
                        hint='write a quote inside a string as \\" and put nothing after it',
                    )
                return "".join(chars)
            if char == "\\":
                decoded, index = self.parse_escape(text, index)
                chars.append(decoded)
                continue
            chars.append(char)
            index += 1
        raise self.error(
            "unterminated string",
            hint=f'close the string with a " on line {self.line_no}',
        )

    def parse_escape(self, text: str, index: int) -> tuple[str, int]:
        """Decode the escape sequence at text[index] (a backslash)."""
        nxt = text[index + 1 : index + 2]
        if nxt in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[nxt], index + 2
        octal = _OCTAL_RE.match(text, index + 1)
        if octal:
            return chr(int(octal.group(), 8)), octal.end()
        hexa = _HEX_RE.match(text, index + 1)
        if hexa:
            return chr(int(hexa.group(1), 16)), hexa.end()
        shown = "\\" + nxt if nxt else "a backslash at the end of the line"
        raise self.error(
            f"invalid escape sequence {shown!s}",
            hint='write a backslash as \\\\; valid escapes are \\n \\t \\" \\\\',
        )


def _block_entry(block: re.Match[str], first_line: int) -> _ReadEntry | None:
    """The entry matched by ``_ENTRY_RE`` from ``first_line``, None when one of its
    strings is for the line parser to read (and report)."""
    head, user_comments, auto_comments, references, flags, msgid_lines, *strings = block.group(
        *_BLOCK_GROUPS
    )
    msgctxt_first, msgctxt_more, msgid_first, msgid_more, msgstr_first, msgstr_more = strings
    msgid = _block_string(msgid_first, msgid_more)
    msgstr = _block_string(msgstr_first, msgstr_more)
    msgctxt = None if msgctxt_first is None else _block_string(msgctxt_first, msgctxt_more)
    if msgid is None or msgstr is None or (msgctxt is None and msgctxt_first is not None):
        return None
    msgid_line = first_line + head.count("\n")
    message = Message(
        msgid=msgid,
        msgstr=msgstr,
        msgctxt=msgctxt,
        locations=_block_locations(references) if references else [],
        auto_comments=_block_comments(auto_comments, "#.") if auto_comments else [],
        user_comments=_block_comments(user_comments, "#") if user_comments else [],
        flags=_block_flags(flags) if flags else [],
        line=msgid_line,
    )
    return _ReadEntry(message, msgid_line + msgid_lines.count("\n"))


def _block_string(first: str, more: str) -> str | None:
    """The decoded string of a keyword's line and of the '"..."' lines after it,
    None if a part has a stray quote or a bad escape."""
    if not more and '"' not in first and "\\" not in first:
        return first
    parts = [first, *more[1:-2].split('"\n"')] if more else [first]
    text = "".join(parts)
    if '"' not in text and "\\" not in text:
        return text
    if not all(_VALID_STRING_RE.fullmatch(part) for part in parts):
        return None
    # Decoded part by part: "\1" then "23" on the next line is not "\123".
    return "".join(_ESCAPE_RE.sub(_unescape, part) for part in parts)


def _block_comments(lines: str, marker: str) -> list[str]:
    """The texts of comment lines that all start with ``marker``, as _drop_space leaves them."""
    texts = lines[len(marker) : -1].split("\n" + marker)
    return [text[1:] if text.startswith(" ") else text for text in texts]


def _block_locations(lines: str) -> list[tuple[str, int]]:
    """The references of "#:" lines, each once."""
    if "\u2068" in lines:  # a path with spaces: read line by line
        texts = lines[:-1].split("\n")
        return list(dict.fromkeys(ref for text in texts for ref in _parse_references(text[2:])))
    # Without such paths every word is one reference, wherever the lines break.
    return list(dict.fromkeys(_parse_references(lines[2:-1].replace("\n#:", "\n"))))


def _block_flags(lines: str) -> list[str]:
    """The flags of "#," lines, each once."""
    words = lines[2:-1].replace("\n#,", ",").split(",")
    return list(dict.fromkeys(word.strip() for word in words if word.strip()))


def _unescape(escape: re.Match[str]) -> str:
    simple, octal, hexa = escape.groups()
    if simple is not None:
        return _SIMPLE_ESCAPES[simple]
    return chr(int(octal, 8)) if octal is not None else chr(int(hexa, 16))


def _drop_space(text: str) -> str:
    """gettext drops one space after a comment's marker and keeps the rest."""
    return text[1:] if text.startswith(" ") else text


def _parse_references(text: str) -> Iterator[tuple[str, int]]:
    """``path:line`` references; gettext 0.22 wraps paths with spaces in U+2068/U+2069."""
    if "\u2068" not in text:  # no path with spaces: each word is one reference
        for word in text.split():
            path, _, suffix = word.rpartition(":")
            if not path or not suffix.isdecimal():
                path, suffix = word, ""
            yield path, int(suffix) if suffix else 0
        return
    for match in _REFERENCE_RE.finditer(text):
        if match.group(3) is None:
            path, suffix = match.group(1), (match.group(2) or "")[1:]
        else:
            path, _, suffix = match.group(3).rpartition(":")
            if not path or not suffix.isdecimal():
                path, suffix = match.group(3), ""
        yield path, int(suffix) if suffix else 0


def read_po(data: bytes, path: Path) -> Catalog:
    """Parse PO or POT bytes into a ``Catalog``; raise ``CatalogError`` on any problem."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = _decode(data, path)
    entries = _Parser(text, path).parse()
    catalog = _build_catalog(entries, path)
    _check_plurals(catalog, path)
    return catalog


def _decode(data: bytes, path: Path) -> str:
    """Decode with the charset the header declares (UTF-8 unless it says otherwise)."""
    charset = _declared_charset(data)
    if charset is None or _is_utf8(charset) or charset.upper() in ("CHARSET", "ASCII", "US-ASCII"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise CatalogError(
                "invalid UTF-8",
                path=path,
                line=line,
                hint="save the file as UTF-8 (the header declares charset=UTF-8)",
            ) from exc
    try:
        return data.decode(charset)
    except LookupError as exc:
        raise CatalogError(
            f"unknown charset {charset!r} in the header",
            path=path,
            line=_line_of(data, b"charset"),
            hint="declare charset=UTF-8 and save the file as UTF-8",
        ) from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"the text is not valid {charset}",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="save the file in the charset its header declares, preferably UTF-8",
        ) from exc


def _declared_charset(data: bytes) -> str | None:
    """The charset of the header's Content-Type, found before decoding anything."""
    match = _CHARSET_IN_BYTES_RE.search(data, 0, 8192)
    if match is None:
        return None
    return match.group(1).decode("ascii", errors="replace")


def _is_utf8(charset: str) -> bool:
    return charset.replace("-", "").replace("_", "").upper() == "UTF8"


def _line_of(data: bytes, needle: bytes) -> int | None:
    position = data.find(needle)
    return data.count(b"\n", 0, position) + 1 if position >= 0 else None


def _build_catalog(entries: list[_ReadEntry], path: Path) -> Catalog:
    catalog = Catalog()
    seen: dict[MessageKey, int | None] = {}
    header_found = False
    for message, msgstr_line in entries:
        key, line = message.key, message.line
        if key in seen:
            raise CatalogError(
                f"duplicate entry: the same msgid is on line {seen[key]}",
                path=path,
                line=line,
                hint="keep one of the two entries (and its translation) and delete the other",
            )
        seen[key] = line
        if key == (None, "") and not message.obsolete:
            header_found = True
            _read_header(catalog, message, msgstr_line, path)
        elif message.obsolete:
            catalog.obsolete[key] = message
        else:
            catalog.messages[key] = message
    if not header_found:
        raise CatalogError(
            'no header entry (msgid "" with Content-Type and Language)',
            path=path,
            line=1,
            hint='start the file with msgid "" and a msgstr holding the header fields',
        )
    return catalog


def _to_message(entry: _Entry) -> Message:
    fields = {f.keyword: f for f in entry.fields}
    previous = {f.keyword: f.text for f in entry.previous} if entry.previous else {}
    plural = fields.get("msgid_plural")
    msgid_field = fields["msgid"]
    msgctxt = fields.get("msgctxt")
    return Message(
        msgid=msgid_field.text,
        msgstr=fields["msgstr"].text if "msgstr" in fields else "",
        msgctxt=msgctxt.text if msgctxt else None,
        msgid_plural=plural.text if plural else None,
        msgstr_plural=_plural_forms(fields) if plural is not None else {},
        locations=list(dict.fromkeys(entry.locations)),
        auto_comments=entry.auto_comments,
        user_comments=entry.user_comments,
        flags=list(dict.fromkeys(entry.flags)),
        previous_msgid=previous.get("msgid"),
        previous_msgctxt=previous.get("msgctxt"),
        previous_msgid_plural=previous.get("msgid_plural"),
        obsolete=bool(entry.obsolete),
        line=msgid_field.line,
    )


def _plural_forms(fields: dict[str, _Field]) -> dict[int, str]:
    return {int(k[7:-1]): f.text for k, f in fields.items() if k.startswith("msgstr[")}


def _read_header(catalog: Catalog, message: Message, line: int | None, path: Path) -> None:
    for header_line in message.msgstr.split("\n"):
        if not header_line.strip():
            continue
        key, colon, value = header_line.partition(":")
        if not colon or not key.strip() or " " in key.strip():
            raise CatalogError(
                f"header line {header_line[:40]!r} is not 'Name: value'",
                path=path,
                line=line,
                hint='each header line reads "Name: value\\n"',
            )
        catalog.header[key.strip()] = value.strip()
    catalog.header_comments = message.user_comments
    catalog.header_flags = message.flags
    content_type = catalog.header.get("Content-Type", "")
    charset = _CHARSET_RE.search(content_type)
    if charset is None:
        raise CatalogError(
            "the header has no Content-Type with a charset",
            path=path,
            line=line,
            hint='add the header line "Content-Type: text/plain; charset=UTF-8\\n"',
        )
    if not _is_utf8(charset.group(1)):
        # The text is decoded now; locpipe writes UTF-8 only, so say so.
        catalog.header["Content-Type"] = "text/plain; charset=UTF-8"
    catalog.locale = catalog.header.get("Language") or None
    plural_forms = catalog.header.get("Plural-Forms")
    if (
        plural_forms is not None
        and "INTEGER" not in plural_forms  # xgettext's placeholder in a template
        and (not _NPLURALS_RE.search(plural_forms) or not _PLURAL_RE.search(plural_forms))
    ):
        raise CatalogError(
            f"malformed Plural-Forms header {plural_forms!r}",
            path=path,
            line=line,
            hint='write it as "Plural-Forms: nplurals=N; plural=EXPRESSION;"',
        )


def nplurals_of(header: dict[str, str]) -> int | None:
    """The nplurals of a header's Plural-Forms, None when absent or a template placeholder."""
    match = _NPLURALS_RE.search(header.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def _check_plurals(catalog: Catalog, path: Path) -> None:
    nplurals = nplurals_of(catalog.header)
    for message in [*catalog.messages.values(), *catalog.obsolete.values()]:
        if message.msgid_plural is None:
            continue
        count = len(message.msgstr_plural)
        if nplurals is None:
            if any(message.msgstr_plural.values()):
                raise CatalogError(
                    "the entry has plural translations but the header has no Plural-Forms",
                    path=path,
                    line=message.line,
                    hint="add the header line for the language, e.g. "
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                )
        elif count != nplurals:
            raise CatalogError(
                f"the entry has {count} plural forms but Plural-Forms says nplurals={nplurals}",
                path=path,
                line=message.line,
                hint=f"give it exactly msgstr[0] ... msgstr[{nplurals - 1}]",
            )


# ----------------------------------------------------------------- writing

_INT_MAX = 2**31 - 1
# The languages of gettext 0.21's format flags, in the order it writes them.
_FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
# The backslash first, so that the escapes written after it stay as they are.
_ESCAPE_ORDER = sorted(_ESCAPES.items(), key=lambda item: item[0] != "\\")


def write_po(catalog: Catalog, *, width: int = 79) -> bytes:
    """The catalog as UTF-8 PO text in GNU gettext's layout (``msgcat`` leaves it unchanged).

    Known limits of that promise: gettext drops flags it does not know (locpipe
    keeps them, last), joins a comment line ending in a backslash with the next
    line, and splits multi-line translator comments into one comment per line.
    """
    writer = _Writer(width)
    blocks = [writer.header_block(catalog)]
    blocks.extend(writer.message_block(message) for message in catalog.messages.values())
    blocks.extend(
        writer.message_block(message)
        for message in catalog.obsolete.values()
        if _first_msgstr(message)  # gettext drops untranslated obsolete entries
    )
    return "\n".join("".join(block) for block in blocks).encode("utf-8")


def _first_msgstr(message: Message) -> str:
    if message.msgid_plural is not None:
        return message.msgstr_plural.get(0, "")
    return message.msgstr


class _Writer:
    """Writes entries the way gettext's ``message_print`` does, for one file."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.line_breaker = LineBreaker()

    def header_block(self, catalog: Catalog) -> list[str]:
        header = Message(
            msgid="",
            msgstr="".join(f"{key}: {value}\n" for key, value in catalog.header.items()),
            user_comments=catalog.header_comments,
            flags=catalog.header_flags,
        )
        return self.message_block(header)

    def message_block(self, message: Message) -> list[str]:
        lines: list[str] = []
        for comment in message.user_comments:
            lines.extend(f"# {part}\n" if part else "#\n" for part in comment.split("\n"))
        lines.extend(f"#. {text}\n" if text else "#.\n" for text in message.auto_comments)
        lines.extend(_reference_lines(message.locations, self.width))
        flags = _flags_to_write(message)
        if flags:
            lines.append("#, " + ", ".join(flags) + "\n")
        do_wrap = "no-wrap" not in message.flags
        prefix = "#~ " if message.obsolete else ""
        previous_prefix = "#~| " if message.obsolete else "#| "
        previous = (
            ("msgctxt", message.previous_msgctxt),
            ("msgid", message.previous_msgid),
            ("msgid_plural", message.previous_msgid_plural),
        )
        fields = [(previous_prefix, name, value) for name, value in previous if value is not None]
        if message.msgctxt is not None:
            fields.append((prefix, "msgctxt", message.msgctxt))
        fields.append((prefix, "msgid", message.msgid))
        if message.msgid_plural is None:
            fields.append((prefix, "msgstr", message.msgstr))
        else:
            fields.append((prefix, "msgid_plural", message.msgid_plural))
            forms = message.msgstr_plural or {0: "", 1: ""}
            for index in range(max(forms) + 1):
                fields.append((prefix, f"msgstr[{index}]", forms.get(index, "")))
        for field_prefix, name, value in fields:
            lines.extend(self.wrap_field(field_prefix, name, value, do_wrap))
        return lines

    def wrap_field(self, prefix: str, name: str, value: str, do_wrap: bool) -> list[str]:
        """Lines for ``name "value"`` wrapped like gettext's ``wrap()`` (write-po.c)."""
        escaped: tuple[str, list[int]] | None = None
        if "\n" not in value:
            escaped = _escape(value)
            text = escaped[0]
            # Fits on the keyword's line even if every character took two columns
            # (the line: prefix, name, space, two quotes, and one column kept free).
            columns = len(text) if text.isascii() else 2 * len(text)
            if len(prefix) + len(name) + columns + 3 <= (self.width if do_wrap else _INT_MAX):
                return [f'{prefix}{name} "{text}"\n']
        lines: list[str] = []
        first_line = True
        rest = value
        while True:
            newline = rest.find("\n")
            if newline < 0:
                portion, rest = rest, ""
            else:
                portion, rest = rest[: newline + 1], rest[newline + 1 :]
            text, prohibited = escaped or _escape(portion)
            if portion.endswith("\n"):
                prohibited.append(len(text) - 2)  # no break just before the "\n"
            after_break = len(prefix) + 1  # columns before a continuation line's string
            line_width = (self.width if do_wrap else _INT_MAX) - 1 - after_break
            while True:
                start = len(prefix) + (len(name) + 1 if first_line else 0) + 1 - after_break
                cuts = self.line_breaker.break_positions(text, line_width, start, prohibited)
                if first_line and text and (rest or start > line_width or cuts):
                    lines.append(f'{prefix}{name} ""\n')
                    first_line = False
                    continue
                break
            lead = f"{prefix}{name} " if first_line else prefix
            bounds = [0, *cuts, len(text)]
            for number, (begin, end) in enumerate(itertools.pairwise(bounds)):
                lines.append(f'{lead if number == 0 else prefix}"{text[begin:end]}"\n')
            first_line = False
            if not rest:
                return lines


def _flags_to_write(message: Message) -> list[str]:
    """Flags in gettext's order: ``fuzzy`` (only on an entry that has a translation), the
    format flags in gettext's language order, ``range:``, ``no-wrap``. gettext drops
    ``wrap`` (the default) and flags it does not know; locpipe keeps the latter, last."""
    if not message.flags:
        return []
    flags = set(message.flags)
    ordered: list[str] = []
    if message.fuzzy and (message.obsolete or _first_msgstr(message)):
        ordered.append("fuzzy")
    if any(flag.endswith("-format") for flag in flags):
        ordered.extend(_format_flags(flags))
    if not message.obsolete:
        ordered.extend(flag for flag in message.flags if flag.startswith("range:"))
    if "no-wrap" in flags:
        ordered.append("no-wrap")
    known = {"fuzzy", "wrap", "no-wrap", *ordered}
    unknown = [f for f in message.flags if f not in known and not _is_format_flag(f)]
    return ordered + unknown


def _format_flags(flags: set[str]) -> Iterator[str]:
    for language in _FORMAT_LANGUAGES:
        if f"no-{language}-format" in flags:
            yield f"no-{language}-format"
        elif f"{language}-format" in flags or f"possible-{language}-format" in flags:
            yield f"{language}-format"


def _is_format_flag(flag: str) -> bool:
    name = flag.removeprefix("no-").removeprefix("possible-")
    return name.removesuffix("-format") in _FORMAT_LANGUAGES or flag.startswith("range:")


def _reference_lines(locations: list[tuple[str, int]], width: int) -> list[str]:
    if not locations:
        return []
    lines: list[str] = []
    current = "#:"
    column = 2
    for path, line in dict.fromkeys(locations):
        while path.startswith("./"):
            path = path[2:]
        suffix = f":{line}" if line else ""
        # gettext counts bytes here: it takes file names to be ASCII.
        path_width = len(path) if path.isascii() else len(path.encode("utf-8"))
        reference_width = path_width + len(suffix) + 1
        if column > 2 and column + reference_width > width:
            lines.append(current + "\n")
            current = "#:"
            column = 2
        shown = f"\u2068{path}\u2069" if " " in path else path
        current += f" {shown}{suffix}"
        column += reference_width
    lines.append(current + "\n")
    return lines


def _escape(portion: str) -> tuple[str, list[int]]:
    """The portion with C escapes, and the indexes inside escapes: gettext never
    breaks a line there."""
    text = portion
    for char, escaped in _ESCAPE_ORDER:  # few strings hold any: one fast scan each
        if char in text:
            text = text.replace(char, escaped)
    if len(text) == len(portion):
        return text, []
    inside: list[int] = []
    backslash = text.find("\\")
    while backslash >= 0:  # every backslash starts an escape, "\\" included
        inside.append(backslash + 1)
        backslash = text.find("\\", backslash + 2)
    return text, inside
