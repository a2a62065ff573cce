"""``locpipe report``: one self-contained HTML file of coverage and findings.

Everything the page needs is inside it: the CSS inline, screenshots as base64
``data:`` URLs, no script and no web font. The only links are relative ones to
the localized pages of the built site.
"""

from __future__ import annotations

import base64
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from locpipe.config import Config
from locpipe.fsutil import atomic_write_bytes
from locpipe.qa.checks import Finding, Severity
from locpipe.qa.gate import CheckReport
from locpipe.qa.preview import PagePreview, PreviewResult
from locpipe.qa.stats import LanguageStats

DEFAULT_REPORT = "locpipe-report.html"
CATALOG_GROUP = ""  # findings about the catalog as a whole, not about a page
_EXPANDED_PAGES = 4  # up to this many page sections are shown open


@dataclass(frozen=True)
class PageGroup:
    page: str  # CATALOG_GROUP for catalog-wide findings
    findings: tuple[Finding, ...]
    preview: PagePreview | None = None


def build_report(
    config: Config,
    langs: Sequence[str] | None = None,
    *,
    out: Path | None = None,
    with_preview: bool = False,
) -> Path:
    """Check the project, optionally preview its built site, and write the report.

    Without ``with_preview`` the screenshots of the last ``locpipe preview`` are
    embedded when there are any.
    """
    from locpipe.qa.gate import run_check
    from locpipe.qa.preview import default_preview_dir, load_preview, preview_site

    report = run_check(config, langs)
    checked = [stats.lang for stats in report.stats]
    preview = (
        preview_site(config, checked) if with_preview else load_preview(default_preview_dir(config))
    )
    path = out or config.root / DEFAULT_REPORT
    project = config.root.name
    write_report(
        report,
        path,
        build_dir=config.build_dir,
        preview=preview,
        subtitle=f"{project} · {config.source_lang} → {', '.join(checked)}",
    )
    return path


def write_report(
    report: CheckReport,
    out: Path,
    *,
    build_dir: Path | None = None,
    preview: PreviewResult | None = None,
    title: str = "Localization report",
    subtitle: str = "",
) -> None:
    """Write the report to ``out``; links to pages point into ``build_dir/<lang>/``."""
    text = render_report(
        report, out, build_dir=build_dir, preview=preview, title=title, subtitle=subtitle
    )
    atomic_write_bytes(out, text.encode("utf-8"))


