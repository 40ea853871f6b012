"""The view state: one value per user action, checked values, layers and elements by key."""
from dataclasses import replace

import pytest

from hzmap.model.geo.extent import Extent
from hzmap.model.view.viewstate import Filters, LayerState, Selection, ViewState


@pytest.fixture
def state(geodata):
    return ViewState(geodata)


def test_one_user_action_is_one_signal_whatever_it_changes(state):
    seen = []
    state.changed.connect(lambda view, fields: seen.append(fields))
    state.set_preset("urban")                                     # the 主城区 button
    assert seen == [frozenset({"preset", "extent"})]
    hidden_water = tuple(replace(lay, visible=False) if lay.id == "water" else lay for lay in state.view.layers)
    project = replace(state.view, layout="dt_4415", preset="city", extent=state.preset_extent("city"),
                      layers=hidden_water, selection=Selection.district("binjiang"))
    state.set_view(project)                                       # a project opened
    assert seen[1:] == [frozenset({"layout", "preset", "extent", "layers", "selection"})]
    assert state.layout == "dt_4415" and not state.view.layer_visible("water") and state.district == "binjiang"
    assert not state.set_view(project) and len(seen) == 2         # the same view again: no signal


def test_selection_is_one_value(state):
    state.select_district("qiantang")
    assert (state.district, state.place) == ("qiantang", None)
    state.select_place("ftz_hangzhou")
    assert (state.district, state.place) == (None, "ftz_hangzhou")
    state.update(selection=Selection.element("dt_4415", "core"))
    assert state.view.element == ("dt_4415", "core") and state.district is None


def test_setting_a_field_as_an_attribute_is_refused(state):
    with pytest.raises(AttributeError, match="update"):
        state.layout = "dt_4415"


@pytest.mark.parametrize("extent", [(0, 1e308, 0, 1), (5e5, 5e5 + 1e-6, 3.3e6, 3.3e6 + 1e-6),
                                    (0, float("nan"), 0, 1), (1e200, 1e200 + 5e4, 3e6, 3.05e6),
                                    (1, 0, 0, 1)])
def test_extents_that_cannot_be_shown_are_refused_and_nothing_changes(state, extent):
    before = state.view
    with pytest.raises(ValueError):
        state.set_extent(extent)
    assert state.view is before


def test_hidden_elements_are_kept_per_layout(state):
    state.set_element_visible("dt_4415", "core", False)
    assert not state.view.element_visible("dt_4415", "core")
    assert state.view.element_visible("st_core_belt_wings", "core")
    state.update(layout="st_core_belt_wings")
    state.update(layout="dt_4415")
    assert state.view.hidden_in_layout("dt_4415") == {"core"}


def test_user_layers_keep_their_order(state):
    state.add_layer(LayerState("user:a", kind="user", name="A"))
    state.add_layer(LayerState("user:b", kind="user", name="B"))
    state.move_layer("user:b", 0)
    assert [lay.id for lay in state.view.user_layers()] == ["user:b", "user:a"]
    with pytest.raises(ValueError):
        state.add_layer(LayerState("user:a", kind="user"))
    with pytest.raises(ValueError):
        LayerState("user:c", opacity=2.0)


def test_preset_again_after_a_pan_comes_back(state):
    city = state.view.extent
    state.pan_by(5000, 0)
    assert state.preset == "custom" and state.view.extent != city
    assert state.set_preset("city") and state.view.extent == city and isinstance(state.view.extent, Extent)
    assert state.filters == Filters()
