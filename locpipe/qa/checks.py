"""Quality checks of translated catalog entries, each with a stable id and a severity.

Errors are what breaks a page or the catalog (the build would fall back to the
source text, or a tool would reject the file); warnings are what a reviewer
should look at. Fuzzy entries (machine drafts) are checked too, but their
findings are always warnings: the build does not use them by default and the
release gate counts them through ``max_fuzzy``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from locpipe.catalog.catalog import Catalog, Message
from locpipe.model import parse_width
from locpipe.msgid import check_msgstr
from locpipe.qa import glossary as gl
from locpipe.qa.markup import (
    Markup,
    decoded_markup,
    describe_tags,
    event_handler,
    has_javascript_url,
    nesting_problem,
    plain_text,
    scan_markup,
    strip_tags,
    void_names,
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CheckInfo:
    id: str
    severity: Severity
    summary: str


CHECKS: tuple[CheckInfo, ...] = (
    CheckInfo(
        "placeholders",
        Severity.ERROR,
        "the msgstr has exactly the msgid's inline tags, well nested",
    ),
    CheckInfo(
        "markup-injection",
        Severity.ERROR,
        "no other tag, attribute, event handler, javascript: URL or entity-encoded markup",
    ),
    CheckInfo(
        "po-invalid",
        Severity.ERROR,
        "the catalog passes msgfmt -c; header gaps (e.g. a template Last-Translator) are warnings",
    ),
    CheckInfo(
        "plural-forms",
        Severity.ERROR,
        "Plural-Forms is present and agrees with Babel's for the language (some cases: warning)",
    ),
    CheckInfo(
        "numbers", Severity.WARNING, "the numbers of the msgid are kept (digit grouping may change)"
    ),
    CheckInfo("urls", Severity.WARNING, "http(s):// and www. addresses of the msgid are kept"),
    CheckInfo("emails", Severity.WARNING, "e-mail addresses of the msgid are kept"),
    CheckInfo(
        "whitespace",
        Severity.WARNING,
        "leading/trailing whitespace as in the msgid, no doubled spaces",
    ),
    CheckInfo("end-punctuation", Severity.WARNING, "the final . ! ? : … matches the msgid's"),
    CheckInfo(
        "untranslated-copy", Severity.WARNING, "the msgstr is not a copy of a msgid that has words"
    ),
    CheckInfo(
        "length", Severity.WARNING, "text in a fixed-width box grows at most length_ratio times"
    ),
    CheckInfo("glossary-keep", Severity.WARNING, "do-not-translate terms stay verbatim"),
    CheckInfo("glossary-term", Severity.WARNING, "glossary terms use their required translation"),
    CheckInfo(
        "min-translated", Severity.ERROR, "at least min_translated percent of entries translated"
    ),
    CheckInfo("max-fuzzy", Severity.ERROR, "at most max_fuzzy fuzzy entries"),
    CheckInfo("max-warnings", Severity.ERROR, "at most max_warnings warnings on reviewed entries"),
    CheckInfo("overflow", Severity.WARNING, "`locpipe preview`: translated text overflows its box"),
)
SEVERITY = {info.id: info.severity for info in CHECKS}

_MSGID_SHOWN = 60


@dataclass(frozen=True)
class Finding:
    """One problem, located in a PO file (or a built page) and, where known, a line."""

    check: str
    severity: Severity
    path: str  # posix path relative to the project root
    message: str
    line: int | None = None
    lang: str | None = None
    msgid: str | None = None
    msgctxt: str | None = None
    fuzzy: bool = False
    pages: tuple[tuple[str, int], ...] = ()  # the entry's "#:" references

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: [{self.check}] {self.message}"
        if self.msgid is not None:
            draft = "; fuzzy" if self.fuzzy else ""
            text += f" (msgid {_quote(self.msgid)}{draft})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity.value,
            "lang": self.lang,
            "path": self.path,
            "line": self.line,
            "msgid": self.msgid,
            "msgctxt": self.msgctxt,
            "fuzzy": self.fuzzy,
            "message": self.message,
            "text": str(self),
            "pages": [f"{page}:{line}" if line else page for page, line in self.pages],
        }


def _quote(msgid: str) -> str:
    shown = msgid if len(msgid) <= _MSGID_SHOWN else msgid[: _MSGID_SHOWN - 1] + "…"
    escaped = shown.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


@dataclass(frozen=True)
class Pair:
    """A source text and its translation, with what the checks need to judge it."""

    source: str
    target: str
    width: int | None = None  # px width of a fixed-size box, from the "#." comments
    glossary: gl.Glossary | None = None
    length_ratio: float = 1.3
    source_markup: Markup = field(init=False)
    target_markup: Markup = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_markup", scan_markup(self.source))
        object.__setattr__(self, "target_markup", scan_markup(self.target))


def check_placeholders(pair: Pair) -> list[str]:
    source_tags = pair.source_markup.tags
    names = {tag.value for tag in source_tags}
    target_tags = tuple(tag for tag in pair.target_markup.tags if tag.value in names)
    expected, found = Counter(source_tags), Counter(target_tags)
    problems = []
    if expected - found:
        problems.append(f"msgstr drops {describe_tags(expected - found)}")
    if found - expected:
        problems.append(f"msgstr adds {describe_tags(found - expected)}")
    if not problems:
        wrong = nesting_problem(target_tags, void_names(source_tags))
        if wrong:
            problems.append(f"msgstr nests its tags wrongly: {wrong}")
    return problems


def check_markup_injection(pair: Pair) -> list[str]:
    names = {tag.value for tag in pair.source_markup.tags}
    foreign = Counter(tag for tag in pair.target_markup.tags if tag.value not in names)
    problems = [f"msgstr adds markup {describe_tags(foreign)}"] if foreign else []
    for token in pair.target_markup.other:
        if token in pair.source_markup.other:
            continue
        handler = event_handler(token)
        if handler:
            problems.append(f"msgstr adds an event handler {handler}= in {_shorten(token)}")
        else:
            problems.append(f"msgstr adds markup {_shorten(token)}")
    if has_javascript_url(pair.target) and not has_javascript_url(pair.source):
        problems.append("msgstr adds a javascript: URL")
    known = set(decoded_markup(pair.source))
    encoded = [_shorten(token) for token in decoded_markup(pair.target) if token not in known]
    if encoded:
        problems.append(f"msgstr has markup written as entities: {', '.join(encoded)}")
    return problems


def _shorten(token: str, limit: int = 40) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


# A number, with the digit grouping of any locale: 1,000 / 1 000 / 1.000 / 1'000, then decimals.
_NUMBER = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:[,.\u00a0\u202f\u2009 '’]\d{3})+|\d+)(?:[.,]\d+)?(?!\d)"
)
_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"'«»“”]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_TRAILER = ".,;:!?)]}"


def _visible(text: str) -> str:
    """Entities decoded, tags replaced by a character that stops a number or address."""
    return html.unescape(strip_tags(text, "\0"))


def urls(text: str) -> list[str]:
    return [match.group(0).rstrip(_URL_TRAILER) for match in _URL.finditer(_visible(text))]


def emails(text: str) -> list[str]:
    return _EMAIL.findall(_URL.sub(" ", _visible(text)))


def numbers(text: str) -> list[str]:
    visible = _EMAIL.sub(" ", _URL.sub(" ", _visible(text)))
    return [match.group(0) for match in _NUMBER.finditer(visible)]


def _digits(number: str) -> str:
    return "".join(str(unicodedata.digit(char)) for char in number if char.isdigit())


def _compare(
    kind: str, source: list[str], target: list[str], key: Callable[[str], str]
) -> list[str]:
    """Messages for items of ``source`` missing from ``target`` and the other way round."""
    missing = Counter(map(key, source)) - Counter(map(key, target))
    added = Counter(map(key, target)) - Counter(map(key, source))
    dropped, extra = _pick(source, missing, key), _pick(target, added, key)
    if dropped and extra:
        return [f"msgstr has {', '.join(extra)} where msgid has {', '.join(dropped)}"]
    if dropped:
        return [f"msgstr drops the {_plural(kind, dropped)} {', '.join(dropped)}"]
    if extra:
        return [f"msgstr adds the {_plural(kind, extra)} {', '.join(extra)}"]
    return []


def _pick(items: list[str], wanted: Counter[str], key: Callable[[str], str]) -> list[str]:
    """The items whose key is wanted, in their order, as many times as wanted."""
    left = Counter(wanted)
    picked = []
    for item in items:
        if left[key(item)] > 0:
            left[key(item)] -= 1
            picked.append(item)
    return picked


def _plural(kind: str, items: list[str]) -> str:
    return kind if len(items) == 1 else f"{kind}es" if kind.endswith("s") else f"{kind}s"


def check_numbers(pair: Pair) -> list[str]:
    return _compare("number", numbers(pair.source), numbers(pair.target), _digits)


def check_urls(pair: Pair) -> list[str]:
    return _compare("address", sorted(set(urls(pair.source))), sorted(set(urls(pair.target))), str)


def check_emails(pair: Pair) -> list[str]:
    def key(address: str) -> str:
        return address.casefold()

    source = list({key(a): a for a in emails(pair.source)}.values())
    target = list({key(a): a for a in emails(pair.target)}.values())
    return _compare("e-mail address", source, target, key)


def check_whitespace(pair: Pair) -> list[str]:
    problems = []
    for end, at in (("starts", 0), ("ends", -1)):
        source_space = pair.source[at:][:1].isspace()
        target_space = pair.target[at:][:1].isspace()
        if target_space and not source_space:
            problems.append(f"msgstr {end} with whitespace, msgid does not")
        elif source_space and not target_space:
            problems.append(f"msgid {end} with whitespace, msgstr does not")
    if "  " in pair.target and "  " not in pair.source:
        problems.append("msgstr has a doubled space")
    return problems


_END_MARKS = {
    ".": ".",
    "!": "!",
    "?": "?",
    ":": ":",
    "…": "…",
    "。": ".",
    "！": "!",
    "？": "?",
    "：": ":",
    "؟": "?",
}
_CLOSERS = "\"'”’»)]}›」』"


def final_punctuation(text: str) -> str:
    """The sentence-final marks of ``text``, read through closing quotes and brackets.

    ``He said "Go."`` and ``Он сказал «Иди».`` both end with ".": the marks are
    collected from the tail of the text, wherever they sit among the closers.
    """
    visible = plain_text(text)
    marks: list[str] = []
    for char in reversed(visible):
        if char in _END_MARKS:
            marks.append(_END_MARKS[char])
        elif not (char in _CLOSERS or char.isspace()):
            break
    tail = "".join(reversed(marks)).replace("...", "…")
    return "".join(sorted(set(tail)))


def check_end_punctuation(pair: Pair) -> list[str]:
    source, target = final_punctuation(pair.source), final_punctuation(pair.target)
    if source == target:
        return []
    if not target:
        return [f'msgstr does not end with "{source}" as the msgid does']
    if not source:
        return [f'msgstr ends with "{target}", the msgid does not']
    return [f'msgstr ends with "{target}", the msgid with "{source}"']


def check_untranslated_copy(pair: Pair) -> list[str]:
    if pair.target != pair.source:
        return []
    text = _URL.sub(" ", _EMAIL.sub(" ", plain_text(pair.source)))
    for term in pair.glossary.keep_terms if pair.glossary else ():
        text = gl.term_pattern(term.term).sub(" ", text)
    if not any(char.isalpha() for char in text):
        return []
    return ["msgstr is a copy of the msgid"]


_LENGTH_SLACK = 4  # characters a short label may always gain: "OK" -> "Хорошо" still fits


def check_length(pair: Pair) -> list[str]:
    if pair.width is None:
        return []
    source, target = len(plain_text(pair.source)), len(plain_text(pair.target))
    if not source or target <= source * pair.length_ratio or target - source <= _LENGTH_SLACK:
        return []
    return [
        f"msgstr is {target / source:.2f}× as long as the msgid ({target} vs {source} characters) "
        f"in a {pair.width} px wide box; the limit is {pair.length_ratio:g}×"
    ]


def check_glossary_keep(pair: Pair) -> list[str]:
    if pair.glossary is None:
        return []
    source, target = plain_text(pair.source), plain_text(pair.target)
    problems = []
    for term in pair.glossary.keep_terms:
        for spelling in dict.fromkeys(gl.occurrences(term.term, source)):
            if not gl.keeps_verbatim(spelling, target):
                problems.append(
                    f'msgstr drops the do-not-translate term "{spelling}" ({_where(pair, term)})'
                )
    return problems


def check_glossary_term(pair: Pair) -> list[str]:
    if pair.glossary is None:
        return []
    source, target = plain_text(pair.source), plain_text(pair.target)
    return [
        f'msgstr does not use "{term.translation}" for "{term.term}" ({_where(pair, term)})'
        for term in pair.glossary.required_terms
        if gl.occurrences(term.term, source) and not gl.uses_translation(term.translation, target)
    ]


def _where(pair: Pair, term: gl.Term) -> str:
    if not term.line:  # not from a glossary file: from [extract] keep in the settings
        return term.note
    name = pair.glossary.path.name if pair.glossary else "glossary"
    return f"{name}:{term.line}"


PAIR_CHECKS: tuple[tuple[str, Callable[[Pair], list[str]]], ...] = (
    ("placeholders", check_placeholders),
    ("markup-injection", check_markup_injection),
    ("numbers", check_numbers),
    ("urls", check_urls),
    ("emails", check_emails),
    ("whitespace", check_whitespace),
    ("end-punctuation", check_end_punctuation),
    ("untranslated-copy", check_untranslated_copy),
    ("length", check_length),
    ("glossary-keep", check_glossary_keep),
    ("glossary-term", check_glossary_term),
)


def check_pair(pair: Pair) -> list[tuple[str, str]]:
    """(check id, message) for each problem of one translation."""
    problems = [(check_id, text) for check_id, check in PAIR_CHECKS for text in check(pair)]
    if not any(check_id in {"placeholders", "markup-injection"} for check_id, _ in problems):
        verdict = _build_verdict(pair.source, pair.target)
        if verdict is not None:
            problems.insert(0, ("placeholders", f"the build would use the source text: {verdict}"))
    return problems


def _build_verdict(msgid: str, msgstr: str) -> str | None:
    """The build's own judgement, so that the check never passes what the build rejects."""
    return check_msgstr(msgid, msgstr)


