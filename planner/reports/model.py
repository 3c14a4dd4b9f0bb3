"""What the report says, as data: figures first, then the detail a clinician may look up.

Everything is computed from the same :func:`planner.domain.days.progress.progress`
that ``planner history`` uses, so the two can never disagree. A clinician
should be able to read the summary in under a minute, so it comes first and
the evidence for each line follows in its own section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.domain.days.day import DayView, next_session
from planner.domain.days.easier import any_eased, doses_words
from planner.domain.days.progress import progress, streaks
from planner.domain.function import FunctionSummary
from planner.domain.kinds import AlertLevel
from planner.domain.library.figure import Figure
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState, position
from planner.domain.pain.tingling import TINGLING, tingling_persists
from planner.domain.pain.warning_signs import BY_NAME, LEVELS, PAUSING_LEVELS, level_of
from planner.domain.plan.doses import dose_text, holds_added
from planner.domain.plan.model import Plan, Prescription
from planner.domain.records import Adjustment, Completion, History, PainReport

LOOK_BACK = dt.timedelta(hours=48)
DUE = ("done", "partial", "skipped", "missed")


@dataclass(frozen=True)
class SessionNote:
    """A note the person wrote about a session (kept by the store once session notes exist)."""

    date: dt.date
    text: str
    exercise_id: str = ""


@dataclass(frozen=True)
class WeekRow:
    number: int
    start: dt.date
    planned: int
    done: int
    partial: int
    skipped: int
    missed: int
    paused: int
    pain_scores: tuple[int, ...]
    doses: str = ""  # whose doses the week's sessions had: "8", or "4 (easier)" after pain held the plan back

    @property
    def due(self) -> int:
        return self.done + self.partial + self.skipped + self.missed

    @property
    def adherence(self) -> int | None:
        return round(100 * self.done / self.due) if self.due else None


@dataclass(frozen=True)
class SessionBefore:
    """A session in the 48 hours before a flare-up, and what was done in it."""

    date: dt.date
    status: str
    done: tuple[str, ...]


@dataclass(frozen=True)
class FlareUp:
    """One episode: from the first report above the acceptable band to the first report back within it."""

    reports: tuple[PainReport, ...]
    before: tuple[SessionBefore, ...]
    settled: dt.date | None = None  # the day of the settled report that ended it (``None``: not over yet)

    @property
    def report(self) -> PainReport:
        """The report that began the episode."""
        return self.reports[0]

    @property
    def highest(self) -> int:
        return max(p.score for p in self.reports)


@dataclass(frozen=True)
class RedFlag:
    """A report that named warning signs, at the most serious level among them, and what followed."""

    report: PainReport
    symptoms: tuple[str, ...]
    followed: tuple[Adjustment, ...]
    next_session: dt.date | None
    level: str = AlertLevel.URGENT

    @property
    def paused(self) -> bool:
        return self.level in PAUSING_LEVELS


@dataclass(frozen=True)
class SessionDoses:
    """A session that was due: each exercise's dose in the words ``planner today`` uses, and what was done."""

    date: dt.date
    status: str
    items: tuple[str, ...]
    week: str = ""  # "week 4 of 12 (week 2's doses)", as Today numbers it; ", an easier week" where eased


