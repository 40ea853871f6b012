"""Select and move annotations (the annotation tools' select mode).

A press on an annotation selects it (the model's hit-test, hzmap.model.view.hittest.annotation_at)
and a drag moves it, or only a callout's tip or a line's vertex when the press is on one; a
double-click edits its text. While it moves, the annotation is lifted off the map: one full draw
caches the map without it, and each mouse move only blits its artists over that cache. The
annotation set changes once, when the button is released (one undo step).
"""
from __future__ import annotations

import math

from hzmap.model.view.hittest import annotation_at

GRAB_PX = 8  # how close to a callout tip or line vertex a press must be to drag just that point
CLICK_PX = 4


class AnnotationDrag:
    """The select mode of `tools` (hzmap.ui.map.annotation_tools.AnnotationTools): press, motion
    and release return True when they consumed the event."""

    def __init__(self, tools) -> None:
        self.tools = tools
        self._drag = None  # [id, index or None, start x, start y, start px x, px y, moved]

    @property
    def active(self) -> bool:
        return self._drag is not None

    @property
    def canvas(self):
        return self.tools.canvas

    def press(self, event) -> bool:
        tools = self.tools
        if event.button != 1 or event.inaxes is None:
            return False
        aid = self.annotation_at(event)
        if aid is None:
            if tools.layer.selected is not None:
                tools.select(None)
            return False  # the canvas pans or picks a district
        tools.select(aid)
        if event.dblclick:
            self._drag = None
            tools.edit_text(aid)
            return True
        self._drag = [aid, self._grabbed_point(aid, event), event.xdata, event.ydata, event.x, event.y, False]
        return True

    def annotation_at(self, event) -> str | None:
        """The annotation under a mouse event (the model's hit-test, in map metres)."""
        if event.xdata is None:
            return None
        r = self.canvas.scene.renderer
        metres_per_pt = r.metres_per_px() * self.canvas.figure.dpi / 72
        return annotation_at(self.tools.annotations, event.xdata, event.ydata, metres_per_pt)

    def _grabbed_point(self, aid: str, event) -> int | None:
        """A callout's tip or a line's vertex when the press is on it, else None (whole move)."""
        a = self.tools.annotations[aid]
        if a.kind not in ("callout", "line"):
            return None
        to_px = self.canvas.scene.ax.transData
        candidates = [1] if a.kind == "callout" else range(len(a.points))
        for i in candidates:
            px, py = to_px.transform(a.points[i])
            if math.hypot(px - event.x, py - event.y) <= self.canvas.px(GRAB_PX):
                return i
        return None

    def motion(self, event) -> bool:
        if self._drag is None:
            return False
        annotations = self.tools.annotations
        aid, index, x0, y0, px0, py0, moved = self._drag
        if event.xdata is None or aid not in annotations:
            return True
        if not moved and math.hypot(event.x - px0, event.y - py0) <= self.canvas.px(CLICK_PX):
            return True
        if not moved:
            self._drag[6] = True
            self._start_animation(aid)
        self.tools.layer.show(annotations[aid].moved(event.xdata - x0, event.ydata - y0, index))
        self.canvas.blit_overlays()
        return True

    def release(self, event) -> bool:
        if self._drag is None:
            return False
        annotations, layer = self.tools.annotations, self.tools.layer
        aid, index, x0, y0, _, _, moved = self._drag
        self._drag = None
        if moved:
            self._end_animation(aid)  # back into the map: the next full draw includes it
        if aid not in annotations:
            self.canvas.draw_idle()
            return True
        if moved and event.xdata is not None:
            annotations.move(aid, event.xdata - x0, event.ydata - y0, index)  # redraws once
        else:
            layer.show(annotations[aid])  # back where it was
            self.canvas.draw_idle()
        return True

    def cancel(self) -> None:
        """Esc while dragging: the annotation goes back where it was."""
        if self._drag is None:
            return
        aid = self._drag[0]
        self._drag = None
        self._end_animation(aid)
        if aid in self.tools.annotations:
            self.tools.layer.show(self.tools.annotations[aid])
        self.canvas.draw_idle()

    def _start_animation(self, aid: str) -> None:
        """Lift the dragged annotation off the map: one full draw caches the map without it,
        then each mouse move only blits its artists over that cache."""
        arts = self.tools.layer.artists.get(aid, [])
        for art in arts:
            art.set_animated(True)
        self.canvas.transient[:] = arts
        self.canvas.draw()

    def _end_animation(self, aid: str) -> None:
        for art in self.canvas.transient:
            art.set_animated(False)
        for art in self.tools.layer.artists.get(aid, []):
            art.set_animated(False)
        self.canvas.transient.clear()
