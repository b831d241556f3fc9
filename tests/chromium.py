"""A headless Chromium driven over the DevTools protocol on a pipe (no network port, no
extra package): open a page, collect its console errors, exceptions and network requests,
run a script in it and take a screenshot.

Chromium with ``--remote-debugging-pipe`` reads commands from fd 3 and writes replies and
events to fd 4, each a JSON message ended by a NUL byte.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BINARIES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


@dataclass
class PageVisit:
    """What happened while a page loaded and settled."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    values: dict[str, Any] = field(default_factory=dict)


class Chromium:
    def __init__(self, binary: str, width: int = 1000, height: int = 1400) -> None:
        self._profile = tempfile.mkdtemp(prefix="planparse-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:
            """The protocol's fixed descriptors in the child (moved up first: a pipe may be 3 or 4)."""
            high_r, high_w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child_r, from_child_w))
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self._proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={self._profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, close_fds=False)  # only the inheritable 3 and 4 are passed on
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.width, self.height = width, height

    def close(self) -> None:
        try:
            self._send("Browser.close", wait=False)
            self._proc.wait(timeout=10)
        except Exception:
            self._proc.kill()
            self._proc.wait()
        finally:
            os.close(self._to_child)
            os.close(self._from_child)
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def visit(self, url: str, script: dict[str, str] | None = None, settle: float = 0.5,
              media: str = "screen") -> PageVisit:
        """Load ``url`` in a new tab with console, log and network watched, as ``media`` ("screen"
        or "print") shows it; then evaluate each of ``script``'s expressions and take a screenshot."""
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            self._send(f"{domain}.enable", session=session)
        self._send("Emulation.setDeviceMetricsOverride", {"width": self.width, "height": self.height,
                                                          "deviceScaleFactor": 1, "mobile": False}, session=session)
        self._send("Emulation.setEmulatedMedia", {"media": media}, session=session)
        self._events.clear()
        self._send("Page.navigate", {"url": url}, session=session)
        self._wait_loaded(url, session)
        self._drain(settle)
        visit = PageVisit()
        for name, expression in (script or {}).items():
            reply = self._send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                               session=session)
            visit.values[name] = reply.get("result", {}).get("value")
        self._drain(0.2)
        shot = self._send("Page.captureScreenshot", {"format": "png"}, session=session)
        visit.screenshot = base64.b64decode(shot["data"])
        visit.errors, visit.requests = _problems(self._events, session, url)
        self._send("Target.closeTarget", {"targetId": target})
        return visit

    # -------------------------------------------------------------- protocol

    def _send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
              wait: bool = True, timeout: float = 30) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        if not wait:
            return {}
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _wait_loaded(self, url: str, session: str, timeout: float = 30) -> None:
        """Until the page at ``url`` has loaded (asked, not inferred from events: the blank
        tab's own load event may still be on its way)."""
        probe = f"document.readyState === 'complete' && location.href === {json.dumps(url)}"
        deadline = time.monotonic() + timeout
        while not self._send("Runtime.evaluate", {"expression": probe, "returnByValue": True},
                             session=session)["result"].get("value"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            self._drain(0.05)

    def _drain(self, seconds: float) -> None:
        """Collect the events that arrive in the next ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._events.append(self._read(deadline))
            except TimeoutError:
                return

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("no message from Chromium")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)


def _problems(events: list[dict[str, Any]], session: str, url: str) -> tuple[list[str], list[str]]:
    """Console errors, uncaught exceptions, error log entries (CSP refusals among them), and
    every network request but the page's own."""
    errors, requests = [], []
    for e in events:
        if e.get("sessionId") != session:
            continue
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            errors.append("exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(f"log ({params['entry'].get('source')}): {params['entry']['text']}")
        elif method == "Network.requestWillBeSent" and params["request"]["url"] != url:
            requests.append(params["request"]["url"])
    return errors, requests


def page_url(path: Path) -> str:
    return path.resolve().as_uri()
