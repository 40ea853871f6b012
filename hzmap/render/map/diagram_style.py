"""The structure-diagram style (规划结构图) of a layout, beside the standard one: what each element
is drawn as, in the conventions of planning structure diagrams. No Qt.

- groups (a group, zone or platform of districts or an area) are dashed outlines, no fill, each
  with its own dash so they stay apart in grey;
- the core is a red circle on its area (a core known by its places: a red star);
- wings and axes are arrows: along their path, pointing away from the core; a wing that is a set
  of districts gets its dashed outline and an arrow from the core towards it;
- belts are translucent bands, blue where they follow water (a river band, or a belt whose name
  says 江/河/运河/湾/湖, River, Canal), brown otherwise; corridors are dashed outlines;
- colours follow meaning: red is the core's only, blue is water's only (the district groups take
  greens, purples, browns and greys).
Bases keep the standard symbols, in the meaning palette.

`figure(element, shape, ...)` returns the element's DiagramFigure: its polygon (what a label sits
on), the artists and the legend handle. The figure can be turned into an outline by the overlap
rule (layout_style.outlined) like the standard style's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import shapely
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Circle, FancyArrow, Patch, PathPatch

from hzmap.model.elements.shape import ElementShape, arrow_polygon, ellipse_polygon
from hzmap.render.map.geometry import polygon_path
from hzmap.render.map.layout_style import Z_BAND, Z_GROUP, Z_SCHEMATIC, rgba

STANDARD, STRUCTURE = "standard", "structure"
STYLES = (STANDARD, STRUCTURE)
CORE_RED = "#C8102E"
WATER_BLUE = "#1F78B4"
LAND_BELT = "#A6611A"
WING = "#E66101"
AXIS = "#5E3C99"
CORRIDOR = "#1B7837"
# district groups and symbols: no red, no blue; dark and light in turn, so neighbours in a
# legend differ in lightness as well as hue
GROUPS = ["#1B7837", "#762A83", "#8C510A", "#4D4D4D", "#66A61E", "#C51B7D", "#BF812D", "#5AAE61",
          "#9970AB", "#878787"]
DASHES = [(0, (6, 3)), (0, (2, 2)), (0, (9, 3, 2, 3)), (0, (4, 4)), (0, (12, 3)), (0, (1, 2)),
          (0, (6, 2, 1, 2, 1, 2)), (0, (3, 6))]
WATER_WORDS = re.compile(r"江|河|运河|湾|湖|River|Canal|Bay|Lake", re.I)
CORE_RADIUS_M = (2_500.0, 8_000.0)
ARROW_WIDTH_M = 3_600.0
OUTLINE_WIDTH = 2.0


@dataclass
class DiagramFigure:
    shape: ElementShape        # what the element is drawn as (its polygon: where its label sits)
    patches: list
    handle: object
    colour: str
    handler: object = None     # a legend handler drawing the handle's shape (circle, arrow)
    filled: bool = True
    extra: list = field(default_factory=list)


def follows_water(element) -> bool:
    return element.geometry.type == "river_band" or bool(WATER_WORDS.search(f"{element.name} {element.name_en}"))


def colour_for(element, index_in_kind: int) -> str:
    kind = element.kind
    if kind == "core":
        return CORE_RED
    if kind == "belt":
        return WATER_BLUE if follows_water(element) else LAND_BELT
    if kind == "wing":
        return WING
    if kind == "axis":
        return AXIS
    if kind == "corridor":
        return CORRIDOR
    return GROUPS[index_in_kind % len(GROUPS)]


def core_circle(shape: ElementShape) -> ElementShape:
    """The core as a circle on its area: at the point farthest inside it, a little over half the
    radius of a circle of the same area."""
    cx, cy = shape.anchor
    r = float(np.clip(0.5 * np.sqrt(shape.polygon.area / np.pi), *CORE_RADIUS_M))
    return ElementShape("circle", ellipse_polygon(cx, cy, 2 * r, 2 * r), ellipse=(cx, cy, 2 * r, 2 * r))


def wing_arrow(shape: ElementShape, core_xy, core_r: float) -> ElementShape | None:
    """An arrow along the wing's path pointing away from the core, or from the core towards the
    wing's area."""
    if shape.line is not None and len(shape.line.coords) >= 2:
        pts = np.asarray(shape.line.coords)
        if core_xy is not None and np.hypot(*(pts[-1] - core_xy)) < np.hypot(*(pts[0] - core_xy)):
            pts = pts[::-1]
        if core_xy is not None:  # it starts where the core's circle ends
            outside = shapely.LineString(pts).difference(shapely.Point(core_xy).buffer(core_r * 1.15))
            parts = [g for g in shapely.get_parts(outside) if g.length > 0]
            if not parts:
                return None
            longest = max(parts, key=lambda g: g.length)
            pts = np.asarray(longest.coords)
            if np.hypot(*(pts[-1] - core_xy)) < np.hypot(*(pts[0] - core_xy)):
                pts = pts[::-1]
    elif core_xy is not None:
        tip = np.asarray(shape.anchor, dtype=float)
        start = np.asarray(core_xy, dtype=float)
        d = tip - start
        length = np.hypot(*d)
        if length < 3 * core_r:
            return None
        u = d / length
        pts = np.array([start + u * core_r * 1.15, tip - u * min(length * 0.15, 6_000.0)])
    else:
        return None
    line = shapely.LineString(pts)
    return ElementShape("arrow", arrow_polygon(pts, ARROW_WIDTH_M), line=line)


