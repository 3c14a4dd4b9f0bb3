"""A real browser for the ``planner serve`` tests: Debian's Chromium driven by Playwright's Python package.

No browser is downloaded: Playwright drives ``/usr/bin/chromium`` (``.ci/run`` installs it), headless,
with a fresh profile and everything that would phone home switched off. Every request the page makes
is recorded, and the app's websocket is watched (bytes in, keys and resizes out) so a test can read
what the app drew: the terminal itself draws on a canvas, with no text in the page.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")
URL = re.compile(r"http://[^\s'\"]+")

# Installed before the page's own scripts: keeps what the app's websocket carries, for the test to read.
WEBSOCKET_SPY = """(() => {
  const Real = window.WebSocket;
  window.__sent = []; window.__received = [];
  window.WebSocket = function (...args) {
    const socket = new Real(...args);
    const send = socket.send.bind(socket);
    socket.send = (data) => { window.__sent.push(String(data)); send(data); };
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__received.push(new TextDecoder().decode(event.data));
    });
    return socket;
  };
  window.WebSocket.prototype = Real.prototype;
})();"""


def have_browser() -> bool:
    return CHROMIUM.exists() and importlib.util.find_spec("playwright") is not None


@contextmanager
def planner_serve(data: Path, today: str, log: Path) -> Iterator[str]:
    """Run ``planner serve`` on a free port; yield the first ``http://`` URL it prints (token and all)."""
    from tests.e2e.sshd import free_port

    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": today, "COLUMNS": "200"}
    env.pop("PLANNER_LIBRARY", None)
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "planner", "serve", "--port", str(free_port())], env=env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not (found := URL.search(log.read_text(errors="replace"))):
            assert process.poll() is None and time.monotonic() < deadline, \
                f"planner serve printed no URL:\n{log.read_text(errors='replace')}"
            time.sleep(0.05)
        yield found.group(0)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Browser:
    """One page of ``planner serve`` in Chromium, with what it requested and what the app sent it."""

    page: Any
    requests: list[str] = field(default_factory=list)

    def drawn(self, since: int = 0) -> str:
        """The text the app has drawn (escape sequences removed), from websocket message ``since`` on."""
        frames = self.page.evaluate("window.__received")
        return ESCAPES.sub("", "".join(frames[since:]))

    def frames(self) -> int:
        return self.page.evaluate("window.__received.length")

    def wait_drawn(self, condition: Callable[[str], object], what: str, since: int = 0, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.drawn(since)
            if condition(text):
                return text
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{what} did not happen within {timeout}s; the app drew:\n{text[-3000:]}")

    def wait_for(self, text: str, since: int = 0, timeout: float = 30) -> str:
        return self.wait_drawn(lambda drawn: text in drawn, repr(text), since, timeout)

    def press(self, *keys: str) -> int:
        """Press keys in the page (the terminal has focus); return the frame count from before, for ``since``."""
        before = self.frames()
        for key in keys:
            self.page.keyboard.press(key)
        return before

    def terminal_size(self) -> tuple[int, int]:
        """Columns and rows, as the page last told the app (its resize messages)."""
        sent = [m for m in self.page.evaluate("window.__sent") if m.startswith('["resize"')]
        assert sent, "the page told the app its size"
        found = re.search(r'"width":(\d+),"height":(\d+)', sent[-1])
        assert found, sent[-1]
        return int(found.group(1)), int(found.group(2))

    def foreign_requests(self, url: str) -> list[str]:
        """Every request that went anywhere but the server at ``url`` (http and its websocket)."""
        ours = urlsplit(url).netloc
        return [r for r in self.requests if urlsplit(r).scheme not in ("http", "ws") or urlsplit(r).netloc != ours]


@contextmanager
def chromium(profile: Path, **context: Any) -> Iterator[Browser]:
    """Chromium with a fresh profile; ``context``: Playwright's viewport, is_mobile, has_touch and so on."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser_context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True, **context)
        try:
            browser = Browser(browser_context.pages[0] if browser_context.pages else browser_context.new_page())
            browser_context.on("request", lambda request: browser.requests.append(request.url))
            browser.page.on("websocket", lambda socket: browser.requests.append(socket.url))
            browser_context.add_init_script(WEBSOCKET_SPY)
            yield browser
        finally:
            browser_context.close()
