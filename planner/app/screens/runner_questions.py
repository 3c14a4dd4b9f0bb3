"""The session runner's yes/no questions: a dialog where it fits, inline on a phone, and the clock waits.

A question asked mid-set ("Stop part-way?", "Finish anyway?") must not cost the person their count: a
running clock pauses while it is asked and resumes if the answer is no. On a small screen a dialog would
cover the count, so the question is asked in the hint line instead, answered with y or n.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.domain.days import session_run as run_events


class RunnerQuestions:
    """Mix in before the runner's ``Screen``: ``ask`` and the ``answer`` action (y/n while asked inline).

    The screen gives ``run``, ``apply``, ``redraw`` and ``_compact`` (a window too small for a dialog)."""

    _asking: tuple[str, Callable[[bool | None], None]] | None = None  # an inline yes/no on a small screen
    _resume_after_question = False

    @property
    def question(self) -> str | None:
        """The question asked inline now, if any (keys other than its answers wait)."""
        return self._asking[0] if self._asking is not None else None

    def ask(self, question: str, then: Callable[[], None], *, yes: str = "Yes", no: str = "No") -> None:
        from planner.app.screens.confirm import ConfirmDialog

        self._resume_after_question = self.run.timing
        if self.run.timing:
            self.apply(run_events.toggle_pause(self.run))

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()
            elif self._resume_after_question and self.run.paused:
                self.apply(run_events.toggle_pause(self.run))

        if self._compact:
            self._asking = (question, answered)
            self.refresh_bindings()
            self.redraw()
            return
        self.app.push_screen(ConfirmDialog(question, yes, no), answered)

    def action_answer(self, yes: bool) -> None:
        if self._asking is None:
            return
        answered = self._asking[1]
        self._asking = None
        self.refresh_bindings()
        self.redraw()
        answered(yes)
