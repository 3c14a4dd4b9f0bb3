"""Every key the app answers to, in one table.

The footer shows a screen's bindings, the help screen lists them per screen,
and the command palette offers each as a command: all three read these lists,
so a key can never be documented in one place and missing from another.
"""

from __future__ import annotations

from textual.binding import Binding

# Go anywhere from anywhere. Shown in the navigation bar, not the footer, to leave the footer to the screen.
NAV_BINDINGS = [
    Binding("t", "go('today')", "Today", show=False),
    Binding("w", "go('plan')", "Plan", show=False),
    Binding("l", "go('library')", "Library", show=False),
    Binding("h", "go('history')", "History", show=False),
    Binding("exclamation_mark", "go('relief')", "Relief", key_display="!", show=False),
    Binding("n", "go('builder')", "New plan", show=False),
]

EXPORT_TITLE = "Export the plan (TOML, Markdown, iCalendar)"
LEARN_TITLE = "Learn: short lessons about your back"
REPORT_TITLE = "Report for your physiotherapist or doctor"

APP_BINDINGS = [
    *NAV_BINDINGS,
    Binding("e", "export", "Export", tooltip=EXPORT_TITLE, show=False),
    Binding("i", "learn", "Learn", tooltip=LEARN_TITLE, show=False),
    Binding("question_mark,f1", "help", "Help", key_display="?", show=False),  # in the navigation bar
    Binding("q", "quit", "Quit"),
]

FOOTER_ONLY = "footer-only"  # a binding's id: a second, footer copy of a key that help and the palette list once

# In a footer only when the terminal is too narrow for all of the screen's keys: see widgets/footer.py.
MORE_TITLE = "More: the keys and places the compact footer leaves out"
MORE_BINDING = Binding("m", "more", "More", tooltip=MORE_TITLE, show=False)

TODAY_BINDINGS = [
    Binding("enter", "start", "Start", tooltip="Start the session", priority=True),
    Binding("space", "toggle", "Check off"),
    Binding("d", "all_done", "All done"),
    Binding("k", "skip_day", "Skip day"),
    # Taking a check-off back is its own key: space (or a tap) on a ticked exercise only says how, so a
    # key pressed twice never unticks (and resets a streak) silently.
    Binding("backspace", "untick", "Take back", tooltip="Take back the highlighted exercise's check-off",
            key_display="⌫", show=False),
    Binding("z", "undo_all_done", "Undo all done", tooltip="Take back what d (all done) just checked off",
            show=False),
    Binding("r", "pain", "Pain", tooltip="Report pain"),
    # Offered when it applies (a pause; a pain report to take back): see TodayScreen.check_action.
    Binding("c", "resume", "Resume", tooltip="Resume (after a professional has assessed you)"),
    # In the footer only while paused (the footer has room then, and it is the way out of a wrong report);
    # otherwise the hidden one below, so "q Quit" keeps its place in 80 columns. Help and the palette list
    # the hidden one: FOOTER_ONLY bindings are left out of them.
    Binding("u", "undo_pain('paused')", "Undo pain", tooltip="Undo the last pain report", id=FOOTER_ONLY),
    Binding("u", "undo_pain", "Undo pain", tooltip="Undo the last pain report", show=False),
    MORE_BINDING,
]

SOUND_BINDING = Binding("b", "app.toggle_sound", "Sound", tooltip="Turn the bell on or off (kept for next time)")

# The footer keeps the keys used every set; the rest are in the hint line, help and the palette.
RUNNER_BINDINGS = [
    # Only while a question is asked inline (a phone-sized terminal): see SessionRunner.check_action.
    Binding("y", "answer(True)", "Yes", tooltip="Answer yes to the question in the runner"),
    Binding("n,escape", "answer(False)", "No", tooltip="Answer no to the question in the runner"),
    Binding("space", "next_set", "Done", tooltip="Set (or side) done"),  # short: the footer must fit 60 columns
    Binding("s", "timer", "Timer", tooltip="Start the count, or end the set early"),
    Binding("p", "pause", "Pause", tooltip="Pause or resume the timer", show=False),  # in the hint line
    Binding("m", "partial", "Partial", tooltip="Stop this exercise part-way", show=False),
    Binding("x", "skip", "Skip", tooltip="Skip this exercise", show=False),
    Binding("n", "note", "Note", tooltip="Keep a short note with this session"),
    Binding("f", "finish", "Finish", tooltip="Finish the session"),
    Binding("b", "app.toggle_sound", "Sound", tooltip=SOUND_BINDING.tooltip, show=False),
    Binding("g", "switch_time", "Switch time", tooltip="Seconds to roll over between sides (kept)", show=False),
    Binding("escape", "leave", "Back", show=False),  # Escape is the usual way back; help lists it
    Binding("o", "more", "More", tooltip=MORE_TITLE, show=False),  # o: m is Partial here
]

BUILDER_BINDINGS = [
    Binding("ctrl+s", "create", "Create plan"),
    Binding("escape", "cancel", "Cancel"),
]

