"""``planner plan new``, ``planner plan show`` and ``planner plan days``."""

from __future__ import annotations

import argparse
from dataclasses import replace

from planner.actions import plans, reading
from planner.cli.output import notice, print_json
from planner.cli.session_commands import say_live_problem
from planner.clock import parse_date
from planner.context import Context
from planner.domain.days.day import next_session
from planner.domain.days.easier import doses_words
from planner.domain.errors import PlannerError, UsageError
from planner.domain.pain.adaptation import AdaptationState, calendar_week
from planner.domain.plan.builder import build_plan
from planner.domain.plan.levels import capped_level
from planner.domain.plan.model import DAY_NAMES, Plan, PlanInputs, Week, apart_text, parse_days
from planner.domain.plan.wording import AS_BUILT_SENTENCE, work_words


def inputs_from_args(args: argparse.Namespace, context: Context) -> PlanInputs:
    library = context.library
    program = library.programs.get(args.program)
    if program is None:
        broken = any(p.path.endswith(f"/{args.program}.toml") or p.path == f"{args.program}.toml"
                     for p in library.problems)
        hint = "; its file has problems: run 'planner validate'" if broken else ""
        raise UsageError(f"--program: unknown program '{args.program}'{hint}"
                         f"{library.suggest(args.program, library.programs)}; choose one of: "
                         f"{', '.join(sorted(library.programs))}")
    days = parse_days(args.days) if args.days is not None else list(program.default_days)
    weeks = args.weeks if args.weeks is not None else program.weeks
    minutes = args.minutes if args.minutes is not None else program.default_minutes
    if not 1 <= weeks <= 52:
        raise UsageError(f"--weeks: {weeks} is out of range; use 1 to 52")
    if not 5 <= minutes <= 180:
        raise UsageError(f"--minutes: {minutes} is out of range; use 5 to 180")
    level = 1 if args.level is None else args.level
    if not 1 <= level <= 5:
        raise UsageError(f"--level: {level} is out of range; use 1 (gentlest) to 5")
    level, capped = capped_level(level, program.max_level, program.name)
    if capped and args.json:
        notice(capped)
    elif capped:
        print(capped)
    start = parse_date(args.start, "--start") if args.start else context.today
    return PlanInputs(program=program.id, days=days, minutes=minutes, level=level, weeks=weeks, start=start,
                      walk_days=getattr(args, "walk_days", "all"))


def plan(args: argparse.Namespace, context: Context) -> int:
    if args.plan_command == "new":
        return new_plan(args, context)
    if args.plan_command == "days":
        return change_days(args, context)
    return show_plan(args, context)


def change_days(args: argparse.Namespace, context: Context) -> int:
    from planner.actions.plans import change_days as move_days

    try:
        outcome = move_days(context, parse_days(args.days))
    except PlannerError as err:
        if "imported from a file" in str(err):
            err.args = (f"days: {err}",)
        raise
    print(*outcome.lines, sep="\n")
    say_live_problem(outcome)
    return 0


def screened(context: Context) -> bool:
    """Whether a plan may be built: a recent screening with no "yes", or the questions answered now on a
    terminal. Off a terminal a missing or stale screening is a one-line error naming 'planner screen'."""
    from planner.actions.screening import screen, screening_needed, set_eases
    from planner.cli.screen_commands import ask, ask_eases, ask_usual_pain, on_a_terminal, print_alert

    why = screening_needed(context)
    if why is None:
        return True
    if not on_a_terminal():
        raise PlannerError(why)
    yes = ask(context).yes
    alert = screen(context, yes, ask_usual_pain()).alert
    if alert is None:
        set_eases(context, ask_eases())
    if alert is None:
        return True
    print_alert(alert)
    if not alert.pauses:  # numbness in one leg: the plan is built without the nerve-loading stretches
        return True
    print("No plan was built. Once a health professional has assessed you, answer again with "
          "'planner screen --none', then build your plan.")
    return False


def new_plan(args: argparse.Namespace, context: Context) -> int:
    inputs = inputs_from_args(args, context)
    built = build_plan(inputs, context.library)
    if not screened(context):
        return 1
    if args.level is None and not args.json:
        from planner.cli.screen_commands import ask_level, on_a_terminal

        if on_a_terminal():  # off a terminal (CI, pipes) nothing is asked: level 1, as before
            program = context.library.programs[inputs.program]
            inputs = replace(inputs, level=ask_level(program.max_level, program.name))
            built = build_plan(inputs, context.library)
    origin = context.library.program_origin.get(inputs.program, "")
    for line in context.library.notices:  # a program file in the older [[blocks]] format: say it still works
        if line.startswith(f"{origin}: ") and "[[blocks]]" in line:
            notice(line)
    from planner.actions import function

    outcome = plans.new_plan(context, inputs, built)  # following the screening's answer on the direction
    carried = outcome.carried
    built = outcome.built or built
    named_activities = bool(function.summary(context).activities)
    say_live_problem(outcome)
    if args.json:
        print_json(plan_json(built) | {"held_back": []})  # as 'plan show --json': nothing checked off yet
        if carried is not None:
            notice(carried.reason)
        return 0
    print(summary(built))
    print("Saved as your active plan. 'planner today' shows today's session.")
    if carried is not None:
        print(carried.reason)
    if not named_activities:
        print("Name up to five things your back makes hard, to see them come back: "
              "planner function set \"Putting on socks\" \"Lifting my child\"")
    return 0




