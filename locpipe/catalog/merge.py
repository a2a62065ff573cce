"""Merging a new template into a language's catalog with GNU msgmerge's semantics.

Hand-written because neither polib nor Babel matches msgmerge: Babel's
``Catalog.update`` uses difflib's ``get_close_matches`` (a different measure
and cut-off), drops the previous msgid of fuzzy entries it keeps, and does not
revive obsolete entries. What ``msgmerge --previous`` does, and this does:

- an entry whose msgctxt and msgid are in the old catalog keeps its msgstr,
  ``fuzzy`` and translator comments and takes the template's flags, references
  and extracted comments; a ``#|`` previous msgid stays only while it is fuzzy;
  a changed ``msgid_plural`` makes it fuzzy with the previous one recorded, and
  so does a translation that fails the format check the template newly asks for
  (``c-format`` and the other languages of ``formats.PARSERS``), or a numeric
  ``range:`` wider than the one it was translated for; a singular translation
  kept for a plural entry goes into every form, fuzzy;
- an entry whose msgid comes back from the obsolete ``#~`` entries is revived
  with its translation;
- any other entry gets the most similar old translation (msgmerge's
  ``fstrcmp`` on UTF-8 bytes: 2 * longest common subsequence / total length,
  above 0.6, among the entries its 4-gram index proposes) as a
  ``fuzzy`` draft with ``#| msgid "old"``; as in msgmerge, one old entry may
  seed several drafts, and one that seeded a draft does not also turn obsolete;
- a new entry keeps the template's translator comments;
- old entries with a translation that nothing used become obsolete, keeping
  their translation, translator comments and flags; obsolete entries of the
  template are merged like the others and stay obsolete;
- the old header stays (translator, team), with the template's
  POT-Creation-Date and Report-Msgid-Bugs-To, and the locale's Language and
  Plural-Forms when missing.

Where the result differs from msgmerge: this fills in a missing Language and
Plural-Forms (msgmerge leaves them out). On everything else the tests compare
the written bytes with ``msgmerge --previous``.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from locpipe.catalog.catalog import Catalog, Message, MessageKey
from locpipe.catalog.formats import directives_fit, format_languages, strict_forms
from locpipe.catalog.header import (
    MSGMERGE_ORDER,
    field_of_line,
    header_lines,
    parse_header,
    plural_forms,
    render_header,
    set_field,
)
from locpipe.catalog.po import nplurals_of

FUZZY_THRESHOLD = 0.6  # msgmerge's: a draft must be more similar than this
_SAME_CONTEXT_BONUS = 0.00001  # msgmerge's nudge toward a candidate of the same msgctxt
# msgmerge compares msgids under 4 characters with the entries of up to this many bytes.
_SHORT_MSG_MAX = int(12 * (2 / FUZZY_THRESHOLD - 1))


class _Plurals(NamedTuple):
    """The merged catalog's plural forms: their number, and its Plural-Forms value."""

    number: int
    header: str


@dataclass
class MergeResult:
    """The merged catalog and what happened to its entries."""

    catalog: Catalog
    kept: int = 0  # msgid unchanged: entry carried over (translated or not)
    fuzzy_matched: int = 0  # new msgid given a similar old translation as a fuzzy draft
    new: int = 0  # new msgid with nothing similar: untranslated
    obsolete: int = 0  # entries that left the template in this merge (now "#~")
    revived: int = 0  # obsolete entries whose msgid came back


