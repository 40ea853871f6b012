"""District and place profiles, search and name resolution over the project's dataset."""

from __future__ import annotations

import json

import pytest

from hzmap.model.dataset import (district_profile, place_profile, resolve_name,
                                 search)


def _roles(prof: dict) -> list[dict]:
    return [r for g in prof["roles_by_plan"] for r in g["items"]]


def test_qiantang_profile(dataset):
    prof = district_profile(dataset, "qiantang")
    json.dumps(prof, ensure_ascii=False)          # machine-readable as it is
    assert prof["district"]["name"] == "钱塘区"
    roles = _roles(prof)
    g4415 = [r for r in roles if r["layout"]["id"] == "dt_4415"]
    assert [r["element"]["id"] for r in g4415] == ["ftz_led"]
    assert g4415[0]["plan"]["id"] == "dt2024" and g4415[0]["via_place"] is None
    src = g4415[0]["sources"][0]
    assert src["doc"] == "dt2024" and src["cite"] == "数字贸易强市三年行动计划 §一"
    assert "钱塘区" in src["excerpt"]
    # the FTZ lies partly in 钱塘区: it is among its places, and measures naming it reach 钱塘区
    assert "ftz_hangzhou" in {p["id"] for p in prof["places"]}
    m15 = [m for m in prof["measures"] if m["id"] == "dt2024_m15"]
    assert m15 and m15[0]["via_place"]["id"] == "ftz_hangzhou"
    assert m15[0]["units"][0] == "市商务局" and m15[0]["sources"][0]["section"] == "二(三)15"
    # roles reached through a place are marked
    assert any(r["via_place"] and r["via_place"]["id"] == "ftz_hangzhou" for r in roles)
    # plans are grouped in plans.yaml order
    order = list(dataset.plans)
    got = [g["plan"]["id"] for g in prof["roles_by_plan"]]
    assert got == sorted(got, key=order.index)


def test_qiantang_is_a_wing_in_st2021(dataset):
    """000 §二(四): 钱塘区 is one of the 两翼 of “一核一带两翼多基地”."""
    roles = _roles(district_profile(dataset, "qiantang"))
    wings = [r for r in roles if r["plan"]["id"] == "st2021" and r["kind"] == "wing"
             and r["via_place"] is None]
    assert wings, "钱塘区 should have its 两翼 role from st2021"
    assert any("两翼" in r["element"]["name"] for r in wings)


def test_citywide_measures_and_targets(dataset):
    prof = district_profile(dataset, "chunan")
    dt = [g for g in prof["citywide_measures"] if g["plan"]["id"] == "dt2024"][0]["items"]
    assert {m["number"] for m in dt} >= {"1", "2", "3", "22", "23"}
    assert all(m["citywide"] for m in dt)
    pw = [g for g in prof["targets"]["plan_wide"] if g["plan"]["id"] == "dt2024"][0]["items"]
    assert "dt2024_t_trade_value" in {t["id"] for t in pw}
    # a target tied to a place shows for that place's district, not as plan-wide
    assert "dt2024_t_air_cargo" not in {t["id"] for t in pw}
    xs = district_profile(dataset, "xiaoshan")
    assert "dt2024_t_air_cargo" in {t["id"] for t in xs["targets"]["district"]}


def test_every_district_has_a_profile_with_roles(dataset):
    for did in dataset.districts:
        assert _roles(district_profile(dataset, did)), did


def test_place_profile(dataset):
    prof = place_profile(dataset, "airport_econ_zone")
    assert [d["id"] for d in prof["districts"]] == ["xiaoshan"]
    assert prof["precision"] in ("site", "approximate", "district")
    assert ("dt_4415", "airport_zone") in {(r["layout"]["id"], r["element"]["id"])
                                           for r in prof["roles"]}
    assert "dt2024_m10" in {m["id"] for m in prof["measures"]}
    with pytest.raises(KeyError):
        place_profile(dataset, "nowhere")


@pytest.mark.parametrize("text", ["滨江", "bj", "binjiang", "滨江区", "Binjiang"])
def test_search_binjiang_first(dataset, text):
    hits = search(dataset, text)
    assert hits and (hits[0].kind, hits[0].id) == ("district", "binjiang"), hits[:3]


def test_search_initials_and_others(dataset):
    assert search(dataset, "qt")[0].id == "qiantang"
    assert search(dataset, "钱塘")[0].id == "qiantang"
    kinds = {h.kind for h in search(dataset, "数谷")}
    assert "place" in kinds
    assert any(h.kind == "measure" and h.id == "dt2024_m07" for h in search(dataset, "数据贸易"))
    assert any(h.kind == "layout" and h.id == "dt_4415" for h in search(dataset, "4+4+1+5"))
    assert search(dataset, "   ") == []


@pytest.mark.parametrize("name,expected", [
    ("滨江区", ("district", "binjiang")), ("滨江", ("district", "binjiang")),
    ("binjiang", ("district", "binjiang")), ("Binjiang District", ("district", "binjiang")),
    ("建德", ("district", "jiande")), ("临空经济示范区", ("place", "airport_econ_zone")),
    ("airport_econ_zone", ("place", "airport_econ_zone")), ("中国数谷", ("place", "china_data_valley")),
])
def test_resolve_name(dataset, name, expected):
    r = resolve_name(dataset, name)
    assert (r.kind, r.id) == expected


def test_resolve_unknown_suggests(dataset):
    r = resolve_name(dataset, "滨将区")
    assert r.kind is None and r.suggestions[0] == "滨江区"
