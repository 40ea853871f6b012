"""The canvas every map on screen uses: a Scene on a Qt Agg canvas, with blitting.

Hover, selection and pointer artists are drawn over a cached copy of the last full frame, so
feedback costs a few milliseconds instead of a full redraw, and only the part of the widget
where they are or were is repainted (a district's outline, not the whole map). The legend
(about half the cost of a frame: its text) is drawn once and then pasted from cached pixels
while it stays the same. Labels are kept as pixels (hzmap.render.map.sprites): those an outline
crosses are composited over it, and a full redraw pastes a label that stands where it stood (a
layout switch) or moved by whole pixels (a drag) instead of drawing it again. The map window and the presentation subclass it
(glue_qt's MplCanvas, with a debounced resize).

A layout switch pastes the whole frame kept for the View it gives (hzmap.render.map.frames):
each frame drawn while only the layout changes is kept, and the map window draws the other
layouts' frames ahead in idle time. `draw_for_switch` asks for such a redraw; any other
(`draw_idle`, or `draw` called directly) forgets the frames, since it may change the picture.

Hover and click never draw the whole map: they only blit. A full redraw comes from a change of
what the map shows (pan, zoom, layout, layers, data) or of the canvas's size; a resize is drawn
once, and a blit asked for while no frame of the new size exists yet waits for that draw (which
draws the outlines too) instead of asking for another. The window keeps its status bar and
docks from changing the map's size on a hover or click (hzmap.ui.window.main_window).

The canvas draws the session's layout dataset and user layers, and follows both: a new dataset
(a plan saved, a user dataset removed) or new data in the layer store is drawn at once.
"""
from __future__ import annotations

