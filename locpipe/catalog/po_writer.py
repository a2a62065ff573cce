"""Writing PO and POT files in GNU gettext's layout, byte for byte.

The writer reproduces GNU gettext's ``write-po.c`` layout, so that ``msgcat``
and ``msgmerge`` rewrite locpipe's files without a single byte of difference:
strings wrapped by ``linebreak`` like gettext's ``wrap`` (never inside an escape
or a format directive), references joined up to the page width, flags and
comments in gettext's order, the header's lines kept as they were read.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from locpipe.catalog.catalog import Catalog, Message
from locpipe.catalog.formats import FORMAT_LANGUAGES, unbreakable
from locpipe.catalog.header import render_header
from locpipe.catalog.linebreak import LineBreaker

_INT_MAX = 2**31 - 1
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


def write_po(catalog: Catalog, *, width: int = 79, force_po: bool = False) -> bytes:
    """The catalog as UTF-8 PO text in GNU gettext's layout (``msgcat`` leaves it unchanged).

    Known limits of that promise: gettext drops flags it does not know (locpipe
    keeps them, last), joins a comment line ending in a backslash with the next
    line, and splits multi-line translator comments into one comment per line.

    Like msgcat, a catalog with nothing but its header is written as nothing at all
    (``read_po`` reads that back as an empty catalog); ``force_po`` writes the header
    anyway, as ``msgcat --force-po`` and ``msgmerge`` do.
    """
    kept_obsolete = any(map(_first_msgstr, catalog.obsolete.values()))
    if not catalog.messages and not kept_obsolete and not force_po:
        return b""
    writer = _Writer(width)
    messages = itertools.chain(
        catalog.messages.values(),
        # gettext drops untranslated obsolete entries
        filter(_first_msgstr, catalog.obsolete.values()),
    )
    # Each entry's lines are joined as soon as they are made: a large template's
    # many small line strings never all live at once.
    entries = itertools.chain([writer.header_block(catalog)], map(writer.message_block, messages))
    return "\n".join("".join(lines) for lines in entries).encode("utf-8")


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
            msgstr=render_header(catalog.header, catalog.header_text),
            user_comments=catalog.header_comments,
            auto_comments=catalog.header_auto_comments,
            locations=catalog.header_locations,
            flags=catalog.header_flags,
        )
        return self.message_block(header)

    def message_block(self, message: Message) -> list[str]:
        lines: list[str] = []
        for comment in message.user_comments:
            lines.extend(f"# {part}\n" if part else "#\n" for part in comment.split("\n"))
        lines.extend(f"#. {text}\n" if text else "#.\n" for text in message.auto_comments)
        lines.extend(reference_lines(message.locations, self.width))
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
        format_flags = message.flags if message.msgid or message.msgctxt is not None else []
        for field_prefix, name, value in fields:
            lines.extend(self.wrap_field(field_prefix, name, value, do_wrap, format_flags))
        return lines

    def wrap_field(
        self, prefix: str, name: str, value: str, do_wrap: bool, flags: list[str]
    ) -> list[str]:
        """Lines for ``name "value"`` wrapped like gettext's ``wrap()`` (write-po.c)."""
        in_directives = set(unbreakable(value, flags))
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
        offset = 0  # index in value of the portion's first character
        while True:
            newline = rest.find("\n")
            if newline < 0:
                portion, rest = rest, ""
            else:
                portion, rest = rest[: newline + 1], rest[newline + 1 :]
            text, prohibited = escaped or _escape(portion)
            if in_directives:
                prohibited.extend(_escaped_indexes(portion, offset, in_directives))
            offset += len(portion)
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
    for language in FORMAT_LANGUAGES:
        if f"no-{language}-format" in flags:
            yield f"no-{language}-format"
        elif f"{language}-format" in flags or f"possible-{language}-format" in flags:
            yield f"{language}-format"


def _is_format_flag(flag: str) -> bool:
    name = flag.removeprefix("no-").removeprefix("possible-")
    return name.removesuffix("-format") in FORMAT_LANGUAGES or flag.startswith("range:")


def reference_lines(locations: list[tuple[str, int]], width: int) -> list[str]:
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


def _escaped_indexes(portion: str, offset: int, indexes: set[int]) -> Iterator[int]:
    """Where the characters of ``portion`` at ``indexes`` (counted in the whole value,
    whose part from ``offset`` on the portion is) stand in the escaped portion."""
    escaped_index = 0
    for index, char in enumerate(portion, offset):
        if index in indexes:
            yield escaped_index
        escaped_index += 2 if char in _ESCAPES else 1


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
