from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.commands.init import init_project
from locpipe.config import load_config
from locpipe.errors import ConfigError, LocpipeError


def test_init_writes_settings_that_load(tmp_path: Path) -> None:
    outcome = init_project(tmp_path, "en-US", ["pt-BR", "de"])
    assert outcome.config_path == tmp_path / "locpipe.toml"
    assert outcome.source_dir == tmp_path / "source"
    assert outcome.source_dir.is_dir()
    config = load_config(tmp_path)
    assert (config.source_lang, config.target_langs) == ("en_US", ("pt_BR", "de"))


def test_init_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "locpipe.toml").write_text("# mine\n")
    with pytest.raises(LocpipeError, match="already exists") as caught:
        init_project(tmp_path, "en", ["ru"])
    assert caught.value.hint == "use --force to overwrite it"
    assert (tmp_path / "locpipe.toml").read_text() == "# mine\n"
    init_project(tmp_path, "en", ["ru"], force=True)
    assert load_config(tmp_path).target_langs == ("ru",)


@pytest.mark.parametrize(("source", "targets"), [("xx_YY_ZZ", ["ru"]), ("en", ["ru", "klingon"])])
def test_init_refuses_an_unknown_locale_and_writes_nothing(
    tmp_path: Path, source: str, targets: list[str]
) -> None:
    with pytest.raises(ConfigError, match="unknown locale code"):
        init_project(tmp_path, source, targets)
    assert not (tmp_path / "locpipe.toml").exists()
