"""A CSV without quotes is split into columns in C (hzmap.model.layers.csvrows); one with quotes
goes through the csv module. Both must read the same table, with the same notes and values, and
a command that ends may keep the text as read until a column is asked for."""
import pickle

import numpy as np
import pytest

from hzmap import process
from hzmap.model.layers import open_path
from hzmap.model.layers.frame import is_text
from hzmap.model.layers.plainfields import NOT_SPACE, Fields, decimals
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
    "numbers float() reads its own way": ("|", ["区县|人口|比重|备注", "上城区|+1_323|-0|１２", "西湖区|1e3| 9.59 |x",
                                                "滨江区|0.12345678901234567|-.5|", "萧山区|-12.50|inf|—"], 4),
    "first cells of white space": (",", ["区县,产值", "\u3000,1", "上城区,2", " \u3000,3", "西湖区,4.5"], 4),
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
                                                    ("\n", "utf-8", True), ("\r\n", "gb18030", True),
                                                    ("\n", "utf-8-sig", True)])
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


def test_a_cell_of_any_white_space_is_seen_when_the_text_is_kept_as_read(tmp_path, monkeypatch):
    """Each white space character Python knows, alone or around text in a row's first cell: the
    row is read as blank, or not, as the split text reads it."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() and chr(c) not in "\n\r\x1c\x1d\x1e\x85\u2028\u2029"]
    lines = ["名称,数"] + [f"{s},{i}" for i, s in enumerate(spaces)] + [f"{s}x{s},{i}" for i, s in enumerate(spaces)]
    path = tmp_path / "spaces.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    now = read_table(path, "csv")
    monkeypatch.setattr(process, "_text_on_demand", True)
    _same(read_table(path, "csv"), now)
    assert "blank row(s) skipped" not in " ".join(now.notes) and len(now.frame) == 2 * len(spaces)


def test_plain_decimals_are_read_from_bytes_as_float_reads_them():
    rng = np.random.default_rng(7)
    cells = ["0", "-0", "-0.0", ".5", "5.", "+.5", "000123", "999999999999999", "0.00000000000001", "-.0",
             "0.1", "0.3", "2.675", "1.0000000000001"]
    for _ in range(20_000):
        digits = "".join(map(str, rng.integers(0, 10, rng.integers(1, 16))))
        at = int(rng.integers(0, len(digits) + 1))
        cells.append(str(rng.choice(["", "-", "+"])) + digits[:at] + ("." if rng.random() < 0.6 else "") + digits[at:])
    read = decimals(_grid(cells))
    assert read is not None and np.array_equal(read, [float(c) for c in cells])
    assert np.array_equal(np.signbit(read), np.signbit([float(c) for c in cells]))
    for other in ("1e5", " 1", "1_0", "1.2.3", "-", ".", "1-", "inf", "1234567890123456", "+-1", "0x1"):
        assert decimals(_grid([other, "1"])) is None, other


def _grid(cells):
    grid = np.zeros((max(map(len, cells)), len(cells)), np.uint8)
    for i, c in enumerate(cells):
        grid[:len(c), i] = list(c.encode())
    return grid


def test_no_white_space_character_starts_with_a_byte_taken_as_text():
    """plainfields.NOT_SPACE: a cell with such a byte is not blank, so none may begin a white
    space character in UTF-8."""
    for c in range(0x110000):
        if chr(c).isspace():
            assert not NOT_SPACE[chr(c).encode()[0]], hex(c)


@pytest.mark.parametrize("sample", ["a,b\n1,2\n", "a;b;c\n1;2;3\n", "区县\t人口\n上城\t1\n", "x|y\n1|2\n",
                                    "a,'b'\n1,'2'\n", 'a;"b;c"\n1;"2"\n', "one column\nno delimiter\n"])
def test_the_delimiter_is_guessed_as_the_csv_module_guesses_it(sample):
    import csv

    from hzmap.model.layers.csvrows import sniff_delimiter

    try:
        expected = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        expected = "\t" if sample.count("\t") > sample.count(",") else ","
    assert sniff_delimiter(sample) == expected


def test_cells_found_in_the_text_are_the_cells_split_from_it():
    """plainfields.Fields against str.split on small random tables: each column from each line
    on, its first cells, whether one is blank; ragged lines are refused."""
    rng = np.random.default_rng(5)
    alphabet = ["a", "1", "房", " ", "\u3000", ".", "-", "é", "\t", "\ud800"]
    for _ in range(1500):
        width, count = int(rng.integers(1, 5)), int(rng.integers(1, 6))
        lines = [",".join("".join(rng.choice(alphabet, int(rng.integers(0, 4)))) for _ in range(width))
                 for _ in range(count)]
        if rng.random() < 0.2:
            lines[int(rng.integers(0, count))] += ","
        text = "\n".join(lines) + ("\n" if rng.random() < 0.5 else "")
        rows = [line.split(",") for line in text.removesuffix("\n").split("\n")]
        fields = Fields.locate(text, ",")
        if len({len(r) for r in rows}) != 1:
            assert fields is None, text
            continue
        assert fields is not None and (fields.lines, fields.width) == (len(rows), len(rows[0])), text
        for start in range(len(rows)):
            for j in range(len(rows[0])):
                cells = [r[j] for r in rows[start:]]
                assert fields.cells(j, start) == cells and fields.cells(j, start, start + 2) == cells[:2], text
                assert fields.any_blank(j, start) == any(not c or c.isspace() for c in cells), text
