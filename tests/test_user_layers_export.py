"""User layers in every picture of the map: the scene, exports read back (PNG pixels, PDF legend),
`hzmap export --layer`, and the session's project round trip (relative path, a moved file, a
copy kept in the project, the project's size limit)."""
import json
import shutil

import numpy as np
import pytest
import pypdf
from layer_files import INSIDE, write_csv
from matplotlib.figure import Figure
from PIL import Image

from hzmap.model.geo.extent import Extent
from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import LayerError, open_path
from hzmap.model.layers.store import LayerStore
from hzmap.model.session.project import ProjectError
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import View, ViewState
from hzmap.render.page.compose import ExportSpec, compose, source_text
from hzmap.render.page.export_io import save
from hzmap.render.map.scene import Scene

RED = (0xD0, 0x10, 0x10)


@pytest.fixture
def points_csv(tmp_path):
    """Three points in three districts, with an investment column that has a unit."""
    return write_csv(tmp_path / "重点项目.csv", ["name", "lng", "lat", "类别", "投资额（亿元）"],
                     [(k, *v, "ab"[i % 2], 10 * (i + 1)) for i, (k, v) in enumerate(INSIDE.items())])


@pytest.fixture
def session(data):
    geo, ds = data
    return Session(ViewState(geo), dataset=ds, layers=LayerStore())


def _add_points(session, path, **style):
    data = open_path(path, session.state.geo)
    layer = session.add_layer(data)
    session.state.update_layer(layer.id, style={**layer.style, **style})
    return session.state.view.layer(layer.id), data


def _urban(geo):
    x0, x1 = sorted(to_map(lon, 30.2)[0] for lon in (120.0, 120.35))
    y0, y1 = sorted(to_map(120.2, lat)[1] for lat in (30.1, 30.35))
    return Extent(x0, x1, y0, y1)


# -- the scene ----------------------------------------------------------------------------------
def test_the_scene_adds_updates_orders_and_removes_user_layer_artists(data, session, points_csv, tmp_path):
    geo, ds = data
    scene = Scene(Figure(figsize=(6, 5)), geo, ds, layers=session.layers)
    a, _ = _add_points(session, points_csv)
    b, _ = _add_points(session, write_csv(tmp_path / "b.csv", ["lng", "lat"], [INSIDE["xihu"]]))
    scene.apply(session.state.view)
    assert set(scene.user_artists) == {a.id, b.id}
    assert scene.user_artists[a.id].zorder < scene.user_artists[b.id].zorder  # b was added on top
    artist_a = scene.user_artists[a.id]
    session.state.move_layer(a.id, len(session.state.view.layers))  # a on top now
    scene.apply(session.state.view)
    assert scene.user_artists[a.id] is artist_a                         # moved, not rebuilt
    assert artist_a.zorder > scene.user_artists[b.id].zorder
    session.state.update_layer(a.id, visible=False)
    scene.apply(session.state.view)
    assert not any(x.get_visible() for x in artist_a.artists())
    assert scene.describe()["user_layers"][1][:3] == (a.id, 3, False)
    drawn = artist_a.artists()
    session.remove_layer(a.id)
    scene.apply(session.state.view)
    assert a.id not in scene.user_artists
    assert all(art not in scene.ax.get_children() for art in drawn)


def test_the_legend_lists_the_layers_column_with_its_unit_beside_the_layouts(data, session, points_csv):
    geo, ds = data
    _add_points(session, points_csv, mode="size", column="投资额（亿元）")
    scene = Scene(Figure(figsize=(6, 5)), geo, ds, layers=session.layers)
    scene.apply(session.state.view)
    legend = scene.ax.get_legend()
    assert legend.get_title().get_text() == "投资额（亿元）"
    session.state.update(layout="dt_4415")
    scene.apply(session.state.view)
    texts = [t.get_text() for t in scene.ax.get_legend().get_texts()]
    assert scene.ax.get_legend().get_title().get_text() == ds.layouts["dt_4415"].name
    assert "投资额（亿元）" in texts and texts.index("投资额（亿元）") > 0  # after the layout's entries


