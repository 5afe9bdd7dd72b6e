"""A tiny Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (stdlib only).

Chromium started with ``--remote-debugging-pipe`` reads protocol commands
from file descriptor 3 and writes responses and events to descriptor 4,
each message a JSON object followed by a NUL byte. :class:`Browser` starts
headless chromium that way (no network port, no websocket library, no
Selenium or Playwright), opens one page and lets a test send commands
(:meth:`Page.send`), evaluate JavaScript (:meth:`Page.evaluate`), click at a
point like a user (:meth:`Page.click`) and collect what the page reported
on its console, as uncaught exceptions or in the browser log
(:attr:`Page.problems`).

Use::

    with Browser.launch(chromium_path()) as browser:
        page = browser.new_page()
        page.goto(path.as_uri())
        assert page.evaluate("document.title") == "..."
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

__all__ = ["Browser", "BrowserError", "Page", "chromium_path"]

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
FLAGS = (
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
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0


class BrowserError(RuntimeError):
    """The browser did not answer in time, exited, or a command failed."""


def chromium_path() -> str | None:
    """The chromium executable (``$CLAIMCHECK_CHROMIUM``, Debian's, or on ``PATH``)."""
    configured = os.environ.get("CLAIMCHECK_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def _high(fd: int) -> int:
    """A duplicate of ``fd`` numbered 10 or above (so moving it to 3 or 4 clobbers nothing)."""
    return fcntl.fcntl(fd, fcntl.F_DUPFD, 10)


class Browser:
    """A headless chromium process and the protocol pipe to it."""

    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int):
        self._process = process
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    @classmethod
    @contextmanager
    def launch(cls, executable: str, *, extra: tuple[str, ...] = ()) -> Iterator[Browser]:
        """Start chromium; close it (and remove its profile) on exit."""
        profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
        command_read, command_write = os.pipe()
        reply_read, reply_write = os.pipe()
        child_read, child_write = _high(command_read), _high(reply_write)

        def move_fds() -> None:  # runs in the child, before exec
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        try:
            process = subprocess.Popen(
                [executable, *FLAGS, *extra, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=False,
                preexec_fn=move_fds,  # noqa: PLW1509 - only dup2 calls, no locks
            )
        finally:
            for fd in (command_read, reply_write, child_read, child_write):
                os.close(fd)
        browser = cls(process, command_write, reply_read)
        try:
            yield browser
        finally:
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)

    # -- protocol ---------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        """Send a command (``session_id=`` for a page) and return its result."""
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if kw.get("session_id"):
            message["sessionId"] = kw["session_id"]
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            written = os.write(self._out, data)
            data = data[written:]
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise BrowserError(f"chromium exited (status {self._process.poll()})")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)  # type: ignore[no-any-return]

    def wait_event(self, method: str, session_id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first (already received or next) event ``method`` of a session."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == method and event.get("sessionId") == session_id:
                    return self._events.pop(index)
            self._events.append(self._read(deadline))

    def events(self, session_id: str) -> list[dict[str, Any]]:
        """The events of a session received so far (kept)."""
        return [e for e in self._events if e.get("sessionId") == session_id]

    def new_page(self, width: int = 1280, height: int = 900) -> Page:
        """A new tab with console, exception and log reporting on."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"])
        for domain in ("Page", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        return page

    def close(self) -> None:
        """Ask chromium to quit, then make sure it did."""
        try:
            if self._process.poll() is None:
                self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        finally:
            for fd in (self._out, self._in):
                with suppress(OSError):
                    os.close(fd)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)


class Page:
    """One tab, attached with a flat session."""

    def __init__(self, browser: Browser, session_id: str) -> None:
        self.browser = browser
        self.session_id = session_id

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """A command in this page's session."""
        return self.browser.send(method, params, session_id=self.session_id)

    def goto(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.send("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", self.session_id)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (exceptions raise :class:`BrowserError`)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        """A left click at viewport coordinates (press and release, like a mouse)."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params: dict[str, Any] = {"type": kind, "x": x, "y": y}
            if kind != "mouseMoved":
                params.update(button="left", clickCount=1)
            self.send("Input.dispatchMouseEvent", params)

    def screenshot(self, path: Path, *, full_page: bool = False) -> None:
        """Save a PNG of the viewport (or of the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": size["height"],
                "scale": 1,
            }
        data = self.send("Page.captureScreenshot", params)["data"]
        path.write_bytes(base64.b64decode(data))

    @property
    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and browser log errors so far."""
        found = []
        for event in self.browser.events(self.session_id):
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "warning",
                "assert",
            ):
                texts = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
                found.append(f"console.{params['type']}: {' '.join(texts)}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text")
                found.append(f"exception: {text}")
            elif method == "Log.entryAdded" and params["entry"].get("level") in (
                "error",
                "warning",
            ):
                entry = params["entry"]
                found.append(f"log {entry.get('source')}: {entry.get('text')}")
        return found
