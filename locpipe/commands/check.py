"""``locpipe check``: the quality checks and the ``[check]`` gate, for CI."""

from __future__ import annotations

from collections.abc import Sequence

from locpipe.config import Config
from locpipe.qa.gate import CheckReport, run_check


def check_project(config: Config, langs: Sequence[str] | None = None) -> CheckReport:
    """Check each of ``langs``' catalog (default: all); ``passed`` says if the gate holds."""
    return run_check(config, langs)
