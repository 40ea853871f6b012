"""LayerState.style for user layers: a plain mapping (it goes into the project file as it is).

    mode        "single" (one colour), "category" (colour by a column's values), "size" (point
                size by a number), "choropleth" (classes of a number, district tables and areas)
                or "density" (points counted in hexagons, hzmap.model.layers.density; the
                classes, ramp and legend are the counts')
    column      the column category/size/choropleth read
    colour      "#RRGGBB", the single colour;  edge: outline colour
    size        marker diameter (points) or line width (lines), in points
    size_range  [smallest, largest] marker diameter for mode "size"
    scheme, k, breaks   choropleth classes (hzmap.model.layers.classify.SCHEMES)
    ramp        a name in RAMPS: sequential, monotone in lightness, readable in greyscale and by
                colour-blind readers (hzmap.render.map.user_layers checks and draws them)
    unit        shown in the legend title after the column's name ('亿元')
    combine     district tables: None (two rows for one district: no value, flagged), "count" (rows
                per district), "sum", "mean" or "median" of the column over its rows
    labels      the column whose text is written beside each feature, or None
    label_size  in points
    fill        areas and district tables: the fill's opacity 0-1 (0: outline only); None: the
                kind's default, which lets the layout's colours and hatches show through
    cell        density: metres across a hexagon (50-50,000); None: a round size giving about 70
                hexagons across the layer
check_style() keeps what is valid and says what it left out, so a hand-edited project cannot
break the drawing.
"""
from __future__ import annotations

import math
import re

import numpy as np

from hzmap.model.layers.classify import MAX_CLASSES, SCHEMES

MODES = ("single", "category", "size", "choropleth", "density")
RAMPS = ("YlGnBu", "viridis", "cividis", "Blues", "Greens", "OrRd", "PuRd", "Greys")
COMBINE = (None, "count", "sum", "mean", "median")
# Default colours far from every colour the layout and the base map use (CIELAB distance to the
# nearest of ELEMENT_COLOURS, TOL_LIGHT and its lightened fills: points 51, areas 42, lines 40;
# tests/test_office_style.py): charcoal dots with a white rim, violet outlines, dark orange lines.
POINT_COLOUR, AREA_COLOUR, LINE_COLOUR = "#1A1A1A", "#6600CC", "#FF8C00"
DEFAULTS = {
    "mode": "single", "column": None, "colour": POINT_COLOUR, "edge": "#333333", "size": 6.0,
    "size_range": [3.0, 18.0], "scheme": "quantiles", "k": 5, "breaks": [], "ramp": "YlGnBu",
    "unit": None, "combine": None, "labels": None, "label_size": 8.0, "fill": None, "cell": None,
}
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _number(v, lo: float, hi: float) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and lo <= v <= hi


_CHECKS = {
    "mode": lambda v: v in MODES,
    "column": lambda v: v is None or isinstance(v, str),
    "colour": lambda v: isinstance(v, str) and bool(_COLOUR.match(v)),
    "edge": lambda v: isinstance(v, str) and bool(_COLOUR.match(v)),
    "size": lambda v: _number(v, 0.5, 60),
    "size_range": lambda v: isinstance(v, (list, tuple)) and len(v) == 2 and all(_number(x, 0.5, 60) for x in v)
    and v[0] <= v[1],
    "scheme": lambda v: v in SCHEMES,
    "k": lambda v: isinstance(v, int) and not isinstance(v, bool) and 2 <= v <= MAX_CLASSES,
    "breaks": lambda v: isinstance(v, (list, tuple)) and len(v) <= MAX_CLASSES
    and all(_number(x, -1e300, 1e300) for x in v),
    "ramp": lambda v: v in RAMPS,
    "unit": lambda v: v is None or (isinstance(v, str) and len(v) <= 40),
    "combine": lambda v: v in COMBINE,
    "labels": lambda v: v is None or isinstance(v, str),
    "label_size": lambda v: _number(v, 4, 40),
    "fill": lambda v: v is None or _number(v, 0, 1),
    "cell": lambda v: v is None or _number(v, 50, 50000),
}


