"""Legend entries stay apart in greyscale print and for a reader with deuteranopia: every pair of
a layout's legend rows differs in form (hatch, outline or fill, symbol shape, line style) or, where
the form is the same, in lightness (greyscale) and in the colour a deuteranope sees. Checked on
every layout, in both map styles."""
import datetime as dt
from itertools import combinations

import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from hzmap.render.map.colour_vision import deuteranopia, delta_e_deuteranopia, lab, lightness  # noqa: E402

MIN_LIGHTNESS = 8.0     # ΔL*: about 20 grey levels apart
MIN_DEUTERANOPE = 12.0  # ΔE*ab between the colours as a deuteranope sees them


def _parts(handle):
    if isinstance(handle, tuple):
        return [q for p in handle for q in _parts(p)]
    return [handle]


def appearance(handle):
    """(form, main colour) of a legend handle as drawn."""
    form, colour = [], None
    for h in _parts(handle):
        if isinstance(h, Patch):
            face = h.get_facecolor()
            filled = face[3] > 0
            form.append(("patch", filled, h.get_hatch() or "", str(h.get_linestyle())))
            colour = colour or (face[:3] if filled else h.get_edgecolor()[:3])
        elif isinstance(h, Line2D) and h.get_markersize() >= 4:
            face = to_rgba(h.get_markerfacecolor())
            hollow = face[:3] == (1.0, 1.0, 1.0)
            form.append(("marker", str(h.get_marker()), hollow))
            colour = colour or (to_rgba(h.get_markeredgecolor())[:3] if hollow else face[:3])
    return tuple(form), colour


def _layouts():
    from hzmap.paths import data_root
    import yaml

    return sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["id"]
                  for p in (data_root() / "dataset" / "layouts").glob("*.yaml"))


@pytest.mark.parametrize("diagram", [False, True])
@pytest.mark.parametrize("layout", _layouts())
def test_legend_entries_stay_apart_in_grey_and_for_deuteranopes(data, layout, diagram):
    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.views import view_extent
    from hzmap.model.view.viewstate import View
    from hzmap.render.page.compose import ExportSpec, compose

    geo, ds = data
    view = View(extent=Extent.from_bounds(view_extent(geo, "city")), layout=layout)
    spec = ExportSpec(view=view, date=dt.date(2026, 1, 1), diagram="structure" if diagram else "standard")
    page = compose(spec, geo, ds, preview_dpi=40)
    ov = page.scene.renderer.overlay
    rows = {ea.legend_text: ea for ea in ov.elements()}
    legend = ov.legend
    entries = [(t.get_text().replace("\n", " "), h) for t, h in zip(legend.get_texts(), legend.hz_handles)
               if t.get_text().replace("\n", "") in {k.replace(" ", "") for k in rows}
               or t.get_text().replace("\n", " ") in rows]
    assert len(entries) >= min(2, len(rows))
    for (name_a, a), (name_b, b) in combinations(entries, 2):
        form_a, col_a = appearance(a)
        form_b, col_b = appearance(b)
        if form_a != form_b:
            continue
        grey = abs(lightness(col_a) - lightness(col_b))
        deut = delta_e_deuteranopia(col_a, col_b)
        assert grey >= MIN_LIGHTNESS, f"{name_a} / {name_b}: same form, ΔL* {grey:.1f} in grey"
        assert deut >= MIN_DEUTERANOPE, f"{name_a} / {name_b}: same form, ΔE {deut:.1f} for deuteranopes"


def test_the_simulation_is_the_published_one():
    """Machado 2009 maps pure red and green close together and keeps blue blue; greys stay grey."""
    red, green = deuteranopia((1, 0, 0)), deuteranopia((0, 0.6, 0))
    assert abs(lab(red)[0] - lab(green)[0]) < 15 and abs(lab(red)[2] - lab(green)[2]) < 40
    assert deuteranopia((0.5, 0.5, 0.5)) == pytest.approx((0.5, 0.5, 0.5), abs=0.01)
    assert lightness("#000000") == pytest.approx(0, abs=0.01) and lightness("#ffffff") == pytest.approx(100, abs=0.01)
