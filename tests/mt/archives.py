"""Helpers for the mt tests: training pairs of the fixture models and archive builders."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parents[1] / "fixtures" / "models"
CORPUS = Path(__file__).resolve().parents[2] / "tools" / "corpus" / "en_ru.tsv"


def corpus_pairs() -> list[tuple[str, str]]:
    """The (en, ru) training pairs of the fixture models."""
    pairs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            english, russian = line.split("\t")
            pairs.append((" ".join(english.split()), " ".join(russian.split())))
    return pairs


def metadata(**changes: Any) -> dict[str, Any]:
    base = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "en",
        "from_name": "English",
        "to_code": "ru",
        "to_name": "Russian",
        "type": "translate",
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def write_zip(
    path: Path, members: Mapping[str, bytes | str], symlinks: Mapping[str, str] | None = None
) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def fake_package(
    path: Path, top: str = "translate-en_ru-1_0", meta: Mapping[str, Any] | None = None
) -> Path:
    """A structurally valid package whose model files are dummies (enough to install)."""
    return write_zip(
        path,
        {
            f"{top}/metadata.json": json.dumps(meta if meta is not None else metadata()),
            f"{top}/sentencepiece.model": b"dummy",
            f"{top}/model/model.bin": b"dummy",
            f"{top}/model/config.json": b"{}",
        },
    )


def repack(source: Path, destination: Path, top: str, **changes: Any) -> Path:
    """A copy of a real package under another folder name, with its metadata changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(destination, "w") as new:
        (old_top,) = {name.split("/")[0] for name in old.namelist()}
        for info in old.infolist():
            name = top + info.filename[len(old_top) :]
            data = old.read(info)
            if info.filename == f"{old_top}/metadata.json":
                meta = json.loads(data)
                meta.update(changes)
                data = json.dumps(meta).encode()
            new.writestr(name, data)
    return destination


def snapshot(folder: Path) -> list[tuple[str, int]]:
    """Every path under ``folder`` (hidden ones too) with its size."""
    if not folder.exists():
        return []
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size if p.is_file() else -1)
        for p in folder.rglob("*")
    )
