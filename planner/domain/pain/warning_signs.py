"""Every word planner says about safety: the warning signs by level, what each level asks, the disclaimer.

Kept in one module so the CLI, the app, the exports and the help screen can
never word a warning sign differently. Three levels, most serious first:

* **emergency** (suspected cauda equina syndrome): go to an emergency
  department now; the program pauses until ``planner resume --confirm``.
* **urgent**: see a doctor today; the program pauses the same way.
* **soon** (tingling or numbness in one leg that persists or returns: reported
  on two different days): book a physiotherapist or doctor this week; the
  plan holds and nerve-loading stretches stay out; no pause.
* **advice** (numbness or tingling in one leg, without weakness): stop the
  exercise that brings it on; the plan holds, and the stretches that pull on
  the nerves of the leg stay out until it settles (at the screening, the plan
  is built without them); no pause.

An explanation names only the signs given (:func:`explain`), and a sign reported
during a pause never lowers the standing level (``alert_for(..., standing=...)``).

The sources are summarised in docs/safety.md (NICE NG59, the cauda equina
red-flag guidance, the pain-monitoring model).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.domain.kinds import AlertLevel

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: a plain 'planner pain N' loads this module (the parser's --flag)
if TYPE_CHECKING:
    from planner.domain.records import History

Level = AlertLevel
LEVELS: tuple[Level, ...] = tuple(AlertLevel)  # most serious first
PAUSING_LEVELS: tuple[Level, ...] = (AlertLevel.EMERGENCY, AlertLevel.URGENT)


@dataclass(frozen=True)
class WarningSign:
    """One symptom: its name (CLI flag, JSON, plan file), its level, and how it is asked about."""

    name: str
    level: Level
    question: str


SIGNS: tuple[WarningSign, ...] = (
    WarningSign("saddle", AlertLevel.EMERGENCY, "numbness in the saddle area (genitals, buttocks, inner thighs)"),
    WarningSign("bladder-bowel", AlertLevel.EMERGENCY, "new loss of bladder or bowel control"),
    WarningSign("urine", AlertLevel.EMERGENCY, "new trouble starting, stopping or holding urine"),
    WarningSign("sexual", AlertLevel.EMERGENCY, "new loss of sexual function or feeling"),
    WarningSign("both-legs", AlertLevel.EMERGENCY, "numbness, tingling or weakness in both legs"),
    WarningSign("weakness", AlertLevel.URGENT, "weakness in a leg that is getting worse or spreading"),
    WarningSign("fever", AlertLevel.URGENT, "a fever, or hot and shivery spells, with back pain"),
    WarningSign("cancer-history", AlertLevel.URGENT, "a history of cancer, with back pain that is new"),
    WarningSign("weight-loss", AlertLevel.URGENT, "weight loss you cannot explain"),
    WarningSign("injury", AlertLevel.URGENT, "back pain that began after a bad fall, accident or injury"),
    WarningSign("night-pain", AlertLevel.URGENT, "constant pain at night that rest or turning over does not ease"),
    WarningSign("numbness", AlertLevel.ADVICE, "numbness or tingling in one leg, without any weakness"),
)
SIGN_NAMES: tuple[str, ...] = tuple(s.name for s in SIGNS)
BY_NAME: dict[str, WarningSign] = {s.name: s for s in SIGNS}

# The heading each level is shown under (a word that reads without colour, then what to do).
HEADINGS: dict[Level, str] = {
    AlertLevel.EMERGENCY: "EMERGENCY: go to an emergency department now",
    AlertLevel.URGENT: "URGENT: see a doctor today",
    AlertLevel.SOON: "SOON: book a physiotherapist or doctor this week",
    AlertLevel.ADVICE: "ADVICE: stop the exercise that brings it on",
}

RESUME_HOW = ("Your program is paused, and stays paused until you confirm that a health professional has "
              "assessed you: planner resume --confirm")

RESUME_MEANS = ("Resuming lifts the pause. Do it only when a doctor or physiotherapist has assessed you since "
                "the warning sign or the pain that paused your program, and has said exercise is fine; sessions "
                "then restart gently, at lower doses.")

# What to do first, at each level: the heading says it, and the message begins with it.
ACTIONS: dict[Level, str] = {
    AlertLevel.EMERGENCY: "Go to an emergency department now",
    AlertLevel.URGENT: "See a doctor today",
    AlertLevel.SOON: "Book a physiotherapist or doctor this week",
    AlertLevel.ADVICE: "Stop the exercise that brings it on",
}

# What follows the action: shown under the heading, so the action is not said twice.
DETAILS: dict[Level, str] = {
    AlertLevel.EMERGENCY: (
        "If you cannot get there, call your local emergency number; do not wait to see whether it passes. "
        + RESUME_HOW + "."
    ),
    AlertLevel.URGENT: (
        "If you cannot get an appointment, use an urgent care service. " + RESUME_HOW + "."
    ),
    AlertLevel.SOON: (
        "Tingling or numbness in a leg that lasts or keeps coming back should be checked. For two weeks after "
        "you last report it the plan holds, and the stretches that pull on the nerve (the hamstring and calf "
        "stretches) stay out. If the leg grows weak, see a doctor today. If both legs are affected, or the "
        "groin or bottom goes numb, or bladder or bowel control changes, go to an emergency department now."
    ),
    AlertLevel.ADVICE: (
        "Until it has settled for two weeks, the stretches that pull on the nerve (the hamstring and calf "
        "stretches) stay out of the plan. If it is still there tomorrow, report it again. "
        "If it lasts more than a few days, see a physiotherapist or doctor; if the leg grows weak, a doctor "
        "today. If both legs are affected, or the groin or bottom goes numb, or bladder or bowel control "
        "changes, go to an emergency department now."
    ),
}

# What each sign can mean, in plain words: an explanation names only the signs given.
MEANS: dict[str, str] = {
    "saddle": "that the nerves at the bottom of the spine are being squeezed (cauda equina syndrome), which "
              "needs treatment within hours",
    "weakness": "that a nerve is being pressed on more and more",
    "fever": "an infection",
    "cancer-history": "a cause other than the muscles and joints, which a doctor should rule out",
    "injury": "a broken bone, especially if your bones are thin",
    "night-pain": "a cause other than the muscles and joints, which a doctor should rule out",
    "numbness": "an irritated nerve",
}
for _name in ("bladder-bowel", "urine", "sexual", "both-legs"):
    MEANS[_name] = MEANS["saddle"]
MEANS["weight-loss"] = MEANS["cancer-history"]


ASIDE = ", without any weakness"  # the one label that ends on an aside


def explain(names: Iterable[str]) -> str:
    """What the given signs can mean, naming only those signs ("A fever with back pain can mean an
    infection."), one sentence per meaning; unknown names get no sentence."""
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        if name in MEANS and name in BY_NAME:
            groups.setdefault(MEANS[name], []).append(BY_NAME[name].question)
    sentences = []
    for meaning, questions in groups.items():
        said = questions[0] if len(questions) == 1 else "; ".join(questions[:-1]) + "; or " + questions[-1]
        # "…in one leg, without any weakness, can mean": an aside opened with a comma is closed with one.
        close = "," if said.endswith(ASIDE) else ""
        sentences.append(f"{said[0].upper()}{said[1:]}{close} can mean {meaning}.")
    return " ".join(sentences)


# The whole advice in one paragraph, for JSON and for places with no heading.
MESSAGES: dict[Level, str] = {level: f"{ACTIONS[level]}. {DETAILS[level]}" for level in ACTIONS}

DISCLAIMER = (
    "planner is not a clinician: it gives no diagnosis and no medical advice. "
    "See a doctor or physiotherapist if pain is severe, lasts more than a few weeks, keeps "
    "coming back, or follows a fall or injury."
)

SEE_A_PROFESSIONAL = (
    "Please have your back checked by a doctor or physiotherapist before building back up."
)

STOP_IT_NOW = "Stop {name} now: it is already the easiest version, so it is dropped from your plan."
REPLACED_BY = "{name} takes its place, for the same purpose, starting at its first dose."
# A stretch is never replaced by one for the same area (planner.domain.plan.substitutes): the purpose differs.
STRETCH_REPLACED_BY = "{name} takes its place, so the session keeps a stretch, starting at its first dose."
# The rule, exactly: named again with pain above ``top`` (or worse the next morning), it is stopped; named at
# an acceptable pain, it stays.
EASED_AT_EASIEST = ("{name} is already the easiest version, so it stays at about half its dose, and goes back to "
                    "the plan's dose after two settled weeks. Do it gently, and if it takes your pain above {top} "
                    "while you do it, stop it for today. If you name it again as what made your back worse, "
                    "with pain above {top}, or your back is worse the next morning, it is stopped and another exercise takes its "
                    "place where one fits.")
# Tingling in one leg: how the exercise that brings it on is named, in words for both faces (a recorded reason
# is read in the app, the terminal and the report alike).
HOW_TO_NAME = ("in the pain check-in, tick it and answer yes to the tingling; in the terminal, "
               "planner pain SCORE --flag numbness --aggravated ID")
NAME_WHAT_BRINGS_IT_ON = f"stop the exercise that brings it on, and name it when you report pain ({HOW_TO_NAME}): " \
                         "it is dropped from the plan"
NAME_ANOTHER = f"If another exercise brings it on, stop it, and name it when you report pain ({HOW_TO_NAME}): it is " \
               "dropped from the plan"
# While the advice (or "soon") for tingling in one leg is on show, the check-in asks after it first and by
# itself: the advice stays only while it is reported, and a second day's report raises it to "soon".
STILL_THERE = ("You reported numbness or tingling in one leg. Is it still there? (A yes reports it again; on a "
               "second day the advice is to have it checked this week.)")


def still_there(alert: Alert | None) -> str | None:
    """The check-in's "still tingling?" question while ``alert`` is the non-pausing one for tingling in one
    leg (advice, or soon once it persists), else ``None``: the sign is then asked with the others."""
    if alert is None or alert.pauses or "numbness" not in alert.symptoms:
        return None
    return STILL_THERE


# A recorded reason says what changed; the alert box beside it gives the advice, once. Tingling reported on a
# second day changes the level, and that is said in the reason too.
SECOND_DAY = ("It has now been reported on two different days, so the advice rises to: book a physiotherapist or "
              "doctor this week")


def left_out_for_the_nerve(names: list[str], too: bool = False) -> str:
    """The stretches left out while a nerve in the leg is irritated, named: "Hamstring stretch with a strap, a
    stretch that pulls on the nerve, is left out" (``too`` when an exercise named was dropped as well)."""
    one = len(names) == 1
    return (f"{', '.join(names)}, {'a stretch that pulls' if one else 'stretches that pull'} on the nerve, "
            f"{'is' if one else 'are'} left out{' too' if too else ''}")

SCREENING_INTRO = (
    "Before your first plan, a few yes/no questions. Have you had any of these recently?"
)

CALENDAR_NOTE = ("Safety: stop if pain is sharp or spreading; saddle numbness, bladder, bowel or sexual changes, "
                 "or symptoms in both legs mean go to an emergency department now.")


@dataclass(frozen=True)
class Alert:
    """What a set of reported warning signs asks of the person, at the most serious level among them."""

    level: Level
    symptoms: tuple[str, ...] = ()
    message: str = ""
    labels: tuple[str, ...] = field(default=(), compare=False)

    @property
    def pauses(self) -> bool:
        return self.level in PAUSING_LEVELS

    @property
    def heading(self) -> str:
        return HEADINGS[self.level]

    @property
    def detail(self) -> str:
        """What the signs given can mean, then what to do after the heading's action (said once)."""
        meaning = explain(self.symptoms)
        return f"{meaning} {DETAILS[self.level]}" if meaning else DETAILS[self.level]

    def with_heading(self) -> str:
        """Heading and advice in one paragraph, each said once (for an adjustment's reason)."""
        return f"{self.heading}. {self.detail}"

    def as_json(self) -> dict:
        return {"level": self.level, "symptoms": list(self.symptoms), "message": self.message}

    def lines(self) -> list[str]:
        """The alert as plain lines: the heading, what was reported, what to do."""
        reported = "; ".join(self.labels) if self.labels else "a warning sign"
        return [self.heading, f"You reported: {reported}.", self.detail]


def unknown_signs(names: Iterable[str]) -> list[str]:
    return [n for n in names if n not in BY_NAME]


def level_of(names: Iterable[str]) -> Level | None:
    """The most serious level among ``names`` (unknown names count as urgent: err towards help)."""
    levels = {BY_NAME[n].level if n in BY_NAME else AlertLevel.URGENT for n in names}
    return next((level for level in LEVELS if level in levels), None)


def alert_for(names: Iterable[str], *, paused: bool = False, standing: Iterable[str] = ()) -> Alert | None:
    """The alert for ``names``; ``paused`` (a warning-sign pause is in force) makes it at least urgent,
    so an old pause recorded for a sign now rated lower is never shown as mere advice. ``standing`` are
    the signs of a pause already in force: the highest level among them and ``names`` wins (an injury
    reported during an emergency pause is still an emergency), though only ``names`` are listed."""
    names = tuple(dict.fromkeys(names))
    level = level_of([*names, *standing])
    shown = pausing(names) if level in PAUSING_LEVELS else names
    if paused and level not in PAUSING_LEVELS:
        level = AlertLevel.URGENT
    if level is None:
        return None
    labels = tuple(BY_NAME[n].question if n in BY_NAME else n for n in shown)
    meaning = explain(shown)
    message = f"{ACTIONS[level]}. {meaning} {DETAILS[level]}" if meaning else MESSAGES[level]
    return Alert(level, shown, message, labels)


def persisting(names: Iterable[str]) -> Alert:
    """The alert for one-leg tingling that persists or returns (reported on two different days)."""
    names = tuple(dict.fromkeys(names))
    labels = tuple(BY_NAME[n].question if n in BY_NAME else n for n in names)
    return Alert(AlertLevel.SOON, names, MESSAGES[AlertLevel.SOON], labels)


def pausing(names: Iterable[str]) -> tuple[str, ...]:
    """The names among ``names`` that pause the program (emergency and urgent)."""
    return tuple(n for n in names if BY_NAME.get(n) is None or BY_NAME[n].level in PAUSING_LEVELS)


def pain_report_undoable(history: History) -> bool:
    """Whether the latest pain report can be taken back: not when it (or a warning sign since) paused
    the program, since taking it back would lift a pause that only ``resume --confirm`` lifts."""
    latest = history.pain[-1] if history.pain else None
    return latest is not None and not pausing(latest.flags) and not any(
        a.kind == "red-flag" and a.date >= latest.date for a in history.adjustments)


def signs_by_level() -> list[tuple[Level, str, list[str]]]:
    """(level, heading, questions) for listing every warning sign (help, Markdown export, docs)."""
    return [(level, HEADINGS[level], [s.question for s in SIGNS if s.level == level]) for level in LEVELS
            if any(s.level == level for s in SIGNS)]  # "soon" is tingling that persists: no sign of its own


def signs_markdown() -> str:
    """The warning signs as Markdown, a bold heading per level."""
    parts = []
    for _level, heading, questions in signs_by_level():
        parts.append(f"**{heading}** if you have:\n\n" + "\n".join(f"- {q}" for q in questions) + "\n")
    return "\n".join(parts)
