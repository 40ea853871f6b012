"""District tables: rows joined to today's 13 districts, none dropped silently; choropleth classes."""
import math

import numpy as np
import pytest
from layer_files import write_csv

from hzmap.model.layers import open_path
from hzmap.model.layers.classify import classify

ROWS = [  # a planner's table mixing every form, a pre-2021 table's names, a typo, a total and a town
    ("滨江", 120.5), ("西湖区", 80), ("Gongshu", 60), ("330109", 200), ("330110.0", 150),
    ("江干区", 70), ("下城区", 30), ("滨江去", 10), ("合计", 720.5), ("下沙", 5), ("富阳区", None),
]


@pytest.fixture
def table(geodata, tmp_path):
    path = write_csv(tmp_path / "服务贸易.csv", ["地区", "进出口额（亿元）"], ROWS)
    return open_path(path, geodata)


def test_every_row_is_in_exactly_one_list(table):
    j = table.join
    assert table.kind == "districts" and j.column == "地区"
    assert sorted(r.row for r in j.rows) == list(range(2, 2 + len(ROWS)))
    status = {r.text: (r.status, r.districts) for r in j.rows}
    assert status["滨江"] == ("matched", ("binjiang",))
    assert status["Gongshu"] == ("matched", ("gongshu",))
    assert status["330109"] == ("matched", ("xiaoshan",))
    assert status["330110.0"] == ("matched", ("yuhang",))
    assert status["下城区"] == ("former", ("gongshu",))
    assert status["江干区"] == ("split", ("shangcheng", "qiantang"))
    assert status["滨江去"][0] == "unmatched"
    assert status["合计"][0] == "total" and status["下沙"][0] == "area"
    typo = next(r for r in j.rows if r.text == "滨江去")
    assert "滨江区" in typo.note


def test_old_names_join_with_a_visible_note(table):
    notes = " ".join(table.notes)
    assert "江干区 → 上城区、钱塘区" in notes and "下城区 → 拱墅区" in notes
    former = next(r for r in table.join.rows if r.text == "下城区")
    assert "2021" in former.note and "拱墅区" in former.note


def test_district_values_flag_what_cannot_be_shown_as_one_number(table):
    vals = table.district_values("进出口额（亿元）")
    assert vals["binjiang"].value == 120.5 and vals["binjiang"].flag == ""
    assert vals["xiaoshan"].value == 200
    # 拱墅 has its own row (Gongshu) and 下城区's: two rows, not added up unless asked
    assert math.isnan(vals["gongshu"].value) and vals["gongshu"].flag == "several rows"
    assert table.district_values("进出口额（亿元）", combine="sum")["gongshu"].value == 90
    # 江干区's 70 is never split between 上城 and 钱塘, nor given to either
    assert math.isnan(vals["shangcheng"].value) and vals["shangcheng"].flag == "split"
    assert "江干区" in vals["qiantang"].note
    assert vals["fuyang"].flag == "empty" and math.isnan(vals["fuyang"].value)
    assert vals["jiande"].flag == "no data"
    assert table.units["进出口额（亿元）"] == "亿元"


def test_hit_on_a_district_returns_its_row_and_note(geodata, table):
    from hzmap.model.geo.geodata import to_map

    hit = table.hit(*to_map(120.21, 30.19))
    assert hit.district == "binjiang" and hit.attributes["进出口额（亿元）"] == "120.5"
    hit = table.hit(*to_map(120.17, 30.28))  # 拱墅: 下城区's row, with its note
    assert hit.district == "gongshu" and hit.note


def test_a_pre_2021_table_without_linping_warns_about_yuhang(geodata, tmp_path):
    path = write_csv(tmp_path / "2019.csv", ["区县", "GDP"], [("江干区", 1), ("下城区", 2), ("余杭区", 3)])
    data = open_path(path, geodata)
    assert any("old 余杭区" in n for n in data.notes)


