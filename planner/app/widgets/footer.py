"""The footer every screen uses: the keys that fit the terminal's width, the most important first.

Textual's footer lists a screen's keys in order and cuts whatever runs past the edge, so on a narrow
terminal the last keys (Quit among them) are lost, or half a word is left ("k Skip da"). This one
chooses: Quit first, then the screen's keys in its ``FOOTER_PRIORITY`` order (then the rest in binding
order), as many as fit whole; when any is left out and the screen has a More menu (a binding for ``more``,
``m`` on every screen but the runner, where m stops an exercise part-way), More takes a place. The keys
keep their binding order on screen. Every key still works whether shown or not; help and the command
palette list them all, and More (:class:`~planner.app.screens.more.MoreKeys`) lists those the footer leaves out, as a list to tap.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

QUIT, MORE = "quit", "more"
PALETTE_WIDTH = 11  # "▏^p palette" in the compact footer, docked right


def key_width(key_display: str, binding: Binding) -> int:
    """Cells one key takes in the compact footer: the key, a space, the word, a space after."""
    return len(key_display) + (1 + len(binding.description) if binding.description else 0) + 1


def fit(candidates: list[tuple[Binding, int]], priority: tuple[str, ...], width: int) -> set[str]:
    """The actions to show within ``width`` cells: Quit, then by ``priority``, then in order, each if it fits.

    ``candidates`` are the shown bindings with their widths, in binding order (More among them, hidden
    unless something is left out)."""
    more = [w for b, w in candidates if b.action == MORE]
    wanted = [(b, w) for b, w in candidates if b.action != MORE]
    rank = {action: i for i, action in enumerate((QUIT, *priority))}
    ordered = sorted(wanted, key=lambda bw: rank.get(bw[0].action, len(rank)))
    if sum(w for _, w in ordered) <= width:
        return {b.action for b, _ in ordered}
    room, chosen = width - (more[0] if more else 0), {MORE} if more else set()
    for binding, cells in ordered:
        if cells <= room:
            chosen.add(binding.action)
            room -= cells
    return chosen


class FittedFooter(Footer):
    """A compact footer showing only the keys that fit whole; see the module's docstring."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self.shown: set[str] = set()  # the actions on show now (More lists the rest)
        self._width = 0
        self._drawn: tuple[object, ...] | None = None  # what the keys on show were built from

    def _inputs(self) -> tuple[object, ...]:
        """Everything the keys on show depend on: the width and each candidate's key, words and state."""
        width = self._width or self.screen.size.width or self.app.size.width
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (width, tuple((b.key, b.action, b.description, enabled, tooltip, cells)
                             for b, enabled, tooltip, cells in self._candidates()),
                None if palette is None else palette[1:], self.app.ENABLE_COMMAND_PALETTE)

    async def recompose(self) -> None:
        """Build the keys again only when what they show would change. Textual asks at every change of
        focus and bindings, and each rebuild restyles every key: most of a focus change's work, mostly
        for the same keys (measured: an eighth of a snapshot test's CPU)."""
        if not self._bindings_ready or not self.is_attached:
            return
        inputs = self._inputs()
        if inputs == self._drawn:
            return
        self._drawn = inputs
        await super().recompose()

    def _candidates(self) -> list[tuple[Binding, bool, str, int]]:
        """The keys this screen could show (More among them), once per action, in binding order."""
        seen: dict[str, tuple[Binding, bool, str, int]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.action == MORE or binding.show:
                cells = key_width(self.app.get_key_display(binding), binding)
                seen.setdefault(binding.action, (binding, enabled, tooltip, cells))
        return list(seen.values())

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self._width or self.screen.size.width or self.app.size.width
        candidates = self._candidates()
        priority = tuple(getattr(self.screen, "FOOTER_PRIORITY", ()))
        self.shown = fit([(b, cells) for b, _, _, cells in candidates], priority, width)
        everything = all(b.action in self.shown for b, *_ in candidates if b.action != MORE)
        used = sum(cells for b, _, _, cells in candidates if b.action in self.shown)
        for binding, enabled, tooltip, _ in candidates:
            if binding.action in self.shown:
                # Born with "-compact", so binding compact below finds the class there and restyles nothing.
                yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                                binding.action, classes="-compact", disabled=not enabled,
                                tooltip=tooltip).data_bind(compact=Footer.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if everything and used + PALETTE_WIDTH <= width and palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            classes="-command-palette -compact", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            if self._bindings_ready:
                self.call_later(self.recompose)

