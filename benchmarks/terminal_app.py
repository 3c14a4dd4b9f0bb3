"""The app in a real terminal (tmux): start-up, history screen, peak memory and idle CPU.

Each figure is taken alternately with its baseline in the same run: a bare Textual app that shows
one label, or the same app with an empty history. The app is started with ``exec`` so the pane's
process is the app itself, and /proc gives its CPU time and peak memory.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("BARE READY")
Bare().run()
"""
# Today's screen in plain Textual, no planner code: the same kinds and number of widgets and footer keys,
# filled with fixed text. Measures what those widgets cost by themselves, between the bare app and planner.
WIDGETS_APP = """
from textual.app import App
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
class Widgets(App):
    BINDINGS = [Binding(key, f"n('{key}')", name) for key, name in (
        ("enter", "Start"), ("space", "Check off"), ("d", "All done"), ("k", "Skip day"), ("r", "Pain"))]
    BINDINGS.append(Binding("q", "quit", "Quit"))
    def compose(self):
        yield Static(" t Today   w Plan   l Library   h History   ! Relief   n New plan   ? Help")
        yield Static("Monday 02 March 2026 · week 1 of 8 · planned")
        yield Static("  Mon 02    Tue 03    Wed 04    Thu 05    Fri 06    Sat 07    Sun 08\\n  ○ plan" + " " * 60)
        yield Static("Streak 0 (best 0) · adherence 0% · 0 done so far")
        yield OptionList(*(f"[ ] Exercise number {i:<24} 2×10" for i in range(6)))
        with VerticalScroll():
            yield Static("About 9 min. Enter starts the session with timers; space checks off the exercise.")
        yield Footer()
    def action_n(self, key):
        pass
Widgets().run()
"""
TODAY = "2026-03-02"
TICKS = os.sysconf("SC_CLK_TCK")


