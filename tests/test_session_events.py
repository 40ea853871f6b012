"""The session announces the dataset in use and the user layers' data (no Qt): whatever shows
them subscribes, and a view that names what a new dataset no longer has is cleared first."""
import pytest
from layer_files import INSIDE, write_csv

from hzmap.model.dataset.overlay import load_dataset_with
from hzmap.model.layers import open_path
from hzmap.model.layers.store import LayerStore
from hzmap.model.plan_import import draft_plan, pasted, write_draft
from hzmap.model.session.session import Session
from hzmap.model.tours.player import room_view
from hzmap.model.tours.tour import default_tour
from hzmap.model.view.viewstate import Filters, Selection, ViewState

PLAN = """杭州市低空经济高质量发展行动计划(2025—2027年)
杭州市发展和改革委员会
2025年5月20日
一、总体布局
构建“一廊两核三区九星”低空经济空间格局。
“两核”:以滨江区、萧山区为核心,集聚低空整机研发企业。
“三区”:推动钱塘区、临平区、富阳区建设低空应用示范区。
二、重点任务
(一)培育整机企业。到2027年,全市低空经济核心企业达到200家以上。(牵头单位:市发改委;责任单位:市经信局)
"""


@pytest.fixture(scope="module")
def with_plan(dataset, tmp_path_factory):
    """The shipped dataset with a plan imported on top (a user dataset), and its layout's id."""
    draft = draft_plan(pasted(PLAN), dataset)
    draft.accept_all()
    for element in draft.layouts[0].children:        # the slogan's parts the text places nowhere
        if not element.data.get("districts") and not element.data.get("places"):
            element.reject()
    folder = tmp_path_factory.mktemp("user") / draft.plan_id
    write_draft(draft, folder, only_accepted=True)
    ds = load_dataset_with([folder], base=dataset, check_excerpts=False)
    return ds, draft.layouts[0].id


def test_a_new_dataset_is_announced_with_the_shipped_one_beneath(geodata, dataset, with_plan):
    ds, _ = with_plan
    session = Session(ViewState(geodata))
    heard = []
    session.dataset_changed.connect(lambda new, shipped: heard.append((new, shipped)))
    session.set_dataset(ds, shipped=dataset)
    session.set_dataset(dataset)                     # the user's dataset removed
    assert heard == [(ds, dataset), (dataset, dataset)]
    assert session.dataset is dataset and session.shipped is dataset


def test_what_the_removed_dataset_named_is_cleared_first_in_one_change(geodata, dataset, with_plan):
    ds, layout = with_plan
    state = ViewState(geodata)
    session = Session(state, dataset=ds)
    element = ds.layouts[layout].elements[0].id
    plan = ds.layouts[layout].plan
    state.update(layout=layout, selection=Selection.element(layout, element), filters=Filters(plan=plan))
    changes, seen = [], []
    state.changed.connect(lambda view, fields: changes.append(fields))
    session.dataset_changed.connect(lambda new, _shipped: seen.append((state.layout, new)))
    session.set_dataset(dataset)
    assert changes == [frozenset({"layout", "selection", "filters"})]
    assert seen == [(None, dataset)]                 # cleared before anyone hears of the dataset
    state.update(layout="dt_4415")
    state.select_district("binjiang")
    changes.clear()
    session.set_dataset(ds)                          # a layout both have stays, and so does the district
    assert changes == [] and state.layout == "dt_4415" and state.district == "binjiang"


def test_the_layer_store_announces_data_put_and_let_go(geodata, tmp_path):
    csv = write_csv(tmp_path / "pts.csv", ["name", "lng", "lat"], [(k, *v) for k, v in INSIDE.items()])
    session = Session(ViewState(geodata), layers=LayerStore())
    heard = []
    session.layers.changed.connect(heard.append)
    layer = session.add_layer(open_path(csv, geodata))
    assert heard == [frozenset({layer.id})]
    session.remove_layer(layer.id)
    assert heard[-1] == frozenset({layer.id}) and len(heard) == 2
    session.layers.discard(layer.id)                 # nothing held: nothing announced
    assert len(heard) == 2


def test_a_tour_step_whose_layout_is_gone_shows_its_place_without_it(geodata, dataset, with_plan):
    ds, layout = with_plan
    step = default_tour(ds, geodata, layout).steps[0]
    explorer = ViewState(geodata).view
    assert room_view(explorer, step, ds).layout == layout
    shown = room_view(explorer, step, dataset)
    assert shown.layout is None and shown.extent == room_view(explorer, step).extent
