"""``locpipe preview``: source and localized pages rendered side by side, overflow flagged.

Each page is loaded from the built site in headless Chromium (offline: no host
name resolves), measured by ``measure.js`` after it settles, and captured. Text
that does not fit its box in the localized page but did in the source is an
overflow: cut off by a box that hides overflow, wider or taller than its Zero
Block element, or running into another element of the artboard. The flagged
elements are outlined in red on the localized screenshot.
"""

from __future__ import annotations

import html
import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from locpipe.config import Config
from locpipe.errors import PageError
from locpipe.fsutil import atomic_write_bytes
from locpipe.qa.browser import Browser, Tab, find_browser
from locpipe.qa.checks import Finding, Severity

MANIFEST = "preview.json"
SOURCE_FOLDER = "source"
_TEXT_SHOWN = 60


@dataclass(frozen=True)
class Overflow:
    """A text that does not fit where the page puts it."""

    kind: str  # "clipped", "wider", "taller" or "overlap"
    key: str  # the element's path of child indexes from <html>
    text: str
    box: tuple[int, int]  # width, height of the box (for "clipped": of the clipping box)
    content: tuple[int, int]  # width, height of the text
    elem_id: str | None = None  # data-elem-id of a Zero Block element
    other: str | None = None  # "overlap": the element run into; "clipped": the clipping box
    other_id: str | None = None

    def describe(self) -> str:
        (box_w, box_h), (text_w, text_h) = self.box, self.content
        if self.kind == "clipped":
            return f"text is cut off: {text_w}×{text_h} px of text, {box_w}×{box_h} px visible"
        if self.kind == "wider":
            return f"text is wider than its box: {text_w} px in {box_w} px"
        if self.kind == "taller":
            return f"text is taller than its box: {text_h} px in {box_h} px"
        return f"text runs into element {self.other_id or self.other}"

    @classmethod
    def from_dict(cls, item: Mapping[str, Any]) -> Overflow:
        return cls(
            kind=str(item["kind"]),
            key=str(item["key"]),
            text=str(item.get("text") or ""),
            box=(int(item["box"][0]), int(item["box"][1])),
            content=(int(item["content"][0]), int(item["content"][1])),
            elem_id=item.get("elem_id"),
            other=item.get("other"),
            other_id=item.get("other_id"),
        )

    @property
    def identity(self) -> tuple[str, str, str | None]:
        return (self.key, self.kind, self.other)


@dataclass(frozen=True)
class PagePreview:
    """One page in one language: its screenshots and what overflows in it."""

    lang: str
    page: str  # posix path of the page in the site, e.g. "index.html"
    localized_path: str  # the built page, as findings name it
    source_png: Path
    localized_png: Path
    side_by_side_png: Path
    overflows: tuple[Overflow, ...] = ()  # new in the localized page
    source_overflows: tuple[Overflow, ...] = ()  # there in the source page already

    @property
    def image(self) -> Path:
        """The side-by-side picture."""
        return self.side_by_side_png


@dataclass(frozen=True)
class PreviewResult:
    out_dir: Path
    pages: tuple[PagePreview, ...] = field(default_factory=tuple)

    @property
    def overflow_count(self) -> int:
        return sum(len(page.overflows) for page in self.pages)

    def findings(self) -> list[Finding]:
        return [
            Finding(
                check="overflow",
                severity=Severity.WARNING,
                path=page.localized_path,
                message=f'{overflow.describe()} in "{_shorten(overflow.text)}"',
                lang=page.lang,
                pages=((page.page, 0),),
            )
            for page in self.pages
            for overflow in page.overflows
        ]

    def for_lang(self, lang: str) -> list[PagePreview]:
        return [page for page in self.pages if page.lang == lang]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; screenshot paths relative to ``out_dir``."""
        pages = []
        for page in self.pages:
            item = asdict(page)
            for name in ("source_png", "localized_png", "side_by_side_png"):
                item[name] = _relative(getattr(page, name), self.out_dir)
            pages.append(item)
        return {"pages": pages}


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _shorten(text: str) -> str:
    return text if len(text) <= _TEXT_SHOWN else text[: _TEXT_SHOWN - 1] + "…"


def preview_site(
    config: Config,
    langs: Sequence[str] | None = None,
    *,
    pages: Sequence[str] | None = None,
    out_dir: Path | None = None,
    options: PreviewOptions | None = None,
) -> PreviewResult:
    """``preview`` of the project's built site into ``.locpipe/preview`` (or ``out_dir``)."""
    source_root, localized_roots = site_roots(config.build_dir, langs or config.target_langs)
    return preview(
        source_root,
        localized_roots,
        out_dir or default_preview_dir(config),
        pages=pages,
        options=options,
        display_root=config.root,
        source_lang=config.source_lang,
    )