def show_plan(args: argparse.Namespace, context: Context) -> int:
    active = reading.active_plan(context)
    if active is None:
        raise PlannerError("no plan yet: build one with 'planner plan new --program ID' (see 'planner programs')")
    built = active.plan
    coming = next_session(built, context.library, active.state, active.history, context.today,
                          active.weekly_increase)
    if args.week is not None and not 1 <= args.week <= len(built.weeks):
        raise UsageError(f"--week: {args.week} is out of range; this plan has weeks 1 to {len(built.weeks)}")
    held = coming.held_back if coming is not None else []
    if args.json:
        data = plan_json(built)
        if args.week is not None:
            data["weeks"] = [w for w in data["weeks"] if w["number"] == args.week]
        # The plan is as built; what was checked off can keep an easier variant for now.
        data["held_back"] = [{"date": coming.date.isoformat(), **h.as_json()} for h in held] if coming else []
        print_json(data)
        return 0
    weeks = [built.weeks[args.week - 1]] if args.week else built.weeks
    print(summary(built, weeks))
    print(f"\n{AS_BUILT_SENTENCE}")
    if coming is not None and held:
        print(f"\nAs your check-offs stand, {DAY_NAMES[coming.date.weekday()]} {coming.date.isoformat()}'s session "
              "differs from the plan above:")
        for h in held:
            print(f"  {h.reason}")
    adapted = adaptation_note(active.state)
    if adapted:
        print(f"\n{adapted}")
    if coming is not None and coming.week_text and (adapted or coming.week != calendar_week(built, coming.date)):
        # The weeks above are numbered by the calendar, as Today numbers them; say whose doses come next.
        print(f"\nThe next session, {DAY_NAMES[coming.date.weekday()]} {coming.date.isoformat()}, is "
              f"{doses_words(coming)}.")
    return 0


def adaptation_note(state: AdaptationState) -> str | None:
    """What the plan above does not show: the plan is as built, and pain has changed what is done now."""
    if state.pause is not None:
        return "Your program is paused: the plan above resumes when the pause is lifted. See 'planner today'."
    changes = []
    if state.frozen_week is not None or state.factor < 1.0:
        changes.append("doses are held or eased")
    if state.regressed:
        changes.append(f"{len(state.regressed)} exercise{'s are' if len(state.regressed) > 1 else ' is'} "
                       "on an easier variant or a smaller dose")
    if state.dropped:
        changes.append(f"{len(state.dropped)} exercise{'s are' if len(state.dropped) > 1 else ' is'} dropped")
    if not changes:
        return None
    return ("This is the plan as built. Since then " + ", ".join(changes) + " (after pain, a break or a warning sign): "
            "'planner today' shows the doses to do, and 'planner adjustments' says why.")


def plan_json(built: Plan) -> dict:
    inputs = built.inputs
    return {
        "program": inputs.program,
        "program_name": built.program_name,
        "start": inputs.start.isoformat(),
        "days": list(inputs.days),
        "minutes": inputs.minutes,
        "level": inputs.level,
        "walk_days": inputs.walk_days,  # the walk apart from the session: every day (all) or session days only
        "eases": inputs.eases,  # the screening's answer in force in week 1 (see eases_changes in the plan file)
        "weeks": [week_json(w) for w in built.weeks],
    }


def week_json(week: Week) -> dict:
    return {
        "number": week.number,
        "deload": week.deload,
        "volume_seconds": week.volume_seconds,
        "reasons": week.reasons,
        "sessions": [
            {
                "date": s.date.isoformat(),
                "estimated_minutes": s.estimated_minutes,
                "volume_seconds": s.volume_seconds,
                "exercises": [
                    {
                        "id": p.id, "name": p.name, "category": p.category.value, "kind": p.kind.value,
                        "sets": p.sets, "reps": p.reps, "hold_seconds": p.hold_seconds, "minutes": p.minutes,
                        "rest_seconds": p.rest_seconds, "volume_seconds": p.volume_seconds,
                        "per_side": p.per_side, "slot": p.slot, "apart": p.apart,
                        "descending": p.descending, "holds": p.holds(),  # [6, 4, 3]: each set's holds
                        "track": p.track,  # the chain's easiest variant: follows one exercise across weeks
                    }
                    for p in s.exercises
                ],
            }
            for s in week.sessions
        ],
    }


def summary(built: Plan, weeks: list[Week] | None = None) -> str:
    inputs = built.inputs
    lines = [f"{built.program_name}: {inputs.weeks} weeks from {inputs.start.isoformat()}, {inputs.days_text()}, "
             f"{inputs.minutes} min, level {inputs.level}"]
    for week in weeks if weeks is not None else built.weeks:
        tag = "  (easier week)" if week.deload else ""
        lines.append(f"\nWeek {week.number}{tag}: {work_words(p for s in week.sessions for p in s.exercises)}")
        for reason in week.reasons:
            lines.append(f"  {reason}")
        for session in week.sessions:
            items = ", ".join(f"{p.name} {p.dose_text()}" for p in session.exercises if not p.apart)
            walk = apart_text(session.exercises)
            lines.append(f"  {DAY_NAMES[session.date.weekday()][:3]} {session.date.isoformat()} "
                         f"(~{session.estimated_minutes} min): {items}" + (f"; {walk[0].lower()}{walk[1:]}" if walk else ""))
    return "\n".join(lines)
