"""Performance figures for planner, each as a ratio against a baseline measured in the same run.

Run with `make bench`. Prints a table; asserts nothing (timings belong here, not in tests).

    python benchmarks/run.py [--quick] [GROUP ...]

GROUP is any of commands, instructions, library, app, builder (all when none is given); ``--quick``
takes 3 rounds instead of 7 (15 for the quick commands). Every row with a budget says "ok" or "over";
the machine's load average is printed before and after, since on a shared machine only the ratios mean
anything (and "instructions", counted with valgrind, hardly move with load at all).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.domain.library.loading import Source, load_library  # noqa: E402
from planner.domain.plan.builder import build_plan  # noqa: E402
from planner.domain.plan.model import PlanInputs  # noqa: E402
from planner.locations import built_in_library  # noqa: E402
from planner.store.library_cache import load_library_cached  # noqa: E402

ROWS: list[tuple[str, str, str, str, str]] = []


def verdict(ratio: float | None, target: str) -> str:
    """"ok" or "over" for a target such as "≤ 2×" or "< 0.1×"; empty for a row with no budget."""
    budget = target.split("×")[0].replace("≤", "").replace("<", "").strip().split()[-1] if "×" in target else ""
    try:
        limit = float(budget)
    except ValueError:
        return ""
    if ratio is None:
        return ""
    return "ok" if (ratio < limit if target.lstrip().startswith("<") or "< " in target else ratio <= limit) else "over"


def add_row(what: str, figure: str, ratio: float | None, target: str) -> None:
    ROWS.append((what, figure, f"{ratio:6.2f}×" if ratio is not None else "-", target, verdict(ratio, target)))


def report(what: str, figure: float, baseline: float, target: str) -> None:
    add_row(what, f"{figure * 1000:9.1f} ms", figure / baseline if baseline else None, target)


def alternate(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median of each, measured alternately so both see the same machine load."""
    ta, tb = alternate_all((a, b), repeat)
    return ta, tb


def alternate_all(actions: tuple[Callable[[], object], ...], repeat: int,
                  before: Callable[[], object] | None = None) -> list[float]:
    """The median of each action, all measured in turn, round after round, so all see the same machine load.
    ``before`` runs, untimed, before the first action of each round (a write taken back, so each round does
    the same)."""
    buckets: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        if before is not None:
            before()
        for action, bucket in zip(actions, buckets, strict=True):
            start = time.perf_counter()
            action()
            bucket.append(time.perf_counter() - start)
    return [statistics.median(bucket) for bucket in buckets]


def compile_planner() -> None:
    """Write planner's bytecode before timing it, as ``pip install`` does for an installed copy.

    Without it, a checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (or from a read-only tree) compiles
    every planner module from source on every start, while the standard library it is compared
    with reads its ready-made bytecode: the figure would measure the compiler, not planner.
    """
    import compileall

    import planner

    compileall.compile_dir(str(Path(planner.__file__).parent), quiet=1)


def bench_quick_commands(data: Path, quick: bool) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": "2026-03-02"}

    def run(*args: str) -> Callable[[], object]:
        return lambda: subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                                      stdin=subprocess.DEVNULL)

    # What a person types: the installed `planner` script (python -m planner when there is none).
    script = Path(sys.executable).with_name("planner")
    planner = [str(script)] if script.exists() else [sys.executable, "-m", "planner"]
    run(*planner, "screen", "--none")()  # the safety screening comes before the first plan
    run(*planner, "plan", "new", "--program", "core-flexibility", "--start", "2026-03-02")()
    # The floor: only the standard library those commands cannot do without, nothing of planner's.
    floor_command = run(sys.executable, "-c", f"import {', '.join(STDLIB_FLOOR)}")
    for name, args in QUICK_COMMANDS:
        # Each command, the floor and `pass` in turn, round after round: the budget is the ratio to the floor.
        # A write is taken back before each round (untimed), as in the instruction rows, so every round times
        # the same write on the same state (not a tenth check-off of one day, or a tenth report).
        undo = run(*planner, "undo", *(["--pain"] if args[0] == "pain" else [])) if args[0] in ("done", "pain") else None
        figure, floor, base = alternate_all((run(*planner, *args), floor_command, run(sys.executable, "-c", "pass")),
                                            7 if quick else 15, before=undo)
        report(f"{name} vs python3 -c pass", figure, base, "")
        report(f"  {name} vs the floor (same rounds)", figure, floor, "≤ 2×")
    floor, base = alternate(floor_command, run(sys.executable, "-c", "pass"), 7 if quick else 15)
    report("just importing what they need of the stdlib vs pass", floor, base, "(the floor)")
    if "instructions" in WANTED:
        bench_instructions(data)