def default_preview_dir(config: Config) -> Path:
    return config.state_dir / "preview"


def site_roots(build_dir: Path, langs: Sequence[str]) -> tuple[Path, dict[str, Path]]:
    """The built site's layout: the source language at its root, one folder per language."""
    return build_dir, {lang: build_dir / lang for lang in langs}


@dataclass(frozen=True)
class _Capture:
    png: bytes
    overflows: tuple[Overflow, ...]


@dataclass(frozen=True)
class PreviewOptions:
    width: int = 1280  # viewport, CSS px
    height: int = 900
    max_height: int = 12000  # longest capture of a page
    side_scale: float = 0.5  # size of each page in the side-by-side picture
    settle_ms: int = 500  # time the page's own scripts get after its load event
    load_timeout: float = 20.0
    offline: bool = True


def preview(
    source_root: Path,
    localized_roots: Mapping[str, Path],
    out_dir: Path,
    *,
    pages: Sequence[str] | None = None,
    options: PreviewOptions | None = None,
    browser: Path | None = None,
    display_root: Path | None = None,
    source_lang: str = "en",
) -> PreviewResult:
    """Screenshot every page of every language next to its source page; flag overflow.

    Writes ``source/<page>.png``, ``<lang>/<page>.png``, ``<lang>/<page>.side-by-side.png``
    and ``preview.json`` under ``out_dir``.
    """
    options = options or PreviewOptions()
    executable = find_browser(browser)
    script = resources.files("locpipe.qa").joinpath("measure.js").read_text("utf-8")
    results: list[PagePreview] = []
    sources: dict[str, _Capture] = {}
    with Browser(executable, offline=options.offline) as chrome:
        tab = chrome.new_tab(options.width, options.height)
        for lang, root in localized_roots.items():
            for page in pages or discover_pages(source_root, root):
                source = sources.get(page)
                if source is None:
                    source = _capture(tab, _existing(source_root, page), script, options, None)
                    sources[page] = source
                    atomic_write_bytes(out_dir / _png(SOURCE_FOLDER, page), source.png)
                localized = _capture(tab, _existing(root, page), script, options, source)
                page_preview = PagePreview(
                    lang=lang,
                    page=page,
                    localized_path=_display(root / page, display_root),
                    source_png=out_dir / _png(SOURCE_FOLDER, page),
                    localized_png=out_dir / _png(lang, page),
                    side_by_side_png=out_dir / _png(lang, page, ".side-by-side"),
                    overflows=localized.overflows,
                    source_overflows=source.overflows,
                )
                atomic_write_bytes(page_preview.localized_png, localized.png)
                side = _side_by_side(tab, page_preview, options, source_lang)
                atomic_write_bytes(page_preview.side_by_side_png, side)
                results.append(page_preview)
    result = PreviewResult(out_dir=out_dir, pages=tuple(results))
    save_preview(result)
    return result


def discover_pages(source_root: Path, localized_root: Path) -> list[str]:
    """The HTML pages built in ``localized_root`` that also exist in ``source_root``."""
    pages = (path.relative_to(localized_root).as_posix() for path in localized_root.rglob("*.html"))
    return sorted(page for page in pages if (source_root / page).is_file())


def _existing(root: Path, page: str) -> Path:
    path = root / page
    if not path.is_file():
        raise PageError("the page is not built", path=path, hint="run `locpipe build` first")
    return path


def _png(folder: str, page: str, suffix: str = "") -> str:
    stem = page.removesuffix(".html").removesuffix(".htm")
    return f"{folder}/{stem}{suffix}.png"


