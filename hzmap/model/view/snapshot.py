"""What the map shows, as one immutable value: `View` and the values it holds. No Qt.

A View is the extent and the preset it came from, the language, the layout, the filters, the
selection (one value: a district, a place, a layout element, a feature of a user layer or
nothing), the visibility of layers and layout elements, the ordered list of map layers (a base
map first, under everything, when the planner has one), and the day the plans are shown as of. The screen, the export, the presentation, compare and the
dossier each turn a View into artists (hzmap.render.map.scene), so none of them asks a widget
what it shows. The current View is held by hzmap.model.view.viewstate.ViewState.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Mapping

from hzmap.model.geo import extent as ext
from hzmap.model.geo.extent import Extent
from hzmap.model.view.selection import SELECTION_KINDS, Selection, element_key  # noqa: F401

#: the named views: the whole city, the urban core, and what the layout draws ("fit")
VIEWS = ("city", "urban", "fit")
PRESETS = (*VIEWS, "custom")
LANGUAGES = ("zh", "en")
#: The base map's layers, bottom to top, as the layer list starts.
BASE_LAYERS = ("districts", "water", "boundaries", "landmarks", "labels")
#: The id of the base map layer (kind "basemap", source a hzmap.model.basemap BasemapSource):
#: at most one, always first in the list, so it draws under everything else.
BASEMAP_ID = "basemap"
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
    mapping that is never changed in place: `update_layer` replaces it. The base map (tiles or an
    image under everything) has kind "basemap", id BASEMAP_ID, a BasemapSource as `source` and
    its dimming in style["dim"].
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
        return tuple(lay for lay in self.layers if lay.kind == "user")

    def basemap(self) -> LayerState | None:
        """The base map layer, if the planner has one (shown or not)."""
        first = self.layers[0] if self.layers else None
        return first if first is not None and first.kind == "basemap" else None


#: The View's field names, in order.
FIELDS = tuple(f.name for f in fields(View))


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
    if any(lay.kind == "basemap" for lay in view.layers[1:]):
        raise ValueError("the base map layer must be the first (lowest) layer, and there is one at most")
    return view