def instructions(command: list[str], env: dict[str, str]) -> int | None:
    """Instructions the command runs (valgrind's callgrind), which load on the machine hardly changes."""
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], env=env,
                            capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def bench_instructions(data: Path) -> None:
    """The quick commands' budget again, in instructions against the floor's: steady on a busy machine."""
    import shutil

    if shutil.which("valgrind") is None:
        ROWS.append(("instructions (needs valgrind)", "skipped", "-", "", ""))
        return
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": "2026-03-02"}
    script = Path(sys.executable).with_name("planner")
    planner = [str(script)] if script.exists() else [sys.executable, "-m", "planner"]
    if not (data / "planner.db").exists():
        for args in (["screen", "--none"], ["plan", "new", "--program", "core-flexibility", "--start", "2026-03-02"]):
            subprocess.run([*planner, *args], env=env, capture_output=True, check=False, stdin=subprocess.DEVNULL)
    floor = instructions([sys.executable, "-c", f"import {', '.join(STDLIB_FLOOR)}"], env)
    if not floor:
        ROWS.append(("instructions (valgrind did not count)", "skipped", "-", "", ""))
        return
    add_row("instructions: the floor", f"{floor / 1e6:9.1f} M", None, "")
    for name, args in QUICK_COMMANDS:
        if args[0] in ("done", "pain"):  # a write each time: take it back first, so every run does the same
            subprocess.run([*planner, "undo", *(["--pain"] if args[0] == "pain" else [])], env=env,
                           capture_output=True, check=False, stdin=subprocess.DEVNULL)
        else:
            subprocess.run([*planner, *args], env=env, capture_output=True, check=False, stdin=subprocess.DEVNULL)
        count = instructions([*planner, *args], env)
        if count:
            add_row(f"instructions: {name} vs the floor", f"{count / 1e6:9.1f} M", count / floor, "≤ 2×")


QUICK_COMMANDS = (("planner today", ["today"]), ("planner done", ["done"]), ("planner today --json", ["today", "--json"]),
                  ("planner pain 1", ["pain", "1"]), ("planner status --line", ["status", "--line"]))


# argparse for the grammar, sqlite3 for the store, json for --json and the library cache, dataclasses for
# the models, pathlib and datetime everywhere.
STDLIB_FLOOR = ("argparse", "sqlite3", "json", "dataclasses", "pathlib", "datetime")


def make_library(tmp: Path) -> Path:
    """1,000 exercise files made from a built-in one, dated a minute ago (the cache skips files changed just now)."""
    folder = tmp / "lib"
    if folder.is_dir():
        return folder
    folder.mkdir()
    template = (built_in_library() / "exercises" / "glute-bridge.toml").read_text()
    template = "\n".join(line for line in template.splitlines() if not line.startswith(("easier", "harder")))
    for i in range(1000):
        path = folder / f"exercise-{i:04d}.toml"
        path.write_text(template.replace('name = "', f'name = "{i} '))
        os.utime(path, (time.time() - 60, time.time() - 60))
    return folder


def bench_library(tmp: Path, quick: bool) -> None:
    folder = make_library(tmp)
    files = sorted(folder.glob("*.toml"))
    repeat = 3 if quick else 7

    def plain() -> None:
        for path in files:
            tomllib.loads(path.read_text())

    figure, base = alternate(lambda: load_library([Source(folder)]), plain, repeat)
    report("load + validate 1,000 exercise files vs tomllib", figure, base, "≤ 3×")
    cache = tmp / "library-cache"
    load_library_cached([Source(folder)], cache)
    figure, base = alternate(lambda: load_library_cached([Source(folder)], cache), plain, repeat)
    report("the same 1,000 from the validated-library cache vs tomllib", figure, base, "")


def bench_builder(quick: bool) -> None:
    """Each plan length built in turn, round after round, so all see the same machine load."""
    library = load_library([Source(built_in_library(), built_in=True)])
    times: dict[int, list[float]] = {4: [], 13: [], 26: [], 52: []}
    inputs = {weeks: PlanInputs(program="core-flexibility", days=["mon", "tue", "wed", "thu", "fri", "sat"],
                                minutes=30, level=2, weeks=weeks, start=dt.date(2026, 3, 2)) for weeks in times}
    for _ in range(11 if quick else 31):
        for weeks, bucket in times.items():
            start = time.perf_counter()
            build_plan(inputs[weeks], library)
            bucket.append(time.perf_counter() - start)
    figures = {weeks: statistics.median(bucket) for weeks, bucket in times.items()}
    for weeks, figure in figures.items():
        report(f"build a {weeks}-week plan, 6 sessions/week vs 4 weeks", figure, figures[4],
               "52 weeks ≤ 15×" if weeks == 52 else "")


