"""Hangzhou's 乡镇/街道 from the statistical codes, and places outside Hangzhou."""
import csv

import pytest

from hzmap.model.geo.gazetteer import load_gazetteer
from hzmap.model.geo.townships import load_outside
from hzmap.paths import data_root


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_every_township_lies_in_the_district_its_code_names():
    adcode = {r["id"]: r["adcode"] for r in csv.DictReader(open(data_root() / "districts.csv",
                                                                encoding="utf-8"))}
    rows = list(csv.DictReader(open(data_root() / "townships.csv", encoding="utf-8")))
    assert len(rows) == 196
    assert all(r["code"][:6] == adcode[r["district"]] for r in rows)


@pytest.mark.parametrize("name,district", [("三墩", "xihu"), ("义桥", "xiaoshan"), ("衙前", "xiaoshan"),
                                           ("乔司街道", "linping"), ("新街街道", "xiaoshan"),
                                           ("径山镇", "yuhang"), ("汾口", "chunan")])
def test_towns_and_streets_map_to_their_district_as_interpretations(gaz, name, district):
    e = gaz.lookup(name)
    assert e.districts == (district,) and e.interpretation


@pytest.mark.parametrize("name", ["南阳", "靖江", "新街", "前进", "留下", "太阳", "五常"])
def test_short_forms_that_are_words_or_other_places_are_not_read_alone(gaz, name):
    assert gaz.lookup(name) is None


def test_curated_areas_keep_their_notes_over_the_statistics(gaz):
    assert "2021" in gaz.lookup("义蓬").note and gaz.lookup("义蓬").kind == "area"


def test_running_text_finds_a_town_but_not_the_word_inside_another(gaz):
    text = "与萧山义蓬、瓜沥、衙前以及红山农场周边发展规划相衔接,留下美好印象"
    found = {text[s:e]: ent.districts for s, e, ent in gaz.find_all(text)}
    assert found["衙前"] == ("xiaoshan",) and found["红山农场"] == ("xiaoshan",)
    assert "留下" not in found


def test_places_outside_hangzhou_are_named_and_hangzhou_is_not_among_them():
    out = load_outside(data_root())
    text = "对接宁波市、温州和湖州德清县,杭州市西湖区与滨江区"
    assert [o.name for o in out.find(text)] == ["宁波市", "温州", "湖州", "德清县"]
    assert "浙江省" in out.find("浙江省大都市区")[0].what
