"""The application state that widgets listen to.

Widgets never call each other: they change the state and subscribe to its signals
(psygnal, the event system napari uses, works without Qt so the model stays Qt-free).
"""
from __future__ import annotations

from psygnal import Signal

VIEWS = ("city", "urban")


class AppState:
    """What is selected, hovered and shown. Setting a value to what it already is emits nothing."""

    selection_changed = Signal(object)  # district id or None
    hover_changed = Signal(object)  # district id or None
    view_changed = Signal(str)  # a name from VIEWS, or "custom" after a pan/zoom
    layout_changed = Signal(object)  # layout id or None

    def __init__(self) -> None:
        self._selection: str | None = None
        self._hover: str | None = None
        self._view = "city"
        self._layout: str | None = None

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
