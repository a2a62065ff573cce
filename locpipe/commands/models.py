"""``locpipe models``: list, install and remove Argos language packages.

These work outside a project too: there, Argos' own packages folder is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from locpipe.errors import LocpipeError
from locpipe.mt.packages import PackageInfo


@dataclass(frozen=True)
class PackageSettings:
    """Where Argos packages live and where new ones come from."""

    packages_dir: Path
    index_url: str | None = None


def package_settings(root: Path) -> PackageSettings:
    """The project's package settings; outside a project, Argos' own defaults."""
    from locpipe.config import NoProjectError, load_config
    from locpipe.mt.packages import default_packages_dir

    try:
        config = load_config(root)
    except NoProjectError:
        return PackageSettings(default_packages_dir())
    argos = config.engine.settings("argos")
    folder = argos.packages_dir
    return PackageSettings(
        packages_dir=(config.root / folder).resolve() if folder else default_packages_dir(),
        index_url=argos.index_url,
    )


def install_model(
    settings: PackageSettings,
    what: list[str],
    progress: Callable[[int, int | None], None] | None = None,
) -> PackageInfo:
    """Install from an ``.argosmodel`` file, or a FROM TO pair from the package index."""
    from locpipe.mt.packages import install_file, install_pair

    if len(what) == 1:
        return install_file(Path(what[0]), settings.packages_dir)
    if len(what) == 2:
        return install_pair(
            what[0], what[1], settings.packages_dir, settings.index_url, progress=progress
        )
    raise LocpipeError(
        "install takes one package FILE, or two language codes FROM TO",
        hint="for example: locpipe models install en ru",
    )


def list_models(settings: PackageSettings) -> list[PackageInfo]:
    """The packages installed in the settings' folder."""
    from locpipe.mt.packages import list_installed

    return list_installed(settings.packages_dir)


def remove_model(settings: PackageSettings, code: str) -> list[PackageInfo]:
    """Remove the packages of a pair (``en_ru``) or of that name; returns what was removed."""
    from locpipe.mt.packages import remove

    return remove(code, settings.packages_dir)
