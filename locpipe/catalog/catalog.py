"""Catalogs and messages as plain values, after Babel's ``babel.messages.catalog``. No I/O."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

MessageKey = tuple[str | None, str]  # (msgctxt, msgid)


@dataclass
class Message:
    """One catalog entry."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    locations: list[tuple[str, int]] = field(default_factory=list)  # (page path, line)
    auto_comments: list[str] = field(default_factory=list)  # "#." lines: where the text sits
    user_comments: list[str] = field(default_factory=list)  # "# " lines: translator and MT notes
    flags: list[str] = field(default_factory=list)  # "#," flags in file order: fuzzy, ...
    previous_msgid: str | None = None  # "#| msgid" of a fuzzy match
    previous_msgctxt: str | None = None
    previous_msgid_plural: str | None = None  # "#| msgid_plural" of a fuzzy match
    obsolete: bool = False
    line: int | None = None  # line of the "msgid" keyword in the file it was read from

    @property
    def key(self) -> MessageKey:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def translated(self) -> bool:
        """Has a translation a person wrote or accepted (not a fuzzy draft)."""
        if self.fuzzy:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)


@dataclass
class Catalog:
    """A POT template (``locale`` None) or a PO catalog for one language."""

    locale: str | None = None
    header: dict[str, str] = field(default_factory=dict)  # metadata in file order
    header_comments: list[str] = field(default_factory=list)  # "# " lines above the header
    header_flags: list[str] = field(default_factory=list)  # e.g. ["fuzzy"] on a new template
    header_auto_comments: list[str] = field(default_factory=list)  # "#." lines of the header
    header_locations: list[tuple[str, int]] = field(default_factory=list)  # its "#:" lines
    # The header's msgstr as read. Writing keeps its lines as they are (spacing, lines that
    # are not "Name: value" such as msgcat's conflict markers) where ``header`` still holds
    # the value; None writes ``header`` in the plain "Name: value" form.
    header_text: str | None = field(default=None, compare=False)
    messages: dict[MessageKey, Message] = field(default_factory=dict)  # active, in file order
    obsolete: dict[MessageKey, Message] = field(default_factory=dict)  # "#~" entries

    def __iter__(self) -> Iterator[Message]:
        return iter(self.messages.values())

    def __len__(self) -> int:
        return len(self.messages)

    def __contains__(self, key: object) -> bool:
        return key in self.messages

    def get(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        return self.messages.get((msgctxt, msgid))

    def add(self, message: Message) -> Message:
        """Add a message, or fold its locations and comments into the one with its key."""
        existing = self.messages.get(message.key)
        if existing is None:
            self.messages[message.key] = message
            return message
        for location in message.locations:
            if location not in existing.locations:
                existing.locations.append(location)
        for comment in message.auto_comments:
            if comment not in existing.auto_comments:
                existing.auto_comments.append(comment)
        return existing