class _FuzzyIndex:
    """msgmerge's fuzzy index (msgl-fsearch.c) over the old translated entries.

    A msgid of four characters or more is compared only with the entries that
    share a 4-gram of characters with it, most shared 4-grams first; a shorter
    one with the short entries whose length could reach the threshold. Like
    ``fstrcmp``, the similarity counts UTF-8 bytes.
    """

    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages
        self.encoded = [message.msgid.encode("utf-8") for message in messages]
        self.masks = [_byte_masks(data) for data in self.encoded]
        self.grams: dict[str, list[int]] = {}
        for index, message in enumerate(messages):
            for gram in dict.fromkeys(_four_grams(message.msgid)):
                self.grams.setdefault(gram, []).append(index)
        self.short: dict[int, list[int]] = {}
        for index, data in enumerate(self.encoded):
            if len(data) <= _SHORT_MSG_MAX:
                self.short.setdefault(len(data), []).append(index)

    def candidates(self, msgid: str) -> list[int]:
        """Indexes of the entries to compare with ``msgid``, in msgmerge's order."""
        grams = _four_grams(msgid)
        if grams:
            empty: list[int] = []
            shared = Counter(itertools.chain.from_iterable(self.grams.get(g, empty) for g in grams))
            return sorted(shared, key=lambda index: (-shared[index], index))
        size = len(msgid.encode("utf-8"))
        spread = 2 / FUZZY_THRESHOLD - 1
        shortest, longest = math.ceil(size / spread), int(size * spread)
        return [
            index for length in range(shortest, longest + 1) for index in self.short.get(length, ())
        ]


def merge(template: Catalog, old: Catalog | None, locale: str) -> MergeResult:
    """Merge ``template`` (a POT) into ``old`` (the language's PO, None for a new one)."""
    previous = old if old is not None else Catalog()
    header, header_text = _merged_header(template, old, locale)
    # A new catalog starts from the template's header comments, minus the
    # template's "fuzzy" header flag: its header is filled in for the locale.
    source = old if old is not None else template
    header_flags = [f for f in source.header_flags if old is not None or f != "fuzzy"]
    result = MergeResult(
        Catalog(
            locale=locale,
            header=header,
            header_comments=list(source.header_comments),
            header_flags=header_flags,
            header_auto_comments=list(source.header_auto_comments),
            header_locations=list(source.header_locations),
            header_text=header_text,
        )
    )
    plurals = _Plurals(nplurals_of(header) or 2, header.get("Plural-Forms", ""))
    used: set[MessageKey] = set()
    candidates = _FuzzyIndex(
        [
            message
            for message in [*previous.messages.values(), *previous.obsolete.values()]
            if message.msgid and _has_translation(message)
        ]
    )
    for entry in [*template.messages.values(), *template.obsolete.values()]:
        merged = _merge_entry(entry, previous, candidates, used, result, plurals)
        merged.obsolete = entry.obsolete
        if merged.obsolete and not _has_translation(merged):
            continue  # gettext writes no untranslated obsolete entry
        entries = result.catalog.obsolete if entry.obsolete else result.catalog.messages
        entries[merged.key] = merged
    for message in previous.messages.values():
        if message.key not in used and message.msgid and _has_translation(message):
            result.catalog.obsolete[message.key] = _as_obsolete(message)
            result.obsolete += 1
    for message in previous.obsolete.values():
        if message.key not in used and message.key not in result.catalog.obsolete:
            result.catalog.obsolete[message.key] = copy.deepcopy(message)
    return result


def _merge_entry(
    entry: Message,
    previous: Catalog,
    candidates: _FuzzyIndex,
    used: set[MessageKey],
    result: MergeResult,
    plurals: _Plurals,
) -> Message:
    exact = previous.messages.get(entry.key)
    if exact is not None:
        used.add(exact.key)
        result.kept += 1
        return _carry_over(entry, exact, plurals)
    returning = previous.obsolete.get(entry.key)
    if returning is not None:
        used.add(returning.key)
        result.revived += 1
        return _carry_over(entry, returning, plurals)
    nearest = _nearest(entry, candidates)
    if nearest is not None:
        used.add(nearest.key)
        result.fuzzy_matched += 1
        return _carry_over(entry, nearest, plurals, draft=True)
    result.new += 1
    fresh = _fresh(entry)
    fresh.user_comments = list(entry.user_comments)  # msgmerge copies a new entry whole
    if fresh.msgid_plural is not None and not any(entry.msgstr_plural.values()):
        fresh.msgstr_plural = dict.fromkeys(range(plurals.number), "")
    return fresh


def _fresh(entry: Message) -> Message:
    """A template entry with no translation."""
    return Message(
        msgid=entry.msgid,
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural,
        locations=list(entry.locations),
        auto_comments=list(entry.auto_comments),
        flags=[f for f in entry.flags if f != "fuzzy"],
    )


