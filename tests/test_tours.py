"""Tours without Qt: default tours follow the document, frame their element, and survive a save."""
import json

import numpy as np
import pytest
import shapely
from matplotlib.figure import Figure

from hzmap.model.dataset.provenance import section_en
from hzmap.model.elements.shape import element_footprint
from hzmap.model.tours.tour import MIN_SPAN_M, Tour, TourStep, default_tour, tour_from_dict, tour_to_dict


def test_default_tour_of_4415_walks_the_groups_in_document_order(dataset, geodata):
    tour = default_tour(dataset, geodata, "dt_4415")
    assert [s.spotlight_element for s in tour.steps] == ["ftz_led", "collab_innovation", "airport_zone",
                                                          "whole_area"]
    first = tour.steps[0]
    assert first.title_zh == "自贸试验区引领区(4)" and first.title_en == "FTZ-led group (4)"
    assert first.caption_zh.startswith("以浙江自贸试验区杭州片区为引领")
    assert first.caption_en.startswith("FTZ-led")
    assert first.source_zh == "数字贸易强市三年行动计划 §一"
    assert first.source_en == "Digital Trade Three-Year Action Plan §1"
    assert set(first.spotlight_districts) == {"binjiang", "xiaoshan", "qiantang", "yuhang"}


def test_core_belt_wings_tour_goes_core_belt_wings_bases(dataset, geodata):
    tour = default_tour(dataset, geodata, "st_core_belt_wings")
    assert [s.title_zh[:2] for s in tour.steps] == ["一核", "一带", "两翼", "两翼", "多基"]


def test_every_step_frames_its_element_with_a_margin(dataset, geodata):
    for layout_id, layout in dataset.layouts.items():
        tour = default_tour(dataset, geodata, layout_id)
        assert len(tour.steps) == len(layout.elements), layout_id
        for step, el in zip(tour.steps, layout.elements):
            shape = element_footprint(dataset, geodata, el)
            x0, y0, x1, y1 = step.extent
            sx0, sy0, sx1, sy1 = shape.bounds
            assert x0 < sx0 and y0 < sy0 and x1 > sx1 and y1 > sy1, (layout_id, el.id)
            # framed, not lost in the whole city: the element fills a good part of the view,
            # unless it is a single base, which keeps ~20 km of context around it
            fill = max(sx1 - sx0, sy1 - sy0) / max(x1 - x0, y1 - y0)
            assert fill > 0.5 or max(x1 - x0, y1 - y0) < 1.3 * MIN_SPAN_M, (layout_id, el.id)


def test_whole_area_step_is_wider_than_the_airport_step(dataset, geodata):
    steps = {s.spotlight_element: s for s in default_tour(dataset, geodata, "dt_4415").steps}
    width = lambda s: s.extent[2] - s.extent[0]  # noqa: E731
    assert width(steps["whole_area"]) > 2 * width(steps["airport_zone"])
    airport = shapely.Point(*geodata.district_label_points()["xiaoshan"].coords[0])
    assert shapely.box(*steps["airport_zone"].extent).contains(airport)


def test_custom_tour_round_trips_through_plain_dicts(dataset, geodata):
    tour = default_tour(dataset, geodata, "st_core_belt_wings")
    tour.steps.append(TourStep(extent=(1.0, 2.0, 3.0, 4.0), layout=None, selection="binjiang",
                               spotlight_districts=["binjiang", "xihu"], title_zh="滨江与西湖",
                               caption_zh="自定义说明", caption_en="A custom caption"))
    tour.name = "给代表团的导览"
    data = json.loads(json.dumps(tour_to_dict(tour), ensure_ascii=False))  # what a project file keeps
    back = tour_from_dict(data)
    assert back == tour
    assert back.steps[-1].spotlight_districts == ["binjiang", "xihu"]
    assert back.steps[-1].caption("en") == "A custom caption"
    assert back.steps[-1].title("en") == "滨江与西湖"  # falls back to the Chinese title


def test_bad_tour_dicts_are_rejected_with_a_reason():
    with pytest.raises(ValueError, match="extent"):
        tour_from_dict({"name": "x", "steps": [{"extent": [1, 2]}]})
    with pytest.raises(ValueError, match="newer"):
        tour_from_dict({"format": 99, "name": "x", "steps": []})
    assert tour_from_dict({"name": "empty"}) == Tour(name="empty")


def test_sections_read_in_arabic_numerals_for_english():
    assert section_en("二(四)20") == "2(4)20"
    assert section_en("(二十七)") == "(27)"
    assert section_en("(十)") == "(10)"


def test_spotlight_masks_everything_but_the_element(dataset, geodata):
    from hzmap.render.map.layout_overlay import LayoutOverlay
    from hzmap.render.map.map_view import MapRenderer
    from hzmap.render.map.spotlight import Spotlight

    fig = Figure(figsize=(8, 6), dpi=80)
    r = MapRenderer(fig, geodata)
    r.overlay = LayoutOverlay(r, dataset)
    r.overlay.show("dt_4415")
    r.set_view("city")

    def pixel(did):
        p = geodata.district_label_points()[did]
        x, y = r.ax.transData.transform((p.x, p.y - 6000))  # below the label, inside the district
        r.refresh_labels()
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())
        row, col = int(img.shape[0] - y), int(x)
        return img[row - 4:row + 5, col - 4:col + 5, :3].reshape(-1, 3).mean(axis=0)

    fuyang_before, yuhang_before = pixel("fuyang"), pixel("yuhang")
    spot = Spotlight(r)
    spot.show_element("ftz_led")
    assert spot.element == "ftz_led" and "yuhang" in spot.districts
    fuyang_after, yuhang_after = pixel("fuyang"), pixel("yuhang")
    assert np.allclose(yuhang_after, yuhang_before, atol=3)        # in the light: unchanged
    assert fuyang_after.mean() > fuyang_before.mean() + 25          # outside: washed out
    faded_labels = [t for t in spot.faded_artists() if t in r.labels.values()]
    assert r.labels["fuyang"] in faded_labels and r.labels["yuhang"] not in faded_labels
    spot.clear()
    assert np.allclose(pixel("fuyang"), fuyang_before, atol=3)
    assert r.labels["fuyang"].get_alpha() is None
