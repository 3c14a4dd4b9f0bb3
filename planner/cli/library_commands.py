"""``validate``, ``library``, ``schema`` and ``programs``: the exercise library from the shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.output import notice, print_json
from planner.context import Context
from planner.domain.errors import PlannerError, display_path
from planner.domain.exchange.schemas import file_schemas
from planner.domain.library.loading import BUILT_IN

if TYPE_CHECKING:
    from planner.domain.library.models import Exercise
    from planner.domain.pain.rules import LoadedRules


def validate(args: argparse.Namespace, context: Context) -> int:
    """Check files; with paths, only problems in those files are reported."""
    from planner.domain.lessons.loading import is_lesson_path, load_lessons
    from planner.domain.library.loading import LESSONS_DIR, PAIN_RULES_DIR
    from planner.domain.pain.rules import is_rules_path, load_pain_rules

    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not os.path.lexists(p)]
    for path in missing:
        print(f"{display_path(path)}: file: does not exist", file=sys.stderr)
    present = [p for p in paths if os.path.lexists(p)]
    lesson_paths = [p for p in present if p.absolute().name == LESSONS_DIR or is_lesson_path(p.absolute())]
    rules_paths = [p for p in present if p.absolute().name == PAIN_RULES_DIR or is_rules_path(p.absolute())]
    context.extra_sources = [p for p in present if p not in lesson_paths and p not in rules_paths]
    library = context.library
    # Lessons and pain rules: the built-in and library ones, or only those in the paths given.
    lessons = load_lessons(present if paths else context.sources())
    rules = load_pain_rules(present if paths else context.sources())
    problems = library.problems + lessons.problems + rules.problems
    if paths:
        shown = [display_path(p) for p in present]
        problems = [p for p in problems if any(p.path == s or p.path.startswith(s.rstrip("/") + "/") for s in shown)]
    from planner.cli.problem_lines import problem_lines

    for line in problem_lines(problems, more_hint="name one file or folder to see its own"):
        print(line, file=sys.stderr)
    for line in library.notices + lessons.notices + rules.notices if not paths else []:
        notice(line)
    if problems or missing:
        count = len(problems) + len(missing)
        notice(f"{count} problem{'s' if count != 1 else ''} found")
        return 1
    print(f"ok: {len(library.exercises)} exercises and {len(library.programs)} programs are valid, "
          f"and {len(lessons.by_id)} lesson{'s' if len(lessons.by_id) != 1 else ''}"
          f"{_rules_words(rules, bool(paths))}")
    return 0


def _rules_words(rules: LoadedRules, only_paths: bool) -> str:
    count = len(rules.checked)
    if only_paths:
        return f", and {count} pain-rules file{'s' if count != 1 else ''}" if count else ""
    return f"; pain rules in force: {'built-in' if rules.origin == BUILT_IN else rules.origin}"


def _report_problems(context: Context) -> None:
    for line in context.library.notices:
        notice(line)
    count = len(context.library.problems)
    if count:
        notice(f"{count} file problem{'s' if count != 1 else ''} skipped; run 'planner validate' for details")


def list_exercises(args: argparse.Namespace, context: Context) -> int:
    library = context.library
    _report_problems(context)
    rows = []
    for exercise in sorted(library.exercises.values(), key=lambda e: (e.category.value, library.chain(e.id)[0], e.level, e.id)):
        if args.category and exercise.category.value != args.category:
            continue
        rows.append({
            "id": exercise.id,
            "name": exercise.name,
            "category": exercise.category.value,
            "kind": exercise.kind.value,
            "level": exercise.level,
            "targets": exercise.targets,
            "easier": library.easier_of.get(exercise.id),
            "harder": library.harder_of.get(exercise.id),
            "equipment": exercise.equipment,
            "source": library.origin[exercise.id],
        })
    if args.json:
        print_json(rows)
        return 0
    width = max((len(r["id"]) for r in rows), default=2)
    for row in rows:
        source = "" if row["source"] == BUILT_IN else f"  [{row['source']}]"
        print(f"{row['id']:<{width}}  {row['category']:<11} L{row['level']}  {row['name']}{source}")
    return 0


def list_programs(args: argparse.Namespace, context: Context) -> int:
    library = context.library
    _report_problems(context)
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "goal": p.goal,
            "description": " ".join(p.description.split()),
            "weeks": p.weeks,
            "default_days": p.default_days,
            "default_minutes": p.default_minutes,
            "source": library.program_origin[p.id],
        }
        for p in sorted(library.programs.values(), key=lambda p: p.id)
    ]
    if args.json:
        print_json(rows)
        return 0
    width = max((len(r["id"]) for r in rows), default=2)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['weeks']:>2} weeks  {row['name']}: {row['goal']}")
    return 0


def write_schemas(args: argparse.Namespace, context: Context) -> int:
    from planner.exports.files import check_target, write_export

    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PlannerError(f"cannot write schemas to {display_path(folder)}: {err.strerror or err}") from None
    schemas = file_schemas()
    for name in schemas:  # every target checked first: a refusal leaves the folder as it was
        check_target(folder / name, force=args.force)
    for name, schema in schemas.items():
        target = folder / name
        write_export(target, json.dumps(schema, indent=2) + "\n", force=args.force, mode=0o644)
        print(display_path(target))
    return 0


DIRECTION_WORDS = {"flexion": "forward (flexion)", "extension": "backward (extension)",
                   "neutral": "neither way (neutral)"}


def show_exercise(args: argparse.Namespace, context: Context) -> int:
    """``planner show ID``: one exercise in full, as the app's library shows it."""
    from planner.domain.errors import UsageError
    from planner.domain.plan.model import prescribe
    from planner.domain.plan.progression import starting_dose
    from planner.domain.plan.wording import dose_words

    library = context.library
    exercise = library.exercises.get(args.exercise)
    if exercise is None:
        raise UsageError(f"no exercise has id '{args.exercise}'{library.suggest(args.exercise, library.exercises)}; "
                         "'planner library' lists them")
    if args.svg or args.output:
        return _write_figure_svg(args, exercise)
    per_side = exercise.per_side
    dose = prescribe(exercise, starting_dose(exercise), library.chain(exercise.id)[0])
    easier, harder = library.easier_of.get(exercise.id), library.harder_of.get(exercise.id)
    if args.json:
        print_json({
            "id": exercise.id, "name": exercise.name, "category": exercise.category.value,
            "kind": exercise.kind.value, "level": exercise.level, "per_side": per_side,
            "direction": exercise.direction.value,
            "summary": exercise.summary, "targets": exercise.targets, "equipment": exercise.equipment,
            "dose": {"sets": dose.sets, "reps": dose.reps, "hold_seconds": dose.hold_seconds,
                     "minutes": dose.minutes, "rest_seconds": dose.rest_seconds,
                     "descending": getattr(dose, "descending", False), "holds": dose.holds()},
            "cues": exercise.cues, "cautions": exercise.cautions, "easier": easier, "harder": harder,
            "chain": library.chain(exercise.id), "source": library.origin[exercise.id],
            "replacement_only": exercise.replacement_only,
        })
        return 0

    def named(other: str | None) -> str:
        return f"{library.exercises[other].name} ({other})" if other else "none"

    lines = [f"{exercise.name} ({exercise.id}) · {exercise.category.value} · level {exercise.level}"]
    if exercise.figure is not None:
        from planner.domain.figures.terminal import figure_text

        lines += figure_text(exercise.figure)
    if exercise.summary:
        lines.append(exercise.summary)
    lines += [f"Dose to start: {dose_words(dose, per_side)}",
              f"Per side: {'yes, left then right' if per_side else 'no'}",
              f"Works: {', '.join(exercise.targets)}",
              f"Bends the lower back: {DIRECTION_WORDS[exercise.direction.value]}"]
    if exercise.equipment:
        lines.append(f"Needs: {', '.join(exercise.equipment)}")
    lines += ["How:", *(f"  - {cue}" for cue in exercise.cues)]
    lines += ["Take care:", *(f"  ! {caution}" for caution in exercise.cautions)]
    lines += [f"Easier: {named(easier)}", f"Harder: {named(harder)}"]
    if exercise.replacement_only:
        slots = " or ".join(slot.value for slot in exercise.slots) or "its"
        lines.append(f"Used only in place of a {slots} exercise that pain took out of a plan.")
    print("\n".join(lines))
    return 0


def _write_figure_svg(args: argparse.Namespace, exercise: Exercise) -> int:
    """``planner show ID --svg [-o FILE]``: the figure's key poses as one SVG file."""
    from planner.domain.errors import UsageError
    from planner.domain.figures.svg import figure_svg

    if not args.svg:
        raise UsageError("-o/--output goes with --svg, e.g. planner show bird-dog --svg -o bird-dog.svg")
    if exercise.figure is None:
        raise PlannerError(f"'{exercise.id}' has no [figure] table to draw; docs/figures.md says how to add one")
    text = figure_svg(exercise.figure, exercise.name) + "\n"
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    from planner.exports.files import write_export

    target = Path(args.output)
    write_export(target, text, force=args.force, mode=0o644)  # the one safe writer: no links, FIFOs, or overwrites
    print(display_path(target))
    return 0
