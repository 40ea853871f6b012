"""Windows that are open when the data changes show the change at once: a plan imported and
saved, a user dataset removed, a user layer added or changed reach an open export dialog, the
presentation and the presenter view without being reopened (they follow the session)."""
from pathlib import Path

import pytest
from layer_files import INSIDE, write_csv
from PySide6.QtGui import QImage

from hzmap.model.layers import open_path
from hzmap.model.tours.player import TourPlayer
from hzmap.model.tours.tour import default_tour
from hzmap.render.page.compose import DEFAULT_TITLE

PLAN = """杭州市低空经济高质量发展行动计划(2025—2027年)
杭州市发展和改革委员会
2025年5月20日
一、总体布局
构建“两核三区”低空经济空间格局。
“两核”:以滨江区、萧山区为核心,集聚低空整机研发企业。
“三区”:推动钱塘区、临平区、富阳区建设低空应用示范区。
二、重点任务
(一)培育整机企业。到2027年,全市低空经济核心企业达到200家以上。(牵头单位:市发改委;责任单位:市经信局)
"""
NAME = "两核三区"


@pytest.fixture
def win(open_window, data):
    win = open_window(*data)
    win.errors = []
    win.datasets.plan_import.show_error = lambda title, text: win.errors.append(text)
    return win


def review_plan(win):
    """File › Import plan, pasted text: the review, with what a planner accepts at least."""
    review = win.datasets.plan_import.import_text(PLAN)
    review.accept_unflagged()
    review.select(review.draft.plan)
    review.editor.set_value("title_en", "Hangzhou low-altitude economy action plan 2025-2027")
    review.editor.set_value("short_name_en", "Low-altitude economy plan")
    review.accept_current()
    review.select(review.draft.layouts[0])
    review.editor.set_value("name_en", "Two cores, three zones")
    review.accept_current()
    return review


def save(win, review) -> str:
    review.request_save()
    assert win.errors == []
    return review.draft.layouts[0].id


def remove_user_datasets(win) -> None:
    """File › My datasets: every dataset of the user's removed."""
    manager = win.datasets.open_manager()
    manager.ask_remove = lambda name: True
    while manager.names():
        manager.select(manager.names()[0])
        assert manager.remove_current()
    manager.close()


def add_points(win, tmp_path):
    csv = write_csv(tmp_path / "重点项目.csv", ["name", "lng", "lat"], [(k, *v) for k, v in INSIDE.items()])
    return win.session.add_layer(open_path(csv, win.geo))


def columns(compare) -> list[str]:
    from hzmap.ui.map.compare_view import LAYOUT_ROLE

    return [compare.columns.item(i).data(LAYOUT_ROLE) for i in range(compare.columns.count())]


def image(label) -> QImage:
    return label.pixmap().toImage()


