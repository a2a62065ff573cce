"""Apache's ``htaccess`` as Tilda exports it: read into a ``Routing``, written per language.

Tilda writes two rules per page (``RewriteRule ^shop$ page14369343.html [NC]`` and
``^shop/$``), ``DirectoryIndex`` for the start page and ``ErrorDocument`` lines. In
a language folder the same file is read by Apache in per-directory context, where
patterns and relative targets are already relative to that folder; what must change
is every address taken from the site root: ``ErrorDocument 404 /404.html``, a
root-relative rule target, and a redirect that rebuilds the address from the
request (``https://host/$1``), which would otherwise drop the language folder.
Every other line (https and host redirects, robots per host, access control, the
favicon) is kept as written, so it has its effect in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing, RoutingError

# An argument as Apache splits a line: a quoted string, or a run without spaces (kept as written).
_WORD = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')
# A Tilda slug rule's pattern: a literal path, optionally with the trailing slash.
_SLUG_PATTERN = re.compile(r"^\^((?:[A-Za-z0-9_~-]|\\\.|/(?!\$))+)/?\$$")
# A substitution that rebuilds the request's address on a host: https://host/$1.
_ABSOLUTE_FROM_REQUEST = re.compile(r"^([a-z]+://[^/]+/)(\$\d.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the file: its bytes (with its line end) and what it says."""

    number: int
    raw: bytes
    directive: str = ""  # lower-case directive name; "" for blank lines and comments
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class HtaccessFile:
    name: str
    lines: tuple[Line, ...]
    routing: Routing = field(default_factory=lambda: Routing(frozenset()))

    def localized(self, languages: SiteLanguages) -> dict[str, bytes]:
        """The file unchanged at the root, and rewritten for each language's folder."""
        files = {self.name: b"".join(line.raw for line in self.lines)}
        for lang in languages.targets:
            folder = languages.folder(lang)
            data = b"".join(_localized_line(line, folder) for line in self.lines)
            files[f"{folder}/{self.name}"] = data
        return files


def read(name: str, data: bytes, pages: frozenset[str]) -> HtaccessFile:
    """Read the file; raises ``RoutingError`` naming the line locpipe cannot read."""
    lines = tuple(_read_line(number, raw, name) for number, raw in _numbered(data))
    return HtaccessFile(name, lines, _routing(lines, pages))


def _numbered(data: bytes) -> list[tuple[int, bytes]]:
    return list(enumerate(data.splitlines(keepends=True), start=1))


def _read_line(number: int, raw: bytes, name: str) -> Line:
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise RoutingError("the line is not UTF-8 text", path=name, line=number) from None
    if not text or text.startswith("#"):
        return Line(number, raw)
    words = _WORD.findall(text)
    if "".join(words).count('"') % 2:
        raise RoutingError("cannot read the line (a quote is not closed)", path=name, line=number)
    directive = words[0].lower()
    if directive == "rewriterule" and len(words) < 3:
        raise RoutingError(
            "a RewriteRule needs a pattern and a substitution", path=name, line=number
        )
    return Line(number, raw, directive, tuple(words[1:]))


def _routing(lines: tuple[Line, ...], pages: frozenset[str]) -> Routing:
    slugs: dict[str, str] = {}
    start_page = "index.html"
    error_pages: dict[int, str] = {}
    for line in lines:
        if line.directive == "directoryindex":
            start_page = next((name for name in line.args if name in pages), line.args[0])
        elif line.directive == "errordocument" and len(line.args) >= 2:
            if line.args[0].isdigit() and line.args[1].startswith("/"):
                error_pages[int(line.args[0])] = line.args[1]
        elif line.directive == "rewriterule":
            slug = _slug_rule(line, pages)
            if slug is not None:
                slugs.setdefault(slug[0].lower(), slug[1])
    return Routing(pages, slugs, start_page, error_pages)


def _slug_rule(line: Line, pages: frozenset[str]) -> tuple[str, str] | None:
    """``(slug, page)`` when the rule maps a literal path to a page of the export."""
    pattern, target = line.args[0], line.args[1]
    match = _SLUG_PATTERN.match(pattern)
    page = target.lstrip("/")
    if match is None or page not in pages or _flags(line).intersection({"r", "f", "g"}):
        return None
    return match.group(1).replace("\\.", "."), page


def _flags(line: Line) -> set[str]:
    if len(line.args) < 3 or not line.args[2].startswith("["):
        return set()
    return {flag.split("=")[0].strip().lower() for flag in line.args[2].strip("[]").split(",")}


def _localized_line(line: Line, folder: str) -> bytes:
    """The line as the language folder's copy of the file needs it."""
    if line.directive == "errordocument" and len(line.args) >= 2:
        return _replace_word(line.raw, line.args[1], _in_folder(line.args[1], folder))
    if line.directive == "rewriterule":
        target = line.args[1]
        if target.startswith("/"):
            return _replace_word(line.raw, target, _in_folder(target, folder))
        rebuilt = _ABSOLUTE_FROM_REQUEST.match(target)
        if rebuilt is not None:
            return _replace_word(line.raw, target, f"{rebuilt.group(1)}{folder}/{rebuilt.group(2)}")
    return line.raw


def _in_folder(address: str, folder: str) -> str:
    local = address.startswith("/") and not address.startswith("//")
    return f"/{folder}{address}" if local else address


def _replace_word(raw: bytes, old: str, new: str) -> bytes:
    """``raw`` with the first whole-word occurrence of ``old`` replaced (after the directive)."""
    text = raw.decode("utf-8")
    match = re.search(rf"(?<=\s){re.escape(old)}(?=\s|$)", text)
    if match is None:
        return raw
    return (text[: match.start()] + new + text[match.end() :]).encode("utf-8")
