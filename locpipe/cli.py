"""The ``locpipe`` command line: the only module that prints or exits.

Each command parses its options, reads the settings once, calls its function in
``locpipe.commands`` and shows the value it returns.
A ``LocpipeError`` (bad input) becomes a one-line message and exit code 2.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from locpipe import __version__
from locpipe.config import Config, load_config
from locpipe.errors import LocpipeError

if TYPE_CHECKING:
    from locpipe.html.owner import Exclusion
    from locpipe.qa.gate import CheckReport

app = typer.Typer(
    name="locpipe",
    help="Localise Tilda website exports: extract, translate, check, build.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(
    help="List, install and remove Argos language packages.", no_args_is_help=True
)
app.add_typer(models_app, name="models")

P = ParamSpec("P")
R = TypeVar("R")

LangOption = Annotated[
    list[str] | None,
    typer.Option("--lang", "-l", help="Target language (repeatable); default: all."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")]


@dataclass(frozen=True)
class Context:
    root: Path


def _out() -> Console:
    return Console(highlight=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn bad input into a clear message and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except LocpipeError as error:
            _err().print(f"[bold red]error:[/] {error}", markup=True, soft_wrap=True)
            raise typer.Exit(2) from None

    return wrapper


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Option("-C", "--directory", help="Run in this project folder.")
    ] = Path("."),
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"locpipe {__version__}")
        raise typer.Exit(0)
    ctx.obj = Context(root=directory)


def _config(ctx: typer.Context) -> Config:
    root: Path = ctx.obj.root
    config = load_config(root)
    for note in config.notes:
        _err().print(f"[yellow]note:[/] {escape(note)}", markup=True, soft_wrap=True)
    return config


@contextmanager
def _progress(description: str, enabled: bool = True) -> Iterator[Progress]:
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[item]}"),
        console=_err(),
        transient=True,
        disable=not enabled,
    )
    with progress:
        yield progress


# -- init ----------------------------------------------------------------------------------


@app.command()
@reports_errors
def init(
    ctx: typer.Context,
    source_lang: Annotated[str, typer.Option(help="Language of the Tilda export.")] = "en",
    langs: Annotated[str, typer.Option(help="Target languages, comma-separated.")] = "ru",
    force: Annotated[bool, typer.Option(help="Overwrite an existing locpipe.toml.")] = False,
) -> None:
    """Write a commented locpipe.toml for the project."""
    from locpipe.commands.init import init_project

    targets = [code.strip() for code in langs.split(",") if code.strip()]
    outcome = init_project(ctx.obj.root, source_lang, targets, force=force)
    _out().print(
        f"wrote {outcome.config_path}; put the Tilda export in {outcome.source_dir},"
        " then run locpipe extract"
    )


# -- extract --------------------------------------------------------------------------------


@app.command()
@reports_errors
def extract(
    ctx: typer.Context,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if the template is out of date.")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="List what each [extract] exclude rule left out."),
    ] = False,
) -> None:
    """Find every human-facing string of the site and write the template (POT)."""
    from locpipe.commands.extract import extract_project

    config = _config(ctx)
    with _progress("extract") as progress:
        task = progress.add_task("extract", total=None, item="")
        outcome = extract_project(
            config,
            now=datetime.now(UTC),
            write=not check,
            progress=lambda item: progress.update(task, advance=1, item=item),
        )
    _report_page_errors(outcome.errors)
    template = config.template_path.relative_to(config.root)
    if check:
        if outcome.changed:
            _err().print(f"{template} is out of date: run locpipe extract")
            raise typer.Exit(1)
        _out().print(f"{template} is up to date ({outcome.entries} entries)")
    else:
        state = "written" if outcome.changed else "unchanged"
        _out().print(
            f"{outcome.pages} pages, {outcome.segments} segments, "
            f"{outcome.entries} entries: {template} {state}"
        )
    if explain:
        _explain(config.extract.exclude, outcome.exclusions)
    _exit_for_partial(outcome.errors)


def _explain(rules: tuple[str, ...], exclusions: list[Exclusion]) -> None:
    """Each exclude rule and the segments it left out, with page and line."""
    if not rules:
        _out().print("no [extract] exclude rules in the settings", markup=False)
    for rule in rules:
        mine = [exclusion for exclusion in exclusions if exclusion.rule == rule]
        _out().print(f"{rule}: {len(mine)} segment(s) excluded", markup=False, highlight=False)
        for exclusion in mine:
            _out().print(
                f"  {exclusion.page}:{exclusion.line}: {exclusion.msgid}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


def _report_page_errors(errors: list[LocpipeError]) -> None:
    for error in errors:
        _err().print(f"[bold red]error:[/] {error} — skipped", soft_wrap=True)


def _exit_for_partial(errors: list[LocpipeError]) -> None:
    if errors:
        _err().print(f"{len(errors)} page(s) could not be read; the rest was processed")
        raise typer.Exit(2)


# -- translate ------------------------------------------------------------------------------


@app.command()
@reports_errors
def translate(
    ctx: typer.Context,
    lang: LangOption = None,
    engine: Annotated[
        str | None, typer.Option(help="argos (offline Argos packages) or pseudo.")
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Use this .argosmodel file without installing it.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Merge the template into each language's PO and pre-fill empty entries (fuzzy)."""
    from locpipe.commands.translate import translate_project

    config = _config(ctx)
    with _progress("translate", enabled=not as_json) as progress:
        outcome = translate_project(
            config,
            lang,
            now=datetime.now(UTC),
            engine=engine,
            model=model,
            progress=lambda code: _LanguageTask(progress, f"translate {code}"),
        )
    if as_json:
        typer.echo(json.dumps(outcome.to_dict(), indent=2))
        return
    table = Table("lang", "machine", "memory", "kept", "fuzzy", "obsolete", "empty", "PO file")
    for s in outcome.languages:
        table.add_row(
            s.lang,
            str(s.machine_translated),
            str(s.reused),
            str(s.kept),
            str(s.fuzzy_matched),
            str(s.obsolete),
            str(s.untranslated),
            str(Path(s.po_path).relative_to(config.root)),
        )
    _out().print(table)
    totals = outcome.totals()
    if totals["machine_translated"] or totals["reused"]:
        _out().print(
            "Machine output is marked fuzzy: review it in a PO editor,"
            " and remove the flag to accept it."
        )