# -- exports ---------------------------------------------------------------------------------------
def test_an_exported_png_shows_the_layers_points_where_they_are(data, session, points_csv, tmp_path):
    geo, ds = data
    _add_points(session, points_csv, colour="#D01010", size=14.0)
    view = session.state.view
    spec = ExportSpec(view=View(extent=_urban(geo), preset="custom", layers=view.layers), preset=None,
                      width_px=900, height_px=640, dpi=100, inset=False, layers=session.layers)
    page = compose(spec, geo, ds)
    out = save(page.figure, tmp_path / "map.png", "png")
    img = np.asarray(Image.open(out).convert("RGB")).astype(int)
    ax = page.scene.ax

    def colour_at(lon, lat):
        px, py = ax.transData.transform(to_map(lon, lat))
        return tuple(img[img.shape[0] - int(round(py)), int(round(px))])

    for lonlat in INSIDE.values():
        assert np.abs(np.subtract(colour_at(*lonlat), RED)).max() <= 12, lonlat
    bare = compose(ExportSpec(view=View(extent=_urban(geo), preset="custom"), preset=None, width_px=900,
                              height_px=640, dpi=100, inset=False, layers=session.layers), geo, ds)
    img = np.asarray(Image.open(save(bare.figure, tmp_path / "bare.png", "png")).convert("RGB")).astype(int)
    assert all(np.abs(np.subtract(colour_at(*p), RED)).max() > 40 for p in INSIDE.values())


