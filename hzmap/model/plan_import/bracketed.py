"""Slogans spelled out in a bracket at once, or in the list right before them, where each
part's span is read from the bracket or the list.

Two forms: the members of each part listed in order, as many as the parts count
(“两廊一轴(城西科创大走廊、良渚文化大走廊和古今千年发展轴)”, “六上一下”(水上、岛上、…、桥下)), or
each part named in quotes after what it is (“一区多园”(以省级以上开发区为主体,即“一区”;乡镇
特色园为辅助,即“多园”)).
"""
from __future__ import annotations

import re

from .parts import Part

# the slogan, then its bracket inside the quotes (group 2) or right after them (group 3); only
# the bracket after the quotes may quote the parts again
SPELLED = re.compile(r"[“\"「]([^”\"」\n(（]{3,20})(?:[(（]([^()（）\n“”\"]{4,120})[)）][”\"」]|"
                     r"[”\"」][(（]([^()（）\n]{4,200})[)）])")
_ITEM_SEP = re.compile(r"[、，,;；/／]|和|及|与|以及")
_CLAUSE_SEP = re.compile(r"[;；。]")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] between the separators of a list's items (、 , ; 和 及 …)."""
    out, pos = [], start
    for sep in _ITEM_SEP.finditer(text, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    return out + [(pos, end)]


def members(text: str, start: int, end: int, parts: list[Part],
            abbreviated: bool = False) -> list[tuple[int, int]] | None:
    """Each part's span of the items listed between start and end, when there are as many items
    as the parts count, taken in order; else None. With `abbreviated` (a part's word is not a
    kind of place: 六上), each item must hold its part's word (水上, 岛上 … 桥下), as a slogan that
    shortens its members to their shared word is written."""
    if any(not p.count for p in parts):
        return None
    items = [(a, b) for a, b in _pieces(text, start, end) if b - a >= 2]
    if len(items) != sum(p.count for p in parts) or any("“" in text[s:e] for s, e in items):
        return None
    spans, k = [], 0
    for p in parts:
        own = items[k:k + p.count]
        if abbreviated and not all(p.word in text[s:e] for s, e in own):
            return None
        spans.append((own[0][0], own[-1][1]))
        k += p.count
    return spans


def told(text: str, start: int, end: int, parts: list[Part]) -> list[tuple[int, int]] | None:
    """Each part's span when the bracket between start and end names every part in quotes after
    what it is (以…为主体,即“一区”;…为辅助,即“多园”): the clause up to its quoted label; else
    None."""
    spans = []
    for p in parts:
        hit = next((h for h in (text.find(f"“{x}”", start, end) for x in p.labels) if h >= 0), -1)
        if hit < 0:
            return None
        seps = list(_CLAUSE_SEP.finditer(text, start, hit))
        opened = seps[-1].end() if seps else start
        clause = text[opened:hit]
        spans.append((opened + len(clause) - len(clause.lstrip()), opened + len(clause.rstrip(" ,，即"))))
    return spans


_LEAD_VERB = re.compile(r"(?:重塑|打造|建设|构建|形成|推进|依托|塑造|提升)")


def listed_before(text: str, quote: int, parts: list[Part]) -> list[tuple[int, int]] | None:
    """Each part's span of the list right before the slogan's opening quote at `quote`, when it
    has as many items as the parts count, each ending in its part's word (a bracket after it
    aside): 重塑A之源、B文化带(浦阳江)、C文化带、D文化带“一源三带”风采; else None."""
    if any(not p.count or not p.word for p in parts):
        return None
    start = max(text.rfind(c, 0, quote) for c in "。；;,，:：\n") + 1
    lead = _LEAD_VERB.match(text, start)
    start = lead.end() if lead else start
    spans = members(text, start, quote, parts)
    if spans is None:
        return None
    items = [re.sub(r"[(（][^()（）]*[)）]$", "", text[a:b]) for a, b in _pieces(text, start, quote)]
    k = 0
    for p in parts:
        if not all(x.endswith(p.word) for x in items[k:k + p.count]):
            return None
        k += p.count
    return spans


# a quote the page never closes, its phrases of four counted after it: “一主三副、核心带动,两带两轴、
# 统筹城乡,山河为脉、保护生态,这24个字是…
COUNTED_CHARS = re.compile(r"[“\"「]((?:[\u4e00-\u9fff]{4}[、，,]){2,9}[\u4e00-\u9fff]{4})[，,]?\s*"
                           r"(?:这|以上|上述)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*个字")


def chars_counted(m: re.Match) -> bool:
    """Whether a COUNTED_CHARS match's count is its phrases' characters (and so they are one
    slogan, though its quote is left open)."""
    from .text import cn_number

    n = int(m.group(2)) if m.group(2).isdigit() else cn_number(m.group(2))
    return n == len(re.sub(r"[^\u4e00-\u9fff]", "", m.group(1)))


# a figure slogan run together (“132N”), each figure counted in a 以…为 clause before it: 以长白山为
# 一大龙头,以延吉、珲春、集安为三个新增长极,以鸭绿江、图们江为两翼,以多个精品旅游产品为支撑的“132N”
_ROLE_COUNTED = re.compile(r"以(?P<pre>多个|若干|[一二两三四五六七八九十]个|\d{1,2}个)?[^，,。；;以]{1,40}?为"
                           r"(?P<n>[一二两三四五六七八九十]|\d{1,2})?")


def figures_before(text: str, slogan: str, quote: int) -> tuple[list[Part], list[tuple[int, int]]] | None:
    """The figure parts of a run-together slogan (132N) and each one's 以…为 clause, when the
    clauses of its sentence before the quote at `quote` count, in order, exactly its figures."""
    from .text import cn_number

    if not re.fullmatch(r"\d{1,3}[NnXx]?|\d{0,3}[NnXx]", slogan) or len(slogan) < 2:
        return None
    start = max(max(text.rfind(c, 0, quote) for c in "。；;\n") + 1, quote - 2000)   # (its sentence)
    spelt, parts, spans = "", [], []
    for m in _ROLE_COUNTED.finditer(text, start, quote):
        n = m.group("n") or (m.group("pre") or "")[:-1]
        fig = "N" if n in ("多", "若干") else str(int(n) if n.isdigit() else cn_number(n) or "") if n else ""
        if not fig:
            continue
        spelt += fig
        end = min((i for i in (text.find(c, m.end(), quote) for c in "，,；;") if i >= 0), default=quote)
        parts.append(Part(fig, "", None if fig == "N" else int(fig), "group"))
        spans.append((m.start(), end))
    return (parts, spans) if spelt.upper() == slogan.upper() and len(parts) >= 2 else None
