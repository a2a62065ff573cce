"""Netlify's ``_redirects``: read into a ``Routing``, written once with every language.

Each line is ``FROM TO [STATUS]`` (``/en /page11208690.html``); the first rule that
matches wins. Netlify reads the file only at the site root, so the localized file
is the root one: each language's copy of the rules comes first (its addresses are
more specific), then the export's own lines as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing, RoutingError


@dataclass(frozen=True)
class Rule:
    number: int
    source: str  # the address matched, "/en"
    target: str  # where it leads, "/page11208690.html" or an absolute URL
    rest: tuple[str, ...] = ()  # status, conditions


@dataclass(frozen=True)
class RedirectsFile:
    name: str
    data: bytes
    rules: tuple[Rule, ...]
    routing: Routing = field(default_factory=lambda: Routing(frozenset()))

    def localized(self, languages: SiteLanguages) -> dict[str, bytes]:
        blocks = [
            "".join(_localized_rule(rule, languages.folder(lang)) for rule in self.rules)
            for lang in languages.targets
        ]
        prefix = "".join(
            f"# {lang}\n{block}" for lang, block in zip(languages.targets, blocks, strict=True)
        )
        return {self.name: prefix.encode("utf-8") + self.data}


def read(name: str, data: bytes, pages: frozenset[str]) -> RedirectsFile:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        number = data[: error.start].count(b"\n") + 1
        raise RoutingError("the file is not UTF-8 text", path=name, line=number) from None
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) < 2:
            raise RoutingError("a rule needs an address and a target", path=name, line=number)
        rules.append(Rule(number, words[0], words[1], tuple(words[2:])))
    return RedirectsFile(name, data, tuple(rules), _routing(rules, pages))


def _routing(rules: list[Rule], pages: frozenset[str]) -> Routing:
    slugs: dict[str, str] = {}
    for rule in rules:
        page = rule.target.lstrip("/")
        slug = rule.source.strip("/").lower()
        if rule.source.startswith("/") and page in pages and slug and "*" not in slug:
            slugs.setdefault(slug, page)
    return Routing(pages, slugs)


def _localized_rule(rule: Rule, folder: str) -> str:
    if not rule.source.startswith("/"):
        return ""  # a rule for another host: once is enough
    target = f"/{folder}{rule.target}" if rule.target.startswith("/") else rule.target
    return " ".join((f"/{folder}{rule.source}", target, *rule.rest)) + "\n"
