"""One view state: what the screen shows is what the export and the presentation show, and the
layer panel's ticks and the drawing never disagree (both bugs users met, driven as a user would).
The user's own layers are part of every picture too."""
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from hzmap.model.session import annotations as m
from hzmap.model.geo.extent import fit
from hzmap.model.geo.geodata import to_map
from hzmap.model.session.project import Project, save_project
from hzmap.model.view.viewstate import Selection


def choose_layout(win, layout_id):
    win.layout_combo.setCurrentIndex(win.layout_combo.findData(layout_id))


def test_export_after_opening_a_project_uses_the_projects_extent(window, tmp_path):
    qiantang = fit(window.geo.district_bounds(["qiantang"]), margin=0.1)
    path = tmp_path / "钱塘.hzmap"
    save_project(path, Project(view="custom", extent=tuple(qiantang), layout="dt_4415",
                               selection=Selection.district("qiantang")))
    window.state.set_preset("urban")        # the screen showed something else before
    assert window.project_actions.open(path)
    window.windows.export_action.trigger()          # File > Export
    dialog = window.windows.export_dialog
    assert dialog.spec().view.extent == pytest.approx(tuple(qiantang))
    assert dialog.spec().view.layout == "dt_4415" and dialog.spec().view.district == "qiantang"
    assert window.canvas.renderer_.requested == pytest.approx(tuple(qiantang))
    dialog.reject()


def test_a_hidden_layer_stays_hidden_and_unticked_across_layout_switches(window):
    panel = window.layers.panel
    choose_layout(window, "dt_4415")
    water = panel.item_for("base", "water")
    water.setCheckState(0, Qt.Unchecked)                       # the user unticks 水系 Water
    core = panel.item_for("element", "ftz_led")
    core.setCheckState(0, Qt.Unchecked)                        # and a layout element
    for layout in ("st_core_belt_wings", "dt_4415"):
        choose_layout(window, layout)
        water = panel.item_for("base", "water")
        assert water.checkState(0) == Qt.Unchecked
        assert not any(a.get_visible() for a in window.canvas.renderer_.layers["water"])
    core = panel.item_for("element", "ftz_led")
    assert core.checkState(0) == Qt.Unchecked
    ftz = next(ea for ea in window.canvas.overlay.elements() if ea.element_id == "ftz_led")
    assert not any(a.get_visible() for a in ftz.artists)
    assert all(t.get_text() != ftz.legend_text for t in window.canvas.overlay.legend.get_texts())
    panel.item_for("base", "water").setCheckState(0, Qt.Checked)
    assert window.canvas.renderer_.layers["water"][0].get_visible()


def test_one_user_action_is_one_change_and_one_redraw(window, qtbot, settled):
    from PySide6.QtWidgets import QApplication

    window.resize(1100, 750)  # (wider, the inspector's dock takes 8 px more when it fills)
    QApplication.processEvents()  # the docks laid out for that size
    settled(window.canvas)
    changes, draws = [], []
    window.state.changed.connect(lambda view, fields: changes.append(fields))
    window.canvas.mpl_connect("draw_event", lambda _e: draws.append(1))
    window.search_box.setText("两翼·钱塘")
    window.search_box.choose_current()  # layout, selection and extent at once
    settled(window.canvas)
    assert changes == [frozenset({"layout", "selection", "extent", "preset"})]
    assert len(draws) == 1


# -- every picture of the map reads the same state -------------------------------------------------
ACTIONS = st.one_of(
    st.tuples(st.just("layout"), st.sampled_from([None, "dt_4415", "st_core_belt_wings", "open2018_platforms"])),
    st.tuples(st.just("zoom"), st.floats(0.5, 2.0), st.floats(-0.4, 0.4), st.floats(-0.4, 0.4)),
    st.tuples(st.just("pan"), st.floats(-20_000, 20_000), st.floats(-20_000, 20_000)),
    st.tuples(st.just("preset"), st.sampled_from(["city", "urban"])),
    st.tuples(st.just("layer"), st.sampled_from(["districts", "water", "boundaries", "labels"]), st.booleans()),
    st.tuples(st.just("element"), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("places"), st.booleans()),
    st.tuples(st.just("lang"), st.sampled_from(["zh", "en"])),
    st.tuples(st.just("select"), st.sampled_from([None, "qiantang", "binjiang", "chunan"])),
    st.tuples(st.just("annotate"), st.floats(120.0, 120.4), st.floats(30.1, 30.35)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("open")),
    st.tuples(st.just("user_visible"), st.booleans()),
    st.tuples(st.just("user_opacity"), st.floats(0.0, 1.0)),
    st.tuples(st.just("user_style"), st.sampled_from(["single", "category", "size", "choropleth"])),
    st.tuples(st.just("user_move"), st.integers(-1, 1)),
)


