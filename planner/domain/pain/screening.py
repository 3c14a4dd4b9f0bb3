"""The safety screening before a plan: the warning-sign questions, answered yes or no, with their date.

A plan is built only after a screening answered within the last six months with
no "yes" to a sign that pauses. An emergency or urgent "yes" builds nothing, shows
that sign's alert and records a pause, which only ``planner resume --confirm`` lifts
(answering the screening again does not). A "yes" to numbness or tingling in one
leg builds the plan without the stretches that pull on the nerves of the leg, and
says so (:func:`nerve_advice`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain.errors import PlannerError
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.pauses import stronger_pause
from planner.domain.pain.tingling import NERVE_LOADING
from planner.domain.pain.warning_signs import Alert, alert_for, pausing
from planner.domain.plan.model import Plan
from planner.domain.plan.progression import is_stretch
from planner.domain.plan.substitutes import replacement_for
from planner.domain.records import Adjustment

RESCREEN_DAYS = 183  # about six months
HOW = "'planner screen --none' (none of the warning signs) or 'planner screen --yes NAME ...'"


@dataclass(frozen=True)
class Screening:
    date: dt.date
    yes: tuple[str, ...] = ()
    usual_pain: int | None = None  # the pain on a typical day lately, 0-10, when the person said it

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "yes": list(self.yes), "usual_pain": self.usual_pain}


def check_screened(latest: Screening | None, today: dt.date) -> None:
    """Raise a one-line :class:`PlannerError` naming ``planner screen`` unless a plan may be built today."""
    if latest is None:
        raise PlannerError(f"answer the safety questions before your first plan: {HOW}; "
                           "'planner screen --help' lists the names")
    if (today - latest.date).days > RESCREEN_DAYS:
        raise PlannerError(f"your last safety screening was on {latest.date.isoformat()}, more than six months "
                           f"ago: answer the questions again with {HOW}")
    alert = alert_for(latest.yes)
    if alert is not None and alert.pauses:
        raise PlannerError(f"your safety screening on {latest.date.isoformat()} answered yes to "
                           f"{', '.join(latest.yes)}: {alert.heading}. No plan is built until a screening with "
                           "none of the warning signs: once a health professional has assessed you, run "
                           "'planner screen --none'")


def screening_outcome(screening: Screening, standing: AdaptationState) -> tuple[Alert | None, Adjustment | None]:
    """The alert a screening's answers call for, and the pause to record for an emergency or urgent "yes"."""
    alert = alert_for(screening.yes)
    signs = pausing(screening.yes)
    if alert is None or not signs:
        return alert, None
    state = stronger_pause(standing, AdaptationState(pause="red-flag", symptoms=list(signs)))
    reason = (f"{alert.heading}. At the safety screening on {screening.date.isoformat()} you answered yes to: "
              f"{'; '.join(alert.labels)}. {alert.detail}")
    return alert, Adjustment(screening.date, "red-flag", reason, state.dump())


# A straight-leg stretch of the hamstrings pulls on the sciatic nerve as well as the muscle.
NERVE_LOADING_TARGETS = ("hamstrings",)


def nerve_loading(plan: Plan, library: Library) -> list[tuple[str, str]]:
    """(track, name) of the plan's stretches that load the nerves of the leg, in plan order."""
    found: dict[str, str] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for p in session.exercises:
                exercise = library.exercises.get(p.id)
                if exercise is not None and is_stretch(exercise) and \
                        any(t in NERVE_LOADING_TARGETS for t in exercise.targets):
                    found.setdefault(p.track, p.name)
    return list(found.items())


def nerve_advice(screening: Screening | None, plan: Plan, library: Library, standing: AdaptationState,
                 today: dt.date) -> Adjustment | None:
    """A "yes" to a sign that does not pause (numbness or tingling in one leg): the new plan leaves out its
    nerve-loading stretches, with the reason said once. ``None`` when there is nothing to leave out."""
    if screening is None:
        return None
    alert = alert_for(screening.yes)
    if alert is None or alert.pauses:
        return None
    loading = nerve_loading(plan, library)
    dropped = list(dict.fromkeys([*standing.dropped, *(track for track, _ in loading)]))
    # As when tingling keeps coming back: a stretch that spares the nerve takes each one's place, so a session
    # that had a stretch keeps one (at 15 minutes some sessions had no other).
    replaced, since, taking = dict(standing.replaced), dict(standing.replaced_at), []
    for track, _ in loading:
        other = replacement_for(library, plan, track, set(dropped) | set(replaced.values()) | NERVE_LOADING)
        if other is not None:
            replaced[track], since[track] = other, 1
            taking.append(library.exercises[other].name)
    one = len(loading) == 1
    instead = (f"{' and '.join(taking)} {'takes' if len(taking) == 1 else 'take'} "
               f"{'its' if one else 'their'} place, a stretch that spares the nerve" if taking else
               f"nothing new takes {'its' if one else 'their'} place while the nerve is irritated")
    left_out = (f"your plan leaves out {', '.join(name for _, name in loading)}, "
                f"{'a stretch that pulls' if one else 'stretches that pull'} on the nerves of the leg, and "
                f"{instead}" if loading else "your plan has no stretches that pull on the nerves of the leg")
    reason = (f"{alert.heading}. At the safety screening on {screening.date.isoformat()} you answered yes to: "
              f"{'; '.join(alert.labels)}. So {left_out}. {alert.detail}")
    kept = replace(standing, dropped=dropped, replaced=replaced, replaced_at=since)
    return Adjustment(today, "advice", reason, kept.dump())
