"""Names as offices write them, read through the gazetteer. No Qt.

A statistical table or a planner's list writes a district in more ways than the gazetteer lists
one by one, and every way follows from how such names are made:

- with the province and city before it: 浙江省杭州市西湖区, 杭州市西湖区, 杭州西湖区;
- marked as a part of the row above: 其中：萧山区, #萧山区;
- in pinyin with the unit's word: xihuqu, Xihu Qu, xiaoshanshi, chunanxian;
- a zone named after its district: 萧山经济技术开发区, 富阳银湖科技城 - a part of the district;
- a township's statistical code (330106001): a part of the district of its first six digits;
- the whole city or a subtotal: the gazetteer's totals, and anything ending in 合计/总计/小计.

Spaces of every width inside a name are ignored (normalise). A suggestion for a name
that is none of these is made only when it can only mean one unit (one character off a
district's name); codes are never guessed (330185 is 临安市, never "near" 330182 建德市).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

# every width of space a table pads names with, and the invisible ones Word and the web leave
_SPACE = re.compile(r"[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff]+")
_LATIN_MARKS = re.compile(r"[-'’‘`·.]")
_FLOAT_CODE = re.compile(r"^(\d{6,12})\.0+$")

_PREFIX = re.compile(r"^(?:浙江省?)?(?:杭州市?)(?=.)|^浙江省(?=.)")
_PART_OF = re.compile(r"^(?:其中[:：]?|#+|＃+|内[:：])")
_LATIN_UNIT = re.compile(r"(?:district|county|countylevelcity|city|qu|xian|shi)$")
_LATIN_CITY = re.compile(r"^(?:zhejiang(?:province)?)?(?:hangzhou(?:city)?)(?=.)")
_TOTAL_END = re.compile(r"(?:合计|总计|小计|总数|汇总)$")
# words that make a zone, a town or a quarter of a district out of its name
_ZONE = re.compile(r"(?:经济技术开发区|经济开发区|开发区|高新区|高新技术产业园区|产业园区?|园区|集聚区|新城|新区|"
                   r"风景名胜区|风景区|度假区|示范区|科技城|小镇|街道|镇|乡|板块|片区|组团|城区)$")


def normalise(text: str) -> str:
    """The key a name is looked up by: full-width forms as ASCII (NFKC), no spaces of any width,
    lower case; in Latin names no hyphens, apostrophes or dots (Lin'an, Xi-hu). An adcode read
    from a spreadsheet as 330108.0 is 330108."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).casefold()
    if (m := _FLOAT_CODE.match(text)) is not None:
        return m.group(1)
    return _LATIN_MARKS.sub("", text) if text.isascii() else text


def _strip(key: str) -> list[str]:
    """`key` and what it is without a part-of mark and the province/city before it."""
    out = [key]
    bare = _PART_OF.sub("", key)
    if bare != key and bare:
        out.append(bare)
    for k in list(out):
        for pat in (_PREFIX, _LATIN_CITY):
            rest = pat.sub("", k)
            if rest != k and rest:
                out.append(rest)
    return out


def _code_part(gaz, key: str):
    """A township's or village's statistical code (9 or 12 digits): a part of its district."""
    if not (key.isdigit() and len(key) in (9, 12) and key.startswith("3301")):
        return None
    unit = gaz.lookup(key[:6])
    if unit is None:
        return None
    return replace(unit, name=key, kind="area", interpretation=True, place=None,
                   note=f"a township or street code within {key[:6]}: a part of the district")


def _zone(gaz, key: str):
    """萧山经济技术开发区: a zone named after its district, a part of it (never the whole)."""
    m = _ZONE.search(key)
    if m is None or m.start() < 2:
        return None
    head = key[:m.start()]
    for n in range(len(head), 1, -1):
        unit = gaz.lookup(head[:n])
        if unit is not None and unit.kind in ("district", "former"):
            return replace(unit, name=key, kind="area", interpretation=True, place=None,
                           note=f"{key} is named after {head[:n]}: read as a part of it, not the whole district")
    return None


def match(gaz, name):
    """The entry `name` stands for, or None (see the module docstring for the forms read)."""
    if name is None:
        return None
    key = normalise(name)
    if not key:
        return None
    for k in _strip(key):
        entry = gaz.lookup(k)
        if entry is not None:
            return entry if k == key else replace(entry, name=str(name).strip())
        if k.isascii() and not k.isdigit():
            unit = _LATIN_UNIT.sub("", k)
            if unit != k and unit and (entry := gaz.lookup(unit)) is not None:
                return replace(entry, name=str(name).strip())
    for k in _strip(key):
        found = _code_part(gaz, k) or _zone(gaz, k)
        if found is not None:
            return found
    return None


def total(gaz, name) -> str | None:
    """The note of a row that stands for the whole city or a subtotal, or None."""
    if name is None:
        return None
    key = normalise(name)
    for k in _strip(key):
        if k in gaz.totals:
            return gaz.totals[k]
    if key and _TOTAL_END.search(key):
        return "a total row"
    return None


def _one_off(a: str, b: str) -> bool:
    """a and b differ by one character changed, added or left out."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def suggest(gaz, name):
    """The unit a misspelt name can only mean (滨江去 -> 滨江区), or None. Codes get none."""
    key = normalise(name)
    if not key or any(ch.isdigit() for ch in key) or len(key) < 2:
        return None
    latin = key.isascii()
    if latin and len(key) < 5:
        return None
    found: dict = {}
    for e in gaz.entries:
        if e.kind not in ("district", "former"):
            continue
        form = normalise(e.name)
        if form.isascii() != latin or form.isdigit() or len(form) < 2:
            continue
        if _one_off(key, form):
            found.setdefault(e.districts, e)
    return next(iter(found.values())) if len(found) == 1 else None
