"""View › 按日期看规划 Plans as of: the plans as on today or on a day the planner picks, and
whether the layouts, roles and search results of plans not in force then are dimmed or hidden.

The day and the choice are the View's (`as_of`, `lapsed`), so the chooser, the inspector, search,
the source reader, the map and a saved project all follow them. With "hide", a layout shown that
was not in force on the day is taken off the map in the same change; a status-bar note says which
day the plans are shown as on, and how many layouts were in force then.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from hzmap.model.clock import parse_day
from hzmap.model.dataset.lifecycle import in_force_on, layouts_in_force
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import interactive

FIRST, LAST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def typed_day(text: str) -> dt.date | None:
    """The day typed into the dialog (2027-06-01, 2027/6/1, 2027年6月1日…) if it lies between
    FIRST and LAST, else None."""
    day = parse_day(text)
    return day if day is not None and FIRST <= day <= LAST else None


class AsOfController:
    def __init__(self, window) -> None:
        self.window, self.state = window, window.state
        self.texts = Texts(self.state, window, then=self._show)
        menu = self.menu = window.menus["view"].addMenu("")
        menu.setObjectName("asOfMenu")
        self.texts.tr(menu.setTitle, "按日期看规划 Plans as of")
        days, modes = QActionGroup(window), QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for key, text, group, slot in (
                ("today", "今天 Today", days, lambda: self.set_as_of(None)),
                ("pick", "指定日期… Choose a day…", days, self.choose_day),
                ("dim", "不在施行的变淡 Dim the plans not in force", modes, lambda: self.set_lapsed("dim")),
                ("hide", "不在施行的隐藏 Hide the plans not in force", modes, lambda: self.set_lapsed("hide"))):
            act = QAction(window, checkable=True)
            act.setObjectName(f"asOf_{key}")
            self.texts.tr(act.setText, text)
            act.triggered.connect(lambda _c=False, s=slot: s())
            group.addAction(act)
            if key == "dim":
                menu.addSeparator()
            menu.addAction(act)
            self.actions[key] = act
        self.note = QLabel()
        self.note.setObjectName("caption_as_of")   # data: the day and a count
        window.statusBar().addPermanentWidget(self.note)
        follow(window, self.state.changed, self._on_view_changed)
        follow(window, window.session.dataset_changed, lambda *_a: self._show())
        self._show()

    # -- changing the day ------------------------------------------------------------------------
    def set_as_of(self, day: dt.date | None, lapsed: str | None = None) -> None:
        """Show the plans as on `day` (None: today, nothing set aside): one change of the View."""
        view = self.state.view
        lapsed = lapsed or view.lapsed
        changes = {"as_of": day, "lapsed": lapsed}
        ds = self.window.session.dataset
        layout = ds.layouts.get(view.layout) if ds is not None and view.layout else None
        if day is not None and lapsed == "hide" and layout is not None \
                and not in_force_on(ds, layout.plan, day):
            changes["layout"] = None       # hidden: off the map too
            self.window.show_status(tr("{name} 当日不在施行，已隐藏").format(name=layout.name))
        self.state.update(**changes)
        self._show()

    def set_lapsed(self, lapsed: str) -> None:
        self.set_as_of(self.state.view.as_of, lapsed)

    def choose_day(self) -> None:
        day = self.ask_day(self.state.view.as_of or dt.date.today())
        if day is not None:
            self.set_as_of(day)
        self._show()   # a cancelled dialog leaves the menu as it was

    def ask_day(self, start: dt.date) -> dt.date | None:
        """The day the planner picks (None: cancelled). Tests replace this."""
        if not interactive():
            return None
        dialog = DayDialog(start, self.window)
        return dialog.day() if dialog.exec() == QDialog.Accepted else None

    # -- showing it ---------------------------------------------------------------------------------
    def _on_view_changed(self, _view, fields) -> None:
        if fields & {"as_of", "lapsed"}:
            self._show()

    def _show(self) -> None:
        view = self.state.view
        self.actions["today" if view.as_of is None else "pick"].setChecked(True)
        self.actions[view.lapsed].setChecked(True)
        for key in ("dim", "hide"):
            self.actions[key].setEnabled(view.as_of is not None)
        ds = self.window.session.dataset
        if view.as_of is None or ds is None:
            self.note.setText("")
            self.note.hide()
            return
        n = len(layouts_in_force(ds, view.as_of))
        self.note.setText(tr("规划状态截至 {day}：{n} 个布局在施行").format(day=view.as_of, n=n))
        self.note.show()


class DayDialog(QDialog):
    """A day typed as planners write one (2027-06-01, 2027/6/1, 2027年6月1日…) or picked on the
    calendar; OK only for a real day between FIRST and LAST, with the reason shown otherwise."""

    def __init__(self, start: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("按日期看规划 Plans as of"))
        self.edit = QLineEdit(start.isoformat(), objectName="asOfDate", placeholderText="2027-06-01")
        self.calendar = QCalendarWidget(objectName="asOfCalendar", gridVisible=True)
        self.calendar.setDateRange(QDate(FIRST.year, 1, 1), QDate(LAST.year, 12, 31))
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.problem = QLabel(objectName="asOfProblem", styleSheet="color: #B00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._typed)
        self.calendar.selectionChanged.connect(self._picked)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("显示这一天在施行的规划 Show the plans in force on")), self.edit)
        form.addRow(self.calendar)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.edit.selectAll()

    def day(self) -> dt.date | None:
        return typed_day(self.edit.text())

    def _picked(self) -> None:
        """A day picked on the calendar (mouse or keys) is written in the box, unless the box
        already holds that day as the planner typed it."""
        d = self.calendar.selectedDate()
        if self.day() != dt.date(d.year(), d.month(), d.day()):
            self.edit.setText(d.toString("yyyy-MM-dd"))

    def _typed(self, text: str) -> None:
        day = typed_day(text)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(day is not None)
        self.problem.setText("" if day is not None else tr(
            "{text} 不是 {first}–{last} 年间的日期（如 2027-06-01） is not a day between {first} and "
            "{last} (e.g. 2027-06-01)").format(text=text.strip() or "“”", first=FIRST.year, last=LAST.year))
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
