import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from locpipe.errors import ModelPackageError
from locpipe.mt import packages
from locpipe.mt.packages import (
    DEFAULT_INDEX_URL,
    default_index_url,
    default_packages_dir,
    find_package,
    install_file,
    install_pair,
    list_installed,
    remove,
    scan_packages,
    validate_archive,
)

from .archives import fake_package, metadata, repack, snapshot, write_zip

TOP = "translate-en_ru-1_0"
GOOD: dict[str, bytes | str] = {
    f"{TOP}/metadata.json": json.dumps(metadata()),
    f"{TOP}/sentencepiece.model": b"x",
    f"{TOP}/model/model.bin": b"x",
}


def without(name: str) -> dict[str, bytes | str]:
    return {key: value for key, value in GOOD.items() if key != f"{TOP}/{name}"}


BAD_ARCHIVES: dict[str, tuple[dict[str, bytes | str], dict[str, str], str]] = {
    "no metadata": (without("metadata.json"), {}, "lacks metadata.json"),
    "metadata not JSON": ({**GOOD, f"{TOP}/metadata.json": "{oops"}, {}, "not valid JSON"),
    "metadata not an object": ({**GOOD, f"{TOP}/metadata.json": "[1]"}, {}, "not a JSON object"),
    "no to_code": (
        {**GOOD, f"{TOP}/metadata.json": json.dumps(metadata(to_code=None))},
        {},
        "no valid 'to_code'",
    ),
    "sbd package": (
        {**GOOD, f"{TOP}/metadata.json": json.dumps(metadata(type="sbd"))},
        {},
        "not a translation package",
    ),
    "no model": (without("model/model.bin"), {}, "lacks model/model.bin"),
    "no sentencepiece": (without("sentencepiece.model"), {}, "lacks sentencepiece.model"),
    "two folders": ({**GOOD, "other/x": b"x"}, {}, "exactly one folder"),
    "file at the root": ({**GOOD, "README.md": b"x"}, {}, "exactly one folder"),
    "zip-slip dotdot": ({**GOOD, f"{TOP}/../../evil.sh": b"x"}, {}, "unsafe path"),
    "zip-slip absolute": ({**GOOD, "/etc/evil": b"x"}, {}, "unsafe path"),
    "backslash": ({**GOOD, f"{TOP}\\..\\evil": b"x"}, {}, "unsafe path"),
    "symlink member": (GOOD, {f"{TOP}/model/link": "/etc/passwd"}, "symbolic link"),
}


@pytest.fixture
def packages_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    folder.mkdir()
    return folder


def test_a_sound_archive_is_described(tmp_path: Path) -> None:
    info = validate_archive(write_zip(tmp_path / "p.argosmodel", GOOD))
    assert (info.from_code, info.to_code, info.package_version) == ("en", "ru", "1.0")
    assert (info.folder, info.code, info.name) == (TOP, "translate-en_ru", TOP)


@pytest.mark.parametrize("case", sorted(BAD_ARCHIVES))
def test_bad_archives_are_rejected_before_anything_is_written(
    case: str, tmp_path: Path, packages_dir: Path
) -> None:
    members, symlinks, message = BAD_ARCHIVES[case]
    archive = write_zip(tmp_path / "bad.argosmodel", members, symlinks)
    before = snapshot(packages_dir)
    with pytest.raises(ModelPackageError, match=message) as caught:
        install_file(archive, packages_dir)
    assert caught.value.path == archive
    assert snapshot(packages_dir) == before


def test_a_file_that_is_not_a_zip_is_rejected(tmp_path: Path, packages_dir: Path) -> None:
    archive = tmp_path / "x.argosmodel"
    archive.write_bytes(b"PK but not really a zip file")
    with pytest.raises(ModelPackageError, match="zip archives"):
        install_file(archive, packages_dir)
    assert snapshot(packages_dir) == []


def test_a_missing_file_is_a_clear_error(tmp_path: Path, packages_dir: Path) -> None:
    with pytest.raises(ModelPackageError, match="no such package file"):
        install_file(tmp_path / "absent.argosmodel", packages_dir)


def test_wrong_language_pair_is_rejected(en_ru_file: Path, packages_dir: Path) -> None:
    with pytest.raises(ModelPackageError, match=r"wrong language pair: .* en->ru, ru->en"):
        install_file(en_ru_file, packages_dir, expected=("ru", "en"))
    assert snapshot(packages_dir) == []


