"""hzmap makes no network connection: with sockets blocked, start-up, a layout switch, a search,
an export and the command line all work, and nothing tried to connect."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent("""
    import socket, sys
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("network blocked in this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from hzmap import fonts
    from hzmap.ui.common.fonts import register_qt
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.window.main_window import MainWindow
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save
    from hzmap.cli.main import main

    register_qt(app)
    fonts.register_matplotlib()
    geo = load_geodata()
    ds = load_dataset(check_excerpts=False)
    win = MainWindow(ViewState(geo), geo, ds)
    win.show()
    app.processEvents()
    win.state.update(layout="dt_4415")
    win.canvas.draw()
    win.search_box.setText("滨江")
    win.search_box.choose_current()
    app.processEvents()
    out = sys.argv[1]
    save(compose(ExportSpec(view=win.state.view, preset="16:9"), geo, ds).figure, out + "/map.png")
    assert main(["query", "钱塘区"]) == 0
    assert main(["export", "--layout", "4+4+1+5", "--format", "pdf", "--out", out + "/map.pdf"]) == 0
    win.close()
    print("ATTEMPTS", len(attempts), attempts[:3])
""")


def test_no_network_connection(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "ATTEMPTS 0 []" in proc.stdout, proc.stdout[-500:]
    assert (tmp_path / "map.png").stat().st_size > 10_000
    assert (tmp_path / "map.pdf").stat().st_size > 10_000


READERS = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from untrusted import csv_rows, gbk_shapefile, points_gpkg, vrt, write_zip, xlsx
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.layers import LayerError, open_path
    from hzmap.model.layers.store import LayerStore
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState

    url, folder = {url!r}, Path({folder!r})
    files = {{}}
    for ext in ("geojson", "kml", "gpkg", "fgb", "shp"):
        files["vrt." + ext] = folder / ("vrt." + ext)
        files["vrt." + ext].write_text(vrt("/vsicurl/" + url + "/x." + ext))
    files["vrt.zip"] = write_zip(folder / "vrt.zip", {{"a.shp": vrt("/vsicurl/" + url + "/a"), "b.vrt": vrt(url)}})
    link = {{"type": "FeatureCollection", "crs": {{"type": "link", "properties": {{"href": url + "/crs"}}}},
             "features": [{{"type": "Feature", "properties": {{}}, "geometry": {{"type": "Point", "coordinates": [120.21, 30.19]}}}}]}}
    files["link.geojson"] = folder / "link.geojson"
    files["link.geojson"].write_text(json.dumps(link))
    files["pts.gpkg"] = points_gpkg(folder / "pts.gpkg")
    files["pts.csv"] = folder / "pts.csv"
    files["pts.csv"].write_bytes(csv_rows(20))
    files["pts.xlsx"] = xlsx(folder / "pts.xlsx")
    (folder / "shp").mkdir()
    files["gbk.shp"] = gbk_shapefile(folder / "shp")
    files["pts.kml"] = folder / "pts.kml"
    files["pts.kml"].write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                                '<Placemark><name>a</name><Point><coordinates>120.21,30.19</coordinates></Point>'
                                '</Placemark></Document></kml>')
    files["pts.kmz"] = write_zip(folder / "pts.kmz", {{"doc.kml": files["pts.kml"].read_text()}})
    geo = load_geodata()
    for name, path in files.items():
        try:
            print(name, len(open_path(path, geo)))
        except LayerError as exc:
            print(name, "refused:", str(exc)[-80:])
    layers = [{{"id": f"u{{i}}", "kind": "user", "name": n, "source": {{"format": fmt, "path": n, **more}}}}
              for i, (n, fmt, more) in enumerate([("vrt.geojson", "geojson", {{}}), ("link.geojson", "geojson", {{}}),
                                                  ("pts.gpkg", "gpkg", {{}}),
                                                  ("pts.csv", "csv", {{"x_column": "经度", "y_column": "纬度"}})])]
    basemap = {{"visible": True, "source": {{"kind": "xyz", "url": url + "/{{z}}/{{x}}/{{y}}.png"}}}}
    (folder / "p.hzmap").write_text(json.dumps({{"format": "hzmap-project", "version": 1, "layers": layers,
                                                "basemap": basemap}}))
    session = Session(ViewState(geo), layers=LayerStore())
    opened, problems = session.open(folder / "p.hzmap")
    print("PROJECT", opened, sum(session.layers.get(l) is not None for l in session.state.view.user_layers()))
    from matplotlib.figure import Figure
    from hzmap.render.map.scene import Scene
    scene = Scene(Figure(figsize=(4, 3), dpi=80), geo, layers=session.layers, wait_tiles=True)
    scene.apply(session.state.view)  # its online base map is listed, off: drawing fetches nothing
    scene.fig.canvas.draw()
    print("BASEMAP", session.state.view.basemap().visible)
""")


def test_no_reader_of_user_files_and_no_project_open_makes_a_connection(tmp_path):
    """Every reader, on hostile files that name URLs (served on 127.0.0.1 here) and on plain
    ones, and a project open and drawn (its online base map left off), in a child process; under strace (where it is installed) any
    connect() to an internet address fails the test, whatever library makes it."""
    import shutil

    sys.path.insert(0, str(Path(__file__).parent))
    from untrusted import Listener

    web = Listener()
    try:
        code = READERS.format(tests=str(Path(__file__).parent), url=web.url, folder=str(tmp_path))
        log = tmp_path / "strace.log"
        cmd = [sys.executable, "-c", code]
        traced = shutil.which("strace") is not None and subprocess.run(
            ["strace", "-o", os.devnull, "true"], capture_output=True).returncode == 0
        if traced:
            cmd = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log)] + cmd
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=240,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "PROJECT True 3" in proc.stdout and "pts.kmz 1" in proc.stdout, proc.stdout
        assert "BASEMAP False" in proc.stdout, proc.stdout
        assert web.requests == [], web.requests
        if traced:
            connects = [line for line in log.read_text().splitlines()
                        if "connect(" in line and ("AF_INET" in line or "AF_INET6" in line)]
            assert connects == [], connects[:5]
    finally:
        web.close()