def _carry_over(entry: Message, old: Message, plurals: _Plurals, *, draft: bool = False) -> Message:
    """The template entry with the old one's translation and translator comments, like
    msgmerge's ``message_merge``: the flags are the template's, ``fuzzy`` the old one's
    (always, for a ``draft`` from a similar msgid)."""
    merged = _fresh(entry)
    merged.user_comments = list(old.user_comments)
    merged.fuzzy = old.fuzzy or draft
    if old.fuzzy:  # already a draft: keep what it was a draft of
        merged.previous_msgid = old.previous_msgid
        merged.previous_msgctxt = old.previous_msgctxt
        merged.previous_msgid_plural = old.previous_msgid_plural
    else:
        merged.previous_msgid = old.msgid
        merged.previous_msgctxt = old.msgctxt
        merged.previous_msgid_plural = old.msgid_plural
    _take_translation(merged, old, plurals.number)
    if (
        entry.msgid_plural != old.msgid_plural
        or _fails_new_format_check(merged, old, plurals.header)
        or not _range_within(_range_of(entry.flags), _range_of(old.flags))
    ):
        merged.fuzzy = True
    if not _has_translation(merged):
        merged.fuzzy = False  # gettext writes no "fuzzy" on an untranslated entry
    if not merged.fuzzy:
        merged.previous_msgid = merged.previous_msgctxt = merged.previous_msgid_plural = None
    return merged


def _fails_new_format_check(merged: Message, old: Message, plural_forms: str) -> bool:
    """Whether the template calls the msgid a format string of a language the old entry
    did not, and the translation fails ``msgfmt -c``'s check for it (plural forms against
    msgid_plural, strictly where ``strict_forms`` says)."""
    if merged.fuzzy or not _has_translation(merged):
        return False
    before = format_languages(old.flags)
    for language in format_languages(merged.flags):
        if language in before:
            continue
        if merged.msgid_plural is None:
            fits = directives_fit(language, merged.msgid, merged.msgstr)
        else:
            forms = list(merged.msgstr_plural.values())
            stricts = strict_forms(plural_forms, len(forms))
            fits = all(
                directives_fit(language, merged.msgid_plural, form, strict=strict)
                for form, strict in zip(forms, stricts, strict=True)
            )
        if not fits:
            return True
    return False


def _range_of(flags: list[str]) -> tuple[int, int] | None:
    """The ``range: MIN..MAX`` flag's bounds (gettext's numeric range of a plural entry)."""
    for flag in flags:
        if flag.startswith("range:"):
            low, _, high = flag[6:].strip().partition("..")
            if low.isdecimal() and high.isdecimal():
                return int(low), int(high)
    return None


def _range_within(new: tuple[int, int] | None, old: tuple[int, int] | None) -> bool:
    """msgmerge's test: a translation made for ``old``'s range still holds for ``new``'s
    (no old range, or a new one inside it)."""
    return old is None or (new is not None and old[0] <= new[0] and new[1] <= old[1])


def _take_translation(merged: Message, old: Message, nplurals: int) -> None:
    """The old translation, fitted to the merged entry: a plural one's first form for a
    singular entry, a singular one in each of ``nplurals`` forms; fuzzy if so fitted."""
    if merged.msgid_plural is None:
        merged.msgstr = old.msgstr if old.msgid_plural is None else old.msgstr_plural.get(0, "")
        if old.msgid_plural is not None and len(old.msgstr_plural) > 1:
            merged.fuzzy = True
    elif old.msgid_plural is not None:
        merged.msgstr_plural = dict(old.msgstr_plural)
    else:
        merged.msgstr_plural = dict.fromkeys(range(nplurals), old.msgstr)
        merged.fuzzy = True


def _as_obsolete(message: Message) -> Message:
    """msgmerge keeps an obsolete entry's translation, translator comments and flags."""
    gone = copy.deepcopy(message)
    gone.obsolete = True
    gone.locations = []
    gone.auto_comments = []
    return gone


