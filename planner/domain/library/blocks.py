"""Program files written before movement slots: ``[[blocks]]`` read as ``[[slots]]``.

Older program files listed *blocks* (``category = "core", count = 3``, or a list of
``exercises``) instead of slots. They still load: each block becomes the slots that
serve its category (core: McGill's curl-up, side plank and bird-dog first, then a
bridge or hip hinge; flexibility: stretches; mobility: the warm-up; relief: gentle
movement, a rest position, heat or cold), or, for a list of exercises, the slot those
exercises serve. Slots are put in session order (warm-up first, stretches last). A bad
block is reported at its line, as any other file problem.
"""

from __future__ import annotations

from planner.domain.errors import Problem
from planner.domain.files.toml_lines import locate
from planner.domain.library.models import Category, Exercise
from planner.domain.library.slots import Slot

BLOCK_FIELDS = ("category", "exercises", "count")
MAX_COUNT = 6  # as the block format allowed
SLOT_COUNT_MAX = 4

# The slots a category's block fills, one per exercise it asked for, in order.
CATEGORY_SLOTS: dict[Category, tuple[Slot, ...]] = {
    Category.CORE: (Slot.CURL_UP, Slot.SIDE_PLANK, Slot.BIRD_DOG, Slot.BRIDGE_HINGE, Slot.FRONT_CORE, Slot.EXTENSION),
    Category.FLEXIBILITY: (Slot.STRETCH,),
    Category.MOBILITY: (Slot.WARM_UP,),
    Category.RELIEF: (Slot.GENTLE_MOVEMENT, Slot.REST_POSITION, Slot.HEAT_COLD, Slot.BREATHING, Slot.WATER),
}

# Session order: warm-up first, the strength work, a walk and relief, stretches last.
SESSION_ORDER = (Slot.WARM_UP, Slot.GENTLE_MOVEMENT, Slot.CURL_UP, Slot.SIDE_PLANK, Slot.BIRD_DOG, Slot.FRONT_CORE,
                 Slot.BRIDGE_HINGE, Slot.LOADED, Slot.EXTENSION, Slot.POSTURE, Slot.WALK, Slot.REST_POSITION,
                 Slot.HEAT_COLD, Slot.BREATHING, Slot.WATER, Slot.STRETCH)

# Settings whose allowed range changed with slots: an older value is brought inside it.
FILL_MIN = 0.75


def written_with_blocks(data: dict) -> bool:
    return "blocks" in data and "slots" not in data


def notice_for(shown: str) -> str:
    return (f"{shown}: written with [[blocks]], the program format before [[slots]]; it still works "
            "(read as slots; 'planner schema' shows the newer format)")


def blocks_to_slots(data: dict, shown: str, text: str, exercises: dict[str, Exercise]) -> tuple[dict | None, list[Problem]]:
    """``data`` with its ``blocks`` replaced by ``slots``, or the problems with its blocks (at their lines)."""
    blocks = data.get("blocks")
    problems: list[Problem] = []

    def problem(loc: tuple[str | int, ...], message: str) -> None:
        field = "blocks" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[1:])
        problems.append(Problem(shown, locate(text, loc), field, message))

    if not isinstance(blocks, list) or not blocks:
        problem(("blocks",), "give at least one block (or, in the newer format, [[slots]])")
        return None, problems
    wanted: dict[Slot, dict] = {}
    for index, block in enumerate(blocks):
        loc: tuple[str | int, ...] = ("blocks", index)
        if not isinstance(block, dict):
            problem(loc, "a block is a table with category, exercises and count")
            continue
        for key in block:
            if key not in BLOCK_FIELDS:
                problem((*loc, key), f"unknown field; allowed: {', '.join(BLOCK_FIELDS)}")
        count = block.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_COUNT:
            problem((*loc, "count"), f"{count!r} is not allowed; use a whole number from 1 to {MAX_COUNT}")
            continue
        category = block.get("category")
        chains = block.get("exercises", [])
        if category is not None and category not in {c.value for c in Category}:
            problem((*loc, "category"), f"'{category}' is not a category; use one of: "
                                        f"{', '.join(c.value for c in Category)}")
            continue
        if not isinstance(chains, list) or not all(isinstance(c, str) for c in chains):
            problem((*loc, "exercises"), "a list of exercise ids, e.g. exercises = [\"bird-dog\"]")
            continue
        if category is None and not chains:
            problem(loc, "a block needs a category or a list of exercises")
            continue
        if chains:
            unknown = [c for c in chains if c not in exercises]
            if unknown:
                problem((*loc, "exercises"), f"names '{unknown[0]}', but no exercise has that id")
                continue
            slot = next((s for s in exercises[chains[0]].slots), None)
            if slot is None:
                problem((*loc, "exercises"), f"'{chains[0]}' serves no slot, so the block has no place in a session")
                continue
            _add(wanted, slot, count, [c for c in chains if slot in exercises[c].slots])
            continue
        slots = CATEGORY_SLOTS[Category(category)]
        if len(slots) == 1:
            _add(wanted, slots[0], count, [])
        else:
            for slot in slots[:count]:
                _add(wanted, slot, 1, [])
    if problems:
        return None, problems
    translated = {k: v for k, v in data.items() if k != "blocks"}
    translated["slots"] = [wanted[s] for s in SESSION_ORDER if s in wanted]
    if isinstance(translated.get("fill"), int | float) and not isinstance(translated["fill"], bool):
        translated["fill"] = max(translated["fill"], FILL_MIN)
    return translated, []


def _add(wanted: dict[Slot, dict], slot: Slot, count: int, chains: list[str]) -> None:
    """One slot per kind: blocks that land on the same slot add up (an open block keeps it open)."""
    spec = wanted.get(slot)
    if spec is None:
        spec = wanted[slot] = {"slot": slot.value, "count": 0, "chains": list(chains)}
    elif not chains or not spec["chains"]:
        spec["chains"] = []
    else:
        spec["chains"] += [c for c in chains if c not in spec["chains"]]
    spec["count"] = min(spec["count"] + count, SLOT_COUNT_MAX)


def migrated_text(text: str, shown: str, exercises: dict[str, Exercise]) -> tuple[str | None, list[Problem]]:
    """A ``[[blocks]]`` program file's text rewritten with ``[[slots]]`` (``None`` and the problems when its
    blocks are bad). Everything before the first ``[[blocks]]`` is kept as written, comments included;
    only a ``fill`` raised into the newer range is changed there. The result reads back as the same program."""
    import re
    import tomllib

    import tomli_w

    data = tomllib.loads(text)
    translated, problems = blocks_to_slots(data, shown, text, exercises)
    if translated is None:
        return None, problems
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() == "[[blocks]]"), None)
    headers = [line.strip() for line in lines if re.match(r"\s*\[", line)]
    if first is not None and all(h == "[[blocks]]" for h in headers):
        head = lines[:first]
        if translated.get("fill") != data.get("fill"):
            head = [re.sub(r"^(\s*fill\s*=\s*)[^#]*", lambda m: f"{m.group(1)}{translated['fill']} ", line).rstrip()
                    if re.match(r"\s*fill\s*=", line) else line for line in head]
        while head and not head[-1].strip():
            head.pop()
        rewritten = "\n".join(head) + "\n\n" + tomli_w.dumps({"slots": translated["slots"]})
        if tomllib.loads(rewritten) == translated:
            return rewritten, []
    leading: list[str] = []  # the comment lines at the top, the most a full rewrite can keep
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            break
        leading.append(line)
    return ("\n".join(leading).strip() + "\n\n" if any(x.strip() for x in leading) else "") + \
        tomli_w.dumps(translated), []
