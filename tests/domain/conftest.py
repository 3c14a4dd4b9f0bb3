"""Fixtures the domain tests share."""

from __future__ import annotations

import pytest

from planner.domain.library.loading import Library, Source, load_library
from planner.locations import built_in_library


@pytest.fixture(scope="module")
def library() -> Library:
    """The built-in library, loaded once for each test module (a module may override it)."""
    return load_library([Source(built_in_library(), built_in=True)])
