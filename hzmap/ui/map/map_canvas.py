"""The interactive map: wheel zooms at the cursor, drag pans, hover and click go to the state.

The canvas draws whatever the view state holds (one Scene.apply and one redraw per change) and
turns mouse events into state changes; hit-testing is the model's (district_at, place_at,
annotation_at, and the user layers' hzmap.model.layers.lookup.feature_at), so the handlers only
pass map coordinates in. Selection and hover are blitted. Over a feature of a user layer the
tooltip lists its attributes and a click selects it; over a district, the tooltip adds the
values the district tables shown give it.
"""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QToolTip

from hzmap.model.view.hittest import place_at
from hzmap.model.layers.lookup import attribute_lines, district_values, feature_at, format_value
from hzmap.model.dataset.roles import layout_roles
from hzmap.model.view.viewstate import Selection, ViewState
from hzmap.ui.common.blit_canvas import BlitCanvas
from hzmap.ui.common.follow import follow

CLICK_TOLERANCE_PX = 4  # logical pixels, like the other distances the hand makes
PLACE_PICK_PX = 9  # how close to a base symbol a click must land to pick it
FEATURE_PICK_PX = 6  # and to a point or line of a user layer
WHEEL_STEP = 1.25
#: Fields whose change needs only the blitted outlines redrawn, not the map.
BLIT_ONLY = frozenset({"selection"})


