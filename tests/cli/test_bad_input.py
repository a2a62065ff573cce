"""Bad input of every kind: exit code 2, one clear line naming the file, nothing written."""

from __future__ import annotations

import re
import socket
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import run

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
    'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
)

BROKEN_PO = {
    "syntax error": (HEADER + 'msgid "Home"\nmsgstr "Главная"\nbogus line\n', 11),
    "unterminated string": (HEADER + 'msgid "Home"\nmsgstr "Главная\n', 10),
    "bad escape": (HEADER + 'msgid "Home"\nmsgstr "Глав\\qная"\n', 10),
    "duplicate msgid": (HEADER + 'msgid "Home"\nmsgstr "А"\n\nmsgid "Home"\nmsgstr "Б"\n', 12),
    "wrong plural count": (
        HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "а"\nmsgstr[1] "б"\n',
        9,
    ),
    "missing header": ('msgid "Home"\nmsgstr "Главная"\n', None),
}


def tree(root: Path) -> dict[str, bytes]:
    """Every file of the project but the (empty) lock file a writing command holds."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root) != Path(".locpipe/lock")
    }


@pytest.mark.parametrize("command", ["build", "check", "translate", "stats"])
@pytest.mark.parametrize("case", sorted(BROKEN_PO))
def test_broken_po(example_project: Path, command: str, case: str) -> None:
    text, line = BROKEN_PO[case]
    po = example_project / "locales/ru/LC_MESSAGES/site.po"
    po.write_text(text, encoding="utf-8")
    before = tree(example_project)
    args = [command, "--engine", "pseudo"] if command == "translate" else [command]
    result = run(example_project, *args)
    assert result.exit_code == 2, result.output
    where = f"{po}:{line}:" if line else f"{po}"
    assert where in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree(example_project) == before


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('target_langs = ["ru"]\nsource_dri = "source"\n', "did you mean 'source_dir'?"),
        ('target_langs = ["klingon"]\n', "unknown locale code 'klingon'"),
        ('target_langs = ["ru"]\nsource_dir = "missing"\n', "does not exist"),
        ('target_langs = ["ru"]\nsource_dir = "/etc"\n', "lies outside the project"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "build", "check"])
def test_bad_config(example_project: Path, toml: str, fragment: str, command: str) -> None:
    (example_project / "locpipe.toml").write_text(toml, encoding="utf-8")
    before = tree(example_project)
    result = run(example_project, command)
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(example_project / 'locpipe.toml'))}:\d+: ", result.output)
    assert fragment in result.output
    assert "Traceback" not in result.output
    assert tree(example_project) == before


BASE_SETTINGS = 'source_lang = "en"\ntarget_langs = ["ru"]\n'
# A wrong type or an impossible value: (the settings after BASE_SETTINGS, the key, its line).
BAD_SETTINGS = {
    "max_fuzzy a string": ('[check]\nmax_fuzzy = "none"\n', "check.max_fuzzy", 4),
    "model a number": ("[engine]\nmodel = 3\n", "engine.model", 4),
    "glossary a number": ("[check]\nmin_translated = 95\nglossary = 5\n", "check.glossary", 5),
    "beam_size 0": ("[engine]\nbeam_size = 0\n", "engine.beam_size", 4),
    "batch_size negative": ("[engine]\nbatch_size = -3\n", "engine.batch_size", 4),
    "min_translated over 100": ("[check]\nmin_translated = 150\n", "check.min_translated", 4),
    "length_ratio not a number": ('[check]\nlength_ratio = "wide"\n', "check.length_ratio", 4),
    "site_url a number": ("site_url = 5\n", "site_url", 3),
    "empty domain": ('domain = ""\n', "domain", 3),
    "unknown compute_type": ('[engine]\ncompute_type = "fast"\n', "engine.compute_type", 4),
    "unknown engine": ('[engine]\nname = "google"\n', "engine.name", 4),
    "unknown device": ('[engine.argos]\ndevice = "tpu"\n', "engine.argos.device", 4),
    "beam_size 0 in its table": ("[engine.argos]\nbeam_size = 0\n", "engine.argos.beam_size", 4),
}
ALL_COMMANDS = {
    "extract": ["extract"],
    "translate": ["translate"],
    "build": ["build"],
    "check": ["check"],
    "stats": ["stats"],
    "report": ["report"],
    "preview": ["preview"],
    "models": ["models", "list"],
}


@pytest.mark.parametrize("command", sorted(ALL_COMMANDS))
@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_bad_setting_is_refused_by_every_command(
    example_project: Path, command: str, case: str
) -> None:
    text, key, line = BAD_SETTINGS[case]
    settings = example_project / "locpipe.toml"
    settings.write_text(BASE_SETTINGS + text, encoding="utf-8")
    before = tree(example_project)
    result = run(example_project, *ALL_COMMANDS[command])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {settings}:{line}: {key} must be "), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert tree(example_project) == before


def bad_archive(path: Path, kind: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        if kind == "no metadata":
            archive.writestr("translate-en_ru-1_0/model/model.bin", b"x")
        elif kind == "zip-slip":
            archive.writestr(
                "translate-en_ru-1_0/metadata.json", '{"from_code":"en","to_code":"ru"}'
            )
            archive.writestr("translate-en_ru-1_0/../../evil.txt", b"x")
        elif kind == "symlink":
            archive.writestr(
                "translate-en_ru-1_0/metadata.json", '{"from_code":"en","to_code":"ru"}'
            )
            link = zipfile.ZipInfo("translate-en_ru-1_0/model")
            link.external_attr = 0o120777 << 16
            archive.writestr(link, "/etc")
    return path


@pytest.mark.parametrize("kind", ["not a zip", "no metadata", "zip-slip", "symlink"])
def test_bad_model_archive_is_rejected_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    packages = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    archive = tmp_path / "translate-en_ru-1_0.argosmodel"
    if kind == "not a zip":
        archive.write_bytes(b"this is not a zip file")
    else:
        bad_archive(archive, kind)
    result = run(tmp_path, "models", "install", str(archive))
    assert result.exit_code == 2
    assert str(archive) in result.output
    assert "Traceback" not in result.output
    assert not packages.exists() or not any(packages.iterdir())
    assert not (tmp_path / "evil.txt").exists()


def test_offline_index_fails_fast_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a local port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{port}/index.json")
    result = run(tmp_path, "models", "install", "en", "ru")
    assert result.exit_code == 2
    assert f"127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["stats", "check"])
def test_old_flat_engine_keys_work_with_a_note(example_project: Path, command: str) -> None:
    settings = example_project / "locpipe.toml"
    text = settings.read_text(encoding="utf-8").replace("[engine.argos]\n", "")
    settings.write_text(text, encoding="utf-8")
    result = run(example_project, command)
    assert result.exit_code == 0, result.output
    assert f"note: {settings}:5: [engine] beam_size: deprecated here, move to [engine.argos]" in (
        result.stderr
    )
