"""LayerState.style for user layers: a plain mapping (it goes into the project file as it is).

    mode        "single" (one colour), "category" (colour by a column's values), "size" (point
                size by a number) or "choropleth" (classes of a number, district tables and areas)
    column      the column category/size/choropleth read
    colour      "#RRGGBB", the single colour;  edge: outline colour
    size        marker diameter (points) or line width (lines), in points
    size_range  [smallest, largest] marker diameter for mode "size"
    scheme, k, breaks   choropleth classes (hzmap.model.layers.classify.SCHEMES)
    ramp        a name in RAMPS: sequential, monotone in lightness, readable in greyscale and by
                colour-blind readers (hzmap.render.map.user_layers checks and draws them)
    unit        shown in the legend title after the column's name ('亿元')
    combine     district tables: None (two rows for one district: no value, flagged), "sum", "mean"
    labels      the column whose text is written beside each feature, or None
    label_size  in points
check_style() keeps what is valid and says what it left out, so a hand-edited project cannot
break the drawing.
"""
from __future__ import annotations

import math
import re

from hzmap.model.layers.classify import MAX_CLASSES, SCHEMES

MODES = ("single", "category", "size", "choropleth")
RAMPS = ("YlGnBu", "viridis", "cividis", "Blues", "Greens", "OrRd", "PuRd", "Greys")
COMBINE = (None, "sum", "mean")
DEFAULTS = {
    "mode": "single", "column": None, "colour": "#C2185B", "edge": "#333333", "size": 6.0,
    "size_range": [3.0, 18.0], "scheme": "quantiles", "k": 5, "breaks": [], "ramp": "YlGnBu",
    "unit": None, "combine": None, "labels": None, "label_size": 8.0,
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
    if out["mode"] != "single" and out["column"] is None:
        problems.append(f"style mode {out['mode']!r} needs a column; drawing in one colour")
        out["mode"] = "single"
    return out, problems


def default_style(data) -> dict:
    """What a layer looks like when first added: a district table as a choropleth of its first
    numeric column, anything else in one colour."""
    style = dict(DEFAULTS)
    if data.kind == "districts" and data.numeric:
        column = data.numeric[0]
        style.update(mode="choropleth", column=column, unit=data.units.get(column))
    elif data.kind == "areas":
        style.update(colour="#E69F00")
    elif data.kind == "lines":
        style.update(colour="#0072B2", size=1.5)
    elif len(data) > 20_000:  # smaller dots: at city scale large ones merge, and each costs pixels
        style.update(size=3.5)
    elif len(data) > 1_000:
        style.update(size=4.5)
    return style
