"""Named map extents: the whole city and the urban core."""
from __future__ import annotations

URBAN_CORE = ("shangcheng", "gongshu", "xihu", "binjiang")
MARGIN = {"city": 0.03, "urban": 0.06}


def view_extent(geo, name: str) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) in map metres for the view 'city' or 'urban'."""
    if name == "urban":
        x0, y0, x1, y1 = geo.district_bounds(URBAN_CORE)
    elif name == "city":
        x0, y0, x1, y1 = geo.bounds
    else:
        raise ValueError(f"unknown view {name!r}")
    m = MARGIN[name] * max(x1 - x0, y1 - y0)
    return x0 - m, y0 - m, x1 + m, y1 + m
