"""``locpipe check``: every check on every language's catalog, and the release gate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from locpipe.config import CheckConfig, Config, select_langs
from locpipe.qa.checks import (
    SEVERITY,
    EntryContext,
    Finding,
    Severity,
    catalog_problems,
    check_entries,
)
from locpipe.qa.inputs import display_path, load_glossary, read_catalog
from locpipe.qa.stats import LanguageStats, language_stats


@dataclass
class CheckReport:
    """Findings and coverage of the checked languages."""

    findings: list[Finding] = field(default_factory=list)
    stats: list[LanguageStats] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity is Severity.WARNING]

    @property
    def passed(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """``2 errors, 5 warnings in 1 language``."""
        languages = len(self.stats)
        return (
            f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')} "
            f"in {_count(languages, 'language')}"
        )

    def to_json(self) -> dict[str, Any]:
        """Everything, as a value ``json.dumps`` takes (``locpipe check --json``)."""
        return {
            "passed": self.passed,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "languages": [stats.to_dict() for stats in self.stats],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def run_check(config: Config, langs: Sequence[str] | None = None) -> CheckReport:
    """Check the catalog of each language (all target languages by default)."""
    report = CheckReport()
    for lang in select_langs(config, langs):
        findings, stats = check_language(config, lang)
        report.findings.extend(findings)
        report.stats.append(stats)
    return report


def check_language(config: Config, lang: str) -> tuple[list[Finding], LanguageStats]:
    catalog = read_catalog(config, lang)
    context = EntryContext(
        lang=lang,
        path=display_path(config, config.po_path(lang)),
        glossary=load_glossary(config, lang),
        length_ratio=config.check.length_ratio,
    )
    findings = catalog_problems(catalog, context) + check_entries(catalog, context)
    stats = language_stats(catalog, lang, context.path)
    findings += gate_findings(stats, findings, config.check)
    return findings, stats


def gate_findings(
    stats: LanguageStats, findings: list[Finding], gate: CheckConfig
) -> list[Finding]:
    """The thresholds of ``[check]`` that the language does not meet, as findings."""
    failures: list[tuple[str, str]] = []
    if stats.entries and stats.translated * 100 < gate.min_translated * stats.entries:
        failures.append(
            (
                "min-translated",
                f"{stats.percent:g}% translated ({stats.translated} of {stats.entries}); "
                f"the gate needs {gate.min_translated:g}%",
            )
        )
    if gate.max_fuzzy is not None and stats.fuzzy > gate.max_fuzzy:
        failures.append(
            (
                "max-fuzzy",
                f"{_count(stats.fuzzy, 'fuzzy entry', 'fuzzy entries')} (drafts to review); "
                f"the gate allows {gate.max_fuzzy}",
            )
        )
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING and not f.fuzzy)
    if gate.max_warnings is not None and warnings > gate.max_warnings:
        failures.append(
            (
                "max-warnings",
                f"{_count(warnings, 'warning')} on reviewed entries; "
                f"the gate allows {gate.max_warnings}",
            )
        )
    return [
        Finding(
            check=check_id,
            severity=SEVERITY[check_id],
            path=stats.path,
            message=text,
            lang=stats.lang,
        )
        for check_id, text in failures
    ]
