"""The faster exporter draws the same maps: pages compared pixel by pixel with the pages main drew
before (tests/render_reference), and an atlas page with a fresh single export of the same view.

A pixel "differs" when a channel is off by more than 24 of 255 (a glyph's anti-aliased edge moved
by a fraction of a pixel stays under that); at most 0.2% of a page may differ, which a moved
label, a lost scale bar or legend row, or another colour would exceed many times over."""
from pathlib import Path

import numpy as np
import pytest
import render_cases
from PIL import Image

REFERENCE = Path(__file__).parent / "render_reference"
MAX_DIFFERING = 0.002


def pixels(path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.int16)


def differing(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape, f"page size {a.shape[1::-1]} != {b.shape[1::-1]}"
    return float((np.abs(a - b).max(axis=2) > 24).mean())


@pytest.mark.parametrize("name", list(render_cases.CASES))
def test_the_page_matches_what_main_drew(data, tmp_path, name):
    geo, ds = data
    out = render_cases.draw(name, geo, ds, tmp_path / f"{name}.png")
    assert differing(pixels(out), pixels(REFERENCE / f"{name}.png")) <= MAX_DIFFERING


def test_the_comparison_sees_a_changed_page(data, tmp_path):
    """The tolerance is tight enough: another selection on the same layout fails it."""
    geo, ds = data
    render_cases.CASES["_other"] = dict(layout="dt_4415", select="binjiang", atlas=True)
    try:
        out = render_cases.draw("_other", geo, ds, tmp_path / "other.png")
    finally:
        del render_cases.CASES["_other"]
    assert differing(pixels(out), pixels(REFERENCE / "atlas_xiaoshan.png")) > 3 * MAX_DIFFERING


def test_atlas_pages_drawn_on_one_figure_are_the_pages_drawn_afresh(data, tmp_path, capsys):
    """Every atlas page reuses the first page's Figure; each is the page a single export of
    the same view gives, and 萧山区's is main's page."""
    from dataclasses import replace

    from hzmap.cli.export import _atlas, atlas_roles
    from hzmap.model.view.viewstate import Selection
    from hzmap.render.page.compose import compose
    from hzmap.render.page.export_io import save

    geo, ds = data
    base = render_cases.spec("dt4415_city", geo, ds, tmp_path)
    assert _atlas(base, geo, ds, tmp_path / "atlas", "png") == 0
    assert "13/13" in capsys.readouterr().err  # the progress bar
    pages = sorted((tmp_path / "atlas").glob("*.png"))
    assert len(pages) == 13
    xiaoshan = next(p for p in pages if p.stem.endswith("_xiaoshan"))
    assert differing(pixels(xiaoshan), pixels(REFERENCE / "atlas_xiaoshan.png")) <= MAX_DIFFERING
    layout = ds.layouts["dt_4415"]
    for page in (pages[0], pages[6], pages[-1]):  # the first, one in the middle, the last
        did = page.stem.split("_", 1)[1]
        name = ds.districts[did].name_zh
        alone = replace(base, view=replace(base.view, selection=Selection.district(did)),
                        title=f"{layout.name} — {name}",
                        side_notes=(f"{name}在「{layout.name}」中的角色", atlas_roles(ds, "dt_4415", did)))
        fresh = compose(alone, geo, ds)
        out = save(fresh.figure, tmp_path / f"alone_{did}.png", title=fresh.title)
        assert differing(pixels(page), pixels(out)) <= MAX_DIFFERING, page.name
