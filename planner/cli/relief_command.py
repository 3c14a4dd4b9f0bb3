"""``planner relief``: the relief routine, the same items as the app's Relief screen, for any terminal."""

from __future__ import annotations

import argparse

from planner.cli.output import print_json
from planner.context import Context
from planner.domain.days.relief import lying_minutes, movement_minutes, relief_items, total_minutes
from planner.domain.kinds import AlertLevel
from planner.domain.pain.warning_signs import HEADINGS, SIGNS
from planner.domain.plan.active_first import LYING_SHARE


def relief(args: argparse.Namespace, context: Context) -> int:
    items = relief_items(context.library)
    if args.json:
        print_json({"items": [i.as_json() for i in items], "minutes": total_minutes(items),
                    "movement_minutes": movement_minutes(items), "lying_minutes": lying_minutes(items),
                    "lying_share_max": LYING_SHARE})
        return 0
    if not items:
        print("The library has no relief exercises.")
        return 0
    print(f"Back just seized? Breathe out slowly and move gently, within comfort. About {total_minutes(items)} "
          f"min, {movement_minutes(items)} of them moving:")
    heat = {i.prescription.id: i.prescription.name for i in items}
    for number, item in enumerate(items, start=1):
        p = item.prescription
        timer = f", timer {item.timer[0]}–{item.timer[1]} min" if item.timer else ""
        instead = f", instead of the {heat[item.instead_of].lower()}" if item.instead_of else ""
        print(f"{number:>2}. {p.name} · {item.kind}{instead} · {p.dose_text()}{timer}")
        for cue in item.cues:
            print(f"      - {cue}")
    flags = "; ".join(s.question for s in SIGNS if s.level == AlertLevel.EMERGENCY)
    print(f"\n{HEADINGS['emergency']} if you have any of: {flags}.")
    return 0
