"""Which screen the presentation goes to, and the "放映于 Present on" menu that chooses it.

Presentation software puts the slides on the screen the laptop is not on (the projector) and
keeps the presenter view on the laptop; hzmap does the same by default. The user can pick a
screen instead; the choice is remembered by the screen's name, so the projector in the meeting
room is found again next time, and a screen that is not there falls back to the default.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import settings

SETTINGS_KEY = "present/screen"
AUTO = ""  # no screen named: a screen the main window is not on


def remembered_screen() -> str:
    value = settings().value(SETTINGS_KEY, AUTO)
    return value if isinstance(value, str) else AUTO


def remember_screen(name: str) -> None:
    settings().setValue(SETTINGS_KEY, name)


def screen_key(index: int, screen) -> str:
    """What the choice is remembered by: the screen's name (its connector, e.g. HDMI-1), or
    its place in the list for a screen without one."""
    return screen.name() or f"#{index + 1}"


def presentation_screen(screens, main_screen, wanted: str = AUTO):
    """The screen to present on, or None with a single screen (present as before, over the
    main window). `wanted` is a screen name chosen in the menu; when that screen is not
    connected, or nothing was chosen, the first screen the main window is not on."""
    screens = list(screens)
    if len(screens) < 2:
        return None
    for i, screen in enumerate(screens):
        if wanted and screen_key(i, screen) == wanted:
            return screen
    others = [s for s in screens if s is not main_screen]
    return others[0] if others else screens[0]


def screen_label(index: int, screen) -> str:
    size = screen.geometry().size()
    name = f" {screen.name()}" if screen.name() else ""
    return f"{tr('屏幕 Screen')} {index + 1}:{name} ({size.width()}×{size.height()})"


class PresentOnMenu(QMenu):
    """放映于 Present on: automatic, or one of the screens connected now (rebuilt on opening,
    since screens come and go). Emits `chosen(name)`; AUTO for automatic."""

    chosen = Signal(str)

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("presentOnMenu")
        self.texts = Texts(state, self, then=self.rebuild)
        self.texts.tr(self.setTitle, "放映于 Present on")
        self._group: QActionGroup | None = None
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()  # deletes the actions the menu owns
        if self._group is not None:
            self._group.deleteLater()
        wanted = remembered_screen()
        screens = QGuiApplication.screens()
        names = [screen_key(i, s) for i, s in enumerate(screens)]
        group = self._group = QActionGroup(self)
        auto = QAction(tr("自动：主窗口以外的屏幕 Automatic: a screen the main window is not on"), self,
                       checkable=True)
        auto.setChecked(not wanted or wanted not in names)
        auto.triggered.connect(lambda _c=False: self._choose(AUTO))
        group.addAction(auto)
        self.addAction(auto)
        self.addSeparator()
        for i, screen in enumerate(screens):
            act = QAction(screen_label(i, screen), self, checkable=True)
            act.setObjectName(f"presentOn_{i}")
            act.setChecked(bool(wanted) and names[i] == wanted)
            act.triggered.connect(lambda _c=False, name=names[i]: self._choose(name))
            group.addAction(act)
            self.addAction(act)

    def _choose(self, name: str) -> None:
        remember_screen(name)
        self.chosen.emit(name)


def show_on(window, screen, full_screen: bool = True) -> None:
    """Show a top-level window on `screen`: full screen (the room), or maximised (the presenter
    view). Placed before it is shown, so the window manager puts it there."""
    area = screen.geometry() if full_screen else screen.availableGeometry()
    window.setScreen(screen)
    window.setGeometry(area)
    if full_screen:
        window.showFullScreen()
    else:
        window.showMaximized()
