"""Finished maps whose pixels must not change when the exporter is made faster.

tests/render_reference/*.png are these pages as the exporter drew them before issue 16 (main at
the commit named in tests/render_reference/README.md), at 96 DPI so the files stay small.
tests/test_render_reference.py draws them again and compares.

    python tests/render_cases.py OUT_DIR     # draw every case with the code of this checkout

Only the exporter's public calls are used (ExportSpec, compose, save), so the same file draws the
cases with an older checkout's code too (run it from that checkout with this file copied in).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATE = dt.date(2026, 1, 1)  # the sources line carries the export date
#: name -> what the page shows (layout, view preset, language, selected district, atlas notes,
#: a user layer)
CASES = {
    "dt4415_city": dict(layout="dt_4415"),
    "core_belt_urban_binjiang": dict(layout="st_core_belt_wings", preset="urban", select="binjiang"),
    "open2018_city_en": dict(layout="open2018_platforms", lang="en"),
    "atlas_xiaoshan": dict(layout="dt_4415", select="xiaoshan", atlas=True),
    "user_points_urban": dict(layout="dt_4415", preset="urban", points=True),
}
#: WGS84 lon/lat of the user layer's points (in 滨江, 西湖 and 上城)
POINTS = [("滨江园", 120.21, 30.19, "a", 10), ("西湖园", 120.10, 30.25, "b", 20),
          ("上城园", 120.211, 30.246, "a", 30)]


def spec(name: str, geo, ds, folder: Path):
    """The ExportSpec of case `name` (a user layer's file is written into `folder`)."""
    from dataclasses import replace

    from hzmap.cli.export import atlas_roles
    from hzmap.model.geo.extent import Extent
    from hzmap.model.view.viewstate import Selection, View
    from hzmap.model.geo.views import view_extent
    from hzmap.render.page.compose import ExportSpec

    case = CASES[name]
    preset = case.get("preset", "city")
    view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset,
                lang=case.get("lang", "zh"), layout=case["layout"])
    if case.get("select"):
        view = replace(view, selection=Selection.district(case["select"]))
    layers, title, notes = None, None, None
    if case.get("points"):
        view, layers = _with_points(view, geo, folder)
    if case.get("atlas"):
        did, layout = case["select"], ds.layouts[case["layout"]]
        district = ds.districts[did].name_zh
        title = f"{layout.name} — {district}"
        notes = (f"{district}在「{layout.name}」中的角色", atlas_roles(ds, case["layout"], did))
    return ExportSpec(view=view, title=title, preset="a4-landscape", dpi=96, side_notes=notes,
                      date=DATE, layers=layers)


def _with_points(view, geo, folder: Path):
    from dataclasses import replace

    from hzmap.model.layers import open_path
    from hzmap.model.layers.store import LayerStore
    from hzmap.model.layers.style import default_style
    from hzmap.model.view.viewstate import LayerState

    path = folder / "重点园区.csv"
    rows = ["name,lng,lat,类别,投资额"] + [",".join(str(v) for v in p) for p in POINTS]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = LayerStore()
    data = open_path(path, geo)
    lid = store.new_id(lay.id for lay in view.layers)
    store.put(lid, data)
    layer = LayerState(lid, kind="user", name=data.name, style=default_style(data), source=data.source)
    return replace(view, layers=(*view.layers, layer)), store


def draw(name: str, geo, ds, out: Path) -> Path:
    """Case `name` exported as a PNG at `out`."""
    from hzmap.render.page.compose import compose
    from hzmap.render.page.export_io import save

    page = compose(spec(name, geo, ds, out.parent), geo, ds)
    return save(page.figure, out, title=page.title)


def main(folder: str) -> None:
    sys.path.insert(0, str(ROOT))
    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata

    fonts.register_matplotlib()
    geo, ds = load_geodata(), load_dataset(check_excerpts=False)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name in CASES:
        print(draw(name, geo, ds, out / f"{name}.png"))


if __name__ == "__main__":
    main(sys.argv[1])
