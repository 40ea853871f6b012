"""The interactive map: wheel zooms at the cursor, drag pans, hover and click go to the state.

Hover and selection outlines are blitted over a cached background, so feedback costs a few
milliseconds instead of a full redraw; the full redraw happens only when the view changes.
"""
from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QToolTip

from hzmap.model.geodata import GeoData
from hzmap.model.state import AppState
from hzmap.render.layout_overlay import LayoutOverlay
from hzmap.render.map_view import MapRenderer

CLICK_TOLERANCE_PX = 4
PLACE_PICK_PX = 9  # how close to a base symbol a click must land to pick it
WHEEL_STEP = 1.25


class MapCanvas(FigureCanvasQTAgg):
    def __init__(self, state: AppState, geodata: GeoData, parent=None) -> None:
        fig = Figure(figsize=(9, 7), dpi=100)
        super().__init__(fig)
        self.setParent(parent)
        self.state = state
        self.geo = geodata
        self.renderer_ = MapRenderer(fig, geodata, interactive=True)
        self._background = None
        self._legend_key = None  # what the cached legend pixels show
        self._legend_pixels = None
        self._paste_legend = False
        self._press = None  # (x_px, y_px, xdata, ydata) while the left button is down
        self._dragged = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(320, 240)
        self._resize_timer = QTimer(self, singleShot=True, interval=60)
        self._resize_timer.timeout.connect(self.draw_idle)
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("scroll_event", self._on_scroll)
        self.mpl_connect("figure_leave_event", lambda _e: setattr(self.state, "hover", None))
        state.selection_changed.connect(self._on_selection_changed)
        state.hover_changed.connect(self._on_hover_changed)
        state.place_changed.connect(self._on_place_changed)
        state.view_changed.connect(self._on_view_changed)
        state.layout_changed.connect(self._on_layout_changed)
        state.filters_changed.connect(self._on_filters_changed)
        self.dataset = None
        self.overlay: LayoutOverlay | None = None
        # An editing tool (e.g. annotation tools) sees mouse events first: its on_press/on_motion/
        # on_release(event) return True when they consumed the event.
        self.tool = None

    def set_dataset(self, dataset) -> None:
        """Give the canvas the layout dataset (loaded after the first frame, to start fast)."""
        self.dataset = dataset
        self.overlay = LayoutOverlay(self.renderer_, dataset)
        self.renderer_.overlay = self.overlay
        if self.state.layout is not None:
            self._on_layout_changed(self.state.layout)

    # -- drawing ---------------------------------------------------------------------
    def draw(self) -> None:
        """A full redraw. The legend (about half the cost of a frame: its text) is drawn once
        and then pasted from cached pixels while it stays the same; it sits in a fixed corner
        with an opaque frame, so panning and zooming never change it."""
        self.renderer_.refresh_labels(self.get_renderer())
        legend = self.renderer_.ax.get_legend()
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
        # Called inside a paint: keep a clean copy, then put the outlines straight into the
        # buffer being painted (a blit here would repaint recursively).
        legend = self.renderer_.ax.get_legend()
        if self._paste_legend:
            self.restore_region(self._legend_pixels)
        elif legend is not None and legend.get_visible():
            self._legend_pixels = self.copy_from_bbox(legend.get_window_extent(self.get_renderer()))
        else:
            self._legend_pixels = None
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_highlights()

    def _draw_highlights(self) -> None:
        """Hover, selection and place outlines, then the labels they cross, so names stay
        readable; then whatever is being edited (renderer_.transient), on top of it all."""
        ax = self.renderer_.ax
        for artist in self.renderer_.highlight_artists():
            if artist.get_visible():
                ax.draw_artist(artist)
        for text in self.renderer_.labels_over_highlights(self.get_renderer()):
            ax.draw_artist(text)
        for artist in sorted(self.renderer_.transient, key=lambda a: a.get_zorder()):
            if artist.axes is ax and artist.get_visible():
                ax.draw_artist(artist)

    def blit_overlays(self) -> None:
        """Redraw only the outlines and the artists being edited over the cached map (a few ms)."""
        if self._background is None:
            self.draw_idle()
            return
        self.restore_region(self._background)
        self._draw_highlights()
        self.blit(self.figure.bbox)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._background = None
        super().resizeEvent(event)
        self._resize_timer.start()

    # -- state -> map ------------------------------------------------------------------
    def _on_selection_changed(self, did) -> None:
        self.renderer_.set_selection(did)
        self.blit_overlays()

    def _on_hover_changed(self, did) -> None:
        self.renderer_.set_hover(did)
        self.blit_overlays()

    def _on_place_changed(self, pid) -> None:
        self.renderer_.set_place(self.place_point(pid))
        self.blit_overlays()

    def place_point(self, pid: str | None) -> tuple[float, float] | None:
        return self.overlay.place_point(pid) if self.overlay is not None else None

    def _on_layout_changed(self, layout_id) -> None:
        if self.overlay is None:
            return
        self.overlay.show(layout_id)
        self.renderer_.set_place(self.place_point(self.state.place))  # its symbol may have moved
        self._on_filters_changed(self.state.filters)

    def _on_filters_changed(self, filters) -> None:
        if self.overlay is None:
            return
        from hzmap.model.filters import matching

        districts, places = matching(self.dataset, filters)
        self.overlay.set_dimmed(None if not filters.active() else (districts, places))
        self.draw_idle()

    def _on_view_changed(self, name: str) -> None:
        if name != "custom":
            self.renderer_.set_view(name)
            self.draw_idle()

    # -- mouse -------------------------------------------------------------------------
    def _on_motion(self, event) -> None:
        if self.tool is not None and self.tool.on_motion(event):
            return
        if self._press is not None and event.x is not None:
            x_px, y_px, _, _ = self._press
            if self._dragged or abs(event.x - x_px) + abs(event.y - y_px) > CLICK_TOLERANCE_PX:
                self._dragged = True
                self._pan_to(event)
                return
        if event.inaxes is None:
            self.state.hover = None
            return
        before = self.state.hover
        place = self._place_at(event)
        did = self.geo.district_at(event.xdata, event.ydata)
        self.state.hover = did
        if place is not None:
            self._tooltip(event, self.dataset.places[place].name)
        elif did != before or did is None:
            self._tooltip(event, self.hover_text(did) if did else "")

    def hover_text(self, did: str) -> str:
        """The district's name and its role(s) in the layout shown, in the map's language."""
        en = self.renderer_.lang == "en"
        name = self.geo.districts[did]["name_en" if en else "name_zh"]
        if self.overlay is None or self.state.layout is None:
            return name
        layout = self.dataset.layouts[self.state.layout]
        roles = [(el.name_en or el.name) if en else el.name for el in layout.elements
                 if did in el.districts or any(did in self.dataset.places[p].districts for p in el.places)]
        if en:
            return f"{name}\n{layout.name_en or layout.name}: {', '.join(roles) if roles else '(not in this layout)'}"
        return f"{name}\n{layout.name}: {'、'.join(roles) if roles else '（本布局未涉及）'}"

    def _tooltip(self, event, text: str) -> None:
        if not text:
            QToolTip.hideText()
            return
        ratio = self.device_pixel_ratio or 1
        pos = self.mapToGlobal(QPoint(int(event.x / ratio) + 14, int((self.figure.bbox.height - event.y) / ratio) + 10))
        QToolTip.showText(pos, text, self)

    def _place_at(self, event) -> str | None:
        if self.overlay is None or event.xdata is None:
            return None
        x0, x1, _, _ = self.renderer_.limits()
        metres_per_px = (x1 - x0) / max(self.renderer_.ax.bbox.width, 1)
        return self.overlay.place_at(event.xdata, event.ydata, PLACE_PICK_PX * metres_per_px)

    def _on_press(self, event) -> None:
        if self.tool is not None and self.tool.on_press(event):
            return
        if event.button == 1 and event.inaxes is not None:
            self._press = (event.x, event.y, event.xdata, event.ydata)
            self._dragged = False

    def _on_release(self, event) -> None:
        if self.tool is not None and self.tool.on_release(event):
            return
        if event.button != 1 or self._press is None:
            return
        dragged, self._press = self._dragged, None
        self._dragged = False
        if dragged:
            self.state.view = "custom"
            return
        if event.inaxes is None:
            self.state.place = None
            self.state.selection = None
            return
        place = self._place_at(event)
        if place is not None:
            self.state.selection = None
            self.state.place = place
            return
        self.state.place = None
        self.state.selection = self.geo.district_at(event.xdata, event.ydata)

    def _pan_to(self, event) -> None:
        ax = self.renderer_.ax
        x_px, y_px, _, _ = self._press
        inv = ax.transData.inverted()
        (x0, y0), (x1, y1) = inv.transform([(x_px, y_px), (event.x, event.y)])
        self.renderer_.pan_by(x0 - x1, y0 - y1)
        self._press = (event.x, event.y, None, None)
        self.draw_idle()

    def _on_scroll(self, event) -> None:
        if event.inaxes is None:
            return
        factor = WHEEL_STEP ** event.step
        self.renderer_.zoom_at(event.xdata, event.ydata, factor)
        self.state.view = "custom"
        self.draw_idle()

    # -- for tests and benchmarks -------------------------------------------------------
    def data_to_widget(self, x: float, y: float) -> tuple[int, int]:
        """Widget pixel (Qt, origin top-left, logical px) of map coordinates."""
        px, py = self.renderer_.ax.transData.transform((x, y))
        ratio = self.device_pixel_ratio or 1
        return int(round(px / ratio)), int(round((self.figure.bbox.height - py) / ratio))
