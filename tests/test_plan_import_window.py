"""Importing a plan in the window: File › Import plan, the review, Save, and the user's datasets.

Everything goes through the window's own API (dialogs are answered through the ask_*/show_*
methods), and the user's data folder is the test's temporary one.
"""
import zipfile

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from hzmap.model.dataset.overlay import load_dataset_with
from hzmap.model.dataset.userdata import dataset_dirs, list_datasets, new_dataset_dir
from hzmap.model.geo.geodata import to_map
from hzmap.model.plan_import import draft_plan, pasted, write_draft
from hzmap.ui.common.settings import data_dir

PLAN = """杭州市低空经济高质量发展行动计划(2025—2027年)
杭州市发展和改革委员会
2025年5月20日
一、总体布局
构建“一廊两核三区九星”低空经济空间格局。
“一廊”:依托城西科创大走廊,建设低空智能制造走廊。
“两核”:以滨江区、萧山区为核心,集聚低空整机研发企业。
“三区”:推动钱塘区、临平区、富阳区建设低空应用示范区。
“九星”:布局一批低空起降服务站点。
二、重点任务
(一)培育整机企业。到2027年,全市低空经济核心企业达到200家以上。(牵头单位:市发改委;责任单位:市经信局、市科技局)
(二)建设起降设施。建成通用机场和起降点150个。(责任单位:市交通运输局)
"""
SLOGAN = "一廊两核三区九星"


@pytest.fixture
def win(window):
    """The window, with the importer's error messages kept in `errors` instead of shown."""
    window.errors = []
    window.datasets.plan_import.show_error = lambda title, text: window.errors.append(text)
    return window


@pytest.fixture
def plan_file(tmp_path):
    p = tmp_path / "低空经济行动计划.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def user_files():
    root = data_dir() / "datasets"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def record(review, name):
    return next(r for r in review.records if r.data.get("name") == name)


def accept_layout(review):
    """What a planner does at least: accept what needs no check, then the plan and layout
    with their English names written."""
    n = review.accept_unflagged()
    review.select(record(review, "一廊"))             # flagged as an interpretation: looked at
    review.accept_current()
    review.select(review.draft.plan)
    review.editor.set_value("title_en", "Hangzhou low-altitude economy action plan 2025-2027")
    review.editor.set_value("short_name_en", "Low-altitude economy plan")
    review.accept_current()
    review.select(review.draft.layouts[0])
    review.editor.set_value("name_en", "One corridor, two cores, three zones")
    review.accept_current()
    return n


def test_the_data_folder_is_the_tests_own():
    import os
    assert str(data_dir()).startswith(os.environ["XDG_DATA_HOME"])


