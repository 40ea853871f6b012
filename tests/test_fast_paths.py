"""What makes the exports and the start-up fast does not change what they give: the PNG writer's
pixels, size and metadata, the written-out map projection, and what each command imports."""
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image


def _png(tmp_path, rgba, **kw):
    from hzmap.render.page import png
    path = tmp_path / "x.png"
    path.write_bytes(png.encode(rgba, **kw))
    return path


def test_the_png_writer_keeps_every_pixel_the_dpi_and_a_chinese_title(tmp_path):
    rng = np.random.default_rng(1)
    rgba = rng.integers(0, 256, (301, 517, 4), dtype=np.uint8)  # more rows than a band
    path = _png(tmp_path, rgba, dpi=300, metadata={"Title": "4+4+1+5 — 萧山区", "Software": "hzmap"})
    with Image.open(path) as im:
        assert im.mode == "RGBA" and im.size == (517, 301)
        assert (np.asarray(im) == rgba).all()
        assert im.info["dpi"][0] == pytest.approx(300, abs=0.01)
        assert im.info["Title"] == "4+4+1+5 — 萧山区" and im.info["Software"] == "hzmap"


def test_an_export_has_matplotlibs_pixels_in_a_file_at_most_a_fifth_larger(data, tmp_path):
    from render_cases import draw, spec

    from hzmap.render.page.compose import compose

    geo, ds = data
    ours = draw("dt4415_city", geo, ds, tmp_path / "ours.png")  # through export_io.save
    fig = compose(spec("dt4415_city", geo, ds, tmp_path), geo, ds).figure
    fig.savefig(tmp_path / "mpl.png", dpi=fig.dpi, facecolor=fig.get_facecolor())
    with Image.open(ours) as a, Image.open(tmp_path / "mpl.png") as b:
        assert a.mode == b.mode == "RGBA" and (np.asarray(a) == np.asarray(b)).all()
    assert ours.stat().st_size < 1.2 * (tmp_path / "mpl.png").stat().st_size


def test_the_written_out_projection_is_what_proj_makes_of_the_epsg_codes():
    from pyproj import Transformer

    from hzmap.model.geo.geodata import MAP_CRS, _transformer

    rng = np.random.default_rng(2)
    lon, lat = rng.uniform(118.3, 120.8, 2000), rng.uniform(29.2, 30.6, 2000)
    ref = Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True).transform(lon, lat)
    got = _transformer().transform(lon, lat)
    assert np.array_equal(ref[0], got[0]) and np.array_equal(ref[1], got[1])


