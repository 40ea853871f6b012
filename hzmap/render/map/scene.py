"""One scene: a View snapshot turned into artists on a plain matplotlib Figure. No Qt.

The screen, the export, the presentation, compare and the dossier each own a Scene and hand it
Views; none of them sets artists up on its own, so what the screen shows is what the file gets.
A layer's state sits beside the artist that draws it (glue's LayerState + LayerArtist): each
entry of View.layers has a layer artist whose `update(layer_state)` is all that changes it, so
the layer panel's tick and the drawing follow the same field.

`apply(view)` compares the new View with the last one and touches only what changed (a selection
moves one outline; a language switch re-labels in place; a layout is built once and then only
shown or hidden).

The base map (kind "basemap", first in View.layers) gets a BasemapArtist under everything; its
tiles or image come from a BasemapRegistry (hzmap.model.basemap.registry), the window's or the
command's, so every picture reads them once. A base map that cannot be opened (a missing file,
no key) draws nothing and says why in `basemap_problem`.

User layers (kind "user") get a UserLayerArtist when they appear in the View, `update(layer)` when
their state changes and are removed when they leave; their features come from a LayerStore
(hzmap.model.layers.store), the same one for every picture. They draw between the base map's
boundaries and the layout's places and labels, in the View's order, and their legend entries
join the map's legend.
"""
from __future__ import annotations

from dataclasses import replace

from matplotlib.figure import Figure
from matplotlib.path import Path

from hzmap.model.elements.shape import element_footprint
from hzmap.model.elements.symbols import place_point
from hzmap.model.layers.lookup import feature_shape
from hzmap.model.layers.store import LayerStore
from hzmap.model.view.viewstate import BASE_LAYERS, LayerState, View
from hzmap.render.map.annotations import draw_annotations
from hzmap.render.map.diagram_style import STANDARD, STRUCTURE, STYLES
from hzmap.render.map.geometry import line_segments, polygon_path
from hzmap.render.map.layout_overlay import LayoutOverlay
from hzmap.render.map.map_view import MapRenderer
from hzmap.render.map.user_layers import LAYER_STEP, TABLE_STEP, UserLayerArtist, legend_title_and_rows