def test_import_review_save_and_the_layout_is_everywhere(win, plan_file, qtbot):
    review = win.datasets.plan_import.import_file(plan_file)
    assert user_files() == []                        # nothing is written before Save
    assert review.isVisible() and SLOGAN in review.tree.topLevelItem(1).text(0)
    # selecting a record scrolls the document to its passage
    core = record(review, "两核·滨江区")
    review.select(core)
    assert core.passages[0].excerpt in review.text.selected_passage()
    assert "以滨江区、萧山区为核心" in review.text.selected_passage()
    # the plan and its layout too: an English name still to write is a note, not a flag
    assert accept_layout(review) == 10      # plan, layout, 5 elements, 2 measures, 1 target
    review.request_save()
    assert win.errors == []
    assert not review.isVisible()
    lay_id = review.draft.layouts[0].id
    assert win.state.layout == lay_id                   # the map shows what was saved
    # in the layout chooser, and choosing it draws its elements on their districts
    win.state.update(layout=None)
    assert win.layout_combo.findData(lay_id) >= 0
    win.layout_combo.setCurrentIndex(win.layout_combo.findData(lay_id))
    assert win.state.layout == lay_id
    drawn = {ea.element_id: ea.districts for ea in win.canvas.scene.overlay.elements()}
    assert drawn["liang_he_1"] == {"binjiang"} and drawn["liang_he_2"] == {"xiaoshan"}
    assert drawn["san_qu_1"] == {"qiantang"} and drawn["yi_lang"] == {"xihu", "yuhang", "linan"}
    assert "jiu_xing" not in drawn                   # flagged, never accepted: not saved
    assert win.layers.panel.item_for("element", "liang_he_1") is not None
    # the inspector, search and compare read the new dataset too
    win.state.select_district("binjiang")
    inspector = win.info_panel.inspector
    inspector.build_all()
    rows = [i.text(0) for i in inspector.findItems("*", Qt.MatchWildcard | Qt.MatchRecursive)]
    assert any("两核·滨江区" in row for row in rows)
    win.search_box.setText(SLOGAN)
    assert any(SLOGAN in row for row in win.search_box.results())
    compare = win.windows.open_compare()
    assert any(SLOGAN in compare.columns.item(i).text() for i in range(compare.columns.count()))
    compare.close()
    # export and presentation draw it too
    export = win.windows.open_export()
    assert export.title_edit.text() == SLOGAN
    export.close()
    pres = win.windows.present(full_screen=False)
    assert pres.canvas.scene.overlay.layout_id == lay_id
    assert any("两核" in step.title_zh for step in pres.tour.steps)
    pres.close()
    # the folder validates with the same loader, excerpts included
    [folder] = dataset_dirs(data_dir())
    ds = load_dataset_with([folder], base=win.session.shipped, check_excerpts=True)
    assert lay_id in ds.layouts


def test_reject_and_edit_reach_the_saved_yaml(win, plan_file):
    review = win.datasets.plan_import.import_file(plan_file)
    accept_layout(review)
    review.select(record(review, "三区·富阳区"))
    review.reject_current()
    m1, m2 = review.draft.measures
    review.select(m2)
    review.editor.set_value("title", "建设低空起降设施")
    review.accept_current()
    assert m2.status == "edited"
    review.select(m1)
    review.reject_current()
    assert "2 项举措" not in review.summary.text()
    assert win.datasets.plan_import.save()
    [folder] = dataset_dirs(data_dir())
    layout = yaml.safe_load(next((folder / "layouts").glob("*.yaml")).read_text(encoding="utf-8"))
    assert "san_qu_3" not in [el["id"] for el in layout["elements"]]
    measures = yaml.safe_load((folder / "measures" / f"{review.draft.plan_id}.yaml").read_text(encoding="utf-8"))
    assert [m["title"] for m in measures["measures"]] == ["建设低空起降设施"]
    assert layout["name_en"] == "One corridor, two cores, three zones"


def test_a_point_clicked_on_the_map_is_saved_in_the_yaml(win, plan_file, qtbot):
    review = win.datasets.plan_import.import_file(plan_file)
    accept_layout(review)
    star = record(review, "九星")
    review.select(star)
    geometry = review.geometry
    geometry.kind.setCurrentIndex(geometry.kind.findData("point"))
    geometry.start_pick()
    canvas = win.canvas
    assert canvas.tool is geometry.pick
    canvas.draw()
    x, y = to_map(120.21, 30.19)                       # in 滨江区
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(*canvas.data_to_widget(x, y)))
    assert canvas.tool is win.annotation_tools          # the pick gave the hook back
    assert star.data["districts"] == ["binjiang"] and star.status == "edited"
    lon, lat = star.data["geometry"]["path"][0]
    assert abs(lon - 120.21) < 0.01 and abs(lat - 30.19) < 0.01
    assert geometry.pick.preview.shown                  # the main map shows the element
    assert win.state.selection is None                  # the click picked, it did not select
    assert win.datasets.plan_import.save()
    [folder] = dataset_dirs(data_dir())
    layout = yaml.safe_load(next((folder / "layouts").glob("*.yaml")).read_text(encoding="utf-8"))
    el = next(e for e in layout["elements"] if e["id"] == star.id)
    assert el["geometry"]["type"] == "schematic" and el["geometry"]["path"] == [[lon, lat]]
    assert "planner" in el["interpretation"]["note"]


