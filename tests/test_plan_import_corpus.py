"""The importer on real plans it was not written from (tests/data/plans/): what a planner sees."""
import sys
from pathlib import Path

import pytest

from hzmap.model.plan_import import draft_plan, pasted, read_document, write_draft

CORPUS = Path(__file__).parent / "data" / "plans"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def draft_of(name, dataset=None):
    return draft_plan(read_document(CORPUS / f"{name}.txt"), dataset, plan_id="t")


def parts(draft):
    out = {}
    for lay in draft.layouts:
        for el in lay.children:
            out.setdefault((lay.data["name"], el.part), set()).update(el.data["districts"])
    return out


def test_a_slogan_defined_part_by_part_in_a_news_report(dataset):
    d = draft_of("hz_yizhu_2023", dataset)
    assert [lay.data["name"] for lay in d.layouts] == ["一主六辅三城"]
    assert parts(d) == {("一主六辅三城", "一主"): {"xihu", "gongshu", "shangcheng"},
                        ("一主六辅三城", "六辅"): {"xiaoshan", "yuhang", "qiantang", "linping",
                                                  "fuyang", "linan"},
                        ("一主六辅三城", "三城"): {"tonglu", "chunan", "jiande"}}
    # the superseded layout the text recalls (“曾经…”) is a note, not a layout
    assert any("一主三副六组团" in n and "history" in n for n in d.notes)


def test_superseded_slogan_is_left_out_and_the_new_one_kept(dataset):
    d = draft_of("hz_chengxi_2021", dataset)
    assert [lay.data["name"] for lay in d.layouts] == ["一廊四城"]
    assert parts(d)[("一廊四城", "四城")] == {"xihu", "yuhang", "linan"}


def test_towns_define_parts_and_the_part_with_no_place_needs_one(dataset):
    d = draft_of("hz_konggang_2006", dataset)
    got = parts(d)
    assert got[("一心、两轴、四区、八镇", "八镇")] == {"xiaoshan", "qiantang"}   # 义蓬 is 钱塘区 today
    four = [el for lay in d.layouts for el in lay.children if el.part == "四区"]
    assert four and all(el.needs_place and any("needs a place" in f for f in el.flags) for el in four)


def test_another_citys_layout_maps_to_no_hangzhou_district_and_still_saves(dataset, tmp_path):
    d = draft_of("wz_garden_2018", dataset)
    els = [el for lay in d.layouts for el in lay.children]
    assert len(els) == 4 and all(not el.data["districts"] and el.needs_place for el in els)
    assert any("温州" in n for n in d.notes)
    d.accept_all()
    from hzmap.model.plan_import.review import save_problems
    assert save_problems(d) == []
    write_draft(d, tmp_path)
    from hzmap.model.dataset.overlay import load_dataset_with
    loaded = load_dataset_with([tmp_path])          # the loader the app uses takes it as it is
    assert any(el.needs_place for lay in loaded.layouts.values() for el in lay.elements)
    text = (tmp_path / "layouts" / f"{d.layouts[0].data['id']}.yaml").read_text(encoding="utf-8")
    assert text.count("needs_place: true") == 4


def test_task_table_rows_are_measures_with_their_units():
    d = draft_of("hz_tasks_2020")
    by_title = {m.data["title"][:8]: m.data for m in d.measures}
    assert by_title["加快建设城西科创"]["lead_units"] == ["杭州城西科创产业集聚区管委会"]
    assert len(by_title["加快建设城西科创"]["units"]) == 9
    partners = by_title["推进人才创新创业"]          # “…配合落实”: supporting units only
    assert partners["lead_units"] == [] and partners["units"][-1] == "团市委"
    assert not any("牵头重点工作" in m.data["title"] for m in d.measures)
    assert {(t.data["value"], t.data["unit"]) for t in d.targets} >= {(8, "%"), (7, "%")}


def test_units_in_square_brackets_with_a_rule_stated_once():
    d = draft_of("sc_liutong_2022")
    m = d.measures[0].data
    assert m["units"] == ["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"]


