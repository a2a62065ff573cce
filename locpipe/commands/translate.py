"""``locpipe translate``: merge the template into a language's PO, then pre-fill it.

Only entries with no msgstr are filled, and machine output is written as a
``fuzzy`` draft that names the engine and model, so nothing a person wrote or
accepted is ever overwritten. The PO is saved after every chunk of entries: a
run killed half-way leaves a valid PO holding all work up to the last save,
and the next run (helped by the translation memory) goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from locpipe import __version__
from locpipe.catalog.catalog import Catalog, Message
from locpipe.commands._catalog_files import read_catalog, write_catalog
from locpipe.config import Config, select_langs
from locpipe.errors import LocpipeError
from locpipe.lock import project_lock
from locpipe.mt.engine import Engine

MT_COMMENT_PREFIX = "machine translation"

EngineFactory = Callable[[], Engine]
ProgressStart = Callable[[int], None]
ProgressAdvance = Callable[[int], None]


@dataclass
class TranslateSummary:
    """What one ``translate`` run did to one language's catalog."""

    lang: str
    po_path: str
    machine_translated: int = 0  # entries filled by a model call in this run
    reused: int = 0  # entries filled from the translation memory
    kept: int = 0  # entries whose translation the merge kept
    fuzzy_matched: int = 0  # changed sources given the nearest old translation
    new: int = 0  # entries new in the template
    obsolete: int = 0  # entries gone from the template, kept as #~
    revived: int = 0  # obsolete entries whose source came back
    untranslated: int = 0  # entries still empty afterwards
    warnings: int = 0  # drafts whose placeholders needed repair

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


TOTALLED = ("machine_translated", "reused", "kept", "fuzzy_matched", "new", "obsolete")


@dataclass
class TranslateOutcome:
    """What one ``translate`` run did, language by language."""

    languages: list[TranslateSummary] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        """The counts that add up over languages, summed."""
        return {key: sum(getattr(s, key) for s in self.languages) for key in TOTALLED}

    def to_dict(self) -> dict[str, Any]:
        return {**self.totals(), "languages": [s.to_dict() for s in self.languages]}


class LanguageProgress(Protocol):
    """Told how many entries a language's engine will fill, then as chunks are done."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


def translate_project(
    config: Config,
    langs: Sequence[str] | None = None,
    *,
    now: datetime,
    engine: str | None = None,
    model: Path | None = None,
    progress: Callable[[str], LanguageProgress] | None = None,
) -> TranslateOutcome:
    """Merge the template into each of ``langs``' PO (default: all) and pre-fill them.

    ``engine`` and ``model`` (an ``.argosmodel`` file used without installing it)
    override the settings; ``progress(lang)`` is asked for each language in turn.
    """
    from locpipe.engines import with_engine

    config = with_engine(config, engine, model)
    outcome = TranslateOutcome()
    for lang in select_langs(config, langs):
        shown = progress(lang) if progress is not None else None
        outcome.languages.append(
            translate_language(
                config,
                lang,
                now=now,
                on_start=shown.start if shown is not None else None,
                on_advance=shown.advance if shown is not None else None,
            )
        )
    return outcome


def translate_language(
    config: Config,
    lang: str,
    *,
    now: datetime,
    on_start: ProgressStart | None = None,
    on_advance: ProgressAdvance | None = None,
) -> TranslateSummary:
    """Merge the template into ``lang``'s PO and pre-fill its empty entries."""
    from locpipe.engines import engine_for

    template_path = config.template_path
    if not template_path.exists():
        raise LocpipeError("no template yet", path=template_path, hint="run locpipe extract first")
    template = read_catalog(template_path)
    with project_lock(config.state_dir):
        return translate_catalog(
            template,
            config.po_path(lang),
            lang,
            lambda: engine_for(config, config.source_lang, lang),
            checkpoint_every=config.engine.checkpoint_every,
            now=now,
            on_start=on_start,
            on_advance=on_advance,
        )


def needs_translation(message: Message) -> bool:
    return message.msgid_plural is None and not message.msgstr


def translate_catalog(
    template: Catalog,
    po_path: Path,
    lang: str,
    engine_factory: EngineFactory,
    *,
    checkpoint_every: int = 64,
    now: datetime | None = None,
    on_start: ProgressStart | None = None,
    on_advance: ProgressAdvance | None = None,
) -> TranslateSummary:
    """Merge ``template`` into the PO at ``po_path`` and fill its empty entries."""
    from locpipe.catalog.merge import merge
    from locpipe.catalog.po import write_po

    old = read_catalog(po_path) if po_path.exists() else None
    merged = merge(template, old, lang)
    catalog = merged.catalog
    summary = TranslateSummary(
        lang=lang,
        po_path=str(po_path),
        kept=merged.kept,
        fuzzy_matched=merged.fuzzy_matched,
        new=merged.new,
        obsolete=merged.obsolete,
        revived=merged.revived,
    )
    todo = [message for message in catalog if needs_translation(message)]
    if on_start is not None:
        on_start(len(todo))
    unchanged = old is not None and write_po(catalog) == write_po(old)
    if unchanged and not todo:
        return summary  # nothing to do: the file is left exactly as it is
    if now is not None:
        catalog.header["PO-Revision-Date"] = now.strftime("%Y-%m-%d %H:%M%z")
    write_catalog(po_path, catalog)
    if todo:
        _fill(catalog, todo, po_path, engine_factory(), summary, checkpoint_every, on_advance)
    summary.untranslated = sum(1 for message in catalog if needs_translation(message))
    return summary


def _fill(
    catalog: Catalog,
    todo: list[Message],
    po_path: Path,
    engine: Engine,
    summary: TranslateSummary,
    checkpoint_every: int,
    on_advance: ProgressAdvance | None,
) -> None:
    hits_before = _hits(engine)
    for start in range(0, len(todo), max(1, checkpoint_every)):
        chunk = todo[start : start + checkpoint_every]
        results = engine.translate([message.msgid for message in chunk])
        for message, result in zip(chunk, results, strict=True):
            if not result.text:
                continue
            message.msgstr = result.text
            message.fuzzy = True
            message.user_comments = [
                c for c in message.user_comments if not c.startswith(MT_COMMENT_PREFIX)
            ]
            message.user_comments.append(
                f"{MT_COMMENT_PREFIX}: {engine.identity}, locpipe {__version__}"
            )
            for warning in result.warnings:
                message.user_comments.append(f"{MT_COMMENT_PREFIX} warning: {warning}")
            summary.warnings += bool(result.warnings)
        write_catalog(po_path, catalog)
        if on_advance is not None:
            on_advance(len(chunk))
    reused = _hits(engine) - hits_before
    filled = sum(1 for message in todo if message.msgstr)
    summary.reused = min(reused, filled)
    summary.machine_translated = filled - summary.reused


def _hits(engine: Engine) -> int:
    hits = getattr(engine, "hits", 0)
    return hits if isinstance(hits, int) else 0