def test_a_band_and_a_shape_picked_on_the_map(win, plan_file):
    review = win.datasets.plan_import.import_file(plan_file)
    star = record(review, "九星")
    review.select(star)
    geometry = review.geometry
    geometry.kind.setCurrentIndex(geometry.kind.findData("river_band"))
    geometry.start_pick()
    geometry.pick.add_point(*to_map(120.0, 30.05))
    geometry.pick.add_point(*to_map(120.25, 30.22))
    assert star.data["geometry"]["type"] == "river_band" and star.data["districts"]
    geometry.kind.setCurrentIndex(geometry.kind.findData("schematic"))
    geometry.shape.setCurrentIndex(geometry.shape.findData("arrow"))
    geometry.start_pick()
    for lon, lat in ((119.9, 30.3), (120.0, 30.32), (120.1, 30.3)):
        geometry.pick.add_point(*to_map(lon, lat))
    geometry.pick.add_point(*to_map(120.1, 30.3))      # the first half of a double click
    geometry.pick.finish()
    g = star.data["geometry"]
    assert (g["type"], g["shape"], len(g["path"])) == ("schematic", "arrow", 3)
    assert star.problems() == []


def test_ticking_districts_changes_the_element(win, plan_file):
    review = win.datasets.plan_import.import_file(plan_file)
    star = record(review, "九星")
    review.select(star)
    review.geometry.ticks["jiande"].setChecked(True)
    review.geometry.ticks["chunan"].setChecked(True)
    assert star.data["districts"] == ["chunan", "jiande"]
    assert star.problems() == [] and star.data["interpretation"]
    assert review.geometry.pick.preview.shown


def make_scan(path):
    import matplotlib.pyplot as plt
    import numpy as np
    fig = plt.figure(figsize=(2, 2))
    fig.figimage(np.random.default_rng(0).random((40, 40)))
    fig.savefig(path)
    plt.close(fig)