def test_install_list_remove_round_trip(
    en_ru_file: Path, ru_en_file: Path, packages_dir: Path
) -> None:
    installed = install_file(en_ru_file, packages_dir)
    install_file(ru_en_file, packages_dir)
    assert installed.path == packages_dir / "translate-en_ru-0_1"
    assert (installed.path / "model" / "model.bin").is_file()
    assert sorted(p.code for p in list_installed(packages_dir)) == [
        "translate-en_ru",
        "translate-ru_en",
    ]
    found = find_package("en", "ru", packages_dir)
    assert found is not None
    assert found.path == installed.path
    assert [p.code for p in remove("en_ru", packages_dir)] == ["translate-en_ru"]
    assert find_package("en", "ru", packages_dir) is None
    assert [p.code for p in remove("translate-ru_en", packages_dir)] == ["translate-ru_en"]
    assert snapshot(packages_dir) == []


def test_installed_packages_are_readable_by_argos_translate(
    en_ru_file: Path, packages_dir: Path, tmp_path: Path
) -> None:
    install_file(en_ru_file, packages_dir)
    code = (
        "from argostranslate import package; from pathlib import Path; import sys;"
        "found = package.get_installed_packages([Path(sys.argv[1])]);"
        "print([(p.from_code, p.to_code) for p in found])"
    )
    env = {"HOME": str(tmp_path), "ARGOS_PACKAGES_DIR": str(packages_dir), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code, str(packages_dir)], env=env, capture_output=True, text=True
    )
    assert out.stdout.strip() == "[('en', 'ru')]", out.stderr


def test_remove_by_folder_name_and_unknown_code(en_ru_file: Path, packages_dir: Path) -> None:
    install_file(en_ru_file, packages_dir)
    with pytest.raises(ModelPackageError, match=r"no installed package 'de_en'.*translate-en_ru"):
        remove("de_en", packages_dir)
    assert len(remove("translate-en_ru-0_1", packages_dir)) == 1


def test_a_new_version_replaces_the_old_one(
    en_ru_file: Path, packages_dir: Path, tmp_path: Path
) -> None:
    old = repack(
        en_ru_file, tmp_path / "old.argosmodel", "translate-en_ru-0_0", package_version="0.0"
    )
    install_file(old, packages_dir)
    install_file(en_ru_file, packages_dir)
    assert [p.folder for p in list_installed(packages_dir)] == ["translate-en_ru-0_1"]
    assert [p.name for p in packages_dir.iterdir()] == ["translate-en_ru-0_1"]


def test_reinstalling_the_same_package_replaces_it(en_ru_file: Path, packages_dir: Path) -> None:
    install_file(en_ru_file, packages_dir)
    (packages_dir / "translate-en_ru-0_1" / "stale").write_text("x")
    install_file(en_ru_file, packages_dir)
    assert not (packages_dir / "translate-en_ru-0_1" / "stale").exists()
    assert [p.name for p in packages_dir.iterdir()] == ["translate-en_ru-0_1"]


def test_stray_folder_is_skipped_with_a_note(tmp_path: Path, packages_dir: Path) -> None:
    install_file(fake_package(tmp_path / "p.argosmodel"), packages_dir)
    (packages_dir / "stray").mkdir()
    (packages_dir / "notes.txt").write_text("x")
    found, problems = scan_packages(packages_dir)
    assert [p.folder for p in found] == [TOP]
    assert len(problems) == 1
    assert "stray" in problems[0]
    assert "metadata.json" in problems[0]
    assert find_package("en", "ru", packages_dir) is not None


def test_missing_packages_dir_lists_nothing(tmp_path: Path) -> None:
    assert list_installed(tmp_path / "absent") == []


def test_newest_version_is_found(tmp_path: Path, packages_dir: Path) -> None:
    for version in ("1.9", "1.10", "1.2"):
        top = f"translate-en_ru-{version.replace('.', '_')}"
        archive = fake_package(
            tmp_path / f"{top}.argosmodel", top, metadata(package_version=version)
        )
        packages.extract_archive(
            archive, packages_dir, top
        )  # side by side, as Argos may leave them
    found = find_package("en", "ru", packages_dir)
    assert found is not None
    assert found.package_version == "1.10"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"ARGOS_PACKAGES_DIR": "/x/packages", "HOME": "/h"}, Path("/x/packages")),
        ({"XDG_DATA_HOME": "/data"}, Path("/data/argos-translate/packages")),
        ({}, Path.home() / ".local/share/argos-translate/packages"),
    ],
)
def test_default_packages_dir(environ: dict[str, str], expected: Path) -> None:
    assert default_packages_dir(environ) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, DEFAULT_INDEX_URL),
        (
            {"ARGOS_PACKAGE_INDEX": "https://mirror.example/argospm/"},
            "https://mirror.example/argospm/index.json",
        ),
        ({"ARGOS_PACKAGE_INDEX": "http://h/i.json"}, "http://h/i.json"),
    ],
)
def test_default_index_url(environ: dict[str, str], expected: str) -> None:
    assert default_index_url(environ) == expected


