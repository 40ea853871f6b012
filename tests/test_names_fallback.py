"""An imported plan has no English names until the planner writes them: it shows its Chinese
ones, in English too, and never an empty title or “4+4+1+5 ()”."""
import copy

import pytest
from matplotlib.figure import Figure

from hzmap.model.dataset.lang import text_in, with_english
from hzmap.model.view.viewstate import View
from hzmap.render.map.layout_overlay import LayoutOverlay
from hzmap.render.map.map_view import MapRenderer
from hzmap.render.page.compose import ExportSpec, source_text


@pytest.fixture(scope="module")
def imported(dataset):
    """The shipped dataset with 4+4+1+5 and its plan as an import leaves them: no English."""
    ds = copy.copy(dataset)
    ds.layouts = dict(dataset.layouts)
    ds.plans = dict(dataset.plans)
    lay = ds.layouts["dt_4415"]
    ds.layouts["dt_4415"] = lay.model_copy(update={"name_en": ""})
    plan = ds.plans[lay.plan]
    ds.plans[lay.plan] = plan.model_copy(update={"title_en": "", "short_name_en": ""})
    return ds


def test_text_in_falls_back_both_ways():
    assert text_in("en", "4+4+1+5", "") == "4+4+1+5"
    assert text_in("zh", "", "Digital trade") == "Digital trade"
    assert with_english("4+4+1+5", "") == "4+4+1+5"
    assert with_english("4+4+1+5", "Digital trade") == "4+4+1+5（Digital trade）"


def test_export_title_legend_and_sources_in_english_use_the_chinese_names(geodata, imported):
    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.views import view_extent
    view = View(extent=Extent.from_bounds(view_extent(geodata, "city")), preset="city",
                layout="dt_4415", lang="en")
    spec = ExportSpec(view=view)
    assert spec.resolved_title(imported) == "4+4+1+5"
    fig = Figure(figsize=(8, 6), dpi=72)
    r = MapRenderer(fig, geodata, lang="en")
    r.overlay = LayoutOverlay(r, imported)
    r.overlay.show("dt_4415")
    assert r.ax.get_legend().get_title().get_text() == "4+4+1+5"        # the legend has a title
    plan = imported.plans[imported.layouts["dt_4415"].plan]
    line = source_text(spec, imported)
    assert plan.title in line and "()" not in line and " ( " not in line


def test_layer_panel_and_search_show_no_empty_brackets(qtbot, open_window, geodata, imported):
    win = open_window(geodata, imported)
    win.state.update(layout="dt_4415")
    tree = win.layers.panel.tree
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "4+4+1+5" in tops and not any("（）" in t or "()" in t for t in tops)
    from hzmap.model.dataset.search import SearchIndex
    entries = [e for e in SearchIndex(imported).entries if e.id == "dt_4415"]
    assert entries and not entries[0].detail.endswith(" · ")
