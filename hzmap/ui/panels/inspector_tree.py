"""A tree of cited items, the inspector's ground: each item keeps the text it copies and the
sources it cites; "copy" puts the text with its source on the clipboard, "open at source" asks for
the passage (`open_source(source)`), and an item's details are built when it is first expanded.

Lazy details: a district has hundreds of rows in all (most under the collapsed city-wide
measures), and building them up front cost ~45 ms per click.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from hzmap.ui.common.i18n import Texts

COPY_ROLE = Qt.UserRole + 1
KIND_ROLE = Qt.UserRole + 2
LAZY_ROLE = Qt.UserRole + 3
SOURCE_ROLE = Qt.UserRole + 4  # the item's source dicts, for "open at source"


class CitedTree(QTreeWidget):
    """Emits `open_source(source)` when the user asks to see an item's passage (a source dict:
    doc, section, excerpt, cite). `state`: the view state whose language the actions speak."""

    open_source = Signal(object)

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.header().setSectionResizeMode(QHeaderView.Stretch)  # wrap long passages in the dock
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.texts = Texts(state, self)
        copy = QAction(self, shortcut=QKeySequence.Copy)
        self.texts.tr(copy.setText, "复制（含出处） Copy with source")
        copy.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_current)
        self.addAction(copy)
        self.source_action = QAction(self)
        self.texts.tr(self.source_action.setText, "在原文中查看 Open at source")
        self.source_action.triggered.connect(self._open_current_source)
        self.addAction(self.source_action)
        self.currentItemChanged.connect(lambda *_: self.source_action.setEnabled(bool(self.current_sources())))
        self.itemDoubleClicked.connect(lambda item, _c: self._open_current_source())
        self._pending: dict[int, tuple] = {}
        self._building: list[QTreeWidgetItem] = []  # sections made, not yet in the tree
        self.itemExpanded.connect(self._on_expanded)

    # -- sources ---------------------------------------------------------------------------------
    def current_sources(self) -> list[dict]:
        """The sources of the current item or the nearest item above it that has some."""
        item = self.currentItem()
        while item is not None:
            sources = item.data(0, SOURCE_ROLE)
            if sources:
                return list(sources)
            item = item.parent()
        return []

    def _open_current_source(self) -> None:
        sources = self.current_sources()
        if sources:
            self.open_source.emit(sources[0])

    # -- details built on demand ------------------------------------------------------------
    def _lazy(self, item: QTreeWidgetItem, build) -> None:
        key = len(self._pending) + 1
        while key in self._pending:
            key += 1
        self._pending[key] = (item, build)
        item.setData(0, LAZY_ROLE, key)
        placeholder = QTreeWidgetItem(item, ["…"])
        placeholder.setData(0, KIND_ROLE, "placeholder")

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, LAZY_ROLE)
        entry = self._pending.pop(key, None) if key else None
        if entry is not None:
            _drop_placeholder(item)
            entry[1]()
            item.setData(0, LAZY_ROLE, 0)

    def build_all(self) -> None:
        """Build every pending detail (for copying everything, and for tests)."""
        while self._pending:
            key = next(iter(self._pending))
            item, build = self._pending.pop(key)
            _drop_placeholder(item)
            build()
            item.setData(0, LAZY_ROLE, 0)

    def clear(self) -> None:
        self._pending.clear()
        self._building = []
        super().clear()

    # -- items -------------------------------------------------------------------------------
    def _cite_copy(self, item, sources: list[dict], text: str) -> None:
        if sources:
            item.setData(0, SOURCE_ROLE, list(sources))
            item.setData(0, COPY_ROLE, (item.data(0, COPY_ROLE) or text) + "\n——出处: "
                         + "；".join(s["cite"] for s in sources))

    def _section(self, text: str, expanded: bool = True) -> QTreeWidgetItem:
        """A top-level section, built apart from the tree and added with the others by
        `_expand_defaults`: every item set up in the tree would tell the view (a district's
        few hundred setData calls cost a millisecond or more of a click)."""
        item = QTreeWidgetItem([text])
        self._building.append(item)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, KIND_ROLE, "section")
        item.setData(0, Qt.UserRole, expanded)
        return item

    def _child(self, parent, text: str, kind: str, copy: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, text)
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, COPY_ROLE, copy or text)
        return item

    def _expand_defaults(self) -> None:
        if self._building:
            self.addTopLevelItems(self._building)
            self._building = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            top.setExpanded(bool(top.data(0, Qt.UserRole)))
            for j in range(top.childCount()):
                child = top.child(j)
                child.setExpanded(child.data(0, KIND_ROLE) == "plan")

    # -- copying ----------------------------------------------------------------------------
    def copy_current(self) -> str:
        item = self.currentItem()
        if item is None:
            return ""
        text = item.data(0, COPY_ROLE) or item.text(0)
        QGuiApplication.clipboard().setText(text)
        return text

    def items_of_kind(self, kind: str) -> list[QTreeWidgetItem]:
        self.build_all()
        out = []

        def walk(item):
            if item.data(0, KIND_ROLE) == kind:
                out.append(item)
            for k in range(item.childCount()):
                walk(item.child(k))
        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out


def _drop_placeholder(item: QTreeWidgetItem) -> None:
    for k in reversed(range(item.childCount())):
        if item.child(k).data(0, KIND_ROLE) == "placeholder":
            item.takeChild(k)
