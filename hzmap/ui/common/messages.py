"""Message boxes whose buttons stay on the screen, however long the message.

QMessageBox grows with its text: a list of 300 problems made a modal taller than a 1080-pixel
screen, with its OK button below the bottom edge and nothing to scroll. Every message box of the
app is made here (or passed through `fit_to_screen`): a text taller than about half the screen
goes into a scroll area, so the box fits the screen it opens on and its buttons show.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QScrollArea, QWidget

#: the share of the screen's height a message's text may take before it scrolls
TEXT_SHARE = 0.55


def _screen_height(box: QWidget) -> int:
    parent = box.parentWidget()
    screen = (parent.screen() if parent is not None else None) or box.screen() \
        or QApplication.primaryScreen()
    return screen.availableGeometry().height() if screen is not None else 1080


def fit_to_screen(box: QMessageBox) -> QMessageBox:
    """Put the box's text in a scroll area when it is taller than TEXT_SHARE of the screen.
    The text stays selectable and the box keeps its icon, buttons and roles."""
    label = box.findChild(QLabel, "qt_msgbox_label")   # QMessageBox's own name for its text
    grid = box.layout()
    if label is None or grid is None or isinstance(label.parentWidget(), QWidget) and \
            label.parentWidget().objectName() == "messageScroll":
        return box
    limit = int(_screen_height(box) * TEXT_SHARE)
    label.setWordWrap(True)
    if label.sizeHint().height() <= limit:
        return box
    index = grid.indexOf(label)
    if index < 0:
        return box
    row, col, rows, cols = grid.getItemPosition(index)
    grid.removeWidget(label)
    scroll = QScrollArea(box)
    scroll.setObjectName("messageScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    scroll.setWidget(label)
    width = min(label.sizeHint().width(), 900) + scroll.verticalScrollBar().sizeHint().width() + 8
    scroll.setMinimumWidth(width)
    scroll.setFixedHeight(limit)
    grid.addWidget(scroll, row, col, rows, cols)
    return box


def message_box(icon, title: str, text: str, buttons=QMessageBox.StandardButton.NoButton,
                parent=None) -> QMessageBox:
    """QMessageBox(icon, title, text, buttons, parent), fitted to the screen (see the module's
    text); add buttons as usual."""
    box = QMessageBox(icon, title, text, buttons, parent)
    return fit_to_screen(box)


def _run(icon, parent, title: str, text: str, buttons, default=None):
    box = message_box(icon, title, text, buttons, parent)
    if default is not None:
        box.setDefaultButton(default)
    box.exec()
    return box.standardButton(box.clickedButton()) if box.clickedButton() else QMessageBox.NoButton


def warning(parent, title: str, text: str):
    """QMessageBox.warning, fitted to the screen."""
    return _run(QMessageBox.Warning, parent, title, text, QMessageBox.Ok)


def critical(parent, title: str, text: str):
    """QMessageBox.critical, fitted to the screen."""
    return _run(QMessageBox.Critical, parent, title, text, QMessageBox.Ok)


def question(parent, title: str, text: str, buttons=QMessageBox.Yes | QMessageBox.No,
             default=None):
    """QMessageBox.question, fitted to the screen: the button clicked."""
    return _run(QMessageBox.Question, parent, title, text, buttons, default)
