"""The one district a layout is about, for the parts its text names no place for: the district
its paragraph opens with (钱塘区在规划上…), else the one its section's heading line or the plan's
title names, unless the sentence that brings the slogan says it of another document or of the
whole city.
"""
from __future__ import annotations

import re

from hzmap.model.geo.gazetteer import Gazetteer

from . import places
from .text import Document, clause_start


def subject_district(doc: Document, gaz: Gazetteer, pos: int, title: str) -> tuple[str, str, str] | None:
    """(id, name, what says so) of the district the slogan at pos is about, or None."""
    return _paragraph_district(doc, gaz, pos) or _sentence_subject(doc, gaz, pos) or (
        None if _said_of_other(doc, pos, title) else
        _section_district(doc, gaz, pos, title) or _title_district(gaz, title) or
        _lede_district(doc, gaz))


def _paragraph_district(doc: Document, gaz: Gazetteer, pos: int) -> tuple[str, str, str] | None:
    """(id, name) of the district a paragraph opens with (钱塘区在规划上…) when it names no
    other place of another district before `pos`; else None."""
    start = doc.paragraph_at(pos)[0]
    # (past a list item's number and its short label: “2. 城市规划:下沙新城规划…”)
    start = _ITEM_LEAD.match(doc.text, start, pos).end()
    hits = places.find(gaz, doc.text, start, pos)
    if not hits or hits[0].start != start or hits[0].entry.kind not in _UNIT_KINDS or \
            len(hits[0].entry.districts) != 1:
        return None
    return _alone(hits, hits[0], "its paragraph")


# a district as the subject of its sentence: 余杭将积极争创…;规划战略上,构建“…”格局
_ACTS = re.compile(r"(?:区|县|市)?(?:还|更|也)?(?:将|要|正|已)")


def _sentence_subject(doc: Document, gaz: Gazetteer, pos: int) -> tuple[str, str, str] | None:
    """(id, name) of the district the slogan's sentence makes its subject (a district name, then
    将/要/正…) when it names no place of another district before the slogan; else None."""
    start = clause_start(doc.text, pos, "。！!？?\n")
    hits = places.find(gaz, doc.text, start, pos)
    subjects = [h for h in hits if h.entry.kind == "district" and len(h.entry.districts) == 1
                and _ACTS.match(doc.text, h.end)]
    if not subjects or _said_of_other(doc, pos, ""):
        return None
    return _alone(hits, subjects[0], "its sentence")


def _alone(hits: list, hit, why: str) -> tuple[str, str, str] | None:
    """(id, name, why) of hit's one district when every place hit lies in it; else None."""
    own = hit.entry.districts[0]
    if any(set(h.entry.districts) != {own} for h in hits):
        return None
    return own, _named(hit), why


# the city as the subject (杭州将构建…, 杭州是“…”格局), not 杭州东部新中心 or 杭州市萧山区
_CITY = re.compile(r"(?:杭州市?|全市|市域)(?:将|要|是|正|已|提出|构建|形成|打造|确立)")


def _said_of_other(doc: Document, pos: int, title: str) -> bool:
    """Whether the sentence that brings the slogan at pos says it of another document or of the
    whole city (《杭州市国土空间总体规划》明确,杭州将构建“…”格局 in a page about 萧山's plan): its
    parts are then not the plan's district's."""
    start = clause_start(doc.text, pos, "。；;！!？?\n")
    before = doc.text[start:pos]
    # (not the plan itself, nor its short name: 《钱塘区国土空间分区规划》(以下简称《规划》))
    quoted = [q for q in map(_squash, re.findall(r"《([^《》\n]{2,80})》", before))
              if q not in _squash(title) and _squash(title) not in q]
    return bool(quoted) or bool(_CITY.search(before))


_LINE = re.compile(r"[^\n]+")
# (or past the time it opens on: “眼下,萧山形成了…”; or past the city the unit is in: 杭州未来科技城…)
_ITEM_LEAD = re.compile(r"[ \t\u3000]*(?:(?:眼下|目前|当前|如今|近年来|今年|未来|下一步)[,，]\s*)?(?:(?:浙江省?)?杭州市?(?=[\u4e00-\u9fff]))?(?:(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|"
                        r"[一二三四五六七八九十]{1,3}、)[ \t\u3000]*(?:[^\n:：。，,]{1,8}[:：][ \t\u3000]*)?)?")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def _section_district(doc: Document, gaz: Gazetteer, pos: int, title: str) -> tuple[str, str, str] | None:
    """The one district the nearest heading line above the slogan's paragraph opens with (“下沙:
    推动区域升级…” over a report's part on 下沙): a short line with no full stop, not the title."""
    start = doc.paragraph_at(pos)[0]
    text = doc.text
    for m in reversed(list(_LINE.finditer(text, max(0, start - 2000), start))):
        line = m.group(0).strip()
        if not line or len(line) > 40 or "。" in line or _squash(line) in _squash(title):
            continue
        sub = _paragraph_district(doc, gaz, m.end() - 1 if m.end() > m.start() else m.start())
        return (sub[0], sub[1], "its section") if sub else None
    return None


# a district, or a 乡镇/街道 or an area within one (转塘单元规划形成…, 分水镇在规划上…): a layout
# of a town lies in the town's district
_UNIT_KINDS = ("district", "township", "area")


def _named(hit) -> str:
    return hit.text if hit.entry.kind == "district" else f"{hit.text} ({hit.entry.districts[0]})"


def _title_district(gaz: Gazetteer, title: str) -> tuple[str, str, str] | None:
    """(id, name, …) of the one district a plan's title names (桐庐县分水镇西单元详细规划: its
    town and county; 转塘单元控制性详细规划: a 街道 of 西湖区), when every place the title names
    lies in that one district; else None."""
    hits = places.find(gaz, title, 0, len(title)) if title else []
    if hits and hits[0].start == 0 and hits[0].entry.kind == "district" and \
            len(hits[0].entry.districts) == 1 and title[hits[0].end:hits[0].end + 1] not in "、和与及,，":
        # 临平区崇北、临东、钱塘、沿山四个单元…: a title opens with the district its places are in
        return hits[0].entry.districts[0], _named(hits[0]), "the plan's title"
    owns = {d for h in hits for d in h.entry.districts}
    if len(owns) != 1 or not any(h.entry.kind in _UNIT_KINDS for h in hits):
        return None
    return owns.pop(), next(_named(h) for h in hits if h.entry.kind in _UNIT_KINDS), \
        "the plan's title"


# a report's news: the plan it is about, named as it comes out (钱塘区“高铁新城单元”详细规划正式出炉)
_LEDE = re.compile(r"规划[^。！!？?\n]{0,12}?(?:正式|近日|日前)?(?:出炉|发布|印发|出台|公布|公示|获批|批复|亮相|揭晓|通过)")
LEDE_CHARS = 400  # how far into the text its news is looked for


def _lede_district(doc: Document, gaz: Gazetteer) -> tuple[str, str, str] | None:
    """(id, name, …) of the one district the first sentence that brings a report's news (a plan
    out, published, approved) and names a place names, in the text's first LEDE_CHARS
    characters (its headline may name none: 最新规划出炉), when every place before the news word
    lies in that district and one is a district or a unit within one; else None."""
    for m in _LEDE.finditer(doc.text, 0, LEDE_CHARS):
        start = clause_start(doc.text, m.start(), "。！!？?\n")
        hits = places.find(gaz, doc.text, start, m.start())
        if hits:
            units = [h for h in hits if h.entry.kind in _UNIT_KINDS and len(h.entry.districts) == 1]
            return _alone(hits, units[0], "the report's news") if units else None
    return None
