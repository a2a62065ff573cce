"""The engine registry: each engine opened from its own settings table, by name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from locpipe.errors import EngineError
from locpipe.mt.argos import ArgosConfig, ArgosEngine
from locpipe.mt.engine import EngineRequest
from locpipe.mt.factory import ENGINE_NAMES, ENGINES, open_engine
from locpipe.mt.pseudo import PseudoConfig, PseudoEngine
from locpipe.settings import table_fields


def request(tmp_path: Path, source: str = "en", target: str = "ru") -> EngineRequest:
    return EngineRequest(source, target, root=tmp_path, cache_dir=tmp_path / "cache")


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_each_engine_has_a_frozen_settings_table_with_defaults(name: str) -> None:
    kind = ENGINES[name].settings
    assert dataclasses.is_dataclass(kind)
    assert kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
    table_fields(kind)  # every field's type is one the settings checker reads
    kind()


def test_pseudo_is_opened_from_its_table(tmp_path: Path) -> None:
    engine = open_engine("pseudo", PseudoConfig(), request(tmp_path))
    assert isinstance(engine, PseudoEngine)
    assert engine.translate(["Hi"])[0].text.startswith("[")


@pytest.mark.parametrize("device", ["cpu", "auto"])
def test_argos_is_opened_from_its_table_on_the_chosen_device(
    en_ru_file: Path, tmp_path: Path, device: str
) -> None:
    relative = Path("models") / en_ru_file.name
    (tmp_path / "models").mkdir()
    (tmp_path / relative).write_bytes(en_ru_file.read_bytes())
    settings = ArgosConfig(model=str(relative), beam_size=2, batch_size=4, device=device)
    engine = open_engine("argos", settings, request(tmp_path))
    assert isinstance(engine, ArgosEngine)
    assert engine.settings.device == device
    assert engine.settings.beam_size == 2
    assert engine.settings.max_batch_size == 4
    (result,) = engine.translate(["Hello"])  # CTranslate2 loads the model on this device
    assert result.text


def test_an_unknown_engine_is_an_engine_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="unknown engine 'google'") as caught:
        open_engine("google", None, request(tmp_path))
    assert "argos, pseudo" in (caught.value.hint or "")