def test_plan_record_from_a_notice_title_issuer_number_period():
    d = draft_of("nb_fashion_2022").plan.data
    assert d["title"] == "宁波打造东方滨海时尚之都行动纲要(2022—2026年)"
    assert d["issuer"] == "宁波市人民政府办公厅" and d["doc_number"] == "甬政办发〔2022〕75号"
    assert d["period"] == "2022-2026" and str(d["issued"]) == "2022-12-29"
    z = draft_of("hz_zongti_2016").plan.data
    assert (z["title"], z["issuer"], z["doc_number"]) == (
        "杭州市城市总体规划实施任务分解方案", "杭州市人民政府办公厅", "杭政办函〔2016〕68号")


def test_chinese_numerals_and_about_and_parallel_targets():
    d = draft_of("kf_zhizao_2020")
    got = {(t.data["value"], t.data["unit"], t.data["year"], t.data["comparator"]) for t in d.targets}
    assert (35, "%", 2022, "~") in got                       # 35%左右
    assert (5000, "亿元", 2025, ">") in got                    # 超过五千亿
    assert {(2, "个", 2025), (6, "个", 2025)} <= {g[:3] for g in got}   # 2个…和6个…
    assert not any(t.data["unit"] == "亿元" and t.data["value"] == 100 for t in d.targets)  # 百亿企业


def test_figure_slogan_defined_by_its_figures():
    text = ("萧山创新性地提出了“1+4+X”开放平台建设格局。其中的“1”是两带两廊,“4”是萧山经济技术开发区、"
            "钱江世纪城、空港经济区、湘湖国家旅游度假区四大平台,“X”是以重点平台为节点的若干载体。")
    d = draft_plan(pasted(text), None, plan_id="t")
    assert [lay.data["name"] for lay in d.layouts] == ["1+4+X"]
    got = parts(d)
    assert got[("1+4+X", "4")] == {"xiaoshan"}
    assert not got[("1+4+X", "1")] and not got[("1+4+X", "X")]


def test_figure_slogan_defined_one_clause_a_part_and_a_past_one_left_out():
    text = ("过去的“一主三副”格局已不适应发展需要。优化“1+5+4”产业布局:以未来科技城为引领,推动西湖、"
            "滨江、萧山、余杭、临平五个区协同,桐庐、淳安、建德、临安四地联动。")
    d = draft_plan(pasted(text), None, plan_id="t")
    assert [lay.data["name"] for lay in d.layouts] == ["1+5+4"]
    got = parts(d)
    assert got[("1+5+4", "1")] == {"yuhang"}
    assert got[("1+5+4", "4")] == {"tonglu", "chunan", "jiande", "linan"}
    assert any("一主三副" in n for n in d.notes)


def test_a_yearless_target_in_a_dated_report_takes_its_year_flagged():
    text = "杭州市某区2019年工作要点\n一、主要任务\n(一)建设产业平台。力争新增市级研发中心20家。(区发改局)"
    d = draft_plan(pasted(text), None, plan_id="t")
    t = [t for t in d.targets if t.data["value"] == 20]
    assert t and t[0].data["year"] == 2019 and any("assumed" in f for f in t[0].flags)


def test_dev_corpus_meets_the_quality_bar(dataset):
    import plan_corpus

    _, totals = plan_corpus.run(dataset)
    rate = {k: (r / t if t else 1.0, p / n if n else 1.0) for k, (t, n, r, p) in totals.items()}
    assert rate["layouts"][0] >= 0.85 and rate["layouts"][1] >= 0.9
    assert rate["parts"][0] >= 0.75 and totals["invented"][2] == 0
    assert rate["measures"][0] >= 0.9 and rate["units"][0] >= 0.85
    assert rate["targets"][0] >= 0.85 and rate["title"][0] >= 0.85
    assert rate["excerpts"][0] == 1.0


def test_no_expected_name_is_a_piece_of_one_a_yaml_list_split_at_its_comma():
    # [大局已定又有大项目,东洲新城崛起, …] unquoted reads as two titles: the scorer would compare
    # the draft's whole title with its halves
    import yaml

    split = []
    for meta in sorted(CORPUS.glob("*.yaml")):
        plan = (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("plan") or {}
        names = plan.get("title") if isinstance(plan.get("title"), list) else []
        text = meta.with_suffix(".txt").read_text(encoding="utf-8")
        split += [(meta.name, a, b) for a, b in zip(names, names[1:])
                  if (f"{a},{b}" in text or f"{a}, {b}" in text) and f"{a},{b}" not in names]
    assert not split
