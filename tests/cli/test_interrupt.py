"""A translate run killed half-way loses nothing, and a second writer is turned away."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from locpipe.catalog.po import read_po
from tests.conftest import EN_RU_MODEL, REPO

SENTENCES = [
    line.split("\t")[0]
    for line in (REPO / "tools" / "corpus" / "en_ru.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#") and "<" not in line
]


def long_project(root: Path, paragraphs: int) -> Path:
    """A one-page site with many distinct paragraphs, set to save every 10 entries."""
    (root / "source").mkdir(parents=True)
    body = "\n".join(
        f'<div class="t-text" field="text">{SENTENCES[i % len(SENTENCES)]} ({i})</div>'
        for i in range(paragraphs)
    )
    page = f"<!DOCTYPE html><html><head><title>Long</title></head><body>{body}</body></html>"
    (root / "source" / "index.html").write_text(page, encoding="utf-8")
    (root / "locpipe.toml").write_text(
        f'target_langs = ["ru"]\n[engine]\ncheckpoint_every = 10\n'
        f'[engine.argos]\nmodel = "{EN_RU_MODEL}"\n',
        encoding="utf-8",
    )
    return root


def locpipe(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "locpipe", "-C", str(project), *args]


def drafts_in(po: Path) -> int:
    try:
        return po.read_text(encoding="utf-8").count("#, fuzzy")
    except (FileNotFoundError, UnicodeDecodeError):
        return 0


def start_translate(project: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        locpipe(project, "translate", "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    )


def wait_for_drafts(po: Path, process: subprocess.Popen[bytes], at_least: int) -> None:
    deadline = time.monotonic() + 120
    while drafts_in(po) < at_least:
        assert process.poll() is None, "translate finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = long_project(tmp_path / "site", paragraphs=1500)
    subprocess.run(locpipe(project, "extract"), check=True, capture_output=True)
    return project


@pytest.mark.slow
def test_sigkill_half_way_keeps_every_checkpoint(project: Path) -> None:
    po = project / "locales/ru/LC_MESSAGES/site.po"
    process = start_translate(project)
    wait_for_drafts(po, process, at_least=30)
    process.send_signal(signal.SIGKILL)
    process.wait()

    catalog = read_po(po.read_bytes(), po)  # valid after the kill
    done = sum(1 for message in catalog if message.msgstr)
    assert 30 <= done < len(catalog)
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)

    rerun = subprocess.run(locpipe(project, "translate", "--json"), capture_output=True, check=True)
    summary = json.loads(rerun.stdout)
    assert summary["machine_translated"] + summary["reused"] == len(catalog) - done
    finished = read_po(po.read_bytes(), po)
    assert all(message.msgstr for message in finished)


@pytest.mark.slow
def test_second_writer_is_turned_away_while_the_first_runs(project: Path) -> None:
    po = project / "locales/ru/LC_MESSAGES/site.po"
    first = start_translate(project)
    try:
        wait_for_drafts(po, first, at_least=10)
        second = subprocess.run(locpipe(project, "translate"), capture_output=True, text=True)
        assert second.returncode == 2
        assert "another locpipe command is writing this project" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.kill()
        first.wait()
