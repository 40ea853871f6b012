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