def test_an_exported_pdf_has_the_column_name_in_its_legend_and_the_file_in_its_sources(data, session,
                                                                                        points_csv, tmp_path):
    geo, ds = data
    _add_points(session, points_csv, mode="choropleth", column="投资额（亿元）", k=3)
    spec = ExportSpec(view=session.state.view, dpi=96, layers=session.layers)
    out = save(compose(spec, geo, ds).figure, tmp_path / "map.pdf", "pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "投资额" in text and "亿元" in text
    assert "重点项目.csv" in source_text(spec, ds)


def test_cli_export_draws_layer_files_and_names_a_bad_one(dataset, tmp_path, monkeypatch, capsys):
    import hzmap.cli.export
    from hzmap.cli.main import main
    from hzmap.model.geo import chinacrs
    monkeypatch.setattr(hzmap.cli.export, "load_or_report", lambda *a: dataset)
    gcj = chinacrs.wgs84_to_gcj02(np.array(list(INSIDE.values())))
    csv = write_csv(tmp_path / "amap.csv", ["名称", "经度", "纬度", "产值（亿元）"],
                    [(f"p{i}", *g, i + 1) for i, g in enumerate(gcj)])
    out = tmp_path / "map.pdf"
    assert main(["export", "--layer", str(csv), "--crs", "gcj02", "--out", str(out), "--dpi", "96"]) == 0
    assert "amap" in "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage")
    capsys.readouterr()
    assert main(["export", "--layer", str(broken), "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


# -- projects -----------------------------------------------------------------------------------------
@pytest.fixture
def project(tmp_path, data):
    """A project folder with data/points.csv beside project.hzmap."""
    (tmp_path / "proj" / "data").mkdir(parents=True)
    csv = write_csv(tmp_path / "proj" / "data" / "points.csv", ["name", "lng", "lat", "投资"],
                    [(k, *v, i) for i, (k, v) in enumerate(INSIDE.items())])
    return tmp_path / "proj" / "project.hzmap", csv


def _reopen(data, path):
    geo, ds = data
    other = Session(ViewState(geo), dataset=ds, layers=LayerStore())
    asked = []
    other.layers_need_relink.connect(asked.append)
    opened, problems = other.open(path)
    assert opened
    return other, problems, asked


def test_a_project_keeps_its_layers_path_relative_and_every_setting(data, session, project):
    path, csv = project
    layer, _ = _add_points(session, csv, mode="size", column="投资", colour="#123456")
    session.state.update_layer(layer.id, opacity=0.6, name="重点项目 2024")
    session.save(path)
    entry = json.loads(path.read_text(encoding="utf-8"))["layers"][0]
    assert entry["source"]["path"] == "data/points.csv"
    other, problems, asked = _reopen(data, path)
    again = other.state.view.user_layers()[0]
    assert (again.name, again.opacity, again.style["column"], again.style["colour"]) == \
        ("重点项目 2024", 0.6, "投资", "#123456")
    assert len(other.layers.get(again)) == 3 and not asked and not problems


def test_a_moved_file_keeps_the_entry_asks_to_relink_and_is_saved_as_it_was(data, session, project, tmp_path):
    path, csv = project
    layer, _ = _add_points(session, csv, colour="#123456")
    session.save(path)
    moved = tmp_path / "archive" / "points.csv"
    moved.parent.mkdir()
    shutil.move(csv, moved)
    other, problems, asked = _reopen(data, path)
    kept = other.state.view.user_layers()[0]
    [offer] = asked  # the window offers to re-link it, rather than listing it among problems
    assert list(offer) == [kept.id] and other.needs_relink(kept.id) and problems == []
    assert "data/points.csv" in offer[kept.id] and "re-link" in offer[kept.id]
    assert other.layers.get(kept) is None and kept.style["colour"] == "#123456"
    other.save(path)  # saved again before re-linking: the project still points where it did
    assert json.loads(path.read_text(encoding="utf-8"))["layers"][0]["source"]["path"] == "data/points.csv"
    with pytest.raises(LayerError):
        other.relink_layer(kept.id, tmp_path / "nothing.csv")
    assert other.needs_relink(kept.id)
    other.relink_layer(kept.id, moved)
    relinked = other.state.view.user_layers()[0]
    assert not other.needs_relink(kept.id) and len(other.layers.get(relinked)) == 3
    assert relinked.style["colour"] == "#123456"


def test_an_embedded_copy_opens_without_the_file(data, session, project):
    path, csv = project
    layer, _ = _add_points(session, csv)
    session.embed_layer(layer.id, True)
    session.save(path)
    csv.unlink()
    other, problems, asked = _reopen(data, path)
    kept = other.state.view.user_layers()[0]
    assert len(other.layers.get(kept)) == 3  # drawn from the copy
    assert kept.source.embed and list(asked[0]) == [kept.id]  # the file is still offered for re-linking


def test_copies_that_would_make_the_project_too_large_are_refused_with_a_clear_message(
        data, session, project, monkeypatch):
    import hzmap.model.session.session as session_module

    path, csv = project
    first, _ = _add_points(session, csv)
    second, _ = _add_points(session, csv)
    session.embed_layer(first.id, True)
    size = len(session_module.encode(session.capture(path)))
    monkeypatch.setattr(session_module, "MAX_BYTES", size + 200)
    with pytest.raises(ProjectError, match="copies of layers kept in it"):
        session.embed_layer(second.id, True)
    assert not session.state.view.layer(second.id).source.embed  # nothing changed
    session.save(path)  # still within the limit
    monkeypatch.setattr(session_module, "MAX_BYTES", size // 2)
    with pytest.raises(ProjectError, match=r"not saved: .*MB"):
        session.save(path)


def test_an_untitled_sessions_layers_come_back_from_its_recovery_file(data, points_csv, tmp_path):
    from hzmap.model.session.recovery import Recovery

    geo, ds = data
    first = Session(ViewState(geo), Recovery(tmp_path / "rec"), dataset=ds, layers=LayerStore())
    layer, _ = _add_points(first, points_csv, colour="#123456")
    assert first.is_modified()  # an untitled session's own layers are work to keep
    assert first.autosave()
    first.close(keep_recovery=True)  # as if the window died
    second = Session(ViewState(geo), Recovery(tmp_path / "rec"), dataset=ds, layers=LayerStore())
    [entry] = second.recovery.orphans()
    problems = second.recover(entry)
    [kept] = second.state.view.user_layers()
    assert kept.style["colour"] == "#123456" and len(second.layers.get(kept)) == 3
    assert problems == []  # no "moved" warning: an untitled session's files are where they were