def _display(path: Path, root: Path | None) -> str:
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix()


def _capture(
    tab: Tab, path: Path, script: str, options: PreviewOptions, source: _Capture | None
) -> _Capture:
    """Load, measure and screenshot a page; with ``source``, keep only the new overflows."""
    tab.resize(options.width, options.height)
    tab.navigate(path.resolve().as_uri(), options.load_timeout)
    tab.evaluate(script)
    measured = tab.evaluate(f"window.locpipeMeasure({options.settle_ms})") or {}
    overflows = tuple(Overflow.from_dict(item) for item in measured.get("items", []))
    if source is not None:
        known = {overflow.identity for overflow in source.overflows}
        overflows = tuple(overflow for overflow in overflows if overflow.identity not in known)
        tab.evaluate(f"window.locpipeMark({json.dumps([o.key for o in overflows])})")
    height = min(max(int(measured.get("height") or 0), 1), options.max_height)
    return _Capture(png=tab.screenshot(options.width, height), overflows=overflows)


def _side_by_side(tab: Tab, page: PagePreview, options: PreviewOptions, source_lang: str) -> bytes:
    """Both screenshots next to each other, captioned, as one PNG (Chromium lays it out)."""
    shown = round(options.width * options.side_scale)
    figures = [
        (f"{source_lang} · source · {page.page}", page.source_png, 0),
        (f"{page.lang} · {page.localized_path}", page.localized_png, len(page.overflows)),
    ]
    markup = [
        "<!doctype html><meta charset='utf-8'><style>",
        "body{margin:0;padding:12px;background:#e2e8f0;display:flex;gap:12px;align-items:flex-start;",
        "font:600 13px/1.3 system-ui,sans-serif;color:#0f172a}",
        f"figure{{margin:0;width:{shown}px;background:#fff;box-shadow:0 1px 3px #0003}}",
        "figcaption{padding:8px 10px;border-bottom:1px solid #e2e8f0}",
        "b{color:#be123c;margin-left:6px}img{display:block;width:100%}</style>",
    ]
    for caption, png, flagged in figures:
        badge = f"<b>{flagged} overflow{'s' if flagged != 1 else ''}</b>" if flagged else ""
        markup.append(
            f"<figure><figcaption>{html.escape(caption)}{badge}</figcaption>"
            f"<img src='{html.escape(png.resolve().as_uri())}'></figure>"
        )
    with tempfile.TemporaryDirectory(prefix="locpipe-preview-") as folder:
        sheet = Path(folder) / "side-by-side.html"
        sheet.write_text("".join(markup), encoding="utf-8")
        total_width = 2 * shown + 36
        tab.resize(total_width, options.height)
        tab.navigate(sheet.as_uri(), options.load_timeout)
        height = int(tab.evaluate("document.body.offsetHeight") or options.height)
        return tab.screenshot(total_width, min(height, options.max_height))


def save_preview(result: PreviewResult) -> None:
    data = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(result.out_dir / MANIFEST, data.encode("utf-8"))


def load_preview(out_dir: Path) -> PreviewResult | None:
    """The result of the last ``preview`` into ``out_dir``, or None when there is none."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = tuple(_page_from_dict(item, out_dir) for item in data["pages"])
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise PageError(
            f"the preview manifest is damaged: {error}",
            path=path,
            hint="run `locpipe preview` again",
        ) from error
    return PreviewResult(out_dir=out_dir, pages=pages)


def _page_from_dict(item: Mapping[str, Any], out_dir: Path) -> PagePreview:
    return PagePreview(
        lang=str(item["lang"]),
        page=str(item["page"]),
        localized_path=str(item["localized_path"]),
        source_png=out_dir / str(item["source_png"]),
        localized_png=out_dir / str(item["localized_png"]),
        side_by_side_png=out_dir / str(item["side_by_side_png"]),
        overflows=tuple(Overflow.from_dict(o) for o in item.get("overflows", [])),
        source_overflows=tuple(Overflow.from_dict(o) for o in item.get("source_overflows", [])),
    )
