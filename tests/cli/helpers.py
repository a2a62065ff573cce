from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from locpipe.cli import app


def run(project: Path, *args: str) -> Result:
    """Run a locpipe command on ``project`` as a user would, in-process."""
    return CliRunner().invoke(app, ["-C", str(project), *args], catch_exceptions=False)
