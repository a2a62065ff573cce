"""Project settings: ``locpipe.toml`` or ``[tool.locpipe]`` in ``pyproject.toml``, read once.

Every key is checked when the file is read, before any command does anything:
its type and bounds come from the dataclasses below (see ``locpipe.settings``),
an unknown key is an error with a "did you mean", a locale code must be one
Babel knows, and the folders must lie inside the project. A new table is one
frozen dataclass and one field of ``Config``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from locpipe.errors import ConfigError
from locpipe.settings import (
    Source,
    check_value,
    is_table,
    read_table,
    reject_unknown,
    setting,
    table_fields,
)

CONFIG_FILE = "locpipe.toml"

# Keys of the old flat [engine] table that now live in [engine.argos]: still read, with a note.
LEGACY_ENGINE = "argos"


def _engine_names() -> Sequence[str]:
    from locpipe.mt.factory import ENGINE_NAMES

    return ENGINE_NAMES


@dataclass(frozen=True)
class EngineConfig:
    """The ``[engine]`` table: which engine, plus each engine's own ``[engine.NAME]`` table."""

    name: str = setting("argos", choices=_engine_names)
    checkpoint_every: int = setting(64, ge=1)  # segments translated between two saves of the PO
    tables: Mapping[str, Any] = field(default_factory=dict, metadata={"setting": False})

    def settings(self, name: str | None = None) -> Any:
        """The settings of engine ``name`` (default: the chosen one), its defaults if unwritten."""
        from locpipe.mt.factory import ENGINES

        name = name or self.name
        return self.tables[name] if name in self.tables else ENGINES[name].settings()


@dataclass(frozen=True)
class CheckConfig:
    """The ``[check]`` table: the release gate of ``locpipe check``."""

    min_translated: float = setting(0.0, ge=0, le=100)  # percent translated and reviewed
    max_fuzzy: int | None = setting(None, ge=0)  # most fuzzy entries allowed; None: no limit
    max_warnings: int | None = setting(None, ge=0)
    glossary: str | None = setting(None, non_empty=True)  # CSV of terms, relative to the project
    length_ratio: float = setting(1.3, gt=0)  # width growth allowed in fixed-width boxes


@dataclass(frozen=True)
class SiteConfig:
    """The ``[site]`` table: what the build adds to the whole site."""

    switcher: bool = False  # add locpipe's own language switcher to every page


def _exclude_rule_problem(rule: str) -> str | None:
    """A page glob needs no check; a selector must compile (soupsieve, as extract uses it)."""
    from locpipe.html.owner import is_page_glob

    if is_page_glob(rule):
        return None
    import soupsieve

    try:
        soupsieve.compile(rule)
    except soupsieve.SelectorSyntaxError as error:
        reason = str(error).splitlines()[0]
        return (
            f"is not a valid CSS selector ({reason}); write a selector such as"
            ' "#rec123456", ".t-store" or a page glob "files/*"'
        )
    return None


_ATTRIBUTE_NAME = re.compile(r"[^\s\"'>/=]+")


def _attribute_name_problem(name: str) -> str | None:
    return None if _ATTRIBUTE_NAME.fullmatch(name) else "is not an attribute name"


@dataclass(frozen=True)
class ExtractConfig:
    """The ``[extract]`` table: the owner's say over what is text (an export is replaced
    at every re-export, so hand edits to it do not last)."""

    # CSS selectors, and page globs (a "/" or ".html" in them)
    exclude: tuple[str, ...] = setting((), each=_exclude_rule_problem)
    keep: tuple[str, ...] = ()  # terms never translated; join the glossary's do-not-translate
    # more attributes that carry text ("data-…")
    text_attributes: tuple[str, ...] = setting((), each=_attribute_name_problem)
    form_values: bool = False  # translate <option> and radio values (sent with the form)


