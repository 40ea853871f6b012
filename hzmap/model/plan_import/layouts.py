"""Drafting a layout record from a slogan: one element per part, each with its passage, its
kind, and the districts and places the passage names. Nothing is invented: a part whose passage
names no place keeps no districts and is flagged for the planner."""
from __future__ import annotations

import re

from hzmap.model.geo.gazetteer import Gazetteer

from . import definitions, places
from .subject import subject_district
from .draft import Passage, Record
from .definitions import DOING, figure_clauses, word_clauses
from .parts import VERBS
from .slogans import Part, Slogan, labelled_passage
from .text import Document, clause_start, excerpt

_ROLE = re.compile(r"以([^，,；;。]{2,30}?)为(引领|联动|支撑|方向|核心|重点|龙头|主体|中心|依托|纽带)")
_PRIMARY = re.compile(r"为(?:核心|中心|龙头|主体)")
_POINT_KINDS = {"base", "hub", "node"}
SCOPE = 3000     # how far after a slogan its parts' passages are looked for
NEAR = 800       # how far after a slogan the places that make up a part (三城) are looked for
NEEDS_PLACE = "needs a place"


def _slug(text: str) -> str:
    from pypinyin import lazy_pinyin

    s = "_".join(lazy_pinyin(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)))
    s = re.sub(r"[^a-z0-9_]", "", s.lower()).strip("_")
    return s[:40] or "part"


def draft_layouts(doc: Document, gaz: Gazetteer, plan_id: str, slogans: list[Slogan],
                  dataset=None, title: str = "") -> list[Record]:
    out = []
    for i, sl in enumerate(slogans, 1):
        lay = _layout(doc, gaz, plan_id, sl, dataset, title)
        base = f"{plan_id}_{_slug(sl.text) if not sl.figures else 'l' + str(i)}"[:50]
        lay.data["id"] = base
        out.append(lay)
    return out