# ---------------------------------------------------------------- index and download


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local HTTP server on 127.0.0.1 serving a folder: (folder, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def write_index(root: Path, entries: list[dict[str, Any]]) -> None:
    (root / "index.json").write_text(json.dumps(entries))


def test_install_pair_downloads_the_newest_package(
    served: tuple[Path, str], en_ru_file: Path, packages_dir: Path
) -> None:
    root, base = served
    (root / en_ru_file.name).write_bytes(en_ru_file.read_bytes())
    write_index(
        root,
        [
            metadata(package_version="0.0", links=[f"{base}/missing.argosmodel"]),
            metadata(
                package_version="0.1",
                links=[f"{base}/missing.argosmodel", f"{base}/{en_ru_file.name}"],
            ),
            metadata(from_code="ru", to_code="en", package_version="9.9", links=[f"{base}/x"]),
            {"type": "sbd", "package_version": "9.9", "links": [f"{base}/x"]},
        ],
    )
    got: list[tuple[int, int | None]] = []
    info = install_pair(
        "en", "ru", packages_dir, f"{base}/index.json", progress=lambda *a: got.append(a)
    )
    assert (info.from_code, info.to_code, info.package_version) == ("en", "ru", "0.1")
    assert [p.folder for p in list_installed(packages_dir)] == ["translate-en_ru-0_1"]
    assert [p.name for p in packages_dir.iterdir()] == ["translate-en_ru-0_1"]  # no temp left
    assert got[-1][0] == en_ru_file.stat().st_size


def test_install_pair_rejects_a_download_of_another_pair(
    served: tuple[Path, str], ru_en_file: Path, packages_dir: Path
) -> None:
    root, base = served
    (root / "p.argosmodel").write_bytes(ru_en_file.read_bytes())
    write_index(root, [metadata(links=[f"{base}/p.argosmodel"])])
    with pytest.raises(ModelPackageError, match="wrong language pair"):
        install_pair("en", "ru", packages_dir, f"{base}/index.json")
    assert snapshot(packages_dir) == []


def test_install_pair_without_such_pair(served: tuple[Path, str], packages_dir: Path) -> None:
    root, base = served
    write_index(root, [metadata(links=[f"{base}/p"])])
    with pytest.raises(ModelPackageError, match="offers no de->fr package"):
        install_pair("de", "fr", packages_dir, f"{base}/index.json")


def test_install_pair_with_only_dead_links(served: tuple[Path, str], packages_dir: Path) -> None:
    root, base = served
    write_index(root, [metadata(links=[f"{base}/gone.argosmodel"])])
    with pytest.raises(ModelPackageError, match=r"cannot download translate-en_ru-1_0: .*404"):
        install_pair("en", "ru", packages_dir, f"{base}/index.json")
    assert snapshot(packages_dir) == []


def test_an_index_that_is_not_json(served: tuple[Path, str], packages_dir: Path) -> None:
    root, base = served
    (root / "index.json").write_text("<html>")
    with pytest.raises(ModelPackageError, match="not JSON"):
        install_pair("en", "ru", packages_dir, f"{base}/index.json")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_fails_fast_with_a_clear_message(packages_dir: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/index.json"
    started = time.monotonic()
    with pytest.raises(ModelPackageError) as caught:
        install_pair("en", "ru", packages_dir, url)
    assert time.monotonic() - started < 2
    message = str(caught.value)
    assert url in message
    assert "cannot fetch the package index" in message
    assert "locpipe models install FILE" in message
    assert snapshot(packages_dir) == []


def test_package_info_as_json(tmp_path: Path, packages_dir: Path) -> None:
    info = install_file(fake_package(tmp_path / "p.argosmodel"), packages_dir)
    assert json.loads(json.dumps(info.to_dict())) == {
        "code": "translate-en_ru",
        "name": TOP,
        "from_code": "en",
        "to_code": "ru",
        "from_name": "English",
        "to_name": "Russian",
        "package_version": "1.0",
        "argos_version": "1.0",
        "path": str(packages_dir / TOP),
    }
    assert info.version == "1.0"
