"""The command palette (ctrl+p): every key binding, offered as a command by name.

It reads the same tables as the footer and the help screen, so anything a key
does can also be found by typing what it does.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from planner.app.bindings import APP_BINDINGS, FOOTER_ONLY, PALETTE_ONLY, key_label, title


class PlannerCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, Binding, bool]]:
        """(title, binding, runs on the screen?) for the app's keys and the current screen's keys."""
        seen: set[str] = set()
        for binding in getattr(self.screen, "BINDINGS", []):
            if (isinstance(binding, Binding) and binding.description and binding.id != FOOTER_ONLY
                    and title(binding) not in seen):
                seen.add(title(binding))
                yield title(binding), binding, True
        for binding in [*APP_BINDINGS, *PALETTE_ONLY]:
            if title(binding) not in seen:
                seen.add(title(binding))
                name = f"Go to {binding.description}" if binding.action.startswith("go(") else title(binding)
                yield name, binding, False

    async def _run(self, binding: Binding, on_screen: bool) -> None:
        await self.app.run_action(binding.action, self.screen if on_screen else self.app)

    async def discover(self) -> Hits:
        for name, binding, on_screen in self._commands():
            yield DiscoveryHit(name, partial(self._run, binding, on_screen), help=_key_help(binding))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, binding, on_screen in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, binding, on_screen),
                          text=name, help=_key_help(binding))


def _key_help(binding: Binding) -> str:
    return f"key: {key_label(binding)}" if binding.key else "from this palette"

