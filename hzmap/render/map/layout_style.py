"""How a layout's elements look, in the conventions of 空间布局示意图: a colour, hatch and marker
per element, and the patch that styles each figure of hzmap.model.elements.shape.

District groups are coloured fills with a hatch each (so they stay apart in greyscale print), the
core is a strong fill with a halo, a belt is a translucent band along the river, wings and
corridors are schematic shapes marked 示意, and bases are symbols whose fill says how well the
location is known (hzmap.render.map.place_symbols).

No colour the legend does not explain: where two filled figures would overlap (a belt across the
core, three elements that each cover the whole city), one is drawn as an outline instead
(`outlined`), so the map shows no mixed colour.

A hatch is drawn apart from its fill, in a darker shade of the element's colour
(`hatch_colour`): the fill is see-through, and PDF and SVG apply a fill's opacity to its whole
pattern, lines included, with the pattern's lines in the fill's own colour. A patch of hatch lines
alone, over a fill without a hatch, is drawn the same by Agg, PDF and SVG.
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
NEUTRAL_FILL = (0.93, 0.93, 0.92)
HATCH_SHADE = 0.55  # hatch lines: the element's colour at this share of its brightness
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


def hatch_colour(hex_colour: str) -> tuple:
    """The hatch lines' colour: the element's colour darkened, so the lines stand out from the
    fill in every format and in greyscale."""
    r, g, b, _ = rgba(hex_colour, 1.0)
    return (r * HATCH_SHADE, g * HATCH_SHADE, b * HATCH_SHADE, 1.0)


def over_land(colour_rgba: tuple) -> tuple:
    """An RGBA fill as it shows over the neutral land under a layout: the legend draws the
    colour the map shows (its swatch is opaque over the legend's white)."""
    r, g, b, a = colour_rgba
    return tuple(c * a + n * (1 - a) for c, n in zip((r, g, b), NEUTRAL_FILL)) + (1.0,)


def hatch_patch(fill, hatch: str, colour: str):
    """The hatch lines of a figure as a patch of their own over its fill (`fill`: the fill's
    patch), with no fill and the fill's outline. (The outline is drawn again on purpose: a PDF
    viewer such as pdfium paints a pattern's lines with the stroke opacity in force, so a patch
    with no outline would lose its hatch in Chrome and in pdfium-based viewers.)"""
    if isinstance(fill, Ellipse):
        patch = Ellipse(fill.center, fill.width, fill.height)
    else:
        patch = PathPatch(fill.get_path())
    patch.set(facecolor="none", edgecolor=fill.get_edgecolor(), linewidth=fill.get_linewidth(),
              linestyle=fill.get_linestyle(), hatch=hatch, hatchcolor=hatch_colour(colour),
              zorder=fill.get_zorder() + 0.01)
    return patch


def legend_patch(colour: str, alpha: float, hatch: str = "", **kw) -> Patch:
    """A legend swatch that looks like the map's fill: the colour over the land, opaque, with its
    hatch in the hatch colour."""
    return Patch(facecolor=over_land(rgba(colour, alpha)), edgecolor=colour, hatch=hatch,
                 hatchcolor=hatch_colour(colour), **kw)


def figure_patch(shape, element_kind: str, colour: str, hatch: str):
    """([patches], legend handle) styling an ElementShape of an element of `element_kind`: the
    fill, then its hatch lines (if any) as a patch of their own."""
    if shape.kind == "districts":
        alpha = KIND_STYLE.get(element_kind, dict(alpha=0.5))["alpha"]
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, alpha), edgecolor=colour, linewidth=1.2, zorder=Z_GROUP)
        if element_kind == "core":
            patch.set_linewidth(2.6)
            patch.set_path_effects([patheffects.withStroke(linewidth=6, foreground=rgba(colour, 0.35))])
        patches = [patch] + ([hatch_patch(patch, hatch, colour)] if hatch else [])
        return patches, legend_patch(colour, alpha, hatch, linewidth=1.2)
    if shape.kind == "band":
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, 0.38), edgecolor=colour,
                          linewidth=1.0, linestyle=(0, (5, 3)), zorder=Z_BAND)
        return [patch], legend_patch(colour, 0.38, linestyle="--")
    if shape.kind == "area":
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, 0.45), edgecolor=colour, linewidth=1.2,
                          zorder=Z_GROUP + 0.5)
        patches = [patch] + ([hatch_patch(patch, hatch, colour)] if hatch else [])
        return patches, legend_patch(colour, 0.45, hatch)
    # schematic: an arrow, an ellipse (a true curve) or a corridor, dashed and hatched
    style = dict(facecolor=rgba(colour, 0.30), edgecolor=colour, linewidth=1.4,
                 linestyle=(0, (6, 3)), zorder=Z_SCHEMATIC)
    if shape.ellipse is not None:
        cx, cy, width, height = shape.ellipse
        patch = Ellipse((cx, cy), width, height, **style)
    else:
        patch = PathPatch(polygon_path(shape.polygon), **style)
    return [patch, hatch_patch(patch, "//", colour)], legend_patch(colour, 0.30, "//", linestyle="--")


