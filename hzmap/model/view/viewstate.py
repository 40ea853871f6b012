"""What the map shows, as one evented state that every picture of the map reads. No Qt.

`View` is an immutable snapshot: the extent and the preset it came from, the language, the
layout, the filters, the selection (one value: a district, a place or nothing), the visibility of
layers and layout elements, and the ordered list of map layers. The screen, the export, the
presentation, compare and the dossier each turn a View into artists (hzmap.render.map.scene), so
none of them asks a widget what it shows.

`ViewState` holds the current View. Every change goes through `update(**fields)`, which replaces
the snapshot and emits `changed(view, fields)` once: one user action is one change and one
redraw, whatever number of fields it touches (glue's viewer state, napari's evented models).
Hover is kept beside it (`hover_changed`): only the screen shows it, so it is not in the View.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterator, Mapping

from psygnal import Signal

from hzmap.model.geo import extent as ext
from hzmap.model.geo.extent import Extent
from hzmap.model.view.selection import SELECTION_KINDS, Selection, element_key  # noqa: F401

VIEWS = ("city", "urban")
PRESETS = (*VIEWS, "custom")
LANGUAGES = ("zh", "en")
#: The base map's layers, bottom to top, as the layer list starts.
BASE_LAYERS = ("districts", "water", "boundaries", "labels")
LAPSED = ("dim", "hide")


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the map to; None means no filter on that facet."""

    plan: str | None = None
    sector: str | None = None
    unit: str | None = None

    def active(self) -> bool:
        return any((self.plan, self.sector, self.unit))


@dataclass(frozen=True)
class LayerState:
    """One entry of the map's layer list, drawn bottom to top.

    Base layers have the ids in BASE_LAYERS and kind "base". Layers the user adds have kind
    "user"; what they draw and how is in `source` and `style` (hzmap.model.layers). `style` is a
    mapping that is never changed in place: `update_layer` replaces it.
    """

    id: str
    kind: str = "base"
    name: str = ""
    visible: bool = True
    opacity: float = 1.0
    style: Mapping[str, Any] = field(default_factory=dict)
    source: Any = None

    def __post_init__(self) -> None:
        if not 0.0 <= float(self.opacity) <= 1.0:
            raise ValueError(f"layer {self.id!r}: opacity {self.opacity!r} is outside 0-1")


def base_layers() -> tuple[LayerState, ...]:
    return tuple(LayerState(name) for name in BASE_LAYERS)


@dataclass(frozen=True)
class View:
    """A snapshot of what the map shows. `extent` is what was asked for; each picture widens it
    to its own shape (hzmap.model.geo.extent.fit_to_shape)."""

    extent: Extent
    preset: str = "city"
    lang: str = "zh"
    layout: str | None = None
    filters: Filters = field(default_factory=Filters)
    selection: Selection | None = None
    layers: tuple[LayerState, ...] = field(default_factory=base_layers)
    hidden_elements: frozenset[str] = frozenset()
    show_places: bool = True
    as_of: _dt.date | None = None   # show the plans as on this day (None: today, nothing set aside)
    lapsed: str = "dim"             # the plans not in force then: "dim" or "hide" them in lists

    @property
    def district(self) -> str | None:
        s = self.selection
        return s.id if s is not None and s.kind == "district" else None

    @property
    def place(self) -> str | None:
        s = self.selection
        return s.id if s is not None and s.kind == "place" else None

    @property
    def element(self) -> tuple[str, str] | None:
        """(layout id, element id) of a selected element."""
        s = self.selection
        return tuple(s.id.split("/", 1)) if s is not None and s.kind == "element" else None

    @property
    def feature(self) -> tuple[str, int] | None:
        """(layer id, row) of a selected user-layer feature."""
        s = self.selection
        if s is None or s.kind != "feature":
            return None
        layer_id, row = s.id.rsplit("/", 1)
        return layer_id, int(row)

    def layer(self, layer_id: str) -> LayerState | None:
        return next((lay for lay in self.layers if lay.id == layer_id), None)

    def layer_visible(self, layer_id: str) -> bool:
        lay = self.layer(layer_id)
        return lay is not None and lay.visible

    def element_visible(self, layout_id: str, element_id: str) -> bool:
        return element_key(layout_id, element_id) not in self.hidden_elements

    def hidden_in_layout(self, layout_id: str | None) -> frozenset[str]:
        """Element ids of `layout_id` that are hidden."""
        if layout_id is None:
            return frozenset()
        prefix = f"{layout_id}/"
        return frozenset(k[len(prefix):] for k in self.hidden_elements if k.startswith(prefix))

    def user_layers(self) -> tuple[LayerState, ...]:
        return tuple(lay for lay in self.layers if lay.kind != "base")