def _imported(code: str) -> list[str]:
    probe = ("import sys; " + code + "; print(sorted(m for m in ('matplotlib', 'matplotlib.figure', "
             "'pydantic', 'yaml', 'PySide6') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.strip().splitlines()[-1])


def test_the_command_line_parser_imports_no_matplotlib():
    assert _imported("import hzmap.cli.main; hzmap.cli.main.build_parser()") == []
    assert _imported("import hzmap.cli.main; hzmap.cli.main.build_parser(only='export')") == []


def test_querying_the_dataset_module_loads_no_pydantic_until_a_dataset_is_loaded():
    assert _imported("from hzmap.model.dataset import district_profile, search, DatasetError") == []
    assert _imported("from hzmap.model.dataset import load_dataset") == ["pydantic"]  # yaml: on a parse


def test_the_renderer_leaves_matplotlibs_property_tables_to_those_who_ask():
    """The lean import empties only the docstrings; kwdoc itself is matplotlib's own again."""
    out = _imported("import hzmap.render, matplotlib.artist as a, matplotlib.lines as l; "
                    "assert 'linewidth' in a.kwdoc(l.Line2D)")
    assert "matplotlib.figure" in out


def test_a_finished_command_ends_at_once_with_its_code_its_output_and_its_exit_handlers():
    """hzmap.process.end_process skips the teardown, not what a user or a script sees."""
    code = ("import atexit; from hzmap import process; atexit.register(print, 'handlers ran'); "
            "print('output'); process.end_process(3)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 3 and out.stdout.split() == ["output", "handlers", "ran"], out.stderr


def test_a_users_own_blas_thread_count_wins(monkeypatch):
    from hzmap import process

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    process.one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    process.one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"


def test_the_window_builds_every_layout_in_idle_time_and_a_switch_then_builds_nothing(
        open_window, geodata, dataset, qtbot, monkeypatch):
    import gc

    monkeypatch.setenv("HZMAP_IDLE_PREBUILD", "1")
    win = open_window(geodata, dataset)
    overlay = win.canvas.scene.overlay
    others = set(dataset.layouts) - {win.state.layout}
    qtbot.waitUntil(lambda: others <= set(overlay._built), timeout=5000)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)  # what lives with the window
    try:
        hidden = [a for lid in others for ea in overlay._built[lid] for a in ea.artists]
        assert hidden and not any(a.get_visible() for a in hidden)  # built, not shown
        before = list(overlay._built["open2018_platforms"])
        win.state.update(layout="open2018_platforms")
        assert overlay.elements() == before  # the same artists, now shown
        assert all(ea.artists[0].get_visible() for ea in before)
    finally:
        gc.unfreeze()


def test_a_hover_repaints_the_outline_not_the_whole_map(open_window, geodata, dataset, qtbot, settled):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from hzmap.model.geo.geodata import to_map

    win = open_window(geodata, dataset)
    canvas = win.canvas
    canvas.draw()
    settled(canvas)  # the resize redraw
    repainted = []
    blit = canvas.blit
    canvas.blit = lambda bbox=None: (repainted.append(bbox), blit(bbox))
    x, y = canvas.data_to_widget(*to_map(120.21, 30.19))  # 滨江区, a small district
    QTest.mouseMove(canvas, QPoint(x, y))
    qtbot.waitUntil(lambda: bool(repainted), timeout=2000)
    assert win.state.hover == "binjiang" and canvas.scene.renderer.hover_patch.get_visible()
    area = repainted[-1].width * repainted[-1].height
    assert 0 < area < 0.25 * canvas.figure.bbox.width * canvas.figure.bbox.height
    box = canvas.scene.renderer.hover_patch.get_window_extent()  # the outline is inside it
    assert repainted[-1].contains(box.x0 + 1, box.y0 + 1) and repainted[-1].contains(box.x1 - 1, box.y1 - 1)


def test_parsed_yaml_is_kept_by_its_text_and_a_changed_or_damaged_entry_is_parsed_anew(tmp_path, monkeypatch):
    from hzmap.model.dataset import yamlio

    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "plans.yaml"
    f.write_text("plans:\n  - id: a\n    issued: 2021-04-01\n", encoding="utf-8")
    first = yamlio.load(f)
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1 and yamlio.load(f) == first  # the second read is the kept one
    f.write_text("plans:\n  - id: b\n", encoding="utf-8")  # any change is a new text
    assert yamlio.load(f) == {"plans": [{"id": "b"}]}
    f.write_text("plans:\n  - id: a\n    issued: 2021-04-01\n", encoding="utf-8")
    for entry in (tmp_path / "cache").iterdir():  # damaged: parsed again
        entry.write_bytes(b"\x80garbage")
    assert yamlio.load(f) == first and str(first["plans"][0]["issued"]) == "2021-04-01"
    assert type(first["plans"][0]["issued"]).__name__ == "date"  # a date comes back a date


def test_data_json_cannot_hold_exactly_is_not_kept(tmp_path, monkeypatch):
    from hzmap.model.dataset import parsecache

    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    parsecache.put("text with number keys", {2025: "目标"})     # JSON would make the key "2025"
    assert parsecache.get("text with number keys") is parsecache.MISSING


def test_an_unwritable_cache_only_means_parsing_again(tmp_path, monkeypatch):
    from hzmap.model.dataset import yamlio

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(blocker / "cache"))
    f = tmp_path / "a.yaml"
    f.write_text("a: 1\n")
    assert yamlio.load(f) == {"a": 1} and yamlio.load(f) == {"a": 1}
