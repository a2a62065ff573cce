"""Reading what the checks work on: each language's catalog and its glossary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from locpipe.catalog.catalog import Catalog
from locpipe.catalog.storage import format_for
from locpipe.config import Config
from locpipe.errors import CatalogError, ConfigError
from locpipe.qa.glossary import Glossary, GlossaryError, Term, read_glossary


def read_catalog(config: Config, lang: str) -> Catalog:
    path = config.po_path(lang)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise CatalogError(
            f"no catalog for {lang}", path=path, hint=f"run `locpipe translate --lang {lang}`"
        ) from error
    except OSError as error:
        raise CatalogError(f"cannot read: {error.strerror}", path=path) from error
    return format_for(path).read(data, path)


def glossary_path(config: Config, lang: str) -> Path | None:
    """The glossary file of ``lang``: ``[check] glossary``, where ``{lang}`` is replaced."""
    if config.check.glossary is None:
        return None
    return config.root / config.check.glossary.replace("{lang}", lang)


def load_glossary(config: Config, lang: str) -> Glossary | None:
    """The language's glossary and the ``[extract] keep`` terms, which join its
    do-not-translate list; with ``{lang}`` in the setting, a missing file means none."""
    glossary = _glossary_file(config, lang)
    keep = [
        Term(term, "", "[extract] keep", 0)
        for term in (written.strip() for written in config.extract.keep)
        if term and (glossary is None or term not in {known.term for known in glossary.terms})
    ]
    if not keep:
        return glossary
    if glossary is None:
        return Glossary(config.config_path or config.root / "locpipe.toml", tuple(keep))
    return replace(glossary, terms=(*glossary.terms, *keep))


def _glossary_file(config: Config, lang: str) -> Glossary | None:
    path = glossary_path(config, lang)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        if config.check.glossary and "{lang}" in config.check.glossary:
            return None
        raise ConfigError(
            "the glossary file does not exist",
            path=path,
            hint="fix [check] glossary in the configuration, or create the file",
        ) from error
    except OSError as error:
        raise GlossaryError(f"cannot read: {error.strerror}", path=path) from error
    return read_glossary(data, path)


def display_path(config: Config, path: Path) -> str:
    """``path`` relative to the project root, in posix form, as the findings name files."""
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()
