"""The gazetteer: every common form of a unit, the abolished units, towns and dataset places."""
import pytest

from hzmap.model.geo.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz(dataset):
    return load_gazetteer(dataset)


@pytest.mark.parametrize("name", ["滨江", "滨江区", "Binjiang", "binjiang district", "330108", 330108.0,
                                  " 滨 江 区 "])
def test_forms_of_a_unit_are_that_unit_literally(gaz, name):
    e = gaz.lookup(name)
    assert e.districts == ("binjiang",) and not e.interpretation


@pytest.mark.parametrize("name,districts", [("江干区", ("shangcheng", "qiantang")), ("下城区", ("gongshu",)),
                                            ("原余杭区", ("yuhang", "linping"))])
def test_abolished_units_map_to_todays_with_a_note(gaz, name, districts):
    e = gaz.lookup(name)
    assert e.kind == "former" and e.districts == districts and e.interpretation and "2021" in e.note


@pytest.mark.parametrize("name,district", [("良渚", "yuhang"), ("大江东", "qiantang"), ("下沙", "qiantang"), ("钱江新城", "shangcheng"),
                                           ("未来科技城", "yuhang"), ("湘湖", "xiaoshan"), ("东洲", "fuyang")])
def test_towns_and_areas_are_interpretations(gaz, name, district):
    e = gaz.lookup(name)
    assert e.districts == (district,) and e.interpretation


def test_running_text_prefers_the_longest_name(gaz):
    found = gaz.find_all("推动钱江新城、下沙和滨江区协同发展")
    assert [(text, e.districts) for text, e in
            (("推动钱江新城、下沙和滨江区协同发展"[s:t], e) for s, t, e in found)] == [
        ("钱江新城", ("shangcheng",)), ("下沙", ("qiantang",)), ("滨江区", ("binjiang",))]


def test_dataset_places_are_found(gaz):
    e = gaz.lookup("中国数谷")
    assert e.kind == "place" and e.place and e.districts
