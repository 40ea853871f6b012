"""The main window's layers: the layer dock (the base map and the layout's elements, the filters,
the user's own layers) and File › 添加图层 Add layer, for files chosen, dropped or named on the
command line. The widgets take the session and follow it; this puts them in the dock and wires
the requests of the list (add, re-link) to the actions that ask the user.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from hzmap.ui.layers.layer_actions import LayerActions
from hzmap.ui.layers.user_layer_list import UserLayerList
from hzmap.ui.panels.filter_bar import FilterBar
from hzmap.ui.panels.layer_panel import LayerPanel


class LayersController:
    """Owned by the main window (`window.layers`)."""

    def __init__(self, window) -> None:
        self.window = window
        session = window.session
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(4, 0, 4, 4)
        self.panel = LayerPanel(session)
        self.filter_bar = FilterBar(session)
        self.splitter = QSplitter(Qt.Vertical)  # the base map and layout above, the user's layers below
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.panel)
        box.addWidget(self.splitter, 1)
        box.addWidget(self.filter_bar)
        self.dock = window.make_dock("图层 Layers", "layerDock", left, Qt.LeftDockWidgetArea)
        QTimer.singleShot(0, lambda: window.resizeDocks([self.dock, window.info_dock], [260, 400], Qt.Horizontal))

        self.actions = LayerActions(session, window)
        self.actions.message.connect(lambda text: window.show_status(text, 15000))
        window.menus["file"].addAction(self.actions.add_action)
        window.addAction(self.actions.add_action)
        window.menus["file"].addSeparator()
        self.user_list = UserLayerList(session)
        self.user_list.setObjectName("userLayerPanel")
        self.user_list.add_requested.connect(self.actions.choose)
        self.user_list.relink_requested.connect(self.actions.relink)
        self.user_list.message.connect(self.actions.show_error)
        self.actions.added.connect(self.user_list.select)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.user_list)
        self.splitter.addWidget(scroll)
        # the base map and layout tree first; the user's layers take room once there are some
        self.splitter.setSizes([520, 140])
        self.actions.added.connect(self._make_room_for_user_layers)

    def add(self, path) -> bool:
        """Add a data file as a layer: the Add layer dialog opens on it."""
        return self.actions.add(path)

    def _make_room_for_user_layers(self, *_args) -> None:
        top, bottom = self.splitter.sizes()
        if bottom < 300:
            self.splitter.setSizes([max(200, top + bottom - 420), 420])
