"""The base map is saved in the project like any layer (a file relative to the project, or a
service's template), never with the planner's key, and comes back the same."""
import json
from dataclasses import replace

from hzmap.model.basemap.persist import basemap_layer, with_dim
from hzmap.model.basemap.presets import preset
from hzmap.model.basemap.source import BasemapSource
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState


def _session(geodata):
    return Session(ViewState(geodata))


def test_a_service_base_map_round_trips_without_its_key(geodata, tmp_path):
    s = _session(geodata)
    src = replace(preset("tianditu-img"), review_number="GS(2024)0568号")
    s.state.update(layers=(with_dim(basemap_layer(src), 0.4),) + s.state.view.layers)
    path = tmp_path / "plan.hzmap"
    s.save(path)
    text = path.read_text(encoding="utf-8")
    saved = json.loads(text)["basemap"]
    assert saved["source"]["url"].endswith("&tk={tk}") and saved["dim"] == 0.4
    again = _session(geodata)
    ok, problems = again.open(path)
    assert ok and not problems
    layer = again.state.view.basemap()
    assert layer.source == src and layer.style["dim"] == 0.4
    assert again.state.view.layers[0] is layer  # under everything else


def test_a_key_typed_into_a_custom_url_never_reaches_the_file(geodata, tmp_path):
    s = _session(geodata)
    src = BasemapSource("xyz", url="https://tiles.example.org/{z}/{x}/{y}.png?key=SECRET123")
    s.state.update(layers=(basemap_layer(src),) + s.state.view.layers)
    path = tmp_path / "plan.hzmap"
    s.save(path)
    assert "SECRET123" not in path.read_text(encoding="utf-8")


def test_a_file_base_map_is_found_beside_the_moved_project(geodata, tmp_path):
    folder = tmp_path / "a"
    (folder / "data").mkdir(parents=True)
    tif = folder / "data" / "影像.tif"
    tif.write_bytes(b"II*\x00")
    s = _session(geodata)
    s.state.update(layers=(basemap_layer(BasemapSource("geotiff", path=tif)),) + s.state.view.layers)
    s.save(folder / "plan.hzmap")
    assert json.loads((folder / "plan.hzmap").read_text())["basemap"]["source"]["path"] == "data/影像.tif"
    moved = tmp_path / "b"
    (folder).rename(moved)
    again = _session(geodata)
    ok, problems = again.open(moved / "plan.hzmap")
    assert ok and again.state.view.basemap().source.path == moved / "data" / "影像.tif"


def test_a_damaged_base_map_entry_is_reported_and_the_rest_opens(geodata, tmp_path):
    s = _session(geodata)
    s.state.update(layout=None)
    path = tmp_path / "plan.hzmap"
    s.save(path)
    data = json.loads(path.read_text())
    data["basemap"] = {"source": {"kind": "xyz", "url": "ftp://nope/{z}/{x}/{y}"}}
    path.write_text(json.dumps(data))
    again = _session(geodata)
    ok, problems = again.open(path)
    assert ok and again.state.view.basemap() is None
    assert any("base map entry is not usable" in p for p in problems)


def test_the_base_map_and_the_day_share_version_2_and_a_version_1_base_map_still_opens(geodata, tmp_path):
    """Base maps came in version 1 files; the "as of" day made the format version 2. A file
    with both is version 2 and comes back whole; a version 1 file with a base map opens with it."""
    import datetime as dt

    s = _session(geodata)
    src = replace(preset("osm"), review_number="GS(2024)0001号")
    s.state.update(layers=(with_dim(basemap_layer(src), 0.2),) + s.state.view.layers,
                   as_of=dt.date(2027, 6, 1))
    path = tmp_path / "both.hzmap"
    s.save(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["as_of"]["date"] == "2027-06-01" and "basemap" in saved
    again = _session(geodata)
    ok, problems = again.open(path)
    assert ok and not problems
    assert again.state.view.as_of == dt.date(2027, 6, 1)
    assert again.state.view.basemap().source == src and again.state.view.basemap().style["dim"] == 0.2

    old = dict(saved, version=1)
    del old["as_of"]
    path.write_text(json.dumps(old), encoding="utf-8")
    third = _session(geodata)
    ok, problems = third.open(path)
    assert ok and not problems
    assert third.state.view.as_of is None and third.state.view.basemap().source == src
