"""Headless Chromium driven over the DevTools protocol on a pipe.

Hand-written because the libraries that drive a browser (Playwright, Selenium,
pyppeteer) bring their own browser downloads or servers; locpipe needs five
protocol calls: open a tab, load a file, run a script, measure, screenshot.
Chromium reads commands from fd 3 and writes replies to fd 4, each a JSON
object ended by a NUL byte (``--remote-debugging-pipe``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from locpipe.errors import LocpipeError

BROWSER_ENV = "LOCPIPE_CHROMIUM"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: apt-get install chromium) "
    f"or set {BROWSER_ENV} to the browser's executable"
)
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--force-device-scale-factor=1",
    "--remote-debugging-pipe",
)
# Resolve no host name: a preview never fetches anything from the network.
_OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND"
_READ_CHUNK = 1 << 20
_ONTO_FDS_3_4 = """
import fcntl, os, sys
given = [int(fd) for fd in sys.argv[1:3]]
copies = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in given]
for target, copy in zip((3, 4), copies):
    os.dup2(copy, target)
    os.set_inheritable(target, True)
for fd in given:
    if fd not in (3, 4):
        os.close(fd)
os.execvp(sys.argv[3], sys.argv[3:])
"""


class BrowserError(LocpipeError):
    """Chromium is missing, does not start, or stops answering."""


def find_browser(explicit: Path | None = None) -> Path:
    """The Chromium executable: ``explicit``, ``$LOCPIPE_CHROMIUM``, or one on PATH."""
    candidates = [str(explicit)] if explicit else []
    if os.environ.get(BROWSER_ENV):
        candidates.append(os.environ[BROWSER_ENV])
    candidates.extend(BROWSER_NAMES)
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return Path(found)
    raise BrowserError("Chromium is not installed", path=explicit, hint=INSTALL_HINT)


class Browser:
    """One headless Chromium process; use as a context manager."""

    def __init__(self, executable: Path, *, offline: bool = True, timeout: float = 30.0) -> None:
        self.executable = executable
        self.offline = offline
        self.timeout = timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: tempfile.TemporaryDirectory[str] | None = None
        self._to_browser = -1
        self._from_browser = -1
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="locpipe-chromium-")
        profile = Path(self._profile.name)
        args = [str(self.executable), *_FLAGS, f"--user-data-dir={profile / 'profile'}"]
        if self.offline:
            args.append(_OFFLINE)
        args.append("about:blank")
        browser_reads, self._to_browser = os.pipe()
        self._from_browser, browser_writes = os.pipe()
        # Chromium wants its pipe on fds 3 and 4 exactly: a tiny Python puts it there
        # (a POSIX shell cannot redirect from fds above 9) and then becomes Chromium.
        trampoline = [sys.executable, "-c", _ONTO_FDS_3_4, str(browser_reads), str(browser_writes)]
        with (profile / "stderr.txt").open("wb") as stderr:
            try:
                self._process = subprocess.Popen(
                    [*trampoline, *args],
                    pass_fds=(browser_reads, browser_writes),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                )
            finally:
                os.close(browser_reads)
                os.close(browser_writes)
        self.send("Browser.getVersion")

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                # It is stopped below if it does not close by itself.
                with contextlib.suppress(BrowserError):
                    self.send("Browser.close", timeout=5)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for fd in (self._to_browser, self._from_browser):
            if fd >= 0:
                os.close(fd)
        self._to_browser = self._from_browser = -1
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    def new_tab(self, width: int, height: int) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        tab = Tab(self, target, session)
        tab.send("Page.enable")
        tab.resize(width, height)
        return tab

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Run one protocol command and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise self._died(f"cannot talk to Chromium ({error.strerror})") from error
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(
                        f"Chromium refused {method}: {reply['error'].get('message')}"
                    )
                result: dict[str, Any] = reply.get("result", {})
                return result

    def discard_events(self, session: str) -> None:
        self._events = [event for event in self._events if event.get("sessionId") != session]

    def wait_event(self, method: str, session: str, timeout: float) -> bool:
        """Wait for an event of the tab; False when it did not come in time."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self._events[: index + 1]
                    return True
            try:
                self._receive(deadline, method)
            except BrowserError:
                if time.monotonic() >= deadline and self._alive():
                    return False
                raise

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"Chromium did not answer {waiting_for} in time")
            chunk = os.read(self._from_browser, _READ_CHUNK)
            if not chunk:
                raise self._died("Chromium stopped")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        if "method" in message:
            self._events.append(message)
        return message

    def _alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _died(self, message: str) -> BrowserError:
        stderr = ""
        if self._profile is not None:
            log = Path(self._profile.name) / "stderr.txt"
            lines = log.read_text(errors="replace").splitlines() if log.exists() else []
            stderr = " / ".join(line for line in lines[-3:] if "dbus" not in line)
        return BrowserError(
            message + (f": {stderr}" if stderr else ""), path=self.executable, hint=INSTALL_HINT
        )


class Tab:
    """A page of the browser."""

    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def resize(self, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def navigate(self, url: str, timeout: float = 20.0) -> bool:
        """Load ``url``; False when its load event did not come within ``timeout`` seconds."""
        self.browser.discard_events(self.session)
        self.send("Page.navigate", {"url": url})
        return self.browser.wait_event("Page.loadEventFired", self.session, timeout)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (awaited when it is a promise)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"a page script failed: {text}")
        return result.get("result", {}).get("value")

    def screenshot(self, width: int, height: int, scale: float = 1.0) -> bytes:
        """A PNG of the page's top ``width`` x ``height`` CSS pixels, beyond the viewport."""
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}
        result = self.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
        )
        return base64.b64decode(result["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