def bench_terminal(tmp: Path, quick: bool) -> None:
    """The app in tmux: start-up, history, memory and idle CPU (skipped without tmux)."""
    import shutil

    from benchmarks import terminal_app as t

    if shutil.which("tmux") is None:
        ROWS.append(("app in a terminal (needs tmux)", "skipped", "-", "", ""))
        return
    repeat = 3 if quick else 7
    library = make_library(tmp)
    empty, full = tmp / "empty", tmp / "full"
    t.seed_fresh(empty)
    t.seed_history(full, 10_000)
    widgets: list[float] = []
    figure, base = t.start_ratio(tmp, empty, None, repeat, widgets)
    report("app start to Today, empty history vs bare Textual app", figure, base, "≤ 1.5×")
    plain = statistics.median(widgets)
    report("  Today's widgets in plain Textual, no planner code, vs bare", plain, base, "(what Textual costs)")
    report("  app start, empty history vs those plain widgets", figure, plain, "(what planner adds)")
    figure, base = t.start_ratio(tmp, full, library, repeat)
    report("app start, 10,000 sessions + 1,000 exercises vs bare", figure, base, "≤ 1.7×")
    figure, base = t.start_ratio(tmp, empty, None, repeat, face=False)
    report("  no face kept (first start after a write elsewhere), empty", figure, base, "(loads first)")
    figure, base = t.start_ratio(tmp, full, library, repeat, face=False)
    report("  no face kept, 10,000 sessions + 1,000 exercises", figure, base, "(loads first)")
    STARTUP.append(figure)
    figure, base = t.history_ratio(full, empty, repeat)
    report("history screen first render, 10,000 sessions vs empty", figure, base, "≤ 1.5×")
    big, small = t.peak_memory(full, library), t.peak_memory(empty, None)
    add_row("peak memory, 10,000 sessions + 1,000 exercises vs empty", f"{big:9.1f} MB", big / small, "≤ 1.3×")
    app, env = t.planner_command(empty, None)
    idle, bare_idle = t.idle_cpu(app, env, "Check off"), t.idle_cpu(t.bare_command(tmp), {}, "BARE READY")
    add_row("CPU used idle 10 s on Today vs bare Textual app", f"{idle * 1000:9.1f} ms",
            idle / bare_idle if bare_idle else None, "near zero")


STARTUP: list[float] = []


GROUPS = ("commands", "instructions", "library", "app", "builder")
WANTED: set[str] = set()


def main() -> int:
    parser = argparse.ArgumentParser(description="planner's performance figures, as ratios")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (noisier)")
    parser.add_argument("groups", nargs="*", choices=[*GROUPS, []], metavar="GROUP",
                        help=f"only these: {', '.join(GROUPS)} (default: all)")
    args = parser.parse_args()
    wanted = set(args.groups or GROUPS)
    WANTED.update(wanted)
    print(f"{os.cpu_count()} CPUs ({platform.machine()}), Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    if wanted & {"commands", "app", "instructions"}:
        compile_planner()
    with tempfile.TemporaryDirectory() as tmp:
        if "commands" in wanted:
            bench_quick_commands(Path(tmp) / "data", args.quick)
        elif "instructions" in wanted:
            bench_instructions(Path(tmp) / "data")
        if "library" in wanted:
            bench_library(Path(tmp), args.quick)
        if "app" in wanted:
            bench_terminal(Path(tmp), args.quick)
    if "builder" in wanted:
        bench_builder(args.quick)
    if STARTUP and "builder" in wanted:
        year = next(r for r in ROWS if r[0].startswith("build a 52-week"))
        ms = float(year[1].split()[0]) / 1000
        add_row("52-week build vs app start-up (10,000 sessions)", year[1], ms / STARTUP[0], "< 0.1×")
    width = max(len(r[0]) for r in ROWS)
    print(f"{'measure':<{width}}  {'median':>12}  {'ratio':>7}  {'budget':<15}  verdict")
    for what, figure, ratio, target, said in ROWS:
        print(f"{what:<{width}}  {figure:>12}  {ratio:>7}  {target:<15}  {said}")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
