"""FigureView: a rep figure moves on a timer at its tempo; a hold, or animate=False, schedules nothing."""

from __future__ import annotations

from textual.app import App, ComposeResult

from planner.app.widgets.figure import FRAMES_PER_MOVE, FigureView
from planner.domain.library.figure import Figure, Pose

REACH = Figure(start=Pose(), end=Pose(left_shoulder=180), tempo=2)


class Holder(App[None]):
    def __init__(self, view: FigureView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield self.view


async def test_a_moving_figure_steps_on_a_timer_at_its_tempo() -> None:
    view = FigureView(REACH)
    async with Holder(view).run_test(size=(40, 12)) as pilot:
        assert view._timer is not None
        assert view._timer._interval == REACH.tempo / FRAMES_PER_MOVE
        first = str(view.render())
        for _ in range(FRAMES_PER_MOVE):
            view._tick()  # what the timer calls: no waiting in the test
        await pilot.pause()
        assert str(view.render()) != first, "at the end pose the arm is overhead"
        view.show_figure(None)
        assert view._timer is None and not view.display


async def test_a_hold_or_a_still_figure_has_no_timer() -> None:
    for view in (FigureView(Figure(hold=Pose())), FigureView(REACH, animate=False)):
        async with Holder(view).run_test(size=(60, 12)):
            assert view._timer is None


async def test_the_builder_preview_draws_the_first_session(data_dir) -> None:
    """Below the weeks, the preview draws each exercise of the first session with its name."""
    from textual.widgets import Static

    from tests.app.conftest import make_app, settle

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#preview", Static).render())
        drawn = text.split("The first session, drawn")[1]
        assert any("\u2801" <= ch <= "\u28ff" for ch in drawn)
        assert "Knee rocks" in drawn and "Cat-cow" in drawn
