"""The seconds the session runner gives to roll over between the sides of a one-sided exercise.

``g`` goes round the choices and the one chosen is kept for next time; the kept one is read when the
runner opens, off the UI thread, and applies unless the person already chose another here.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work

from planner.app import messages
from planner.app.access import planner_app
from planner.domain.days.session_run import SWITCH_CHOICES, SessionRun
from planner.domain.errors import PlannerError

SWITCH_SETTING = "switch_seconds"


class RunnerSwitchTime:
    """Mix in before the runner's ``Screen``: the ``switch_time`` action and the saved choice.

    The screen gives ``run``, ``redraw``, ``_live`` (its widgets are there) and calls
    :meth:`_read_switch_setting` on mount."""

    run: SessionRun
    _live: bool
    _switch_chosen = False  # the person chose a switch time here: the saved one no longer applies

    @work(thread=True, exclusive=True, group="switch-setting")
    def _read_switch_setting(self) -> None:
        """The switch time chosen last time, read off the UI thread (reading never creates a store)."""
        try:
            saved = planner_app(self).data.saved_setting(SWITCH_SETTING)
        except PlannerError:
            saved = None  # the default; a problem with the store shows elsewhere
        self.post_message(messages.SettingRead(SWITCH_SETTING, saved))

    def on_setting_read(self, event: messages.SettingRead) -> None:
        """(A handler by its name: ``@on`` is seen only on a Textual class, not on a mix-in.)"""
        if event.key == SWITCH_SETTING and not self._switch_chosen and event.value is not None \
                and event.value.isdigit():
            self.run = replace(self.run, switch_seconds=int(event.value))
            if self._live:
                self.redraw()

    def action_switch_time(self) -> None:
        """g: the seconds to roll over between sides, round the choices; kept for next time."""
        now = self.run.switch_seconds
        following = next((s for s in SWITCH_CHOICES if s > now), SWITCH_CHOICES[0])
        self.run = replace(self.run, switch_seconds=following)
        self._switch_chosen = True
        self.post_message(messages.SaveSetting(SWITCH_SETTING, str(following)))
        self.notify(f"Time to switch sides: {following} s." if following else "No pause between sides.")
