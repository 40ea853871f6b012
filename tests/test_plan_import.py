"""The plan importer on the source documents (the issue's table) and on a plan written here."""
from pathlib import Path

import pytest

from hzmap import paths
from hzmap.model.dataset.overlay import load_dataset_with
from hzmap.model.plan_import import draft_plan, pasted, read_document, write_draft


def _sources() -> Path | None:
    for d in (paths.data_root() / "sources", paths.seeds_dir()):
        if d.is_dir() and any(d.glob("001_*.txt")):
            return d
    return None


SOURCES = _sources()
needs_sources = pytest.mark.skipif(SOURCES is None, reason="source documents not found")


def doc(prefix: str) -> Path:
    return next(SOURCES.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def drafts(dataset):
    cache = {}

    def get(prefix):
        if prefix not in cache:
            cache[prefix] = draft_plan(read_document(doc(prefix)), dataset)
        return cache[prefix]
    return get


@needs_sources
def test_001_layout_has_the_four_groups_with_their_exact_members(drafts, dataset):
    lay = next(x for x in drafts("001").layouts if x.data["name"] == "4+4+1+5")
    got = [set(el.data["districts"]) for el in lay.children]
    want = [set(el.districts) for el in dataset.layouts["dt_4415"].elements]
    assert got == want
    assert [el.data["kind"] for el in lay.children] == ["group", "group", "zone", "group"]


@needs_sources
def test_001_measures_all_23_with_their_responsible_units(drafts, dataset):
    measures = drafts("001").measures
    assert [m.data["number"] for m in measures] == [str(i) for i in range(1, 24)]
    for m in measures:
        truth = dataset.measures[f"dt2024_m{int(m.data['number']):02d}"]
        assert m.data["units"] == truth.units and m.data["lead_units"] == truth.lead_units


@needs_sources
def test_001_quantified_2026_targets(drafts, dataset):
    targets = drafts("001").targets
    got = {(float(t.data["value"]), t.data["unit"], t.data["year"]) for t in targets}
    want = {(t.value, t.unit, t.year) for tid, t in dataset.targets.items() if dataset.target_plan[tid] == "dt2024"}
    assert got == want and len(targets) == len(want) == 21
    assert all(t.data["year"] == 2026 for t in targets)
    # the “123” freight circle, spelled out in brackets: 国内1日达、周边国家2日达、全球主要城市3日达
    freight = sorted((t.data["value"], t.data["comparator"]) for t in targets if t.data["unit"] == "日")
    assert freight == [(1, "<="), (2, "<="), (3, "<=")]
    assert all(any("no year stated" in f for f in t.flags) for t in targets if t.data["unit"] == "日")


@needs_sources
def test_000_core_is_flagged_as_an_interpretation_of_the_main_city(drafts):
    lay = next(x for x in drafts("000").layouts if x.data["name"] == "一核一带两翼多基地")
    assert [el.data["name"] for el in lay.children][:1] == ["一核"]
    core = lay.children[0]
    assert set(core.data["districts"]) == {"shangcheng", "gongshu", "xihu", "binjiang"}
    assert core.data["primary_districts"] == ["binjiang"]
    assert "主城区" in core.data["interpretation"]["note"]
    assert any("interpretation" in f and "主城区" in f for f in core.flags)
    wings = [el for el in lay.children if el.data["kind"] == "wing"]
    assert [set(w.data["districts"]) for w in wings] == [{"xihu", "yuhang", "linan"}, {"qiantang"}]


@needs_sources
def test_003_all_27_measures_including_the_one_whose_heading_is_lost(drafts):
    from hzmap.model.plan_import.text import cn_numeral
    measures = drafts("003").measures
    assert [m.data["number"] for m in measures] == [cn_numeral(i) for i in range(1, 28)]
    lost = measures[19]
    assert "missing" in lost.flags[0] and "临平区政府" in lost.data["units"]


@needs_sources
def test_every_excerpt_is_found_in_the_source_document(drafts):
    from hzmap.model.dataset.provenance import document_text, excerpt_found
    for prefix in ("000", "001", "003"):
        text = document_text(doc(prefix))
        for rec in drafts(prefix).records():
            for p in rec.passages:
                assert excerpt_found(p.excerpt, text), (prefix, rec.id, p.excerpt)


NEW_PLAN = """杭州市未来产业发展三年行动方案(2025—2027年)
杭州市人民政府办公厅
2025年3月1日
一、空间布局
构建“一心两廊三组团”未来产业空间格局。
“一心”:以滨江区为中心,建设未来产业创新策源地。
“两廊”:依托城西科创大走廊和湘湖,打造人才与产业走廊。
“三组团”:推动临平区、富阳区、建德市特色发展。
“九星”:培育一批未来产业先导区。
二、重点任务
(一)培育创新主体。到2027年,全市未来产业企业达到500家以上。(牵头单位:市科技局;责任单位:市经信局、市发改委)
(二)建设应用场景。打造应用场景100个。(责任单位:市经信局、市数据资源局)
"""


def test_a_new_slogan_drafts_elements_in_the_right_districts(dataset):
    d = draft_plan(pasted(NEW_PLAN), dataset)
    lay = d.layouts[0]
    assert lay.data["name"] == "一心两廊三组团"
    got = {el.data["name"]: (el.data["kind"], el.data["districts"]) for el in lay.children}
    assert got == {
        "一心": ("core", ["binjiang"]),
        "两廊·城西科创大走廊": ("corridor", ["xihu", "yuhang", "linan"]),
        "两廊·湘湖": ("corridor", ["xiaoshan"]),
        "三组团·临平区": ("group", ["linping"]), "三组团·富阳区": ("group", ["fuyang"]),
        "三组团·建德市": ("group", ["jiande"])}
    assert d.plan.data["issuer"] == "杭州市人民政府办公厅"
    assert str(d.plan.data["issued"]) == "2025-03-01"
    m1, m2 = d.measures
    assert m1.data["lead_units"] == ["市科技局"] and m1.data["units"] == ["市科技局", "市经信局", "市发改委"]
    assert m2.data["units"] == ["市经信局", "市数据资源局"]
    t = d.targets[0].data
    assert (t["value"], t["unit"], t["year"], t["comparator"]) == (500, "家", 2027, ">=")


def test_delivery_times_are_targets_and_an_aside_in_brackets_is_not(dataset):
    text = NEW_PLAN.replace("打造应用场景100个。", "打造应用场景100个,实现市内快递2小时内送达"
                            "(试点区域先行30分钟内即时送达),建成“半日达”配送圈(国内1日达)。")
    got = {(t.data["value"], t.data["unit"], t.data["comparator"]) for t in draft_plan(pasted(text), dataset).targets}
    assert (2, "小时", "<=") in got and (1, "日", "<=") in got       # the bracket after “半日达”配送圈
    assert not any(unit == "分钟" for _, unit, _ in got)               # an aside in brackets


def test_a_part_that_names_no_place_is_kept_empty_and_flagged(dataset):
    d = draft_plan(pasted(NEW_PLAN.replace("构建“一心两廊三组团”", "构建“一心两廊三组团九星”")), dataset)
    star = next(el for el in d.layouts[0].children if el.data["name"] == "九星")
    assert star.data["districts"] == [] and star.data["places"] == []
    assert any("names no place" in f for f in star.flags)


def test_the_saved_draft_validates_and_its_layout_is_loaded(dataset, tmp_path):
    d = draft_plan(pasted(NEW_PLAN), dataset)
    d.accept_all()
    write_draft(d, tmp_path / "mine")
    ds = load_dataset_with([tmp_path / "mine"], base=dataset)
    lay = ds.layouts[d.layouts[0].id]
    assert lay.name == "一心两廊三组团" and len(lay.elements) == 6
    assert d.plan_id in ds.plans and len(ds.layouts) == len(dataset.layouts) + 1
    assert (tmp_path / "mine" / "sources" / f"{d.plan_id}.txt").is_file()


def test_rejected_records_are_not_written(dataset, tmp_path):
    d = draft_plan(pasted(NEW_PLAN), dataset)
    d.accept_all()
    d.layouts[0].children[1].reject()
    d.measures[1].reject()
    d.measures[0].edit(title="培育未来产业创新主体")
    write_draft(d, tmp_path / "mine", only_accepted=True)
    ds = load_dataset_with([tmp_path / "mine"], base=dataset)
    assert len(ds.layouts[d.layouts[0].id].elements) == 5
    mine = [m for mid, m in ds.measures.items() if ds.measure_plan[mid] == d.plan_id]
    assert [m.title for m in mine] == ["培育未来产业创新主体"]


def test_a_document_without_a_slogan_still_drafts_measures_and_targets(dataset):
    text = NEW_PLAN.replace("构建“一心两廊三组团”未来产业空间格局。", "")
    d = draft_plan(pasted(text), dataset)
    assert d.layouts == [] and len(d.measures) == 2 and d.targets
    assert any("no layout slogan" in n for n in d.notes)


def test_one_record_can_say_what_the_schema_finds_wrong(dataset):
    d = draft_plan(pasted(NEW_PLAN), dataset)
    el = d.layouts[0].children[0]
    assert el.problems() == []
    el.edit(districts=[], kind="blob")
    assert any("kind" in p for p in el.problems())