def _do(win, action, saved):
    state = win.state
    kind, *args = action
    if kind == "layout":
        choose_layout(win, args[0])
    elif kind == "zoom":
        x0, x1, y0, y1 = win.canvas.renderer_.limits()
        state.zoom_at((x0 + x1) / 2 + args[1] * (x1 - x0), (y0 + y1) / 2 + args[2] * (y1 - y0), args[0],
                      current=win.canvas.renderer_.limits())
    elif kind == "pan":
        state.pan_by(*args, current=win.canvas.renderer_.limits())
    elif kind == "preset":
        state.set_preset(args[0])
    elif kind == "layer":
        win.layers.panel.item_for("base", args[0]).setCheckState(0, Qt.Checked if args[1] else Qt.Unchecked)
    elif kind == "element" and state.layout is not None:
        elements = win.dataset.layouts[state.layout].elements
        item = win.layers.panel.item_for("element", elements[args[0] % len(elements)].id)
        item.setCheckState(0, Qt.Checked if args[1] else Qt.Unchecked)
    elif kind == "places" and state.layout is not None:
        win.layers.panel.item_for("places", "places").setCheckState(0, Qt.Checked if args[0] else Qt.Unchecked)
    elif kind == "lang":
        win.language_actions[args[0]].trigger()
    elif kind == "select":
        state.select_district(args[0])
    elif kind == "annotate":
        win.session.annotations.add(m.make("marker", [to_map(args[0], args[1])], "点"))
    elif kind == "undo":
        win.annotation_tools.undo()
    elif kind == "open":
        win.project_actions.open(saved)
    elif kind.startswith("user_") and state.view.user_layers():
        panel = win.layers.user_list
        panel.select(state.view.user_layers()[0].id)
        if kind == "user_visible":
            panel.list.currentItem().setCheckState(Qt.Checked if args[0] else Qt.Unchecked)
        elif kind == "user_opacity":
            panel.opacity.setValue(round(100 * args[0]))
        elif kind == "user_style":
            editor = panel.style_editor
            editor.mode.setCurrentIndex(max(0, editor.mode.findData(args[0])))
        elif args[0]:
            panel.move(args[0])


def _picture(scene) -> dict:
    d = scene.describe()
    d.pop("selection")  # the room is shown the map without the explorer's selection
    return d


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(ACTIONS, min_size=1, max_size=8))
def test_screen_export_and_presentation_agree_after_any_actions(window, tmp_path, actions):
    from hzmap.render.page.compose import compose

    saved = tmp_path / "agree.hzmap"
    if not saved.exists():
        from layer_files import INSIDE, write_csv

        from hzmap.model.layers import open_path

        for name in ("重点项目", "园区"):
            csv = write_csv(tmp_path / f"{name}.csv", ["name", "lng", "lat", "类别", "投资额（亿元）"],
                            [(k, *v, "ab"[i % 2], 10 * (i + 1)) for i, (k, v) in enumerate(INSIDE.items())])
            window.session.add_layer(open_path(csv, window.geo))
        window.state.update(layout="dt_4415")
        window.state.set_layer_visible("labels", False)
        window.project_actions.save_to(saved)
        window.state.set_layer_visible("labels", True)
    window.project_actions.ask_save_changes = lambda: "discard"
    for action in actions:
        _do(window, action, saved)
    screen = _picture(window.canvas.scene)
    window.windows.export_action.trigger()
    dialog = window.windows.export_dialog
    exported = _picture(compose(dialog.spec(), window.geo, window.dataset, preview_dpi=30).scene)
    dialog.reject()
    from hzmap.ui.present.presentation import PresentationWindow

    pres = PresentationWindow(window.session, tour=None)  # the screen
    presented = _picture(pres.canvas.scene)
    pres.close()
    pres.deleteLater()
    assert len(screen["user_layers"]) == len(window.state.view.user_layers()) == 2
    assert exported == screen
    assert presented == screen
    window.state.update(lang="zh")
