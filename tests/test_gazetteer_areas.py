"""The towns and areas added for the plan importer lie in the districts the gazetteer says."""
import yaml

from hzmap.model.geo.geodata import to_map
from hzmap.paths import data_root


def test_every_located_area_lies_in_its_first_district(geodata):
    areas = yaml.safe_load((data_root() / "gazetteer.yaml").read_text(encoding="utf-8"))["areas"]
    located = [a for a in areas if a.get("at")]
    assert len(located) >= 40
    wrong = [(a["names"][0], a["districts"][0], geodata.district_at(*to_map(*a["at"])))
             for a in located if geodata.district_at(*to_map(*a["at"])) != a["districts"][0]]
    assert wrong == []
