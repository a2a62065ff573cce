"""Helpers shared by the html tests: building pages, marking text, looking at HTML with lxml."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html

from locpipe.html.page import read_page
from locpipe.html.splice import apply_edits, translation_edits
from locpipe.model import Edit, Page, Segment

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "tilda-samples"

MARK = "ᚠ"  # a letter of a script no sample uses
_MSGID_TOKEN = re.compile(r"(<[^<>]*>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*/*.html")) if SAMPLES.is_dir() else []


def mark(msgid: str) -> str:
    """Every letter of the text replaced by ``MARK``; placeholders and entities kept."""
    return "".join(
        piece if _MSGID_TOKEN.fullmatch(piece) else re.sub(r"[^\W\d_]", MARK, piece)
        for piece in _MSGID_TOKEN.split(msgid)
    )


def page(html: str | bytes, encoding: str = "utf-8", path: str = "t.html") -> Page:
    data = html.encode(encoding) if isinstance(html, str) else html
    return read_page(path, data)


def build(source: Page, lookup: Callable[[Segment], str | None]) -> bytes:
    result = translation_edits(source, lookup)
    return apply_edits(source.data, result.edits)


def edits_of(source: Page, lookup: Callable[[Segment], str | None]) -> list[Edit]:
    return translation_edits(source, lookup).edits


def unchanged_outside(source: bytes, built: bytes, edits: list[Edit]) -> bool:
    """Whether ``built`` has ``source``'s bytes everywhere outside the edited spans."""
    position = shift = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if source[position : edit.start] != built[position + shift : edit.start + shift]:
            return False
        shift += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    return source[position:] == built[position + shift :]


_NOT_TEXT = {"script", "style", "noscript", "template", "textarea"}
_TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_META_KEYS = {
    "description",
    "keywords",
    "og:title",
    "og:description",
    "og:site_name",
    "twitter:title",
    "twitter:description",
}


def human_text(data: bytes, encoding: str) -> list[str]:
    """Text people see or hear, found by lxml (independently of locpipe's extractor).

    Text nodes outside script/style/noscript/template/textarea and comments,
    plus alt, title, aria-label, placeholder and meta description/og/twitter
    contents. A text that is only an e-mail address or URL is left out: the
    spec leaves those untranslated.
    """
    parser = lxml.html.HTMLParser(encoding=encoding)
    root = lxml.html.document_fromstring(data, parser=parser)
    texts: list[str] = []
    for element in root.iter():
        skipped = any(_tag(parent) in _NOT_TEXT for parent in element.iterancestors())
        tag = _tag(element)
        if not skipped:
            if isinstance(element.tag, str) and tag not in _NOT_TEXT and element.text:
                texts.append(element.text)
            if element.tail:
                texts.append(element.tail)
        if not isinstance(element.tag, str):
            continue
        texts.extend(
            element.get(name, "")
            for name in _TEXT_ATTRIBUTES
            if not (name == "title" and tag == "link")
        )
        key = (element.get("name") or element.get("property") or "").lower()
        if tag == "meta" and key in _META_KEYS:
            texts.append(element.get("content", ""))
    return [text for text in texts if not _ADDRESS.fullmatch(text.strip())]


def _tag(element: lxml.html.HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def letter_counts(texts: list[str]) -> tuple[int, int]:
    """(marked, unmarked) letters."""
    counts = Counter(
        "mark" if char == MARK else "letter" for text in texts for char in text if char.isalpha()
    )
    return counts["mark"], counts["letter"]


def inventory(data: bytes, encoding: str) -> Counter[tuple[str, tuple[str, ...]]]:
    """Every element lxml finds, by name and attribute names."""
    parser = lxml.html.HTMLParser(encoding=encoding)
    root = lxml.html.document_fromstring(data, parser=parser)
    return Counter(
        (_tag(element), tuple(sorted(element.attrib)))
        for element in root.iter()
        if isinstance(element.tag, str)
    )
