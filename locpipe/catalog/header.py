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
# The fields msgmerge writes first, in this order, when it merges a header.
MSGMERGE_ORDER = HEADER_ORDER[:-1]


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


def field_of_line(line: str) -> tuple[str, str] | None:
    """The name and value of a header line ``Name: value``; None for any other line
    (gettext keeps such lines, e.g. msgcat's ``#-#-#-#-#  file.po  #-#-#-#-#`` markers)."""
    name, colon, value = line.partition(":")
    if not colon or not name or name != name.strip() or " " in name or "\t" in name:
        return None
    return name, value.strip()


def header_lines(text: str) -> list[str]:
    """The lines of a header msgstr, each with its newline (the last one may have none).
    Only a newline ends a line: a CR inside a line stays part of it."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def parse_header(text: str) -> dict[str, str]:
    """The fields of a header msgstr, each value stripped; the first of a repeated name wins."""
    fields: dict[str, str] = {}
    for line in header_lines(text):
        found = field_of_line(line)
        if found is not None and found[0] not in fields:
            fields[found[0]] = found[1]
    return fields


def render_header(fields: dict[str, str], text: str | None) -> str:
    """The header msgstr for ``fields``. Lines of ``text`` (the msgstr as read) stay byte
    for byte where their field still has its value and where they are no field; a changed
    field is written ``Name: value``; a new one goes before the next field after it in
    ``fields``' order, or last; a field no longer in ``fields`` is left out."""
    if text is None:
        return "".join(f"{name}: {value}\n" for name, value in fields.items())
    lines = header_lines(text)
    known = {found[0] for line in lines if (found := field_of_line(line)) is not None}
    new_names = [name for name in fields if name not in known]
    written: set[str] = set()
    result: list[str] = []
    for line in lines:
        found = field_of_line(line)
        if found is None or found[0] in written:
            result.append(line)  # not a field, or a repeated one: kept as read
            continue
        name, value = found
        written.add(name)
        if name not in fields:
            continue
        order = list(fields)
        while new_names and order.index(new_names[0]) < order.index(name):
            new = new_names.pop(0)
            result.append(f"{new}: {fields[new]}\n")
        result.append(line if value == fields[name] else f"{name}: {fields[name]}\n")
    result.extend(f"{name}: {fields[name]}\n" for name in new_names)
    return "".join(result)