class MapCanvas(BlitCanvas):
    """The map of `state` (by default the session's; compare gives each of its maps its own),
    drawn with the session's dataset and user layers."""

    def __init__(self, session, state: ViewState | None = None, parent=None) -> None:
        super().__init__(session, parent=parent)
        self.state = state if state is not None else session.state
        self._press = None  # (x_px, y_px) while the left button is down
        self._dragging = False
        self._hover_feature: tuple | None = None  # (layer id, row) under the pointer
        self._prebuild: list[str] = []  # layouts to build in idle time
        self._frozen = False  # gc.freeze() done for this dataset
        #: An editing tool (the annotation tools) sees mouse events first: its on_press/
        #: on_motion/on_release(event) return True when they consumed the event.
        self.tool = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("scroll_event", self._on_scroll)
        self.mpl_connect("figure_leave_event", self._on_leave)
        follow(self, self.state.changed, self._on_view_changed)
        follow(self, self.state.hover_changed, self._on_hover_changed)
        self.scene.apply(self.state.view)

    @property
    def dataset(self):
        return self.session.dataset

    def _on_dataset_changed(self, dataset, _shipped=None) -> None:
        """The layout dataset arrived or a new one replaced it: the old one's artists go, and
        the layouts are built ahead in idle time."""
        if self._frozen:  # the old dataset's objects may be collected again
            import gc

            gc.unfreeze()
            self._frozen = False
        super()._on_dataset_changed(dataset)
        # (HZMAP_IDLE_PREBUILD=0: the tests' windows, whose waits stay their own)
        if os.environ.get("HZMAP_IDLE_PREBUILD", "1") != "0":
            self._prebuild = [lid for lid in dataset.layouts if lid != self.state.layout]
            QTimer.singleShot(0, self._prebuild_step)

    def _prebuild_step(self) -> None:
        """Build one more layout's artists (2-25 ms) when the window is idle, so that the first
        switch to any layout only shows what is built; then take what now lives as long as the
        window out of the cycle collector's full passes (see _freeze_long_lived)."""
        overlay = self.scene.overlay
        while self._prebuild and overlay is not None:
            if overlay.prebuild(self._prebuild.pop(0)):
                QTimer.singleShot(0, self._prebuild_step)  # one layout an idle turn
                return
        if overlay is not None and not self._frozen:
            self._freeze_long_lived()

    def _freeze_long_lived(self) -> None:
        """The geodata, the dataset and every layout's artists live as long as the window, and
        Python's cycle collector walks all of them in each full pass: 20-50 ms that would land
        on a hover or a click now and then. gc.freeze() leaves them out of the passes (objects
        made later are collected as before); a new dataset unfreezes them first."""
        import gc

        gc.unfreeze()  # what an earlier window froze and has since let go of is freed now
        gc.collect()
        gc.freeze()
        self._frozen = True

    # -- state -> map ------------------------------------------------------------------
    def _on_view_changed(self, view, fields) -> None:
        changed = self.scene.apply(view)
        if not changed:
            return
        if changed <= BLIT_ONLY:
            self.blit_overlays()
        else:
            self.draw_idle()

    def _on_hover_changed(self, did) -> None:
        self.scene.renderer.set_hover(did)
        self.blit_overlays()

    # -- mouse -------------------------------------------------------------------------
    def _on_leave(self, _event) -> None:
        self.state.hover = None

    def _on_motion(self, event) -> None:
        if self.tool is not None and self.tool.on_motion(event):
            return
        if self._press is not None and event.x is not None:
            x_px, y_px = self._press
            if self._dragging or abs(event.x - x_px) + abs(event.y - y_px) > self.px(CLICK_TOLERANCE_PX):
                self._dragging = True
                self._pan_to(event)
                return
        if event.inaxes is None:
            self.state.hover = None
            return
        before = self.state.hover
        place = self.place_at(event.xdata, event.ydata)
        did = self.geo.district_at(event.xdata, event.ydata)
        self.state.hover = did
        feature = self.feature_at(event.xdata, event.ydata) if place is None else None
        key = (feature.layer_id, feature.row) if feature is not None else None
        if place is not None:
            self._tooltip(event, self.dataset.places[place].name)
        elif feature is not None:
            if key != self._hover_feature:
                self._tooltip(event, "\n".join([f"{feature.layer_name}", *attribute_lines(feature.attributes)]))
        elif did != before or did is None or self._hover_feature is not None:
            self._tooltip(event, self.hover_text(did) if did else "")
        self._hover_feature = key

    def feature_at(self, x, y):
        """The user-layer feature under map point (x, y), within a few pixels (or None)."""
        if x is None or not self.state.view.user_layers():
            return None
        return feature_at(self.state.view, self.scene.layer_data, x, y,
                          FEATURE_PICK_PX * self.scene.renderer.metres_per_px())

    def hover_text(self, did: str) -> str:
        """The district's name and its role(s) in the layout shown, in the map's language, and
        its values in the district tables shown."""
        extra = self._layer_lines(did) if self.state.view.user_layers() else []
        if extra:
            return "\n".join([self._layout_text(did), *extra])
        return self._layout_text(did)

    def _layout_text(self, did: str) -> str:
        view = self.state.view
        en = view.lang == "en"
        name = self.geo.districts[did]["name_en" if en else "name_zh"]
        if self.dataset is None or view.layout is None:
            return name
        layout = self.dataset.layouts[view.layout]
        roles = [(r.element.name_en or r.element.name) if en else r.element.name
                 for r in layout_roles(self.dataset, view.layout, did)]
        if en:
            return f"{name}\n{layout.name_en or layout.name}: {', '.join(roles) if roles else '(not in this layout)'}"
        return f"{name}\n{layout.name}: {'、'.join(roles) if roles else '（本布局未涉及）'}"

    def _layer_lines(self, did: str) -> list[str]:
        """'layer · column: value' for the district tables shown (their first, styled column)."""
        lines = []
        for lv in district_values(self.state.view, self.scene.layer_data, did):
            if lv.kind == "districts" and lv.rows:
                row = lv.rows[0]
                flag = f" ({row.flag})" if row.flag else ""
                lines.append(f"{lv.layer_name} · {row.label}: {format_value(row.value)}{flag}")
        return lines

    def _tooltip(self, event, text: str) -> None:
        if not text:
            QToolTip.hideText()
            return
        QToolTip.showText(self.global_point(event), text, self)

    def place_at(self, x, y) -> str | None:
        """The base symbol under map point (x, y), within a few pixels."""
        overlay = self.scene.overlay
        if overlay is None or x is None:
            return None
        return place_at(overlay.symbols(), x, y, self.px(PLACE_PICK_PX) * self.scene.renderer.metres_per_px())

    def _on_press(self, event) -> None:
        if self.tool is not None and self.tool.on_press(event):
            return
        if event.button == 1 and event.inaxes is not None:
            self._press = (event.x, event.y)
            self._dragging = False

    def _on_release(self, event) -> None:
        if self.tool is not None and self.tool.on_release(event):
            return
        if event.button != 1 or self._press is None:
            return
        dragged, self._press = self._dragging, None
        self._dragging = False
        if dragged:
            return
        if event.inaxes is None:
            self.state.clear_selection()
            return
        place = self.place_at(event.xdata, event.ydata)
        feature = self.feature_at(event.xdata, event.ydata) if place is None else None
        if place is not None:
            self.state.select_place(place)
        elif feature is not None:
            self.state.update(selection=Selection.feature(feature.layer_id, feature.row))
        else:
            self.state.select_district(self.geo.district_at(event.xdata, event.ydata))

    def _pan_to(self, event) -> None:
        ax = self.scene.ax
        x_px, y_px = self._press
        inv = ax.transData.inverted()
        (x0, y0), (x1, y1) = inv.transform([(x_px, y_px), (event.x, event.y)])
        self._press = (event.x, event.y)
        self.state.pan_by(x0 - x1, y0 - y1, current=self.scene.renderer.limits())

    def _on_scroll(self, event) -> None:
        if event.inaxes is None:
            return
        self.state.zoom_at(event.xdata, event.ydata, WHEEL_STEP ** event.step,
                           current=self.scene.renderer.limits())
