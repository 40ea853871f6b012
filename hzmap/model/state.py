"""The application state that widgets listen to.

Widgets never call each other: they change the state and subscribe to its signals
(psygnal, the event system napari uses, works without Qt so the model stays Qt-free).
"""
from __future__ import annotations

from dataclasses import dataclass

from psygnal import Signal

VIEWS = ("city", "urban")


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the map to; None means no filter on that facet."""

    plan: str | None = None
    sector: str | None = None
    unit: str | None = None

    def active(self) -> bool:
        return any((self.plan, self.sector, self.unit))


class AppState:
    """What is selected, hovered and shown. Setting a value to what it already is emits nothing."""

    selection_changed = Signal(object)  # district id or None
    hover_changed = Signal(object)  # district id or None
    view_changed = Signal(str)  # a name from VIEWS, or "custom" after a pan/zoom
    layout_changed = Signal(object)  # layout id or None
    place_changed = Signal(object)  # place id or None (a base or place symbol clicked)
    filters_changed = Signal(object)  # the Filters in force

    def __init__(self) -> None:
        self._selection: str | None = None
        self._hover: str | None = None
        self._view = "city"
        self._layout: str | None = None
        self._place: str | None = None
        self._filters = Filters()

    @property
    def selection(self) -> str | None:
        return self._selection

    @selection.setter
    def selection(self, value: str | None) -> None:
        if value != self._selection:
            self._selection = value
            self.selection_changed.emit(value)

    @property
    def hover(self) -> str | None:
        return self._hover

    @hover.setter
    def hover(self, value: str | None) -> None:
        if value != self._hover:
            self._hover = value
            self.hover_changed.emit(value)

    @property
    def view(self) -> str:
        return self._view

    @view.setter
    def view(self, value: str) -> None:
        if value not in VIEWS and value != "custom":
            raise ValueError(f"unknown view {value!r}")
        # Presets re-emit so that choosing 全市 again after panning resets the extent.
        self._view = value
        self.view_changed.emit(value)

    @property
    def layout(self) -> str | None:
        return self._layout

    @layout.setter
    def layout(self, value: str | None) -> None:
        if value != self._layout:
            self._layout = value
            self.layout_changed.emit(value)

    @property
    def place(self) -> str | None:
        return self._place

    @place.setter
    def place(self, value: str | None) -> None:
        if value != self._place:
            self._place = value
            self.place_changed.emit(value)

    @property
    def filters(self) -> Filters:
        return self._filters

    @filters.setter
    def filters(self, value: Filters) -> None:
        if value != self._filters:
            self._filters = value
            self.filters_changed.emit(value)
