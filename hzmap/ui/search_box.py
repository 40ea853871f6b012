"""Ctrl+F search: one box for districts, places, layouts, elements and measures.

Results list under the box as you type (Chinese, pinyin initials "bj", full pinyin, English, ids);
Enter takes the highlighted (first) row, a click takes any row. Choosing a result moves the map
and the state:
  district  -> selected, map zoomed to its bounds;
  place     -> state.place (inspector shows it), map zoomed ~15 km around its point, or to its
               district when only the district is known; if the current layout does not draw the
               place, the first layout that does is shown, so its symbol is on the map;
  layout    -> shown, whole-city view;
  element   -> its layout is shown, map zoomed to its districts and places; an element of one
               district also selects that district (its inspector lists the role);
  measure   -> the first district it names is selected and the map zoomed to all it names;
               a measure naming only places selects its first place; a city-wide measure
               (naming nowhere) resets to the whole city and shows its text in the status bar —
               every district's inspector lists it under 全市性举措.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListWidget, QListWidgetItem

from hzmap.model.dataset import search
from hzmap.model.geodata import to_map
from hzmap.ui.i18n import tr

KIND_ZH = {"district": "区县", "place": "地点", "layout": "布局", "element": "布局要素", "measure": "举措"}
NO_RESULTS = "无结果 no results"
PLACE_WIDTH_M = 15_000   # a place is shown ~15 km across
MIN_WIDTH_M = 6_000      # never zoom closer than this when fitting districts/places
MARGIN = 0.12            # share of the extent added on each side
MAX_ROWS = 12
HIT_ROLE = Qt.UserRole + 1


@dataclass
class Jump:
    """What choosing a hit does: set these on the state, then show `extent` (or `view`)."""

    layout: str | None = None        # layout to show; None keeps the current one
    selection: str | None = None
    place: str | None = None
    extent: tuple[float, float, float, float] | None = None   # x0, x1, y0, y1
    view: str | None = None          # a preset view instead of an extent
    message: str = ""                # for the status bar


def _fit(geo, districts=(), points=()) -> tuple[float, float, float, float]:
    xs, ys = [], []
    if districts:
        x0, y0, x1, y1 = geo.district_bounds(list(districts))
        xs += [x0, x1]
        ys += [y0, y1]
    for x, y in points:
        xs.append(x)
        ys.append(y)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max((x1 - x0) * (1 + 2 * MARGIN), MIN_WIDTH_M)
    h = max((y1 - y0) * (1 + 2 * MARGIN), MIN_WIDTH_M)
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


def _place_point(ds, pid):
    lonlat = ds.places[pid].location.lonlat
    return to_map(*lonlat) if lonlat else None


def _place_extent(ds, geo, pid):
    pt = _place_point(ds, pid)
    if pt is None:
        return _fit(geo, ds.places[pid].districts)
    half = PLACE_WIDTH_M / 2
    return pt[0] - half, pt[0] + half, pt[1] - half, pt[1] + half


def _where(ds, geo, districts, places):
    districts = [d for d in districts if d in geo.districts]
    points = [p for p in (_place_point(ds, pid) for pid in places) if p is not None]
    extra = [d for pid in places if _place_point(ds, pid) is None for d in ds.places[pid].districts]
    return _fit(geo, list(dict.fromkeys(districts + extra)), points)


def jump_for(ds, geo, hit, current_layout: str | None = None) -> Jump:
    """The state change and map extent for choosing a search hit (no Qt: unit-testable)."""
    if hit.kind == "district":
        return Jump(selection=hit.id, extent=_fit(geo, [hit.id]))
    if hit.kind == "place":
        shows = [lay.id for lay, el in ds.elements() if hit.id in el.places]
        layout = None if current_layout in shows or not shows else shows[0]
        return Jump(layout=layout, place=hit.id, extent=_place_extent(ds, geo, hit.id))
    if hit.kind == "layout":
        return Jump(layout=hit.id, view="city")
    if hit.kind == "element":
        lid, eid = hit.id.split("/", 1)
        el = next(e for e in ds.layouts[lid].elements if e.id == eid)
        sel = el.districts[0] if len(el.districts) == 1 else None
        if not el.districts and not el.places:
            return Jump(layout=lid, selection=sel, view="city")
        return Jump(layout=lid, selection=sel, extent=_where(ds, geo, el.districts, el.places))
    if hit.kind == "measure":
        m = ds.measures[hit.id]
        if m.districts:
            return Jump(selection=m.districts[0], extent=_where(ds, geo, m.districts, m.places))
        if m.places:
            return Jump(place=m.places[0], extent=_where(ds, geo, [], m.places))
        return Jump(view="city", message=f"{tr('全市性举措 City-wide:')} {hit.label} — {m.summary}")
    raise ValueError(f"unknown hit kind {hit.kind!r}")


class SearchBox(QLineEdit):
    """The search field with its result popup. `choose(hit)` is what a click or Enter does."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.ds = window.dataset
        self.setObjectName("searchBox")
        self.setPlaceholderText(tr("搜索 区县/地点/要素/举措 (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaximumWidth(420)
        self.popup = QListWidget(self)   # a child, so it goes with the box
        self.popup.setObjectName("searchResults")
        self.popup.setWindowFlags(Qt.ToolTip | Qt.FramelessWindowHint)
        self.popup.setAttribute(Qt.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SingleSelection)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.popup.setWordWrap(False)
        self.popup.setStyleSheet("QListWidget { border: 1px solid #888; background: white; }"
                                 "QListWidget::item { padding: 3px 6px; }"
                                 "QListWidget::item:selected { background: #dbe8f7; color: black; }")
        self.popup.itemClicked.connect(self._on_item_clicked)
        self.hits: list = []
        self.textChanged.connect(self._on_text_changed)
        self._hide_timer = QTimer(self, singleShot=True, interval=200)
        self._hide_timer.timeout.connect(self._hide_unless_focused)

    # -- results ----------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        self.popup.clear()
        self.hits = search(self.ds, text, limit=MAX_ROWS) if text.strip() else []
        if not text.strip():
            self.popup.hide()
            return
        if not self.hits:
            item = QListWidgetItem(tr(NO_RESULTS))
            item.setFlags(Qt.NoItemFlags)
            self.popup.addItem(item)
        for hit in self.hits:
            detail = hit.detail if len(hit.detail) <= 70 else hit.detail[:69] + "…"
            item = QListWidgetItem(f"［{tr(KIND_ZH.get(hit.kind, hit.kind))}］{hit.label}\n      {detail}")
            item.setToolTip(f"{hit.label}\n{hit.detail}")
            item.setData(HIT_ROLE, hit)
            self.popup.addItem(item)
        if self.hits:
            self.popup.setCurrentRow(0)
        self._show_popup()

    def _show_popup(self) -> None:
        rows = self.popup.count()
        height = sum(self.popup.sizeHintForRow(i) for i in range(min(rows, 8))) + 4
        self.popup.resize(max(self.width(), 480), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.raise_()

    def results(self) -> list[str]:
        """The rows as shown (for tests and screenshots)."""
        return [self.popup.item(i).text() for i in range(self.popup.count())]

    # -- choosing ---------------------------------------------------------------------
    def _on_item_clicked(self, item) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.choose(hit)

    def choose(self, hit) -> None:
        win = self.window_
        state, canvas = win.state, win.canvas
        jump = jump_for(self.ds, win.geo, hit, state.layout)
        if jump.layout is not None:
            state.layout = jump.layout
        if jump.place is not None:
            state.selection = None
            state.place = jump.place
        elif jump.selection is not None or hit.kind in ("district", "measure"):
            state.place = None
            state.selection = jump.selection
        if jump.view is not None:
            state.view = jump.view
        elif jump.extent is not None:
            canvas.renderer_.set_limits(*jump.extent)
            canvas.renderer_.view_name = "custom"
            state.view = "custom"
            canvas.draw_idle()
        win.statusBar().showMessage(jump.message or f"{tr(KIND_ZH.get(hit.kind, ''))}: {hit.label}", 8000)
        self.popup.hide()

    def choose_current(self) -> bool:
        item = self.popup.currentItem() if self.popup.isVisible() else None
        if item is None or item.data(HIT_ROLE) is None:
            if self.hits:
                self.choose(self.hits[0])
                return True
            return False
        self.choose(item.data(HIT_ROLE))
        return True

    # -- keys and focus -------------------------------------------------------------------
    def event(self, e) -> bool:
        # Take Esc before the window's "clear selection" shortcut sees it.
        if e.type() == QEvent.ShortcutOverride and e.key() == Qt.Key_Escape:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802 (Qt name)
        key = e.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.choose_current()
        elif key == Qt.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.popup.hide()
                self.window_.canvas.setFocus()
        elif key in (Qt.Key_Down, Qt.Key_Up) and self.popup.isVisible() and self.hits:
            step = 1 if key == Qt.Key_Down else -1
            row = max(0, min(self.popup.currentRow() + step, self.popup.count() - 1))
            self.popup.setCurrentRow(row)
        else:
            super().keyPressEvent(e)

    def focusInEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(e)
        self._hide_timer.stop()

    def focusOutEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(e)
        self._hide_timer.start()   # later, so a click on a result still lands

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def focus_search(self) -> None:
        self.setFocus(Qt.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip():
            self._show_popup()


def attach(window) -> None:
    """Add the search box to the toolbar and Ctrl+F to the window."""
    box = SearchBox(window)
    window.toolbar.addSeparator()
    window.toolbar.addWidget(QLabel(tr(" 搜索 ")))
    window.toolbar.addWidget(box)
    action = QAction(tr("搜索… Search"), window, shortcut=QKeySequence.Find)
    action.setShortcutContext(Qt.WindowShortcut)
    action.triggered.connect(box.focus_search)
    window.addAction(action)
    window.menus["view"].addAction(action)
    window.search_box = box
    window.search_action = action