def figure(element, shape: ElementShape, colour: str, dash_index: int, core_xy=None, core_r: float = 0.0):
    """The element's DiagramFigure (None when the standard drawing is kept: a set of places)."""
    kind = element.kind
    dash = DASHES[dash_index % len(DASHES)]
    if kind == "core" and shape.kind in ("districts", "area", "ellipse"):
        circle = core_circle(shape)
        cx, cy, w, _ = circle.ellipse
        patch = Circle((cx, cy), w / 2, facecolor=rgba(colour, 0.28), edgecolor=colour, linewidth=2.6,
                       zorder=Z_SCHEMATIC + 0.3)
        handle = Patch(facecolor=rgba(colour, 0.28), edgecolor=colour, linewidth=2.0)
        return DiagramFigure(circle, [patch], handle, colour, HandlerPatch(patch_func=_circle_in_legend))
    if kind in ("wing", "axis"):
        arrow = wing_arrow(shape, core_xy, core_r)
        patches, outline = [], None
        if shape.kind in ("districts", "area"):
            outline = _outline(shape, colour, dash)
            patches.append(outline)
        if arrow is not None:
            patches.append(PathPatch(polygon_path(arrow.polygon), facecolor=rgba(colour, 0.75), edgecolor=colour,
                                     linewidth=1.0, zorder=Z_SCHEMATIC + 0.25, joinstyle="round"))
            handle = Patch(facecolor=rgba(colour, 0.75), edgecolor=colour, linewidth=1.0)
            return DiagramFigure(shape if outline is not None else arrow, patches, handle, colour,
                                 HandlerPatch(patch_func=_arrow_in_legend))
    if kind == "belt" and shape.kind in ("band", "corridor"):
        patch = PathPatch(polygon_path(shape.polygon), facecolor=rgba(colour, 0.35), edgecolor=colour,
                          linewidth=1.0, linestyle=(0, (5, 3)), zorder=Z_BAND)
        return DiagramFigure(shape, [patch], Patch(facecolor=rgba(colour, 0.35), edgecolor=colour,
                                                   linestyle="--"), colour)
    outline = _outline(shape, colour, dash)
    handle = Patch(facecolor="none", edgecolor=colour, linewidth=OUTLINE_WIDTH, linestyle=dash)
    return DiagramFigure(shape, [outline], handle, colour, filled=False)


def _outline(shape: ElementShape, colour: str, dash):
    return PathPatch(polygon_path(shape.polygon), facecolor="none", edgecolor=colour, linewidth=OUTLINE_WIDTH,
                     linestyle=dash, zorder=Z_GROUP + 0.6, joinstyle="round")


def _circle_in_legend(legend, orig_handle, xdescent, ydescent, width, height, fontsize):
    r = min(width, height) * 0.62
    return Circle((width / 2 - xdescent, height / 2 - ydescent), r)


def _arrow_in_legend(legend, orig_handle, xdescent, ydescent, width, height, fontsize):
    y = height / 2 - ydescent
    return FancyArrow(-xdescent, y, width * 0.95, 0, width=height * 0.4, head_width=height * 0.95,
                      head_length=width * 0.32, length_includes_head=True)


def star_handle(colour: str):
    """A core known only by its places: drawn as a red star."""
    from matplotlib.lines import Line2D

    return Line2D([], [], marker="*", linestyle="none", markersize=13, markerfacecolor=colour,
                  markeredgecolor="#222222", markeredgewidth=0.6)

