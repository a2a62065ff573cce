from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.config import load_config, render_init, select_langs, validate_locale
from locpipe.errors import ConfigError
from locpipe.mt.argos import ArgosConfig
from locpipe.mt.pseudo import PseudoConfig


def make_project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "locpipe.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def test_defaults(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path, 'target_langs = ["ru", "pt-BR"]\n'))
    assert config.source_lang == "en"
    assert config.target_langs == ("ru", "pt_BR")
    assert config.template_path == tmp_path.resolve() / "locales" / "site.pot"
    assert config.po_path("ru") == tmp_path.resolve() / "locales/ru/LC_MESSAGES/site.po"
    assert config.engine.settings("argos").beam_size == 4
    assert config.engine.settings("argos").device == "cpu"
    assert config.notes == ()


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.locpipe]\ntarget_langs = ["de"]\ndomain = "web"\n'
    )
    config = load_config(tmp_path)
    assert config.target_langs == ("de",)
    assert config.template_path.name == "web.pot"


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('target_lang = ["ru"]\n', "unknown key 'target_lang' (did you mean 'target_langs'?)"),
        ('target_langs = ["ru"]\n[engine]\nbeam_sise = 2\n', "did you mean 'engine.beam_size'?"),
        ('target_langs = ["xx_YY_ZZ"]\n', "unknown locale code 'xx_YY_ZZ'"),
        ('source_lang = "en"\n', "target_langs is missing"),
        ('target_langs = ["ru"]\nsource_dir = "nowhere"\n', "does not exist"),
        ('target_langs = ["ru"]\nsource_dir = "../.."\n', "lies outside the project"),
        ('target_langs = ["ru"]\nbuild_dir = "."\n', "overlaps"),
        ('target_langs = ["ru"]\nbuild_dir = "source/out"\n', "overlaps"),
        ('target_langs = "ru"\n', "target_langs must be a list"),
        ('target_langs = ["en"]\n', "lists the source language"),
        (
            'target_langs = ["ru"]\n[engine]\nbeam_size = "four"\n',
            "engine.beam_size must be an integer ≥ 1, not 'four'",
        ),
        ("target_langs = [\n", "invalid TOML"),
    ],
)
def test_errors_name_the_file(tmp_path: Path, toml: str, fragment: str) -> None:
    project = make_project(tmp_path, toml)
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(str(project / "locpipe.toml"))


def test_toml_error_has_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, 'target_langs = ["ru"]\ndomain = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert caught.value.line == 2


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no locpipe\.toml"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("code", "normal"), [("ru", "ru"), ("pt-BR", "pt_BR"), ("sr_Latn", "sr_Latn")]
)
def test_validate_locale(code: str, normal: str) -> None:
    assert validate_locale(code) == normal


@pytest.mark.parametrize(
    ("requested", "chosen"),
    [
        (None, ("ru", "pt_BR", "de")),
        ([], ("ru", "pt_BR", "de")),
        (["de", "pt-BR"], ("de", "pt_BR")),
    ],
)
def test_select_langs(tmp_path: Path, requested: list[str] | None, chosen: tuple[str, ...]) -> None:
    config = load_config(make_project(tmp_path, 'target_langs = ["ru", "pt-BR", "de"]\n'))
    assert select_langs(config, requested) == chosen


@pytest.mark.parametrize(
    ("requested", "message", "hint"),
    [
        (["fr"], "fr is not among target_langs", "add it to target_langs first"),
        (["ru", "fr", "it"], "fr, it is not among target_langs", "add it to target_langs first"),
        (["xx_YY_ZZ"], "unknown locale code 'xx_YY_ZZ'", "use a code such as ru, de, pt_BR"),
    ],
)
def test_select_langs_refuses(
    tmp_path: Path, requested: list[str], message: str, hint: str
) -> None:
    config = load_config(make_project(tmp_path, 'target_langs = ["ru"]\n'))
    with pytest.raises(ConfigError) as caught:
        select_langs(config, requested)
    assert (caught.value.message, caught.value.hint) == (message, hint)


