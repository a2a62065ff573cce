"""Argos Translate language packages: list, validate, install, remove, download.

An ``.argosmodel`` is a zip holding one folder with ``metadata.json``,
``sentencepiece.model`` and a CTranslate2 ``model/``. Installed packages are
those folders, unpacked side by side in the packages folder Argos Translate
uses, so both tools share them.

Argos' own ``install_from_path`` only checks that the file is a zip and
extracts it wherever its settings point (and importing those settings creates
folders), so the checks and the unpacking are done here: an archive is fully
validated before a byte is written, unpacked into a hidden temporary folder
inside the packages folder, and renamed into place, so a package is either
completely installed or not at all. Argos' index client is not used either:
offline it retries itself into a RecursionError.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from locpipe.errors import ModelPackageError

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
REQUIRED_MEMBERS = ("metadata.json", "sentencepiece.model", "model/model.bin")
INSTALL_HINT = (
    "install a package: locpipe models install FILE, "
    "or locpipe models install FROM TO where there is network"
)
_TEMP_PREFIX = ".locpipe-"
_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]+)?$")
_CHUNK = 1 << 20

DownloadProgress = Callable[[int, int | None], None]
"""Called with bytes received so far and the total when the server says it."""


@dataclass(frozen=True)
class PackageInfo:
    """What ``metadata.json`` says about a package, and where it is installed."""

    from_code: str
    to_code: str
    package_version: str = ""
    argos_version: str = ""
    from_name: str = ""
    to_name: str = ""
    type: str = "translate"
    target_prefix: str = ""
    folder: str = ""  # the archive's top folder, which is the installed folder's name
    path: Path | None = None  # installed folder; None for an archive or an index entry
    links: tuple[str, ...] = ()  # download addresses (index entries only)

    @property
    def code(self) -> str:
        """``translate-en_ru``: the name ``argospm`` and ``locpipe models remove`` use."""
        return f"{self.type}-{self.from_code}_{self.to_code}"

    @property
    def name(self) -> str:
        """``translate-en_ru-1_9``: code and version, as package files are named."""
        version = self.package_version.replace(".", "_")
        return f"{self.code}-{version}" if version else self.code

    @property
    def version(self) -> str:
        return self.package_version

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields, for ``locpipe models list --json``."""
        return {
            "code": self.code,
            "name": self.name,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "from_name": self.from_name,
            "to_name": self.to_name,
            "package_version": self.package_version,
            "argos_version": self.argos_version,
            "path": None if self.path is None else str(self.path),
        }

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, Any], **where: Any) -> PackageInfo:
        links = metadata.get("links", [])
        return cls(
            from_code=str(metadata["from_code"]),
            to_code=str(metadata["to_code"]),
            package_version=str(metadata.get("package_version", "")),
            argos_version=str(metadata.get("argos_version", "")),
            from_name=str(metadata.get("from_name", "")),
            to_name=str(metadata.get("to_name", "")),
            type=str(metadata.get("type", "translate")),
            target_prefix=str(metadata.get("target_prefix", "")),
            links=tuple(str(link) for link in links) if isinstance(links, list) else (),
            **where,
        )


def default_packages_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Argos Translate's packages folder, computed as its settings do but creating nothing."""
    env = os.environ if environ is None else environ
    if env.get("ARGOS_PACKAGES_DIR"):
        return Path(env["ARGOS_PACKAGES_DIR"]).expanduser()
    home = Path(env["SNAP_USER_DATA"]) if "SNAP" in env else Path.home()
    data_home = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def default_index_url(environ: Mapping[str, str] | None = None) -> str:
    """``ARGOS_PACKAGE_INDEX`` (Argos reads it as the folder of index.json) or Argos' index."""
    env = os.environ if environ is None else environ
    value = env.get("ARGOS_PACKAGE_INDEX", "").strip()
    if not value:
        return DEFAULT_INDEX_URL
    return value if value.endswith(".json") else value.rstrip("/") + "/index.json"


def _metadata(raw: bytes, path: Path) -> dict[str, Any]:
    try:
        metadata = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelPackageError(f"metadata.json is not valid JSON: {error}", path=path) from error
    if not isinstance(metadata, dict):
        raise ModelPackageError("metadata.json is not a JSON object", path=path)
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE.match(value):
            raise ModelPackageError(f"metadata.json has no valid {key!r}: {value!r}", path=path)
    if metadata.get("type", "translate") != "translate":
        raise ModelPackageError(
            f"not a translation package (type {metadata.get('type')!r})", path=path
        )
    return metadata


