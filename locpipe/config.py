"""Project settings: ``locpipe.toml`` or ``[tool.locpipe]`` in ``pyproject.toml``, read once.

Every key is checked: an unknown key is an error with a "did you mean", a locale
code must be one Babel knows, and the folders must lie inside the project.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from locpipe.errors import ConfigError

CONFIG_FILE = "locpipe.toml"


@dataclass(frozen=True)
class EngineConfig:
    """The ``[engine]`` table: which machine translation engine, and how it runs."""

    name: str = "argos"  # "argos" or "pseudo"
    model: str | None = None  # an .argosmodel file used without installing it
    packages_dir: str | None = None  # default: ARGOS_PACKAGES_DIR or Argos' own folder
    index_url: str | None = None  # argospm-compatible package index
    beam_size: int = 4
    batch_size: int = 32  # max sentences per CTranslate2 batch
    inter_threads: int = 1
    intra_threads: int = 0  # 0: CTranslate2 picks (all cores)
    compute_type: str = "auto"
    checkpoint_every: int = 64  # segments translated between two saves of the PO


@dataclass(frozen=True)
class CheckConfig:
    """The ``[check]`` table: the release gate of ``locpipe check``."""

    min_translated: float = 0.0  # percent of entries translated and reviewed
    max_fuzzy: int | None = None  # most fuzzy entries allowed; None: no limit
    max_warnings: int | None = None
    glossary: str | None = None  # CSV file of terms, relative to the project
    length_ratio: float = 1.3  # translation/source width ratio allowed in fixed-width boxes


@dataclass(frozen=True)
class ExtractConfig:
    """The ``[extract]`` table: the owner's say over what is text (an export is replaced
    at every re-export, so hand edits to it do not last)."""

    exclude: tuple[str, ...] = ()  # CSS selectors, and page globs (a "/" or ".html" in them)
    keep: tuple[str, ...] = ()  # terms never translated; join the glossary's do-not-translate
    text_attributes: tuple[str, ...] = ()  # more attributes that carry text ("data-…")
    form_values: bool = False  # translate <option> and radio values (sent with the form)


@dataclass(frozen=True)
class Config:
    """Everything a command needs to know about the project."""

    root: Path
    target_langs: tuple[str, ...]
    source_lang: str = "en"
    source_dir: Path = Path("source")
    locales_dir: Path = Path("locales")
    build_dir: Path = Path("build")
    domain: str = "site"
    site_url: str | None = None  # public address, for absolute hreflang links
    engine: EngineConfig = field(default_factory=EngineConfig)
    check: CheckConfig = field(default_factory=CheckConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    config_path: Path | None = None

    @property
    def template_path(self) -> Path:
        return self.locales_dir / f"{self.domain}.pot"

    def po_path(self, lang: str) -> Path:
        return self.locales_dir / lang / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def state_dir(self) -> Path:
        """Where locpipe keeps its own state: translation memory, lock."""
        return self.root / ".locpipe"


_TOP_KEYS = {
    "source_lang",
    "target_langs",
    "source_dir",
    "locales_dir",
    "build_dir",
    "domain",
    "site_url",
    "engine",
    "check",
    "extract",
}


class NoProjectError(ConfigError):
    """The folder holds no locpipe settings at all."""


def find_config(root: Path) -> tuple[Path, Mapping[str, Any]]:
    """The settings table of the project at ``root`` and the file it came from."""
    toml_path = root / CONFIG_FILE
    if toml_path.is_file():
        return toml_path, _load_toml(toml_path)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _load_toml(pyproject).get("tool", {}).get("locpipe")
        if isinstance(table, dict):
            return pyproject, table
    raise NoProjectError(
        f"no {CONFIG_FILE} here",
        path=root,
        hint="run `locpipe init` in the project folder, or pass -C DIR",
    )


def load_config(root: Path) -> Config:
    path, table = find_config(root)
    return parse_config(table, root=root, path=path)


def parse_config(table: Mapping[str, Any], *, root: Path, path: Path) -> Config:
    _reject_unknown(table, _TOP_KEYS, path, "")
    root = root.resolve()
    if "target_langs" not in table:
        raise ConfigError(
            "target_langs is missing", path=path, hint='add for example target_langs = ["ru"]'
        )
    source_lang = validate_locale(_get(table, "source_lang", str, "en", path), path)
    targets = _get(table, "target_langs", list, [], path)
    target_langs = tuple(
        validate_locale(_as_str(lang, "target_langs", path), path) for lang in targets
    )
    if source_lang in target_langs:
        raise ConfigError(
            f"target_langs lists the source language {source_lang!r}",
            path=path,
            hint="the source language is built as it is",
        )
    source_dir = _folder(table, "source_dir", "source", root, path, must_exist=True)
    locales_dir = _folder(table, "locales_dir", "locales", root, path)
    build_dir = _folder(table, "build_dir", "build", root, path)
    _check_build_dir(build_dir, root, (source_dir, locales_dir), path)
    return Config(
        root=root,
        target_langs=target_langs,
        source_lang=source_lang,
        source_dir=source_dir,
        locales_dir=locales_dir,
        build_dir=build_dir,
        domain=_domain(table, path),
        site_url=_optional(table, "site_url", str, path),
        engine=_section(EngineConfig, table.get("engine", {}), path, "engine"),
        check=_section(CheckConfig, table.get("check", {}), path, "check"),
        extract=_extract_section(table.get("extract", {}), path),
        config_path=path,
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


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError carries the position only in its text.
        position = re.search(r"\(at line (\d+)", str(error))
        line = int(position.group(1)) if position else None
        message = str(error).split(" (at ")[0]
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from error
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", path=path) from error


def _reject_unknown(table: Mapping[str, Any], known: set[str], path: Path, prefix: str) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            known_list = ", ".join(sorted(known))
            hint = f"did you mean '{prefix}{close[0]}'?" if close else f"known keys: {known_list}"
            raise ConfigError(f"unknown key '{prefix}{key}'", path=path, hint=hint)


def _get(table: Mapping[str, Any], key: str, kind: type, default: Any, path: Path) -> Any:
    value = table.get(key, default)
    if not isinstance(value, kind):
        raise ConfigError(f"{key} must be a {kind.__name__}, not {type(value).__name__}", path=path)
    return value


def _optional(table: Mapping[str, Any], key: str, kind: type, path: Path) -> Any:
    return None if table.get(key) is None else _get(table, key, kind, None, path)


def _as_str(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{key} must list strings, found {value!r}", path=path)
    return value


def _domain(table: Mapping[str, Any], path: Path) -> str:
    domain: str = _get(table, "domain", str, "site", path)
    if not domain or "/" in domain or "\\" in domain or domain.startswith("."):
        raise ConfigError(f"domain {domain!r} is not a plain file name", path=path)
    return domain


def _folder(
    table: Mapping[str, Any],
    key: str,
    default: str,
    root: Path,
    path: Path,
    *,
    must_exist: bool = False,
) -> Path:
    folder: Path = (root / _get(table, key, str, default, path)).resolve()
    if not folder.is_relative_to(root):
        raise ConfigError(
            f"{key} {folder} lies outside the project {root}",
            path=path,
            hint="keep the site, catalogs and build inside the project folder",
        )
    if must_exist and not folder.is_dir():
        raise ConfigError(
            f"{key} {folder} does not exist",
            path=path,
            hint="export the Tilda site into it, or set source_dir",
        )
    return folder


def _check_build_dir(build_dir: Path, root: Path, inputs: tuple[Path, ...], path: Path) -> None:
    """``build`` removes stale files below build_dir, so it must hold nothing else."""
    clashes = build_dir == root or any(
        build_dir.is_relative_to(folder) or folder.is_relative_to(build_dir) for folder in inputs
    )
    if clashes:
        raise ConfigError(
            f"build_dir {build_dir} overlaps the project, source or locales folder",
            path=path,
            hint='use a folder of its own, such as build_dir = "build"',
        )


def _section(kind: type[Any], table: Any, path: Path, name: str) -> Any:
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}] must be a table", path=path)
    known = {f.name for f in fields(kind)}
    _reject_unknown(table, known, path, f"{name}.")
    defaults = kind()
    for key, value in table.items():
        expected = type(getattr(defaults, key))
        int_for_float = expected is float and isinstance(value, int)
        if (
            getattr(defaults, key) is not None
            and not isinstance(value, expected)
            and not int_for_float
        ):
            raise ConfigError(
                f"{name}.{key} must be a {expected.__name__}, not {type(value).__name__}",
                path=path,
            )
    return kind(**table)


_ATTRIBUTE_NAME = re.compile(r"[^\s\"'>/=]+")


def _extract_section(table: Any, path: Path) -> ExtractConfig:
    if not isinstance(table, dict):
        raise ConfigError("[extract] must be a table", path=path)
    _reject_unknown(table, {f.name for f in fields(ExtractConfig)}, path, "extract.")
    lists = {key: _strings(table, key, path) for key in ("exclude", "keep", "text_attributes")}
    for rule in lists["exclude"]:
        _check_exclude_rule(rule, path)
    for name in lists["text_attributes"]:
        if not _ATTRIBUTE_NAME.fullmatch(name):
            raise ConfigError(
                f"extract.text_attributes: {name!r} is not an attribute name",
                path=path,
                line=_line_of(path, name),
            )
    form_values = table.get("form_values", False)
    if not isinstance(form_values, bool):
        raise ConfigError("extract.form_values must be true or false", path=path)
    return ExtractConfig(
        exclude=tuple(lists["exclude"]),
        keep=tuple(term.strip() for term in lists["keep"] if term.strip()),
        text_attributes=tuple(name.lower() for name in lists["text_attributes"]),
        form_values=form_values,
    )


def _strings(table: Mapping[str, Any], key: str, path: Path) -> list[str]:
    values = table.get(key, [])
    if not isinstance(values, list):
        raise ConfigError(f"extract.{key} must be a list of strings", path=path)
    return [_as_str(value, f"extract.{key}", path) for value in values]


def _check_exclude_rule(rule: str, path: Path) -> None:
    """A page glob needs no check; a selector must compile (soupsieve, as extract uses it)."""
    from locpipe.html.owner import is_page_glob

    if is_page_glob(rule):
        return
    import soupsieve

    try:
        soupsieve.compile(rule)
    except soupsieve.SelectorSyntaxError as error:
        reason = str(error).splitlines()[0]
        raise ConfigError(
            f"extract.exclude: {rule!r} is not a valid CSS selector ({reason})",
            path=path,
            line=_line_of(path, rule),
            hint='write a selector such as "#rec123456", ".t-store" or a page glob "files/*"',
        ) from None


def _line_of(path: Path, value: str) -> int | None:
    """The line of the settings file that spells ``value`` in quotes, if one does."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for quoted in (f'"{value}"', f"'{value}'", value):
        for number, line in enumerate(lines, start=1):
            if quoted in line:
                return number
    return None


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
# model = "translate-en_ru-1_9.argosmodel"  # use a package file without installing it
# beam_size = 4
# batch_size = 32

[check]
# min_translated = 95       # percent; `locpipe check` fails below it
# max_fuzzy = 0             # machine drafts allowed in a release
# glossary = "glossary.csv" # term,translation[,note]: an empty translation means "never translate"

[extract]
# exclude = ["#rec123456", ".t-store", "files/*"]  # CSS selectors and page globs left alone
# keep = ["Acme"]           # terms never translated (join the glossary's do-not-translate list)
# text_attributes = ["data-caption"]  # more attributes that carry text
# form_values = false       # translate <option> and radio values (they are sent with the form)
"""


def render_init(source_lang: str, target_langs: list[str]) -> str:
    langs = ", ".join(f'"{lang}"' for lang in target_langs)
    return INIT_TEMPLATE.format(source_lang=source_lang, target_langs=langs)