def _has_translation(message: Message) -> bool:
    """msgmerge's test: the msgstr, or for a plural entry its first form, is not empty."""
    if message.msgid_plural is not None:
        return bool(message.msgstr_plural.get(0))
    return bool(message.msgstr)


def _nearest(entry: Message, candidates: _FuzzyIndex) -> Message | None:
    """The old entry whose msgid is most similar to ``entry``'s, above the threshold."""
    if not entry.msgid:
        return None
    msgid = entry.msgid.encode("utf-8")
    best: Message | None = None
    best_score = FUZZY_THRESHOLD
    for index in candidates.candidates(entry.msgid):
        old = candidates.messages[index]
        length = len(candidates.encoded[index])
        total = len(msgid) + length
        # msgmerge's nudge toward an entry valid in any context or in this one.
        bonus = _SAME_CONTEXT_BONUS if old.msgctxt in (None, entry.msgctxt) else 0.0
        needed = math.floor((best_score - bonus) * total / 2) + 1  # common bytes to win
        if min(len(msgid), length) < needed:
            continue
        common = _lcs_with_masks(candidates.masks[index], length, msgid, needed)
        if common and 2 * common / total + bonus > best_score:
            best, best_score = old, 2 * common / total + bonus
    return best


def similarity(first: str, second: str) -> float:
    """msgmerge's ``fstrcmp`` on UTF-8 bytes: 2 * LCS / total length."""
    first_bytes, second_bytes = first.encode("utf-8"), second.encode("utf-8")
    total = len(first_bytes) + len(second_bytes)
    if total == 0:
        return 1.0
    return 2 * lcs_length(first_bytes, second_bytes) / total


def lcs_length(first: bytes, second: bytes) -> int:
    """Length of the longest common subsequence of two byte strings."""
    return _lcs_with_masks(_byte_masks(first), len(first), second, 0)


def _four_grams(text: str) -> list[str]:
    return [text[index : index + 4] for index in range(len(text) - 3)]


def _byte_masks(data: bytes) -> dict[int, int]:
    """For each byte value, the bits of the positions where ``data`` has it."""
    masks: dict[int, int] = {}
    for index, byte in enumerate(data):
        masks[byte] = masks.get(byte, 0) | (1 << index)
    return masks


def _lcs_with_masks(masks: dict[int, int], length: int, second: bytes, needed: int) -> int:
    """LCS length of the bytes behind ``masks`` and ``second``, bit-parallel (Hyyrö
    2004): each bit of ``row`` stands for a byte of the first string, and one
    big-integer step per byte of ``second`` replaces a row of the quadratic table.
    Returns 0 as soon as the result cannot reach ``needed`` (like fstrcmp_bounded).
    """
    full = (1 << length) - 1
    row = full
    remaining = len(second)
    for byte in second:
        matches = row & masks.get(byte, 0)
        row = ((row + matches) | (row - matches)) & full
        remaining -= 1
        if remaining & 3 == 0 and length - row.bit_count() + remaining < needed:
            return 0
    return length - row.bit_count()


def _merged_header(
    template: Catalog, old: Catalog | None, locale: str
) -> tuple[dict[str, str], str | None]:
    """The merged header's fields and text. Like msgmerge, the old header is rewritten with
    gettext's known fields first, in their order (each line as it was), then its other
    lines; Report-Msgid-Bugs-To and POT-Creation-Date come from the template."""
    source = old if old is not None else template
    text = source.header_text or render_header(source.header, None)
    known: dict[str, str] = {}
    others: list[str] = []
    for line in header_lines(text):
        found = field_of_line(line)
        if found is not None and found[0] in MSGMERGE_ORDER:
            known[found[0]] = line
        else:
            others.append(line)
    for name in ("Report-Msgid-Bugs-To", "POT-Creation-Date"):
        value = template.header.get(name)
        if value is not None:
            known[name] = f"{name}: {value}\n"
    text = "".join(known[name] for name in MSGMERGE_ORDER if name in known) + "".join(others)
    header = parse_header(text)
    if not header.get("Language"):
        header = set_field(header, "Language", locale)
    if nplurals_of(header) is None:
        header = set_field(header, "Plural-Forms", plural_forms(locale))
    return header, text
