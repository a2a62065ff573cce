"""Fixtures for the mt tests: the team's tiny real Argos packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .archives import MODELS


def fixture_package(pair: str) -> Path:
    path = MODELS / f"translate-{pair}-0_1.argosmodel"
    if not path.is_file():
        pytest.skip(f"{path.name} not built yet (tools/build_test_model.py)")
    return path


@pytest.fixture
def en_ru_file() -> Path:
    return fixture_package("en_ru")


@pytest.fixture
def ru_en_file() -> Path:
    return fixture_package("ru_en")
