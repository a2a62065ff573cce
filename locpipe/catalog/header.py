"""PO header fields: a new header in gettext's usual order, plural forms as msginit writes."""

from __future__ import annotations

from datetime import UTC, datetime

from babel import Locale, UnknownLocaleError

from locpipe.errors import ConfigError

# xgettext's placeholders for the fields a translator's tool fills in.
TEMPLATE_REVISION_DATE = "YEAR-MO-DA HO:MI+ZONE"
TEMPLATE_LAST_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"
TEMPLATE_LANGUAGE_TEAM = "LANGUAGE <LL@li.org>"

# gettext's order of header fields; merge inserts a missing field at its place.
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def parse_locale(code: str) -> Locale:
    """The Babel locale of a code such as ``ru`` or ``pt_BR``; ConfigError if unknown."""
    hint = "use a code such as ru, de or pt_BR (language, then an optional _REGION)"
    if not code or not code.replace("_", "").isalnum():
        raise ConfigError(f"invalid locale code {code!r}", hint=hint)
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"unknown locale code {code!r}", hint=hint) from exc


def plural_forms(locale: str) -> str:
    """A new catalog's Plural-Forms, e.g. ``nplurals=2; plural=(n != 1);`` (as msginit writes)."""
    from locpipe.catalog.plurals import plural_forms_for

    parse_locale(locale)
    return plural_forms_for(locale)


def format_date(moment: datetime) -> str:
    """A date as PO headers write it: ``2024-05-01 12:30+0000`` (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%d %H:%M%z")


def new_header(
    locale: str | None,
    *,
    project: str,
    version: str,
    now: datetime,
    plural_forms: str | None = None,
) -> dict[str, str]:
    """Header fields of a new template (``locale`` None) or of a new catalog for ``locale``."""
    date = format_date(now)
    header = {
        "Project-Id-Version": f"{project} {version}".strip(),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": TEMPLATE_REVISION_DATE if locale is None else date,
        "Last-Translator": TEMPLATE_LAST_TRANSLATOR,
        "Language-Team": TEMPLATE_LANGUAGE_TEAM if locale is None else f"{locale} <LL@li.org>",
        "Language": locale or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if locale is not None:
        header["Plural-Forms"] = plural_forms or _plural_forms_of(locale)
    elif plural_forms is not None:
        header["Plural-Forms"] = plural_forms
    return header


def _plural_forms_of(locale: str) -> str:
    return plural_forms(locale)


def set_field(header: dict[str, str], key: str, value: str) -> dict[str, str]:
    """A copy of ``header`` with ``key`` set; a new key goes where gettext puts it."""
    if key in header or key not in HEADER_ORDER:
        return {**header, key: value}
    rank = HEADER_ORDER.index(key)
    result: dict[str, str] = {}
    placed = False
    for existing, existing_value in header.items():
        if not placed and existing in HEADER_ORDER and HEADER_ORDER.index(existing) > rank:
            result[key] = value
            placed = True
        result[existing] = existing_value
    if not placed:
        result[key] = value
    return result
