"""One source document's text on screen, in the document's own character offsets.

The model counts characters (hzmap.model.documents: headings, anchors, paragraphs by offset); Qt
counts UTF-16 units, two for a character outside the BMP (rare CJK ideographs). This widget
shows a document with its headings in bold and translates between the two, so the reader
(hzmap.ui.panels.document_reader) works in offsets only: a cursor over a span, the offset under
the pointer, highlights, a passage scrolled into view.
"""
from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit


class DocumentText(QTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, readOnly=True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.viewport().setMouseTracking(True)
        self._wide: list[int] = []  # offsets of characters Qt counts twice (non-BMP)

    def show_document(self, doc) -> None:
        """The document's clean text, spaced as paragraphs, its headings in bold."""
        self._wide = [i for i, c in enumerate(doc.text) if ord(c) > 0xFFFF]
        self.setPlainText(doc.text)
        cur = QTextCursor(self.document())
        cur.select(QTextCursor.Document)
        spaced = QTextBlockFormat()
        spaced.setBottomMargin(8)
        spaced.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cur.mergeBlockFormat(spaced)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Bold)
        for h in doc.headings:
            if h.end > h.start:
                self.cursor_at(h.start, h.end).mergeCharFormat(bold)

    # -- offsets and Qt's positions -----------------------------------------------------------
    def _qpos(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset)

    def offset_of(self, qpos: int) -> int:
        """The document offset of Qt's position `qpos`."""
        i = qpos
        while i > 0 and self._qpos(i) > qpos:
            i -= 1
        return i

    def cursor_at(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting the document's characters start..end."""
        cur = QTextCursor(self.document())
        cur.setPosition(self._qpos(start))
        cur.setPosition(self._qpos(end), QTextCursor.KeepAnchor)
        return cur

    def offset_at(self, point: QPoint) -> int:
        """The document offset of the character under `point` (viewport coordinates)."""
        cur = self.cursorForPosition(point)
        pos = cur.position()
        if point.x() < self.cursorRect(cur).x() and pos > 0:
            pos -= 1   # the caret sits after the character clicked
        return self.offset_of(pos)

    # -- showing -----------------------------------------------------------------------------
    def highlight(self, spans) -> None:
        """Colour the background of each (start, end, colour) span, and nothing else."""
        extras = []
        for start, end, colour in spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_at(start, end)
            sel.format.setBackground(QColor(colour))
            extras.append(sel)
        self.setExtraSelections(extras)

    def scroll_to(self, offset: int) -> None:
        """Put the caret at `offset` and the line a third of the way down the view."""
        cur = self.cursor_at(offset, offset)
        self.setTextCursor(cur)
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)