def check_style(style) -> tuple[dict, list[str]]:
    """(style with every key valid, problems): bad or unknown values are replaced by defaults."""
    out, problems = dict(DEFAULTS), []
    if not isinstance(style, dict):
        return out, [f"style {style!r} is not a mapping"] if style is not None else []
    for key, value in style.items():
        if key not in _CHECKS:
            problems.append(f"unknown style key {key!r} left out")
        elif _CHECKS[key](value):
            out[key] = list(value) if isinstance(value, tuple) else value
        else:
            problems.append(f"style {key}={value!r} is not valid; using {DEFAULTS[key]!r}")
    if out["mode"] not in ("single", "density") and out["column"] is None:
        problems.append(f"style mode {out['mode']!r} needs a column; drawing in one colour")
        out["mode"] = "single"
    return out, problems


# A column worth mapping names an amount; one that numbers, ranks, dates or places rows is not
# (a listing's Floor, a table's 序号 or 年份, an adcode, a coordinate).
_AMOUNT = re.compile(r"人口|人数|户数|面积|产值|总值|gdp|收入|支出|投资|金额|价|额|值|量|数|率|比重|"
                     r"price|value|amount|total|area|size|population|revenue|income|output|investment|count",
                     re.I)
_NOT_AMOUNT = re.compile(r"^(?:floor|楼层|层|层数|年份|年代|年|year|built|id|fid|objectid|编号|序号|代码|"
                         r"code|adcode|邮编|zip|电话|phone|tel|rank|排名|名次|no|index|seq|x|y|lng|lon|lat|"
                         r"经度|纬度|followers?|关注.*)$", re.I)


def column_score(name: str) -> int:
    """How likely a numeric column is what a planner maps: 2 an amount, 0 unknown, -2 not one."""
    bare = re.sub(r"[（(\[].*?[)）\]]|[·_\s]+.*$", "", str(name)).strip()
    if _NOT_AMOUNT.match(bare) or _NOT_AMOUNT.match(str(name).strip()):
        return -2
    return 2 if _AMOUNT.search(str(name)) else 0


def best_column(data) -> str | None:
    """The numeric column to map first: the first that names an amount, else the first that is
    not a row number, a floor, a year or a code."""
    def score(c):  # a column with one value everywhere shows nothing on a map
        vals = data.column_array(c) if hasattr(data, "column_array") else np.array([0.0, 1.0])
        finite = vals[np.isfinite(vals)]
        return column_score(c) - (1 if finite.size == 0 or finite.min() == finite.max() else 0)

    ranked = sorted(data.numeric, key=lambda c: -score(c))
    return ranked[0] if ranked and column_score(ranked[0]) > -2 else (data.numeric[0] if data.numeric else None)


def default_style(data) -> dict:
    """What a layer looks like when first added. A district table is a choropleth of its best
    column (a listing: rows counted per district); areas and district tables let the layout
    show through (hzmap.render.map.user_layers draws their fill light); colours are kept apart
    from the layout's own (hzmap.render.map.layout_overlay)."""
    style = dict(DEFAULTS)
    if data.kind == "districts":
        column = best_column(data)
        listing = data.join is not None and data.join.is_listing()
        if column is not None or listing:
            column = column or data.join.column
            style.update(mode="choropleth", column=column, unit=None if listing else data.units.get(column),
                         combine="count" if listing else None)
    elif data.kind == "areas":
        style.update(colour=AREA_COLOUR)
    elif data.kind == "lines":
        style.update(colour=LINE_COLOUR, size=1.5)
    else:
        style.update(edge="#FFFFFF")
        if len(data) > DENSITY_FROM:  # one mass of dots at city scale: counted in hexagons instead
            style.update(mode="density", size=3.5)
        elif len(data) > 20_000:  # smaller dots: at city scale large ones merge, and each costs pixels
            style.update(size=3.5)
        elif len(data) > 1_000:
            style.update(size=4.5)
    return style


#: Point layers with more points than this open in the density view (the dots are one choice
#: away in the style editor): a firm registry of a million points is one mass of dots at city
#: scale, and a redraw of all of them takes half a second.
DENSITY_FROM = 200_000