def render_report(
    report: CheckReport,
    out: Path,
    *,
    build_dir: Path | None = None,
    preview: PreviewResult | None = None,
    title: str = "Localization report",
    subtitle: str = "",
) -> str:
    findings = list(report.findings) + (preview.findings() if preview else [])
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    css = resources.files("locpipe.qa").joinpath("report.css").read_text("utf-8")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{css}</style></head><body><main>",
        _header(title, subtitle, errors, warnings),
        "<h2>Coverage</h2>",
        '<section class="langs">',
        *(_language_card(stats, findings) for stats in report.stats),
        "</section>",
    ]
    for stats in report.stats:
        lang_findings = [f for f in findings if f.lang == stats.lang]
        previews = preview.for_lang(stats.lang) if preview else []
        parts.append(_language_findings(stats, lang_findings, previews, out, build_dir))
    parts.append(
        "<footer>Written by locpipe. Errors fail <code>locpipe check</code>; warnings are "
        "for review and count against <code>max_warnings</code>.</footer>"
    )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _header(title: str, subtitle: str, errors: int, warnings: int) -> str:
    verdict = "pass" if not errors else "fail"
    label = "Passed" if not errors else "Failed"
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    meta = f'<p class="meta">{escape(subtitle)}</p>' if subtitle else ""
    return (
        f'<header class="top"><h1>{escape(title)}</h1>'
        f'<div class="verdict {verdict}">{label} <small>{counts}</small></div>{meta}</header>'
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def language_name(lang: str) -> str:
    """``Russian · русский`` for ``ru``; the code itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return lang
    english = locale.get_display_name("en") or lang
    native = locale.get_display_name() or ""
    return english if native.casefold() == english.casefold() else f"{english} · {native}"


def _language_card(stats: LanguageStats, findings: list[Finding]) -> str:
    total = stats.entries or 1
    widths = {
        "translated": 100 * stats.translated / total,
        "fuzzy": 100 * stats.fuzzy / total,
        "untranslated": 100 * stats.untranslated / total,
    }
    bar = "".join(
        f'<span class="{state}" style="width:{width:.3f}%" title="{state}"></span>'
        for state, width in widths.items()
        if width
    )
    legend = "".join(
        f'<li><span class="dot {state}"></span>{label} <b>{count}</b></li>'
        for state, label, count in (
            ("translated", "translated", stats.translated),
            ("fuzzy", "fuzzy (drafts)", stats.fuzzy),
            ("untranslated", "untranslated", stats.untranslated),
        )
    )
    legend += (
        f"<li>segments <b>{stats.entries}</b></li><li>source words <b>{stats.words}</b></li>"
        f"<li>obsolete <b>{stats.obsolete}</b></li>"
    )
    mine = [f for f in findings if f.lang == stats.lang]
    return (
        f'<article class="card" id="card-{escape(stats.lang)}"><div class="head">'
        f"<h3>{escape(language_name(stats.lang))}</h3>"
        f'<span class="code">{escape(stats.lang)}</span>'
        f'<span class="pct">{stats.percent:g}<small>%</small></span></div>'
        f'<div class="bar" role="img" aria-label="{stats.translated} of {stats.entries} '
        f'translated, {stats.fuzzy} fuzzy">{bar}</div>'
        f'<ul class="legend">{legend}</ul>'
        f'<div class="counts">{_chips(mine)}</div>{_by_check(mine)}'
        f'<p class="also">{escape(stats.path)}</p></article>'
    )


def _by_check(findings: list[Finding]) -> str:
    counts = Counter(finding.check for finding in findings)
    if not counts:
        return ""
    items = "".join(
        f'<li><span class="check">{escape(check)}</span> <b>{count}</b></li>'
        for check, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return f'<ul class="legend bycheck">{items}</ul>'


def _chips(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    if not findings:
        return '<span class="chip clean">no findings</span>'
    chips = []
    if errors:
        chips.append(f'<span class="chip error">{_count(errors, "error")}</span>')
    if warnings:
        chips.append(f'<span class="chip warning">{_count(warnings, "warning")}</span>')
    return "".join(chips)


def group_by_page(
    findings: Iterable[Finding], previews: Iterable[PagePreview] = ()
) -> list[PageGroup]:
    """Each finding under one page of its entry; catalog-wide findings first.

    An entry shared by several pages (menus, footers, a Tilda ``files/`` body
    fragment) goes to its first page nearest the site's root, so that findings
    gather on the main pages; the others are named as "also on".
    """
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[home_page(finding)].append(finding)
    by_page = {preview.page: preview for preview in previews}
    pages = sorted(set(grouped) | set(by_page), key=lambda page: (page != CATALOG_GROUP, page))
    return [PageGroup(page, tuple(grouped.get(page, ())), by_page.get(page)) for page in pages]


def home_page(finding: Finding) -> str:
    pages = list(dict.fromkeys(page for page, _ in finding.pages))
    if not pages:
        return CATALOG_GROUP
    return min(pages, key=lambda page: (page.count("/"), pages.index(page)))


def _language_findings(
    stats: LanguageStats,
    findings: list[Finding],
    previews: list[PagePreview],
    out: Path,
    build_dir: Path | None,
) -> str:
    parts = [
        f'<h2 id="lang-{escape(stats.lang)}">Findings · {escape(language_name(stats.lang))}</h2>'
    ]
    groups = group_by_page(findings, previews)
    if not groups:
        parts.append('<p class="none">Nothing to report.</p>')
    for group in groups:
        expand = len(groups) <= _EXPANDED_PAGES
        parts.append(_page_section(stats.lang, group, out, build_dir, expand))
    return "\n".join(parts)


def _page_section(
    lang: str, group: PageGroup, out: Path, build_dir: Path | None, expand: bool
) -> str:
    has_errors = any(f.severity is Severity.ERROR for f in group.findings)
    name = group.page or "Catalog"
    summary = [f'<span class="page-name">{escape(name)}</span>', _chips(group.findings)]
    if group.page and build_dir is not None:
        target = build_dir / lang / group.page
        if target.is_file():
            href = Path(os.path.relpath(target, out.parent)).as_posix()
            summary.append(
                f'<a class="open" href="{escape(href)}">open the {escape(lang)} page ↗</a>'
            )
        else:
            summary.append('<span class="missing">not built</span>')
    body = (
        _findings_table(group.findings, group.page)
        if group.findings
        else '<p class="empty">No findings on this page.</p>'
    )
    shot = _screenshot(group.preview) if group.preview else ""
    overflowing = group.preview is not None and bool(group.preview.overflows)
    opened = " open" if expand or has_errors or overflowing or not group.page else ""
    return (
        f'<details class="page"{opened}><summary>{"".join(summary)}</summary>{body}{shot}</details>'
    )


def _findings_table(findings: tuple[Finding, ...], home: str) -> str:
    rows = ["<table><thead><tr><th>Severity</th><th>Problem</th><th>Where</th></tr></thead><tbody>"]
    ordered = sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.line or 0))
    for finding in ordered:
        where = finding.path if finding.line is None else f"{finding.path}:{finding.line}"
        draft = '<span class="draft">fuzzy</span>' if finding.fuzzy else ""
        msgid = (
            f'<code class="msgid">{_show_tags(_clip(finding.msgid))}</code>'
            if finding.msgid
            else ""
        )
        others = [page for page in dict.fromkeys(p for p, _ in finding.pages) if page != home]
        also = f'<span class="also">also on {escape(", ".join(others))}</span>' if others else ""
        rows.append(
            f'<tr><td class="sev"><span class="sev-badge {finding.severity.value}">'
            f"{finding.severity.value}</span></td>"
            f'<td><span class="check">{escape(finding.check)}</span>{draft} '
            f"{escape(finding.message)}{msgid}{also}</td>"
            f'<td class="where">{escape(where)}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z][A-Za-z0-9]*\s*/?&gt;")


def _show_tags(msgid: str) -> str:
    """The msgid escaped, its placeholder tags highlighted."""
    return _ESCAPED_TAG.sub(lambda m: f'<span class="tag">{m.group(0)}</span>', escape(msgid))


def _screenshot(page: PagePreview) -> str:
    path = page.side_by_side_png
    if not path.is_file():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    flagged = len(page.overflows)
    caption = (
        f"Source and {escape(page.lang)} side by side; {_count(flagged, 'overflowing element')} "
        "outlined in red."
        if flagged
        else f"Source and {escape(page.lang)} side by side; no text overflows its box."
    )
    return (
        f'<figure class="shot"><figcaption>{caption}</figcaption><div class="frame">'
        f'<img alt="{escape(page.page)}: source and {escape(page.lang)}" '
        f'src="data:image/png;base64,{data}"></div></figure>'
    )
