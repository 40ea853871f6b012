"""What the map shows, as one evented state that every picture of the map reads. No Qt.

`ViewState` holds the current View (hzmap.model.view.snapshot: an immutable value; its types are
imported from here too). Every change goes through `update(**fields)`, which replaces the View
and emits `changed(view, fields)` once: one user action is one change and one redraw, whatever
number of fields it touches (glue's viewer state, napari's evented models). Hover is kept beside
it (`hover_changed`): only the screen shows it, so it is not in the View.
"""
from __future__ import annotations

from dataclasses import replace

from psygnal import Signal

from hzmap.model.geo import extent as ext
from hzmap.model.geo.extent import Extent
from hzmap.model.view.snapshot import (  # noqa: F401 (the View's types, imported from here too)
    BASE_LAYERS, BASEMAP_ID, FIELDS, LANGUAGES, LAPSED, PRESETS, SELECTION_KINDS, VIEWS, Filters, LayerState,
    Selection, View, base_layers, check, element_key)


class ViewState:
    """The current View, with one signal for every change."""

    changed = Signal(object, object)   # (View, frozenset of the field names that changed)
    hover_changed = Signal(object)     # district id or None

    def __init__(self, geo=None, view: View | None = None) -> None:
        self.geo = geo
        if view is None:
            view = View(extent=self.preset_extent("city") if geo is not None else Extent(0, 1000, 0, 1000))
        self._view = check(view)
        self._hover: str | None = None
        #: (layout id, hidden element ids) -> the extent framing what the layout draws, or None;
        #: the session sets it, since it holds the dataset (hzmap.model.elements.framing)
        self.fit = None

    # -- reading --------------------------------------------------------------------------
    @property
    def view(self) -> View:
        return self._view

    def __getattr__(self, name: str):
        # state.layout, state.lang, state.selection, ... read the current View.
        if name in FIELDS or name in ("district", "place", "element", "feature"):
            return getattr(self._view, name)
        raise AttributeError(name)

    def __setattr__(self, name: str, value) -> None:
        if name in FIELDS:  # a plain attribute would shadow the View and change nothing
            raise AttributeError(f"set {name!r} with ViewState.update({name}=...)")
        super().__setattr__(name, value)

    @property
    def hover(self) -> str | None:
        return self._hover

    @hover.setter
    def hover(self, value: str | None) -> None:
        if value != self._hover:
            self._hover = value
            self.hover_changed.emit(value)

    def preset_extent(self, name: str, layout: str | None = None, hidden=frozenset()) -> Extent:
        """The extent of a named view; "fit" frames what `layout` draws (the whole city when
        there is none, or no dataset to tell)."""
        from hzmap.model.geo.views import view_extent

        if name == "fit":
            bounds = self.fit(layout, hidden) if self.fit is not None else None
            return Extent.from_bounds(bounds if bounds is not None else view_extent(self.geo, "city"))
        return Extent.from_bounds(view_extent(self.geo, name))

    # -- changing -------------------------------------------------------------------------
    def update(self, **changes) -> bool:
        """Change any fields of the View at once; emits `changed` once. Returns whether
        anything changed. Raises ValueError (and changes nothing) for a value that can't be shown."""
        new, changes = self._resolved(changes)
        changed = frozenset(k for k in changes if getattr(new, k) != getattr(self._view, k))
        if not changed:
            return False
        self._view = new
        self.changed.emit(new, changed)
        return True

    def proposed(self, **changes) -> View:
        """The View `update(**changes)` would show, without showing it (the window prepares a
        layout's labels ahead of its first showing for the View that choosing it gives)."""
        return self._resolved(changes)[0]

    def _resolved(self, changes: dict) -> tuple[View, dict]:
        """The View the changes give, and the changes with what follows from them (the extent
        of a "fit" frame follows the layout)."""
        changes = dict(changes)
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise TypeError(f"View has no field(s) {', '.join(sorted(unknown))}")
        if "extent" in changes and changes["extent"] is not None:
            changes["extent"] = Extent(*(float(v) for v in changes["extent"]))
        preset = changes.get("preset", self._view.preset)
        if preset == "fit" and "extent" not in changes and changes.keys() & {"preset", "layout", "hidden_elements"}:
            # the frame follows the layout shown (and the elements shown of it) in the same change
            layout = changes.get("layout", self._view.layout)
            hidden = changes.get("hidden_elements", self._view.hidden_elements)
            prefix = f"{layout}/"
            changes["extent"] = self.preset_extent("fit", layout, frozenset(
                k[len(prefix):] for k in hidden if k.startswith(prefix)))
        return check(replace(self._view, **changes)), changes

    def set_view(self, view: View) -> bool:
        """Install a whole View (a project opened, a tour step shown): one change."""
        return self.update(**{name: getattr(view, name) for name in FIELDS})

    # one user action each ----------------------------------------------------------------
    def set_preset(self, name: str) -> bool:
        if name not in VIEWS:
            raise ValueError(f"unknown view {name!r}")
        if name == "fit":
            return self.update(preset=name)  # (the extent follows the layout: update)
        return self.update(preset=name, extent=self.preset_extent(name))

    def set_extent(self, extent) -> bool:
        """A pan or zoom: the extent asked for, no longer a preset."""
        return self.update(extent=extent, preset="custom")

    def zoom_at(self, x: float, y: float, factor: float, current=None) -> bool:
        new = ext.zoom(current or self._view.extent, x, y, factor)
        return new is not None and self.set_extent(new)

    def pan_by(self, dx: float, dy: float, current=None) -> bool:
        return self.set_extent(ext.pan(current or self._view.extent, dx, dy))

    def select_district(self, did: str | None) -> bool:
        return self.update(selection=Selection.district(did))

    def select_place(self, pid: str | None) -> bool:
        return self.update(selection=Selection.place(pid))

    def clear_selection(self) -> bool:
        return self.update(selection=None)

    def set_layer_visible(self, layer_id: str, visible: bool) -> bool:
        return self.update_layer(layer_id, visible=bool(visible))

    def set_element_visible(self, layout_id: str, element_id: str, visible: bool) -> bool:
        key = element_key(layout_id, element_id)
        hidden = self._view.hidden_elements
        return self.update(hidden_elements=hidden - {key} if visible else hidden | {key})

    # the layer list ------------------------------------------------------------------------
    def update_layer(self, layer_id: str, **changes) -> bool:
        layers = list(self._view.layers)
        for i, lay in enumerate(layers):
            if lay.id == layer_id:
                layers[i] = replace(lay, **changes)
                return self.update(layers=tuple(layers))
        raise KeyError(f"no layer {layer_id!r}")

    def add_layer(self, layer: LayerState, index: int | None = None) -> bool:
        layers = list(self._view.layers)
        layers.insert(len(layers) if index is None else index, layer)
        return self.update(layers=tuple(layers))

    def remove_layer(self, layer_id: str) -> bool:
        """The layer goes, and with it a selected feature of it (one change)."""
        layers = tuple(lay for lay in self._view.layers if lay.id != layer_id)
        if len(layers) == len(self._view.layers):
            raise KeyError(f"no layer {layer_id!r}")
        feature = self._view.feature
        if feature is not None and feature[0] == layer_id:
            return self.update(layers=layers, selection=None)
        return self.update(layers=layers)

    def move_layer(self, layer_id: str, index: int) -> bool:
        layers = list(self._view.layers)
        lay = next((x for x in layers if x.id == layer_id), None)
        if lay is None:
            raise KeyError(f"no layer {layer_id!r}")
        layers.remove(lay)
        layers.insert(max(0, min(index, len(layers))), lay)
        return self.update(layers=tuple(layers))
