"""`make screenshots` in the browser: ``planner serve`` opened in Chromium at desktop and phone size.

Drives the system Chromium (Debian's ``chromium``) with Playwright's Python package, a test extra; no
browser is downloaded. The end-to-end tests (tests/e2e/browser.py) use the same launch settings and the
same websocket spy: the terminal draws on a canvas, so what the app drew is read from its websocket.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")
URL = re.compile(r"http://[^\s'\"]+")

# Installed before the page's own scripts: keeps what the app's websocket carries (bytes in, keys and
# resizes out), so a caller can wait for what the app drew.
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

# Scale 1: headless Chromium without a GPU draws the terminal's canvas at the wrong scale above 1.
SIZES = {
    "browser-desktop": {"viewport": {"width": 1200, "height": 800}, "device_scale_factor": 1},
    "browser-phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                      "device_scale_factor": 1},
}


def have_browser() -> bool:
    return CHROMIUM.exists() and importlib.util.find_spec("playwright") is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def planner_serve(data: Path, today: str, log: Path) -> Iterator[str]:
    """Run ``planner serve`` on a free port; yield the first ``http://`` URL it prints (token and all)."""
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": today, "COLUMNS": "200"}
    env.pop("PLANNER_LIBRARY", None)
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "planner", "serve", "--port", str(free_port())], env=env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not (found := URL.search(log.read_text(errors="replace"))):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"planner serve printed no URL:\n{log.read_text(errors='replace')}")
            time.sleep(0.05)
        yield found.group(0)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drawn(page) -> str:  # noqa: ANN001 - a Playwright page
    """The text the app has drawn so far, escape sequences removed."""
    return ESCAPES.sub("", "".join(page.evaluate("window.__received")))


def shoot(folder: Path, today: str) -> list[Path]:
    """Save ``browser-desktop.png`` and ``browser-phone.png`` of Today (the lived-in demo) in ``folder``."""
    from playwright.sync_api import sync_playwright

    from tests.tools.screenshots import seed_lived_in

    saved = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        data = Path(tmp) / "data"
        seed_lived_in(data)
        with planner_serve(data, today, Path(tmp) / "serve.log") as url:
            for name, context in SIZES.items():
                browser = playwright.chromium.launch_persistent_context(
                    str(Path(tmp) / name), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
                    **context)
                try:
                    browser.add_init_script(WEBSOCKET_SPY)
                    page = browser.pages[0] if browser.pages else browser.new_page()
                    page.goto(url)
                    page.add_style_tag(content="* { transition: none !important; }")
                    deadline = time.monotonic() + 30
                    while "Check off" not in drawn(page) or "Enter starts" not in drawn(page):
                        if time.monotonic() > deadline:
                            raise RuntimeError(f"the app never drew Today in the browser:\n{drawn(page)[-2000:]}")
                        page.wait_for_timeout(50)
                    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
                    path = folder / f"{name}.png"
                    page.screenshot(path=str(path))
                    saved.append(path)
                finally:
                    browser.close()
    return saved
