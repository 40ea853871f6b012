"""中文 / English: the UI through Qt's translator, the map through the dataset's English names."""
import re
import shutil
import subprocess
import sys

import pytest

from PySide6.QtCore import Qt

from hzmap.model.view.viewstate import Selection, ViewState
from hzmap.paths import repo_root

CJK = re.compile(r"[\u3400-\u9fff]")
sys.path.insert(0, str(repo_root() / "resources" / "i18n"))
import build_i18n  # noqa: E402


def test_every_layout_element_has_english_name_and_role(data):
    _, ds = data
    gaps = [f"{lay.id}/{el.id}" for lay, el in ds.elements()
            if not el.name_en.strip() or not el.role_en.strip() or CJK.search(el.name_en + el.role_en)
            or "\n" in el.role_en.strip()]
    assert gaps == []


def test_every_wrapped_string_has_a_translation_and_the_qm_is_current(tmp_path):
    assert build_i18n.missing() == []
    if not (shutil.which("pyside6-lrelease") or (build_i18n.Path(sys.executable).parent / "pyside6-lrelease").exists()):
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([build_i18n.lrelease(), str(build_i18n.TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == build_i18n.QM.read_bytes(), "run resources/i18n/build_i18n.py"


def test_english_map_labels_districts_elements_and_legend(data):
    from dataclasses import replace

    from matplotlib.figure import Figure

    from hzmap.render.map.scene import Scene

    geo, ds = data
    scene = Scene(Figure(figsize=(8, 6)), geo, ds)
    view = replace(ViewState(geo).view, lang="en", layout="st_core_belt_wings")
    scene.apply(view)
    r = scene.renderer
    assert r.labels["binjiang"].get_text() == "Binjiang"
    assert r.labels["chunan"].get_text() == "Chun'an County"
    labels = {ea.element_id: ea.label.get_text() for ea in r.overlay.elements() if ea.label}
    assert labels["core"] == "One core" and labels["wing_chengxi"].endswith("(schematic)")
    assert r.overlay.legend.get_title().get_text() == ds.layouts["st_core_belt_wings"].name_en
    assert not any(CJK.search(t.get_text()) for t in r.overlay.legend.get_texts())
    built = list(r.overlay.elements())
    scene.apply(replace(view, lang="zh"))       # and back, without rebuilding
    assert r.overlay.elements() == built
    assert r.labels["binjiang"].get_text() == "滨江区"
    assert r.overlay.legend.get_title().get_text() == "一核一带两翼多基地"


def test_switching_to_english_relabels_map_and_ui_at_once(window, data, qtbot):
    from hzmap.ui.common import i18n

    window.state.update(layout="dt_4415", selection=Selection.district("binjiang"))
    geo, ds = data
    assert window.menus["file"].title() == "文件(&F)"
    window.layers.panel.item_for("element", "whole_area").setCheckState(0, Qt.Unchecked)
    window.windows.tour_dock.show()
    window.language_actions["en"].trigger()
    assert window.state.lang == "en"
    # the map
    labels = window.canvas.renderer_.labels
    assert labels["binjiang"].get_text() == "Binjiang" and labels["xihu"].get_text() == "Xihu"
    # menus, docks, toolbar, layer tree, layout chooser
    assert [m.title() for m in window.menus.values()] == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    assert window.info_dock.windowTitle() == "Inspector" and window.layers.dock.windowTitle() == "Layers"
    assert window.view_actions["city"].text() == "Whole city"
    assert window.layout_combo.currentText().startswith("4+4+1+5 spatial development pattern")
    tree = window.layers.panel
    assert tree.item_for("element", "ftz_led").text(0) == "FTZ-led group (4)"
    assert tree.item_for("element", "whole_area").checkState(0) == Qt.Unchecked  # ticks survive
    assert tree.item_for("base", "water").text(0) == "Water"
    # the inspector
    panel = window.info_panel
    assert panel.title.text() == "Binjiang District"
    sections = [panel.inspector.topLevelItem(i).text(0) for i in range(panel.inspector.topLevelItemCount())]
    assert sections[0].startswith("Roles (") and not any(CJK.search(s) for s in sections)
    roles = panel.inspector.items_of_kind("role")
    assert roles and not any(CJK.search(item.text(0)) for item in roles)
    sources = panel.inspector.items_of_kind("source")
    assert sources[0].text(0).startswith("Source: ") and not CJK.search(sources[0].text(0))
    # no Chinese left in the UI strings except proper names with no other form shown
    proper = {d["name_zh"] for d in geo.districts.values()}
    assert [t for t in i18n.untranslated(window) if t not in proper] == []
    assert window.windows.tour_editor.buttons["add"].text() == "+View"
    assert window.windows.present_action.text() == "Presentation"


def test_switching_back_restores_chinese(window, qtbot):
    window.state.update(layout="dt_4415", selection=Selection.district("binjiang"))
    window.state.update(lang="en")
    window.state.update(lang="zh")
    assert window.menus["view"].title() == "视图(&V)"
    assert window.info_dock.windowTitle() == "区县信息 Inspector"
    assert window.canvas.renderer_.labels["binjiang"].get_text() == "滨江区"
    assert window.info_panel.title.text() == "滨江区"
    assert window.layers.panel.item_for("element", "ftz_led").text(0) == "自贸试验区引领区(4)"


def move_mouse(widget, point):
    """A real mouse-move event (QTest.mouseMove only moves the cursor on some platforms)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(QMouseEvent.MouseMove, QPointF(point), widget.mapToGlobal(QPointF(point)),
                        Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def test_hover_tooltip_and_status_bar_speak_english(window, data):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip

    from hzmap.model.geo.geodata import to_map

    window.state.update(layout="dt_4415", selection=Selection.district("binjiang"))
    geo, _ = data
    canvas = window.canvas
    xihu = to_map(120.10, 30.22)   # West Lake side of Xihu
    inland = {did: (p.x, p.y) for did, p in geo.district_label_points().items()}
    assert canvas.pick_at(*xihu).text.startswith("西湖区\n4+4+1+5")
    window.state.update(lang="en")
    move_mouse(canvas, QPoint(*canvas.data_to_widget(*xihu)))
    assert window.state.hover == "xihu"
    assert window.hover_label.text() == "Xihu District"
    text = QToolTip.text()
    assert text == canvas.pick_at(*xihu).text
    assert text.startswith("Xihu District\n4+4+1+5 spatial development pattern for digital trade: ")
    assert text.endswith(": Collaborative innovation group (4)") and not CJK.search(text)
    window.state.update(layout="st_core_belt_wings")
    assert canvas.pick_at(*inland["chunan"]).text == ("Chun'an County\nOne core, one belt, two wings, many bases: "
                                                      "(not in this layout)")
    window.state.update(layout=None)
    assert canvas.pick_at(*inland["binjiang"]).text == "Binjiang District"
    window.state.update(lang="zh")
    window.state.hover = None
    window.state.hover = "binjiang"
    assert window.hover_label.text() == "滨江区  Binjiang District"
    assert canvas.pick_at(*inland["binjiang"]).text == "滨江区"


def test_language_choice_is_remembered_and_applied_at_the_next_start(qtbot, data):
    from hzmap.ui.common import i18n
    from hzmap.ui.app import build_window

    geo, ds = data
    assert i18n.saved_language() == "zh"                 # nothing chosen yet
    first = build_window(geo, ds)
    qtbot.addWidget(first)
    first.language_actions["en"].trigger()
    first.close()
    i18n.install("zh")                                    # a new process starts in Chinese
    assert i18n.saved_language() == "en"
    second = build_window(geo)                            # the first frame: district map only
    qtbot.addWidget(second)
    try:
        assert second.menus["file"].title() == "&File"    # already English, from the first frame
        assert second.canvas.renderer_.labels["binjiang"].get_text() == "Binjiang"
        second.session.set_dataset(ds)                    # the dataset arrives
        assert second.state.lang == "en" and second.language_actions["en"].isChecked()
        assert second.windows.present_action.text() == "Presentation"
        second.language_actions["zh"].trigger()
        assert i18n.saved_language() == "zh"
    finally:
        second.state.update(lang="zh")
        second.close()


def proper_names(geo, ds) -> list[str]:
    """Names from the dataset that the UI may show in Chinese in either language, longest first."""
    names = {d["name_zh"] for d in geo.districts.values()}
    names |= {d.short_name for d in ds.districts.values()}
    names |= {p.name for p in ds.places.values()} | {lay.name for lay in ds.layouts.values()}
    names |= {el.name for _, el in ds.elements()}
    return sorted((n for n in names if n), key=len, reverse=True)


def chinese_ui_texts(window, names) -> list[tuple[str, str]]:
    """(where, text) for every UI string on the main window that still has Chinese once the
    dataset's proper names are taken out: actions and their tooltips, menus (and their actions),
    toolbars (and their actions), labels, buttons, placeholders, group titles, the filters' "all"."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QToolBar

    found = [("window title", window.windowTitle())]
    for action in window.findChildren(QAction):
        if not action.objectName().startswith("lang_"):   # "中文" is the name of the language itself
            found += [("action", action.text()), ("action tooltip", action.toolTip())]
    for menu in window.findChildren(QMenu):
        found.append(("menu", menu.title()))
        found += [(f"{menu.title()} item", a.text()) for a in menu.actions()
                  if not a.objectName().startswith("lang_")]
    for bar in window.findChildren(QToolBar):
        found.append(("toolbar", bar.windowTitle()))
        found += [(f"{bar.windowTitle()} action", a.text()) for a in bar.actions()]
    for label in window.findChildren(QLabel):
        if not label.objectName().startswith("caption"):
            found.append(("label", label.text()))
    for button in window.findChildren(QAbstractButton):
        found += [("button", button.text()), ("button tooltip", button.toolTip())]
    found += [("placeholder", e.placeholderText()) for e in window.findChildren(QLineEdit)]
    found += [("group", g.title()) for g in window.findChildren(QGroupBox)]
    found += [("filter choice", c.itemText(0)) for c in window.findChildren(QComboBox)
              if c.objectName().startswith("filter_")]
    left = []
    for where, text in found:
        rest = text
        for name in names:
            rest = rest.replace(name, "")
        if CJK.search(rest):
            left.append((where, text))
    return sorted(set(left))


def test_every_ui_string_of_the_main_window_is_english_after_the_switch(window, data, qtbot, tmp_path):
    from hzmap.model.session import annotations as model
    from hzmap.model.geo.geodata import to_map
    from hzmap.model.view.viewstate import Filters

    window.state.update(layout="dt_4415", selection=Selection.district("binjiang"))
    geo, ds = data
    names = proper_names(geo, ds)
    # some texts are built from data at run time, not looked up in the catalogue
    window.session.annotations.add(model.make("marker", [to_map(120.2, 30.25)], "", "#C0392B"))
    assert window.annotation_tools.undo_action.text() == "撤销 Undo add marker"
    assert window.project_actions.save_to(tmp_path / "meeting.hzmap")
    plan = next(iter(ds.plans))
    window.state.update(filters=Filters(plan=plan))
    assert window.layers.filter_bar.summary.text().startswith("匹配 ")
    window.windows.tour_dock.show()
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.annotation_tools.undo_action.text() == "Undo add marker", timeout=2000)
    assert chinese_ui_texts(window, names) == []
    # the parts users reported, by name
    tools = window.annotation_tools
    assert [a.text() for a in tools.toolbar.actions() if a.text()] == [
        "Select/move", "Text", "Callout", "Marker", "Line", "Delete", "Undo add marker", "Redo"]
    assert tools.colour_button.text() == "Colour"
    assert [a.text() for a in tools.colour_button.menu().actions()] == ["Red", "Blue", "Green", "Purple", "Black"]
    assert window.menus["edit"].title() == "&Edit"
    assert [m.title() for m in window.menus.values()] == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    file_items = [a.text() for a in window.menus["file"].actions() if a.text()]
    assert file_items[:5] == ["New", "Open…", "Recent", "Save", "Save As…"] and "Export…" in file_items
    assert window.windowTitle() == "hzmap — Hangzhou policy spatial layouts — meeting.hzmap[*]"
    assert window.search_box.placeholderText() == "Search districts, places, elements, measures (Ctrl+F)"
    assert window.layers.filter_bar.title() == "Filters"
    summary = window.layers.filter_bar.summary.text()
    assert summary.startswith("Matches ") and not CJK.search(summary)
    # rows and messages made while English is on
    box = window.search_box
    box.setText("zzqqxx")
    assert box.results() == ["no results"]
    box.setText("滨江")
    assert box.results()[0].startswith("［District］")
    window.project_actions.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.project_actions.recent_menu.actions()][0].startswith("&1 meeting.hzmap")
    # and back: the texts built from data follow too
    window.state.update(lang="zh")
    qtbot.waitUntil(lambda: tools.undo_action.text() == "撤销 Undo add marker", timeout=2000)
    assert window.layers.filter_bar.summary.text().startswith("匹配 ")
    assert window.windowTitle() == "hzmap — 杭州政策空间布局图 — meeting.hzmap[*]"
    box.setText("zzqqxx")
    assert box.results() == ["无结果 no results"]


def test_a_window_started_with_english_saved_shows_its_toolbars_and_menus_in_english(qtbot, data):
    from hzmap.ui.common import i18n
    from hzmap.ui.app import build_window

    geo, ds = data
    i18n.settings().setValue(i18n.SETTINGS_KEY, "en")     # chosen in an earlier session
    win = build_window(geo, ds)                           # the features are built in English
    qtbot.addWidget(win)
    try:
        assert win.state.lang == "en"
        tools = win.annotation_tools
        assert tools.toolbar.windowTitle() == "Annotations"
        assert [a.text() for a in tools.toolbar.actions() if a.text()] == [
            "Select/move", "Text", "Callout", "Marker", "Line", "Delete", "Undo", "Redo"]
        assert tools.mode_actions["line"].toolTip().startswith("Line: click each vertex")
        assert tools.colour_button.text() == "Colour"
        assert win.menus["edit"].title() == "&Edit"
        assert win.windowTitle() == "hzmap — Hangzhou policy spatial layouts — Untitled[*]"
        assert win.windows.export_action.text() == "Export…"
        assert win.windows.compare_action.text() == "Compare layouts…"
        assert chinese_ui_texts(win, proper_names(geo, ds)) == []
    finally:
        win.state.update(lang="zh")
        win.close()


def test_strings_translated_through_tables_have_english():
    """Texts kept in tables and passed to tr() at run time, which build_i18n --check cannot see."""
    from hzmap.render.page.compose import PRESETS
    from hzmap.ui.map import annotation_tools
    from hzmap.ui.export import export_dialog
    from hzmap.ui.panels import filter_bar, search_box
    from hzmap.ui.window import project_actions
    from hzmap.ui.common.i18n import catalogue

    sources = [text for _, text, _ in annotation_tools.MODES]
    sources += [f"{text} / {tip}" for _, text, tip in annotation_tools.MODES]
    sources += [name for _, name in annotation_tools.COLOURS]
    sources += [text for _, text in export_dialog.FORMATS] + [label for *_, label in PRESETS.values()]
    sources += list(search_box.KIND_ZH.values()) + [search_box.NO_RESULTS, filter_bar.ANY,
                                                   project_actions.FILE_FILTER]
    english = catalogue()
    assert [s for s in sources if s not in english] == []
    assert not [s for s in sources if CJK.search(english[s])]
