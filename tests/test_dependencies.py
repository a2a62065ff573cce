"""The runtime installs what locpipe imports, and nothing it does not."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO


def imported_modules() -> set[str]:
    """Top-level names of every module that a file under locpipe/ imports."""
    names: set[str] = set()
    for path in (REPO / "locpipe").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"__future__", "locpipe"}


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_runtime_dependencies_are_exactly_the_imported_distributions() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {normalised(re.split(r"[<>=!~\[; ]", spec)[0]) for spec in project["dependencies"]}
    providers = packages_distributions()
    imported = {normalised(providers[module][0]) for module in imported_modules()}
    assert imported == declared
    assert "argos-translate-lt" not in declared
