"""A lesson: a short read about backs, written as a TOML file like every other piece of content.

Like the exercise models, a plain frozen dataclass whose annotations carry the
rules as strings for pydantic, read only when a file is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.domain.library.models import FILE_RULES

if TYPE_CHECKING:  # read by pydantic, from planner.domain.files.validation, never imported here at run time
    from typing import Annotated

    from pydantic import Field

    from planner.domain.files.validation import Slug

WORDS_PER_MINUTE = 200


@dataclass(frozen=True, kw_only=True)
class Lesson:
    """One lesson; lessons are offered in ``order``, lowest first, one after each finished session."""

    __pydantic_config__ = FILE_RULES

    id: Annotated[Slug, Field(description="Defaults to the file name without .toml.")]
    title: Annotated[str, Field(min_length=3, max_length=60, description="Shown in lists; keep it short.")]
    order: Annotated[int, Field(ge=1, le=999, description="Position in the course; lower comes first.")]
    summary: Annotated[str, Field(min_length=10, max_length=160,
                                  description="One sentence: what the reader will take away.")]
    body: Annotated[str, Field(min_length=200, max_length=6000,
                               description="A few short paragraphs, separated by blank lines (Markdown).")]

    @property
    def minutes(self) -> int:
        """Reading time, rounded up: shown so a person knows it is a short read."""
        return max(1, -(-len(self.body.split()) // WORDS_PER_MINUTE))

    def paragraphs(self) -> list[str]:
        return [" ".join(p.split()) for p in self.body.strip().split("\n\n") if p.strip()]
