"""The page's footer (sources, the structure diagram's disclaimer) is never drawn over the map,
even where its lines come out taller than the line count the page was laid out by."""
import datetime as dt

import matplotlib
import pytest

matplotlib.use("Agg")

from hzmap.model.geo.extent import Extent  # noqa: E402
from hzmap.model.geo.views import view_extent  # noqa: E402
from hzmap.model.view.viewstate import View  # noqa: E402
from hzmap.render.page import compose  # noqa: E402
from hzmap.render.page.check import check_page  # noqa: E402


def _page(geo, ds, diagram="structure"):
    view = View(extent=Extent.from_bounds(view_extent(geo, "city")), preset="city", lang="zh",
                layout="nst_platform_network")
    spec = compose.ExportSpec(view=view, date=dt.date(2026, 1, 1), diagram=diagram)
    return compose.Composer(geo, ds, preview_dpi=60).page(spec)


def test_a_footer_taller_than_its_line_count_lifts_the_map(data, monkeypatch):
    geo, ds = data
    four_lines = "\n".join(["示意图：仅示意空间结构关系，不作为界线和具体位置的依据"] * 4)
    monkeypatch.setattr(compose, "_source_text_wrapped", lambda frame, spec, ds: four_lines)
    monkeypatch.setattr(compose, "_map_box", lambda frame, lines: frame.map)  # an estimate of no lift
    page = _page(geo, ds)
    r = page.scene.renderer
    footer = [t for t in r.fig.texts if t.get_text() == four_lines][0]
    top = footer.get_window_extent(r.fig.canvas.get_renderer()).y1
    assert r.ax.bbox.y0 >= top, "the map's foot is above the footer's top"
    assert not [p for p in check_page(page) if p.kind == "page text over the map"]


def test_a_footer_within_its_band_leaves_the_map_where_the_page_put_it(data):
    geo, ds = data
    view = View(extent=Extent.from_bounds(view_extent(geo, "city")), preset="city", lang="zh",
                layout="nst_platform_network")
    composer = compose.Composer(geo, ds, preview_dpi=60)
    page = composer.page(compose.ExportSpec(view=view, date=dt.date(2026, 1, 1)))
    assert page.scene.renderer.ax.get_position().bounds == pytest.approx(composer._frame.map)
