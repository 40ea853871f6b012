"""One scene: a View snapshot turned into artists on a plain matplotlib Figure. No Qt.

The screen, the export, the presentation, compare and the dossier each own a Scene and hand it
Views; none of them sets artists up on its own, so what the screen shows is what the file gets.
A layer's state sits beside the artist that draws it (glue's LayerState + LayerArtist): each
entry of View.layers has a layer artist whose `update(layer_state)` is all that changes it, so
the layer panel's tick and the drawing follow the same field.

`apply(view)` compares the new View with the last one and touches only what changed (a selection
moves one outline; a language switch re-labels in place; a layout is built once and then only
shown or hidden).
"""
from __future__ import annotations

from matplotlib.figure import Figure

from hzmap.model.hittest import place_point
from hzmap.model.tours import element_shape
from hzmap.model.viewstate import BASE_LAYERS, LayerState, View
from hzmap.render.annotations import draw_annotations
from hzmap.render.geometry import polygon_path
from hzmap.render.layout_overlay import LayoutOverlay
from hzmap.render.map_view import MapRenderer


class BaseLayerArtist:
    """The artists of one base layer (district fills, water, boundaries, labels)."""

    def __init__(self, layer_id: str, artists: list) -> None:
        self.layer_id = layer_id
        self.artists = artists
        self.visible = True

    def update(self, layer: LayerState) -> None:
        self.visible = layer.visible
        for artist in self.artists:
            artist.set_visible(layer.visible)


class Scene:
    def __init__(self, fig: Figure, geo, dataset=None, style=None, interactive: bool = False) -> None:
        self.fig = fig
        self.geo = geo
        self.ds = None
        self.renderer = MapRenderer(fig, geo, style=style, interactive=interactive)
        self.overlay: LayoutOverlay | None = None
        self.layer_artists: dict[str, object] = {
            name: BaseLayerArtist(name, self.renderer.layers[name]) for name in BASE_LAYERS}
        self.view: View | None = None
        self._annotation_artists: list = []
        if dataset is not None:
            self.set_dataset(dataset)

    @property
    def ax(self):
        return self.renderer.ax

    def set_dataset(self, dataset) -> None:
        """The layout dataset arrived (after the first frame, to start fast): draw its part of
        the View too."""
        self.ds = dataset
        self.overlay = LayoutOverlay(self.renderer, dataset)
        self.renderer.overlay = self.overlay
        if self.view is not None:
            view, self.view = self.view, None
            self.apply(view)

    # -- the View --------------------------------------------------------------------------
    def apply(self, view: View) -> frozenset[str]:
        """Make the artists show `view`; returns the fields that differed from the last View."""
        old = self.view
        changed = frozenset(f for f in ("extent", "preset", "lang", "layout", "filters", "selection",
                                        "layers", "hidden_elements", "show_places")
                            if old is None or getattr(old, f) != getattr(view, f))
        if not changed:
            return changed
        self.view = view
        r = self.renderer
        if "lang" in changed:
            r.set_language(view.lang)
        if "layers" in changed:
            for layer in view.layers:
                artist = self.layer_artists.get(layer.id)
                if artist is not None:
                    artist.update(layer)
        if self.overlay is not None and changed & {"layout", "hidden_elements", "show_places", "lang"}:
            if view.layout is not None and view.layout not in self.ds.layouts:
                raise KeyError(f"unknown layout {view.layout!r}")
            self.overlay.show(view.layout, view.hidden_in_layout(view.layout), view.show_places)
            if "lang" in changed:
                self.overlay.set_language()
        if self.overlay is not None and "filters" in changed:
            from hzmap.model.filters import matching

            self.overlay.set_dimmed(matching(self.ds, view.filters) if view.filters.active() else None)
        if changed & {"extent", "preset"}:
            r.view_name = view.preset
            r.set_limits(*view.extent)
        if changed & {"selection", "layout"}:
            self._show_selection(view)
        return changed

    def _show_selection(self, view: View) -> None:
        r = self.renderer
        sel = view.selection
        r.set_selection(view.district)
        r.set_place(place_point(self.ds, self.geo, view.place, view.layout)
                    if self.ds is not None and view.place else None)
        if sel is not None and sel.kind == "element" and self.ds is not None:
            layout_id, element_id = view.element
            layout = self.ds.layouts.get(layout_id)
            element = next((e for e in layout.elements if e.id == element_id), None) if layout else None
            shape = element_shape(self.ds, self.geo, element) if element is not None else None
            r.set_selection_shape(polygon_path(shape) if shape is not None and not shape.is_empty else None)

    def set_annotations(self, annotations) -> None:
        """Draw a fixed list of annotations (exports, the presentation); the screen keeps an
        AnnotationLayer that follows the session's AnnotationSet instead."""
        for artist in self._annotation_artists:
            artist.remove()
        self._annotation_artists = draw_annotations(self.ax, annotations)

    # -- what the picture shows (tests compare the screen, export and presentation) --------
    def describe(self) -> dict:
        v = self.view
        r = self.renderer
        visible = tuple(lay.id for lay in v.layers
                        if lay.id in self.layer_artists and self.layer_artists[lay.id].visible)
        return {
            "layout": self.overlay.layout_id if self.overlay is not None else None,
            "extent": tuple(round(x, 3) for x in r.requested),
            "lang": r.lang,
            "visible_layers": visible,
            "hidden_elements": self.overlay.hidden_elements if self.overlay is not None else frozenset(),
            "show_places": self.overlay.show_places if self.overlay is not None else True,
            "selection": r.select_patch.get_visible(),
        }
