"""Tables as offices make them: several header rows, merged cells, a unit row, a 单位 line with
one unit per group, padded names, old county-level cities and the zones of the time."""
import math

import pytest
from office_files import CENSUS_2020, census_2020_xlsx, population_2016_gbk

from hzmap.model.layers import open_path
from hzmap.model.layers.tables import read_table


def test_census_xlsx_two_header_rows_merged_cells_and_a_unit_row(geodata, tmp_path):
    data = open_path(census_2020_xlsx(tmp_path / "第七次人口普查.xlsx"), geodata)
    assert data.kind == "districts" and data.join.column == "地区"
    assert data.numeric == ["人口·2020年", "人口·2010年", "比重·2020年", "比重·2010年"]
    assert data.units == {"人口·2020年": "人", "人口·2010年": "人", "比重·2020年": "%", "比重·2010年": "%"}
    counts = data.join.counts()
    assert counts["matched"] == 13 and counts["total"] == 1 and counts["unmatched"] == 0
    vals = data.district_values("人口·2020年")
    assert vals["linping"].value == dict((n, p) for n, p, _ in CENSUS_2020)["临平区"]
    assert any("header of 3 rows" in n for n in data.notes)


def _csv(path, lines, encoding="utf-8"):
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def test_csv_header_rows_span_the_blanks_and_the_unit_line_goes_by_group(tmp_path):
    path = _csv(tmp_path / "t.csv", ["表2 常住人口", "单位：人、%",
                                     "地区,人口,,比重,", ",2020年,2010年,2020年,2010年",
                                     "上城区,1323567,1004838,11.09,11.55", "西湖区,1145152,820017,9.59,9.43"])
    t = read_table(path, "csv")
    assert t.columns == ["地区", "人口·2020年", "人口·2010年", "比重·2020年", "比重·2010年"]
    assert t.units == {"人口·2020年": "人", "人口·2010年": "人", "比重·2020年": "%", "比重·2010年": "%"}
    assert list(t.frame.index) == [5, 6]


def test_three_header_rows_and_a_csv_unit_row(tmp_path):
    path = _csv(tmp_path / "t.csv", ["地区,常住人口,,,生产总值,",
                                     ",合计,城镇,乡村,2022年,2023年",
                                     ",,,,现价,现价",
                                     ",万人,,,亿元,",
                                     "滨江区,54.1,54.1,0,2600,2800"])
    t = read_table(path, "csv")
    assert t.columns == ["地区", "常住人口·合计", "常住人口·城镇", "常住人口·乡村", "生产总值·2022年·现价",
                         "生产总值·2023年·现价"]
    assert t.units["常住人口·乡村"] == "万人" and t.units["生产总值·2023年·现价"] == "亿元"


def test_one_unit_line_is_not_put_on_counts_or_shares(tmp_path):
    path = _csv(tmp_path / "t.csv", ["单位：亿元", "地区,营业收入,企业数,增长（%）", "滨江区,3000,120,8.5",
                                     "萧山区,2500,300,6.1"])
    t = read_table(path, "csv")
    assert t.units == {"营业收入": "亿元", "增长（%）": "%"}


@pytest.fixture
def pop2016(geodata, tmp_path):
    return open_path(population_2016_gbk(tmp_path / "2016年户籍人口.csv"), geodata)


def test_2016_gbk_table_lands_right(pop2016):
    j = pop2016.join
    status = {r.text: (r.status, r.districts) for r in j.rows}
    assert status["临安市"] == ("former", ("linan",)) and status["富阳市"] == ("former", ("fuyang",))
    assert status["全  市"][0] == "total" and status["市  区"][0] == "total"
    assert status["杭州经济技术开发区"] == ("area", ("qiantang",))
    assert status["大江东产业集聚区"] == ("area", ("qiantang",))
    assert status["西湖风景名胜区"] == ("area", ("xihu",))
    assert j.counts()["unmatched"] == 0
    assert pop2016.units["年末户籍人口"] == "万人" and pop2016.units["户数（万户）"] == "万户"
    vals = pop2016.district_values("年末户籍人口")
    assert vals["linan"].value == 53.6 and vals["fuyang"].value == 65.7
    # 大江东 is a part of 钱塘区: it never colours the district (its only other row is 江干区's span)
    assert math.isnan(vals["qiantang"].value) and vals["qiantang"].flag == "split"
    assert vals["xihu"].value == 67.3   # 西湖风景名胜区's 1.1 is not added to 西湖区
    notes = " ".join(pop2016.notes)
    assert "大江东产业集聚区 (in 钱塘区)" in notes and "临安市 → 临安区" in notes and "全  市" in notes
