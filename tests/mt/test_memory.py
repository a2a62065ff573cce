import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from locpipe.errors import EngineError
from locpipe.mt.engine import MTResult
from locpipe.mt.memory import TranslationMemory


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / ".locpipe" / "memory.sqlite"


def test_stores_and_finds_results_with_warnings(path: Path) -> None:
    with TranslationMemory(path) as memory:
        memory.put_many(
            "e:1", {"Hello": MTResult("Привет"), "Go <a>x</a>": MTResult("Иди", ("w",))}
        )
        assert memory.get_many("e:1", ["Hello", "Go <a>x</a>", "Missing"]) == {
            "Hello": MTResult("Привет"),
            "Go <a>x</a>": MTResult("Иди", ("w",)),
        }


def test_engines_do_not_share_entries(path: Path) -> None:
    with TranslationMemory(path) as memory:
        memory.put_many("e:1", {"Hello": MTResult("Привет")})
        assert memory.get_many("e:2", ["Hello"]) == {}


def test_survives_reopening_and_replaces_entries(path: Path) -> None:
    with TranslationMemory(path) as memory:
        memory.put_many("e", {"a": MTResult("1")})
    with TranslationMemory(path) as memory:
        memory.put_many("e", {"a": MTResult("2")})
        assert memory.get_many("e", ["a"]) == {"a": MTResult("2")}
        assert len(memory) == 1


def test_many_sources_at_once(path: Path) -> None:
    sources = [f"text {i}" for i in range(2500)]
    with TranslationMemory(path) as memory:
        memory.put_many("e", {s: MTResult(s.upper()) for s in sources})
        found = memory.get_many("e", sources)
    assert len(found) == 2500
    assert found["text 2499"] == MTResult("TEXT 2499")


def test_every_batch_is_committed_and_visible_to_another_connection(path: Path) -> None:
    memory = TranslationMemory(path)
    memory.put_many("e", {"a": MTResult("1")})
    other = sqlite3.connect(path)
    assert other.execute("SELECT target FROM translations").fetchall() == [("1",)]
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()
    memory.close()


WRITER = """
import sys
from pathlib import Path
from locpipe.mt.engine import MTResult
from locpipe.mt.memory import TranslationMemory
memory = TranslationMemory(Path(sys.argv[1]))
for batch in range(50):
    memory.put_many("e", {f"child {batch} {i}": MTResult("x") for i in range(20)})
memory.close()
"""


def test_two_processes_write_at_once(path: Path) -> None:
    memory = TranslationMemory(path)
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    for batch in range(50):
        memory.put_many("e", {f"parent {batch} {i}": MTResult("y") for i in range(20)})
    assert child.wait(timeout=60) == 0
    assert len(memory) == 2000
    memory.close()


def test_a_file_that_is_not_a_memory_is_a_clear_error(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(EngineError, match="translation memory") as caught:
        TranslationMemory(path)
    assert caught.value.path == path
