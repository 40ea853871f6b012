"""Where a running presentation is: one step index that every window presenting it follows. No Qt.

With a projector, the room's window and the presenter view show the same tour. Both send the
clicker's keys here and both subscribe to `moved`, so advancing from either moves both and
neither window calls the other. The clock (elapsed time) and the projector theme live here too,
so the presenter's thumbnails match what the room sees; `ended` closes every window at once.
"""
from __future__ import annotations

import time
from dataclasses import replace

from psygnal import Signal

from hzmap.model.tours.tour import Tour, TourStep, step_view
from hzmap.model.view.viewstate import View


def room_view(explorer: View, step: TourStep | None, dataset=None) -> View:
    """What the room sees: the explorer's view (language, layers) without its selection, or the
    step's view of it when there is a step. A step's layout that `dataset` does not have (its user
    dataset was removed while presenting) is left out: the step shows its place and caption."""
    base = replace(explorer, selection=None)
    if step is None:
        return base
    view = step_view(step, base)
    if dataset is not None and view.layout is not None and view.layout not in dataset.layouts:
        view = replace(view, layout=None)
    return view


class TourPlayer:
    moved = Signal(int)            # the step index shown now
    theme_changed = Signal(bool)   # the projector theme (high contrast) on or off
    ended = Signal()

    def __init__(self, tour: Tour | None, clock=time.monotonic) -> None:
        self.tour = tour if tour is not None else Tour(name="", steps=[])
        self.index = 0 if self.tour.steps else -1
        self.high_contrast = True
        self.running = True
        self._clock = clock
        self.started = clock()

    def __len__(self) -> int:
        return len(self.tour.steps)

    # -- reading ------------------------------------------------------------------------------
    def step_at(self, index: int) -> TourStep | None:
        return self.tour.steps[index] if 0 <= index < len(self.tour.steps) else None

    @property
    def step(self) -> TourStep | None:
        return self.step_at(self.index)

    @property
    def next_step(self) -> TourStep | None:
        return self.step_at(self.index + 1)

    def elapsed(self) -> float:
        """Seconds since the presentation started (or the clock was restarted)."""
        return self._clock() - self.started

    # -- moving -------------------------------------------------------------------------------
    def go_to(self, index: int, force: bool = False) -> bool:
        """Show step `index` (clamped to the tour); `moved` is emitted when it changed, or with
        `force` (to show the same step again). Returns whether it was emitted."""
        if not self.tour.steps or not self.running:
            return False
        index = max(0, min(int(index), len(self.tour.steps) - 1))
        if index == self.index and not force:
            return False
        self.index = index
        self.moved.emit(index)
        return True

    def next(self) -> bool:
        return self.go_to(self.index + 1)

    def previous(self) -> bool:
        return self.go_to(self.index - 1)

    def first(self) -> bool:
        return self.go_to(0)

    def last(self) -> bool:
        return self.go_to(len(self.tour.steps) - 1)

    def restart_clock(self) -> None:
        self.started = self._clock()

    def set_high_contrast(self, on: bool) -> None:
        if on != self.high_contrast:
            self.high_contrast = on
            self.theme_changed.emit(on)

    def end(self) -> None:
        """The presentation is over: every window presenting it closes (once)."""
        if self.running:
            self.running = False
            self.ended.emit()
