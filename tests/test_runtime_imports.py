"""What a running hzmap needs installed: nothing it does imports scipy, scikit-learn, networkx,
mapclassify, pandas or geopandas (README, "What is installed, and why").

In a process where importing any of them fails, as on a machine where `pip install .` put none
of them, the window opens, a GeoPackage, a Shapefile, a CSV of points and a district table are
added as layers (the table classed in natural breaks), and an export with them is written.
"""
import subprocess
import sys
import textwrap
from pathlib import Path

from layer_files import areas_frame, points_frame, write_csv

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_RUN_TIME = ("scipy", "sklearn", "networkx", "mapclassify", "pandas", "geopandas")

PROBE = textwrap.dedent('''
    import importlib.abc, os, sys
    BLOCKED = set(sys.argv[1].split(","))

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"No module named {name!r} (not installed)")

    sys.meta_path.insert(0, Block())
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = sys.argv[2]
    from PySide6.QtWidgets import QApplication
    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.layers import open_path
    from hzmap.ui.app import build_window
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save

    app = QApplication([])
    fonts.register_matplotlib()
    geo = load_geodata()
    win = build_window(geo, load_dataset(check_excerpts=False))
    win.show()
    for name in ("parks.gpkg", "points.shp", "points.csv", "table.csv"):
        layer = win.session.add_layer(open_path(os.path.join(folder, name), geo))
        if name == "table.csv":
            win.state.update_layer(layer.id, style={**layer.style, "mode": "choropleth", "scheme": "natural_breaks", "k": 3})
    win.canvas.draw()
    app.processEvents()
    spec = ExportSpec(view=win.state.view, dpi=96, layers=win.session.layers)
    save(compose(spec, geo, win.dataset).figure, os.path.join(folder, "out.png"), "png")
    win.session.close()
    print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED))
''')


def test_the_window_layers_and_an_export_run_without_scipy_sklearn_pandas_or_geopandas(tmp_path):
    areas_frame().to_file(tmp_path / "parks.gpkg", driver="GPKG")
    points_frame().to_file(tmp_path / "points.shp")
    write_csv(tmp_path / "points.csv", ["name", "lng", "lat"], [("a", 120.21, 30.19), ("b", 120.10, 30.25)])
    write_csv(tmp_path / "table.csv", ["区县", "产值"], [(n, v) for n, v in zip(
        ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区"], [10, 20, 30, 40, 50, 60])])
    out = subprocess.run([sys.executable, "-c", PROBE, ",".join(NOT_AT_RUN_TIME), str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "LOADED []" in out.stdout
    assert (tmp_path / "out.png").stat().st_size > 1000