PLAN_BINDINGS = [
    Binding("left,left_square_bracket", "week(-1)", "Earlier", tooltip="Previous week", key_display="←"),
    Binding("right,right_square_bracket", "week(1)", "Later", tooltip="Next week", key_display="→"),
    Binding("home", "this_week", "This week", show=False),
    Binding("pagedown,shift+down", "scroll_detail(1)", "Scroll", tooltip="Scroll the week's sessions down",
            key_display="PgDn", priority=True),
    Binding("pageup,shift+up", "scroll_detail(-1)", "Scroll up", tooltip="Scroll the week's sessions up",
            key_display="PgUp", show=False, priority=True),
    Binding("d", "days", "Days", tooltip="Change training days"),
    Binding("e", "app.export", "Export", tooltip=EXPORT_TITLE),
    MORE_BINDING,
]

LIBRARY_BINDINGS = [
    Binding("slash", "search", "Search", key_display="/"),
    Binding("c", "category", "Category"),
    Binding("a", "target", "Target area"),
    MORE_BINDING,
]

HISTORY_BINDINGS = [
    Binding("r", "pain", "Pain", tooltip="Report pain"),
    Binding("g", "range", "Range", tooltip="Show the last week, the last month, or all"),
    Binding("p", "app.report", "Report", tooltip=REPORT_TITLE),
]

LEARN_BINDINGS = [
    Binding("enter", "read", "Read", tooltip="Read the highlighted lesson (recorded as read)"),
    Binding("n", "next_unread", "Next unread"),
    Binding("escape", "list", "List", tooltip="Back to the list of lessons"),
]

RELIEF_BINDINGS = [
    Binding("s", "timer", "Timer", tooltip="Start or restart the timer"),
    Binding("p", "pause", "Pause", tooltip="Pause or resume the timer"),
    # Shown in the footer instead of Pause while the timer is paused (Help lists p once, above).
    Binding("p", "resume", "Resume", tooltip="Resume the paused timer", id=FOOTER_ONLY),
    Binding("plus", "longer", "+5 min", key_display="+"),
    Binding("minus", "shorter", "-5 min", key_display="-"),
    # "Back", not "Today": the word is short so that at 40 columns it keeps its place beside More.
    Binding("escape", "app.go('today')", "Back", tooltip="Back to Today"),
    SOUND_BINDING,
    MORE_BINDING,
]

MODAL_BINDINGS = [Binding("escape", "close", "Close")]

EXPORT_BINDINGS = [
    Binding("ctrl+s", "write", "Export"),
    *MODAL_BINDINGS,
]

REPORT_BINDINGS = [
    Binding("ctrl+s", "write", "Write"),
    *MODAL_BINDINGS,
]

LIVE_CALENDAR_BINDINGS = [
    Binding("ctrl+s", "save", "Save"),
    *MODAL_BINDINGS,
]

# Commands with no key of their own: offered in the command palette (and listed in help) by name.
PALETTE_ONLY = [
    # Also from the palette, so it is reached from any screen, not only History.
    Binding("", "report", "Report", key_display="ctrl+p", tooltip=REPORT_TITLE),
    Binding("", "live_calendar", "Live calendar file", key_display="ctrl+p",
            tooltip="Live calendar file: an .ics kept up to date after every change"),
    Binding("", "function", "Activities you want back", key_display="ctrl+p",
            tooltip="Activities you want back: name up to five, rate them 0-10 every two weeks"),
]

DAYS_BINDINGS = [
    Binding("ctrl+s", "apply", "Apply"),
    *MODAL_BINDINGS,
]

# Enter moves through the questions, so the red-flag ones are never skipped by a quick Enter.
CHECKIN_BINDINGS = [
    Binding("ctrl+s", "record", "Record"),
    *MODAL_BINDINGS,
]

# Confirming a resume: what it means is on the screen; ctrl+s confirms.
RESUME_BINDINGS = [
    Binding("ctrl+s", "confirm", "Confirm"),
    *MODAL_BINDINGS,
]

# The safety questions before a plan: Enter moves on, space ticks, as in the check-in.
SCREENING_BINDINGS = [
    Binding("ctrl+s", "record", "Record answers"),
    *MODAL_BINDINGS,
]

# What the help screen prints, in this order.
KEYS_BY_SCREEN: dict[str, list[Binding]] = {
    "Everywhere": APP_BINDINGS,
    "Today": TODAY_BINDINGS,
    "Session": RUNNER_BINDINGS,
    "Plan builder": BUILDER_BINDINGS,
    "Plan (weeks)": PLAN_BINDINGS,
    "Library": LIBRARY_BINDINGS,
    "History": HISTORY_BINDINGS,
    "Learn": LEARN_BINDINGS,
    "Relief": RELIEF_BINDINGS,
    "Pain check-in": CHECKIN_BINDINGS,
    "Safety questions": SCREENING_BINDINGS,
    "Resume": RESUME_BINDINGS,
    "Export": EXPORT_BINDINGS,
    "Training days": DAYS_BINDINGS,
    "Report": REPORT_BINDINGS,
    "Live calendar file": LIVE_CALENDAR_BINDINGS,
    "Dialogs": MODAL_BINDINGS,
    "In the command palette (ctrl+p)": PALETTE_ONLY,
}


def title(binding: Binding) -> str:
    """The long name (palette, help): the footer's word is kept short to fit 80 columns."""
    return binding.tooltip or binding.description


def key_label(binding: Binding) -> str:
    """The key as a person types it: the display text, else the first key name."""
    return binding.key_display or binding.key.split(",")[0]


def key_for(bindings: list[Binding], action: str) -> str:
    """The key that runs ``action`` in ``bindings`` (so code that needs the key never repeats it)."""
    return next(b.key for b in bindings if b.action == action)
