from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "tilda-samples"
MODELS = REPO / "tests" / "fixtures" / "models"
EN_RU_MODEL = MODELS / "translate-en_ru-0_1.argosmodel"
RU_EN_MODEL = MODELS / "translate-ru_en-0_1.argosmodel"


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A copy of the bundled example project: source/, its catalogs and settings."""
    project = tmp_path / "site"
    project.mkdir()
    shutil.copytree(REPO / "source", project / "source")
    shutil.copytree(REPO / "locales", project / "locales")
    for name in ("locpipe.toml", "glossary.csv"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, project / name)
    return project


@pytest.fixture
def fresh_project(example_project: Path) -> Path:
    """The example site with no catalogs yet."""
    shutil.rmtree(example_project / "locales")
    return example_project
