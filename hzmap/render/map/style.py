"""Colours, line weights and type sizes of the map.

The district fills use Paul Tol's "light" qualitative scheme, designed to stay apart for
colour-blind viewers; neighbours never share a colour. Selection and hover are drawn as
outlines so they never hide the colours underneath.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Paul Tol, "light" scheme (colour-blind safe), lightened for a calm base map.
TOL_LIGHT = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"]

WATER_FILL = "#A9CFEA"
WATER_LINE = "#6FA8D6"
LAND_OUTSIDE = "#F4F3EF"
BOUNDARY = "#5B5B5B"
OUTLINE = "#2F2F2F"
TEXT = "#1E1E1E"
HALO = "#FFFFFF"
SELECT_EDGE = "#111111"
HOVER_EDGE = "#3A3A3A"


@dataclass(frozen=True)
class TypeScale:
    """Point sizes; presentation mode uses a larger scale."""

    district_label: float = 11.0
    district_label_urban: float = 12.5
    element_label: float = 9.5
    caption: float = 10.0
    title: float = 16.0


@dataclass(frozen=True)
class MapStyle:
    type: TypeScale = field(default_factory=TypeScale)
    boundary_width: float = 0.8
    outline_width: float = 1.4
    select_width: float = 2.8
    hover_width: float = 1.6
    water_line_width: float = 0.9
    fill_lightness: float = 0.45  # 0 = palette colour, 1 = white


def lighten(hex_colour: str, amount: float) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def colour_districts(adjacency: dict[str, set[str]], order: list[str]) -> dict[str, str]:
    """Greedy colouring: each district takes the first palette colour its neighbours don't use."""
    out: dict[str, str] = {}
    for did in order:
        used = {out[n] for n in adjacency.get(did, ()) if n in out}
        out[did] = next(c for c in TOL_LIGHT if c not in used)
    return out
