"""A snapshot works its costly views out once, whoever asks and from whichever thread.

Today counts the streak line in a worker after its first frame; History, opened at once, asks for the same
count. Two counts side by side were twice the time and the memory with a year of history.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

import pytest

from planner.app import data as app_data
from planner.app.data import AppData
from planner.app.screens.today import TodayScreen
from planner.context import Context
from tests.app.conftest import make_app, settle


def test_two_threads_asking_for_the_progress_at_once_count_it_once(
        lived_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = AppData(Context.from_args(argparse.Namespace())).load().snapshot
    counted, first_in, second_asked = [], threading.Event(), threading.Event()
    real = app_data.progress

    def slow_count(*args: object) -> object:
        counted.append(threading.current_thread().name)
        first_in.set()
        # The first count waits until the second thread has asked (or, with the lock, is waiting on it).
        second_asked.wait(timeout=5)
        return real(*args)

    monkeypatch.setattr(app_data, "progress", slow_count)
    answers: list[object] = []
    first = threading.Thread(target=lambda: answers.append(snapshot.progress()), name="today")
    first.start()
    assert first_in.wait(timeout=5)
    second = threading.Thread(target=lambda: answers.append(snapshot.progress()), name="history")
    second.start()
    second.join(timeout=0.5)  # in (the fault) or waiting on the lock (the rule); either way let the first go
    second_asked.set()
    first.join()
    second.join()
    assert counted == ["today"], "the second asker waited for the first count instead of making its own"
    assert answers[0] is answers[1]


async def test_the_streak_line_is_counted_after_the_first_frame_and_shows_the_record(lived_in: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        summary = app.snapshot.progress_counted()
        assert summary is not None, "counted by Today's worker"
        line = str(screen.query_one("#stats").render())
        assert f"Streak {summary.current_streak} (best {summary.best_streak})" in line
        assert f"adherence {summary.adherence}%" in line


async def test_a_phone_counts_no_streak_line_it_would_hide(lived_in: Path) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.snapshot.progress_counted() is None