_FIELDS = tuple(f.name for f in fields(View))


def check(view: View) -> View:
    """`view` with its values checked; raises ValueError naming the field at fault."""
    why = ext.problem(view.extent)
    if why:
        raise ValueError(why)
    if not isinstance(view.extent, Extent):
        view = replace(view, extent=Extent(*(float(v) for v in view.extent)))
    if view.preset not in PRESETS:
        raise ValueError(f"unknown view preset {view.preset!r}")
    if view.lang not in LANGUAGES:
        raise ValueError(f"unknown language {view.lang!r}")
    if view.layout is not None and not isinstance(view.layout, str):
        raise ValueError(f"layout {view.layout!r} is not an id")
    if view.selection is not None and not isinstance(view.selection, Selection):
        raise ValueError(f"selection {view.selection!r} is not a Selection")
    if not isinstance(view.filters, Filters):
        raise ValueError(f"filters {view.filters!r} are not Filters")
    if view.as_of is not None and type(view.as_of) is not _dt.date:
        raise ValueError(f"as-of {view.as_of!r} is not a date")
    if view.lapsed not in LAPSED:
        raise ValueError(f"lapsed {view.lapsed!r} is not one of {', '.join(LAPSED)}")
    ids = [lay.id for lay in view.layers]
    if len(set(ids)) != len(ids):
        raise ValueError(f"layer ids repeat: {ids}")
    return view


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
        self._batch: list[frozenset] | None = None
        self._batch_start: View | None = None

    # -- reading --------------------------------------------------------------------------
    @property
    def view(self) -> View:
        return self._view

    def __getattr__(self, name: str):
        # state.layout, state.lang, state.selection, ... read the current View.
        if name in _FIELDS or name in ("district", "place", "element", "feature"):
            return getattr(self._view, name)
        raise AttributeError(name)

    def __setattr__(self, name: str, value) -> None:
        if name in _FIELDS:  # a plain attribute would shadow the View and change nothing
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

    def preset_extent(self, name: str) -> Extent:
        from hzmap.model.geo.views import view_extent

        return Extent.from_bounds(view_extent(self.geo, name))

    # -- changing -------------------------------------------------------------------------
    def update(self, **changes) -> bool:
        """Change any fields of the View at once; emits `changed` once. Returns whether
        anything changed. Raises ValueError (and changes nothing) for a value that can't be shown."""
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise TypeError(f"View has no field(s) {', '.join(sorted(unknown))}")
        if "extent" in changes and changes["extent"] is not None:
            changes["extent"] = Extent(*(float(v) for v in changes["extent"]))
        new = check(replace(self._view, **changes))
        changed = frozenset(k for k in changes if getattr(new, k) != getattr(self._view, k))
        if not changed:
            return False
        self._view = new
        if self._batch is not None:
            self._batch.append(changed)
        else:
            self.changed.emit(new, changed)
        return True

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several updates that make one user action: `changed` is emitted once, at the end."""
        if self._batch is not None:  # nested: the outer batch emits
            yield
            return
        self._batch, self._batch_start = [], self._view
        try:
            yield
        finally:
            parts, start = self._batch, self._batch_start
            self._batch = self._batch_start = None
            fields_changed = frozenset().union(*parts) if parts else frozenset()
            fields_changed = frozenset(k for k in fields_changed
                                       if getattr(self._view, k) != getattr(start, k))
            if fields_changed:
                self.changed.emit(self._view, fields_changed)

    def set_view(self, view: View) -> bool:
        """Install a whole View (a project opened, a tour step shown): one change."""
        return self.update(**{name: getattr(view, name) for name in _FIELDS})

    # one user action each ----------------------------------------------------------------
    def set_preset(self, name: str) -> bool:
        if name not in VIEWS:
            raise ValueError(f"unknown view {name!r}")
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