CITY_WIDE = 0.9        # a figure covering this share of the city is drawn as an outline
OVERLAP = 0.03         # two fills overlapping by this share of the smaller one: one is outlined
RING_STEP = 0.006      # city-wide outlines are drawn this share of the city's width inside each other
OUTLINE_WIDTH = 2.2
# which of two overlapping figures gives way: the schematic and band shapes (drawn on top, and
# only 示意 anyway) before areas, areas before district groups; the larger of two alike
TIER = {"ellipse": 0, "arrow": 0, "corridor": 0, "band": 1, "area": 2, "districts": 3}


def outlined(shapes: dict, city, tier: dict | None = None) -> dict[str, int]:
    """Which figures are drawn as outlines: element id -> ring (0: on its own edge; k > 0: the
    k-th city-wide outline, drawn inside the others). `shapes`: element id -> ElementShape of the
    filled figures; `tier`: which kinds of figure give way first (TIER by default)."""
    tier = TIER if tier is None else tier
    import shapely

    city_area = city.area
    out: dict[str, int] = {}
    rings = 0
    for eid, shape in shapes.items():
        if shape.polygon.area >= CITY_WIDE * city_area:
            out[eid] = rings
            rings += 1
    filled = [eid for eid in shapes if eid not in out]
    # the figures that win are kept filled; each later one that overlaps a kept one is outlined
    filled.sort(key=lambda e: (-tier.get(shapes[e].kind, 3), shapes[e].polygon.area))
    kept: list[str] = []
    for eid in filled:
        poly = shapes[eid].polygon
        clash = any(shapely.intersection(poly, shapes[k].polygon).area
                    > OVERLAP * min(poly.area, shapes[k].polygon.area) for k in kept)
        if clash:
            out[eid] = 0
        else:
            kept.append(eid)
    return out


# outlines of one layout differ in their dash as well as their colour (greyscale print)
OUTLINE_DASHES = ["-", (0, (6, 3)), (0, (2, 2)), (0, (9, 3, 2, 3)), (0, (4, 4)), (0, (12, 3)),
                  (0, (1, 2)), (0, (6, 2, 1, 2, 1, 2))]


def outline_patch(shape, colour: str, inset_m: float = 0.0, dash: int = 0):
    """([patch], legend handle) of a figure drawn as its outline only, `inset_m` inside its edge,
    in the `dash`-th line style (0: solid)."""
    polygon = shape.polygon.buffer(-inset_m) if inset_m else shape.polygon
    style = dict(facecolor="none", edgecolor=colour, linewidth=OUTLINE_WIDTH,
                 linestyle=OUTLINE_DASHES[dash % len(OUTLINE_DASHES)])
    patch = PathPatch(polygon_path(polygon), zorder=Z_SCHEMATIC + 0.2, joinstyle="round", **style)
    return [patch], Patch(**style)