class _LanguageTask:
    """One language's bar in the progress display."""

    def __init__(self, progress: Progress, description: str) -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task(description, total=None, item="")

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, count: int) -> None:
        self.progress.advance(self.task, count)


# -- build ----------------------------------------------------------------------------------


@app.command()
@reports_errors
def build(
    ctx: typer.Context,
    lang: LangOption = None,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy/--no-fuzzy", help="Use fuzzy (machine draft) translations.")
    ] = False,
) -> None:
    """Write the localized site: the source language at the root, one folder per language."""
    from locpipe.commands.build import build_project

    config = _config(ctx)
    with _progress("build") as progress:
        task = progress.add_task("build", total=None, item="")
        outcome = build_project(
            config,
            lang,
            use_fuzzy=fuzzy,
            progress=lambda item: progress.update(task, advance=1, item=item),
        )
    _report_page_errors(outcome.errors)
    result = outcome.result
    for warning in result.warnings:
        _err().print(f"[yellow]warning:[/] {escape(str(warning))}", soft_wrap=True)
    for language in result.languages:
        for rejected in language.rejected:
            _err().print(
                f"[yellow]warning:[/] {language.lang}: {rejected.page}:{rejected.line}: "
                f"{rejected.reason}; the source text is used (msgid {rejected.msgid!r})",
                soft_wrap=True,
            )
    table = Table("lang", "folder", "pages", "segments", "translated", "rejected")
    for language in result.languages:
        table.add_row(
            language.lang,
            f"{config.build_dir.name}/{language.folder}",
            str(language.pages),
            str(language.segments),
            "source" if not language.folder else str(language.translated),
            str(len(language.rejected)),
        )
    _out().print(table)
    _out().print(f"site written to {result.build_dir}")
    _exit_for_partial(outcome.errors)


@app.command()
@reports_errors
def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free one).")] = 8000,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default lets no other machine in.")
    ] = "127.0.0.1",
    watch: Annotated[
        bool, typer.Option("--watch", help="Rebuild the site when a PO file is saved.")
    ] = False,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy/--no-fuzzy", help="With --watch: build with machine drafts.")
    ] = False,
) -> None:
    """Serve the built site on 127.0.0.1, routed as deployed (Ctrl-C stops)."""
    from locpipe.commands.serve import serve_site

    config = _config(ctx)
    serving = serve_site(
        config, host=host, port=port, watch=watch, use_fuzzy=fuzzy, rebuilt=_show_rebuild
    )
    _out().print(f"serving {config.build_dir} at {serving.url} (Ctrl-C stops)", soft_wrap=True)
    for lang, url in serving.language_urls.items():
        _out().print(f"  {lang}: {url}", soft_wrap=True)
    serving.run()


def _show_rebuild(lang: str, error: LocpipeError | None) -> None:
    if error is not None:
        _err().print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        return
    _out().print(f"{lang}: catalog saved, site rebuilt", soft_wrap=True)


