"""The imported document beside its draft: every excerpt the draft quotes is highlighted, and
`show_passage` scrolls to one record's passage and marks it.

A QTextBrowser over the document's own text (offsets are those of Draft.document.text, so a
passage is a character range). It shows a document that is not in the dataset yet, so the
dataset's document reader (hzmap/ui/panels/document_reader.py, for shipped plans) does not fit it as
it stands; the review talks to this widget only through `set_document`, `show_passage` and
`passage_clicked`, so another reader can take its place.
"""
from __future__ import annotations

import bisect

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

EXCERPT = "#fff1a8"
CURRENT = "#ffb35c"


class DraftText(QTextBrowser):
    """`passage_clicked(start)`: the user clicked inside a highlighted excerpt starting there."""

    passage_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("draftText")
        self.setOpenLinks(False)
        self.spans: list[tuple[int, int]] = []
        self.current: tuple[int, int] | None = None
        self._wide: list[int] = []   # offsets of characters Qt counts twice (outside the BMP)
        self.cursorPositionChanged.connect(self._on_cursor)

    def set_document(self, text: str, spans) -> None:
        """Show `text` with each (start, end) of `spans` highlighted."""
        self.setPlainText(text)
        self._wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.spans = sorted({(int(a), int(b)) for a, b in spans if b > a})
        self.current = None
        self._paint()

    def show_passage(self, start: int, end: int) -> None:
        """Mark the passage as the current one and scroll it into the middle of the view."""
        self.current = (start, end)
        self._paint()
        cursor = QTextCursor(self.document())
        self.blockSignals(True)   # moving the cursor here is not the user clicking a passage
        cursor.setPosition(self._qt(end))
        self.setTextCursor(cursor)   # the end first, so the whole passage comes into view
        self.ensureCursorVisible()
        cursor.setPosition(self._qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.blockSignals(False)

    def selected_passage(self) -> str:
        """The text of the current passage (tests and copying)."""
        if self.current is None:
            return ""
        a, b = self.current
        return self.toPlainText()[self._qt(a):self._qt(b)]

    def _qt(self, offset: int) -> int:
        """A Python string offset as a Qt (UTF-16) position."""
        return offset + bisect.bisect_left(self._wide, offset)

    def _paint(self) -> None:
        selections = []
        for a, b in self.spans:
            selections.append(self._selection(a, b, EXCERPT))
        if self.current is not None:
            selections.append(self._selection(*self.current, CURRENT))
        self.setExtraSelections(selections)

    def _selection(self, a: int, b: int, colour: str):
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._qt(a))
        cursor.setPosition(self._qt(b), QTextCursor.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _on_cursor(self) -> None:
        pos = self.textCursor().position()
        pos -= bisect.bisect_left(self._wide, pos)   # back to a Python offset (close enough)
        hits = [a for a, b in self.spans if a <= pos < b]
        if hits and not self.textCursor().hasSelection():
            self.passage_clicked.emit(max(hits))
