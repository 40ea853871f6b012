"""The status bar's hover line: what is under the pointer, as one line of text.

A QLabel asks its window for a new layout at every setText (QWidget.updateGeometry), and a
window's layout pass can give a dock a few pixels more or less, which resizes the map and makes
a hover draw the whole map again. This line only repaints itself: its size never depends on its
text (as tall as a line with Chinese in it, as wide as the status bar gives it), so a hover
cannot move anything else in the window.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: A line as tall as any the hover shows: Chinese and Latin, ascenders and descenders.
SAMPLE = "杭州市 临安区 Lin'an gjpqy 0123"
MARGIN = 3


class StatusLine(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        probe = QLabel(SAMPLE)  # a label's height for such a line, in this font and style
        probe.setFont(self.font())
        self._height = probe.sizeHint().height()
        probe.deleteLater()
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFixedHeight(self._height)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name, as QLabel's)
        if text != self._text:
            self._text = text
            self.update()  # a repaint, never a new layout

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(240, self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(0, self._height)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt name)
        if not self._text:
            return
        painter = QPainter(self)
        rect = self.rect().adjusted(MARGIN, 0, -MARGIN, 0)
        text = self.fontMetrics().elidedText(self._text, Qt.ElideRight, rect.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, text)
        painter.end()
