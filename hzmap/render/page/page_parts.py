"""The parts of a finished page around the map: where things go, the km scale bar, the north
arrow, the overview inset, notes beside the map, and wrapping mixed Chinese and Latin text.
hzmap.render.page.compose puts them together. No Qt."""
from __future__ import annotations

from matplotlib.patches import Polygon, Rectangle

INK = "#222222"


class Frame:
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


def scale_bar(ax):
    """A km scale bar (the map CRS is metric: one data unit is one metre); returns the corner
    it takes (ScaleBarCorner: labels keep clear of it), or None."""
    try:
        from matplotlib_scalebar.scalebar import ScaleBar
    except ImportError:  # the dependency is missing: no scale bar rather than no export
        return None
    bar = ScaleBar(1, units="m", location="lower left", length_fraction=SCALE_FRACTION, box_alpha=0.85,
                   color=INK, font_properties={"size": 8}, border_pad=0.8, pad=0.4,
                   rotation="horizontal-only")
    bar.set_zorder(25)
    ax.add_artist(bar)
    return ScaleBarCorner(ax)


SCALE_FRACTION = 0.18


class ScaleBarCorner:
    """The scale bar's box in the map's lower left corner, as labels must see it (the scale bar
    artist reports no extent of its own): at most its share of the map's width, 8 pt type."""

    def __init__(self, ax) -> None:
        self.ax = ax

    def get_visible(self) -> bool:
        return True

    def get_window_extent(self, renderer=None):
        from matplotlib.transforms import Bbox

        x0, y0, x1, _ = self.ax.bbox.extents
        pt = self.ax.figure.dpi / 72
        return Bbox.from_extents(x0, y0, x0 + (x1 - x0) * SCALE_FRACTION + 18 * pt, y0 + 38 * pt)


def fit_legend(fig, legend, renderer, right: float):
    """Wrap long legend texts (English names run long) until the legend fits its column; returns
    the legend's extent as it is then (laying a legend out again costs 1-3 ms at 300 DPI)."""
    import textwrap

    texts = [legend.get_title(), *legend.get_texts()]
    originals = [t.get_text() for t in texts]
    width = max(len(o) for o in originals)
    extent = legend.get_window_extent(renderer)
    while extent.x1 > right and width > 8:
        width = int(width * 0.8)
        for t, o in zip(texts, originals):
            t.set_text(textwrap.fill(o, width, break_on_hyphens=False) if " " in o else "\n".join(
                o[i:i + width] for i in range(0, len(o), width)))
        extent = legend.get_window_extent(renderer)
    return extent


def north_arrow(fig, frame: Frame, bottom: float, lang: str = "zh") -> list:
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


def zoomed_in(r, geo) -> bool:
    x0, x1, y0, y1 = r.limits()
    bx0, by0, bx1, by1 = geo.bounds
    return (x1 - x0) < 0.85 * (bx1 - bx0) and (y1 - y0) < 0.85 * (by1 - by0)


def inset(fig, frame: Frame, geo, limits, selection, lang: str = "zh"):
    """The whole city, small, with the exported view as a red rectangle (whole: the overview
    widens where the view reaches past the city)."""
    from hzmap.render.map.geometry import polygon_path
    from matplotlib.patches import PathPatch
    vx0, vx1, vy0, vy1 = limits
    bx0, by0, bx1, by1 = geo.bounds  # the city, and all of the view where it reaches past it (fit)
    bx0, by0, bx1, by1 = min(bx0, vx0), min(by0, vy0), max(bx1, vx1), max(by1, vy1)
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
    ax.add_patch(Rectangle((vx0, vy0), vx1 - vx0, vy1 - vy0, facecolor="none", edgecolor="#D62728",
                           linewidth=1.4, zorder=5, gid="view-extent"))
    ax.set_xlim(bx0, bx1)
    ax.set_ylim(by0, by1)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title("Overview" if lang == "en" else "位置", fontsize=7.5, color="#555555", pad=2)
    return ax


def side_notes(fig, frame: Frame, top: float, heading: str, lines: list[str],
               bottom: float = 0.0) -> list:
    """The heading and lines listed beside (or below) the map from `top` down, as many as fit
    above `bottom` (figure fractions); the rest is counted in a last line."""
    width_chars = max(12, int(frame.side[2] * frame.w * 72 / 8.5))
    rows = [[w for w in wrap(line, width_chars)] for line in lines]
    room = int((top - 0.3 / frame.h - bottom) * frame.h * 72 / (8.5 * 1.35))
    if sum(len(r) for r in rows) > room:
        kept: list[list[str]] = []
        while rows and sum(len(r) for r in kept) + len(rows[0]) < room:
            kept.append(rows.pop(0))
        rows = kept + [[f"…… 另有 {len(rows)} 项 ({len(rows)} more)"]]
    text = "\n".join(wrap_line for r in rows for wrap_line in r)
    return [fig.text(frame.side[0], top, heading, fontsize=10, fontweight="bold", color=INK, va="top"),
            fig.text(frame.side[0], top - 0.3 / frame.h, text, fontsize=8.5, color=INK, va="top",
                     linespacing=1.35)]


def note_blocks(fig, frame: Frame, top: float, blocks, bottom: float, renderer) -> list:
    """Several (heading, lines) blocks beside (or below) the map, one under another from `top`
    down (figure fractions); each takes what room the ones above it left."""
    out: list = []
    for heading, lines in blocks:
        if top - 0.3 / frame.h <= bottom:
            break
        texts = side_notes(fig, frame, top, heading, lines, bottom=bottom)
        out += texts
        top = min(t.get_window_extent(renderer).y0 for t in texts) / fig.bbox.height - 0.012
    return out


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