def test_an_open_export_dialog_shows_a_saved_plan_then_forgets_its_removed_dataset(win, qtbot, tmp_path):
    from PIL import Image

    win.state.update(layout="dt_4415")
    review = review_plan(win)                  # the review is open beside the map
    dialog = win.windows.open_export()         # and the planner opens File › Export meanwhile
    assert dialog.title_edit.text() == "4+4+1+5"
    before = image(dialog.preview)
    layout = save(win, review)                 # Save in the review: the map shows the new layout
    assert dialog.spec().view.layout == layout and layout in dialog.ds.layouts
    assert NAME in dialog.title_edit.text()    # the title nobody typed follows the layout
    assert Path(dialog.path_edit.text()).name == f"{dialog.title_edit.text()}.png"  # and the file name
    qtbot.waitUntil(lambda: image(dialog.preview) != before, timeout=5000)
    shown = image(dialog.preview)
    remove_user_datasets(win)                  # My datasets › Remove, the dialog still open
    assert dialog.spec().view.layout is None and layout not in dialog.ds.layouts
    assert dialog.title_edit.text() == DEFAULT_TITLE
    qtbot.waitUntil(lambda: image(dialog.preview) != shown, timeout=5000)
    layer = add_points(win, tmp_path)          # and a layer of the user's own
    assert [lay.id for lay in dialog.spec().view.user_layers()] == [layer.id]
    win.state.update_layer(layer.id, visible=False)
    assert not dialog.spec().view.layer(layer.id).visible
    dialog.path_edit.setText(str(tmp_path / "map.png"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
    assert dialog.export()                     # what it writes opens
    with Image.open(tmp_path / "map.png") as png:
        assert png.size[0] > 1000


def test_an_open_presentation_shows_a_saved_plan_a_removed_dataset_and_a_new_layer(win, qtbot, tmp_path):
    review = review_plan(win)
    pres = win.windows.present(full_screen=False)          # no layout shown: the explorer's map
    assert pres.canvas.scene.describe()["layout"] is None
    layout = save(win, review)
    assert pres.canvas.scene.describe()["layout"] == layout  # the map the room sees follows
    assert pres.canvas.scene.ds is win.dataset
    remove_user_datasets(win)
    assert pres.canvas.scene.describe()["layout"] is None and pres.canvas.scene.ds is win.dataset
    layer = add_points(win, tmp_path)
    assert pres.canvas.scene.describe()["user_layers"][0][:2] == (layer.id, len(INSIDE))
    pres.close()


def test_a_tour_whose_dataset_is_removed_goes_on_without_its_layout(win, qtbot, tmp_path):
    layout = save(win, review_plan(win))
    tour = default_tour(win.dataset, win.geo, layout)
    pres = win.windows.present(tour, full_screen=False)
    pres.animate = False
    assert pres.canvas.scene.describe()["layout"] == layout and pres.canvas.spotlight.active
    title = pres.title_label.text()
    remove_user_datasets(win)
    assert pres.canvas.scene.describe()["layout"] is None   # the step's place, without the layout
    assert pres.title_label.text() == title                 # and its caption
    pres.next()
    assert pres.index == 1 and pres.canvas.scene.describe()["layout"] is None
    layer = add_points(win, tmp_path)                       # a layer added while presenting a tour
    assert [u[0] for u in pres.canvas.scene.describe()["user_layers"]] == [layer.id]
    pres.close()


def test_an_open_presenter_view_shows_a_saved_plan_a_removed_dataset_and_a_new_layer(win, qtbot, tmp_path):
    from hzmap.ui.present.presenter_view import PresenterView

    layout = save(win, review_plan(win))
    player = TourPlayer(default_tour(win.dataset, win.geo, layout))
    view = PresenterView(win.session, player, parent=win)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view.current_picture.pixmap().isNull(), timeout=5000)
    assert "原文" in view.notes.toPlainText()               # the document's words for the element
    before = image(view.current_picture)
    remove_user_datasets(win)
    assert view.notes.toPlainText() == ""                   # its element is gone with its dataset
    qtbot.waitUntil(lambda: image(view.current_picture) != before, timeout=5000)
    shown = image(view.current_picture)
    add_points(win, tmp_path)
    qtbot.waitUntil(lambda: image(view.current_picture) != shown, timeout=5000)
    player.end()


def test_an_open_compare_drops_a_removed_layout_and_speaks_the_new_language(win, qtbot):
    layout = save(win, review_plan(win))
    compare = win.windows.open_compare()
    compare.combos[0].setCurrentIndex(compare.combos[0].findData(layout))
    assert compare.states[0].layout == layout
    assert layout in columns(compare)
    remove_user_datasets(win)
    assert compare.states[0].layout is None and compare.combos[0].currentData() is None
    assert layout not in columns(compare)
    assert compare.canvases[0].scene.describe()["layout"] is None
    win.state.update(lang="en")                # View › Language, compare still open
    assert compare.combos[1].currentText().startswith("4+4+1+5 spatial development pattern")
    assert compare.canvases[1].renderer_.labels["binjiang"].get_text() == "Binjiang"
    compare.close()
