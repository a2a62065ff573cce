from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.errors import LocpipeError
from locpipe.site.serve import SiteRouter, make_server
from locpipe.site.watch import Watcher

HTACCESS = (
    "ErrorDocument 404 /404.html\nDirectoryIndex page1.html\nRewriteRule ^shop$ page2.html [NC]\n"
)


@pytest.fixture
def build(tmp_path: Path) -> Path:
    root = tmp_path / "build"
    for folder, prefix in (("", ""), ("ru", "/ru")):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name in ("page1.html", "page2.html", "404.html"):
            (root / folder / name).write_text(f"{folder or 'en'} {name}")
        (root / folder / "htaccess").write_text(HTACCESS.replace(" /404", f" {prefix}/404"))
    (tmp_path / "secret.txt").write_text("outside")
    (root / "link").symlink_to(tmp_path / "secret.txt")
    return root


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/", 200, "en page1.html"),
        ("/shop", 200, "en page2.html"),
        ("/ru/", 200, "ru page1.html"),
        ("/ru/SHOP", 200, "ru page2.html"),
        ("/ru/page2.html", 200, "ru page2.html"),
        ("/ru/nothing", 404, "ru 404.html"),
        ("/nothing", 404, "en 404.html"),
        ("/link", 404, "en 404.html"),  # a symlink out of the build is not served
    ],
)
def test_routed_as_deployed(build: Path, path: str, status: int, body: str) -> None:
    answer = SiteRouter(build).answer(path)
    assert answer.status == status
    assert answer.file is not None
    assert answer.file.read_text() == body


@pytest.mark.parametrize("path", ["/../secret.txt", "/ru/../../secret.txt", "/%2e%2e/secret.txt"])
def test_no_path_leaves_the_build(build: Path, path: str) -> None:
    answer = SiteRouter(build).answer(path)
    assert answer.status == 400
    assert answer.file is None


def test_a_language_folder_without_slash_redirects(build: Path) -> None:
    answer = SiteRouter(build).answer("/ru")
    assert (answer.status, answer.location) == (301, "/ru/")


def test_nothing_built_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LocpipeError, match="nothing built yet"):
        make_server(tmp_path / "build", port=0)


def test_binds_to_localhost(build: Path) -> None:
    server = make_server(build, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        server.server_close()


def test_the_watcher_notices_a_saved_catalog(tmp_path: Path) -> None:
    po = tmp_path / "ru.po"
    po.write_text("one")
    seen: list[str] = []
    watcher = Watcher({"ru": po, "de": tmp_path / "de.po"}, seen.append)
    assert watcher.poll() == []
    po.write_text("two, longer")
    assert watcher.poll() == ["ru"]
    assert watcher.poll() == []