@dataclass
class Report:
    program_name: str
    plan_start: dt.date
    plan_end: dt.date
    today: dt.date
    since: dt.date
    adherence: int
    done: int
    due: int
    current_streak: int
    best_streak: int
    weeks: list[WeekRow] = field(default_factory=list)
    pain: list[PainReport] = field(default_factory=list)
    flare_ups: list[FlareUp] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    notes: list[SessionNote] = field(default_factory=list)
    paused: str | None = None
    function: FunctionSummary = field(default_factory=FunctionSummary)
    walks_done: int = 0
    walks_due: int = 0
    acceptable: int = 5  # the top of the acceptable band in the rules in force
    sessions: list[SessionDoses] = field(default_factory=list)
    figures: list[tuple[str, Figure]] = field(default_factory=list)  # (name, figure) of the plan's exercises
    position: list[str] = field(default_factory=list)  # where the plan stands and what limits it

    @property
    def flare_title(self) -> str:
        return (f"Flare-ups (episodes from a report above {self.acceptable} to the next report of "
                f"{self.acceptable} or less)")

    def signs_at(self, level: str) -> list[RedFlag]:
        return [f for f in self.red_flags if f.level == level]

    def summary(self) -> list[str]:
        """The lines a clinician reads first, in plain words, each backed by a section below."""
        lines = [f"Sessions: {self.done} of {self.due} due were done in full ({self.adherence}% adherence); "
                 f"current streak {self.current_streak}, best {self.best_streak}."]
        if self.walks_due:
            # "Checked off", not "done": a walk taken but not ticked is not in the record.
            lines.append(f"Walks apart from the sessions: {self.walks_done} of {self.walks_due} checked off "
                         f"({round(100 * self.walks_done / self.walks_due)}%).")
        if self.pain:
            scores = [p.score for p in self.pain]
            first, last = _early_late(self.pain)
            trend = f" Average {first:.1f} in the first two weeks of reports, {last:.1f} in the last two." if (
                first is not None and last is not None) else ""
            lines.append(f"Pain: {len(scores)} reports, average {sum(scores) / len(scores):.1f} of 10, "
                         f"highest {max(scores)}, latest {scores[-1]} ({self.pain[-1].date.isoformat()}).{trend}")
        else:
            lines.append("Pain: no reports in this period.")
        lines += self.position
        episodes = len(self.flare_ups)
        lines.append(f"Flare-ups (pain above {self.acceptable}, counted once until a report is back at "
                     f"{self.acceptable} or less): "
                     + (f"{episodes}." if episodes else "none."))
        kinds: dict[str, int] = {}
        for adjustment in self.adjustments:
            kinds[adjustment.kind] = kinds.get(adjustment.kind, 0) + 1
        lines.append(f"Plan changes: {len(self.adjustments)}"
                     + (f" ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})." if kinds else "."))
        from planner.reports.function_section import summary_line

        if (activities := summary_line(self.function)) is not None:
            lines.append(activities)
        if self.red_flags:
            counts = [f"{len(self.signs_at(level))} {level}" for level in LEVELS if self.signs_at(level)]
            lines.append(f"Warning signs reported: {', '.join(counts)} (see below for the dates and what followed).")
        else:
            lines.append("Warning signs reported: none.")
        days_paused = sum(w.paused for w in self.weeks)
        if days_paused:
            lines.append(f"Sessions paused: {days_paused} (days the plan was actually paused).")
        if self.paused == "red-flag":
            lines.append("The program is paused now after a warning sign, until a professional has assessed it.")
        elif self.paused == "relief":
            lines.append("The program is paused now for high pain: only the relief routine is offered.")
        return lines


def _early_late(pain: Sequence[PainReport]) -> tuple[float | None, float | None]:
    """Mean score in the first and the last 14 days of reports (``None`` when they overlap)."""
    first_day, last_day = pain[0].date, pain[-1].date
    if (last_day - first_day).days < 28:
        return None, None
    early = [p.score for p in pain if (p.date - first_day).days < 14]
    late = [p.score for p in pain if (last_day - p.date).days < 14]
    return sum(early) / len(early), sum(late) / len(late)


def build_report(
    plan: Plan, library: Library, history: History, state: AdaptationState, today: dt.date,
    weekly_increase: float, since: dt.date | None = None, notes: Sequence[SessionNote] = (), acceptable: int = 5,
    function: FunctionSummary | None = None,
) -> Report:
    since = max(since or plan.inputs.start, plan.inputs.start)
    summary = progress(plan, library, history, today, weekly_increase, since, today)
    views = [view for view, _ in summary.sessions]
    due = [v for v in views if v.status in DUE]
    done = [v for v in due if v.counts_as_done]  # with one exercise left out too, as progress() counts it
    current, best = streaks(due)
    pain = [p for p in history.pain if since <= p.date <= today]
    return Report(
        program_name=plan.program_name, plan_start=plan.inputs.start, plan_end=plan.end, today=today,
        since=since, adherence=round(100 * len(done) / len(due)) if due else 0, done=len(done), due=len(due),
        current_streak=current, best_streak=best,
        weeks=_weeks(plan, views, pain),
        position=_position(plan, library, history, state, today, weekly_increase, views),
        pain=pain,
        flare_ups=[FlareUp(tuple(e), _before(e[0], views, history, library), end)
                   for e, end in episodes(pain, acceptable)],
        adjustments=[a for a in history.adjustments if since <= a.date <= today],
        red_flags=_red_flags(pain, history, views),
        notes=[n for n in notes if since <= n.date <= today],
        paused=state.pause,
        function=function or FunctionSummary(),
        walks_done=summary.walks_done, walks_due=summary.walks_due,
        acceptable=acceptable,
        sessions=[SessionDoses(v.date, v.status_words, tuple(_dose_line(p, v, history) for p in v.exercises),
                               doses_words(v)) for v in due],
        figures=_figures(plan, library),
    )


