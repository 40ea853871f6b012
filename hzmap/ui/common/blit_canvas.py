"""The canvas every map on screen uses: a Scene on a Qt Agg canvas, with blitting.

Hover, selection and pointer artists are drawn over a cached copy of the last full frame, so
feedback costs a few milliseconds instead of a full redraw, and only the part of the widget
where they are or were is repainted (a district's outline, not the whole map). The legend
(about half the cost of a frame: its text) is drawn once and then pasted from cached pixels
while it stays the same. The map window and the presentation subclass it (glue_qt's
MplCanvas, with a debounced resize).

The canvas draws the session's layout dataset and user layers, and follows both: a new dataset
(a plan saved, a user dataset removed) or new data in the layer store is drawn at once.
"""
from __future__ import annotations

from hzmap.render.map.scene import Scene  # first: hzmap.render imports matplotlib lean
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PySide6.QtCore import QPoint, QTimer, Signal

from hzmap.model.pick import Picked, pick
from hzmap.ui.common.follow import follow

#: Around what a blit draws, in points: outlines' halos and anti-aliasing reach past the
#: artists' own extents.
BLIT_PAD_PT = 8


class BlitCanvas(FigureCanvasQTAgg):
    tiles_arrived = Signal()  # emitted by base map loader threads; handled on the UI thread
    tile_problem = Signal(str)  # why the base map's tiles are missing (a refused key, a silent server)

    def __init__(self, session, style=None, figsize=(9, 7), parent=None) -> None:
        fig = Figure(figsize=figsize, dpi=100)
        super().__init__(fig)
        if parent is not None:
            self.setParent(parent)
        self.session = session
        self.geo = session.state.geo
        self.scene = Scene(fig, self.geo, session.dataset, style=style, interactive=True, layers=session.layers)
        #: Extra artists blitted on top, in order (a laser pointer, a line being drawn).
        self.transient: list = []
        self._background = None
        self._legend_key = None  # what the cached legend pixels show
        self._legend_pixels = None
        self._paste_legend = False
        self._blitted: list = []  # window extents of what the last blit drew
        # No artist of ours is pickable: skip matplotlib's walk of every artist on each click.
        for cid in (getattr(fig, "_button_pick_id", None), getattr(fig, "_scroll_pick_id", None)):
            if cid is not None:
                self.mpl_disconnect(cid)
        self.setMinimumSize(320, 240)
        self._resize_timer = QTimer(self, singleShot=True, interval=60)
        self._resize_timer.timeout.connect(self.draw_idle)
        self.mpl_connect("draw_event", self._on_draw)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, session.layers.changed, self._on_layer_data_changed)
        # base map tiles arrive on loader threads: one redraw for a burst of them
        self._tiles_timer = QTimer(self, singleShot=True, interval=80)
        self._tiles_timer.timeout.connect(self._redraw_for_tiles)
        self.tiles_arrived.connect(self._tiles_timer.start)
        self.scene.on_tiles = self._emit_tiles

    def _emit_tiles(self) -> None:
        self.tiles_arrived.emit()

    def _redraw_for_tiles(self) -> None:
        art = self.scene.basemap_artist
        if art is not None and art.get_visible() and (art.last is None or not art.last.complete):
            self.draw_idle()
        problems = art.basemap.problems() if art is not None else []
        if problems and problems[0] != getattr(self, "_tile_problem", None):
            self.tile_problem.emit(problems[0])
        self._tile_problem = problems[0] if problems else None

    # -- the session's data ------------------------------------------------------------------
    def _on_dataset_changed(self, dataset, _shipped=None) -> None:
        """The layout dataset arrived (after the first frame, to start fast), or a new one
        replaced it: its layouts are drawn from now on."""
        self.scene.set_dataset(dataset)
        self.draw_idle()

    def _on_layer_data_changed(self, _ids) -> None:
        if self.scene.reread_layers():
            self.draw_idle()

    @property
    def renderer_(self):
        return self.scene.renderer

    @property
    def overlay(self):
        return self.scene.overlay

    # -- drawing -------------------------------------------------------------------------
    def draw(self) -> None:
        """A full redraw: labels placed for this size, the legend pasted when unchanged."""
        r = self.scene.renderer
        r.refresh_labels(self.get_renderer())
        legend = r.ax.get_legend()
        key = self._legend_state(legend)
        self._paste_legend = key is not None and key == self._legend_key and self._legend_pixels is not None
        if self._paste_legend:
            legend.set_visible(False)
        try:
            super().draw()
        finally:
            if self._paste_legend:
                legend.set_visible(True)
                self._paste_legend = False
        self._legend_key = key

    def _legend_state(self, legend):
        if legend is None or not legend.get_visible():
            return None
        texts = tuple(t.get_text() for t in (legend.get_title(), *legend.get_texts()))
        return (id(legend), texts, self.figure.bbox.bounds, self.figure.dpi)

    def _on_draw(self, _event) -> None:
        # Called inside a paint: keep a clean copy, then put the blitted layers straight into
        # the buffer being painted (a blit here would repaint recursively).
        legend = self.scene.ax.get_legend()
        if self._paste_legend:
            self.restore_region(self._legend_pixels)
        elif legend is not None and legend.get_visible():
            self._legend_pixels = self.copy_from_bbox(legend.get_window_extent(self.get_renderer()))
        else:
            self._legend_pixels = None
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._blitted = self.draw_blitted()

    def draw_blitted(self) -> list:
        """Highlights, then the labels they cross (so names stay readable), then the
        transient artists, over the cached frame; returns the window extents drawn over."""
        r, ax = self.scene.renderer, self.scene.ax
        renderer = self.get_renderer()
        drawn = []
        for artist in r.highlight_artists():
            if artist.get_visible():
                ax.draw_artist(artist)
                drawn.append(artist)
        for text in r.labels_over_highlights(renderer):
            ax.draw_artist(text)
            drawn.append(text)
        for artist in sorted(self.transient, key=lambda a: a.get_zorder()):
            if artist.axes is ax and artist.get_visible():
                ax.draw_artist(artist)
                drawn.append(artist)
        return [self._extent(a, renderer) for a in drawn]

    def _extent(self, artist, renderer) -> Bbox:
        """Where `artist` drew, padded; the whole figure when it cannot say."""
        try:
            box = self.scene.renderer.window_extent(artist, renderer)
        except Exception:  # an artist without an extent: repaint everything
            return self.figure.bbox
        pad = BLIT_PAD_PT * self.figure.dpi / 72
        if not (box.width >= 0 and box.height >= 0 and abs(box.x0) < 1e7 and abs(box.y1) < 1e7):
            return self.figure.bbox
        return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)

    def blit_overlays(self) -> None:
        """Redraw only the blitted artists over the cached map (a few ms), and repaint only
        where they are now or were before."""
        if self._background is None:
            self.draw_idle()
            return
        self.restore_region(self._background)
        drawn = self.draw_blitted()
        changed = drawn + self._blitted
        self._blitted = drawn
        if not changed:
            return
        fig = self.figure.bbox
        box = Bbox.union(changed)
        x0, y0 = max(int(box.x0) - 1, 0), max(int(box.y0) - 1, 0)
        x1, y1 = min(int(box.x1) + 2, int(fig.x1)), min(int(box.y1) + 2, int(fig.y1))
        if x1 > x0 and y1 > y0:
            self.blit(Bbox.from_extents(x0, y0, x1, y1))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._background = None
        super().resizeEvent(event)
        self._resize_timer.start()

    # -- coordinates ---------------------------------------------------------------------
    def px(self, logical: float) -> float:
        """A distance in logical pixels (what the user sees) in the device pixels matplotlib's
        events and transforms use: twice as many at 200% scaling."""
        return logical * (self.device_pixel_ratio or 1)

    def pick_at(self, x, y) -> Picked:
        """What is under map point (x, y) of the View shown, and what its hover says: the
        model's pick, with the size of a pixel the user sees."""
        return pick(self.scene.view, self.scene.ds, self.geo, self.scene.layer_data, x, y,
                    self.px(1) * self.scene.renderer.metres_per_px())

    def data_to_widget(self, x: float, y: float) -> tuple[int, int]:
        """Widget pixel (Qt, origin top-left, logical px) of map coordinates."""
        px, py = self.scene.ax.transData.transform((x, y))
        ratio = self.device_pixel_ratio or 1
        return int(round(px / ratio)), int(round((self.figure.bbox.height - py) / ratio))

    def global_point(self, event, dx: int = 14, dy: int = 10):
        """The screen position just beside a matplotlib mouse event (for tooltips)."""
        ratio = self.device_pixel_ratio or 1
        return self.mapToGlobal(QPoint(int(event.x / ratio) + dx, int((self.figure.bbox.height - event.y) / ratio) + dy))
