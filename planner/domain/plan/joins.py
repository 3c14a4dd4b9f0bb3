"""A slot that joins later (the loaded pattern in week 5, gentle return's bridge in week 3).

It waits for a full week with room for it within the weekly limit; to make room it takes the place of
fillers and then of the second exercise of a slot that holds two (one stretch instead of two), never of a
slot of its own (the walk, a strength slot), and the session stays 75% full.
"""

from __future__ import annotations

from planner.domain.plan.progression import TrackState, is_load
from planner.domain.plan.sessions import MIN_FILL, Item, SessionPlanner
from planner.domain.plan.weekly_load import week_load


def joining(builder: SessionPlanner, index: int, session: int) -> list[str]:
    """The tracks slot ``index`` would bring into a session, as the layout will pick them."""
    taken = {i.track for i in builder.latest.get(session, [])}
    picked: list[str] = []
    for nth in range(builder.program.slots[index].count):
        track = builder._pick(index, session, nth, taken)
        if track is not None:
            picked.append(track)
            taken.add(track)
    return picked


def joined_layout(builder: SessionPlanner, index: int, session: int) -> list[Item] | None:
    """The session as it would be with slot ``index`` joining, or None when the slot cannot come in whole.

    To make room, the session leaves out its fillers and then the second exercises of slots that hold
    two (one stretch instead of two), just as the layout will (:meth:`SessionPlanner._fit`); a slot of
    its own (the walk, a strength slot) is never left out for it, and the session stays 75% full.
    """
    items = builder.latest.get(session, [])
    if index in builder.apart:
        candidate = list(items)
    else:
        new = [Item(track, index) for track in joining(builder, index, session)]
        candidate = builder._fit(sorted([*items, *new], key=lambda i: (i.spec, i.extra)), session)
        if any(i not in candidate for i in new):
            return None
    if {i.spec for i in items} - {i.spec for i in candidate}:
        return None
    total = builder.seconds(candidate)
    if total > builder.budget or total < MIN_FILL * builder.budget:
        return None
    return candidate


def has_minutes_for(builder: SessionPlanner, index: int) -> bool:
    """Whether each session can take the slot's exercises in place of fillers or second exercises, 75% full."""
    return all(joined_layout(builder, index, n) is not None for n in builder.latest)


def delay_joins(builder: SessionPlanner, number: int, deload: bool, room: float) -> None:
    """A slot due to join this week waits for a full week with room for it within the weekly limit.

    The room is what the limit leaves plus what the slot's exercises replace: fillers, or the second
    exercise of a slot that holds two (:func:`joined_layout`).
    """
    program = builder.program
    for index, spec in enumerate(program.slots):
        if builder.joins[index] != number or not builder.chains[index]:
            continue
        if deload:
            builder.joins[index] += 1
            continue
        if spec.optional or spec.apart:
            continue
        layouts = [joined_layout(builder, index, n) for n in builder.latest]
        if any(items is None for items in layouts):
            builder.joins[index] += 1
            continue
        # The load with the slot in, less the fillers that may still make way for it (trim_fillers).
        before = week_load(builder.states, list(builder.latest.values()))
        after = week_load(builder.states, [items for items in layouts if items is not None])
        # Only fillers whose session stays 75% full without them: a session is never left short for a join.
        fillers = sum(builder.states[i.track].volume for items in layouts if items is not None for i in items
                      if i.extra and is_load(builder.states[i.track].exercise)
                      and builder.seconds([j for j in items if j is not i]) >= MIN_FILL * builder.budget)
        if after - fillers > before + room:
            builder.joins[index] += 1


def trim_fillers(builder: SessionPlanner, layouts: list[list[Item]], states: dict[str, TrackState],
                 bound: float) -> None:
    """A slot that joins (say a loaded pattern in week 5) takes the place of fillers, within the weekly limit,
    leaving each session 75% full (a filler that would leave its session shorter stays)."""
    while week_load(states, layouts) > bound:
        fillers = [(n, i) for n, items in enumerate(layouts) for i in items
                   if i.extra and is_load(states[i.track].exercise)
                   and builder.seconds([j for j in items if j is not i], states) >= MIN_FILL * builder.budget]
        if not fillers:
            return
        n, item = max(fillers, key=lambda pair: (states[pair[1].track].volume, pair[0]))
        layouts[n].remove(item)
