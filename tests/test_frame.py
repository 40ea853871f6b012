"""The light table (hzmap.model.layers.frame.Frame): row lookups by the file's row numbers, and
a large table coming back from the reader process (pickled) with every cell as it was read."""
import pickle

import numpy as np

from hzmap.model.layers.frame import Frame, is_text


def test_rows_are_found_by_their_number_in_the_file_in_order_or_not():
    rising = Frame.from_columns({"name": ["a", "b", "c"]}, [3, 7, 9])
    assert rising.loc[7].items() and dict(rising.loc[7].items()) == {"name": "b"}
    assert rising["name"].get(9) == "c" and rising["name"].get(8) is None and rising["name"].get(8.0) is None
    assert 3 in rising.index and 4 not in rising.index and "3" not in rising.index
    shuffled = Frame.from_columns({"name": ["a", "b", "c"]}, [9, 3, 7])
    assert shuffled["name"].get(3) == "b" and dict(shuffled.loc[9].items()) == {"name": "a"}
    assert list(rising["name"].reindex([9, 5, 3])) == ["c", None, "a"]


def test_a_large_table_pickles_back_cell_for_cell():
    n = 30_000
    kinds = ["制造", "服务", "研发"]
    names = [f"企业{i}" for i in range(n)]
    names[5] = "with a \x00 and a \x1f inside"  # separators that cells may hold
    names[6] = "ends in a NUL\x00"  # fixed-width text would drop it
    names[7000] = "长" * 5000  # one long cell among short ones
    values = [f"{i / 7:.3f}" for i in range(n - 1)] + [12.5]  # one number among the texts
    frame = Frame.from_columns({"名称": names, "行业": [kinds[i % 3] for i in range(n)], "注册资本": values,
                                "空": [None] * n}, range(2, n + 2))
    back = pickle.loads(pickle.dumps(frame, protocol=5))
    assert back.columns == frame.columns
    for c in frame.columns:
        assert back[c].values.dtype == frame[c].values.dtype and list(back[c].values) == list(frame[c].values)
    assert list(back.index.values) == list(range(2, n + 2))
    assert dict(back.loc[7].items())["名称"] == "with a \x00 and a \x1f inside"
    assert back["注册资本"].get(n + 1) == 12.5
    assert back["名称"].get(8) == "ends in a NUL\x00" and back["名称"].get(7002) == "长" * 5000
    assert back["注册资本"].values.dtype == object  # a number among the texts: cells as read
    if hasattr(np, "strings"):  # numpy >= 2: text columns as numpy strings, not Python objects
        assert is_text(back["名称"].values) and is_text(back["行业"].values)
    assert np.array_equal(np.asarray(back.index), np.asarray(frame.index))
