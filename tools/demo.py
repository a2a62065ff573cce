"""`make demo`: the whole pipeline on the bundled example site, as a user runs it.

1. extract → translate → check → build → report on this repository (a locpipe
   project whose Russian catalog is complete and reviewed);
2. the same site translated from scratch by the machine, into a scratch copy,
   to show the drafts an Argos package makes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOCPIPE = [sys.executable, "-m", "locpipe"]
TEST_MODEL = REPO / "tests" / "fixtures" / "models" / "translate-en_ru-0_1.argosmodel"
SCRATCH = REPO / ".locpipe" / "demo-mt"


def step(title: str, *args: str, project: Path = REPO, ok: tuple[int, ...] = (0,)) -> None:
    print(f"\n\033[1m$ locpipe {' '.join(args)}\033[0m   # {title}", flush=True)
    result = subprocess.run([*LOCPIPE, "-C", str(project), *args], check=False)
    if result.returncode not in ok:
        sys.exit(result.returncode)


def model_flags() -> list[str]:
    """Use an installed en→ru package when there is one, else the tiny test model."""
    from locpipe.mt.argos import find_route
    from locpipe.mt.packages import default_packages_dir

    if find_route("en", "ru", default_packages_dir()):
        return []
    print(
        "\nNo Argos en→ru package is installed, so the demo uses locpipe's tiny test model\n"
        f"({TEST_MODEL.relative_to(REPO)}). It knows only the sentences it was trained on;\n"
        "for real drafts install a real package: `locpipe models install en ru` where there\n"
        "is network, or `locpipe models install FILE.argosmodel`."
    )
    return ["--model", str(TEST_MODEL)]


def machine_draft_copy() -> Path:
    """A scratch copy of the project with no Russian catalog yet."""
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    for name in ("source", "locales"):
        shutil.copytree(REPO / name, SCRATCH / name)
    for name in ("locpipe.toml", "glossary.csv"):
        shutil.copy(REPO / name, SCRATCH / name)
    shutil.rmtree(SCRATCH / "locales" / "ru")
    return SCRATCH


def main() -> None:
    flags = model_flags()
    step("find every human-facing string", "extract")
    step("merge into the reviewed Russian catalog", "translate", "--lang", "ru", *flags)
    step("the release gate", "check")
    step("the localized site", "build")
    step("one HTML page with progress and findings", "report")

    scratch = machine_draft_copy()
    print(f"\n--- the same site machine-translated from scratch, in {scratch.relative_to(REPO)}")
    step("machine drafts, marked fuzzy", "translate", "--lang", "ru", *flags, project=scratch)
    step("what is left to review", "stats", project=scratch)
    step("build with the drafts", "build", "--fuzzy", project=scratch)

    print(
        "\nDone.\n"
        f"  reviewed site:        {REPO / 'build/index.html'}, {REPO / 'build/ru/index.html'}\n"
        f"  report:               {REPO / 'locpipe-report.html'}\n"
        f"  machine-draft site:   {scratch / 'build/ru/index.html'}\n"
        f"  machine-draft PO:     {scratch / 'locales/ru/LC_MESSAGES/site.po'}\n"
        "\nClick through the reviewed site in every language, routed as deployed:\n"
        f"  .venv/bin/locpipe -C {REPO} serve        # then open http://127.0.0.1:8000/ru/"
    )


if __name__ == "__main__":
    main()
