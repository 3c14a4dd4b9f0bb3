"""Rehearse writes: run actions' own code inside a write transaction that is rolled back, and keep what each
wrote, so a later plain ``planner done`` or ``planner pain N`` can write the same rows without importing the
domain (:mod:`planner.store.prepared` replays them; the design is in docs/architecture.md, "Prepared writes").

Each action runs in a savepoint of one ``BEGIN IMMEDIATE`` transaction, on the situation read inside it,
exactly as :func:`planner.actions.situation.decide` runs it; its statements are noted as it makes them, the
face describes the outcome (what it prints, the views it leaves), and the savepoint is rolled back. Nothing
is prepared while a pause stands or a warning sign shows, for an action that refuses, pauses, raises an alert
or changes the live calendar file, or when anything is unusual: those always take the action itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from planner.actions.situation import Outcome, Situation
from planner.context import Context
from planner.domain.errors import PlannerError
from planner.domain.pain.alerts import current_alert
from planner.store.active_plan import load_active, open_store
from planner.store.prepared import Recorder, data_version
from planner.store.record_rows import DAMAGE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.domain.records import History

Act = Callable[[Situation], Outcome]
BUSY_MS = 100
Describe = Callable[[str, Outcome], "dict | None"]


def rehearse(context: Context, plays: dict[str, Act] | Callable[[History], dict[str, Act]], describe: Describe,
             then: dict[str, dict[str, Act]] | None = None) -> dict[str, dict]:
    """For each named action (``plays``, or ``plays(history)`` for those worth rehearsing on this history):
    the statements it made, the data version before and after them, and what ``describe`` says of its outcome
    (``None`` from it: not prepared). ``then`` names actions rehearsed again after one of them (a ``pain N``
    after the ``done``), kept in its entry under ``"then"``. Empty when nothing can be prepared."""
    library, rules = context.library, context.pain_rules  # read before the lock, as decide() does
    if DAMAGE:
        return {}
    store = open_store(context.data_dir, create=False)
    if store is None:
        return {}
    recorder = Recorder(store.connection)
    store.connection = recorder  # type: ignore[assignment]
    store.remembered = {}  # each action reads the history again after its writes: unchanged rows are made once
    with store:
        recorder.execute(f"PRAGMA busy_timeout = {BUSY_MS}")  # another planner writing: prepare nothing, never wait
        recorder.execute("BEGIN IMMEDIATE")
        try:
            active = load_active(store, library, rules)
            if active is None or _live(store) or DAMAGE:
                return {}
            situation = Situation(store, library, rules, context.today, active)
            return _rehearse(situation, recorder, plays, describe, then or {})
        finally:
            recorder.execute("ROLLBACK")


def _rehearse(situation: Situation, recorder: Recorder, plays: dict[str, Act] | Callable[[History], dict[str, Act]],
              describe: Describe, then: dict[str, dict[str, Act]]) -> dict[str, dict]:
    active = situation.active
    if active is None or active.state.pause is not None:  # a pause is lifted or kept by the action itself
        return {}
    if current_alert(active.state, active.history, situation.today) is not None:  # a warning sign shows
        return {}
    if active.catch_up_due(situation.today):  # the gap rule's easing or a week repeated: the action's own
        return {}
    version = data_version(recorder.connection)  # read inside the transaction, as the replay reads it
    prepared: dict[str, dict] = {}
    if callable(plays):
        plays = plays(active.history)
    for name, act in plays.items():
        recorder.execute("SAVEPOINT rehearsal")
        try:
            recorder.statements, recorder.unfit, recorder.recording = [], False, True
            try:
                outcome = act(dataclasses.replace(situation, active=dataclasses.replace(active)))
            except PlannerError:  # a refusal: the action says it itself, every time
                continue
            finally:
                recorder.recording = False
            if recorder.unfit or not recorder.statements or outcome.alert is not None or DAMAGE:
                continue
            said = describe(name, outcome)
            if said is None:
                continue
            entry = {"version": version, "after": data_version(recorder.connection),
                     "statements": recorder.statements, **said}
            if name in then and outcome.active is not None:
                entry["then"] = _rehearse(dataclasses.replace(situation, active=outcome.active), recorder,
                                          then[name], describe, {})
            prepared[name] = entry
        finally:
            recorder.execute("ROLLBACK TO rehearsal")
            recorder.execute("RELEASE rehearsal")
    return prepared


def _live(store: object) -> bool:
    """Whether a live calendar file is set: a write rewrites it, which only the action itself does."""
    from planner.exports.live import live_setting

    return live_setting(store) is not None  # type: ignore[arg-type]
