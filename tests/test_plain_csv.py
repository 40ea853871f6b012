"""A CSV without quotes is split into columns in C (hzmap.model.layers.csvrows); one with quotes
goes through the csv module. Both must read the same table, with the same notes and values, and
a command that ends may keep the text as read until a column is asked for."""
import pickle

import numpy as np
import pytest

from hzmap import process
from hzmap.model.layers import open_path
from hzmap.model.layers.frame import is_text
from hzmap.model.layers.tables import read_table

TABLES = {  # name: (delimiter, lines, rows read)
    "listing with blank rows": (",", ["Title,Region,Size,Price", "房源1,下城,88.5,300", ",,,", "房源2,江干,120,410",
                                      " , ,\t, ", "房源3,西湖区,64,", "房源4,滨江,1 200,12%"], 4),
    "title, unit line and two header rows": (",", ["表2 常住人口,,,,", "单位：人、%,,,,",
                                                   "地区,人口,,比重,", ",2020年,2010年,2020年,2010年",
                                                   "上城区,1323567,1004838,11.09,11.55", "西湖区,1145152,820017,9.59,9.43"],
                                             2),
    "tabs and a total row": ("\t", ["区县\t产值（亿元）\t备注", "萧山区\t2000.5\t", "合计\t2000.5\t全市",
                                     "余杭\t-\tn/a"], 3),
    "first cells empty": (",", ["a,b,c", ",1,x", ",2,y", "z,3,"], 3),
}


def _write(path, delimiter, lines, quoted: bool, newline="\n", encoding="utf-8"):
    if quoted:
        lines = [delimiter.join(f'"{cell}"' for cell in line.split(delimiter)) for line in lines]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def _same(a, b):
    assert a.columns == b.columns and a.notes == b.notes and a.units == b.units
    assert a.header_row == b.header_row and a.encoding == b.encoding and a.unit == b.unit
    assert list(a.frame.index) == list(b.frame.index)
    for c in a.columns:
        assert a.frame[c].tolist() == b.frame[c].tolist(), c
        assert a.frame[c].values.dtype == b.frame[c].values.dtype, c
        assert np.array_equal(a.numbers(c), b.numbers(c), equal_nan=True), c
    assert a.numeric_columns() == b.numeric_columns()


@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("newline,encoding,later", [("\n", "utf-8", False), ("\r\n", "gb18030", False),
                                                    ("\n", "utf-8", True)])
def test_a_table_reads_the_same_with_and_without_quotes(tmp_path, monkeypatch, name, newline, encoding, later):
    delimiter, lines, rows = TABLES[name]
    quoted = read_table(_write(tmp_path / "quoted.csv", delimiter, lines, True, newline, encoding), "csv")
    monkeypatch.setattr(process, "_text_on_demand", later)  # text kept as read until asked for
    plain = read_table(_write(tmp_path / "plain.csv", delimiter, lines, False, newline, encoding), "csv")
    _same(plain, quoted)
    assert len(plain.frame) == rows


def test_ragged_and_empty_lines_read_as_the_csv_module_reads_them(tmp_path):
    lines = ["地区,人口,备注", "上城区,10", "", "西湖区,20,新", "滨江区,30,"]
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    t = read_table(path, "csv")
    assert t.columns == ["地区", "人口", "备注"] and list(t.frame.index) == [2, 4, 5]
    assert t.frame["备注"].tolist() == ["", "新", ""] and "1 blank row(s) skipped" in t.notes


def _listing(path, rows=3000):
    names = ["下城", "江干", "西湖区", "滨江", "余杭", "合计", "下沙"]
    lines = ["Title,Region,Block,Size,Price"]
    lines += [f"房源{i},{names[i % len(names)]},街区{i % 97},{50 + i % 90}.5,{200 + i % 400}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_command_that_ends_draws_and_reports_the_same_from_text_kept_as_read(geodata, tmp_path, monkeypatch):
    path = _listing(tmp_path / "listing.csv")
    now = open_path(path, geodata)
    monkeypatch.setattr(process, "_text_on_demand", True)
    later = open_path(path, geodata)
    assert later.notes == now.notes and later.numeric == now.numeric and later.units == now.units
    assert later.join.column == now.join.column == "Region" and later.join.rows == now.join.rows
    for combine in (None, "count", "sum", "median"):
        assert later.district_values("Price", combine) == now.district_values("Price", combine)
    assert later.attributes(5) == now.attributes(5)
    # a column asked for comes as numpy strings with the same cells, and the table pickles whole
    assert is_text(later.table["Title"].values) and later.table["Title"].tolist() == now.table["Title"].tolist()
    back = pickle.loads(pickle.dumps(later.table))
    assert all(is_text(back[c].values) and back[c].tolist() == now.table[c].tolist() for c in now.table.columns)


def test_the_join_column_is_found_behind_columns_of_many_names(geodata, tmp_path):
    path = _listing(tmp_path / "listing.csv")
    data = open_path(path, geodata)
    assert data.kind == "districts" and data.join.column == "Region"
    every = [sum(1 for i in range(3000) if i % 7 == k) for k in range(7)]  # 下城 江干 西湖区 滨江 余杭 合计 下沙
    assert data.join.counts() == {"matched": every[2] + every[3] + every[4], "former": every[0], "split": every[1],
                                  "area": every[6], "total": every[5], "unmatched": 0}
    assert data.join.rows_per_district() == {"gongshu": every[0], "xihu": every[2], "binjiang": every[3],
                                             "yuhang": every[4]}
