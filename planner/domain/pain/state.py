"""What pain-guided changes leave over a plan: :class:`AdaptationState`, and the latest one recorded.

The plan built from its inputs never changes; what changes is this state laid over it: which plan week
the person is on (``frozen_week`` holds it still, ``lag_weeks`` shifts the calendar), a volume ``factor``
that climbs back to the doses before the pain (:mod:`planner.domain.pain.position`), exercises regressed
to an easier variant, dropped or replaced, and pauses. Every change to it is recorded as an
:class:`~planner.domain.records.Adjustment` with its reason (:mod:`planner.domain.pain.adaptation`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from planner.domain.pain.rules import DEFAULT_RULES
from planner.domain.records import History

if TYPE_CHECKING:  # read by pydantic for plan files (see planner.domain.files.validation)
    from typing import Annotated

    from pydantic import Field


@dataclass(frozen=True, kw_only=True)
class AdaptationState:
    """Where pain-guided changes left the plan; carried over on import."""

    __pydantic_config__ = {"extra": "forbid"}  # in a plan file; the store's copies are read by load()

    pause: Literal["relief", "red-flag"] | None = None
    frozen_week: Annotated[int | None, Field(strict=True)] = None
    factor: Annotated[float, Field(strict=True)] = 1.0
    growing_since: dt.date | None = None
    ceiling: Annotated[float | None, Field(strict=True)] = None
    lag_weeks: Annotated[int, Field(strict=True)] = 0
    regressed: Annotated[dict[str, str], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    gap_after: dt.date | None = None
    # The warning signs behind a red-flag pause (names from planner.domain.pain.warning_signs).
    symptoms: Annotated[list[str], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    # Exercise tracks taken out of the plan: they brought on tingling, or hurt at their easiest variant.
    dropped: Annotated[list[str], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    # A dropped track's replacement: another exercise for the same purpose (planner.domain.plan.substitutes).
    replaced: Annotated[dict[str, str], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    # The week of the plan each replacement came in (by the dropped track): it moves up its own progression
    # from there, a step for each week the plan moves on.
    replaced_at: Annotated[dict[str, int], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    # The session day the last cut answered: one cut per pain episode, so a second report about the same
    # session (a 7 after it, a 6 the next morning) never cuts it again.
    cut_for: dt.date | None = None
    # Weeks to climb back after a cut or a pause, from the pain rules in force when it began.
    rebuild_weeks: Annotated[int, Field(ge=1, le=12, strict=True)] = DEFAULT_RULES.rebuild_weeks

    def dump(self) -> dict:
        """Plain JSON values, as the store keeps the state with each adjustment."""
        data = dataclasses.asdict(self)
        for name in ("growing_since", "gap_after", "cut_for"):
            if data[name] is not None:
                data[name] = data[name].isoformat()
        return data

    @classmethod
    def load(cls, data: dict) -> AdaptationState:
        """A state :meth:`dump` wrote; keys it does not know (from another version) are left out."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for name in ("growing_since", "gap_after", "cut_for"):
            if known.get(name) is not None:
                known[name] = dt.date.fromisoformat(known[name])
        if known.get("factor") is not None:
            known["factor"] = float(known["factor"])
        for name in ("symptoms", "dropped"):
            known[name] = list(known.get(name) or [])
        return cls(**known)


def current_state(history: History) -> AdaptationState:
    if not history.adjustments:
        return AdaptationState()
    return AdaptationState.load(history.adjustments[-1].state)

