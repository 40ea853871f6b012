"""How a layout's elements look, in the conventions of 空间布局示意图: a colour, hatch and marker
per element, and the patch that styles each figure of hzmap.model.elements.shape.

District groups are coloured fills with a hatch each (so they stay apart in greyscale print), the
core is a strong fill with a halo, a belt is a translucent band along the river, wings and
corridors are schematic shapes marked 示意, and bases are symbols whose fill says how well the
location is known (filled: site; hollow: approximate; square: district only).
"""
from __future__ import annotations

from matplotlib import patheffects
from matplotlib.patches import Ellipse, Patch, PathPatch

from hzmap.render.map.geometry import polygon_path

Z_GROUP, Z_BAND, Z_SCHEMATIC, Z_DIM, Z_PLACES, Z_ELEMENT_LABEL = 2, 3.5, 4.5, 5.5, 8, 9.5

# Paul Tol "bright" then the distinct ones of "muted" (both colour-blind safe), with a hatch and a
# marker shape each so elements stay apart in greyscale print too.
ELEMENT_COLOURS = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#332288",
                   "#999933", "#882255", "#44AA99", "#BBBBBB"]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "++", "--", "||", "**", "OO"]
# Squares are kept for district-only locations, so element shapes avoid them.
ELEMENT_MARKERS = ["o", "^", "D", "v", "p", "h", "<", ">", "*", "d", "8"]
KIND_STYLE = {"core": dict(alpha=0.58), "group": dict(alpha=0.48), "zone": dict(alpha=0.45),
              "platform": dict(alpha=0.45)}
MARKERS = {"site": dict(marker="o", filled=True), "approximate": dict(marker="o", filled=False),
           "district": dict(marker="s", filled=False)}
PRECISION_LABEL = {"site": "位置确切 site", "approximate": "大致位置 approximate",
                   "district": "仅知所在区县 district only"}
NEUTRAL_FILL = (0.93, 0.93, 0.92)
SCHEMATIC_MARK = "（示意）"


def element_colour(index: int) -> str:
    """The colour of a layout's element by its place in the layout (legend, layer panel)."""
    return ELEMENT_COLOURS[index % len(ELEMENT_COLOURS)]


def element_text(el, en: bool) -> str:
    """The element's name as the map and legend show it (a schematic one marked so)."""
    name = (el.name_en or el.name) if en else el.name
    return name + ((" (schematic)" if en else SCHEMATIC_MARK) if el.geometry.type == "schematic" else "")


def rgba(hex_colour: str, alpha: float) -> tuple:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (alpha,)


def figure_patch(shape, element_kind: str, colour: str, hatch: str):
    """(patch, legend handle) styling an ElementShape of an element of `element_kind`."""
    if shape.kind == "districts":
        alpha = KIND_STYLE.get(element_kind, dict(alpha=0.5))["alpha"]
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, alpha), edgecolor=colour,
                          hatch=hatch, linewidth=1.2, zorder=Z_GROUP)
        if element_kind == "core":
            patch.set_linewidth(2.6)
            patch.set_path_effects([patheffects.withStroke(linewidth=6, foreground=rgba(colour, 0.35))])
        return patch, Patch(facecolor=rgba(colour, alpha), edgecolor=colour, hatch=hatch, linewidth=1.2)
    if shape.kind == "band":
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, 0.38), edgecolor=colour,
                          linewidth=1.0, linestyle=(0, (5, 3)), zorder=Z_BAND)
        return patch, Patch(facecolor=rgba(colour, 0.38), edgecolor=colour, linestyle="--")
    if shape.kind == "area":
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, 0.45), edgecolor=colour,
                          hatch=hatch, linewidth=1.2, zorder=Z_GROUP + 0.5)
        return patch, Patch(facecolor=rgba(colour, 0.45), edgecolor=colour, hatch=hatch)
    # schematic: an arrow, an ellipse (a true curve) or a corridor, dashed and hatched
    style = dict(facecolor=rgba(colour, 0.30), edgecolor=colour, linewidth=1.4,
                 linestyle=(0, (6, 3)), hatch="//", zorder=Z_SCHEMATIC)
    if shape.ellipse is not None:
        cx, cy, width, height = shape.ellipse
        patch = Ellipse((cx, cy), width, height, **style)
    else:
        patch = PathPatch(polygon_path(shape.polygon), **style)
    return patch, Patch(facecolor=rgba(colour, 0.30), edgecolor=colour, hatch="//", linestyle="--")