#: User layers draw in this band: above the base map's boundaries (4) and the layout's
#: schematic shapes (4.5), below the filter's dimming (5.5), outlines, places and labels.
Z_USER, Z_USER_TOP = 4.6, 5.45
#: District tables draw as the base map's own colours do: over the district fills (1), under the
#: layout's district groups and hatches (2), the water and the boundaries, so the layout stays
#: readable over a choropleth.
Z_TABLE = 1.2


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
    def __init__(self, fig: Figure, geo, dataset=None, style=None, interactive: bool = False,
                 layers: LayerStore | None = None, basemaps=None, wait_tiles: bool = False) -> None:
        self.fig = fig
        self.basemaps = basemaps  # a BasemapRegistry; None: the layer store's (made on first use)
        self.wait_tiles = wait_tiles  # an export waits for its tiles; the screen draws what it has
        self.basemap_artist = None  # a hzmap.render.map.basemap.BasemapArtist
        self.basemap_problem: str | None = None
        #: called (from a loader thread) when base map tiles arrive; the screen's canvas sets it
        self.on_tiles = None
        self._listening = None
        self.layer_data = layers if layers is not None else LayerStore()  # none: no user layers
        self.user_artists: dict[str, UserLayerArtist] = {}
        self._legend_key = None
        self.geo = geo
        self.ds = None
        self.interactive = interactive  # the screen: user layers may draw faster than a page's
        self.renderer = MapRenderer(fig, geo, style=style, interactive=interactive)
        self.renderer.symbol_sources.append(self.user_points)  # no label covers a user's point
        self.overlay: LayoutOverlay | None = None
        self.layer_artists: dict[str, object] = {
            name: BaseLayerArtist(name, self.renderer.layers[name]) for name in BASE_LAYERS}
        self.view: View | None = None
        self.diagram = STANDARD  # the layout's map style: standard, or a structure diagram
        self._annotation_artists: list = []
        if dataset is not None:
            self.set_dataset(dataset)

    @property
    def ax(self):
        return self.renderer.ax

    def set_dataset(self, dataset) -> None:
        """The layout dataset arrived (after the first frame, to start fast), or a new one
        replaced it: draw its part of the View too (a layout it no longer has is left out)."""
        self.ds = dataset
        if self.renderer.placement_memo is not None:  # (placements of the old dataset's labels)
            self.renderer.placement_memo.clear()
        if self.overlay is not None:  # the old dataset's artists go
            self.overlay.remove()
        self.overlay = LayoutOverlay(self.renderer, dataset)
        self.overlay.diagram = self.diagram
        self.renderer.overlay = self.overlay
        if self.view is not None:
            view, self.view = self.view, None
            if view.layout is not None and view.layout not in dataset.layouts:
                view = replace(view, layout=None)
            self.apply(view)

    def set_diagram(self, diagram: str) -> None:
        """Draw the layout in the standard style or as a structure diagram (规划结构图, with the
        neighbouring cities named at the frame's edge); an export chooses it."""
        if diagram not in STYLES:
            raise ValueError(f"unknown map style {diagram!r}; use one of {', '.join(STYLES)}")
        self.diagram = diagram
        if self.overlay is not None:
            self.overlay.set_diagram(diagram)
        r = self.renderer
        if diagram == STRUCTURE and r.edge_names is None:
            from hzmap.render.map.neighbours import EdgeNames

            r.edge_names = EdgeNames(r.ax, home=self.geo.bounds)
        if r.edge_names is not None:
            r.edge_names.set_visible(diagram == STRUCTURE)

    # -- the View --------------------------------------------------------------------------
    def apply(self, view: View) -> frozenset[str]:
        """Make the artists show `view`; returns the fields that differed from the last View."""
        old = self.view
        changed = frozenset(f for f in ("extent", "preset", "lang", "layout", "filters", "selection",
                                        "layers", "hidden_elements", "show_places", "as_of")
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
            self._apply_user_layers(view)
            self._apply_basemap(view)
        elif "lang" in changed and self.user_artists:  # their legend words, in the new language
            self._apply_user_layers(view)
        if self.overlay is not None and changed & {"layout", "hidden_elements", "show_places", "lang"}:
            if view.layout is not None and view.layout not in self.ds.layouts:
                raise KeyError(f"unknown layout {view.layout!r}")
            self.overlay.show(view.layout, view.hidden_in_layout(view.layout), view.show_places)
            if "lang" in changed:
                self.overlay.set_language()
        if self.overlay is not None and changed & {"filters", "as_of", "layout"}:
            from hzmap.model.view.filters import kept

            keep = kept(self.ds, view)
            if "filters" in changed or keep != self.overlay.dimmed:
                self.overlay.set_dimmed(keep)
        if changed & {"extent", "preset"}:
            r.view_name = view.preset
            r.set_limits(*view.extent)
            if self.overlay is not None:  # the legend lists what shows in the new frame
                self.overlay.sync_legend()
        if changed & {"selection", "layout"} or ("layers" in changed and view.feature is not None):
            self._show_selection(view)
        return changed

    # -- user layers ------------------------------------------------------------------------
    def reread_layers(self) -> bool:
        """The layer store changed: draw the data it now holds for the View's user layers.
        Returns whether any layer's artists changed."""
        if self.view is None:
            return False
        before = {lid: id(art.data) for lid, art in self.user_artists.items()}
        self._apply_user_layers(self.view)
        return before != {lid: id(art.data) for lid, art in self.user_artists.items()}

    def _apply_user_layers(self, view: View) -> None:
        users = view.user_layers()
        ids = {lay.id for lay in users}
        for lid in [k for k in self.user_artists if k not in ids]:
            self.user_artists.pop(lid).remove()
        step = min(LAYER_STEP, (Z_USER_TOP - Z_USER) / max(len(users), 1))
        for i, layer in enumerate(users):
            data = self.layer_data.get(layer)
            artist = self.user_artists.get(layer.id)
            if artist is not None and artist.data is not data:  # re-linked, or its file is gone
                self.user_artists.pop(layer.id).remove()
                artist = None
            if data is None:
                continue
            z = Z_USER + i * step if data.kind != "districts" else Z_TABLE + i * TABLE_STEP
            if artist is None:
                artist = self.user_artists[layer.id] = UserLayerArtist(self.ax, data, zorder=z, lang=view.lang,
                                                                       screen=self.interactive)
            artist.set_zorder(z)
            artist.set_language(view.lang)
            artist.update(layer)
        self._update_legend(view)

    def user_points(self):
        """Where the shown point layers' points are (map metres)."""
        import numpy as np

        pts = [art.points.xy for art in self.user_artists.values()
               if art.points is not None and art.visible and art.opacity > 0]
        return np.vstack(pts) if pts else np.zeros((0, 2))

    def _apply_basemap(self, view: View) -> None:
        layer = view.basemap()
        if layer is None and self.basemap_artist is None:
            return  # (nothing of the base map is imported until there is one: start-up)
        from hzmap.model.basemap.source import BasemapError
        from hzmap.render.map.basemap import BasemapArtist

        source = layer.source if layer is not None else None
        art = self.basemap_artist
        stale = art is not None and self.basemaps is not None and not self.basemaps.is_open(art.basemap)
        if art is not None and (source is None or art.basemap.source != source or stale):
            art.remove()
            art = self.basemap_artist = None
        self.basemap_problem = None
        if source is not None and art is None:
            if self.basemaps is None:
                from hzmap.model.basemap.registry import registry_for

                self.basemaps = registry_for(self.layer_data)
            try:
                art = self.basemap_artist = BasemapArtist(self.ax, self.basemaps.open(source), self.wait_tiles)
            except BasemapError as exc:
                self.basemap_problem = str(exc)
            if self.on_tiles is not None and self._listening is not self.basemaps:
                self.basemaps.add_listener(self.on_tiles)
                self._listening = self.basemaps
        if art is not None:
            art.set_visible(layer.visible)
            art.set_alpha(layer.opacity)
            art.set_dim(float((layer.style or {}).get("dim", 0.0)))
        self.renderer.set_under_basemap(art is not None and layer.visible)

    def refresh_basemap(self) -> None:
        """Open the base map again (a key was entered or changed)."""
        if self.view is not None:
            self._apply_basemap(self.view)

    def _update_legend(self, view: View) -> None:
        """The user layers' legend entries (top-most first) join the layout's legend."""
        if self.overlay is None:
            return
        sections = [self.user_artists[lay.id].legend_entries() for lay in reversed(view.user_layers())
                    if lay.visible and lay.opacity > 0 and lay.id in self.user_artists]  # what is drawn
        key = tuple((title, tuple(id(h) for h, _ in entries), tuple(t for _, t in entries))
                    for title, entries in sections)
        if key != self._legend_key:
            self._legend_key = key
            self.overlay.set_extra_legend(sections)

    def _show_selection(self, view: View) -> None:
        r = self.renderer
        sel = view.selection
        r.set_selection(view.district)
        r.set_place(place_point(self.ds, self.geo, view.place, view.layout)
                    if self.ds is not None and view.place else None)
        if sel is not None and sel.kind == "feature":
            shape = feature_shape(view, self.layer_data, *view.feature)
            if shape is not None and shape.geom_type == "Point":
                r.set_place((shape.x, shape.y))
            elif shape is not None and shape.geom_type in ("Polygon", "MultiPolygon"):
                r.set_selection_shape(polygon_path(shape))
            elif shape is not None:
                parts = [Path(seg) for seg in line_segments(shape)]
                r.set_selection_shape(Path.make_compound_path(*parts) if parts else None)
        if sel is not None and sel.kind == "element" and self.ds is not None:
            layout_id, element_id = view.element
            layout = self.ds.layouts.get(layout_id)
            element = next((e for e in layout.elements if e.id == element_id), None) if layout else None
            shape = element_footprint(self.ds, self.geo, element) if element is not None else None
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
            "user_layers": tuple(self._describe_user(lay) for lay in v.user_layers()),
            "basemap": (self.basemap_artist.basemap.source.label, self.basemap_artist.get_visible(),
                        round(self.basemap_artist.veil.get_alpha() or 0.0, 3))
            if self.basemap_artist is not None else None,
        }

    def _describe_user(self, layer) -> tuple:
        art = self.user_artists.get(layer.id)
        if art is None:
            return (layer.id, None)
        title, rows = legend_title_and_rows(art)
        return (layer.id, len(art.data), art.visible, round(art.opacity, 3), round(art.zorder, 4), title, tuple(rows))
