"""The model and the renderer work without Qt (the arrows point ui -> render -> model)."""
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_model_and_render_import_and_draw_with_qt_blocked():
    code = textwrap.dedent("""
        import sys, importlib.abc
        class BlockQt(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):
                    raise ImportError('Qt is blocked in this test: ' + name)
        sys.meta_path.insert(0, BlockQt())
        import matplotlib; matplotlib.use('Agg')
        from matplotlib.figure import Figure
        import hzmap.model.geo.geodata, hzmap.model.view.viewstate, hzmap.model.session.session, hzmap.model.geo.views
        import hzmap.model.dataset
        import hzmap.render.map.scene, hzmap.render.page.compose
        from hzmap.model.dataset import load_dataset
        from hzmap.model.geo.geodata import load_geodata
        from hzmap.model.view.viewstate import ViewState
        from hzmap.render.map.scene import Scene
        geo = load_geodata()
        state = ViewState(geo)
        state.update(layout="dt_4415")
        fig = Figure(figsize=(6, 4))
        Scene(fig, geo, load_dataset(check_excerpts=False)).apply(state.view)
        fig.canvas.draw()
        assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_import_contracts_hold():
    """pyproject.toml's import-linter contracts: no Qt below ui, ui -> render -> model, no circles."""
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter) if linter.exists() else "lint-imports", "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
