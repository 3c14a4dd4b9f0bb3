"""What every command needs, resolved once from options and environment."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from planner import clock, locations

if TYPE_CHECKING:  # the library's modules are imported when it is first read: the app's first frame needs none
    from planner.domain.lessons.loading import Lessons
    from planner.domain.library.loading import Library, Source
    from planner.domain.pain.rules import LoadedRules, PainRules


@dataclass
class Context:
    data_dir: Path
    library_dirs: list[Path]
    today: dt.date
    extra_sources: list[Path] = field(default_factory=list)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        data = locations.data_dir(getattr(args, "data_dir", None))
        dirs = locations.user_library_dirs(getattr(args, "library", None))
        if not dirs:
            default = locations.default_user_library(data)
            dirs = [default] if default.is_dir() else []
        return cls(data_dir=data, library_dirs=dirs, today=clock.today())

    def sources(self) -> list[Source]:
        from planner.domain.library.loading import Source

        return [
            Source(locations.built_in_library(), built_in=True),
            *(Source(d) for d in self.library_dirs),
            *(Source(p) for p in self.extra_sources),
        ]

    def database_exists(self) -> bool:
        return locations.database_path(self.data_dir).exists()

    @cached_property
    def library(self) -> Library:
        """The checked library, from the cache next to the database when no file has changed.

        Without a database there is no cache: commands that only read never create files.
        """
        from planner.store.library_cache import load_library_cached

        cache = self.data_dir / "cache" if self.database_exists() else None
        library = load_library_cached(self.sources(), cache)
        if cache is not None and "pydantic" in sys.modules:
            # The files were just checked, so pydantic is paid for: check the pain rules now too, and the
            # quick commands find both cached.
            _ = self.loaded_pain_rules
        return library

    @cached_property
    def lessons(self) -> Lessons:
        """The lessons (built-in, then the person's library folders); checked with pydantic when read."""
        from planner.domain.lessons.loading import load_lessons
        from planner.domain.lessons.numbers import lesson_numbers

        return load_lessons(self.sources(), lesson_numbers(self.pain_rules))

    @cached_property
    def loaded_pain_rules(self) -> LoadedRules:
        """The pain rules in force (built-in, or ``pain-rules/default.toml`` in the person's library), cached
        next to the database like the library, so quick commands read them without pydantic."""
        from planner.store.rules_cache import load_pain_rules_cached

        cache = self.data_dir / "cache" if self.database_exists() else None
        return load_pain_rules_cached(self.sources(), cache)

    @property
    def pain_rules(self) -> PainRules:
        return self.loaded_pain_rules.rules