# -- check, stats, report, preview ------------------------------------------------------------


@app.command()
@reports_errors
def check(ctx: typer.Context, lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Quality checks and coverage; exit 1 on any error or unmet threshold."""
    from locpipe.commands.check import check_project

    config = _config(ctx)
    report = check_project(config, lang)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_findings(report)
    if not report.passed:
        raise typer.Exit(1)


def _print_findings(report: CheckReport) -> None:
    out = _out()
    for finding in report.findings:
        colour = "red" if finding.severity == "error" else "yellow"
        out.print(f"[{colour}]{finding.severity}[/]: {escape(str(finding))}", soft_wrap=True)
    verdict = "[green]passed[/]" if report.passed else "[red]failed[/]"
    out.print(f"check {verdict}: {report.summary()}")


@app.command()
@reports_errors
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Per language: entries, words, translated, fuzzy (machine drafts), untranslated."""
    from locpipe.commands.stats import project_stats

    rows = project_stats(_config(ctx))
    if as_json:
        typer.echo(json.dumps([row.to_dict() for row in rows], indent=2))
        return
    table = Table("lang", "entries", "words", "done", "fuzzy", "empty", "obsolete", "percent")
    for row in rows:
        table.add_row(
            row.lang,
            str(row.entries),
            str(row.words),
            str(row.translated),
            str(row.fuzzy),
            str(row.untranslated),
            str(row.obsolete),
            f"{row.percent:.1f}%",
        )
    _out().print(table)


@app.command()
@reports_errors
def report(
    ctx: typer.Context,
    lang: LangOption = None,
    out: Annotated[Path | None, typer.Option(help="Where to write the HTML report.")] = None,
    preview: Annotated[
        bool, typer.Option("--preview/--no-preview", help="Embed side-by-side screenshots.")
    ] = False,
) -> None:
    """Write one self-contained HTML report: progress per language, findings by page."""
    from locpipe.commands.report import report_project

    path = report_project(_config(ctx), lang, out=out, with_preview=preview)
    _out().print(f"report written to {path}")


@app.command()
@reports_errors
def preview(
    ctx: typer.Context,
    lang: LangOption = None,
    page: Annotated[list[str] | None, typer.Option(help="Only this page (repeatable).")] = None,
) -> None:
    """Screenshots of source and localized pages side by side; overflowing text flagged."""
    from locpipe.commands.preview import preview_project

    result = preview_project(_config(ctx), lang, pages=page)
    for shot in result.pages:
        _out().print(f"{shot.lang} {shot.page}: {shot.image}")
        for overflow in shot.overflows:
            _out().print(f"  [yellow]overflow:[/] {overflow.describe()}", soft_wrap=True)
    if result.overflow_count:
        _out().print(f"{result.overflow_count} element(s) overflow their box")


# -- models ---------------------------------------------------------------------------------


@models_app.command("list")
@reports_errors
def models_list(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The installed Argos language packages."""
    from locpipe.commands.models import list_models, package_settings

    settings = package_settings(ctx.obj.root)
    packages = list_models(settings)
    if as_json:
        typer.echo(json.dumps([p.to_dict() for p in packages], indent=2))
        return
    if not packages:
        _out().print(f"no packages installed in {settings.packages_dir}")
        return
    table = Table("pair", "package", "version", "folder")
    for package in packages:
        table.add_row(
            f"{package.from_code} → {package.to_code}",
            package.name,
            package.version,
            str(package.path),
        )
    _out().print(table)


@models_app.command("install")
@reports_errors
def models_install(
    ctx: typer.Context,
    what: Annotated[
        list[str], typer.Argument(help="An .argosmodel FILE, or FROM TO language codes.")
    ],
) -> None:
    """Install a package from a file, or by language pair from the Argos index."""
    from locpipe.commands.models import install_model, package_settings

    with _progress("download") as progress:
        task = progress.add_task("download", total=None, item="")

        def on_bytes(received: int, total: int | None) -> None:
            progress.update(task, completed=received, total=total)

        package = install_model(package_settings(ctx.obj.root), what, on_bytes)
    _out().print(
        f"installed {package.name} ({package.from_code} → {package.to_code}) in {package.path}"
    )


@models_app.command("remove")
@reports_errors
def models_remove(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="A pair such as en_ru, or a package name.")],
) -> None:
    """Remove an installed package."""
    from locpipe.commands.models import package_settings, remove_model

    for package in remove_model(package_settings(ctx.obj.root), code):
        _out().print(f"removed {package.name} ({package.path})")


def main() -> None:
    app()