def _layout(doc: Document, gaz: Gazetteer, plan_id: str, sl: Slogan, dataset, title: str) -> Record:
    text = doc.text
    head = doc.heading_at(sl.start)
    scope_end = min(head.end if head else len(text), sl.context_end + SCOPE)
    clause_start = _clause_start(text, sl.start)
    ex = excerpt(text, clause_start, sl.context_end)
    passage = Passage(doc.section_at(sl.start), ex, clause_start, sl.context_end)
    flags = []
    # (told: the text comes back to it after the slogan, “山河交融”… or a heading of it)
    ideas = [x for x in sl.unparsed if not sl.figures and _THING_DOES.fullmatch(x)
             and x in text[sl.context_end:scope_end]]
    rest = [x for x in sl.unparsed if x not in ideas]
    if rest:
        flags.append(f"part(s) of the slogan that name no counted element: {'、'.join(rest)}")
    elements: list[Record] = []
    labelled = {k: definitions.labelled(text, part, sl.parts, sl.context_end, scope_end)
                for k, part in enumerate(sl.parts)}
    if sl.figures:
        spans = sl.spelled or figure_clauses(text, sl, scope_end)
        if sum(1 for v in labelled.values() if v) > len(sl.parts) // 2:
            spans = [labelled[k] for k in range(len(sl.parts))]   # 其中“1”是…,“4”是…
        if not spans:
            flags.append("the text after the slogan does not define its parts one by one")
        for k, part in enumerate(sl.parts):
            span = spans[k] if spans else None
            elements += _elements(doc, gaz, plan_id, part, span, k, passage, figure=True)
    else:
        near = (max(head.start if head else 0, _clause_start(text, sl.start) - NEAR // 2),
                min(scope_end, sl.context_end + NEAR))
        listed = definitions.listed_members(text, sl)     # 即A、B… / 由A、B…组成
        for k, part in enumerate(sl.parts):
            span = labelled[k] or (sl.spelled[k] if sl.spelled else None) or listed.get(k) or \
                next(filter(None, (labelled_passage(text, x, sl.context_end, scope_end)
                                   for x in part.labels)), None) or \
                definitions.in_heading(doc, part, sl.context_end)   # 二、做强一核 further on
            spans = [span] if span else \
                definitions.assigned(text, part, sl.context_end, scope_end) or [   # 以A为“东翼”
                    _own_item(text, sp, part, sl.parts) for sp in
                    word_clauses(text, part, sl.context_end, _paragraph_end(text, sl.context_end))]
            if part.count and len(spans) > part.count:
                spans = spans[:part.count]
            if not span:        # 钱塘一翼、富阳一翼: each member named by its place
                found = _named_before(doc, gaz, plan_id, part, k, passage,
                                      (sl.context_end, near[1]))
                if found:
                    elements += found
                    continue
            if not spans:       # 以A示范区、B新区…等为引领: a list of as many …区 as 五区 counts
                spans = definitions.items_by_word(text, part, sl.context_end, near[1])
            if not spans:
                found = _members_by_word(doc, gaz, plan_id, part, k, passage, near)
                if found:
                    elements += found
                    continue
            if len(spans) > 1:          # 以…为西翼, 以…为东翼: one element each
                for j, sp in enumerate(spans):
                    elements += _elements(doc, gaz, plan_id, part, sp, k, passage, sub=j + 1)
            else:
                elements += _elements(doc, gaz, plan_id, part, spans[0] if spans else None,
                                      k, passage)
    if ideas:       # in the slogan's order
        elements += [_idea_element(doc, gaz, plan_id, x, len(sl.parts) + j, passage, sl.context_end,
                                   scope_end) for j, x in enumerate(ideas)]
        elements.sort(key=lambda el: sl.text.find(el.part or ""))
    # (a figure slogan's parts, “1”, “X”, name no kind of place: they are left to the planner)
    subject = None if sl.figures else subject_district(doc, gaz, sl.start, title)
    # (only a counted part, 两带: a member the text names, 江东工业城板块, is a place the
    # gazetteer does not know, not one to assume)
    # (or a side of it, 北强, 南启: the district's own north and south)
    counted = re.compile(r"[一二两三四五六七八九十多双数]|[东西南北中][\u4e00-\u9fff]$")
    for el in (el for el in elements if subject and el.data.get("needs_place")
               and counted.match(el.part or "")):
        # “钱塘区在规划上…以“三心四轴、两廊四区”的布局…”, 《桐庐县分水镇西单元详细规划》…“两带、
        # 五区”: a part the text names no place for lies in the one district the paragraph, or
        # else the plan's title, is about
        el.data["districts"] = [subject[0]]
        del el.data["needs_place"]
        el.flags = [f for f in el.flags if not f.startswith(NEEDS_PLACE)]
        el.flags.append(f"the text names no place for “{el.part}”: set to {subject[1]}, the one "
                        f"district {subject[2]} is about (assumed); check it")
    for el in (el for el in elements if subject and len(el.data.get("districts", [])) > 1
               and subject[0] in el.data["districts"] and any("is a river" in f for f in el.flags)):
        # 沿钱塘江的滨江景观带 in a plan of 萧山's: the river's bank in that district only
        el.data["districts"] = [subject[0]]
        el.flags.append(f"a river: read as its bank in {subject[1]}, the one district "
                        f"{subject[2]} is about (assumed); check it")
    seen: set[str] = set()
    for el in elements:
        eid, n = el.data["id"], 2
        while el.data["id"] in seen:
            el.data["id"], n = f"{eid}_{n}", n + 1
        seen.add(el.data["id"])
    data = {"id": "", "plan": plan_id, "name": sl.text, "name_en": "", "theme": sl.theme,
            "source": passage.source(plan_id), "elements": []}
    notes = ["English name to be written (until then the Chinese one shows)"]
    return Record("layout", data, [passage], flags, notes, children=elements)


def _clause_start(text: str, pos: int) -> int:
    return clause_start(text, pos)


def _members_by_word(doc, gaz, plan_id, part: Part, k: int, slogan_passage, near) -> list[Record]:
    """One element per place near the slogan whose name ends in the part's word (三城: the
    …科技城 the text names), when the text names no more of them than the part counts."""
    text = doc.text
    hits = places.find(gaz, text, *near)
    found = definitions.members_by_word(hits, text, part)
    listed = definitions.members_by_word(places.member_list(text, hits), text, part)
    if part.count and len(found) > part.count and len(listed) == part.count:
        found = listed      # (…紫金港科技城、之江新城…; 三城: the list 青山湖科技城、未来科技城、紫金港科技城)
    if not found or (part.count and len(found) > part.count):
        return []
    out = []
    for j, (hit, name) in enumerate(found):
        span = (_clause_start(text, hit.start), _clause_end(text, hit.end))
        el = _element(doc, gaz, part, span, places.map_hits(text, [hit]), k, plan_id,
                      slogan_passage, False, j + 1 if len(found) > 1 or (part.count or 0) > 1 else 0,
                      name)
        out.append(el)
    if part.count and len(found) < part.count:
        for el in out:
            el.flags.append(f"the slogan counts {part.count} {part.word} but the text names "
                            f"{len(found)} near it: {'、'.join(n for _, n in found)}")
    return out


def _own_item(text: str, span: tuple[int, int], part: Part, parts: list[Part]) -> tuple[int, int]:
    """The item of a list of parts that names this one (即主城一核、钱塘一翼和富阳一翼: 主城一核),
    or the whole clause when it is no such list."""
    items, pos = [], span[0]
    for m in list(re.finditer(r"[、和及与]", text[span[0]:span[1]])) + [None]:
        stop = span[0] + m.start() if m else span[1]
        items.append((pos, stop))
        pos = span[0] + m.end() if m else stop
    mine = [it for it in items if any(x in text[it[0]:it[1]] for x in part.labels)]
    others = [it for it in items if it not in mine and any(
        re.search(rf"[一二两三四五六七八九十多]{re.escape(p.word)}", text[it[0]:it[1]])
        for p in parts if p is not part and p.word)]
    return mine[0] if len(mine) == 1 and others else span


def _named_before(doc, gaz, plan_id, part: Part, k: int, slogan_passage, near) -> list[Record]:
    """One element per place written right before the part's word (主城一核, 钱塘一翼、富阳一翼),
    when the text names as many as the part counts (or two or more for 多…)."""
    if not part.word:
        return []
    text = doc.text
    after = re.compile(rf"[一二两三四五六七八九十]?{re.escape(part.word)}(?![\u4e00-\u9fff]*[”\"])")
    found = [h for h in places.find(gaz, text, *near) if after.match(text, h.end, near[1])]
    if not found or (part.count and len(found) != part.count) or (not part.count and len(found) < 2):
        return []
    out = []
    for j, hit in enumerate(found):
        span = (_clause_start(text, hit.start), _clause_end(text, hit.end))
        out.append(_element(doc, gaz, part, span, places.map_hits(text, [hit]), k, plan_id,
                            slogan_passage, False, j + 1 if len(found) > 1 else 0, hit.text))
    return out


# an uncounted part of a slogan with counted ones: a thing and what it does or is (山河交融,
# 副城支撑, 全域美丽), not a verb and its aim (协同发展)
_THING_DOES = re.compile(rf"(?!{VERBS}|{DOING})[\u4e00-\u9fff]{{4}}")
_LABEL_LINE = r"(?m)^[ \t\u3000]*(?:\d{{1,2}}[.．、]|[(（]?[一二三四五六七八九十]{{1,2}}[)）、])?[ \t\u3000]*{}[ \t\u3000]*\n[^\n]+"


def _idea_element(doc: Document, gaz: Gazetteer, plan_id: str, seg: str, k: int, slogan_passage: Passage,
                  start: int, end: int) -> Record:
    """An uncounted part of the slogan (产城融合): named by its thing (产城) and as written, with
    the passage that tells it (“产城融合”:… or a heading line of it and the line below), its
    places left to the planner: what it covers is rarely a list of places."""
    text = doc.text
    m = re.compile(_LABEL_LINE.format(re.escape(seg))).search(text, start, end)
    span = labelled_passage(text, seg, start, end) or ((m.start(), m.end()) if m else None)
    el = _element(doc, gaz, Part(seg[:2], "", None, "zone", seg), span, places.Mapping([], [], [], [], ""),
                  k, plan_id, slogan_passage, False)
    el.flags = [f for f in el.flags if not f.startswith(NEEDS_PLACE)] + [
        f"{NEEDS_PLACE}: “{seg}” is a part of the slogan that counts no place: give it the districts "
        "or the shape it covers if it has any, or reject it"]
    el.data["id"] = _slug(seg)
    return el


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[。；;\n，,]").search(text, pos)
    return m.start() if m else len(text)


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _elements(doc: Document, gaz: Gazetteer, plan_id: str, part: Part, span, k: int,
              slogan_passage: Passage, *, figure: bool = False, sub: int = 0) -> list[Record]:
    """The element(s) for one part: split into one per place when a counted part (两翼) names
    exactly as many places as it counts."""
    text = doc.text
    if span is None:
        return [_element(doc, gaz, part, None, places.Mapping([], [], [], [], ""), k, plan_id,
                         slogan_passage, figure, sub)]
    mapping = places.where(gaz, text, span[0], span[1])
    hits = places.find(gaz, text, *span)
    rivers = [h for h in hits if "is a river" in h.entry.note]
    if rivers and any(h.entry.kind == "township" or h.entry.kind == "district"
                      and h.text.endswith(("区", "县", "市")) for h in hits):
        # 以钱塘江为轴线,串联钱塘区河庄街道…: the river is the part's line, the units it links
        # are its places (not every district on the river's banks)
        mapping = places.map_hits(text, [h for h in hits if h not in rivers])
    if not figure and part.count and part.count > 1 and not sub:
        hits = places.find(gaz, text, *span)
        members = places.member_list(text, hits)      # a list “A、B”, not names in passing
        if len(members) == part.count:
            return [_element(doc, gaz, part, span, places.map_hits(text, [h]), k, plan_id,
                             slogan_passage, figure, j + 1, h.text)
                    for j, h in enumerate(members)]
    return [_element(doc, gaz, part, span, mapping, k, plan_id, slogan_passage, figure, sub)]


def _element(doc: Document, gaz: Gazetteer, part: Part, span, mapping: places.Mapping, k: int, plan_id: str,
             slogan_passage: Passage, figure: bool, sub: int = 0, one: str = "") -> Record:
    text = doc.text
    flags: list[str] = []
    if span is None:
        passage = slogan_passage
        flags.append(f"no passage defines “{part.label}”: find it in the text, or reject it")
    else:
        passage = Passage(doc.section_at(span[0]), excerpt(text, *span), span[0], span[1])
    name = part.written or part.label
    role = _ROLE.search(text, span[0], span[1]) if span else None
    if figure:
        lead = re.sub(r"[(（][^)）]*[)）]", "", role.group(1)) if role else ""
        verb = role.group(2) if role and role.group(2) != "方向" else ""
        name = f"{lead}{verb}({part.label})" if lead else f"“{part.label}”"
    elif one or (sub and mapping.names):
        name = f"{part.written or part.label}·{one or mapping.names[0]}"
    elif sub:
        name = f"{part.written or part.label}·{sub}"
    kind = part.kind
    if figure and role and len(mapping.districts) <= 1 and mapping.places:
        kind = "zone"
    if mapping.empty:
        flags.append(f"{NEEDS_PLACE}: the text names no place in Hangzhou for “{part.label}”; "
                     "choose its districts, a point, a band or a shape on the map (nothing was "
                     "assumed)")
    if figure and part.count and mapping.names and not mapping.places and \
            len(mapping.districts) != part.count:
        flags.append(f"the slogan counts {part.count} here but the passage names "
                     f"{len(mapping.districts)} district(s)")
    primary: list[str] = []
    marked = _PRIMARY.search(text, span[0], span[1]) if span else None
    if marked:      # “以滨江区为核心的主城区”: the place named as the core comes first
        before = places.find(gaz, text, span[0], marked.start())
        if before:
            primary = [d for d in before[-1].entry.districts if d in mapping.districts][:1]
    geometry = {"type": "districts"}
    if mapping.places and kind in _POINT_KINDS and not [n for n in mapping.notes
                                                         if "(an area)" in n]:
        geometry = {"type": "places"}
    if kind == "belt" and span:
        flags.append("a belt: consider drawing it as a band along the river or a schematic "
                     "corridor")
    data = {"id": _slug(part.label if not figure else f"part_{k + 1}") + (f"_{sub}" if sub else ""),
            "kind": kind, "name": name, "name_en": "",
            "literal": mapping.literal or part.written or part.label,
            "districts": mapping.districts, "primary_districts": primary,
            "places": mapping.places, "sectors": [],
            "function": passage.excerpt, "role_en": "", "geometry": geometry,
            "source": passage.source(plan_id)}
    if mapping.empty:
        data["needs_place"] = True
    if mapping.interpreted:
        data["interpretation"] = {"note": "; ".join(mapping.notes)}
        flags.append("interpretation: " + "; ".join(mapping.notes))
    return Record("element", data, [passage], flags, part=part.label)
