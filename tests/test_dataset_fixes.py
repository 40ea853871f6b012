"""The dataset as reviewed against the five documents: places drawn where they are, one
comparator rule, conflicts shown, the missing targets and the national context present."""
from __future__ import annotations

import shutil

import pytest
import yaml
from matplotlib.figure import Figure

from hzmap.model.dataset import DatasetError, district_profile, load_dataset, place_profile
from hzmap.paths import data_root


def drawn_districts(data, layout_id: str, element_id: str) -> dict[str, str | None]:
    """{place id drawn: district under its symbol} for one element as the map draws it."""
    from hzmap.render.layout_overlay import LayoutOverlay
    from hzmap.render.map_view import MapRenderer

    geo, ds = data
    r = MapRenderer(Figure(figsize=(6, 4), dpi=60), geo)
    overlay = LayoutOverlay(r, ds)
    overlay.show(layout_id)
    ea = next(e for e in overlay.elements() if e.element_id == element_id)
    return [(pid, geo.district_at(x, y)) for pid, (x, y) in ea.places]


@pytest.mark.parametrize("layout_id, element_id", [("dt_4415", "ftz_led"),
                                                   ("dt_platforms", "ftz_data_pilot")])
def test_the_ftz_is_drawn_in_its_three_districts(data, layout_id, element_id):
    drawn = drawn_districts(data, layout_id, element_id)
    assert sorted(d for _, d in drawn) == ["binjiang", "qiantang", "xiaoshan"]
    assert {pid for pid, _ in drawn} == {"ftz_hangzhou"}   # each symbol selects the whole FTZ


def test_the_innovation_zone_is_drawn_at_both_parks(data):
    drawn = drawn_districts(data, "open2018_platforms", "innovation_demo_zone")
    assert sorted(d for _, d in drawn) == ["binjiang", "qiantang"]


def test_a_block_shows_the_roles_of_the_whole(dataset):
    prof = place_profile(dataset, "ftz_binjiang")
    assert [p["id"] for p in prof["part_of"]] == ["ftz_hangzhou"]
    assert {(r["layout"]["id"], r["element"]["id"]) for r in prof["roles"]} >= {
        ("dt_4415", "ftz_led"), ("dt_platforms", "ftz_data_pilot")}
    assert all(r["via_place"]["id"] == "ftz_hangzhou" for r in prof["roles"])


def copy_dataset(tmp_path):
    root = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root)
    return root


def edit_yaml(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_validate_reports_a_district_without_a_part(tmp_path):
    root = copy_dataset(tmp_path)

    def drop_binjiang_block(data):
        ftz = next(p for p in data["places"] if p["id"] == "ftz_hangzhou")
        ftz["parts"] = ["ftz_qiantang", "ftz_xiaoshan", "nowhere"]
    edit_yaml(root / "dataset/places/places.yaml", drop_binjiang_block)
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert exc.value.problems == [
        "places/places.yaml: place 'ftz_hangzhou': parts member 'nowhere' is not a place id "
        "(places/*.yaml)",
        "places/places.yaml: place 'ftz_hangzhou': parts: no part lies in binjiang (the place "
        "would not be drawn there)"]
