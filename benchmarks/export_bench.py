"""Export timings for benchmarks/run.py: the 4+4+1+5 layout with labels and legend, composed
and written as an A4 300 DPI PNG and as a PDF (geodata and dataset loaded once, as in the app).

    python benchmarks/export_bench.py [--repeat N]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def time_exports(repeat: int) -> dict[str, list[float]]:
    """Seconds per export, composition included: {"export_png_s": [...], "export_pdf_s": [...]}."""
    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.view.viewstate import ViewState
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save

    fonts.register_matplotlib()
    geo, ds = load_geodata(), load_dataset(check_excerpts=False)
    state = ViewState(geo)
    state.update(layout="dt_4415")
    spec = ExportSpec(view=state.view, preset="a4-landscape")
    out: dict[str, list[float]] = {"export_png_s": [], "export_pdf_s": []}
    with tempfile.TemporaryDirectory() as tmp:
        save(compose(spec, geo, ds).figure, Path(tmp) / "warm.png")  # font cache and first-use costs
        for _ in range(repeat):
            for key, name in (("export_png_s", "map.png"), ("export_pdf_s", "map.pdf")):
                t0 = time.perf_counter()
                page = compose(spec, geo, ds)
                save(page.figure, Path(tmp) / name, title=page.title)
                out[key].append(time.perf_counter() - t0)
    return out


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    for key, values in time_exports(n).items():
        print(f"{key}: median {statistics.median(values):.2f} s (min {min(values):.2f}, "
              f"max {max(values):.2f}, n={len(values)})")
