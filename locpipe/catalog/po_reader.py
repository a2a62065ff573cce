"""Reading PO and POT files the way GNU gettext's ``read-po`` does, strictly.

The reader is a small strict parser written by hand rather than polib: polib
accepts duplicate entries, unknown escape sequences and stray text, and its
errors do not say on which line a translator broke the file. Every problem
here raises ``CatalogError`` with the line (counted from 1) and what to do.

What gettext reads, this reads: keywords and strings anywhere on a line
(``msgid "a" msgstr "b"``), octal and hex escapes as bytes of the file's
charset, untranslated plural entries with fewer forms than ``nplurals``, header
lines that are not ``Name: value``. Where locpipe is stricter than ``msgfmt -c``
the error says why; the README lists those cases in one place.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from locpipe.catalog.catalog import Catalog, Message, MessageKey
from locpipe.catalog.header import parse_header
from locpipe.catalog.po_syntax import (
    BAD_ESCAPE_RE,
    ENTRY_RE,
    ESCAPED_BYTE,
    ReadEntry,
    drop_space,
    parse_references,
    read_block,
    unquote,
)
from locpipe.errors import CatalogError

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"]|$)")
# The commonest keyword line, read in one step: a plain string with no escape.
_PLAIN_FIELD_RE = re.compile(r'(msgctxt|msgid|msgstr) "([^"\\]*)"')
# A string: its quotes and what is between them (escapes are checked by unquote).
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
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


class _Parser:
    """Line-by-line reader of PO syntax into ``_Entry`` values."""

    def __init__(self, text: str, path: Path, charset: str) -> None:
        self.text = text
        # The one-step shortcut reads neither CRs nor lines that a backslash joins.
        self.line_by_line = "\r" in text or "\\\n" in text
        self.path = path
        self.charset = charset
        self.entries: list[ReadEntry] = []
        self.entry: _Entry | None = None
        self.line_no = 0

    def error(self, message: str, hint: str | None = None, line: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line or self.line_no, hint=hint)

    def parse(self) -> list[ReadEntry]:
        text = self.text
        position = 0
        self.line_no = 1
        while position <= len(text):
            if self.entry is None and not self.line_by_line:
                position = self.read_blocks(position)
            line, joined, position = self.next_line(position)
            self.parse_line(line)
            self.line_no += 1 + joined
        self.finish_entry()
        return self.entries

    def next_line(self, position: int) -> tuple[str, int, int]:
        """The line at ``position`` without its line end, how many lines a backslash at
        their end joined to it (gettext's lexer drops a backslash-newline wherever it is,
        as C does), and where the next line starts."""
        text = self.text
        line = ""
        joined = -1
        while True:
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            part = text[position:end]
            part = part[:-1] if part.endswith("\r") else part
            position, joined = end + 1, joined + 1
            if not part.endswith("\\") or end == len(text):
                return line + part, joined, position
            line += part[:-1]

    def read_blocks(self, position: int) -> int:
        """Read the entries from ``position`` on that match ``ENTRY_RE``, each in one step;
        where the first other line starts."""
        text, entries, line_no = self.text, self.entries, self.line_no
        while (block := ENTRY_RE.match(text, position)) and (entry := read_block(block, line_no)):
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
            message = self.to_message(entry)
            self.entries.append(ReadEntry(message, msgstr.line if msgstr else message.line))
        elif entry.previous:
            raise self.error(
                "'#|' previous-msgid lines are not followed by an entry",
                hint="remove them or add the entry's msgid and msgstr",
                line=entry.previous[0].line,
            )
        self.entry = None

    def parse_line(self, line: str) -> None:
        if line[:1].isspace():
            line = line.lstrip()  # gettext skips blanks before a keyword or a comment
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
            entry.auto_comments.append(drop_space(text))
        elif kind == ":":
            entry.locations.extend(parse_references(text))
        else:
            entry.user_comments.append(drop_space(line[1:]))

    def parse_keyword_line(self, text: str, *, obsolete: bool, previous: bool) -> None:
        """A line (after any '#~' or '#|') of keywords and strings; like gettext's
        lexer, several may share a line: ``msgid "a" msgstr "b"``."""
        while text:
            if text.startswith('"'):
                value, text = self.parse_string(text, None)
                self.continue_field(value, obsolete=obsolete, previous=previous, decoded=True)
                continue
            match = _KEYWORD_RE.match(text)
            if match is None:
                word = text.split()[0] if text.split() else text
                raise self.error(
                    f"unknown keyword '{word[:40]}'",
                    hint="PO lines start with msgctxt, msgid, msgid_plural, msgstr, '\"' or '#'",
                )
            keyword = match.group(1)
            value, text = self.parse_string(text[match.end() :].strip(), keyword)
            if previous:
                self.add_previous(keyword, value)
            else:
                self.add_field(keyword, value, obsolete=obsolete)

    def continue_field(
        self, text: str, *, obsolete: bool, previous: bool, decoded: bool = False
    ) -> None:
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
        if decoded:
            target.parts.append(text)
            return
        value, rest = self.parse_string(text, target.keyword)
        target.parts.append(value)
        if rest:
            self.parse_keyword_line(rest, obsolete=obsolete, previous=previous)

    def add_previous(self, keyword: str, value: str) -> None:
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

    def parse_string(self, text: str, keyword: str | None) -> tuple[str, str]:
        """The decoded string at the start of ``text``, and the text after it."""
        if not text.startswith('"'):
            raise self.error(
                f"{keyword} must be followed by a string in double quotes",
                hint=f'write it as {keyword} "..."',
            )
        match = _STRING_RE.match(text)
        if match is None:
            if text.endswith("\\") and (len(text) - len(text.rstrip("\\"))) % 2:
                raise self.error(
                    "invalid escape sequence: a backslash at the end of the line",
                    hint='write a backslash as \\\\ and close the string with a "',
                )
            raise self.error(
                "unterminated string",
                hint=f'close the string with a " on line {self.line_no}',
            )
        value = unquote(match.group(1))
        if value is None:
            bad = BAD_ESCAPE_RE.search(match.group(1))
            shown = "\\" + bad.group(1) if bad else "\\"
            raise self.error(
                f"invalid escape sequence {shown}",
                hint='write a backslash as \\\\; valid escapes are \\n \\t \\" \\\\',
            )
        rest = text[match.end() :].strip()
        if rest and not rest.startswith('"') and _KEYWORD_RE.match(rest) is None:
            raise self.error(
                f"text after the closing quote: {rest[:30]!r}",
                hint='write a quote inside a string as \\" and put nothing after it',
            )
        return value, rest

    def text_of(self, part: _Field) -> str:
        """A field's text: its strings joined, escaped bytes decoded in the file's charset."""
        text = "".join(part.parts)
        if ESCAPED_BYTE.search(text) is None:
            return text
        try:
            return text.encode(self.charset, "surrogateescape").decode(self.charset)
        except UnicodeError as exc:
            raise self.error(
                f"the octal or hex escapes of this {part.keyword} are not valid {self.charset}",
                hint="write the characters themselves, or escapes of whole characters",
                line=part.line,
            ) from exc

    def to_message(self, entry: _Entry) -> Message:
        fields = {f.keyword: f for f in entry.fields}
        previous = {f.keyword: self.text_of(f) for f in entry.previous}
        plural = fields.get("msgid_plural")
        msgid_field = fields["msgid"]
        msgctxt = fields.get("msgctxt")
        return Message(
            msgid=self.text_of(msgid_field),
            msgstr=self.text_of(fields["msgstr"]) if "msgstr" in fields else "",
            msgctxt=self.text_of(msgctxt) if msgctxt else None,
            msgid_plural=self.text_of(plural) if plural else None,
            msgstr_plural={
                int(k[7:-1]): self.text_of(f) for k, f in fields.items() if k.startswith("msgstr[")
            }
            if plural is not None
            else {},
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


def read_po(data: bytes, path: Path) -> Catalog:
    """Parse PO or POT bytes into a ``Catalog``; raise ``CatalogError`` on any problem.

    A file with no entry at all reads as an empty catalog: it is what ``msgcat``
    (and ``write_po``) write for a catalog that has only a header."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    charset, text = _decode(data, path)
    entries = _Parser(text, path, charset).parse()
    if not entries and not text.strip():
        return Catalog()
    catalog = _build_catalog(entries, path)
    _check_plurals(catalog, path)
    return catalog


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """The charset the header declares (UTF-8 unless it says otherwise) and the text."""
    charset = _declared_charset(data)
    if charset is None or _is_utf8(charset) or charset.upper() in ("CHARSET", "ASCII", "US-ASCII"):
        try:
            return "utf-8", data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise CatalogError(
                "invalid UTF-8",
                path=path,
                line=line,
                hint="save the file as UTF-8: it is read as UTF-8 because its header "
                f"declares charset={charset or '(nothing)'}",
            ) from exc
    try:
        return charset, data.decode(charset)
    except LookupError as exc:
        raise CatalogError(
            f"unknown charset {charset!r} in the header: Python has no codec for it",
            path=path,
            line=_line_of(data, b"charset"),
            hint="convert the file with `msgconv --to-code=UTF-8`",
        ) from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"the text is not valid {charset}",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="save the file in the charset its header declares, preferably UTF-8",
        ) from exc


