"""A table read back from a cache whose values are made the first time each is asked for.

A library of a thousand exercises read back from its cache made every exercise (its enums, steps and
figure) before the app's first frame, which shows one day's ten. The table keeps each value as it was
read from the file until it is looked up, and makes it once then. Iterating over the values makes them
all, so whatever reads the whole library still gets whole exercises. The values made are frozen, so
two threads making the same one at once (the app reads in workers) only make it twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    K = TypeVar("K")
    V = TypeVar("V")


class BuiltOnUse(MutableMapping):
    """A mapping of keys to values made on first use by ``build`` from what ``raw`` holds for them."""

    def __init__(self, raw: dict[K, Any], build: Callable[[Any], V]):
        self._values: dict[K, Any] = dict(raw)
        self._unbuilt: set[K] = set(raw)
        self._build = build

    def __getitem__(self, key: K) -> V:
        value = self._values[key]
        if key in self._unbuilt:
            value = self._build(value)
            self._values[key] = value
            self._unbuilt.discard(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        self._values[key] = value
        self._unbuilt.discard(key)

    def __delitem__(self, key: K) -> None:
        del self._values[key]
        self._unbuilt.discard(key)

    def __iter__(self) -> Iterator[K]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def copy(self) -> BuiltOnUse:
        """A table of its own with the same keys, sharing what either has made so far and the rest still unmade."""
        twin = BuiltOnUse({}, self._build)
        twin._values, twin._unbuilt = dict(self._values), set(self._unbuilt)
        return twin

    def __repr__(self) -> str:
        return f"BuiltOnUse({len(self._values)} entries, {len(self._unbuilt)} not made yet)"
