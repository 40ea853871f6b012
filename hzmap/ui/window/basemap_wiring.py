"""The main window's base map: the menu entries, the layer panel's entry opening the dialog,
and the map redrawn when a key or the base map changes (hzmap.ui.basemap does the work)."""
from __future__ import annotations


def build_basemap(window) -> None:
    from hzmap.ui.basemap.basemap_actions import BasemapActions

    actions = window.basemap_actions = BasemapActions(window.state, window.session, window,
                                                      shown_extent=window.canvas.scene.renderer.limits)
    actions.message.connect(lambda text: window.show_status(text, 10000))

    def refresh() -> None:
        window.canvas.scene.refresh_basemap()
        window.canvas.draw_idle()
        problem = window.canvas.scene.basemap_problem
        if problem:
            window.show_status(problem, 15000)

    actions.changed.connect(refresh)
    menu = window.menus["file"]
    for act in (actions.choose_action, actions.download_action):
        menu.addAction(act)
        window.addAction(act)
    menu.addSeparator()
    window.layers.panel.basemap_requested.connect(actions.choose)
    window.canvas.tile_problem.connect(lambda text: window.show_status(text, 20000))
