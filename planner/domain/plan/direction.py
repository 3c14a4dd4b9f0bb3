"""The direction that eases the back: what waits for the first four weeks, and how it comes back.

At screening the person says which eases their back: bending forward (sitting, knees to chest),
leaning back (standing, walking, lying on the front), or neither. Many backs have a direction they
dislike; starting with the movements that ease the back and leaving the others out at first is how
physiotherapists begin (the "directional preference" of the McKenzie method; Long et al., Spine
2004). So when bending forward eases the back, the exercises that lean it back (``direction =
"extension"``: lying on the elbows, standing back extension, press-ups) are left out for four weeks;
when leaning back eases it, those that bend it forward (``"flexion"``: knees to chest, child's pose,
seated forward stretches) are. ``neither`` changes nothing.

After the four weeks each one comes back at its easiest dose (the dose it had in the week it was
first in the plan) and takes the plan's steps again from there, never above the dose the plan would
have given it that week. If pain is holding the plan then, the held week (without it) stays in force,
so it comes back only while the pain stays settled. An answer changed part-way holds from the next
week: a new "forward" or "back" starts four weeks from there.

Pure: a plan built as usual goes in, the plan with the direction applied comes out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.kinds import AdjustmentKind
from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Direction
from planner.domain.plan.model import Eases, Plan, PlanInputs, Prescription, Week
from planner.domain.records import Adjustment

SETTLING_WEEKS = 4
LEFT_OUT: dict[str, Direction] = {"forward": Direction.EXTENSION, "back": Direction.FLEXION}
HURTS = {"forward": "leaning back", "back": "bending forward"}
EASES_WORDS: dict[Eases, str] = {"forward": "bending forward eases your back",
                                 "back": "leaning back eases your back", "neither": "neither direction eases it"}


def left_out_in(inputs: PlanInputs, number: int) -> tuple[Direction | None, Eases, int]:
    """The direction left out of week ``number`` (``None``: nothing), the answer, and when it took effect."""
    eases, since = inputs.eases_in_week(number)
    direction = LEFT_OUT.get(eases)
    if direction is None or number >= since + SETTLING_WEEKS:
        return None, eases, since
    return direction, eases, since


def apply_direction(plan: Plan, library: Library) -> Plan:
    """``plan`` with the disliked direction left out while it settles, and brought back gently after."""
    inputs = plan.inputs
    if inputs.eases == "neither" and not inputs.eases_changes:
        return plan

    def direction(item: Prescription) -> Direction:
        exercise = library.exercises.get(item.id)
        return exercise.direction if exercise else Direction.NEUTRAL

    built: dict[int, dict[str, Prescription]] = {}  # each week's dose of each track, as built
    first_week: dict[str, int] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                built.setdefault(week.number, {}).setdefault(item.track, item)
                first_week.setdefault(item.track, week.number)
    last_out: dict[str, int] = {}  # track -> the last week it was left out
    returned: dict[str, int] = {}  # track -> the week it came back
    full_weeks = [w.number for w in plan.weeks if not w.deload]
    admitted: set[str] = set()  # tracks left out that may come back (one a week, in a week of its own)
    seen: set[str] = set()  # the exercises of the weeks so far
    weeks: list[Week] = []
    for week in plan.weeks:
        leave, eases, since = left_out_in(inputs, week.number)
        kept = [item for session in week.sessions for item in session.exercises
                if leave is None or direction(item) is not leave]
        # One new movement a week: a track left out comes back in a week that brings nothing else new.
        due = list(dict.fromkeys(i.track for i in kept if i.track in last_out and i.track not in admitted))

        def as_returned(item: Prescription, came: int, number: int = week.number) -> Prescription:
            """Its own progression from its first dose, a full week at a time (easier weeks skipped)."""
            steps = sum(1 for w in plan.weeks[came - 1:number - 1] if not w.deload)
            later = [n for n in full_weeks if n >= first_week[item.track]] or [first_week[item.track]]
            return _restarted(item, built, later[min(steps, len(later) - 1)])

        others = {i.id for i in kept if i.track not in last_out and i.category is not Category.RELIEF}
        # A track already back that moves to its harder variant this week is this week's new movement too.
        others |= {as_returned(i, returned[i.track]).id for i in kept
                   if i.track in admitted and i.track in returned and i.category is not Category.RELIEF}
        others -= seen
        if due and not others and not week.deload:  # and not in an easier week
            admitted.add(due[0])
        removed: list[str] = []
        back: list[str] = []
        waiting: list[str] = []
        sessions = []
        for session in week.sessions:
            items: list[Prescription] = []
            for item in session.exercises:
                if leave is not None and direction(item) is leave:
                    last_out[item.track] = week.number
                    returned.pop(item.track, None)
                    admitted.discard(item.track)
                    removed.append(item.name)
                    continue
                if item.track in last_out and item.track not in admitted:
                    if item.name not in waiting:
                        waiting.append(item.name)
                    continue
                if item.track in last_out:
                    came = returned.setdefault(item.track, week.number)
                    item = as_returned(item, came)
                    if came == week.number and item.name not in back:
                        back.append(item.name)
                items.append(item)
            if not items:  # nothing else that day: keep the session as it was rather than leave it empty
                items = list(session.exercises)
            sessions.append(replace(session, exercises=items))
            seen.update(item.id for item in items)
        reasons = list(week.reasons)
        if waiting and leave is None:
            reasons.insert(min(1, len(reasons)), "Waiting for a week of its own (one new movement a week, so that "
                           f"if your back complains you know which change to undo): {', '.join(waiting)}.")
        if removed:
            names = ", ".join(dict.fromkeys(removed))
            until = since + SETTLING_WEEKS
            when = (f"until week {until}" if until <= len(plan.weeks) else "for the rest of this plan")
            later = ("Each comes in then at its easiest dose if your pain stays settled."
                     if until <= len(plan.weeks) else "")
            reasons.insert(min(1, len(reasons)), f"Left out {when}, because {EASES_WORDS[eases]} and "
                           f"{HURTS[eases]} may not: {names}. {later}".strip())
        if back:
            reasons.insert(min(1, len(reasons)), f"Back this week at its easiest dose, now that your back has had "
                           f"four weeks to settle: {', '.join(back)}.")
        weeks.append(replace(week, sessions=sessions, reasons=reasons))
    return replace(plan, weeks=weeks)


def _restarted(item: Prescription, built: dict[int, dict[str, Prescription]], source_week: int) -> Prescription:
    """The track's dose as of ``source_week`` (its progression started over), never above ``item``'s."""
    source = built.get(source_week, {}).get(item.track)
    if source is None:
        first = min(w for w, tracks in built.items() if item.track in tracks)
        source = built[first][item.track]
    if source.volume_seconds >= item.volume_seconds:
        return item
    return replace(source, slot=item.slot, apart=item.apart)


def change_eases(inputs: PlanInputs, state_dump: dict, today: dt.date,
                 eases: Eases) -> tuple[PlanInputs, Adjustment] | None:
    """New inputs following ``eases`` from the next week on (from the start if the plan has not begun),
    and the adjustment saying so; ``None`` when the plan already follows that answer then."""
    elapsed = (today - inputs.start).days
    from_week = 1 if elapsed < 0 else elapsed // 7 + 2
    if from_week > inputs.weeks or inputs.eases_in_week(from_week)[0] == eases:
        return None
    changed = inputs.with_eases_from(from_week, eases)
    when = "from the start" if from_week == 1 else f"from week {from_week} on"
    if eases == "neither":
        what = "nothing is left out for it any more"
    else:
        direction = "leaning back" if eases == "forward" else "bending forward"
        what = (f"exercises {direction} wait {SETTLING_WEEKS} weeks, then come in at their easiest dose "
                "if your pain stays settled")
    reason = f"You said {EASES_WORDS[eases]}: {when}, {what}."
    return changed, Adjustment(date=today, kind=AdjustmentKind.DIRECTION, reason=reason, state=state_dump)
