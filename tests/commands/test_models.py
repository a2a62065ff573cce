from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.commands.models import (
    install_model,
    list_models,
    package_settings,
    remove_model,
)
from locpipe.errors import LocpipeError, ModelPackageError
from tests.conftest import EN_RU_MODEL


def test_outside_a_project_argos_own_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    settings = package_settings(tmp_path / "no-project")
    assert settings.packages_dir == tmp_path / "argos"


def test_a_project_names_its_own_folder_and_index(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "locpipe.toml").write_text(
        'target_langs = ["ru"]\n[engine.argos]\npackages_dir = "models"\n'
        'index_url = "http://127.0.0.1:9/index.json"\n'
    )
    settings = package_settings(tmp_path)
    assert settings.packages_dir == (tmp_path / "models").resolve()
    assert settings.index_url == "http://127.0.0.1:9/index.json"


def test_install_list_and_remove_a_package_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    settings = package_settings(tmp_path)
    installed = install_model(settings, [str(EN_RU_MODEL)])
    assert (installed.from_code, installed.to_code) == ("en", "ru")
    assert [package.name for package in list_models(settings)] == [installed.name]
    [removed] = remove_model(settings, "en_ru")
    assert removed.name == installed.name
    assert list_models(settings) == []
    with pytest.raises(ModelPackageError, match="no installed package 'en_ru'"):
        remove_model(settings, "en_ru")


def test_install_takes_a_file_or_a_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    with pytest.raises(LocpipeError, match="one package FILE, or two language codes"):
        install_model(package_settings(tmp_path), ["en", "ru", "de"])