@dataclass(frozen=True)
class Config:
    """Everything a command needs to know about the project.

    Each field not marked ``{"setting": False}`` is a key of the settings file, and
    each field whose type is a dataclass is a table of it, read and checked by
    ``parse_config`` with no other list to keep.
    """

    root: Path = field(metadata={"setting": False})
    target_langs: tuple[str, ...] = field(metadata={"non_empty": True})
    source_lang: str = "en"
    source_dir: Path = Path("source")
    locales_dir: Path = Path("locales")
    build_dir: Path = Path("build")
    domain: str = setting("site", non_empty=True)
    site_url: str | None = setting(None, non_empty=True)  # public address, for hreflang links
    engine: EngineConfig = field(default_factory=EngineConfig)
    check: CheckConfig = field(default_factory=CheckConfig)
    site: SiteConfig = field(default_factory=SiteConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    config_path: Path | None = field(default=None, metadata={"setting": False})
    notes: tuple[str, ...] = field(default=(), metadata={"setting": False})  # deprecations

    @property
    def template_path(self) -> Path:
        return self.locales_dir / f"{self.domain}.pot"

    def po_path(self, lang: str) -> Path:
        return self.locales_dir / lang / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def state_dir(self) -> Path:
        """Where locpipe keeps its own state: translation memory, lock."""
        return self.root / ".locpipe"


class NoProjectError(ConfigError):
    """The folder holds no locpipe settings at all."""


def find_config(root: Path) -> tuple[Source, Mapping[str, Any]]:
    """The settings table of the project at ``root`` and where it came from."""
    toml_path = root / CONFIG_FILE
    if toml_path.is_file():
        text, table = _load_toml(toml_path)
        return Source(toml_path, text), table
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        text, document = _load_toml(pyproject)
        table = document.get("tool", {}).get("locpipe")
        if isinstance(table, dict):
            return Source(pyproject, text, ("tool", "locpipe")), table
    raise NoProjectError(
        f"no {CONFIG_FILE} here",
        path=root,
        hint="run `locpipe init` in the project folder, or pass -C DIR",
    )


def load_config(root: Path) -> Config:
    source, table = find_config(root)
    return parse_config(table, root=root, path=source.path, source=source)


def parse_config(
    table: Mapping[str, Any], *, root: Path, path: Path, source: Source | None = None
) -> Config:
    """The settings in ``table`` checked, every key, before anything uses them."""
    source = source or Source(path)
    settings = table_fields(Config)
    reject_unknown(table, list(settings), source, "")
    if "target_langs" not in table:
        raise ConfigError(
            "target_langs is missing", path=path, hint='add for example target_langs = ["ru"]'
        )
    values: dict[str, Any] = {}
    notes: list[str] = []
    for key, value in table.items():
        kind, metadata = settings[key]
        if kind is EngineConfig:
            values[key] = _read_engine(value, source, notes)
        elif is_table(kind):
            values[key] = read_table(kind, value, source, key)
        else:
            values[key] = check_value(value, kind, metadata, source, key)
    return replace(_project(values, root.resolve(), source), notes=tuple(notes))


def _read_engine(table: object, source: Source, notes: list[str]) -> EngineConfig:
    """``[engine]`` and one ``[engine.NAME]`` table per registered engine, each checked.

    The old flat keys (``[engine] beam_size``) are the legacy engine's: checked
    where they are, then read as if written in its table, with a note to move them.
    """
    from locpipe.mt.factory import ENGINES

    if not isinstance(table, dict):
        raise source.error("engine", "[engine] must be a table")
    own = table_fields(EngineConfig)
    legacy_kind = ENGINES[LEGACY_ENGINE].settings
    legacy_keys = [key for key in table_fields(legacy_kind) if key not in own]
    reject_unknown(table, [*own, *ENGINES, *legacy_keys], source, "engine.")
    legacy = {key: value for key, value in table.items() if key in legacy_keys}
    if legacy:
        read_table(legacy_kind, legacy, source, "engine")  # errors name the key where it is
        moved = ", ".join(legacy)
        notes.append(
            f"{source.path}:{source.line_of('engine')}: [engine] {moved}: deprecated here, "
            f"move to [engine.{LEGACY_ENGINE}]"
        )
        written = table.get(LEGACY_ENGINE, {})
        table = {
            **table,
            LEGACY_ENGINE: {**legacy, **(written if isinstance(written, dict) else {})},
        }
    tables = {
        name: read_table(ENGINES[name].settings, table[name], source, f"engine.{name}")
        for name in ENGINES
        if name in table
    }
    base = read_table(EngineConfig, {k: v for k, v in table.items() if k in own}, source, "engine")
    return replace(base, tables=tables)


def _project(values: dict[str, Any], root: Path, source: Source) -> Config:
    """The checked values made a Config: locales normalised, folders resolved and checked."""
    source_lang = _locale(values.pop("source_lang", "en"), "source_lang", source)
    target_langs = tuple(_locale(lang, "target_langs", source) for lang in values["target_langs"])
    if source_lang in target_langs:
        raise source.error(
            "target_langs",
            f"target_langs lists the source language {source_lang!r}",
            hint="the source language is built as it is",
        )
    values["target_langs"] = target_langs
    folders = {
        key: _folder(key, values.get(key, default), root, source)
        for key, default in (
            ("source_dir", "source"),
            ("locales_dir", "locales"),
            ("build_dir", "build"),
        )
    }
    if not folders["source_dir"].is_dir():
        raise source.error(
            "source_dir",
            f"source_dir {folders['source_dir']} does not exist",
            hint="export the Tilda site into it, or set source_dir",
        )
    _check_build_dir(folders, root, source)
    _check_domain(values.get("domain", "site"), source)
    return Config(
        root=root, source_lang=source_lang, config_path=source.path, **{**values, **folders}
    )


def validate_locale(code: str, path: Path | None = None) -> str:
    """A locale code Babel knows (``ru``, ``pt_BR``, ``sr_Latn``), normalised to ``ll_CC``."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise ConfigError(
            f"unknown locale code {code!r}",
            path=path,
            hint="use a code such as ru, de, pt_BR",
        ) from error
    return str(locale)


def select_langs(config: Config, requested: Sequence[str] | None) -> tuple[str, ...]:
    """The languages a command works on: all of ``target_langs`` when none are requested,
    else the requested ones, each a known locale code that ``target_langs`` lists."""
    if not requested:
        return config.target_langs
    langs = tuple(validate_locale(lang) for lang in requested)
    unknown = [lang for lang in langs if lang not in config.target_langs]
    if unknown:
        raise ConfigError(
            f"{', '.join(unknown)} is not among target_langs",
            path=config.config_path,
            hint="add it to target_langs first",
        )
    return langs


def _locale(code: str, key: str, source: Source) -> str:
    try:
        return validate_locale(code, source.path)
    except ConfigError as error:
        raise source.error(key, error.message, error.hint) from error


def _load_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_bytes().decode("utf-8")
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError carries the position only in its text.
        position = re.search(r"\(at line (\d+)", str(error))
        line = int(position.group(1)) if position else None
        message = str(error).split(" (at ")[0]
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from error
    except UnicodeDecodeError as error:
        raise ConfigError("invalid TOML: not UTF-8", path=path) from error
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", path=path) from error


def _check_domain(domain: str, source: Source) -> None:
    if "/" in domain or "\\" in domain or domain.startswith("."):
        raise source.error("domain", f"domain {domain!r} is not a plain file name")


def _folder(key: str, value: str, root: Path, source: Source) -> Path:
    folder = (root / value).resolve()
    if not folder.is_relative_to(root):
        raise source.error(
            key,
            f"{key} {folder} lies outside the project {root}",
            hint="keep the site, catalogs and build inside the project folder",
        )
    return folder


def _check_build_dir(folders: dict[str, Path], root: Path, source: Source) -> None:
    """``build`` removes stale files below build_dir, so it must hold nothing else."""
    build_dir = folders["build_dir"]
    inputs = (folders["source_dir"], folders["locales_dir"])
    clashes = build_dir == root or any(
        build_dir.is_relative_to(folder) or folder.is_relative_to(build_dir) for folder in inputs
    )
    if clashes:
        raise source.error(
            "build_dir",
            f"build_dir {build_dir} overlaps the project, source or locales folder",
            hint='use a folder of its own, such as build_dir = "build"',
        )


INIT_TEMPLATE = """\
# locpipe project settings. Every key but target_langs is optional.

# Language of the Tilda export in source_dir.
source_lang = "{source_lang}"
# Languages to translate into: locale codes such as ru, de, pt_BR.
target_langs = [{target_langs}]

# source_dir = "source"     # the Tilda export, never modified
# locales_dir = "locales"   # site.pot and <lang>/LC_MESSAGES/site.po
# build_dir = "build"       # the localized site, ready to deploy
# domain = "site"           # name of the catalogs
# site_url = "https://example.com"  # makes hreflang alternates absolute

[engine]
# name = "argos"            # "argos" (offline Argos Translate packages) or "pseudo"

[engine.argos]
# model = "translate-en_ru-1_9.argosmodel"  # use a package file without installing it
# beam_size = 4
# batch_size = 32
# device = "cpu"            # "cpu", "cuda" or "auto"

[check]
# min_translated = 95       # percent; `locpipe check` fails below it
# max_fuzzy = 0             # machine drafts allowed in a release
# glossary = "glossary.csv" # term,translation[,note]: an empty translation means "never translate"

[site]
# switcher = true           # add a small language switcher of locpipe's own to every page

[extract]
# exclude = ["#rec123456", ".t-store", "files/*"]  # CSS selectors and page globs left alone
# keep = ["Acme"]           # terms never translated (join the glossary's do-not-translate list)
# text_attributes = ["data-caption"]  # more attributes that carry text
# form_values = false       # translate <option> and radio values (they are sent with the form)
"""


def render_init(source_lang: str, target_langs: list[str]) -> str:
    langs = ", ".join(f'"{lang}"' for lang in target_langs)
    return INIT_TEMPLATE.format(source_lang=source_lang, target_langs=langs)