def test_init_template_is_valid(tmp_path: Path) -> None:
    project = make_project(tmp_path, render_init("en", ["ru", "de"]))
    config = load_config(project)
    assert config.target_langs == ("ru", "de")


def test_pyproject_errors_name_the_key_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.locpipe]\ntarget_langs = ["de"]\n\n'
        '[tool.locpipe.check]\nmax_fuzzy = "none"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'pyproject.toml'}:8: check.max_fuzzy must be an integer ≥ 0 "
        "(or left out), not 'none'"
    )


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        ('target_langs = ["ru"]\n\n[check]\nmin_translated = 95\nmax_fuzzy = -1\n', 5),
        ('target_langs = ["ru", "tlh_XX"]\n', 1),
        ('source_lang = "en"\ntarget_langs = ["ru"]\nbuild_dir = "."\n', 3),
        ('target_langs = ["ru"]\nengine = { beam_size = 0 }\n', 2),
    ],
)
def test_errors_carry_the_line_of_the_key(tmp_path: Path, toml: str, line: int) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(make_project(tmp_path, toml))
    assert caught.value.line == line


def test_numbers_are_widened_for_number_settings(tmp_path: Path) -> None:
    config = load_config(
        make_project(tmp_path, 'target_langs = ["ru"]\n[check]\nmin_translated = 95\n')
    )
    assert config.check.min_translated == 95.0
    assert isinstance(config.check.min_translated, float)


def test_engine_tables_are_read_and_checked_per_engine(tmp_path: Path) -> None:
    toml = (
        'target_langs = ["ru"]\n[engine]\nname = "pseudo"\ncheckpoint_every = 5\n'
        '[engine.argos]\nbeam_size = 2\ndevice = "auto"\n[engine.pseudo]\n'
    )
    config = load_config(make_project(tmp_path, toml))
    assert config.engine.name == "pseudo"
    assert config.engine.checkpoint_every == 5
    assert config.engine.settings("argos") == ArgosConfig(beam_size=2, device="auto")
    assert config.engine.settings() == PseudoConfig()
    assert config.notes == ()


def test_old_flat_engine_keys_still_read_with_a_note(tmp_path: Path) -> None:
    toml = 'target_langs = ["ru"]\n\n[engine]\nbeam_size = 2\nbatch_size = 8\n'
    config = load_config(make_project(tmp_path, toml))
    assert config.engine.settings("argos") == ArgosConfig(beam_size=2, batch_size=8)
    (note,) = config.notes
    assert note == (
        f"{tmp_path / 'locpipe.toml'}:3: [engine] beam_size, batch_size: deprecated here, "
        "move to [engine.argos]"
    )


def test_the_engine_table_wins_over_an_old_flat_key(tmp_path: Path) -> None:
    toml = 'target_langs = ["ru"]\n[engine]\nbeam_size = 2\n[engine.argos]\nbeam_size = 3\n'
    assert load_config(make_project(tmp_path, toml)).engine.settings("argos").beam_size == 3


@pytest.mark.parametrize(
    ("toml", "message", "line"),
    [
        (
            '[engine.argos]\ndevice = "tpu"\n',
            'engine.argos.device must be one of "cpu", "cuda", "auto"',
            3,
        ),
        ("[engine.argos]\nbeam_size = 0\n", "engine.argos.beam_size must be an integer ≥ 1", 3),
        ("[engine.pseudo]\nbeam_size = 4\n", "unknown key 'engine.pseudo.beam_size'", 3),
        ("[engine]\ndevice = 4\n", "engine.device must be one of", 3),
        ("[engine.google]\nkey = 1\n", "unknown key 'engine.google'", 2),
    ],
)
def test_engine_table_errors(tmp_path: Path, toml: str, message: str, line: int) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(make_project(tmp_path, 'target_langs = ["ru"]\n' + toml))
    assert caught.value.message.startswith(message)
    assert caught.value.line == line
