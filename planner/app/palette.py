"""The command palette, safe to page through before its list has been laid out.

Keys typed together (``ctrl+p`` then PageUp, as a terminal delivers them in one read) reach Textual's
palette before its command list has a size. Paging then looks up the line of an option that has no
line yet (``KeyError: 0`` in ``OptionList._move_page``) and the whole app dies. Until the list has
been laid out there is nothing on screen to page through, so the key does nothing.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


class PlannerPalette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            commands = self.query_one(CommandList)
            if not commands.scrollable_content_region or commands.highlighted not in commands._index_to_line:
                return
        super()._action_command_list(action)
