"""中文 / English: the UI through Qt's translator, the map through the dataset's English names."""
import re
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402

from hzmap.model.state import AppState  # noqa: E402
from hzmap.paths import repo_root  # noqa: E402

CJK = re.compile(r"[\u3400-\u9fff]")
sys.path.insert(0, str(repo_root() / "resources" / "i18n"))
import build_i18n  # noqa: E402


@pytest.fixture(scope="module")
def data(geodata, dataset):
    from hzmap import fonts

    fonts.register_matplotlib()
    return geodata, dataset


@pytest.fixture
def window(qtbot, data):
    from hzmap.ui import i18n
    from hzmap.ui.main_window import MainWindow

    geo, ds = data
    win = MainWindow(AppState(), geo, ds)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.state.layout = "dt_4415"
    win.state.selection = "binjiang"
    yield win
    i18n.set_language(win, "zh")
    win.close()


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
    from matplotlib.figure import Figure

    from hzmap.render.layout_overlay import LayoutOverlay
    from hzmap.render.map_view import MapRenderer
    from hzmap.render.spotlight import apply_language

    geo, ds = data
    r = MapRenderer(Figure(figsize=(8, 6)), geo, lang="en")
    r.overlay = LayoutOverlay(r, ds)
    r.overlay.show("st_core_belt_wings")
    assert r.labels["binjiang"].get_text() == "Binjiang"
    assert r.labels["chunan"].get_text() == "Chun'an County"
    labels = {ea.element_id: ea.label.get_text() for ea in r.overlay.elements() if ea.label}
    assert labels["core"] == "One core" and labels["wing_chengxi"].endswith("(schematic)")
    assert r.overlay.legend.get_title().get_text() == ds.layouts["st_core_belt_wings"].name_en
    assert not any(CJK.search(t.get_text()) for t in r.overlay.legend.get_texts())
    apply_language(r, "zh")                     # and back, without rebuilding
    assert r.labels["binjiang"].get_text() == "滨江区"
    assert r.overlay.legend.get_title().get_text() == "一核一带两翼多基地"


def test_switching_to_english_relabels_map_and_ui_at_once(window, data, qtbot):
    from hzmap.ui import i18n

    geo, ds = data
    assert window.menus["file"].title() == "文件(&F)"
    window.layer_panel.item_for("element", "whole_area").setCheckState(0, Qt.Unchecked)
    window.tour_dock.show()
    window.language_actions["en"].trigger()
    assert window.language == "en"
    # the map
    labels = window.canvas.renderer_.labels
    assert labels["binjiang"].get_text() == "Binjiang" and labels["xihu"].get_text() == "Xihu"
    # menus, docks, toolbar, layer tree, layout chooser
    assert [m.title() for m in window.menus.values()][:4] == ["&File", "&View", "&Tools", "&Help"]
    assert window.info_dock.windowTitle() == "Inspector" and window.layer_dock.windowTitle() == "Layers"
    assert window.view_actions["city"].text() == "Whole city"
    assert window.layout_combo.currentText().startswith("4+4+1+5 spatial development pattern")
    tree = window.layer_panel
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
    assert window.tour_editor.buttons["add"].text() == "+View"
    assert window.present_action.text() == "Presentation"


def test_switching_back_restores_chinese(window, qtbot):
    from hzmap.ui import i18n

    i18n.set_language(window, "en")
    i18n.set_language(window, "zh")
    assert window.menus["view"].title() == "视图(&V)"
    assert window.info_dock.windowTitle() == "区县信息 Inspector"
    assert window.canvas.renderer_.labels["binjiang"].get_text() == "滨江区"
    assert window.info_panel.title.text() == "滨江区"
    assert window.layer_panel.item_for("element", "ftz_led").text(0) == "自贸试验区引领区(4)"


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

    from hzmap.model.geodata import to_map
    from hzmap.ui import i18n

    canvas = window.canvas
    assert canvas.hover_text("xihu").startswith("西湖区\n4+4+1+5")
    i18n.set_language(window, "en")
    point = QPoint(*canvas.data_to_widget(*to_map(120.10, 30.22)))   # West Lake side of Xihu
    move_mouse(canvas, point)
    assert window.state.hover == "xihu"
    assert window.hover_label.text() == "Xihu District"
    text = canvas.hover_text("xihu")
    assert text.startswith("Xihu District\n4+4+1+5 spatial development pattern for digital trade: ")
    assert text.endswith(": Collaborative innovation group (4)") and not CJK.search(text)
    window.state.layout = "st_core_belt_wings"
    assert canvas.hover_text("chunan") == ("Chun'an County\nOne core, one belt, two wings, many bases: "
                                           "(not in this layout)")
    window.state.layout = None
    assert canvas.hover_text("binjiang") == "Binjiang District"
    i18n.set_language(window, "zh")
    window.state.hover = None
    window.state.hover = "binjiang"
    assert window.hover_label.text() == "滨江区  Binjiang District"
    assert canvas.hover_text("binjiang") == "滨江区"


def test_language_choice_is_remembered_and_applied_at_the_next_start(qtbot, data):
    from hzmap.ui import i18n
    from hzmap.ui.main_window import MainWindow

    geo, ds = data
    assert i18n.saved_language() == "zh"                 # nothing chosen yet
    first = MainWindow(AppState(), geo, ds)
    qtbot.addWidget(first)
    first.language_actions["en"].trigger()
    first.close()
    i18n.install("zh")                                    # a new process starts in Chinese
    assert i18n.saved_language() == "en"
    second = MainWindow(AppState(), geo)                  # the first frame: district map only
    qtbot.addWidget(second)
    try:
        assert second.menus["file"].title() == "文件(&F)"
        second.set_dataset(ds)                            # the dataset arrives: the choice applies
        assert second.language == "en" and second.language_actions["en"].isChecked()
        assert second.menus["file"].title() == "&File"
        assert second.canvas.renderer_.labels["binjiang"].get_text() == "Binjiang"
        assert second.present_action.text() == "Presentation"
        second.language_actions["zh"].trigger()
        assert i18n.saved_language() == "zh"
    finally:
        i18n.set_language(second, "zh")
        second.close()
