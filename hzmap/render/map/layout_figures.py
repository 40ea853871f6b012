"""Each element of a layout styled for the map, in the standard style (layout_style.py) or the
structure-diagram style (diagram_style.py): its colour, hatch and symbol shape, the figure its
label sits on, the patches that draw it and its legend handle. No Qt.

In both styles, figures that would overlap as fills are drawn as outlines (layout_style.outlined),
so no colour shows that the legend does not explain.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hzmap.model.elements.shape import element_figure
from hzmap.render.map import diagram_style as ds_
from hzmap.render.map.layout_style import (ELEMENT_MARKERS, HATCHES, RING_STEP, element_colour, figure_patch,
                                           outline_patch, outlined)

# in the structure diagram the core's circle and the arrows keep their fill; bands give way
DIAGRAM_TIER = {"circle": 5, "arrow": 4, "band": 1, "corridor": 0, "ellipse": 0}


@dataclass
class Styled:
    colour: str
    hatch: str
    marker: str
    figure: object = None      # the ElementShape its label sits on (None: a set of places)
    patches: list = field(default_factory=list)
    handle: object = None
    handler: object = None     # a legend handler for the handle (the diagram's circle, arrows)
    outline: bool = False


def styled(geo, layout, diagram: str = ds_.STANDARD) -> dict[str, Styled]:
    """Element id -> how it is drawn, in layout order."""
    shapes = {el.id: element_figure(geo, el) for el in layout.elements}
    if diagram == ds_.STRUCTURE:
        return _structure(geo, layout, shapes)
    return _standard(geo, layout, shapes)


def _ring_inset(geo, rings: dict, eid: str) -> float:
    x0, _, x1, _ = geo.bounds
    return rings[eid] * RING_STEP * (x1 - x0)


def _standard(geo, layout, shapes) -> dict[str, Styled]:
    filled = {eid: s for eid, s in shapes.items() if s is not None}
    rings = outlined(filled, geo.outline)
    out = {}
    for i, el in enumerate(layout.elements):
        st = Styled(element_colour(i), HATCHES[i % len(HATCHES)], ELEMENT_MARKERS[i % len(ELEMENT_MARKERS)])
        shape = shapes[el.id]
        if shape is not None:
            st.figure, st.outline = shape, el.id in rings
            if st.outline:
                st.patches, st.handle = outline_patch(shape, st.colour, _ring_inset(geo, rings, el.id), i)
            else:
                st.patches, st.handle = figure_patch(shape, el.kind, st.colour, st.hatch)
        out[el.id] = st
    return out


def _structure(geo, layout, shapes) -> dict[str, Styled]:
    core = next((el for el in layout.elements if el.kind == "core" and shapes[el.id] is not None), None)
    core_xy, core_r = None, 0.0
    if core is not None:
        circle = ds_.core_circle(shapes[core.id])
        core_xy, core_r = circle.ellipse[:2], circle.ellipse[2] / 2
    per_kind: dict[str, int] = {}
    figures, out = {}, {}
    for i, el in enumerate(layout.elements):
        family = "group" if el.kind not in ("core", "belt", "wing", "axis", "corridor") else el.kind
        n = per_kind.get(family, 0)
        per_kind[family] = n + 1
        colour = ds_.colour_for(el, n)
        marker = "*" if el.kind == "core" else ELEMENT_MARKERS[i % len(ELEMENT_MARKERS)]
        st = Styled(colour, "", marker)
        if shapes[el.id] is not None:
            fig = ds_.figure(el, shapes[el.id], colour, n, core_xy, core_r)
            figures[el.id] = fig
            st.figure, st.patches, st.handle, st.handler = fig.shape, fig.patches, fig.handle, fig.handler
            st.outline = not fig.filled
        out[el.id] = st
    filled = {eid: f.shape for eid, f in figures.items() if f.filled}
    rings = outlined(filled, geo.outline, DIAGRAM_TIER)
    for eid in rings:  # a filled figure that would overlap another: its outline
        st = out[eid]
        st.patches, st.handle = outline_patch(st.figure, st.colour, _ring_inset(geo, rings, eid))
        st.handler, st.outline = None, True
    k = 0
    for el in layout.elements:  # every outline its own dash, so they stay apart in grey
        st = out[el.id]
        if st.outline:
            dash = ds_.DASHES[k % len(ds_.DASHES)]
            k += 1
            for patch in st.patches:
                if patch.get_facecolor()[3] == 0:
                    patch.set_linestyle(dash)
            st.handle.set_linestyle(dash)
    return out
