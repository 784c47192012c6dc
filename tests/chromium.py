"""Headless Debian Chromium, driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: messages are
JSON texts ended by a NUL byte, read by Chromium on fd 3 and written on fd 4) — no WebDriver, no websocket
library. For tests that must know what a browser really requested and showed."""

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
from pathlib import Path
from typing import Any

from tests.conftest import REPO

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT = 60.0  # seconds for any one answer or event: a bound on a hang, never a measured time


def install_chromium() -> str | None:
    """None once Chromium is there (scripts/install_chromium.sh installs it); else why it cannot be."""
    result = subprocess.run(["bash", str(REPO / "scripts" / "install_chromium.sh")], capture_output=True, text=True)
    if result.returncode == 0:
        return None
    if result.returncode == 77:
        return result.stderr.strip()
    raise RuntimeError(f"scripts/install_chromium.sh failed: {result.stderr}")


class Browser:
    """One Chromium with a fresh profile; `with Browser() as browser: page = browser.new_page()`."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="chromium-profile-")
        commands, self._to_browser = os.pipe()
        self._from_browser, answers = os.pipe()
        # Chromium's ends, moved above fd 10 (so that putting them on 3 and 4 cannot overwrite one with the other)
        # and closed on exec; the child's copies on 3 and 4 are the ones it keeps.
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (commands, answers)]
        os.close(commands)
        os.close(answers)

        def wire_pipes() -> None:  # in the child, before exec; dup2 leaves the copies open across exec
            os.dup2(ends[0], 3)
            os.dup2(ends[1], 4)

        self.process = subprocess.Popen(
            ["chromium", *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            close_fds=False,
            preexec_fn=wire_pipes,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in ends:
            os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(30)
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def wait_for(self, event: str, session: str, since: int = 0) -> dict[str, Any]:
        """The first `event` of `session` among the events from index `since` on, waiting for it if need be."""
        while True:
            for message in self.events[since:]:
                if message.get("method") == event and message.get("sessionId") == session:
                    return message["params"]
            since = len(self.events)
            self.events.append(self._read())

    def new_page(self, width: int = 1280, height: int = 900) -> Page:
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.send(f"{domain}.enable", session)
        self.send(
            "Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1, mobile=False
        )
        return Page(self, session)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self._from_browser, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("Chromium did not answer" if not ready else "Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        since = len(self.browser.events)
        self.browser.send("Page.navigate", self.session, url=url)
        self.browser.wait_for("Page.loadEventFired", self.session, since)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited)."""
        result = self.browser.send(
            "Runtime.evaluate", self.session, expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """The whole page, not only the window, as PNG."""
        size = self.browser.send("Page.getLayoutMetrics", self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.browser.send(
            "Page.captureScreenshot", self.session, format="png", captureBeyondViewport=True, clip=clip
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def network(self, method: str) -> list[dict[str, Any]]:
        """The params of every Network.<method> event of this page so far (requestWillBeSent, responseReceived,
        loadingFailed)."""
        wanted = f"Network.{method}"
        return [
            e["params"] for e in self.browser.events if e.get("method") == wanted and e.get("sessionId") == self.session
        ]
