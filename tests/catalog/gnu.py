"""Run GNU gettext's tools on bytes, for comparing locpipe's files with theirs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def tool(name: str) -> str:
    """The path of a gettext program, or skip the test when it is not installed."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"GNU gettext's {name} is not installed")
    return found


def msgcat(data: bytes, tmp_path: Path, *options: str) -> bytes:
    """``msgcat [OPTIONS] FILE``: gettext's own rewrite of a PO file."""
    source = tmp_path / "input.po"
    source.write_bytes(data)
    command = [tool("msgcat"), *options, str(source)]
    done = subprocess.run(command, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def msgfmt_check(data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``msgfmt -c`` on the bytes; the caller looks at returncode and stderr."""
    source = tmp_path / "check.po"
    source.write_bytes(data)
    return subprocess.run(
        [tool("msgfmt"), "-c", "-o", "/dev/null", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )


def msgmerge(old: bytes, template: bytes, tmp_path: Path) -> bytes:
    """``msgmerge --previous OLD TEMPLATE``."""
    old_path, template_path = tmp_path / "old.po", tmp_path / "new.pot"
    old_path.write_bytes(old)
    template_path.write_bytes(template)
    done = subprocess.run(
        [tool("msgmerge"), "--previous", "--quiet", str(old_path), str(template_path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def msgfmt_accepts(language: str, msgid: str, msgstr: str, tmp_path: Path) -> bool:
    """Whether ``msgfmt -c`` accepts ``msgstr`` as the translation of a ``language``
    format string ``msgid`` (both plain ASCII, no quotes or backslashes)."""
    data = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'#, {language}-format\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    ).encode()
    return msgfmt_check(data, tmp_path).returncode == 0