class Pane:
    """One tmux server and pane running ``command`` at 80×24."""

    def __init__(self, command: str, env: dict[str, str]):
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = f"unset COLUMNS LINES NO_COLOR; export TERM=xterm-256color {exports}; exec {command}"
        self.started = time.perf_counter()
        self._tmux("new-session", "-d", "-x", "80", "-y", "24", "bash", "-c", script)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-f", "/dev/null", "-L", self.socket, *args], capture_output=True,
                              text=True, check=False).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        """Seconds from start (or from now, after keys) until ``text`` is on the screen."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self._tmux("capture-pane", "-p"):
                return time.perf_counter()
            time.sleep(0.005)
        raise RuntimeError(f"{text!r} never appeared:\n{self._tmux('capture-pane', '-p')}")

    def keys(self, *keys: str) -> float:
        now = time.perf_counter()
        self._tmux("send-keys", *keys)
        return now

    @property
    def pid(self) -> int:
        return int(self._tmux("display-message", "-p", "#{pane_pid}").strip())

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def peak_memory_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def close(self) -> None:
        self._tmux("kill-server")


def seed_history(data: Path, sessions: int) -> None:
    """``sessions`` recorded sessions: full year-long plans, each day checked off, the last one active."""
    import argparse

    from planner.context import Context
    from planner.domain.plan.builder import build_plan
    from planner.domain.plan.model import PlanInputs
    from planner.domain.records import Completion
    from planner.store.store import Store

    library = Context.from_args(argparse.Namespace(data_dir=str(data))).library
    every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    with Store(data) as store:
        done = 0
        plans = max(1, -(-sessions // 364))
        for index in range(plans):
            start = dt.date.fromisoformat(TODAY) - dt.timedelta(days=364 * (plans - index))
            if index == plans - 1:
                start = dt.date.fromisoformat(TODAY) - dt.timedelta(days=363)
            inputs = PlanInputs(program="core-flexibility", days=every_day, minutes=30, level=1, weeks=52, start=start)
            plan = build_plan(inputs, library)
            record = store.save_plan(inputs, plan.program_name)
            rows = []
            for week in plan.weeks:
                for session in week.sessions:
                    if done >= sessions or session.date > dt.date.fromisoformat(TODAY):
                        break
                    rows += [Completion(session.date, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes)
                             for p in session.exercises]
                    done += 1
            store.record_completions(record.id, rows)


def seed_fresh(data: Path) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    for args in (["screen", "--none"], ["plan", "new", "--program", "core-flexibility", "--start", TODAY]):
        subprocess.run([sys.executable, "-m", "planner", *args], env=env, capture_output=True, check=True,
                       stdin=subprocess.DEVNULL)


def planner_command(data: Path, library: Path | None) -> tuple[str, dict[str, str]]:
    extra = f" --library {shlex.quote(str(library))}" if library else ""
    script = Path(sys.executable).with_name("planner")  # what a person types; python -m planner without it
    command = shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m planner"
    return f"{command}{extra}", {"PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}


def start_time(command: str, env: dict[str, str], ready: str, stay: float = 0.0) -> float:
    """Seconds from start until ``ready`` is on the screen; the app is then left ``stay`` seconds before it
    is closed, as a person looks at it (what it does after its first frame is not timed)."""
    pane = Pane(command, env)
    try:
        shown = pane.wait_for(ready) - pane.started
        time.sleep(stay)
        return shown
    finally:
        pane.close()


FACES = ("app-today.json", "app-tomorrow.json")  # Today as the last run showed it (planner/app/first_face.py)
LOOKED_AT = 1.5  # seconds a start is left open: the app keeps Today's face for the next start meanwhile


def bare_command(tmp: Path) -> str:
    script = tmp / "bare_app.py"
    script.write_text(BARE_APP)
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def widgets_command(tmp: Path) -> str:
    script = tmp / "widgets_app.py"
    script.write_text(WIDGETS_APP)
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def start_ratio(tmp: Path, data: Path, library: Path | None, repeat: int,
                widgets: list[float] | None = None, *, face: bool = True) -> tuple[float, float]:
    """Medians of planner's start and the bare app's, alternated; with ``widgets``, also collect the
    start of Today's widgets in plain Textual there, in the same rounds.

    ``face``: each start finds Today's face kept by the one before (one start, untimed, keeps the first):
    every start but the day's first after a write elsewhere. Without: none is kept (the face files are
    removed before each start), as on the first start after ``planner done`` in another terminal."""
    app, env = planner_command(data, library)
    bare = bare_command(tmp)
    ours, base = [], []
    if face:
        start_time(app, env, "Check off", stay=LOOKED_AT)
    for _ in range(repeat):
        if not face:
            for name in FACES:
                (data / "cache" / name).unlink(missing_ok=True)
        ours.append(start_time(app, env, "Check off", stay=LOOKED_AT if face else 0.0))
        base.append(start_time(bare, {}, "BARE READY"))
        if widgets is not None:
            widgets.append(start_time(widgets_command(tmp), {}, "Check off"))
    return statistics.median(ours), statistics.median(base)


def history_once(data: Path) -> float:
    """Seconds from pressing h to the history screen's adjustments heading. Pressed once Today has been up
    a moment (``LOOKED_AT``): Today is drawn from its kept face before the plan is loaded, and a key pressed
    in that moment waits for the load, which is the start's cost, not History's."""
    app, env = planner_command(data, None)
    pane = Pane(app, env)
    try:
        pane.wait_for("Check off")
        time.sleep(LOOKED_AT)
        pressed = pane.keys("h")
        return pane.wait_for("(g switches)") - pressed
    finally:
        pane.close()


def history_ratio(full: Path, empty: Path, repeat: int) -> tuple[float, float]:
    """The history screen's first render with ``full`` and with ``empty``, taken alternately."""
    ours, base = [], []
    for _ in range(repeat):
        ours.append(history_once(full))
        base.append(history_once(empty))
    return statistics.median(ours), statistics.median(base)


def peak_memory(data: Path, library: Path | None) -> float:
    """VmHWM once History is drawn, on a returning person's start: one start before it (untimed) settles
    the caches. The rows before this one start ``full`` without the 1,000 exercises (the history row), and
    the next start with them rebuilt the plan's cache for the other library: 68 MB, the plan builder's peak,
    not the app's (the library row measures that first start's cost)."""
    app, env = planner_command(data, library)
    start_time(app, env, "Check off", stay=LOOKED_AT)
    pane = Pane(app, env)
    try:
        pane.wait_for("Check off")
        pane.keys("h")
        pane.wait_for("(g switches)")
        return pane.peak_memory_mb()
    finally:
        pane.close()


def idle_cpu(command: str, env: dict[str, str], ready: str, seconds: float = 10.0) -> float:
    pane = Pane(command, env)
    try:
        pane.wait_for(ready)
        time.sleep(1.0)  # let start-up work settle
        before = pane.cpu_seconds()
        time.sleep(seconds)
        return pane.cpu_seconds() - before
    finally:
        pane.close()
