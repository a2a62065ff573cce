"""``locpipe serve``: the built site on localhost, routed as the deployed site is.

The routes come from the routing files the build wrote (``htaccess`` per folder, a
root ``_redirects``), read by the same format modules, so what a translator clicks
through here is what production serves: slugs, the start page of every language
folder, error pages. Only files inside the build folder are served: no ``..``, no
symlink that leads out. Stdlib ``http.server``: a preview server needs no more.
"""

from __future__ import annotations

import mimetypes
import posixpath
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from locpipe.errors import LocpipeError
from locpipe.site.routing import ROUTING_FILE_NAMES, Routing, RoutingError, routing_format
from locpipe.source_pages import page_files


@dataclass(frozen=True)
class Answer:
    status: int
    file: Path | None = None  # what to send
    location: str | None = None  # where a redirect leads


class SiteRouter:
    """Answers request paths of a built site from its written routing files."""

    def __init__(self, build_dir: Path) -> None:
        self.root = build_dir.resolve()
        self.scopes: dict[str, Routing] = {}  # folder ("" is the root) -> its routing
        for folder in ["", *(p.name for p in sorted(self.root.iterdir()) if p.is_dir())]:
            routing = self._read_routing(folder)
            if routing is not None:
                self.scopes[folder] = routing

    def _read_routing(self, folder: str) -> Routing | None:
        directory = self.root / folder
        pages = frozenset(p.relative_to(directory).as_posix() for p in page_files(directory))
        for name in ROUTING_FILE_NAMES:
            path = directory / name
            reader = routing_format(name)
            if path.is_file() and reader is not None:
                try:
                    return reader.read(name, path.read_bytes(), pages).routing
                except RoutingError:
                    return None  # the build warned about it; served by file name
        return None if folder else Routing(pages)

    def answer(self, url_path: str) -> Answer:
        path = unquote(url_path)
        normal = posixpath.normpath(path)
        if not path.startswith("/") or "\0" in path or ".." in path.split("/"):
            return Answer(HTTPStatus.BAD_REQUEST)
        folder, routing = self._scope(normal)
        inner = path[len(folder) + 1 :] if folder else path
        if folder and not inner:
            return Answer(HTTPStatus.MOVED_PERMANENTLY, location=path + "/")  # as mod_dir does
        page = routing.page_at(inner) if routing is not None else None
        if page is not None:
            return self._file(posixpath.join(folder, page), HTTPStatus.OK, folder)
        target = self._inside(path.lstrip("/"))
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                return Answer(HTTPStatus.MOVED_PERMANENTLY, location=path + "/")
            index = routing.start_page if routing is not None else "index.html"
            return self._file(posixpath.join(path.strip("/"), index), HTTPStatus.OK, folder)
        return self._file(path.lstrip("/"), HTTPStatus.OK, folder)

    def _scope(self, path: str) -> tuple[str, Routing | None]:
        first = path.lstrip("/").split("/", 1)[0]
        if first in self.scopes and first:
            return first, self.scopes[first]
        return "", self.scopes.get("")

    def _inside(self, relative: str) -> Path | None:
        """The file or folder at ``relative``, if it is inside the build (symlinks resolved)."""
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root) or not target.exists():
            return None
        return target

    def _file(self, relative: str, status: int, folder: str) -> Answer:
        target = self._inside(relative)
        if target is not None and target.is_file():
            return Answer(status, target)
        return self._not_found(folder)

    def _not_found(self, folder: str) -> Answer:
        routing = self.scopes.get(folder) or self.scopes.get("")
        address = routing.error_pages.get(404) if routing is not None else None
        if address is not None:
            target = self._inside(address.lstrip("/"))
            if target is not None and target.is_file():
                return Answer(HTTPStatus.NOT_FOUND, target)
        return Answer(HTTPStatus.NOT_FOUND)


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, *, with_body: bool) -> None:
        answer = self.server.router.answer(urlsplit(self.path).path)
        body = answer.file.read_bytes() if answer.file is not None else b""
        self.send_response(answer.status)
        if answer.location is not None:
            self.send_header("Location", answer.location)
        kind = mimetypes.guess_type(answer.file.name)[0] if answer.file is not None else None
        self.send_header("Content-Type", _with_charset(kind or "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the CLI is the only part of locpipe that prints."""


def _with_charset(kind: str) -> str:
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, build_dir: Path, host: str, port: int) -> None:
        self.router = SiteRouter(build_dir)
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"


def make_server(build_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> SiteServer:
    """A server of ``build_dir``; raises ``LocpipeError`` when there is nothing to serve."""
    if not build_dir.is_dir():
        raise LocpipeError("nothing built yet", path=build_dir, hint="run locpipe build first")
    try:
        return SiteServer(build_dir, host, port)
    except OSError as error:
        raise LocpipeError(
            f"cannot listen on {host}:{port}: {error.strerror}", hint="choose another --port"
        ) from None
