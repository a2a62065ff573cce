"""``locpipe report``: one self-contained HTML file with progress and findings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from locpipe.config import Config


def report_project(
    config: Config,
    langs: Sequence[str] | None = None,
    *,
    out: Path | None = None,
    with_preview: bool = False,
) -> Path:
    """Write the report of ``langs`` (default: all); returns where it was written."""
    from locpipe.qa.report import build_report

    return build_report(config, langs, out=out, with_preview=with_preview)