def _declared_charset(data: bytes) -> str | None:
    """The charset of the header's Content-Type, found before decoding anything (the
    header is the first entry, but comments above it may be long)."""
    match = _CHARSET_IN_BYTES_RE.search(data)
    if match is None:
        return None
    return match.group(1).decode("ascii", errors="replace")


def _is_utf8(charset: str) -> bool:
    return charset.replace("-", "").replace("_", "").upper() == "UTF8"


def _line_of(data: bytes, needle: bytes) -> int | None:
    position = data.find(needle)
    return data.count(b"\n", 0, position) + 1 if position >= 0 else None


def _build_catalog(entries: list[ReadEntry], path: Path) -> Catalog:
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


def _read_header(catalog: Catalog, message: Message, line: int | None, path: Path) -> None:
    catalog.header = parse_header(message.msgstr)
    catalog.header_text = message.msgstr
    catalog.header_comments = message.user_comments
    catalog.header_flags = message.flags
    catalog.header_auto_comments = message.auto_comments
    catalog.header_locations = message.locations
    content_type = catalog.header.get("Content-Type", "")
    charset = _CHARSET_RE.search(content_type)
    if charset is None:
        raise CatalogError(
            "the header has no Content-Type with a charset: locpipe does not guess how "
            "the file is encoded",
            path=path,
            line=line,
            hint='add the header line "Content-Type: text/plain; charset=UTF-8\\n"',
        )
    if not _is_utf8(charset.group(1)):
        # The text is decoded now; locpipe writes UTF-8 only, so say so.
        catalog.header["Content-Type"] = _CHARSET_RE.sub("charset=UTF-8", content_type, count=1)
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
    """msgfmt -c's check of plural entries: a translated entry (any form not empty, not
    fuzzy) has exactly nplurals forms. Untranslated and fuzzy entries may have fewer
    (as gettext's tools write them for a template); stricter than msgfmt, locpipe wants
    a Plural-Forms header as soon as any entry has a plural translation."""
    nplurals = nplurals_of(catalog.header)
    for message in [*catalog.messages.values(), *catalog.obsolete.values()]:
        if message.msgid_plural is None or not any(message.msgstr_plural.values()):
            continue
        count = len(message.msgstr_plural)
        if nplurals is None:
            raise CatalogError(
                "the entry has plural translations but the header has no Plural-Forms, "
                "so which form is for which number is unknown",
                path=path,
                line=message.line,
                hint="add the header line for the language, e.g. "
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
            )
        if count != nplurals and not message.fuzzy and not message.obsolete:
            raise CatalogError(
                f"the entry has {count} plural forms but Plural-Forms says nplurals={nplurals}",
                path=path,
                line=message.line,
                hint=f"give it exactly msgstr[0] ... msgstr[{nplurals - 1}]",
            )
