"""The base map under everything else: the artist that draws a Basemap's picture. No Qt.

At each draw it asks the model (hzmap.model.basemap.picture) for the picture of the axes'
current extent at the renderer's pixel size, already reprojected onto the map's grid, and puts
it into the axes pixel for pixel (renderer.draw_image): no second resampling by matplotlib,
and the same pixels in a PNG, a PDF and on the screen. A white veil above it dims it (the
presentation's control; the layer's style "dim", 0-0.8) so the layout stays the subject.

On the screen (`wait=False`) it draws what tiles it has and the loader asks for a redraw as
more arrive; an export waits for them (`wait=True`).
"""
from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.patches import Rectangle

Z_BASEMAP = 0.5  # above the page's background (0), below the district fills (1)
MAX_DIM = 0.8


class BasemapArtist(Artist):
    def __init__(self, ax, basemap, wait: bool = False) -> None:
        super().__init__()
        self.basemap = basemap
        self.wait = wait
        self.last = None  # the last Picture drawn (tests, the window's status line)
        self.set_zorder(Z_BASEMAP)
        ax.add_artist(self)
        self.veil = Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor="white", edgecolor="none",
                              alpha=0.0, zorder=Z_BASEMAP + 0.01, visible=False)
        ax.add_patch(self.veil)

    def set_dim(self, dim: float) -> None:
        dim = min(max(float(dim), 0.0), MAX_DIM)
        self.veil.set_alpha(dim)
        self.veil.set_visible(self.get_visible() and dim > 0)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if hasattr(self, "veil"):
            self.veil.set_visible(visible and (self.veil.get_alpha() or 0) > 0)

    def remove(self) -> None:
        self.veil.remove()
        super().remove()

    def request(self, magnification: float = 1.0) -> tuple[tuple, int, int]:
        """(extent, width px, height px) of the picture the next draw asks for: what an export
        fetches before it draws."""
        ax, bbox = self.axes, self.axes.bbox
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        return (x0, x1, y0, y1), int(round(bbox.width * magnification)), int(round(bbox.height * magnification))

    def draw(self, renderer) -> None:
        if not self.get_visible() or self.axes is None:
            return
        extent, width, height = self.request(renderer.get_image_magnification())
        bbox = self.axes.bbox
        pic = self.basemap.picture(extent, width, height, wait=self.wait)
        self.last = pic
        if pic.rgba is None:
            return
        gc = renderer.new_gc()
        gc.set_clip_rectangle(bbox)
        gc.set_alpha(self.get_alpha() if self.get_alpha() is not None else 1.0)
        gc.set_gid(self.get_gid())
        renderer.draw_image(gc, bbox.x0, bbox.y0, pic.rgba[::-1])
        gc.restore()
        self.stale = False
