"""The dataset as reviewed against the five documents: places drawn where they are, one
comparator rule, conflicts shown, the missing targets and the national context present."""
from __future__ import annotations

import shutil

import pytest
import yaml
from matplotlib.figure import Figure

from hzmap.model.dataset import DatasetError, district_profile, load_dataset, place_profile
from hzmap.model.elements.shape import element_figure
from hzmap.paths import data_root


def drawn_districts(data, layout_id: str, element_id: str) -> dict[str, str | None]:
    """{place id drawn: district under its symbol} for one element as the map draws it."""
    from hzmap.render.map.layout_overlay import LayoutOverlay
    from hzmap.render.map.map_view import MapRenderer

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


def test_bands_stay_in_the_districts_they_name(data):
    geo, ds = data
    checked, beyond = [], {}
    for lay, el in ds.elements():
        if el.geometry.type != "river_band" and el.id not in (
                "finance_bay", "canal_belt", "grand_canal_belt"):
            continue
        shape = element_figure(geo, el).polygon  # as the map draws it
        checked.append(el.id)
        for did, f in geo.districts.items():
            km2 = f.geometry.intersection(shape).area / 1e6
            if did not in el.districts and km2 > 1.0:
                beyond[f"{lay.id}/{el.id}"] = (did, round(km2, 1))
    assert {"finance_bay", "belt", "river_development", "zhijiang_belt"} <= set(checked)
    assert not beyond


def test_the_grand_canal_has_one_extent(dataset):
    canal = dataset.layouts["st_culture_trade"].elements[1]
    heritage = dataset.layouts["open2018_heritage"].elements[0]
    assert (canal.id, heritage.id) == ("canal_belt", "grand_canal_belt")
    assert canal.geometry == heritage.geometry
    assert set(canal.districts) == set(heritage.districts) == set(
        dataset.places["canal_culture_belt"].districts) == {"shangcheng", "gongshu", "linping"}


def test_the_belt_starts_where_the_text_does(dataset):
    from hzmap.model.geo.geodata import to_map

    belt = next(el for el in dataset.layouts["st_core_belt_wings"].elements if el.id == "belt")
    sjh = dataset.places["sanjianghui"].location
    (x0, y0), (x1, y1) = to_map(*belt.geometry.from_), to_map(sjh.lon, sjh.lat)
    assert ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5 < 2000
    assert "just upstream" not in belt.interpretation.note


def test_binjiang_in_two_groups_is_shown_as_a_conflict(dataset):
    [c] = district_profile(dataset, "binjiang")["conflicts"]
    assert c["layout"]["id"] == "open2018_city_layout"
    assert [e["id"] for e in c["elements"]] == ["main_city", "subcities_clusters"]
    assert "主城区" in c["note"] and all(e["sources"] for e in c["elements"])
    assert district_profile(dataset, "xihu")["conflicts"] == []


def test_validate_reports_a_conflict_the_elements_do_not_share(tmp_path):
    root = copy_dataset(tmp_path)

    def claim_xihu(data):
        data["conflicts"][0]["districts"] = ["binjiang", "xihu"]
    edit_yaml(root / "dataset/layouts/open2018_city_layout.yaml", claim_xihu)
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert exc.value.problems == [
        "layouts/open2018_city_layout.yaml: layout 'open2018_city_layout': conflicts[0]: district "
        "'xihu' is not in element 'subcities_clusters's districts"]


def test_binjiang_shows_its_national_role_citing_004(dataset):
    prof = district_profile(dataset, "binjiang")
    national = next(g for g in prof["roles_by_plan"] if g["plan"]["id"] == "nst2021")
    roles = {r["element"]["id"]: r for r in national["items"]}
    assert roles["digital_service_export_base"]["via_place"]["id"] == "iot_park"
    assert {"pilot_city", "outsourcing_model_city", "yrd_cluster"} <= set(roles)
    assert all(s["doc"] == "nst2021" for r in roles.values() for s in r["sources"])


def test_the_new_targets_are_there(dataset):
    t = dataset.targets
    assert (t["ps2024_t_lowalt_city_delivery"].value, t["ps2024_t_lowalt_city_delivery"].unit,
            t["ps2024_t_lowalt_city_delivery"].comparator) == (2, "小时", "<=")
    assert t["ps2024_t_lowalt_instant_delivery"].value == 30
    assert t["ps2024_t_china_europe_train"].year == 2025 and t["ps2024_t_china_europe_train"].milestone
    assert {t["ps2024_t_apec_card_points"].value, t["ps2024_t_foreign_affairs_staff"].value} == {100}
    assert [t[f"dt2024_t_freight_{k}"].value for k in ("domestic", "neighbours", "global")] == [1, 2, 3]
    assert [t[f"open2018_t_rail_hub_{k}"].value for k in ("hsr_lines", "stations", "directions")] \
        == [11, 6, 9]
    assert (t["nst2021_t_knowledge_intensive_growth"].value,
            t["nst2021_t_knowledge_intensive_growth"].comparator) == (8, "~")
    assert "interpretation" in t["dt2024_t_hitech_firms"].note