@pytest.mark.parametrize("name, make, words", [
    ("scan.pdf", make_scan, "no text layer"),
    ("plan.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), ".docx"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("huge.txt", lambda p: open(p, "wb").truncate(50 * 1024 * 1024), "files over 20 MB are refused"),
    ("junk.txt", lambda p: p.write_bytes(bytes(range(256)) * 40), "not text"),
])
def test_bad_input_gives_a_message_naming_the_file_and_writes_nothing(win, tmp_path, name, make, words):
    p = tmp_path / name
    make(p)
    assert win.datasets.plan_import.import_file(p) is None
    [message] = win.errors
    assert name in message and words in message
    assert win.datasets.plan_import.review is None and user_files() == []


def test_gbk_and_a_document_without_a_slogan_are_drafted_with_a_note(win, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(PLAN.replace("构建“一廊两核三区九星”低空经济空间格局。", "").encode("gbk"))
    review = win.datasets.plan_import.import_file(p)
    assert win.errors == [] and review is not None
    assert "GBK" in review.header.text() and "no layout slogan" in review.header.text()
    assert review.draft.layouts == [] and len(review.draft.measures) == 2
    assert user_files() == []


def test_pasted_text_and_nothing_pasted(win):
    assert win.datasets.plan_import.import_text("   \n") is None and "nothing was pasted" in win.errors[0]
    review = win.datasets.plan_import.import_text(PLAN)
    assert review.source_name == "pasted text" and review.draft.layouts


def test_a_save_that_cannot_validate_says_why_and_leaves_nothing(win, tmp_path):
    p = tmp_path / "无年份的方案.txt"
    p.write_text("杭州市规上企业培育行动方案\n一、主要目标\n力争新增规上工业企业200家。\n",
                 encoding="utf-8")
    review = win.datasets.plan_import.import_file(p)
    assert not win.datasets.plan_import.save()                   # nothing accepted yet
    assert "nothing is accepted" in win.errors[-1]
    [target] = review.draft.targets                     # the text gives no year at all
    assert any("give the year" in f for f in target.flags)
    review.select(target)
    review.accept_current()                             # accepted without giving one
    assert not win.datasets.plan_import.save()
    assert "year" in win.errors[-1]
    assert user_files() == [] and review.isVisible()


def test_a_part_with_no_place_is_kept_as_needing_one_and_saves(win, plan_file):
    review = win.datasets.plan_import.import_file(plan_file)
    star = record(review, "九星")                        # “九星”: 布局一批…站点, no place named
    assert "needs a place" in review.item_of(star).text(0)
    assert "一廊" in review.item_of(record(review, "一廊")).text(0)
    assert "needs a place" not in review.item_of(record(review, "一廊")).text(0)
    review.select(star)
    assert "needs a place" in review.flags.text()
    review.accept_current()
    accept_layout(review)
    review.request_save()
    assert win.errors == [] and not review.isVisible()
    [folder] = dataset_dirs(data_dir())
    ds = load_dataset_with([folder], base=win.session.shipped, check_excerpts=True)
    lay = ds.layouts[review.draft.layouts[0].id]
    assert [el.needs_place for el in lay.elements if el.name == "九星"] == [True]
    drawn = {ea.element_id: ea.districts for ea in win.canvas.scene.overlay.elements()}
    assert drawn["liang_he_1"] == {"binjiang"}        # the placed parts are on the map


NOTICE = """杭州市人民政府办公厅关于印发杭州市低空经济高质量发展行动计划(2025—2027年)的通知
杭政办函〔2025〕31号
各区、县(市)人民政府,市政府各部门、各直属单位:
《杭州市低空经济高质量发展行动计划(2025—2027年)》已经市政府同意,现印发给你们,请认真贯彻实施。
杭州市人民政府办公厅
2025年5月20日
""" + PLAN.split("\n", 3)[3]


def test_the_review_shows_the_plan_record_found_and_the_planner_corrects_it(win, tmp_path):
    p = tmp_path / "通知.txt"
    p.write_text(NOTICE, encoding="utf-8")
    review = win.datasets.plan_import.import_file(p)
    head = review.header.text()
    assert "杭州市低空经济高质量发展行动计划(2025—2027年)" in head
    assert "杭州市人民政府办公厅" in head and "杭政办函〔2025〕31号" in head
    assert "2025-2027" in head and "2025-05-20" in head
    review.select(review.draft.plan)
    review.editor.set_value("period", "2025—2028年")
    review.editor.set_value("issuer", "杭州市发展和改革委员会")
    review.apply_edits()
    assert review.draft.plan.data["period"] == "2025-2028"
    assert "2025-2028" in review.header.text() and "杭州市发展和改革委员会" in review.header.text()
    review.editor.set_value("period", "明年")
    review.apply_edits()
    assert review.draft.plan.data["period"] == "2025-2028"   # refused, said why


@pytest.fixture
def saved(win, dataset):
    """A user dataset written by the importer's model, loaded into the window."""
    d = draft_plan(pasted(PLAN), dataset)
    d.accept_all()
    d.layouts[0].children[-1].reject()                  # 九星 names no place
    folder = new_dataset_dir(data_dir(), d.plan_id)
    write_draft(d, folder, only_accepted=True)
    win.datasets.reload_user_datasets()
    return folder, d.layouts[0].id


def test_closing_a_review_with_decisions_asks_first_and_writes_nothing(win, plan_file):
    review = win.datasets.plan_import.import_file(plan_file)
    review.close()                                     # nothing decided: closes at once
    assert not review.isVisible()
    review = win.datasets.plan_import.import_file(plan_file)
    review.accept_unflagged()
    review.ask_discard = lambda: False
    assert not review.close() and review.isVisible()
    assert win.datasets.plan_import.import_text(PLAN) is None   # the open review is kept
    review.ask_discard = lambda: True
    assert review.close() and user_files() == []


def test_importing_a_plan_already_saved_says_so(win, saved):
    review = win.datasets.plan_import.import_text(PLAN)
    assert "already in use" in review.header.text()


def test_remove_and_share_a_user_dataset(win, saved, tmp_path):
    folder, lay_id = saved
    win.state.update(layout=lay_id)
    manager = win.datasets.open_manager()
    assert manager.names() == [folder.name]
    manager.ask_zip_target = lambda name: str(tmp_path / f"{name}.zip")
    assert manager.export_current()
    z = tmp_path / f"{folder.name}.zip"
    assert f"{folder.name}/plans.yaml" in zipfile.ZipFile(z).namelist()
    manager.ask_remove = lambda name: False             # asked first: "no" keeps it
    assert not manager.remove_current() and folder.exists()
    manager.ask_remove = lambda name: True
    assert manager.remove_current()
    assert not folder.exists() and win.layout_combo.findData(lay_id) < 0
    assert win.state.layout is None                     # the layout shown is gone
    assert manager.import_shared("zip", source=z)       # a colleague's zip comes back in
    assert win.layout_combo.findData(lay_id) >= 0
    manager.show_error = lambda title, text: win.errors.append(text)
    assert not manager.import_shared("zip", source=z)   # the same plan twice: refused
    assert "duplicate" in win.errors[-1] and len(list_datasets(data_dir())) == 1


def test_a_user_dataset_survives_a_restart_and_a_broken_one_is_reported(saved, data, qtbot):
    from hzmap.ui.app import _load_dataset, build_window

    folder, lay_id = saved
    broken = data_dir() / "datasets" / "broken"
    (broken / "sources").mkdir(parents=True)
    (broken / "plans.yaml").write_text("plans: [", encoding="utf-8")
    window = build_window(data[0])
    qtbot.addWidget(window)
    _load_dataset(window)
    assert window.layout_combo.findData(lay_id) >= 0
    assert window.layout_combo.findData("dt_4415") >= 0           # the shipped ones stay
    assert "broken" in window.statusBar().currentMessage()
    assert "broken" in window.datasets.message.text()
    window.project_actions.ask_save_changes = lambda: "discard"
    window.close()


def test_replacing_the_dataset_keeps_the_layout_shown_and_leaves_no_old_artists(win, saved):
    win.state.update(layout="dt_4415")
    win.state.select_district("binjiang")
    ax = win.canvas.scene.ax
    before = len(ax.get_children())
    win.datasets.reload_user_datasets()
    assert win.state.layout == "dt_4415" and win.state.district == "binjiang"
    assert win.layout_combo.currentData() == "dt_4415"
    assert len(ax.get_children()) == before              # the old dataset's artists are gone
    win.state.update(layout=None)                        # and the districts get their colours back
    fills = win.canvas.scene.renderer.fills
    assert fills["binjiang"].get_facecolor() != fills["xihu"].get_facecolor()


def test_the_review_speaks_english(win, plan_file):
    import re

    win.state.update(lang="en")
    try:
        review = win.datasets.plan_import.import_file(plan_file)
        review.select(record(review, "九星"))
        manager = win.datasets.open_manager()
        cjk = re.compile(r"[\u3400-\u9fff]")
        texts = [review.windowTitle().split(" — ")[0], review.summary.text(), manager.windowTitle(),
                 manager.intro.text(), win.datasets.plan_import.action.text(), win.datasets.datasets_action.text()]
        texts += [b.text() for b in review.findChildren(QAbstractButton) + manager.findChildren(QAbstractButton)]
        texts += [label.text() for label in review.editor.labels.values()]
        texts += [review.geometry.kind.itemText(i) for i in range(review.geometry.kind.count())]
        assert [t for t in texts if cjk.search(t)] == []
        assert "Districts it covers" in review.geometry.districts_caption.text()
        assert review.geometry.ticks["binjiang"].text() == "Binjiang District"
    finally:
        win.state.update(lang="zh")
