"""One exercise in full: dose, chain of variants, cues and cautions.

Used by Today, the library, the session runner and the relief screen, so an exercise reads the same
wherever a person meets it. Cues and cautions wrap with a hanging indent, so each reads as one item.

The lines are worked out as plain data (:func:`detail_lines`: text and a style per piece), so Today's
first frame can draw them from what was kept last time without importing the library's modules (see
:mod:`planner.app.today_face`).
"""

from __future__ import annotations

from textual.content import Content

from planner.app.widgets.hanging import Hanging, Line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.domain.library.loading import Library
    from planner.domain.plan.model import Prescription

# One line: its bullet ("" for none) and its pieces, each (text, style) with "" for plain.
DetailLine = tuple[str, list[tuple[str, str]]]
NOTHING: list[DetailLine] = [("", [("Nothing selected.", "")])]


def detail_lines(library: Library, exercise_id: str | None, item: Prescription | None = None,
                 *, brief: bool = False) -> list[DetailLine]:
    """An exercise's lines; ``item`` is the dose to do now (else the starting dose)."""
    from planner.domain.plan.model import prescribe
    from planner.domain.plan.progression import starting_dose
    from planner.domain.plan.wording import dose_words

    if exercise_id is None or exercise_id not in library.exercises:
        return NOTHING
    exercise = library.exercises[exercise_id]
    chain = library.chain(exercise_id)
    item = item or prescribe(exercise, starting_dose(exercise), chain[0])
    lines: list[DetailLine] = [
        ("", [(exercise.name, "bold")]),
        ("", [(f"{exercise.category.value} · {', '.join(exercise.targets)} · level {exercise.level}", "")]),
        ("", [("Dose: ", "bold"), (dose_words(item, exercise.per_side), "")])]
    if exercise.summary and not brief:
        lines.append(("", [(exercise.summary, "")]))
    if len(chain) > 1:
        names = [f"[{library.exercises[i].name}]" if i == exercise_id else library.exercises[i].name
                 for i in chain]
        lines.append(("", [("Chain: ", "bold"), (" → ".join(names), "")]))
    if exercise.equipment and not brief:
        lines.append(("", [("Needs: ", "bold"), (", ".join(exercise.equipment), "")]))
    lines.append(("", [("How", "bold")]))
    lines.extend((" • ", [(cue, "")]) for cue in exercise.cues)
    lines.append(("", [("Take care", "bold")]))
    lines.extend((" ! ", [(caution, "")]) for caution in exercise.cautions)
    return lines


def as_content(lines: list[DetailLine]) -> list[Line]:
    return [(bullet, Content.assemble(*((text, style) if style else text for text, style in pieces)))
            for bullet, pieces in lines]


class ExerciseDetail(Hanging):
    DEFAULT_CLASSES = "exercise-detail"

    def show(self, library: Library, exercise_id: str | None, item: Prescription | None = None,
             *, brief: bool = False) -> None:
        """Show an exercise; ``item`` is the dose to do now (else the starting dose)."""
        self.show_lines(detail_lines(library, exercise_id, item, brief=brief))

    def show_lines(self, lines: list[DetailLine]) -> None:
        self.update(as_content(lines))
