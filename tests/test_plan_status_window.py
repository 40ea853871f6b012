"""What a planner sees of the plans' lives in the window, on 2026-12-07 (the clock is fixed):
the chooser's groups and statuses, an "as of" day from the View menu, the inspector's statuses
and 滨江区's story across the plans, search, the source reader, compare, and a 十五五 plan imported
as the continuation of the 十四五 plan."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from PySide6.QtCore import Qt

from hzmap.model import clock
from hzmap.ui.common.layout_combo import ROLE

TODAY = dt.date(2026, 12, 7)
NEXT_SUMMER = dt.date(2027, 6, 1)
PLAN_2026 = ("杭州市服务贸易发展“十五五”规划\n"
             "杭州市商务局 杭州市发展和改革委员会\n2026年3月2日\n"
             "一、空间布局\n构建“一核两廊”服务贸易空间格局。\n"
             "“一核”:以滨江区、上城区为核心,发展数字服务贸易。\n"
             "“两廊”:依托萧山区和余杭区,建设服务贸易走廊。\n")


@pytest.fixture
def win(open_window, data):
    with clock.fixed(TODAY):
        yield open_window(*data)


def chooser_rows(win) -> list[tuple]:
    combo = win.layout_combo
    return [(combo.itemData(i), combo.itemData(i, ROLE), combo.itemText(i)) for i in range(combo.count())]


def row_of(win, layout_id: str) -> tuple:
    return next(r for r in chooser_rows(win) if r[0] == layout_id and r[1] == "layout")


def inspector_rows(win) -> list:
    inspector = win.info_panel.inspector
    inspector.build_all()
    return inspector.findItems("*", Qt.MatchWildcard | Qt.MatchRecursive)


def test_the_chooser_says_which_layouts_are_in_force_and_which_ended(win):
    headings = [text for _, role, text in chooser_rows(win) if role == "heading"]
    assert headings == ["现行有效", "已到期或被取代", "征求意见稿"]
    assert row_of(win, "st_core_belt_wings")[2] == \
        "一核一带两翼多基地（2021–2025，已到期） — 服务贸易“十四五”规划"
    assert row_of(win, "dt_4415")[2] == \
        "4+4+1+5（2026-12-31 到期，还有 24 天） — 数字贸易强市三年行动计划"
    assert row_of(win, "ps2024_places")[2].startswith("生产性服务业若干举措点名的载体（至 2027-11-14）")
    assert "（征求意见稿）" in row_of(win, "open2018_platforms")[2]
    combo = win.layout_combo
    assert combo.itemData(combo.findData("dt_4415"), Qt.ToolTipRole) == "2026-12-31 到期（还有 24 天）"
    combo = win.layout_combo
    heading = next(i for i in range(combo.count()) if combo.itemData(i, ROLE) == "heading")
    assert not combo.model().item(heading).isEnabled()          # a title, not a choice
    win.state.update(layout="st_core_belt_wings")
    assert combo.currentText().startswith("一核一带两翼多基地（2021–2025，已到期）")   # at a glance
    win.state.update(lang="en")
    assert " (ends 2026-12-31, in 24 days) — " in row_of(win, "dt_4415")[2]
    assert [t for _, role, t in chooser_rows(win) if role == "heading"][0] == "In force"


def test_as_of_next_summer_dims_or_hides_what_had_ended(win):
    from hzmap.ui.common.plan_status import DIMMED

    win.state.update(layout="dt_4415")
    win.as_of.set_as_of(NEXT_SUMMER)                        # View › Plans as of, dimmed
    view = win.state.view
    assert (view.as_of, view.lapsed, view.layout) == (NEXT_SUMMER, "dim", "dt_4415")
    combo = win.layout_combo
    i = combo.findData("dt_4415")
    assert combo.itemData(i, Qt.ForegroundRole) == DIMMED
    assert combo.itemData(combo.findData("ps2024_places"), Qt.ForegroundRole) is None
    assert win.canvas.scene.overlay.dimmed == (set(), set())   # the map fades the ended layout
    assert win.as_of.note.text() == "规划状态截至 2027-06-01：1 个布局在施行"
    assert win.as_of.actions["pick"].isChecked() and win.as_of.actions["dim"].isChecked()
    win.as_of.set_lapsed("hide")
    assert win.state.layout is None                         # hidden: off the map too
    layouts = [lid for lid, role, _ in chooser_rows(win) if role == "layout" and lid]
    assert layouts == ["ps2024_places"]                     # only 003's layout is left
    win.as_of.set_as_of(None)
    assert win.state.view.as_of is None and not win.as_of.note.isVisible()
    assert len([r for r in chooser_rows(win) if r[1] == "layout"]) == 13


def test_the_inspector_gives_statuses_and_binjiangs_story(win):
    win.state.select_district("binjiang")
    rows = inspector_rows(win)
    texts = [r.text(0) for r in rows]
    assert "服务贸易“十四五”规划 · 已于 2025-12-31 到期" in texts
    assert "数字贸易强市三年行动计划 · 2026-12-31 到期（还有 24 天）" in texts
    timeline = next(r for r in rows if r.text(0).startswith("历年角色 Across plans"))
    assert timeline.text(0) == "历年角色 Across plans (2018 → 2021 → 2024)" and timeline.isExpanded()
    years = [timeline.child(i).text(0) for i in range(timeline.childCount())]
    assert years == ["2018", "2021", "2024"]
    for i in range(3):
        year = timeline.child(i)
        assert year.isExpanded() and year.childCount() >= 1
        role = year.child(0).child(0)
        assert role.data(0, Qt.UserRole + 4)                 # each role keeps its sources
        assert any(role.child(k).text(0).startswith("出处: ") for k in range(role.childCount()))
    win.as_of.set_as_of(NEXT_SUMMER, "hide")
    rows = inspector_rows(win)
    timeline = next(r for r in rows if r.text(0).startswith("历年角色 Across plans"))
    assert timeline.text(0) == "历年角色 Across plans (2024)"
    assert not any(r.text(0).startswith("数字贸易强市三年行动计划 ·") for r in rows)


def test_search_and_the_reader_say_the_plans_status(win):
    box = win.search_box
    box.setText("4+4+1+5")
    first = box.results()[0]
    assert first.startswith("［布局］4+4+1+5 · 2026-12-31 到期（还有 24 天）")
    win.as_of.set_as_of(NEXT_SUMMER, "hide")           # the results follow the day
    assert box.results() == ["无结果 no results"]
    win.as_of.set_as_of(None)
    reader = win.windows._ensure_reader()
    reader.open_document("st2021")
    assert reader.plan_status.text() == \
        "杭州市服务贸易发展“十四五”规划 · 规划期 2021–2025 · 已于 2025-12-31 到期"


def test_compare_lines_binjiang_up_across_the_plans(win, qtbot):
    from hzmap.model.dataset.compare import layouts_across_plans

    dialog = win.windows.open_compare()
    dialog.states[0].select_district("binjiang")
    assert dialog.across_button.isEnabled()
    qtbot.mouseClick(dialog.across_button, Qt.LeftButton)
    assert dialog.chosen_columns() == layouts_across_plans(win.dataset, "binjiang")
    assert dialog.status.text().endswith("2018 → 2021 → 2024")
    assert dialog.cell("binjiang", "st_core_belt_wings").startswith("一核")


def test_an_imported_fifteenth_plan_continues_the_fourteenth(win, tmp_path):
    from hzmap.model.dataset.userdata import dataset_dirs
    from hzmap.ui.common.settings import data_dir

    path = tmp_path / "十五五.txt"
    path.write_text(PLAN_2026, encoding="utf-8")
    win.datasets.plan_import.show_error = lambda title, text: pytest.fail(text)
    review = win.datasets.plan_import.import_file(path)
    review.select(review.draft.plan)
    field = review.succession
    assert field.isVisibleTo(review) and field.chosen() == ("st2021", "continues")
    assert "建议 suggested" in field.plan.currentText()
    assert any(f.startswith("是否接续或取代已有规划？建议：服务贸易“十四五”规划") for f in review.draft.plan.flags)
    review.editor.set_value("title_en", "Hangzhou Services Trade Development Plan, 15th FYP")
    review.editor.set_value("short_name_en", "Services Trade 15th FYP")
    review.accept_current()
    assert review.draft.plan.data["continues"] == ["st2021"]
    assert not any(f.startswith("是否接续") for f in review.draft.plan.flags)   # decided
    review.accept_unflagged()
    for rec in review.records:
        if rec.status == "pending" and rec.kind in ("layout", "element"):
            review.select(rec)
            if rec.kind == "layout":
                review.editor.set_value("name_en", "One core, two corridors")
            review.accept_current()
    review.request_save()
    [folder] = dataset_dirs(data_dir())
    plans = yaml.safe_load((folder / "plans.yaml").read_text(encoding="utf-8"))["plans"]
    assert plans[0]["continues"] == ["st2021"]
    new_layout = review.draft.layouts[0].id
    rows = chooser_rows(win)
    at = [r[:2] for r in rows].index(("st_core_belt_wings", "layout"))
    assert rows[at + 1][:2] == (new_layout, "successor")      # what replaced this
    assert "已于 2025-12-31 到期，由《" in win.layout_combo.itemData(at, Qt.ToolTipRole)
    combo = win.layout_combo
    combo.setCurrentIndex(at + 1)
    assert win.state.layout == new_layout
    assert combo.itemData(combo.currentIndex(), ROLE) == "layout"   # its own entry is shown
