"""Fixtures for the mt tests: the team's tiny real Argos packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .archives import MODELS


def fixture_package(pair: str) -> Path:
    path = MODELS / f"translate-{pair}-0_1.argosmodel"
    # The packages are committed: a missing one is a failure, not a reason to skip.
    assert path.is_file(), f"{path.name} is missing: run `make models` (tools/build_test_model.py)"
    return path


@pytest.fixture
def en_ru_file() -> Path:
    return fixture_package("en_ru")


@pytest.fixture
def ru_en_file() -> Path:
    return fixture_package("ru_en")
