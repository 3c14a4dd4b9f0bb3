"""More…: the keys the compact footer has no room for, as a list a thumb can tap.

On a phone-sized terminal Today's footer shows check off, pain and this menu; everything else (start the
session, skip the day, the other places, export, help, quit) is one tap or Enter away here. Every screen
whose footer can leave keys out (Today, the plan, Library, Relief, the runner) opens it the same way
(:class:`MoreKeys`). The entries are read from the bindings table, each with its key, so the menu also
teaches the keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.events import Key
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planner.app.bindings import APP_BINDINGS, FOOTER_ONLY, MODAL_BINDINGS, NAV_BINDINGS, key_label, title
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.footer import MORE, QUIT, FittedFooter

LIST_KEYS = frozenset({"enter", "up", "down", "home", "end", "pageup", "pagedown", "escape", "tab", "shift+tab"})


def short_key(binding: Binding) -> str:
    """The key for More's 5-cell column: "esc" for Escape, as the footer writes it ("escape" overflowed)."""
    label = key_label(binding)
    return "esc" if label == "escape" else label


class MoreMenu(DismissOnce, ModalScreen[tuple[str, DOMNode] | None]):
    """Dismisses with the chosen (action, node), for the screen that opened it to run once it is gone
    (run while it is still closing, a dialog the action opens would be closed with it)."""

    BINDINGS = MODAL_BINDINGS

    def __init__(self, entries: list[tuple[Binding, DOMNode]],
                 also: list[tuple[Binding, DOMNode]] | None = None) -> None:
        """``entries``: each binding with the node its action runs on (a screen, or the app); ``also``:
        keys that work here without being listed (the footer beneath shows them)."""
        super().__init__()
        self.entries = entries
        self.also = also or []

    def compose(self) -> ComposeResult:
        with Vertical(id="more"):
            yield Static("More  (Escape closes)", id="more-title")
            yield OptionList(*(Option(f"{short_key(b):>5}  {self.entry_title(b)}", id=str(i))
                               for i, (b, _) in enumerate(self.entries)),
                             Option("  esc  Close", id="close"), id="more-list")  # a phone's keyboard has no Escape

    @staticmethod
    def entry_title(binding: Binding) -> str:
        if binding.action.startswith("go("):
            return f"Go to {binding.description}"
        return title(binding) if len(title(binding)) <= 30 else binding.description  # one line at 40 columns

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: Key) -> None:
        """A key the menu lists does what it says, as it would on the screen beneath (the list's own
        keys, arrows and Enter, still move and choose)."""
        if event.key in LIST_KEYS:
            return
        for index, (binding, _node) in enumerate(self.entries + self.also):
            if event.key in binding.key.split(",") or event.character == key_label(binding):
                event.stop()
                event.prevent_default()
                self._run(index)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "close":
            self.action_close()
            return
        self._run(int(event.option.id or 0))

    def _run(self, index: int) -> None:
        """Dismissed once and only from the top (a second key of the same burst, or a key that reaches
        this menu after the palette opened over it, is dropped: see :mod:`dismiss_once`)."""
        binding, node = (self.entries + self.also)[index]
        self.dismiss((binding.action, node))

    def action_close(self) -> None:
        self.dismiss()


class MoreKeys(Screen):
    """A screen whose fitted footer can leave keys out: its ``more`` binding opens the More menu, listing
    the screen's other keys (those that apply now), then, on a place, the other places, and export, learn,
    help and quit. The one way every screen reaches what its narrow footer drops."""

    def action_more(self) -> None:
        self.app.push_screen(MoreMenu(*self.more_entries()), self._more_chosen)

    def more_entries(self) -> tuple[list[tuple[Binding, DOMNode]], list[tuple[Binding, DOMNode]]]:
        """(the menu's entries, the footer's keys that also work in it), each binding with its node."""
        shown = self.query_one(FittedFooter).shown | {MORE}
        own = [b for b in self.BINDINGS if isinstance(b, Binding) and b.id != FOOTER_ONLY]
        entries: list[tuple[Binding, DOMNode]] = [
            (b, self) for b in own if b.action not in shown
            and self.check_action(b.action.split("(")[0], ()) is not False]
        if len(self.app.screen_stack) == 1:  # a place (not the runner over Today): the places, export, learn
            entries += [(b, self.app) for b in NAV_BINDINGS if b.action != f"go('{self.app.current_mode}')"]
            app_keys = [b for b in APP_BINDINGS if b not in NAV_BINDINGS]
        else:
            app_keys = [b for b in APP_BINDINGS if b.action in ("help", QUIT)]
        keys = {key for b in own for key in b.key.split(",")}
        entries += [(b, self.app) for b in app_keys if not keys & set(b.key.split(","))]
        also: list[tuple[Binding, DOMNode]] = [(b, self) for b in own if b.action in shown and b.action != MORE]
        return entries, also

    def _more_chosen(self, chosen: tuple[str, DOMNode] | None) -> None:
        if chosen is not None:
            self.app.call_later(self.app.run_action, *chosen)
