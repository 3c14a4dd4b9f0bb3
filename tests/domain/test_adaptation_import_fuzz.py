"""Whatever a person writes in a plan file's [adaptation], an import either refuses it with
``PATH:LINE: FIELD: message`` lines or takes values that mean something."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.errors import InvalidFile
from planner.domain.exchange.plan_file import plan_from_toml, plan_to_toml
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from tests.fuzzing import fuzz_settings

START = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 3, 20)


@pytest.fixture(scope="module")
def base(library) -> str:
    inputs = PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=20, level=1, weeks=6,
                        start=START)
    text = plan_to_toml(build_plan(inputs, library))
    return text.replace("\n[[weeks]]", '\n[[adjustments]]\ndate = 2026-03-09\nkind = "reduce"\nreason = "pain"\n'
                        "\n[[weeks]]", 1)


floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -5.0, 1e308, 0.5, 1.0]))
ints = st.integers(-10**6, 10**6)
dates = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
adaptation = st.fixed_dictionaries({}, optional={
    "pause": st.sampled_from(["relief", "red-flag"]),
    "factor": floats, "ceiling": floats, "frozen_week": ints, "lag_weeks": ints,
    "growing_since": dates, "gap_after": dates,
    "symptoms": st.lists(st.sampled_from(["saddle", "fever", "numbness", "headache"]), max_size=3),
})


def render(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return tomli_w.dumps({"v": value}).partition("= ")[2].strip()


@fuzz_settings(100)
@given(values=adaptation)
def test_adaptation_values_are_range_checked(library, base, values) -> None:
    block = "".join(f"{k} = {render(v)}\n" for k, v in values.items())
    text = base.replace("\n[[adjustments]]", f"\n[adaptation]\n{block}\n[[adjustments]]", 1)
    try:
        plan_file = plan_from_toml(text, "plan.toml", library, TODAY)
    except InvalidFile as err:
        for problem in err.problems:
            assert re.match(r"^plan\.toml:\d+: adaptation\.\w+(\.\w+)?: \S", str(problem)), str(problem)
        return
    state = plan_file.adaptation
    assert math.isfinite(state.factor) and 0 < state.factor <= 1
    assert state.ceiling is None or (math.isfinite(state.ceiling) and 0 < state.ceiling <= 1)
    assert state.frozen_week is None or 1 <= state.frozen_week <= 6
    assert 0 <= state.lag_weeks <= 6
    for day in (state.growing_since, state.gap_after):
        assert day is None or START - dt.timedelta(days=7) <= day <= TODAY
    assert not state.symptoms or state.pause == "red-flag"
    assert set(state.symptoms) <= {"saddle", "fever", "numbness"}