def episodes(pain: Sequence[PainReport], acceptable: int) -> list[tuple[list[PainReport], dt.date | None]]:
    """Pain reports grouped into flare-up episodes: one begins with a report above ``acceptable`` and
    ends with the next report at or below it (7, 6, 5 on three sessions is one flare-up, not three)."""
    found: list[tuple[list[PainReport], dt.date | None]] = []
    current: list[PainReport] | None = None
    for report in pain:
        if report.score > acceptable:
            if current is None:
                current = []
                found.append((current, None))
            current.append(report)
        elif current is not None:
            found[-1] = (current, report.date)
            current = None
    return found


def _dose_line(prescription: Prescription, view: DayView, history: History) -> str:
    """"Curl-up 6-4-3×10s: done" — the prescribed dose, then what the record says was done ("done as 6-4×10s",
    "partly done, 6-4×10s")."""
    done = history.completions_on(view.date).get(prescription.id)
    words = f"{prescription.name} {prescription.dose_text()}"
    if done is None:
        return f"{words}: not recorded"
    if done.status == "done" and (done.sets, done.reps, done.hold_seconds, done.minutes) != (
            prescription.sets, prescription.reps, prescription.hold_seconds, prescription.minutes):
        return f"{words}: done as {_dose_of(done, prescription)}"
    if done.status == "partial" and done.sets and done.sets < prescription.sets:
        return f"{words}: partly done, {_dose_of(done, prescription)}"
    return f"{words}: {'done' if done.status == 'done' else 'partly done'}"


def _dose_of(completion: Completion, prescription: Prescription | None) -> str:
    """A recorded dose in the same words as the prescription's (descending sets, holds, each side): the sets
    done of a descending dose are its first sets, so two sets of 6-5-3 are 6-5 (a one-hold step kept)."""
    if prescription is None:
        if completion.minutes:
            return f"{completion.minutes} min"
        if completion.hold_seconds:
            return f"{completion.sets}×{completion.hold_seconds}s"
        return f"{completion.sets}×{completion.reps}" if completion.reps else ""
    sets = completion.sets or 0
    holds = prescription.holds()
    extra = (holds_added(holds[:sets]) or 0) if holds and completion.reps == prescription.reps else 0
    return dose_text(prescription.kind, sets, completion.reps, completion.hold_seconds, completion.minutes,
                     prescription.seconds_per_rep, per_side=prescription.per_side,
                     descending=prescription.descending, extra=extra)


def _figures(plan: Plan, library: Library) -> list[tuple[str, Figure]]:
    """Each exercise of the plan that has a figure, once, by name."""
    found: dict[str, tuple[str, Figure]] = {}
    for session in plan.sessions():
        for item in session.exercises:
            exercise = library.exercises.get(item.id)
            if exercise is not None and exercise.figure is not None:
                found.setdefault(item.id, (exercise.name, exercise.figure))
    return sorted(found.values(), key=lambda pair: pair[0])


