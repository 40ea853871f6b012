"""The map legend's pixels, kept by what the legend shows. No Qt.

Drawing the legend (its boxes laid out, its texts set) is a fifth to a third of a full redraw.
The screen draws it alone on a transparent buffer (hzmap.render.map.sprites) and composites it
in its place in the drawing order, and keeps those pixels for as long as it shows the same
thing at the same place. A layout switch builds a new legend each time, so the pixels are kept
by the legend's content (texts, their type, the look of each symbol), its corner and the
figure's size, not by the Legend object: switching back to a layout pastes its legend.
"""
from __future__ import annotations

from hzmap.render.map.sprites import KeptPixels

#: Legends kept: every layout's at one window size, and some room besides.
KEEP = 24
KEEP_BYTES = 16 << 20
_LOOK = ("get_facecolor", "get_edgecolor", "get_hatch", "get_linewidth", "get_linestyle", "get_alpha",
         "get_marker", "get_markersize", "get_markerfacecolor", "get_markeredgecolor", "get_markeredgewidth",
         "get_color", "get_visible", "get_sizes")


def _look(artist) -> tuple:
    values = []
    for name in _LOOK:
        get = getattr(artist, name, None)
        if get is not None:
            try:
                values.append(repr(get()))
            except Exception:  # noqa: BLE001 - a getter that needs more than the artist: skip it
                values.append(None)
    return (type(artist).__name__, tuple(values))


def legend_key(legend, figure) -> tuple | None:
    """What the legend's pixels depend on; None when no legend shows."""
    if legend is None or not legend.get_visible():
        return None
    texts = tuple((t.get_text(), t.get_fontsize(), str(t.get_fontweight()), repr(t.get_color()))
                  for t in (legend.get_title(), *legend.get_texts()))
    handles = tuple(_look(h) for h in legend.legend_handles)
    return (texts, handles, repr(getattr(legend, "_loc", None)), tuple(legend.get_bbox_to_anchor().bounds),
            tuple(figure.bbox.bounds), figure.dpi)


class LegendPixels(KeptPixels):
    """The last KEEP legends' pixels ((x0, top, straight-alpha pixels), or None for a legend
    that reaches past the canvas and is drawn), by legend_key, and no more than KEEP_BYTES of
    them (a large window's legends are large)."""

    def __init__(self) -> None:
        super().__init__(KEEP, KEEP_BYTES)

    def get(self, key):
        return None if key is None else super().get(key)

    def put(self, key, region) -> None:
        if key is not None:
            super().put(key, region)
