"""Whose a quoted slogan is: this plan's layout, or one the text gives as history (曾经…),
as superseded (由“A”变成“B”, 承继…布局基础) or as another body's (按照省“…”布局).
"""
from __future__ import annotations

import re

from .text import clause_start as _text_clause_start

# a slogan the text gives as history, as superseded or as another body's (not this plan's)
_HISTORY = re.compile(r"(?:曾经|曾|原来的?|原有的?|过去的?|以往的?|此前的?|老的?|原先的?)[^，,。；;\n]{0,12}$|"
                      r"(?:(?:19|20)\d\d年?版|上一?版|旧版|老版)[^，,。；;\n]{0,20}$")   # (与2006版…规划提出的“…”相比)
_SUPERSEDED = re.compile(r"[”\"」]?\s*(?:变成|变为|调整为|升级为|拓展为|扩展为|优化为|演变为|迭代为|转变为)")
_BUILT_ON = re.compile(r"(?:的)?(?:空间)?(?:布局|格局)?基础")
_CITED = re.compile(r"(?:按照|根据|依据|落实|贯彻|对接|融入|服务|处于|位于|地处|纳入)[^，,。；;\n]{0,20}(?:省|国家|全国|长三角|《[^》]*》)"
                    r"[^，,。；;\n]{0,10}$")

# a pattern the years up to now have brought (改革开放以来,…形成了“…”的城乡空间基本格局)
_SINCE = re.compile(r"以来|多年来|近年来|这些年|过去|至今")


def clause_start(text: str, pos: int) -> int:
    """Where the clause that holds pos starts (after 。；！？, a comma or a line break)."""
    return _text_clause_start(text, pos, "。；;！!？?\n，,")


def not_this_plans(text: str, start: int, end: int) -> str:
    """Why the slogan at text[start:end] (inside its quotes) is not this plan's layout: it is
    history (曾经…), superseded (由“A”变成“B”) or cited from another body (按照省“…”), or ""."""
    before = text[clause_start(text, start - 1):max(0, start - 1)]
    if _HISTORY.search(before):
        return "history"
    if _SUPERSEDED.match(text, end) or _BUILT_ON.match(text, end + 1) and re.search(r"(?:承继|继承|延续|沿袭|在)$", before):
        return "superseded"     # (承继“一带三城多镇”布局基础: the former layout the new one builds on)
    if _CITED.search(before):
        return "cited"
    sentence = text[_text_clause_start(text, max(0, start - 1), "。；;！!？?\n"):max(0, start - 1)]
    if re.search(r"形成了|已经?形成", before) and _SINCE.search(sentence):
        return "history"
    return ""


# another document named in the sentence, then what it sets out: …印发实施《浙江省大湾区建设行动计划》,
# 提出构筑“一港、两极、三廊、四新区”…布局
_ITS_WORDS = re.compile(r"《([^《》\n]{4,60})》[^。；;！!？?\n“”]{0,12}?(?:提出|明确|要求|指出|部署)")
_PERIOD_AND_MARKS = re.compile(r"[\s《》()（）\d年—\-–]")     # (titles compared without them)


def said_by_another(text: str, start: int, title: str) -> str:
    """The name of the other document that the sentence bringing the slogan at `start` has set
    it out (《B》提出构筑“…”, where B is not `title`, the plan's own), or ""."""
    sentence = _text_clause_start(text, max(0, start - 1), "。；;！!？?\n")
    own = _PERIOD_AND_MARKS.sub("", title)
    for m in _ITS_WORDS.finditer(text, sentence, start):
        other = _PERIOD_AND_MARKS.sub("", m.group(1))
        if own and other not in own and own not in other:
            return m.group(1)
    return ""
