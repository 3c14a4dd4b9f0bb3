"""One exercise in full: dose, chain of variants, cues and cautions.

Used by the library, the session runner and the relief screen, so an exercise
reads the same wherever a person meets it. Cues and cautions wrap with a
hanging indent, so each reads as one item.
"""

from __future__ import annotations

from textual.content import Content

from planner.app.widgets.hanging import Hanging, Line
from planner.domain.library.loading import Library
from planner.domain.plan.model import Prescription, prescribe
from planner.domain.plan.progression import starting_dose
from planner.domain.plan.wording import dose_words


class ExerciseDetail(Hanging):
    DEFAULT_CLASSES = "exercise-detail"

    def show(self, library: Library, exercise_id: str | None, item: Prescription | None = None,
             *, brief: bool = False) -> None:
        """Show an exercise; ``item`` is the dose to do now (else the starting dose)."""
        if exercise_id is None or exercise_id not in library.exercises:
            self.update([("", Content("Nothing selected."))])
            return
        exercise = library.exercises[exercise_id]
        item = item or prescribe(exercise, starting_dose(exercise), library.chain(exercise_id)[0])
        chain = library.chain(exercise_id)
        lines: list[Line] = [
            ("", Content.styled(exercise.name, "bold")),
            ("", Content(f"{exercise.category.value} · {', '.join(exercise.targets)} · level {exercise.level}")),
            ("", Content.assemble(("Dose: ", "bold"), dose_words(item, exercise.per_side)))]
        if exercise.summary and not brief:
            lines.append(("", Content(exercise.summary)))
        if len(chain) > 1:
            names = [f"[{library.exercises[i].name}]" if i == exercise_id else library.exercises[i].name
                     for i in chain]
            lines.append(("", Content.assemble(("Chain: ", "bold"), " → ".join(names))))
        if exercise.equipment and not brief:
            lines.append(("", Content.assemble(("Needs: ", "bold"), ", ".join(exercise.equipment))))
        lines.append(("", Content.styled("How", "bold")))
        lines.extend((" • ", Content(cue)) for cue in exercise.cues)
        lines.append(("", Content.styled("Take care", "bold")))
        lines.extend((" ! ", Content(caution)) for caution in exercise.cautions)
        self.update(lines)