def _weeks(plan: Plan, views: list[DayView], pain: list[PainReport]) -> list[WeekRow]:
    start = plan.inputs.start
    numbers = sorted({(v.date - start).days // 7 for v in views} | {(p.date - start).days // 7 for p in pain})
    rows = []
    for index in numbers:
        in_week = [v for v in views if (v.date - start).days // 7 == index]
        # A session with one exercise left out is a done one here, as in adherence (DayView.counts_as_done).
        statuses = ["done" if v.counts_as_done else v.status for v in in_week]
        weeks = sorted({v.week for v in in_week if v.planned and v.week is not None})
        doses = ", ".join(map(str, weeks)) + (" (easier)" if any_eased(in_week) else "")
        rows.append(WeekRow(
            number=index + 1, start=start + dt.timedelta(days=7 * index),
            planned=len(in_week) - statuses.count("paused"), paused=statuses.count("paused"),
            done=statuses.count("done"), partial=statuses.count("partial"), skipped=statuses.count("skipped"),
            missed=statuses.count("missed"),
            pain_scores=tuple(p.score for p in pain if (p.date - start).days // 7 == index), doses=doses))
    return rows


def _position(plan: Plan, library: Library, history: History, state: AdaptationState, today: dt.date,
              weekly_increase: float, views: list[DayView]) -> list[str]:
    """Where the plan stands (the next session, else the last one due), in the week words of ``today``, and
    what limits it: the week's own limit as built, how far pain or a break held it behind the calendar, and
    a session below that week's doses as built. Nothing while paused (the summary says so)."""
    if state.pause is not None:
        return []
    view = next_session(plan, library, state, history, today, weekly_increase)
    if view is None:
        view = next((v for v in reversed(views) if v.planned and v.status != "paused"), None)
    if view is None or view.week is None or not view.week_text or not 1 <= view.week <= len(plan.weeks):
        return []
    when = "the next session" if view.date >= today else "the last session"
    words = [f"Where the plan stands: {when} ({view.date.isoformat()}) is {doses_words(view)}."]
    behind = (view.date - plan.inputs.start).days // 7 + 1 - view.week
    factor = position(plan, state, view.date, weekly_increase)[1]
    limits = []
    if behind <= 0 and factor >= 1.0:  # on the plan as built: that week's own limit ("the 10% weekly limit")
        limits += [r.removeprefix("What limits this week: ").rstrip(".") for r in plan.weeks[view.week - 1].reasons
                   if r.startswith("What limits this week: ")]
    elif view.easier:
        limits.append("it is an easier week")
    if behind > 0:
        limits.append(f"its doses are {behind} week{'s' if behind > 1 else ''} behind the calendar, held back by "
                      "pain, a pause, a break or a week not done (the changes below say when and why)")
    if factor < 1.0 and not view.easier:  # as Today says it: "Today's volume is 70% of the plan's week 2"
        limits.append(f"its volume is {factor:.0%} of week {view.week}'s while it builds back after pain")
    if limits:
        words.append("What limits it: " + "; ".join(limits) + ".")
    return words


def _before(report: PainReport, views: list[DayView], history: History, library: Library) -> tuple[SessionBefore, ...]:
    """Sessions from 48 hours before the report's day up to that day (dates carry no time of day)."""
    first = report.date - dt.timedelta(days=LOOK_BACK.days)
    sessions = []
    for view in views:
        if first <= view.date <= report.date and view.status != "planned":
            done = history.completions_on(view.date)
            prescribed = {p.id: p for p in view.exercises}
            order = [*prescribed, *(i for i in done if i not in prescribed)]  # in the session's own order
            sessions.append(SessionBefore(view.date, view.status_words, tuple(
                _done_text(done[i], library, prescribed.get(i)) for i in order
                if i in done and done[i].status in ("done", "partial"))))
    return tuple(sessions)


def _done_text(completion: Completion, library: Library, prescription: Prescription | None) -> str:
    exercise = library.exercises.get(completion.exercise_id)
    name = prescription.name if prescription else exercise.name if exercise else completion.exercise_id
    partly = " (partly)" if completion.status == "partial" else ""
    return f"{name} {_dose_of(completion, prescription)}{partly}".strip()


def _red_flags(pain: Sequence[PainReport], history: History, views: list[DayView]) -> list[RedFlag]:
    """Each report that named warning signs, with what followed it: its own pause, not another report's
    (two reports on one day, the second during the first's pause, each show their own)."""
    taken: set[int] = set()
    return [_red_flag(p, history, views, taken) for p in pain if p.flags]


def _red_flag(report: PainReport, history: History, views: list[DayView], taken: set[int]) -> RedFlag:
    level = level_of(report.flags) or AlertLevel.URGENT
    if level == AlertLevel.ADVICE and TINGLING in report.flags and tingling_persists(history.pain, report.date):
        level = AlertLevel.SOON  # tingling on a second day: the person was told to book someone this week
    labels = tuple(BY_NAME[f].question if f in BY_NAME else f for f in report.flags)
    if level not in PAUSING_LEVELS:
        # Advice: nothing pauses; what followed is the change recorded with the report (a hold, a drop).
        followed = tuple(a for a in history.adjustments if a.date == report.date and a.kind == "advice")
        return RedFlag(report, labels, followed, None, level)
    # What followed: the report's own pause (the first not yet claimed by an earlier report; a screening's
    # pause is not a report's), the confirmed resume that lifted it, then the first session done after it.
    adjustments = history.adjustments
    own = next((i for i, a in enumerate(adjustments) if i not in taken and a.kind == "red-flag"
                and a.date >= report.date and "safety screening" not in a.reason), None)
    kept: list[Adjustment] = []
    if own is not None:
        taken.add(own)
        kept.append(adjustments[own])
        kept += [next(a for a in adjustments[own + 1:] if a.kind == "resume")] if any(
            a.kind == "resume" for a in adjustments[own + 1:]) else []
    resumed = next((a.date for a in kept if a.kind == "resume"), None)
    next_session = next((v.date for v in views if resumed is not None and v.date >= resumed and v.status == "done"),
                        None)
    return RedFlag(report, labels, tuple(kept), next_session, level)