def _member_parts(info: zipfile.ZipInfo, path: Path) -> tuple[str, ...]:
    name = info.filename
    pure = PurePosixPath(name)
    if "\\" in name or pure.is_absolute() or re.match(r"^[A-Za-z]:", name) or ".." in pure.parts:
        raise ModelPackageError(f"unsafe path in the archive: {name!r}", path=path)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ModelPackageError(f"symbolic link in the archive: {name!r}", path=path)
    return tuple(part for part in pure.parts if part not in ("", "."))


def validate_archive(path: Path, expected: tuple[str, str] | None = None) -> PackageInfo:
    """Check an ``.argosmodel`` file without writing anything; its metadata if it is sound.

    ``expected``: the (from, to) language pair the caller asked for.
    """
    if not path.is_file():
        raise ModelPackageError("no such package file", path=path)
    if not zipfile.is_zipfile(path):
        raise ModelPackageError(
            "not an Argos package (.argosmodel files are zip archives)", path=path
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            tops = {parts[0] for info in infos if (parts := _member_parts(info, path))}
            if len(tops) != 1:
                raise ModelPackageError(
                    f"the archive must hold exactly one folder, found {len(tops)}", path=path
                )
            (top,) = tops
            if top.startswith(".") or not any(
                info.filename.startswith(top + "/") for info in infos
            ):
                raise ModelPackageError(f"bad top folder {top!r} in the archive", path=path)
            names = {info.filename for info in infos}
            missing = [m for m in REQUIRED_MEMBERS if f"{top}/{m}" not in names]
            if missing:
                raise ModelPackageError(
                    f"the package lacks {', '.join(missing)}",
                    path=path,
                    hint="locpipe runs SentencePiece + CTranslate2 packages only",
                )
            metadata = _metadata(archive.read(f"{top}/metadata.json"), path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ModelPackageError(f"cannot read the archive: {error}", path=path) from error
    package = PackageInfo.from_metadata(metadata, folder=top)
    if expected is not None and (package.from_code, package.to_code) != expected:
        raise ModelPackageError(
            f"wrong language pair: the package translates {package.from_code}->{package.to_code},"
            f" {expected[0]}->{expected[1]} was asked for",
            path=path,
        )
    return package


def read_installed(folder: Path) -> PackageInfo:
    """The package installed in ``folder``."""
    meta_path = folder / "metadata.json"
    try:
        raw = meta_path.read_bytes()
    except OSError as error:
        raise ModelPackageError("not a package: no readable metadata.json", path=folder) from error
    return PackageInfo.from_metadata(_metadata(raw, meta_path), folder=folder.name, path=folder)


def scan_packages(packages_dir: Path) -> tuple[list[PackageInfo], list[str]]:
    """Installed packages, and a note for each folder that is not one (skipped)."""
    if not packages_dir.is_dir():
        return [], []
    packages: list[PackageInfo] = []
    problems: list[str] = []
    for folder in sorted(packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            packages.append(read_installed(folder))
        except ModelPackageError as error:
            problems.append(str(error))
    return packages, problems


def list_installed(packages_dir: Path) -> list[PackageInfo]:
    return scan_packages(packages_dir)[0]


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Order "1.10" after "1.9"; non-numeric parts compare as text."""
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"[._-]", version)
    )


def find_package(from_code: str, to_code: str, packages_dir: Path) -> PackageInfo | None:
    """The newest installed package translating ``from_code`` into ``to_code``."""
    matching = [
        package
        for package in list_installed(packages_dir)
        if (package.from_code, package.to_code) == (from_code, to_code)
    ]
    return max(matching, key=lambda p: version_key(p.package_version), default=None)


def extract_archive(path: Path, parent: Path, folder_name: str) -> Path:
    """Unpack a validated archive's folder as ``parent/folder_name``, atomically.

    An existing folder of that name is replaced; nothing is left behind on failure.
    """
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=parent))
    old: Path | None = None
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)
        (top,) = [child for child in staging.iterdir() if child.is_dir()]
        target = parent / folder_name
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=parent)) / "old"
            target.rename(old)
        top.rename(target)
        return target
    except (OSError, zipfile.BadZipFile) as error:
        raise ModelPackageError(f"cannot unpack the package: {error}", path=path) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old.parent, ignore_errors=True)


def install_file(
    path: Path, packages_dir: Path, expected: tuple[str, str] | None = None
) -> PackageInfo:
    """Validate and install an ``.argosmodel`` file; older packages of its pair are replaced."""
    package = validate_archive(path, expected)
    replaced = [
        installed
        for installed in list_installed(packages_dir)
        if (installed.from_code, installed.to_code) == (package.from_code, package.to_code)
        and installed.folder != package.folder
    ]
    target = extract_archive(path, packages_dir, package.folder)
    for old in replaced:
        if old.path is not None:
            _remove_folder(old.path)
    return read_installed(target)


def _remove_folder(folder: Path) -> None:
    """Remove an installed folder: first renamed out of sight, so it vanishes at once."""
    trash = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=folder.parent))
    try:
        folder.rename(trash / "old")
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def remove(code: str, packages_dir: Path) -> list[PackageInfo]:
    """Uninstall the packages ``code`` names: ``en_ru``, ``translate-en_ru`` or a folder name."""
    wanted = code.strip()
    matching = [
        package
        for package in list_installed(packages_dir)
        if wanted
        in (f"{package.from_code}_{package.to_code}", package.code, package.name, package.folder)
    ]
    if not matching:
        installed = ", ".join(p.code for p in list_installed(packages_dir)) or "none"
        raise ModelPackageError(
            f"no installed package {wanted!r} (installed: {installed})", path=packages_dir
        )
    for package in matching:
        assert package.path is not None
        try:
            _remove_folder(package.path)
        except OSError as error:
            raise ModelPackageError(f"cannot remove: {error}", path=package.path) from error
    return matching


def fetch_index(index_url: str, timeout: float = 10.0) -> list[PackageInfo]:
    """The packages an argospm-compatible ``index.json`` offers."""
    data = _get(index_url, timeout)
    try:
        entries = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelPackageError(f"the package index {index_url} is not JSON: {error}") from error
    if not isinstance(entries, list):
        raise ModelPackageError(f"the package index {index_url} is not a JSON list")
    packages: list[PackageInfo] = []
    for entry in entries:
        if isinstance(entry, dict) and entry.get("type", "translate") == "translate":
            try:
                packages.append(PackageInfo.from_metadata(entry))
            except KeyError:
                continue  # an entry without a language pair cannot be asked for
    return packages


def _get(url: str, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ModelPackageError(
            f"cannot fetch the package index {url}: {_reason(error)}",
            hint="without network, download the .argosmodel file elsewhere and run "
            "locpipe models install FILE; or set ARGOS_PACKAGE_INDEX / [engine] index_url "
            "to a reachable index",
        ) from error


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    reason = getattr(error, "reason", None)
    return str(reason if reason is not None else error)


def _download(
    url: str, destination: Path, timeout: float, progress: DownloadProgress | None
) -> None:
    with urllib.request.urlopen(url, timeout=timeout) as response, destination.open("wb") as out:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        received = 0
        while chunk := response.read(_CHUNK):
            out.write(chunk)
            received += len(chunk)
            if progress is not None:
                progress(received, total)


def install_pair(
    from_code: str,
    to_code: str,
    packages_dir: Path,
    index_url: str | None = None,
    *,
    timeout: float = 10.0,
    progress: DownloadProgress | None = None,
) -> PackageInfo:
    """Download the newest ``from_code``->``to_code`` package the index offers and install it."""
    url = index_url or default_index_url()
    offered = [
        p for p in fetch_index(url, timeout) if (p.from_code, p.to_code) == (from_code, to_code)
    ]
    if not offered:
        raise ModelPackageError(
            f"the package index {url} offers no {from_code}->{to_code} package",
            hint=f"pivoting through English needs two packages: {from_code}->en and en->{to_code}",
        )
    package = max(offered, key=lambda p: version_key(p.package_version))
    packages_dir.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    for link in package.links:
        fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".argosmodel", dir=packages_dir)
        os.close(fd)
        temporary = Path(name)
        try:
            _download(link, temporary, timeout, progress)
            return install_file(temporary, packages_dir, expected=(from_code, to_code))
        except (urllib.error.URLError, OSError, ValueError) as error:
            errors.append(f"{link}: {_reason(error)}")
        finally:
            temporary.unlink(missing_ok=True)
    raise ModelPackageError(
        f"cannot download {package.name}: " + ("; ".join(errors) or "the index gives no link"),
        hint="download the .argosmodel file elsewhere and run locpipe models install FILE",
    )