def test_a_table_can_be_joined_by_adcode_column_chosen_by_hand(geodata, tmp_path):
    path = write_csv(tmp_path / "codes.csv", ["名称", "代码", "经度", "纬度", "v"],
                     [("A", 330108, 120.21, 30.19, 1), ("B", 330106, 120.10, 30.25, 2)])
    points = open_path(path, geodata)
    assert points.kind == "points"  # coordinates win by default
    table = open_path(path, geodata, join_column="代码")
    assert table.kind == "districts" and table.district_values("v")["xihu"].value == 2


@pytest.mark.filterwarnings("ignore:Numba not installed")
@pytest.mark.parametrize("scheme,mc_name,kw", [
    ("quantiles", "Quantiles", {"k": 4}),
    ("natural_breaks", "FisherJenks", {"k": 4}),
    ("equal_interval", "EqualInterval", {"k": 5}),
    ("manual", "UserDefined", {"bins": [10, 50, 100]}),
])
def test_classes_equal_mapclassify(scheme, mc_name, kw):
    import mapclassify

    rng = np.random.default_rng(7)
    y = np.round(rng.lognormal(3, 1, 60), 2)
    ours = classify(np.r_[y, np.nan], scheme, k=kw.get("k", 5), breaks=kw.get("bins"))
    theirs = getattr(mapclassify, mc_name)(y, **({"bins": kw["bins"] + [y.max()]} if "bins" in kw else kw))
    assert np.allclose(ours.bins, theirs.bins)
    assert list(ours.counts) == list(theirs.counts)
    assert list(ours.yb[:-1]) == list(theirs.yb) and ours.yb[-1] == -1
    assert len(ours.labels()) == ours.k


def test_classes_refuse_what_cannot_be_classified():
    with pytest.raises(ValueError, match="no numbers"):
        classify([np.nan, np.nan])
    with pytest.raises(ValueError, match="unknown classification"):
        classify([1, 2], "jenks-ish")


@pytest.mark.parametrize("seed,n,k", [(1, 30, 3), (2, 120, 5), (3, 400, 7), (4, 1500, 5)])
def test_natural_breaks_equal_mapclassify_on_many_tables(seed, n, k):
    """Fisher-Jenks in numpy gives mapclassify's breaks (over JENKS_SAMPLE values: on the
    evenly spaced sample, as before)."""
    import warnings

    import mapclassify

    from hzmap.model.layers.classify import JENKS_SAMPLE

    rng = np.random.default_rng(seed)
    y = np.round(rng.lognormal(4, 1.2, n), 1)
    ours = classify(y, "natural_breaks", k=k)
    sample = np.sort(y)
    if n > JENKS_SAMPLE:
        sample = sample[np.linspace(0, n - 1, JENKS_SAMPLE).round().astype(int)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = mapclassify.UserDefined(y, list(mapclassify.FisherJenks(sample, k=k).bins))
    assert np.allclose(ours.bins, theirs.bins) and list(ours.counts) == list(theirs.counts)
    assert list(ours.yb) == list(theirs.yb)


@pytest.mark.parametrize("cells", [
    ["滨江区", "西湖", "NA", "None", "—", "", "下城", "全市", "滨江区", "x"],            # blanks in every case
    [" 滨江区", "滨江区 ", "西湖", "N/A", " ", "萧山区", "萧山区"],                     # cells to strip
    [f"房源{i}" for i in range(1500)] + ["滨江区"] * 400,                              # mostly distinct
])
def test_a_column_is_scored_by_its_filled_cells_as_written_or_stripped(cells):
    """join_score counts each filled cell by its stripped text, blanks (any case) left out."""
    from collections import Counter

    from hzmap.model.geo.gazetteer import load_gazetteer
    from hzmap.model.layers.columns import MISSING
    from hzmap.model.layers.join import join_score

    gaz = load_gazetteer()
    counts = Counter(c.strip() for c in cells if c.strip().lower() not in MISSING)
    hits = sum(n for key, n in counts.items()
               if ((e := gaz.match(key)) is not None and e.kind in ("district", "former")) or gaz.total(key))
    assert join_score(cells, gaz, distinct=10_000) == pytest.approx(hits / sum(counts.values()))
