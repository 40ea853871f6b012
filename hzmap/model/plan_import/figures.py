"""The figures a plan's text states, each with its value and unit, found in one pass.

Arabic and Chinese numerals (4300亿元, 1.2万亿, 五千亿, 百个以上, 两千五百家; Chinese numerals
through cn2an), fractions (三分之二), ranks (前5位), 两位数增长, a bare 万亿 after 破/超, times
(30分钟, 1小时; a delivery time such as 1日达 or 2小时内送达). A magnitude that names a class of
things rather than an amount (千亿级产业集群, 百亿企业) is not a figure.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .text import cn_number

COUNTERS = ("个百分点|百分点|亿美元|万美元|美元|亿元|万元|元|万吨标准煤|万吨标煤|吨标准煤|吨标煤|万吨|吨|亿斤|万斤|公斤|斤|万人次|人次|万人|人|"
            "万名|名|万家|家|万个|个|万项|项|所|条|对|座|万平方米|平方米|平方公里|平方千米|公顷|万亩|亩|位|倍|件|"
            "户|台|套|张|场次|场|批次|批|款|只|辆|部|架|艘|公里|千米|延米|米|盏|万例|例|岁|万标箱|标箱|千瓦时|万千瓦|千瓦|微克/立方米|立方米|根|处|棵|株|栋|幢|本(?![年月市区县级届轮])|"
            "分钟|小时|%|％")
_CN = "〇零一二两三四五六七八九十百千"
_FIGURE = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN}]+[百千](?=[万亿个家项所条座名人件批款户台套张根处栋])"
    rf"|[百千](?=[个家项所条座名件批款户台套张]以上)|[{_CN}]+(?=万|亿))"
    r"(?:余|多)?(?P<mult>万亿|亿|万|千(?![瓦米]))?(?:余|多)?(?P<unit>(?:" + COUNTERS + r")"
    r"(?:[/／](?:人|户|亩|平方米|吨|年))?)?(?![\d级])")   # (1300余人; a rate, 10万元/人)
_FRACTION = re.compile(r"([一二三四五六七八九十])分之([一二三四五六七八九十]+)")
_RANK = re.compile(r"前(\d+)(位|名)")
_DOUBLE_DIGIT = re.compile(r"两位数(?:以上)?增长")
_BARE_TRILLION = re.compile(r"(?<=[破超逾])万亿")
# a count written right before the size of what it counts (1个20亿元以上项目), which the figure
# reader above leaves, a digit following its unit
# (or of the floor area or length it has: 465幢23.25万平方米房屋)
_COUNT_BEFORE_SIZE = re.compile(r"(?<![\d.])(\d{1,4})(个|家|项|座|所|幢|栋|套|处)(?=\d+(?:\.\d+)?(?:万亿|亿|万|千)?"
                                r"(?:元|美元|平方米|平方公里|公里|亩|公顷))")
# a delivery time is a promise in itself: “国内1日达”, “2小时内送达”, “30分钟内即时送达”
_DELIVERY = re.compile(r"(\d+)\s*(日|天|小时|分钟)(?=内?(?:即时)?送?达)")
# a magnitude naming a class: 千亿级, 百亿企业, 五百亿级产业集群 (but 五千亿规模 is an amount)
_CLASS_AFTER = re.compile(r"级|企业|产业|集群|项目|工程|平台|园区|基地|大?城市|人才")
# but a size a goal verb reaches, the clause ending on it (集群规模达到7000亿级,), is an amount
_SCALE_REACHED = re.compile(r"(?<=达到|突破|超过|迈上|跨越)(\d+(?:\.\d+)?)(万亿|亿)级(?=[，,。；;、\n]|$)")
# a count of a text's own parts (包括…等7个部分, 分为三章) is no figure of the plan's
_OWN_PARTS = re.compile(r"部分|章(?!程)|篇|节(?![能约水点日])")


class Figure(NamedTuple):
    start: int
    end: int
    value: float
    unit: str
    note: str = ""


@functools.lru_cache(maxsize=256)
def cn_amount(raw: str) -> float | None:
    """百 -> 100, 五千 -> 5000, 两千五百 -> 2500 (cn2an, imported only when a figure needs it)."""
    small = cn_number(raw)
    if small is not None:
        return float(small)
    import cn2an

    try:
        return float(cn2an.cn2an(("一" + raw) if raw[0] in "百千" else raw, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _value(m: re.Match, text: str) -> tuple[float, str] | None:
    raw, mult, unit = m.group("num"), m.group("mult") or "", m.group("unit") or ""
    value = float(raw) if raw[0].isdigit() else cn_amount(raw)
    if value is None:
        return None
    if unit in ("%", "％"):
        return value, "%"
    if not unit and mult == "万" and re.search(r"人口[^，,。；;、\d]{0,8}$", text[max(0, m.start() - 14):m.start()]):
        return value, "万人"              # 人口达到190万: people, the count's unit unsaid
    if not unit and mult not in ("亿", "万亿"):
        return None
    if not unit and _CLASS_AFTER.match(text, m.end()):
        return None                       # 千亿级产业集群, 百亿企业: a class, not an amount
    if mult == "万亿":
        return value * 10000, "亿" + (unit or "元")
    if mult == "千":
        return value * 1000, unit
    return value, mult + unit if unit else mult + "元"


def find(text: str) -> list[Figure]:
    """Every figure in the text, in order; a figure inside a longer one (“5位” in “前5位”) is
    left out."""
    out = []
    for m in _FIGURE.finditer(text):
        got = _value(m, text)
        if got and not (got[1] == "个" and _OWN_PARTS.match(text, m.end())):
            out.append(Figure(m.start(), m.end(), got[0], got[1]))
    for m in _FRACTION.finditer(text):
        a, b = cn_number(m.group(1)), cn_number(m.group(2))
        if a and b and b < a:
            out.append(Figure(m.start(), m.end(), round(100 * b / a, 1), "%",
                              f"{m.group(0)} read as {round(100 * b / a, 1)} %"))
    for m in _RANK.finditer(text):
        out.append(Figure(m.start(), m.end(), float(m.group(1)), "位",
                          f"a rank: {m.group(0)} means place {m.group(1)} or better"))
    for m in _DOUBLE_DIGIT.finditer(text):
        out.append(Figure(m.start(), m.end(), 10.0, "%", f"{m.group(0)} read as at least 10 %"))
    for m in _BARE_TRILLION.finditer(text):
        out.append(Figure(m.start(), m.end(), 10000.0, "亿元", f"{m.group(0)} read as 1万亿元"))
    for m in _COUNT_BEFORE_SIZE.finditer(text):     # 1个20亿元以上项目: one project of that size
        out.append(Figure(m.start(), m.end(), float(m.group(1)), m.group(2)))
    for m in _SCALE_REACHED.finditer(text):
        value = float(m.group(1)) * (10000 if m.group(2) == "万亿" else 1)
        out.append(Figure(m.start(), m.end(), value, "亿元", f"{m.group(0)} read as {value:g}亿元"))
    for m in _DELIVERY.finditer(text):
        out.append(Figure(m.start(), m.end(), float(m.group(1)), m.group(2),
                          f"a delivery time: {m.group(0)} or sooner"))
    # longest first at each start; then drop any figure inside the one before it (one sweep)
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    reach = -1
    for f in out:
        if f.end <= reach and kept and kept[-1].end - kept[-1].start > f.end - f.start:
            continue
        kept.append(f)
        reach = max(reach, f.end)
    return kept


# a bracket right after a quoted name spells out that named goal: “123”快货物流圈(国内1日达、…)
_NAMED_GOAL = re.compile(r"”[^“”，。；、,;(（]{0,12}$")


_OWN_GOAL = re.compile(r"(?:19|20)\d\d年(?:底|末)?(?:规划|目标|预期)(?:为|达到?|值为)$")


def inside_brackets(text: str, s: int) -> bool:
    """Whether the figure at `s` stands in brackets (an example or an aside), unless the
    bracket spells out a quoted goal just before it."""
    para_start = text.rfind("\n", 0, s) + 1
    depth = 0
    # (an aside in brackets is short: looked for within 600 characters, not back to the start of a
    # paragraph that may be a whole page run together)
    for i in range(s - 1, max(para_start, s - 600) - 1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            if depth == 0:      # (or the bracket sets a goal of its own year: (2025年规划为120万人))
                return not _NAMED_GOAL.search(text, para_start, i) and \
                    not _OWN_GOAL.match(text, i + 1, s)
            depth -= 1
    return False