@dataclass(frozen=True)
class EntryContext:
    lang: str
    path: str  # the PO file, relative to the project root
    glossary: gl.Glossary | None = None
    length_ratio: float = 1.3


def check_message(message: Message, context: EntryContext) -> list[Finding]:
    findings = []
    width = parse_width(message.auto_comments)
    for label, source, target in _translations(message):
        pair = Pair(source, target, width, context.glossary, context.length_ratio)
        for check_id, text in check_pair(pair):
            if label != "msgstr" and text.startswith("msgstr"):
                text = label + text.removeprefix("msgstr")
            findings.append(_entry_finding(check_id, text, message, context))
    return findings


def _translations(message: Message) -> Iterable[tuple[str, str, str]]:
    if message.msgid_plural is None:
        if message.msgstr:
            yield "msgstr", message.msgid, message.msgstr
        return
    for index, text in sorted(message.msgstr_plural.items()):
        if text:
            yield f"msgstr[{index}]", message.msgid if index == 0 else message.msgid_plural, text


def _entry_finding(check_id: str, text: str, message: Message, context: EntryContext) -> Finding:
    severity = Severity.WARNING if message.fuzzy else SEVERITY[check_id]
    return Finding(
        check=check_id,
        severity=severity,
        path=context.path,
        message=text,
        line=message.line,
        lang=context.lang,
        msgid=message.msgid,
        msgctxt=message.msgctxt,
        fuzzy=message.fuzzy,
        pages=tuple(message.locations),
    )


def check_entries(catalog: Catalog, context: EntryContext) -> list[Finding]:
    """Findings for every translated or fuzzy entry of ``catalog``, in file order."""
    findings: list[Finding] = []
    for message in catalog:
        if message.msgid and not message.obsolete:
            findings.extend(check_message(message, context))
    return findings


def catalog_problems(catalog: Catalog, context: EntryContext) -> list[Finding]:
    """What ``msgfmt -c`` and the header rules find in the catalog as a whole."""
    from locpipe.catalog.validate import check_catalog

    findings = []
    for problem in check_catalog(catalog, context.lang):
        check_id = "plural-forms" if problem.code.startswith("plural-forms") else "po-invalid"
        findings.append(
            Finding(
                check=check_id,
                severity=Severity(problem.severity),
                path=context.path,
                message=problem.message,
                line=problem.line,
                lang=context.lang,
                msgid=problem.msgid or None,
            )
        )
    return findings
