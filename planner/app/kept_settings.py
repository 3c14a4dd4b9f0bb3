"""The person's theme and sound, kept in the store: restored before the first frame when they were read
with the plan (or kept with Today's face), else read off the UI thread; a choice made in the app is kept.

A mix-in of :class:`planner.app.main.PlannerApp` (before ``App`` in its bases). Its message handlers are
named for their messages: Textual collects ``@on`` handlers only from its own classes.
"""

from __future__ import annotations

from textual import work
from textual.theme import Theme

from planner.app import messages
from planner.app.first_face import SETTINGS
from planner.domain.errors import PlannerError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.app.data import AppData


class KeptSettings:
    """Needs ``data``, ``_settings_restored``, ``_kept_theme`` and ``sound`` set by the app's ``__init__``."""

    data: AppData
    sound: bool
    _settings_restored: bool
    _kept_theme: str | None

    def _restore_theme(self) -> None:
        """The theme and sound chosen last time (read with the plan, or now off the UI thread); a theme
        chosen from then on is kept."""
        if self._settings_restored:
            self.theme_changed_signal.subscribe(self, self._theme_chosen)
        else:
            self._read_settings()

    @work(thread=True, group="settings-read")
    def _read_settings(self) -> None:
        for key in SETTINGS:
            try:
                value = self.data.saved_setting(key)
            except PlannerError:
                value = None  # the load beside this reports what is wrong with the store
            self.post_message(messages.SettingRead(key, value))

    def on_setting_read(self, event: messages.SettingRead) -> None:
        """(Named for its message, not ``@on``: Textual collects ``@on`` only from its own classes.)"""
        self._restore_setting(event.key, event.value)
        if event.key == "theme":
            self.theme_changed_signal.subscribe(self, self._theme_chosen)

    def _restore_setting(self, key: str, value: str | None) -> None:
        if key == "sound":
            self.sound = value != "off"
        elif key == "theme":
            self._kept_theme = value
            if value in self.available_themes:
                self.theme = value

    def _theme_chosen(self, theme: Theme) -> None:
        """Keep a theme chosen in the palette; the one restored (or chosen again) is kept already."""
        if theme.name != self._kept_theme:
            self._kept_theme = theme.name
            self.save_setting("theme", theme.name)

    def save_setting(self, key: str, value: str) -> None:
        """Kept off the UI thread; a newer choice of the same setting cancels an older one still waiting."""
        def save() -> None:
            try:
                self.data.save_setting(key, value)
            except PlannerError as err:
                self.call_from_thread(self.notify, f"The {key} is not kept for next time: {err}",
                                      severity="warning")

        self.run_worker(save, thread=True, group=f"setting-{key}", exclusive=True)

    def action_toggle_sound(self) -> None:
        self.sound = not self.sound
        self.save_setting("sound", "on" if self.sound else "off")
        self.notify("Sound on: a bell at each change." if self.sound
                    else "Sound off: changes only flash on the screen.")
        for screen in self.screen_stack:
            if hasattr(screen, "sound_changed"):
                screen.sound_changed()

    def cue(self) -> None:
        """A change the person should notice from across the room (the screen flashes too)."""
        if self.sound:
            self.bell()

    def on_save_setting(self, event: messages.SaveSetting) -> None:
        event.stop()
        self.save_setting(event.key, event.value)
