"""A real terminal for end-to-end tests: tmux at a given size, keys in, screen text out.

Waiting is always for text on the screen (polling capture-pane), never a bare sleep.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Mapping


class Terminal:
    def __init__(self, command: str, *, width: int = 80, height: int = 24, env: Mapping[str, str] | None = None,
                 term: str = "xterm-256color"):
        self.name = f"planner-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        script = f"export TERM={term} {exports}; {command}; echo '[exited]'; sleep 3600"
        subprocess.run(["tmux", "-L", self.name, "new-session", "-d", "-s", self.name, "-x", str(width),
                        "-y", str(height), "bash", "-c", script], check=True)

    def screen(self) -> str:
        result = subprocess.run(["tmux", "-L", self.name, "capture-pane", "-p", "-t", self.name],
                                capture_output=True, text=True, check=False)
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; the screen shows:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} was still on screen after {timeout}s:\n{screen}")

    def press(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "-L", self.name, "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "-L", self.name, "send-keys", "-t", self.name, "-l", text], check=True)

    def resize(self, width: int, height: int) -> None:
        subprocess.run(["tmux", "-L", self.name, "resize-window", "-t", self.name, "-x", str(width),
                        "-y", str(height)], check=False)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], check=False, capture_output=True)


def have_tmux() -> bool:
    return shutil.which("tmux") is not None
