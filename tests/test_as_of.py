"""The plans as on a day: the sources line, the faded map, decks and dossiers, and the project
file that keeps the day (format version 2, version 1 files still open)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from hzmap.model import clock
from hzmap.model.geo.extent import Extent
from hzmap.model.geo.views import view_extent
from hzmap.model.session.project import VERSION, Project, load_project, save_project
from hzmap.model.view.viewstate import View

TODAY = dt.date(2026, 12, 7)
NEXT_SUMMER = dt.date(2027, 6, 1)


def city(geo, **kw) -> View:
    return View(extent=Extent.from_bounds(view_extent(geo, "city")), **kw)


def test_the_sources_line_gives_each_plans_period_and_status(data):
    from hzmap.render.page.compose import ExportSpec, source_text

    geo, ds = data
    spec = ExportSpec(view=city(geo, layout="st_core_belt_wings"), date=TODAY)
    assert "杭州市服务贸易发展“十四五”规划（规划期 2021–2025，已到期）" in source_text(spec, ds)
    with clock.fixed(TODAY):
        spec = ExportSpec(view=city(geo, layout="dt_4415", lang="en"))
        assert "(in force 2024-05-24 to 2026-12-31, ends in 24 days)" in source_text(spec, ds)
    spec = ExportSpec(view=city(geo, layout="dt_4415", as_of=NEXT_SUMMER), date=TODAY)
    assert "（有效期 2024-05-24 至 2026-12-31，截至 2027-06-01 已到期）" in source_text(spec, ds)


def test_a_layout_not_in_force_on_the_day_is_drawn_faded(data):
    from hzmap.model.view.filters import kept
    from hzmap.render.page.compose import ExportSpec, compose

    geo, ds = data
    assert kept(ds, city(geo, layout="dt_4415", as_of=NEXT_SUMMER)) == (set(), set())
    assert kept(ds, city(geo, layout="ps2024_places", as_of=NEXT_SUMMER)) is None
    assert kept(ds, city(geo, layout="dt_4415")) is None          # no day set: nothing faded
    page = compose(ExportSpec(view=city(geo, layout="dt_4415", as_of=NEXT_SUMMER), dpi=96), geo, ds)
    overlay = page.scene.overlay
    assert overlay.dimmed == (set(), set()) and overlay._dim_patch is not None
    page = compose(ExportSpec(view=city(geo, layout="ps2024_places", as_of=NEXT_SUMMER), dpi=96),
                   geo, ds)
    assert page.scene.overlay._dim_patch is None


def test_export_as_of_says_when_the_layout_had_ended(tmp_path, capsys):
    from hzmap.cli.main import main

    assert main(["export", "--layout", "4+4+1+5", "--as-of", "2027-06-01", "--dpi", "96",
                 "--out", str(tmp_path / "m.png")]) == 0
    err = capsys.readouterr().err
    assert "4+4+1+5 (数字贸易强市三年行动计划) was not in force on 2027-06-01: ended 2026-12-31" in err
    assert (tmp_path / "m.png").stat().st_size > 10_000


def test_a_deck_as_of_a_day_says_so_on_every_slide(data):
    from hzmap.model.tours.tour import default_tour
    from hzmap.model.tours.source_line import source_with_status as step_source

    geo, ds = data
    tour = default_tour(ds, geo, "ps2024_places")
    assert step_source(ds, tour.steps[0], "zh", NEXT_SUMMER).endswith(
        "（有效期 2024-11-15 至 2027-11-14，截至 2027-06-01 还有 166 天到期）")
    with clock.fixed(TODAY):
        assert step_source(ds, default_tour(ds, geo, "open2018_platforms").steps[0]).endswith(
            "（2018-06，未生效）")   # the title says 征求意见稿 already


def test_the_dossier_tells_the_districts_story_and_what_is_in_force(data):
    from hzmap.model.dataset import district_profile
    from hzmap.model.dataset.timeline import district_timeline
    from hzmap.render.page.dossier import district_lines

    geo, ds = data
    prof = district_profile(ds, "binjiang", NEXT_SUMMER)
    lines = district_lines(prof, district_timeline(ds, "binjiang", NEXT_SUMMER), NEXT_SUMMER)
    texts = [t for _, t in lines]
    assert texts[1] == "一、历年角色 Across plans: 2018 → 2021 → 2024"
    assert any(t.startswith("2018  一带一路统领全面开放实施意见（征求意见稿，未生效）") for t in texts)
    assert any(t.startswith("2024  数字贸易强市三年行动计划（已于 2026-12-31 到期）") for t in texts)
    roles = texts.index("二、各规划中的角色 Roles by plan（2027-06-01 在施行的规划）")
    apart = texts.index("截至 2027-06-01 不在施行 Not in force")
    assert texts[roles + 1].startswith("生产性服务业若干举措") and "还有 166 天" in texts[roles + 1]
    assert not any("(dt2024" in t or "数字贸易强市三年行动计划 (" in t for t in texts[roles:apart])


# ---------------------------------------------------------------- the project file

def test_the_day_is_saved_and_opened_again(tmp_path):
    path = tmp_path / "p.hzmap"
    save_project(path, Project(layout="ps2024_places", as_of=NEXT_SUMMER, lapsed="hide"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == VERSION == 2
    assert data["as_of"] == {"date": "2027-06-01", "lapsed": "hide"}
    proj, problems = load_project(path)
    assert problems == [] and (proj.as_of, proj.lapsed) == (NEXT_SUMMER, "hide")
    save_project(path, Project(layout="ps2024_places"))
    assert "as_of" not in json.loads(path.read_text(encoding="utf-8"))


def test_a_version_1_project_opens_as_before(tmp_path):
    path = tmp_path / "old.hzmap"
    path.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layout": "dt_4415",
                                "view": {"name": "urban"}, "annotations": []}), encoding="utf-8")
    proj, problems = load_project(path, known_layouts={"dt_4415"})
    assert problems == [] and proj.layout == "dt_4415" and proj.as_of is None


@pytest.mark.parametrize("value, message", [
    ({"date": "2027-02-30"}, "is not {\"date\": \"YYYY-MM-DD\"}"),
    ("2027-06-01", "is not {\"date\": \"YYYY-MM-DD\"}"),
    ({"date": "2027-06-01", "lapsed": "burn"}, "lapsed 'burn' is not dim or hide"),
])
def test_a_bad_day_is_named_and_the_rest_opens(tmp_path, value, message):
    path = tmp_path / "bad.hzmap"
    path.write_text(json.dumps({"format": "hzmap-project", "version": 2, "layout": "dt_4415",
                                "as_of": value}), encoding="utf-8")
    proj, problems = load_project(path)
    assert proj.layout == "dt_4415" and len(problems) == 1 and message in problems[0]
    assert str(path) in problems[0]


def test_the_session_keeps_the_day_and_counts_it_as_a_change(geodata, dataset, tmp_path):
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState

    state = ViewState(geodata)
    session = Session(state, dataset=dataset)
    path = tmp_path / "s.hzmap"
    session.save(path)
    state.update(as_of=NEXT_SUMMER, lapsed="hide")
    assert session.is_modified()
    session.save(path)
    other = Session(ViewState(geodata), dataset=dataset)
    opened, problems = other.open(path)
    assert opened and problems == []
    assert (other.state.view.as_of, other.state.view.lapsed) == (NEXT_SUMMER, "hide")
    with pytest.raises(ValueError):
        state.update(as_of="2027-06-01")
    assert replace(state.view).as_of == NEXT_SUMMER


def test_a_day_is_read_as_planners_type_it():
    from hzmap.model.clock import parse_day
    june = dt.date(2027, 6, 1)
    for text in ("2027-06-01", "2027-6-1", "2027/6/1", "2027.06.01", "20270601", "2027年6月1日",
                 " ２０２７－０６－０１ "):
        assert parse_day(text) == june, text
    for text in ("2027-02-30", "2027-06", "June 2027", "2027-06-01x", "", "99999999"):
        assert parse_day(text) is None, text


def test_the_day_dialog_takes_the_day_typed_with_dashes(qtbot):
    """Typed over the selected text, key by key, "2027-06-01" is 2027-06-01 (a date box with
    sections jumped on each dash and kept the old year); the calendar follows; a day that is
    not one leaves OK greyed, with the reason."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox

    from hzmap.ui.window.as_of import DayDialog
    dialog = DayDialog(dt.date(2026, 12, 7))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setFocus()
    dialog.edit.selectAll()
    QTest.keyClicks(dialog.edit, "2027-06-01")
    assert dialog.day() == dt.date(2027, 6, 1)
    assert dialog.calendar.selectedDate().toString("yyyy-MM-dd") == "2027-06-01"
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.isEnabled() and dialog.problem.text() == ""
    dialog.edit.setText("2027-02-30")
    assert not ok.isEnabled() and "2027-02-30" in dialog.problem.text()
    dialog.edit.setText("1850-01-01")                      # outside the calendar's years
    assert not ok.isEnabled()
    dialog.edit.setText("2027年6月1日")
    assert ok.isEnabled() and dialog.edit.text() == "2027年6月1日"   # left as typed
    from PySide6.QtCore import QDate
    dialog.calendar.setSelectedDate(QDate(2028, 1, 15))      # picked on the calendar
    assert dialog.edit.text() == "2028-01-15" and dialog.day() == dt.date(2028, 1, 15)
