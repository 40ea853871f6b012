"""A plan's life: in force, ending, ended, a draft, replaced; as of a day; a district's story."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from hzmap.model import clock
from hzmap.model.dataset import DatasetError, district_profile, load_dataset
from hzmap.model.dataset.lifecycle import layouts_in_force, plan_status, successors, term
from hzmap.model.dataset.status_text import period_text, source_note, status_label
from hzmap.model.dataset.timeline import district_timeline

TODAY = dt.date(2026, 12, 7)
NEXT_SUMMER = dt.date(2027, 6, 1)
#: a 十五五 plan of the same office, drafted as the importer does (text written for the test)
PLAN_2026 = ("杭州市服务贸易发展“十五五”规划\n"
             "杭州市商务局 杭州市发展和改革委员会\n2026年3月2日\n"
             "一、空间布局\n构建“一核两廊”服务贸易空间格局。\n"
             "“一核”:以滨江区、上城区为核心,发展数字服务贸易。\n"
             "“两廊”:依托萧山区和余杭区,建设服务贸易走廊。\n")


def test_today_the_plans_are_where_the_issue_says(dataset):
    with clock.fixed(TODAY):
        on = clock.today()
        st = {p: plan_status(dataset, p, on) for p in dataset.plans}
    assert {p: s.kind for p, s in st.items()} == {
        "st2021": "ended", "nst2021": "ended", "dt2024": "ending", "open2018": "draft",
        "ps2024": "in_force"}
    assert st["dt2024"].days_left == 24 and st["dt2024"].term.end == dt.date(2026, 12, 31)
    assert status_label(dataset, st["dt2024"]) == "2026-12-31 到期（还有 24 天）"
    assert status_label(dataset, st["st2021"]) == "已于 2025-12-31 到期"
    assert status_label(dataset, st["open2018"], "en") == "draft for comments, never in force"
    assert status_label(dataset, st["ps2024"]) == "有效至 2027-11-14"
    assert source_note(dataset, "st2021", on) == "规划期 2021–2025，已到期"
    assert source_note(dataset, "st2021", on, "en") == "plan period 2021–2025, ended"
    assert period_text(dataset.plans["dt2024"]) == "有效期 2024-05-24 至 2026-12-31"
    assert clock.today() != TODAY or dt.date.today() == TODAY   # the clock is put back


def test_as_of_next_summer_only_the_producer_services_layout_is_in_force(dataset):
    assert layouts_in_force(dataset, NEXT_SUMMER) == ["ps2024_places"]
    assert set(layouts_in_force(dataset, TODAY)) == {"dt_4415", "dt_platforms", "ps2024_places"}
    assert source_note(dataset, "dt2024", NEXT_SUMMER, as_of=True) == \
        "有效期 2024-05-24 至 2026-12-31，截至 2027-06-01 已到期"
    assert layouts_in_force(dataset, dt.date(2021, 6, 1)) == [
        lid for lid, lay in dataset.layouts.items() if lay.plan in ("st2021", "nst2021")]


def test_a_plan_without_dates_takes_its_term_from_its_title():
    class P:
        in_force = None
        issued = None
        published = None
        draft = False

        def __init__(self, title):
            self.title = title
    assert term(P("杭州市推进数字贸易强市三年行动计划(2027—2029年)")).start == dt.date(2027, 1, 1)
    assert term(P("杭州市服务贸易发展“十五五”规划")).end == dt.date(2030, 12, 31)
    assert term(P("关于加快发展的若干意见")).start is None


@pytest.fixture
def successor(dataset, tmp_path):
    """The shipped dataset with a 十五五 plan that continues 服务贸易“十四五”规划."""
    from hzmap.model.dataset import userdata
    from hzmap.model.dataset.overlay import load_dataset_with
    from hzmap.model.plan_import import draft_plan, pasted, write_draft

    d = draft_plan(pasted(PLAN_2026), dataset)
    folder = userdata.new_dataset_dir(tmp_path / "user", d.plan_id)
    write_draft(d, folder)
    plans = yaml.safe_load((folder / "plans.yaml").read_text(encoding="utf-8"))
    plans["plans"][0]["continues"] = ["st2021"]
    (folder / "plans.yaml").write_text(yaml.safe_dump(plans, allow_unicode=True), encoding="utf-8")
    return load_dataset_with([folder], base=dataset), d.plan_id, folder


def test_a_successor_carries_the_plan_on(successor):
    ds, new, _ = successor
    assert successors(ds, "st2021") == [(new, "continues")]
    st = plan_status(ds, "st2021", TODAY)
    assert st.kind == "ended" and st.replaced_by == new
    assert status_label(ds, st).startswith("已于 2025-12-31 到期，由《")
    assert plan_status(ds, new, NEXT_SUMMER).in_force          # 十五五: 2026-2030, from its title
    assert set(layouts_in_force(ds, NEXT_SUMMER)) == {"ps2024_places",
                                                      *[lid for lid, lay in ds.layouts.items()
                                                        if lay.plan == new]}


def test_a_plan_that_supersedes_another_ends_it_early(dataset, successor):
    ds, new, _ = successor
    plan = ds.plans[new]
    ds.plans[new] = plan.model_copy(update={"continues": [], "supersedes": ["dt2024"]})
    st = plan_status(ds, "dt2024", TODAY)
    assert st.kind == "superseded" and not st.in_force and st.replaced_by == new
    assert "dt_4415" not in layouts_in_force(ds, TODAY)


def test_succession_is_checked(successor):
    from hzmap.model.dataset.overlay import load_dataset_with

    ds, new, folder = successor
    plans = yaml.safe_load((folder / "plans.yaml").read_text(encoding="utf-8"))
    plans["plans"][0]["continues"] = ["st2031", new]
    plans["plans"][0]["supersedes"] = ["open2018"]
    (folder / "plans.yaml").write_text(yaml.safe_dump(plans, allow_unicode=True), encoding="utf-8")
    base = load_dataset(check_excerpts=False)
    with pytest.raises(DatasetError) as exc:
        load_dataset_with([folder], base=base, check_excerpts=False)
    assert f"plans.yaml: plan '{new}': continues member 'st2031' is not a plan id (plans.yaml)" \
        in exc.value.problems
    assert f"plans.yaml: plan '{new}': continues: names the plan itself" in exc.value.problems
    assert len(exc.value.problems) == 2          # superseding the 2018 draft is fine


def test_an_earlier_plan_cannot_continue_a_later_one(tmp_path):
    import shutil

    from hzmap.paths import data_root
    root = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root)
    path = root / "dataset/plans.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(p for p in data["plans"] if p["id"] == "st2021")["continues"] = ["ps2024"]
    next(p for p in data["plans"] if p["id"] == "ps2024")["supersedes"] = ["st2021"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert exc.value.problems == [
        "plans.yaml: plan 'st2021': continues: 'ps2024' starts later (2024-11-15) than this plan "
        "(2021-01-01); name the earlier plan in the later one",
        "plans.yaml: plan 'st2021': succession goes round back to itself",
        "plans.yaml: plan 'ps2024': succession goes round back to itself"]


def test_binjiangs_story_runs_2018_2021_2024_with_sources(dataset):
    tl = district_timeline(dataset, "binjiang", TODAY)
    assert [y["year"] for y in tl["years"]] == [2018, 2021, 2024]
    by_year = {y["year"]: [p["plan"]["id"] for p in y["plans"]] for y in tl["years"]}
    assert by_year == {2018: ["open2018"], 2021: ["st2021", "nst2021"], 2024: ["dt2024", "ps2024"]}
    roles = {(p["plan"]["id"], r["element"]["id"]) for y in tl["years"] for p in y["plans"]
             for r in p["roles"]}
    assert {("open2018", "binjiang_hitech"), ("st2021", "core"), ("dt2024", "ftz_led")} <= roles
    assert all(r["sources"] and all(s["doc"] == p["plan"]["id"] for s in r["sources"])
               for y in tl["years"] for p in y["plans"] for r in p["roles"])
    assert tl["years"][0]["plans"][0]["status"]["kind"] == "draft"
    json.dumps(tl, ensure_ascii=False)


def test_the_profile_carries_each_plans_status(dataset):
    prof = district_profile(dataset, "binjiang", NEXT_SUMMER)
    assert {g["plan"]["id"]: g["status"]["in_force"] for g in prof["roles_by_plan"]} == {
        "st2021": False, "dt2024": False, "open2018": False, "ps2024": True, "nst2021": False}


def test_query_timeline_and_as_of(capsys):
    from hzmap.cli.main import main

    with clock.fixed(TODAY):
        assert main(["query", "滨江区", "--timeline"]) == 0
        out = capsys.readouterr().out
        assert out.index("\n2018\n") < out.index("\n2021\n") < out.index("\n2024\n")
        assert "plan period 2021–2025 — ended 2025-12-31" in out
        assert "ends 2026-12-31 (in 24 days)" in out and "source: 服务贸易“十四五”规划 §二(四)" in out
        assert main(["query", "binjiang", "--as-of", "2027-06-01"]) == 0
        out = capsys.readouterr().out
    shown, lapsed = out.split("Not in force on 2027-06-01")
    assert "生产性服务业若干举措 (ps2024) — ends 2027-11-14 (in 166 days)" in shown
    assert "数字贸易强市三年行动计划 (dt2024) — ended 2026-12-31" in lapsed
    assert "(dt2024)" not in shown
    assert main(["query", "滨江", "--timeline", "--json"]) == 0
    assert [y["year"] for y in json.loads(capsys.readouterr().out)["years"]] == [2018, 2021, 2024]
    with pytest.raises(SystemExit):
        main(["query", "滨江", "--as-of", "2027-13-01"])
    assert "is not a date" in capsys.readouterr().err


@pytest.mark.parametrize("title, want", [
    ("杭州市服务贸易发展“十五五”规划", [("st2021", "continues")]),
    ("杭州市推进数字贸易强市三年行动计划(2027—2029年)", [("dt2024", "continues")]),
    ("“十五五”服务贸易发展规划", [("nst2021", "continues")]),     # the national one, not the city's
    ("中共杭州市委 杭州市人民政府关于以“一带一路”建设统领全面开放进一步提升城市国际化水平的实施意见",
     [("open2018", "supersedes")]),                                  # the final text of the draft
    ("杭州市数字文旅发展行动计划", []),
    ("杭州市服务贸易发展“十三五”规划", []),                           # earlier than 十四五: it cannot follow it
])
def test_the_plan_a_new_plan_follows_is_suggested(dataset, title, want):
    from hzmap.model.dataset.succession import likely_predecessors

    assert [(s.plan, s.relation) for s in likely_predecessors(dataset, {"title": title})] == want


def test_the_chooser_groups_layouts_by_status_and_knows_what_replaced_one(dataset, successor):
    from hzmap.model.dataset.lifecycle import layout_groups, successor_layouts

    groups = {g[0]: [lid for lid, _ in items] for g, items in layout_groups(dataset, TODAY)}
    assert groups == {
        "in_force": ["dt_4415", "dt_platforms", "ps2024_places"],
        "lapsed": ["st_core_belt_wings", "st_culture_trade", "st_hk_wangjiang", "st_logistics_hubs",
                   "st_outsourcing", "nst_platform_network"],
        "draft": ["open2018_city_layout", "open2018_heritage", "open2018_platforms"]}
    ds, new, _ = successor
    assert successor_layouts(ds, "st_core_belt_wings") == [lid for lid, lay in ds.layouts.items()
                                                           if lay.plan == new]
    assert successor_layouts(ds, "dt_4415") == []


def test_compare_lines_a_district_up_across_plans(dataset):
    from hzmap.model.dataset.compare import column_title, layouts_across_plans

    years = [column_title(dataset, lid)[-5:-1] for lid in layouts_across_plans(dataset, "binjiang")]
    assert years == sorted(years) and {"2018", "2021", "2024"} == set(years)
    assert "st_core_belt_wings" in layouts_across_plans(dataset, "binjiang")
    assert "open2018_heritage" not in layouts_across_plans(dataset, "binjiang")


def test_search_hits_name_their_plan(dataset):
    from hzmap.model.dataset import search

    hit = next(h for h in search(dataset, "4+4+1+5") if h.kind == "layout")
    assert hit.plan == "dt2024"
    assert next(h for h in search(dataset, "滨江区") if h.kind == "district").plan is None
