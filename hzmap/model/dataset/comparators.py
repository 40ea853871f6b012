"""How a target's wording becomes its comparator: one rule for every plan and every importer.

The comparator says what the words around the number commit to, and nothing more:
  ">"   超过, 高于, 大于, 突破, 逾 (more than)
  ">="  达到, 达, 不低于, 不少于, 至少, 以上, 实现 (reach, at least)
  "<="  不超过, 不高于, 以内, 以下, 控制在 (at most)
  "~"   左右, 约, 近, 上下 (about), which wins over the others ("达到8%左右" is about 8%)
  "="   no such word: the text states a figure without saying more or less (a bare number).
"""
from __future__ import annotations

import re

COMPARATORS = (">=", ">", "=", "<=", "~")
_ABOUT = ("左右", "上下", "大约", "约", "近")
_MORE = ("超过", "高于", "大于", "突破", "逾")
_AT_LEAST = ("达到", "不低于", "不少于", "至少", "以上", "实现", "达")
_AT_MOST = ("不超过", "不高于", "以内", "以下", "控制在")
_CLAUSE_END = re.compile(r"[，。；、,;：:\n（）()]")


def comparator_of(clause: str) -> str:
    """The comparator of the clause that states one target figure."""
    if any(w in clause for w in _ABOUT):
        return "~"
    if any(w in clause for w in _AT_MOST):
        return "<="
    if any(w in clause for w in _MORE):
        return ">"
    if any(w in clause for w in _AT_LEAST):
        return ">="
    return "="


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` holding text[start:end] (a number with its unit): from the previous
    comma, enumeration comma or full stop to the next one."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left:right.start() if right else len(text)]
