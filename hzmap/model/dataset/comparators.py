"""How a target's wording becomes its comparator: one rule for every plan and every importer.

The comparator says what the words around the number commit to, and nothing more:
  ">"   超过, 超, 高于, 大于, 突破, 破, 逾 (more than)
  ">="  达到, 达, 不低于, 不少于, 至少, 以上, 实现, 两位数 (reach, at least; 两位数 is 10 or more)
  "<="  不超过, 不高于, 以内, 以下, 控制在, a rank 前N位/名/强 (in the top N), a time limit
        N小时内, N分钟内, N日达 (delivered within N days) and a cut to a figure (缩短/压缩/降低…至N)
  "~"   左右, 约, 近, 上下 (about), which wins over the others ("达到8%左右" is about 8%)
  "="   no such word: the text states a figure without saying more or less (a bare number).
以上/以下 after 级, 及, 规模 or 限额 (省级以上, 省级及以上, 规模以上) name a class of things, not a
bound on the figure, so they do not count. A word of "more than" that does not stand right before
the figure compares something else: in 高于全国平均水平10个百分点以上, 高于 compares with the national
average and the figure is the margin, bounded by its own 以上 (at least 10 points), so the words
before the figure are read without it (`comparator_at`).

`figure_span` finds where a target's value is written in its excerpt (4300亿元, 1万亿元, 破万亿,
百万名, 三分之二, 两位数, 全覆盖), so the check in checks.py reads the clause around that figure.
"""
from __future__ import annotations

import re

COMPARATORS = (">=", ">", "=", "<=", "~")
_ABOUT = ("左右", "上下", "大约", "约", "近")
_MORE = ("超过", "超", "高于", "大于", "突破", "破", "逾")
_AT_LEAST = ("达到", "不低于", "不少于", "至少", "以上", "实现", "达", "两位数")
_AT_MOST = ("不超过", "不高于", "以内", "以下", "控制在")
_RANK = re.compile(r"前\s*(?:\d+|[一二三四五六七八九十]+)\s*[位名强]")
_WITHIN = re.compile(r"\d+(?:\.\d+)?\s*个?\s*(?:小时|分钟|天|日|工作日)\s*(?:以?内|达)")
_CUT_TO = re.compile(r"(?:缩短|压缩|压减|降低|减少|下降)[^，。；,;\d]*?[至到]\s*(?:\d|[一二三四五六七八九十两])")
_CLASS = re.compile(r"(?:级|及|规模|限额)以[上下]")
_CLAUSE_END = re.compile(r"[，。；、,;：:\n（）()]")


def comparator_of(clause: str) -> str:
    """The comparator of the clause that states one target figure."""
    clause = _CLASS.sub("", clause)
    if any(w in clause for w in _ABOUT):
        return "~"
    if _RANK.search(clause) or _WITHIN.search(clause) or _CUT_TO.search(clause) \
            or any(w in clause for w in _AT_MOST):
        return "<="
    if any(w in clause for w in _MORE):
        return ">"
    if any(w in clause for w in _AT_LEAST):
        return ">="
    return "="


_MORE_WORD = re.compile("|".join(sorted(_MORE, key=len, reverse=True)))
_BETWEEN = re.compile(r"[\s达到至了]*")   # what may stand between a word and the figure it governs


def comparator_at(clause: str, start: int, end: int) -> str:
    """The comparator of the figure at clause[start:end]: as comparator_of, leaving out the
    "more than" words that govern something other than the figure (高于全国平均水平…)."""
    before = clause[:start]
    kept, last = [], 0
    for m in _MORE_WORD.finditer(before):
        if not _BETWEEN.fullmatch(before, m.end()):
            kept.append(before[last:m.start()])
            last = m.end()
    return comparator_of("".join(kept) + before[last:] + clause[start:])


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of `text` holding text[start:end] (a number with its unit) starts and
    ends: from the previous comma, enumeration comma or full stop to the next one."""
    lo = max(0, start - 2000)                 # no clause is longer: never back to a long text's start
    left = max(max(text.rfind(c, lo, start) for c in "，。；、,;：:\n（）()") + 1, lo)
    right = _CLAUSE_END.search(text, end)
    return left, right.start() if right else len(text)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` holding text[start:end] (see clause_span)."""
    left, right = clause_span(text, start, end)
    return text[left:right]


def figure_comparator(text: str, start: int, end: int) -> str:
    """The comparator of the figure at text[start:end], read in its clause (comparator_at)."""
    left, right = clause_span(text, start, end)
    return comparator_at(text[left:right], start - left, end - left)


# ---------------------------------------------------------------- where the figure is written

_SCALE = {"百": 1e2, "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "百亿": 1e10,
          "千亿": 1e11, "万亿": 1e12}
_SCALES = "|".join(sorted(_SCALE, key=len, reverse=True))
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_FIGURE = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>{_SCALES})?"          # 4300, 1.2万亿, 110万
    r"|(?P<bare>万亿|千亿|百亿|千万|百万)"                       # 破万亿, 百万名
    r"|(?P<den>[一二三四五六七八九十])分之(?P<nom>[一二三四五六七八九十])"   # 三分之二 (a share)
    r"|(?P<digits>两位数)"                                      # 两位数增长 (10 % or more)
    r"|(?P<full>全覆盖)")                                       # full coverage: 100 %


def _unit_scale(unit: str) -> float:
    """亿元 -> 1e8, 万吨 -> 1e4, 家 -> 1."""
    for prefix in sorted(_SCALE, key=len, reverse=True):
        if unit.startswith(prefix) and prefix in ("万", "亿", "万亿"):
            return _SCALE[prefix]
    return 1.0


def _magnitude(m: re.Match) -> float:
    if m["num"]:
        return float(m["num"]) * _SCALE.get(m["scale"] or "", 1.0)
    if m["bare"]:
        return _SCALE[m["bare"]]
    if m["den"]:
        return 100.0 * _CN_DIGIT[m["nom"]] / _CN_DIGIT[m["den"]]
    return 100.0 if m["full"] else 10.0


def figure_span(text: str, value: float, unit: str, indicator: str = "") -> tuple[int, int] | None:
    """Where `value` (in `unit`) is written in `text`, or None. When the figure is written more
    than once, the one whose clause shares most characters with `indicator` wins."""
    want = float(value) * _unit_scale(unit)
    spans = [m.span() for m in _FIGURE.finditer(text)
             if abs(_magnitude(m) - want) <= max(abs(want), 1.0) * 1e-3]
    if len(spans) > 1 and indicator:
        chars = set(indicator)
        spans.sort(key=lambda s: -len(chars & set(clause_around(text, *s))))
    return spans[0] if spans else None


def comparator_for(text: str, value: float, unit: str, indicator: str = "") -> str | None:
    """The comparator `text` commits `value` to, or None when the figure is not in `text`."""
    span = figure_span(text, value, unit, indicator)
    return figure_comparator(text, *span) if span else None
