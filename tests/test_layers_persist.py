"""User layers in the project file: relative paths, a moved or vanished file, an embedded copy."""
import json
import shutil

import pytest
from layer_files import INSIDE, write_csv

from hzmap.model.layers import LayerError, open_path
from hzmap.model.layers.embed import embed_payload
from hzmap.model.layers.persist import layer_from_dict, layer_to_dict, open_for_link, relink, with_embedded_copy
from hzmap.model.layers.project_layers import load_layers
from hzmap.model.layers.store import LayerStore
from hzmap.model.layers.style import check_style, default_style
from hzmap.model.view.viewstate import LayerState, ViewState


def _layer(data, **kw):
    return LayerState("u1", kind="user", name="重点项目", opacity=0.7, style=default_style(data),
                      source=data.source, **kw)


@pytest.fixture
def project(tmp_path, geodata):
    """A project folder with data/points.csv beside it, opened as a layer."""
    (tmp_path / "proj" / "data").mkdir(parents=True)
    csv = write_csv(tmp_path / "proj" / "data" / "points.csv", ["name", "lng", "lat", "投资"],
                    [(k, *v, i) for i, (k, v) in enumerate(INSIDE.items())])
    return tmp_path / "proj", open_path(csv, geodata)


def _round_trip(entry, project_dir):
    return layer_from_dict(json.loads(json.dumps(entry, ensure_ascii=False)), project_dir)


def test_path_is_stored_relative_and_read_back(project, geodata):
    pdir, data = project
    state = _layer(data, visible=False)
    entry = layer_to_dict(state, pdir)
    assert entry["source"]["path"] == "data/points.csv"
    loaded = _round_trip(entry, pdir)
    assert loaded.link.status == "ok" and loaded.state == state
    again = open_for_link(loaded, geodata)
    assert list(again.feature_districts) == list(data.feature_districts)


def test_a_project_moved_without_its_data_finds_the_file_by_its_absolute_path(project, tmp_path, geodata):
    pdir, data = project
    entry = layer_to_dict(_layer(data), pdir)
    elsewhere = tmp_path / "moved"
    elsewhere.mkdir()
    loaded = _round_trip(entry, elsewhere)
    # found, but outside the project's folder: named, and read only when the planner agrees
    assert loaded.link.status == "outside" and loaded.state.source.path == data.source.path
    assert str(data.source.path) in loaded.link.message
    assert open_for_link(loaded, geodata) is None


def test_a_moved_file_is_reported_kept_and_relinked(project, geodata, tmp_path):
    pdir, data = project
    entry = layer_to_dict(_layer(data), pdir)
    new = tmp_path / "archive" / "points.csv"
    new.parent.mkdir()
    shutil.move(data.source.path, new)
    loaded = _round_trip(entry, pdir)
    assert loaded.link.status == "missing" and "data/points.csv" in loaded.link.message
    assert loaded.state.name == "重点项目" and loaded.state.opacity == 0.7  # nothing the user set is lost
    assert open_for_link(loaded, geodata) is None
    fixed = relink(loaded.state, new)
    entry2 = layer_to_dict(fixed, pdir)
    assert entry2["source"]["path"] == "../archive/points.csv"
    assert entry2["style"] == entry["style"]
    reloaded = _round_trip(entry2, pdir)
    assert reloaded.link.status == "outside"  # ../archive is not the project's folder
    store = LayerStore()
    refused = load_layers([entry2], pdir, geodata, store, allow_outside=lambda files: False)
    assert refused.links["u1"].status == "refused" and store.get(refused.states[0]) is None
    asked = []
    found = load_layers([entry2], pdir, geodata, store, allow_outside=lambda files: asked.append(files) or True)
    assert asked == [[("重点项目", new)]] and found.links["u1"].status == "ok"
    assert len(store.get(found.states[0])) == 3


def test_an_embedded_copy_draws_when_the_file_is_gone(project, geodata):
    pdir, data = project
    state = with_embedded_copy(_layer(data), data)
    entry = layer_to_dict(state, pdir)
    assert json.loads(entry["embedded"])["hzmap"]["kind"] == "points"
    data.source.path.unlink()
    loaded = _round_trip(entry, pdir)
    assert loaded.link.status == "missing" and "copy" in loaded.link.message
    copy = open_for_link(loaded, geodata)
    assert list(copy.feature_districts) == list(data.feature_districts)
    assert copy.attributes(2)["name"] == "binjiang" and copy.column_numbers("投资")[4] == 2
    assert abs(copy.geometry[0].x - data.geometry[0].x) < 0.01


def test_an_embedded_district_table_joins_again(geodata, tmp_path):
    path = write_csv(tmp_path / "t.csv", ["地区", "值"], [("滨江", 1), ("江干区", 2), ("滨江去", 3)])
    data = open_path(path, geodata)
    entry = layer_to_dict(with_embedded_copy(_layer(data), data), tmp_path)
    path.unlink()
    copy = open_for_link(_round_trip(entry, tmp_path), geodata)
    assert copy.kind == "districts" and copy.join.counts() == data.join.counts()
    assert copy.district_values("值")["binjiang"].value == 1


def test_a_copy_is_bounded(project):
    _pdir, data = project
    with pytest.raises(LayerError, match="too large to keep a copy"):
        embed_payload(data, limit=200)


def test_a_user_layer_lives_in_the_view_state(project, geodata):
    _pdir, data = project
    vs = ViewState(geodata)
    vs.add_layer(_layer(data))
    vs.update_layer("u1", style={**vs.view.layer("u1").style, "mode": "category", "column": "name"})
    assert vs.view.user_layers()[0].style["mode"] == "category"


def test_a_hand_edited_style_is_repaired_and_said(project, tmp_path):
    pdir, data = project
    entry = layer_to_dict(_layer(data), pdir)
    entry["style"] = {"mode": "choropleth", "ramp": "rainbow", "k": 40, "column": "投资", "bogus": 1}
    entry["opacity"] = 7
    loaded = _round_trip(entry, pdir)
    assert loaded.state.style["ramp"] == "YlGnBu" and loaded.state.style["k"] == 5
    assert loaded.state.opacity == 1.0 and len(loaded.problems) == 4
    assert check_style(None) == (check_style({})[0], [])


@pytest.mark.parametrize("entry,match", [
    ({"name": "x"}, "no id"),
    ({"id": "u", "source": None}, "no source"),
    ({"id": "u", "source": {"format": "csv"}}, "neither a file nor a copy"),
    ({"id": "u", "source": {"format": "doc", "path": "a.doc"}}, "unknown layer format"),
    ({"id": "u", "source": {"format": "csv", "path": "a.csv", "coords": 3}}, "not text"),
])
def test_broken_entries_are_refused_with_the_layer_named(tmp_path, entry, match):
    with pytest.raises(ValueError, match=match):
        layer_from_dict(entry, tmp_path)


def test_a_crafted_path_cannot_escape_through_a_symlink(tmp_path):
    (tmp_path / "proj").mkdir()
    (tmp_path / "secret.csv").write_text("a,b\n")
    (tmp_path / "proj" / "link").symlink_to(tmp_path)
    loaded = layer_from_dict({"id": "u", "source": {"format": "csv", "path": "link/secret.csv"}}, tmp_path / "proj")
    assert loaded.link.status == "outside" and "outside the project's folder" in loaded.link.message
    assert open_for_link(loaded, None) is None  # not read unless the planner agrees
