"""The figure rule that needs geometry: no key pose puts the body through the floor.

Called when exercise files are read (never for a library from the cache), so the quick commands stay
free of the drawing code. The angle ranges and unknown joints are the schema's job (pydantic).
"""

from __future__ import annotations

from planner.domain.figures.skeleton import HEAD, placed
from planner.domain.library.figure import Figure

TOLERANCE = 0.05  # trunk lengths: a stick figure has no flesh, so a foot may touch the floor line


def floor_problems(figure: Figure) -> list[tuple[tuple[str, ...], str]]:
    """``(loc, message)`` for each key pose that puts a part of the body below the floor."""
    found = []
    for name, pose in figure.poses:
        if pose.height is None:
            continue  # set on the floor by its lowest point
        shape = placed(pose, figure.view)
        depths = {part: -y for part, (_, y) in shape.points.items() if -y > TOLERANCE}
        head_depth = HEAD - shape.head[1]
        if head_depth > TOLERANCE:
            depths["head"] = head_depth
        if depths:
            part = max(depths, key=lambda p: depths[p])
            found.append((("figure", name, "height"),
                          f"{pose.height:g} puts the {part.replace('_', ' ')} {depths[part]:.2f} below the floor "
                          "(raise the height, change the angles, or leave height out to rest the lowest "
                          "point on the floor)"))
    return found