from hzmap.render.map.scene import Scene  # first: hzmap.render imports matplotlib lean
from hzmap.render.map.frames import KeptFrames, Pasting, complete, draw_ahead, frame_key
from hzmap.render.map.legend_cache import LegendPixels
from hzmap.render.map.placement_memo import PlacementMemo
from hzmap.render.map.rehearsal import keep_legend
from hzmap.render.map.sprites import TextSprites
from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_agg import RendererAgg
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
        self.scene.renderer.placement_memo = PlacementMemo()  # a placement made before is put back
        #: Extra artists blitted on top, in order (a laser pointer, a line being drawn).
        self.transient: list = []
        self._background = None
        self.legends = LegendPixels()  # the legends drawn, as pixels, by what they show
        self.frames = KeptFrames()  # whole frames by View, for layout switches
        self._since_frame = "nothing"  # what asked for a redraw since the last: "layout", "other"
        self._pasted = None  # the kept frame just pasted (it is the frame's clean copy too)
        self._spare = None  # a RendererAgg of the canvas's size that frames are drawn ahead on
        self._blitted: list = []  # window extents of what the last blit drew
        self._drawn_size = None  # the figure's size in pixels at the last full draw
        self.sprites = TextSprites()  # labels as pixels, by how and where they stand
        self.pasting = Pasting(self.scene, self.sprites, self.legends)
        self._frame = 0  # full draws so far
        self._warm: list | None = None  # labels whose pixels are still to be made, this frame
        self._ahead_busy = False  # other Views' labels being made ready (the map window's)
        # No artist of ours is pickable: skip matplotlib's walk of every artist on each click.
        for cid in (getattr(fig, "_button_pick_id", None), getattr(fig, "_scroll_pick_id", None)):
            if cid is not None:
                self.mpl_disconnect(cid)
        self.setMinimumSize(320, 240)
        self._resize_timer = QTimer(self, singleShot=True, interval=60)
        self._resize_timer.timeout.connect(self._redraw_if_resized)
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
    def draw_idle(self) -> None:
        """A redraw for anything but a layout switch: the frames kept no longer show the map."""
        self._since_frame = "other"
        super().draw_idle()

    def draw_for_switch(self) -> None:
        """A redraw for a change of the layout shown and nothing else (its elements or bases
        shown, the selection): a frame kept for the View it gives is pasted, not drawn."""
        if self._since_frame == "nothing":
            self._since_frame = "layout"
        super().draw_idle()

    def draw(self) -> None:
        """A full redraw: labels placed for this size, then the frame kept for this View pasted
        (a layout switch, hzmap.render.map.frames), or the map drawn with the labels and the
        legend pasted where their pixels are kept (legend_cache, sprites). Any redraw that is
        not a switch's forgets the frames kept."""
        r = self.scene.renderer
        renderer = self.get_renderer()
        switch, self._since_frame = self._since_frame == "layout", "nothing"
        if not switch:
            self.frames.clear()
        r.refresh_labels(renderer)
        key = frame_key(self.scene.view, renderer) if self.scene.view is not None else None
        region = self.frames.get(key) if switch and key is not None else None
        if region is not None:
            self._paste_frame(region, renderer)
            return
        hidden, whole = self.pasting.begin(renderer)
        try:
            super().draw()
        finally:
            self.pasting.end(hidden)
        self._drawn_size = tuple(self.figure.bbox.size)
        if whole and key is not None and self._background is not None and complete(self.scene):
            self.frames.put(key, self._background, renderer)

    def _paste_frame(self, region, renderer) -> None:
        """Put a kept frame into the canvas as a full draw would have drawn it, and tell the
        draw's listeners (the blitted outlines go on it, the labels' pixels are checked)."""
        renderer.restore_region(region)
        self._pasted = region
        self.figure.stale = False
        self.frames.pasted += 1
        DrawEvent("draw_event", self, renderer)._process()
        self._drawn_size = tuple(self.figure.bbox.size)
        self.update()

    def keep_frame_ahead(self, view) -> bool:
        """Draw `view`'s frame off screen and keep it, so that switching to it pastes it (the map
        window does this in idle time for its other layouts); False when there was nothing to
        do (kept already, or no room)."""
        renderer = self.get_renderer()
        key = frame_key(view, renderer)
        if self.frames.get(key) is not None or not self.frames.has_room(renderer) or self._background is None:
            return False
        spare = self._spare
        if spare is None or (spare.width, spare.height, spare.dpi) != (renderer.width, renderer.height, renderer.dpi):
            spare = self._spare = RendererAgg(int(renderer.width), int(renderer.height), renderer.dpi)
        with self.callbacks.blocked(signal="draw_event"):  # (not a frame of the screen's)
            region = draw_ahead(self.scene, self.pasting, view, spare, renderer)
        if region is not None:
            self.frames.put(key, region, renderer)
        return True

    def _redraw_if_resized(self) -> None:
        """The end of a burst of resizes: draw if no frame of the final size has been drawn."""
        if self._drawn_size != tuple(self.figure.bbox.size):
            self.draw_idle()

    def is_settled(self) -> bool:
        """Nothing waiting to be drawn: no redraw pending, no resize or tiles to draw for, and a
        frame to blit over (what a benchmark or a test waits for before it times a hover)."""
        return (self._background is not None and not getattr(self, "_draw_pending", False)
                and not self._resize_timer.isActive() and not self._tiles_timer.isActive()
                and self._warm == [] and not self._ahead_busy)

    def _on_draw(self, _event) -> None:
        # Called inside a paint: keep a clean copy, then put the blitted layers straight into
        # the buffer being painted (a blit here would repaint recursively).
        pasted, self._pasted = self._pasted, None
        self._background = pasted if pasted is not None else self.copy_from_bbox(self.figure.bbox)
        self._blitted = self.draw_blitted()
        self._frame += 1
        self._warm = None
        QTimer.singleShot(0, lambda frame=self._frame: self._warm_sprites(frame))

    def _warm_sprites(self, frame: int) -> None:
        """In idle time after a full draw, one label at a time (about a millisecond each), keep
        the labels' pixels ready, so that even the first hover over a district only pastes them;
        then the legend's, if it is new (a layout's first showing), for the next redraw."""
        if frame != self._frame or self._background is None:
            return  # a newer frame started its own
        renderer = self.get_renderer()
        if self._warm is None:  # the first turn measures the labels; the legend comes last
            self._warm = [(None, None), *self.scene.renderer.label_extents(renderer, every=True)]
        else:
            while self._warm:
                text, extent = self._warm.pop()
                if text is None:
                    if self._keep_legend(renderer):
                        break
                elif not self.sprites.has(text, renderer, extent):
                    self.sprites.prepare(text, renderer, extent)
                    break
        if self._warm:
            QTimer.singleShot(0, lambda: self._warm_sprites(frame))
        else:
            self._frame_warm(frame)

    def _frame_warm(self, frame: int) -> None:
        """The frame's labels and legend are kept: idle time is free for what comes next (the
        map window makes its other layouts' ready)."""

    def _keep_legend(self, renderer) -> bool:
        """Draw the legend alone and keep its pixels, if they are not kept yet; True if it did."""
        return keep_legend(self.sprites, self.legends, self.scene.ax.get_legend(), self.figure, renderer)

    def draw_blitted(self) -> list:
        """Highlights, then the labels they cross (so names stay readable), then the
        transient artists, over the cached frame; returns the window extents drawn over."""
        r, ax = self.scene.renderer, self.scene.ax
        renderer = self.get_renderer()
        drawn = []
        for artist in r.highlight_artists():
            if artist.get_visible():
                ax.draw_artist(artist)
                drawn.append(self._extent(artist, renderer))
        for text, extent in r.labels_over_highlights(renderer):
            box = self.sprites.paste(text, renderer, extent)
            if box is not None:
                drawn.append(Bbox.from_extents(*box))
            elif text.get_visible():   # no pixels for it where it stands now (at an edge): drawn
                ax.draw_artist(text)
                drawn.append(self._extent(text, renderer))
        for artist in sorted(self.transient, key=lambda a: a.get_zorder()):
            if artist.axes is ax and artist.get_visible():
                ax.draw_artist(artist)
                drawn.append(self._extent(artist, renderer))
        return drawn

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
        where they are now or were before. Never a full redraw: with no frame of this size
        yet (a resize is being drawn), that draw puts the outlines on."""
        if self._background is None:
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
