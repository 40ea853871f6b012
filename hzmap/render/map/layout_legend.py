"""The layout's legend, told truthfully: it lists what the map shows in its frame and nothing
else, each row drawn as the map draws it, in one language. No Qt.

- An element is listed when its figure or one of its symbols lies in the frame (临空 is not
  listed on a map of the urban core that does not reach the airport).
- Its row shows its figure's swatch (fill and hatch as drawn, or its outline) and, when it has
  symbols in the frame, each kind of symbol it shows there (hzmap.render.map.place_symbols).
- The rows that explain the symbols' fills (位置确切, 大致位置, 仅知所在区县) are listed for the
  precisions shown in the frame.
- Texts are in the map's language only.
The user layers' sections follow (hzmap.render.map.scene).
"""
from __future__ import annotations

import numpy as np
import shapely
from matplotlib.lines import Line2D

from hzmap.model.dataset.lang import text_in
from hzmap.render.map import place_symbols as ps

GENERIC = "#666666"  # the colour the precision rows show their fills in


def in_frame(ea, view_box, hidden, show_places: bool) -> tuple[bool, set]:
    """Whether an element shows in the frame, and the precisions of its symbols there."""
    if ea.element_id in hidden:
        return False, set()
    precisions = set()
    if show_places and ea.places:
        x0, y0, x1, y1 = view_box
        xy = ea.shown_xy
        inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
        precisions = {ea.symbols[i].precision for i in np.flatnonzero(inside)}
    figure = ea.figure is not None and shapely.intersects(ea.figure.polygon, shapely.box(*view_box))
    return figure or bool(precisions), precisions


def rows(overlay, view_box) -> tuple[list, list, set]:
    """(handles, texts, precisions shown) of the layout's elements in the frame."""
    handles, texts, precisions = [], [], set()
    overlay.legend_handlers = {}
    for ea in overlay.elements():
        shown, precs = in_frame(ea, view_box, overlay.hidden_elements, overlay.show_places)
        if not shown:
            continue
        precisions |= precs
        parts = [ea.legend_handle] if ea.legend_handle is not None else []
        if precs:
            sym = ps.element_handle(ea.marker, precs, ea.colour)
            parts += list(sym) if isinstance(sym, ps.SideBySide) else [sym]
        if not parts:
            continue
        handles.append(parts[0] if len(parts) == 1 else ps.SideBySide(parts))
        texts.append(ea.legend_text)
        if ea.legend_handler is not None:  # the handle drawn in its own shape (a circle, an arrow)
            overlay.legend_handlers[ea.legend_handle] = ea.legend_handler
    return handles, texts, precisions


def precision_rows(precisions: set, lang: str) -> tuple[list, list]:
    words = ps.PRECISION_TEXT["en" if lang == "en" else "zh"]
    out_h, out_t = [], []
    for prec in ps.PRECISIONS:
        if prec in precisions:
            out_h.append(ps.legend_handle("o", prec, GENERIC))
            out_t.append(words[prec])
    return out_h, out_t


def build(overlay, view_box):
    """The legend Artist for what `overlay` shows in `view_box` (x0, y0, x1, y1), or None."""
    r = overlay.r
    if overlay.layout_id is None and not overlay.extra_legend:
        return None
    handles, texts, precisions = rows(overlay, view_box) if overlay.layout_id is not None else ([], [], set())
    if overlay.show_places:
        h, t = precision_rows(precisions, r.lang)
        handles += h
        texts += t
    title = None
    if overlay.layout_id is not None:
        layout = overlay.ds.layouts[overlay.layout_id]
        title = text_in(r.lang, layout.name, layout.name_en)
    headings = []
    for section_title, entries in overlay.extra_legend:  # a heading row, then the classes
        if len(entries) == 1 and entries[0][1] == section_title:  # one colour: one row says it all
            handles.append(entries[0][0])
            texts.append(section_title)
            continue
        if title is None and not texts:
            title = section_title
        else:
            headings.append(len(texts))
            handles.append(Line2D([], [], linestyle="none"))
            texts.append(section_title)
        for handle, text in entries:
            handles.append(handle)
            texts.append(text)
    scale = overlay.symbol_scale()
    handler_map = {**ps.HANDLER_MAP, **getattr(overlay, "legend_handlers", {})}
    legend = overlay.ax.legend(handles, texts, loc="lower right", title=title, handler_map=handler_map,
                               fontsize=8.5 * scale, title_fontsize=10 * scale, framealpha=1.0,
                               fancybox=False, edgecolor="#888888", borderpad=0.8, handlelength=2.4)
    for i in headings:
        legend.get_texts()[i].set_fontweight("bold")
    legend.set_zorder(20)
    legend.hz_handles = list(handles)  # what each row was made from (the page check reads them)
    return legend


def key(overlay, view_box) -> tuple:
    """What the legend shows, to tell when it must be made again."""
    if overlay.layout_id is None:
        return (None, overlay.r.lang)
    shown = []
    for ea in overlay.elements():
        ok, precs = in_frame(ea, view_box, overlay.hidden_elements, overlay.show_places)
        if ok:
            shown.append((ea.element_id, tuple(sorted(precs))))
    return (overlay.layout_id, overlay.diagram, overlay.r.lang, tuple(shown), overlay.show_places)
