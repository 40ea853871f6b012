"""Names on the map are whole, in both languages: every place and element of the dataset, wrapped
over lines when long but never cut ("China (Zhejiang) Pilot Free Trade Zone, Hangzhou Area" was
labelled "China", 城西科创大走廊 "Chengxi")."""
import datetime as dt
import re

import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402

from hzmap.render.map.label_text import LATIN_LINE, element_names, place_names, wrap_label  # noqa: E402
from hzmap.render.map.layout_style import element_text  # noqa: E402


def flat(text: str) -> str:
    """A wrapped label read as one line (English lines join with a space, Chinese with none)."""
    out = ""
    for line in text.split("\n"):
        wide = out and (ord(out[-1]) > 0x2E80 or ord(line[:1] or " ") > 0x2E80)
        out += ("" if not out or wide else " ") + line
    return out


@pytest.mark.parametrize("en", [False, True])
def test_every_place_is_labelled_with_a_whole_name(dataset, en):
    for place in dataset.places.values():
        label = flat(place_names(place, en)[0])
        if en:
            assert label == " ".join(place.name_en.split()), place.id
        else:
            assert label in [place.name, *place.aliases], place.id


@pytest.mark.parametrize("en", [False, True])
def test_every_element_is_labelled_with_its_whole_name(dataset, en):
    for layout in dataset.layouts.values():
        for el in layout.elements:
            text = element_text(el, en)
            assert flat(element_names(el, text, en)[0]) == " ".join(text.split()), (layout.id, el.id)


def test_long_names_wrap_at_word_boundaries_and_short_ones_stay_on_one_line(dataset):
    names = [p.name_en for p in dataset.places.values()]
    names += [el.name_en for lay in dataset.layouts.values() for el in lay.elements]
    for name in names:
        wrapped = wrap_label(name)
        assert wrapped.split() == name.split(), name  # no word cut or lost
        if len(name) <= LATIN_LINE:
            assert "\n" not in wrapped
        for line in wrapped.split("\n"):
            assert len(line) <= LATIN_LINE * 1.4 or " " not in line, (name, line)
    chinese = wrap_label("萧山、余杭、富阳、临安深度融入主城区")
    assert chinese.replace("\n", "") == "萧山、余杭、富阳、临安深度融入主城区"
    assert all(not line.startswith(("、", "，", "）")) for line in chinese.split("\n"))


@pytest.mark.parametrize("layout", ["dt_4415", "dt_platforms", "st_core_belt_wings", "open2018_platforms"])
def test_english_maps_show_whole_names_on_the_map_and_in_the_key(data, layout):
    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.views import view_extent
    from hzmap.model.view.viewstate import View
    from hzmap.render.page.compose import ExportSpec, compose

    geo, ds = data
    whole = {" ".join(p.name_en.split()) for p in ds.places.values()}
    whole |= {" ".join(element_text(el, True).split()) for lay in ds.layouts.values() for el in lay.elements}
    whole |= {f["name_en"].replace(" District", "") for f in geo.districts.values()}
    whole |= {f["name_en"] for f in geo.landmarks}
    for preset in ("city", "urban"):
        view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset, lang="en", layout=layout)
        page = compose(ExportSpec(view=view, date=dt.date(2026, 1, 1)), geo, ds, preview_dpi=60)
        r = page.scene.renderer
        for rec in r.label_records:
            text = flat(rec.text.get_text())
            if rec.text.get_visible() and rec.kind == "name" and not re.fullmatch(r"×\d+", text):
                assert text in whole, (preset, text)
        for _marker, name in r.label_key:
            assert name in whole, (preset, name)


def test_a_place_with_no_english_name_yet_is_labelled_in_chinese(dataset):
    """An imported plan's places have no English until the planner writes it: never an empty label."""
    place = next(iter(dataset.places.values())).model_copy(update={"name_en": ""})
    assert place_names(place, True)[0] == wrap_label(place.name)
