"""Reading a table's header: which columns are lon/lat, which system they are in, which are numbers.

Planners' tables name their columns every way: lng, lon, longitude, 经度, X, 经度（高德）,
bd_lat ... The words that name a system (gcj, amap, 高德, bd09, 百度 ...) are taken off before a
name is matched, and kept as the hint that preselects the system; the file name gives hints
too. Header hints win over the file name. No pandas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_HINTS = (  # (system, pattern): checked on the lower-cased text
    ("gcj02", re.compile(r"gcj[-_ ]?0?2?|amap|gaode|高德|tencent|腾讯|火星|(?<![a-z])qq(?![a-z])")),
    ("bd09", re.compile(r"(?<![a-z])bd[-_ ]?(?:09|ll|mc)?(?![a-z])|baidu|百度")),
    ("wgs84", re.compile(r"wgs[-_ ]?(?:84)?|(?<![a-z])gps(?![a-z])|cgcs2000|epsg[-_: ]?4326")),
)
_X_NAMES = {"lon", "lng", "long", "longitude", "经度", "东经", "x", "x坐标", "坐标x", "横坐标", "point_x", "xcoord"}
_Y_NAMES = {"lat", "latitude", "纬度", "北纬", "y", "y坐标", "坐标y", "纵坐标", "point_y", "ycoord"}
_UNIT = re.compile(r"^(.*?)\s*[（(\[]\s*([^（）()\[\]]{1,16})\s*[)）\]]\s*$")
_NUMBER_NOISE = re.compile(r"[,，\s\u3000%％]")
#: What a blank cell says, stripped and lower-cased (is_blank)
MISSING = frozenset({"", "-", "—", "–", "--", "/", "na", "n/a", "nan", "null", "none", "无", "空", "…"})


@dataclass(frozen=True)
class CoordGuess:
    system: str | None   # "wgs84", "gcj02", "bd09" or None (no hint: the dialog asks, WGS84 preset)
    reason: str          # what the guess rests on, shown by the dialog and the command


def system_hint(text: str) -> str | None:
    """The system a header, sheet or file name names, if exactly one."""
    low = str(text).lower()
    found = {system for system, pat in _HINTS if pat.search(low)}
    return found.pop() if len(found) == 1 else None


def _bare(name: str) -> str:
    """A column name without system words, brackets, separators: 'GCJ_Lng' -> 'lng'."""
    low = str(name).lower().strip()
    for _system, pat in _HINTS:
        low = pat.sub(" ", low)
    low = re.sub(r"[（(\[].*?[)）\]]", " ", low)
    low = re.sub(r"[\s_\-:：.]+", " ", low).strip()
    return low.replace(" ", "_") if low not in ("", "_") else ""


def _role(name: str) -> str | None:
    bare = _bare(name)
    parts = set(bare.split("_")) | {bare}
    if parts & _X_NAMES or "经度" in bare:
        return "x"
    if parts & _Y_NAMES or "纬度" in bare:
        return "y"
    return None


def find_coordinate_columns(columns, numeric: dict) -> tuple[str | None, str | None]:
    """(x column, y column) among `columns` whose values are mostly numbers, else (None, None).

    `numeric` maps a column to its values as floats (NaN where not a number)."""
    xs = [c for c in columns if _role(c) == "x" and _mostly_numbers(numeric.get(c))]
    ys = [c for c in columns if _role(c) == "y" and _mostly_numbers(numeric.get(c))]
    if not xs or not ys:
        return None, None
    # prefer a pair with the same system words ('gcj_lng' with 'gcj_lat'), then the first
    for x in xs:
        for y in ys:
            if system_hint(x) == system_hint(y):
                return x, y
    return xs[0], ys[0]


def guess_system(x_column: str | None, y_column: str | None, *names: str) -> CoordGuess:
    """Which system the lon/lat are in, from the column names, then sheet and file names."""
    for col in (x_column, y_column):
        if col is not None and (hint := system_hint(col)):
            return CoordGuess(hint, f"column {col!r} names {hint}")
    for name in names:
        if name and (hint := system_hint(name)):
            return CoordGuess(hint, f"name {name!r} names {hint}")
    return CoordGuess(None, "no column or file name says; assuming WGS84")


def split_unit(header: str) -> tuple[str, str | None]:
    """'服务贸易进出口额（亿元）' -> ('服务贸易进出口额', '亿元')."""
    m = _UNIT.match(str(header))
    return (m.group(1) or str(header), m.group(2)) if m else (str(header), None)


def parse_number(value) -> float:
    """A cell as a float: '1,234.5', '12%', ' 3 ' read as numbers; '—', 'N/A', '' as NaN."""
    if value is None:
        return np.nan
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if text.lower() in MISSING:
        return np.nan
    try:
        return float(_NUMBER_NOISE.sub("", text))
    except ValueError:
        return np.nan


def _cells(values) -> np.ndarray:
    """A column (a list, a numpy array, a pandas Series or a Frame column) as an object array."""
    if hasattr(values, "to_numpy"):
        values = values.to_numpy(dtype=object)
    return np.asarray(values, dtype=object).ravel()


def numbers(values) -> np.ndarray:
    """Cells as floats by parse_number's rules, vectorised: a column of plain numbers or number
    text converts in C; otherwise each distinct cell is parsed once (a column of 100,000 cells
    has a few thousand distinct ones). No pandas."""
    raw = values.to_numpy() if hasattr(values, "to_numpy") else values
    if getattr(raw, "dtype", None) is not None and raw.dtype.kind == "T":  # numpy strings
        return _text_numbers(raw)
    if isinstance(raw, list) and raw and type(raw[0]) is str:  # a column kept as read: cast as below
        try:
            return np.array(raw, dtype=float)
        except (ValueError, TypeError):
            pass
    cells = _cells(values)
    if cells.size == 0:
        return np.zeros(0)
    try:
        out = cells.astype(float)
        if not any(isinstance(v, bool) for v in cells[:1]):
            return out
    except (ValueError, TypeError):
        pass
    cache: dict = {}
    out = np.empty(cells.size)
    for i, v in enumerate(cells.tolist()):
        try:
            n = cache.get(v)
        except TypeError:  # an unhashable cell
            n, v = parse_number(v), None
        if n is None:
            n = cache[v] = parse_number(v)
        out[i] = n
    return out


def _text_numbers(text: np.ndarray) -> np.ndarray:
    """numbers() of a column of numpy strings: cast in C when every cell is a plain number, else
    each distinct cell parsed once."""
    try:
        return text.astype(float)
    except ValueError:
        pass
    distinct, inverse = np.unique(text, return_inverse=True)
    parsed = np.array([parse_number(v) for v in distinct.tolist()], dtype=float)
    return parsed[inverse.reshape(-1)]


def _mostly_numbers(values) -> bool:
    if values is None or len(values) == 0:
        return False
    return np.count_nonzero(np.isfinite(values)) >= 0.5 * len(values)  # rows without any are listed


def is_blank(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip().lower() in MISSING


_MARKERS = frozenset(MISSING | {m.upper() for m in MISSING} | {"N/A", "NaN", "Null", "None", " "})


def blank_mask(values) -> np.ndarray:
    """is_blank for a whole column (exact missing markers; hash lookups, no string work)."""
    cells = _cells(values)
    out = np.empty(cells.size, dtype=bool)
    for i, v in enumerate(cells.tolist()):
        if v is None or (isinstance(v, float) and v != v):
            out[i] = True
        else:
            try:
                out[i] = v in _MARKERS
            except TypeError:
                out[i] = False
    return out


def is_numeric_column(raw, parsed: np.ndarray) -> bool:
    """At least one number, and numbers in 80% of the cells that are not blank."""
    filled = int(np.count_nonzero(~blank_mask(raw)))
    found = int(np.count_nonzero(np.isfinite(parsed)))
    return found > 0 and found >= 0.8 * filled


def cells_of(frame, column):
    """A column's cells as read: a Frame's `cells` (hzmap.model.layers.frame), or a pandas frame's column."""
    return frame.cells(column) if hasattr(frame, "cells") else frame[column]


def head_of(frame, column, n: int):
    """A column's first `n` cells as cells_of gives them (a Frame makes no others)."""
    return frame.head(column, n) if hasattr(frame, "cells") else frame[column][:n]
