"""A real browser for the ``planner serve`` tests: Debian's Chromium driven by Playwright's Python package.

No browser is downloaded: Playwright drives ``/usr/bin/chromium`` (``.ci/run`` installs it), headless,
with a fresh profile and everything that would phone home switched off (the settings are shared with
``make screenshots``, in ``tests/tools/browser_screenshots.py``). Every request the page makes
is recorded, and the app's websocket is watched (bytes in, keys and resizes out) so a test can read
what the app drew: the terminal itself draws on a canvas, with no text in the page.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.tools.browser_screenshots import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ESCAPES,
    WEBSOCKET_SPY,
    have_browser,
    planner_serve,
)

__all__ = ["Browser", "chromium", "chromium_pages", "have_browser", "planner_serve"]


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


# WebGL on without a GPU: Chromium's software WebGL (SwiftShader); off: no WebGL at all (xterm.js then
# draws with the DOM).
WEBGL_ON = ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
WEBGL_OFF = ["--disable-gpu", "--disable-webgl", "--disable-3d-apis"]


@contextmanager
def chromium(profile: Path, webgl: bool | None = None, **context: Any) -> Iterator[Browser]:
    """Chromium with a fresh profile; ``context``: Playwright's viewport, is_mobile, has_touch and so on.
    ``webgl`` True or False switches WebGL on or off; None leaves Chromium's defaults for no GPU."""
    from playwright.sync_api import sync_playwright

    args = CHROMIUM_ARGS if webgl is None else \
        [a for a in CHROMIUM_ARGS if a != "--disable-gpu"] + (WEBGL_ON if webgl else WEBGL_OFF)
    with sync_playwright() as playwright:
        browser_context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=args, headless=True, **context)
        try:
            browser = Browser(browser_context.pages[0] if browser_context.pages else browser_context.new_page())
            browser_context.on("request", lambda request: browser.requests.append(request.url))
            browser.page.on("websocket", lambda socket: browser.requests.append(socket.url))
            browser_context.add_init_script(WEBSOCKET_SPY)
            yield browser
        finally:
            browser_context.close()


@contextmanager
def chromium_pages(webgl: bool) -> Iterator[Callable[..., Any]]:
    """One Chromium (WebGL on or off) for several pages: yields ``open_page(**context)``, a context manager
    giving a :class:`Browser` in a fresh context (its own viewport, pixel ratio, touch), so a test can try
    many screens without starting a browser for each."""
    from playwright.sync_api import sync_playwright

    args = [a for a in CHROMIUM_ARGS if a != "--disable-gpu"] + (WEBGL_ON if webgl else WEBGL_OFF)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args, headless=True)

        @contextmanager
        def open_page(**context: Any) -> Iterator[Browser]:
            browser_context = launched.new_context(**context)
            try:
                browser = Browser(browser_context.new_page())
                browser_context.on("request", lambda request: browser.requests.append(request.url))
                browser.page.on("websocket", lambda socket: browser.requests.append(socket.url))
                browser_context.add_init_script(WEBSOCKET_SPY)
                yield browser
            finally:
                browser_context.close()

        try:
            yield open_page
        finally:
            launched.close()
