"""The layout dataset: the project's files load cleanly, and broken files give clear problems."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from hzmap.model.dataset import DatasetError, load_dataset
from hzmap.paths import seeds_dir
from hzmap.model.dataset.provenance import document_text, excerpt_found

REPO = Path(__file__).resolve().parents[1]
DATASET = REPO / "geodata" / "dataset"
SEEDS = seeds_dir()  # the source documents ship with hzmap (geodata/sources)


# ---------------------------------------------------------------- the project's dataset

def test_dataset_loads_with_every_excerpt_found_in_its_document():
    ds = load_dataset()
    assert set(ds.plans) == {"st2021", "dt2024", "open2018", "ps2024", "nst2021"}
    assert len(ds.districts) == 13
    assert ds.excerpts_checked and ds.seeds_dir == SEEDS


def test_every_excerpt_is_in_its_source(dataset):
    missing = []
    records = [*dataset.places.values(), *dataset.layouts.values(), *dataset.measures.values(),
               *dataset.targets.values(), *(el for _, el in dataset.elements())]
    for rec in records:
        for src in rec.all_sources:
            text = document_text(SEEDS / dataset.plans[src.doc].file)
            if not excerpt_found(src.excerpt, text):
                missing.append((rec.id, src.excerpt))
    assert not missing


def test_4415_groups_are_exactly_the_districts_named_in_001(dataset):
    lay = dataset.layouts["dt_4415"]
    assert lay.plan == "dt2024" and lay.name == "4+4+1+5"
    groups = {el.id: set(el.districts) for el in lay.elements}
    assert groups == {
        "ftz_led": {"binjiang", "xiaoshan", "qiantang", "yuhang"},
        "collab_innovation": {"shangcheng", "linping", "gongshu", "xihu"},
        "airport_zone": {"xiaoshan"},
        "whole_area": {"fuyang", "linan", "tonglu", "chunan", "jiande"},
    }
    el = {e.id: e for e in lay.elements}
    assert el["airport_zone"].places == ["airport_econ_zone"]
    assert "ftz_hangzhou" in el["ftz_led"].places
    # the 4+4+1+5 covers all 13 units, each once except 萧山 (also home of the airport zone)
    named = [d for e in lay.elements if e.geometry.type == "districts" for d in e.districts]
    assert sorted(named) == sorted(dataset.districts)


def test_001_has_23_measures_each_with_a_responsible_unit(dataset):
    ms = [m for mid, m in dataset.measures.items() if dataset.measure_plan[mid] == "dt2024"]
    assert len(ms) == 23
    assert [m.number for m in ms] == [str(i) for i in range(1, 24)]
    for m in ms:
        assert m.units and m.lead_units and m.units[0] == m.lead_units[0], m.id
        assert all(s.doc == "dt2024" for s in m.all_sources)
    m17 = dataset.measures["dt2024_m17"]
    assert m17.units[:3] == ["市发改委", "市交通运输局", "杭州萧山国际机场有限公司"]


def test_001_targets(dataset):
    ts = {t.id: t for tid, t in dataset.targets.items() if dataset.target_plan[tid] == "dt2024"}
    assert ts["dt2024_t_trade_value"].value == 4300 and ts["dt2024_t_trade_value"].unit == "亿元"
    assert all(t.year == 2026 for t in ts.values())
    assert len(ts) >= 15


def test_every_district_has_a_role(dataset):
    with_role = {d for _, el in dataset.elements() for d in el.districts}
    with_role |= {d for _, el in dataset.elements() for p in el.places for d in dataset.places[p].districts}
    assert set(dataset.districts) - with_role == set()


def test_plans_point_at_seed_files(dataset):
    for plan in dataset.plans.values():
        assert plan.file.startswith(("000_", "001_", "002_", "003_", "004_"))
    assert dataset.plans["open2018"].district_names == "pre2021"
    assert dataset.plans["nst2021"].scope == "national"


# ---------------------------------------------------------------- broken datasets

GOOD_LAYOUT = {
    "id": "dt_test", "plan": "dt2024", "name": "4+4+1+5", "name_en": "test",
    "source": {"doc": "dt2024", "section": "一", "excerpt": "构建“4+4+1+5”空间发展格局"},
    "elements": [{
        "id": "lead4", "kind": "group", "name": "引领", "name_en": "Lead",
        "literal": "滨江区、萧山区、钱塘区、余杭区",
        "districts": ["binjiang", "xiaoshan", "qiantang", "yuhang"], "places": ["ftz"],
        "function": "数字贸易创新发展", "role_en": "lead",
        "geometry": {"type": "districts"},
        "source": {"doc": "dt2024", "section": "一", "excerpt": "推动滨江区、萧山区、钱塘区、余杭区数字贸易创新发展"},
    }],
}
GOOD_PLACES = {"places": [{
    "id": "ftz", "name": "自贸试验区", "name_en": "FTZ", "kind": "zone",
    "districts": ["binjiang"], "location": {"precision": "district"},
    "sources": [{"doc": "dt2024", "section": "一", "excerpt": "以浙江自贸试验区杭州片区"}],
}]}


def make_dataset(tmp_path: Path) -> Path:
    """A minimal valid dataset (plans.yaml copied, one layout, one place) and a seeds folder."""
    root = tmp_path / "dataset"
    (root / "layouts").mkdir(parents=True)
    (root / "places").mkdir()
    plans = yaml.safe_load((DATASET / "plans.yaml").read_text(encoding="utf-8"))
    plans["plans"] = [p for p in plans["plans"] if p["id"] == "dt2024"]
    plans["plans"][0]["file"] = "doc.txt"
    (root / "plans.yaml").write_text(yaml.safe_dump(plans, allow_unicode=True), encoding="utf-8")
    write(root / "layouts/digital_trade.yaml", GOOD_LAYOUT)
    write(root / "places/places.yaml", GOOD_PLACES)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "doc.txt").write_text(
        "构建“4+4+1+5”空间发展格局:以浙江自贸试验区杭州片区(以下简称自贸试验区)为引领,\n"
        "推动滨江区、萧山区、钱塘区、余杭区数字贸易创新发展;", encoding="utf-8")
    return root


def write(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(root: Path, seeds: Path | None) -> list[str]:
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, seeds_dir=seeds)
    return exc.value.problems


def test_minimal_dataset_is_valid(tmp_path):
    root = make_dataset(tmp_path)
    ds = load_dataset(root, seeds_dir=tmp_path / "seeds")
    assert ds.excerpts_checked and list(ds.layouts) == ["dt_test"]
    ds2 = load_dataset(root, seeds_dir=tmp_path / "absent")
    assert ds2.excerpts_checked is False


def test_bad_yaml_reports_the_line(tmp_path):
    root = make_dataset(tmp_path)
    (root / "layouts/digital_trade.yaml").write_text("id: x\nname: a\n  name_en: b\n",
                                                     encoding="utf-8")
    probs = problems_of(root, tmp_path / "seeds")
    # libyaml (C) says "...not allowed in this context", the pure-Python parser "...here"
    assert len(probs) == 1
    assert probs[0].startswith("layouts/digital_trade.yaml: invalid YAML at line 3, column 10: "
                               "mapping values are not allowed")


def test_duplicate_yaml_key(tmp_path):
    root = make_dataset(tmp_path)
    (root / "places/more.yaml").write_text("places: []\nplaces: []\n", encoding="utf-8")
    assert problems_of(root, tmp_path / "seeds") == [
        "places/more.yaml: invalid YAML at line 2, column 1: duplicate key 'places'"]


def test_missing_and_misspelt_fields(tmp_path):
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    del lay["elements"][0]["function"]
    lay["elements"][0]["secters"] = ["x"]
    lay["elements"][0]["districts"] = "binjiang"
    write(root / "layouts/digital_trade.yaml", lay)
    probs = problems_of(root, tmp_path / "seeds")
    assert "layouts/digital_trade.yaml: element 'lead4': missing field 'function'" in probs
    assert any(p.startswith("layouts/digital_trade.yaml: element 'lead4': unknown field 'secters'")
               for p in probs)
    assert any(p.startswith("layouts/digital_trade.yaml: element 'lead4': districts: ")
               for p in probs)


def test_unknown_district(tmp_path):
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["elements"][0]["districts"][0] = "binjian"
    write(root / "layouts/digital_trade.yaml", lay)
    assert problems_of(root, tmp_path / "seeds") == [
        "layouts/digital_trade.yaml: element 'lead4': districts member 'binjian' is not a district id "
        "(districts.csv)"]


def test_duplicate_id(tmp_path):
    root = make_dataset(tmp_path)
    shutil.copy(root / "places/places.yaml", root / "places/other.yaml")
    assert problems_of(root, tmp_path / "seeds") == [
        "places/places.yaml: place 'ftz': duplicate id (already used in places/other.yaml)"]


def test_excerpt_not_in_source(tmp_path):
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["elements"][0]["source"]["excerpt"] = "推动滨江区数字贸易创新发展"
    write(root / "layouts/digital_trade.yaml", lay)
    probs = problems_of(root, tmp_path / "seeds")
    assert len(probs) == 1
    assert probs[0].startswith("layouts/digital_trade.yaml: element 'lead4': source.excerpt not "
                               "found in the source document doc.txt (dt2024): '推动滨江区数字贸易创新发展'")
    # without the documents the excerpt is not checked, and the dataset loads
    assert load_dataset(root, seeds_dir=tmp_path / "absent").excerpts_checked is False


def test_an_unplaced_part_is_checked_against_its_passage(tmp_path):
    """A layout's part the text names but does not place (“四廊”) carries its passage, checked
    like every other; a misspelt field is refused."""
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["unplaced"] = [{"name": "四廊", "name_en": "four corridors",
                        "source": {"doc": "dt2024", "section": "一", "excerpt": "构建四廊支撑格局"}}]
    write(root / "layouts/digital_trade.yaml", lay)
    probs = problems_of(root, tmp_path / "seeds")
    assert len(probs) == 1 and probs[0].startswith(
        "layouts/digital_trade.yaml: layout 'dt_test': unplaced[0]: source.excerpt not found")
    lay["unplaced"][0]["source"]["excerpt"] = GOOD_LAYOUT["source"]["excerpt"]
    write(root / "layouts/digital_trade.yaml", lay)
    ds = load_dataset(root, seeds_dir=tmp_path / "seeds")
    assert [u.name for u in ds.layouts["dt_test"].unplaced] == ["四廊"]
    lay["unplaced"][0]["nmae"] = "x"
    write(root / "layouts/digital_trade.yaml", lay)
    assert any("unplaced" in p and "nmae" in p for p in problems_of(root, tmp_path / "seeds"))


def test_whitespace_is_ignored_in_excerpts(tmp_path):
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["source"]["excerpt"] = "杭州片区(以下简称自贸试验区)为引领, 推动滨江区"   # spans a line break
    write(root / "layouts/digital_trade.yaml", lay)
    assert load_dataset(root, seeds_dir=tmp_path / "seeds").excerpts_checked   # checked, and found
    lay["source"]["excerpt"] = "杭州片区(以下简称自贸试验区)为引领, 推进滨江区"   # one character off
    write(root / "layouts/digital_trade.yaml", lay)
    assert problems_of(root, tmp_path / "seeds")[0].startswith(
        "layouts/digital_trade.yaml: layout 'dt_test': source.excerpt not found in the source document")


def test_dangling_place_and_plan_refs(tmp_path):
    root = make_dataset(tmp_path)
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["elements"][0]["places"] = ["ftz", "data_valley"]
    lay["plan"] = "dt2025"
    write(root / "layouts/digital_trade.yaml", lay)
    probs = problems_of(root, tmp_path / "seeds")
    assert "layouts/digital_trade.yaml: element 'lead4': places member 'data_valley' is not a " \
           "place id (places/*.yaml)" in probs
    assert "layouts/digital_trade.yaml: layout 'dt_test': plan 'dt2025' is not a plan id " \
           "(plans.yaml)" in probs


def test_all_problems_are_collected(tmp_path):
    root = make_dataset(tmp_path)
    (root / "places/bad.yaml").write_text("places:\n  - id: x\n    name: [\n", encoding="utf-8")
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["elements"][0]["districts"] = ["binjian", "qiantang"]
    write(root / "layouts/digital_trade.yaml", lay)
    (root / "measures").mkdir()
    (root / "measures/dt2024.yaml").write_text(textwrap.dedent("""\
        plan: dt2024
        measures:
          - id: m1
            number: 1
            title: t
            summary: s
            units: [市商务局]
            lead_units: [市统计局]
            citywide: true
            source: {doc: dt2024, section: "二(一)1", excerpt: "构建“4+4+1+5”空间发展格局"}
        """), encoding="utf-8")
    probs = problems_of(root, tmp_path / "seeds")
    assert len(probs) == 3, probs
    assert any(p.startswith("places/bad.yaml: invalid YAML at line") for p in probs)
    assert any("'binjian' is not a district id" in p for p in probs)
    assert any(p.startswith("measures/dt2024.yaml: measure 'm1': units must list the lead unit")
               for p in probs)


def test_big_files_are_refused(tmp_path):
    root = make_dataset(tmp_path)
    (root / "places/huge.yaml").write_text("# " + "x" * (5 * 1024 * 1024) + "\nplaces: []\n")
    probs = problems_of(root, tmp_path / "seeds")
    assert probs[0].startswith("places/huge.yaml: the file is") and "over 5 MB" in probs[0]


def test_no_plans_file(tmp_path):
    with pytest.raises(DatasetError, match="plans.yaml: not found"):
        load_dataset(tmp_path)


def test_one_yaml_error_in_the_shipped_plans_is_one_problem_not_hundreds(tmp_path):
    """A syntax error in plans.yaml leaves every plan out; the hundreds of references to them
    are counted in one line, not listed, and a district typo elsewhere is still reported."""
    import shutil
    root = tmp_path / "dataset"
    shutil.copytree(DATASET, root)
    lines = (root / "plans.yaml").read_text(encoding="utf-8").split("\n")
    lines[10] += " : : ["
    (root / "plans.yaml").write_text("\n".join(lines), encoding="utf-8")
    probs = problems_of(root, None)
    assert len(probs) == 2, probs[:5]
    assert probs[0].startswith("plans.yaml: invalid YAML at line 11")
    assert probs[1].startswith("plans.yaml: ") and "more problems refer to records this file holds" in probs[1]
    assert int(probs[1].split(": ")[1].split()[0].replace(",", "")) > 300


def test_a_broken_places_file_hides_only_what_follows_from_it(tmp_path):
    root = make_dataset(tmp_path)
    (root / "places/places.yaml").write_text("places:\n  - id: ftz\n    name: [\n", encoding="utf-8")
    lay = yaml.safe_load(yaml.safe_dump(GOOD_LAYOUT))
    lay["elements"][0]["places"] = ["ftz"]
    lay["elements"][0]["districts"] = ["binjian", "qiantang"]
    write(root / "layouts/digital_trade.yaml", lay)
    probs = problems_of(root, tmp_path / "seeds")
    assert probs[0].startswith("places/places.yaml: invalid YAML")
    assert any("'binjian' is not a district id" in p for p in probs)      # not from the file
    assert not any("is not a place id" in p for p in probs)             # follows from it
    assert probs[-1].startswith("places/places.yaml: 1 more problem refers to records")
