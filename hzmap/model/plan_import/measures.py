"""Numbered measures and their responsible units, read the way Chinese policy documents state
them.

A measure is a numbered part at the finest level a task part uses (“1.”, “(一)”, or each
paragraph under a “(一)标题” line), outside the parts that are not tasks (形势, 指导思想, 基本原则,
目标, 保障措施). Its units follow it in brackets: “(责任单位:A、B)”, “(牵头单位:A;配合单位:B)”
or a bare list “(A、B,列第一位的为牵头单位)”. A gap in the numbering whose text still carries a
unit list (a heading lost in extraction) becomes a measure with an inferred number, flagged.
"""
from __future__ import annotations

import bisect
import re

from hzmap.model.geo.gazetteer import Gazetteer

from . import announced, contents, flattened, indicators, places, tables
from .draft import Passage, Record
from .text import NOT_LAYING, TASK_VERBS, Document, Heading, cn_numeral, excerpt, line_spans
from .unitlists import BRACKET, UNIT_LINE, closes_on_units, heads_with_units, own_units, part_units, unit_blocks
from .units import FIELD, FIRST_IS_LEAD, Units, read_units, split_units

# titles of parts that hold no measures (background, principles, goals, safeguards)
_NOT_TASKS = re.compile(NOT_LAYING + r".*(基础|形势|机遇|挑战|背景|意义|总体要求|指导思想|原则|目标|保障|保障措施|简介|概况|概述|"
                        r"组织实施|附则|回顾|演变|沿革|历程)(?:[(（][^()（）]{1,6}[)）])?$")   # (2022年工作回顾(重点): the year behind)
# a numbered part's own title that says it is not a measure (a part titled 保障 may be one)
# a part that opens on how things stand ((一)设立情况紫金港科技城设立于2018年…, 发展水平…)
_STATE_OF = re.compile(r"(?:基本|设立|建设|发展|运行)情况|发展(?:水平|现状|成效)|现状(?:与|和)?问题|存在(?:的)?问题")
_NOT_A_MEASURE = re.compile(r"(基础|形势|背景|意义|总体要求|指导思想|基本原则|主要目标|发展目标|工作目标|简介|概况|概述|主要内容)$|"
                            r"^(?:公示|征求意见|意见征集|意见反馈|反馈)(?:期限|时间|方式|途径|渠道)|截止(?:日期|时间)|"  # (a 公示's terms)
                            r"目标(?:与|和|及)|"     # (2.战略目标与协同发展: what the plan aims at)
                            r"取得[^。，,]{0,8}(?:成效|成就)$")   # (1.“十四五”时期…取得积极成效: a review)
# a numbered part that sets out what the plan is (a plan's summary in a 公示: (一)规划范围 …,
# (三)规划结构 …, (五)发展规模 …), however its text runs on after the topic: no measure
# (a master plan's summary too: 1、城市规模 …, 2、城市布局结构 …, (3)组团职能与用地功能组织 …)
_DESCRIBES = re.compile(r"(?:规划|发展|功能|空间|用地|人口|城市)(?:范围|定位|结构|期限|规模|性质)|资源约束|"
                        r"底线(?:约束|控制|管控)|(?:城市)?(?:布局|发展)(?:结构|形态|方向)|组团职能|"
                        r"用地(?:功能|布局)|(?:产业|城市|功能|空间){1,2}布局(?:$|[:：])|"
                        r"[^。，,；;]{0,12}(?:规划|功能|用地)分区$|"     # (划定国土空间规划分区: the plan's zones)
                        r"[^。，,；;]{2,30}为[^。，,；;]{2,8}型[,，。；;]|"  # (萧山、余杭、临平为紧密联动型,…: a type)
                        r"[^。]{0,40}?[一二三四五六七八九十\d]级[^。，,]{0,6}(?:架构|体系|结构)[!！。]?$|"  # (五级商圈架构)
                        r"[^。，,]{2,12}(?:体系|布局|网点)规划$")       # (特色商业体系规划: what the plan lays out)
# an approval's part that restates the approved plan (一、对《规划》中的主要内容予以明确)
_STATES_PLAN = re.compile(r"主要内容予以明确|予以明确。?$")
_APPROVES = re.compile(r"[^:：]{2,12}[:：]\s*(?:原则)?同意")      # (五)公共服务设施配套:原则同意…
# a part that opens on what the plan says ((一)…一盘棋 / 《规划》强调…): an article about the plan
_PLAN_SAYS = re.compile(r"\s*《[^》]{1,30}》(?:强调|提出|明确|指出|要求|描绘|确定)")
_SITE_TERMS = re.compile(r"本网|本站|版权|转载")
_PAGE_NOTICE = re.compile(r"(?:免责声明|版权声明|声明|注意事项|网站说明)[ \t]*$", re.M)
# an article about a plan speaks of itself (本文将…): its numbered titles are its own sections
# (not a page's editorial note: (本文有删减), 本文由…发布, 本文来源)
_ARTICLE = re.compile(r"本文(?!件|有删|由|来源|转自|转载)")
# a heading line that says what is to be done: a task verb, then its object (实施…行动)
_TASK_TITLE = re.compile(rf"(?:{TASK_VERBS}|做强|做优|做大)[\u4e00-\u9fff]{{2,}}(?:行动|工程|计划)$")
_SENTENCE = re.compile(r"[。！？!?\n]")
# a “(一)” line that is a sentence saying what to do ((一)推动…迈上新台阶。): its measure runs on below
# a paragraph under a title that is no task: a figure's source or caption (表2…一览表), or a year's
# results (2021年,全市
# …增加值4905亿元,同比增长11.5%)
_NOT_A_TASK = re.compile(r"\s*(?:(?:数据|资料)?来源[:：]|注[:：]|(?:附?表|图)\s*\d|(?:19|20)\d\d年(?:全年)?[,，][^。！？!?\n]*?(?:同比|比上年))")
_TASK_VERB = re.compile(rf"(?:{TASK_VERBS}|坚持|聚焦|全面|大力|着力|持续)")


def _leaves(doc: Document) -> list[Heading]:
    """Numbered parts with no numbered parts (levels 2-3) inside, outside non-task parts."""
    out = []
    parents = {id(c.parent) for c in doc.headings if c.level in (2, 3)}
    # (a part of the first level with no parts is a measure when a unit is made responsible for
    # it on a line of its own: 一、…改造项目 / 牵头单位:县城管执法局 / 责任单位:…)
    # (or, 一、…(省发展改革委、省财政厅等按职责分工负责), when its paragraph closes on its units)
    heads = [h for h in doc.headings if h.level in (2, 3) or h.level == 1 and id(h) not in parents and (
        UNIT_LINE.search(doc.text, h.body, h.end) or _cut_sibling(doc, h) or closes_on_units(doc.text, h))]
    plain = _plain_titles(doc)
    first_top: dict[int, int] = {}      # where the first part of each level outside any part starts
    for x in doc.headings:
        if x.parent is None:
            first_top.setdefault(x.level, x.start)
    blocks = contents.blocks(doc)
    for h in heads:
        if id(h) in parents:
            continue
        # (its own title, or the label before its colon: (二)发展目标:突出塘栖…)
        label = re.split(r"[:：]", h.title, maxsplit=1)[0] if re.search(r"^[^:：]{2,10}[:：]", h.title) \
            else h.title
        titled_not = bool(_NOT_A_MEASURE.search(label.strip("。 ")))
        skip = bool(titled_not or _DESCRIBES.match(h.title)
                    or _DESCRIBES.match(label) or _APPROVES.match(h.title) or _STATE_OF.match(h.title)
                    or "\n" in doc.text[h.start:] and _PLAN_SAYS.match(doc.text, doc.text.find("\n", h.start) + 1))
        goals_only = not skip
        node = h.parent
        while node is not None:
            if _DESCRIBES.match(node.title.strip("。 ")) or _STATES_PLAN.search(node.title):
                skip = goals_only = True    # 四、规划结构 / (1)一轴:…: what the plan is, no task
            if _NOT_TASKS.search(node.title.strip("。 ")):
                skip = True
                goals_only = goals_only and node.title.strip("。 ").endswith("目标")
            node = node.parent
        if contents.line(doc, h, blocks) or (not doc.text[h.end:].strip() and
                                                 contents.before(doc, h, blocks)):
            skip = True        # a line of a table of contents (or its last, which the page cuts)
        if h.level == 3 and re.search(rf"(?m)^[ \t]*{h.value}[.．]\d", doc.text[h.body:h.end]):
            skip = True        # 3.总体发展格局 / 3.1国土空间…: a chapter of decimal sections, no task
        if h.parent is None and (_after_page_notice(doc, h) or _SITE_TERMS.search(h.title)):
            skip = True        # a news site's numbered terms (版权与免责声明 1、…, ①凡本网注明…), not the plan's
        title = plain.get(h.start, "") if h.parent is None else ""
        first = first_top.get(h.level, h.start)
        if len(title) <= 12 and _NOT_TASKS.search(title.strip("。:： ")) or h.parent is None and \
                re.search(r"(?m)^[ \t]*(?:进展|完成|推进|落实)情况", doc.text[max(0, first - 300):first]):
            skip = True        # a list under a line “机遇” or “进展情况…已完成。”: no tasks of its own
        if skip and (goals_only or titled_not) and (own_units(doc.text, h) or _cut_sibling(doc, h)):
            skip = False       # a goal assigned to its unit (a 目标任务责任分解) is a task
        if not skip:
            out.append(h)
    return out


def _cut_sibling(doc: Document, h: Heading) -> bool:
    """Whether h ends the page, cut off before its units, among goals that state theirs."""
    if doc.text[h.end:].strip():
        return False
    before = [x for x in doc.headings if x.parent is h.parent and x.level == h.level
              and x.start < h.start]
    return bool(before) and own_units(doc.text, before[-1])


def _after_page_notice(doc: Document, h: Heading) -> bool:
    """Whether h is one of the numbered terms right after a page's notice line (…免责声明)."""
    last = None
    for last in _PAGE_NOTICE.finditer(doc.text, max(0, h.start - 3000), h.start):
        pass
    return last is not None and all(
        x.parent is None and x.level == h.level for x in doc.headings
        if last.end() <= x.start < h.start)


def _plain_titles(doc: Document) -> dict[int, str]:
    """Heading start -> the line with no number above its numbered list (past the list's
    earlier items), in one pass over the lines."""
    text, starts = doc.text, {x.start for x in doc.headings}
    out, last, pos = {}, "", 0
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        line = text[pos:stop]
        lead = pos + len(line) - len(line.lstrip())
        if lead in starts:
            out[lead] = last
        elif line.strip():
            last = line.strip()
        pos = stop + 1
    return out


def _captions(text: str, start: int, end: int) -> bool:
    """Whether the lines of text[start:end] are captions: two or more (one may be a paragraph the
    page cuts), none ending a sentence or naming a unit."""
    lines = [text[a:b] for a, b in line_spans(text, start, end) if text[a:b].strip()]
    if any(re.search(r"[|｜\t]", ln) for ln in lines):
        return False        # a table's cells, not captions
    return len(lines) >= 2 and not any(re.search(r"[。；;！!]\s*$", ln) for ln in lines) and \
        not unit_blocks(text, start, end)


def _pieces(doc: Document, h: Heading) -> list[tuple[int, int, str]]:
    """(start, end, title) per measure in a part: the part itself when its text follows the
    heading, else one per paragraph under a heading line that is only a title."""
    text = doc.text
    line_end = text.find("\n", h.body)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[h.body:min(line_end, h.end)].strip()
    if line_end < h.end and not re.search(r"[。，,；;！!]", rest) and not unit_blocks(text, h.start, line_end) \
            and _captions(text, line_end + 1, h.end):
        return []       # lines none of which ends a sentence or names a unit: a poster's captions
        # (1聚合大空间 / 建设国家重要的中心城市 / ●主城都市区), not tasks
    if len(rest) > len(h.title) + 2 or line_end >= h.end or (h.level >= 3 and (
            rest.endswith("。") or _TASK_TITLE.match(rest))) or (
            h.level == 2 and rest.endswith("。") and _TASK_VERB.match(rest)) or (
            h.level == 3 and _TASK_VERB.match(rest)):
        # a “1.” line that is a sentence (“1. 引导产业差异化布局。”) or a task (1实施区域创新协同
        # 行动) opens its measure, whose text runs on in the paragraphs below; under a title
        # (“(一)…”, “1.服务外包”) each paragraph is a measure of its own
        return [(h.start, h.end, h.title.strip("。 "))]
    out = []
    pos = line_end + 1
    while pos < h.end:
        nl = text.find("\n", pos)
        stop = min(h.end, len(text) if nl < 0 else nl)
        para = text[pos:stop]
        if len(para.strip()) >= 10 and not UNIT_LINE.match(para) and not _NOT_A_TASK.match(para) \
                and not FIELD.match(para):      # (任务目标:…, 完成时限:…: a field of the part's own)
            m = _SENTENCE.search(para)
            first = para[:m.start()] if m else para
            out.append((pos, stop, first if len(first) <= 40 else ""))
        pos = stop + 1
    # a title line whose only paragraph is its unit line: the part is the measure
    return out or [(h.start, h.end, h.title.strip("。 "))]


def draft_measures(doc: Document, gaz: Gazetteer, plan_id: str,
                   shown: list[indicators.IndicatorTable] | None = None) -> list[Record]:
    """Measures; `shown`: the document's tables of indicators (indicators.tables), if already read."""
    text = doc.text
    shown = indicators.tables(doc) if shown is None else shown
    first_is_lead = bool(FIRST_IS_LEAD.search(text))
    article = bool(_ARTICLE.search(text))
    out: list[Record] = []
    rows = tables.rows(doc, shown)
    for row in rows:           # a task table: one measure a row, its units from its own cell
        given = read_units(row.units_text, first_is_lead)
        if row.lead_lost and given.units:
            given = Units("", given.units, "lost", ["the table marks its lead unit in bold, which the "
                                                    "text has lost: give the lead"])
        rec = _measure(doc, gaz, plan_id, row.task[0], row.end, "", row.number, first_is_lead,
                       given=given, content_end=row.task[1])
        rec.flags += row.notes
        rec.from_table = True
        rec.task_end = row.end          # (its figures are in any of its cells: 指标要求 | 增长5.5%)
        out.append(rec)
    starts, ends = [r.start for r in rows], [r.end for r in rows]      # (rows do not overlap)
    # a heading that groups table rows is no measure, nor one inside a row (its cell's 1. 2.)
    leaves = [h for h in _leaves(doc) if bisect.bisect_left(starts, h.start) == bisect.bisect_left(starts, h.end)
              and bisect.bisect_right(starts, h.start) == bisect.bisect_right(ends, h.start)]
    for k, h in enumerate(leaves):
        pieces = _pieces(doc, h)
        if not pieces:
            continue
        by_paragraph = len(pieces) > 1 or pieces[0][0] != h.start
        if article and (by_paragraph or not own_units(text, h)):
            continue        # “1. 发展优势” and its paragraphs in a commentary: not the plan's tasks
            # (nor its numbered points, “1. 地理位置:…”, unless a unit is made responsible)
        number = h.label if by_paragraph else h.number
        out += [_measure(doc, gaz, plan_id, s, e, t, number, first_is_lead) for s, e, t in pieces]
        nxt = leaves[k + 1] if k + 1 < len(leaves) else None
        # a lost heading: the numbering skips one, and this part carries a second unit list
        if by_paragraph or nxt is None or nxt.level != h.level or nxt.value != h.value + 2:
            continue
        blocks = unit_blocks(text, h.body, h.end)
        if len(blocks) < 2:
            continue
        cut = blocks[0][1]
        out[-1] = _measure(doc, gaz, plan_id, h.start, cut, pieces[0][2], number, first_is_lead)
        missing = str(h.value + 1) if h.level == 3 else cn_numeral(h.value + 1)
        parent = h.parent.label if h.parent else ""
        section = parent + (f"({missing})" if h.level == 2 else missing)
        rec = _measure(doc, gaz, plan_id, cut, h.end, "", missing, first_is_lead, section)
        rec.flags.insert(0, f"the heading of this measure is missing in the text: number "
                            f"“{missing}” inferred from the numbering around it; give it a title")
        out.append(rec)
    # the items of a list a count announces (九大重点行动:一是…; 十件民生实事项目 / 一、…), where
    # no measure drafted above holds them
    taken = [(r.start, r.end) for r in rows] + [(h.start, h.end) for h in leaves]
    for number, s, e, title in announced.items(doc):
        # (not a part of the plan on what it aims at: “八大行动” / 一、主要目标)
        if not any(a <= s < b for a, b in taken) and not _NOT_A_MEASURE.search(title.strip("。 ")):
            rec = _measure(doc, gaz, plan_id, s, e, title, number, first_is_lead, content_end=e)
            rec.from_table, rec.task_end = True, e      # (the things counted: its figures commit)
            out.append(rec)
    for number, s, e, title, unit in announced.led_clauses(doc):     # 市公安局牵头安全保障组,…;
        if not any(a <= s < b for a, b in taken):
            out.append(_measure(doc, gaz, plan_id, s, e, title, number, first_is_lead,
                                given=read_units(unit + "牵头"), content_end=e))
    # an action that heads its measures and says first what it does (一、实施生态农业提效行动 /
    # 坚持把…, then (一)…), or a part that names its own lead (一、高水平打造…高地(区科技局牵头) /
    # 坚持…, then (一)…): a measure of its own, up to its first measure
    for h, kid in zip(doc.headings, doc.headings[1:]):      # (its first measure follows it)
        if h.level != 1 or kid.parent is not h or not (
                _TASK_TITLE.match(h.title.strip("。 ")) or heads_with_units(text, h)):
            continue
        line_end = text.find("\n", h.body)
        if 0 <= line_end < kid.start and len(text[line_end:kid.start].strip()) >= 10 and \
                bisect.bisect_left(starts, h.start) == bisect.bisect_left(starts, h.end):
            out.append(_measure(doc, gaz, plan_id, h.start, kid.start,
                                BRACKET.sub("", h.title).strip("。 "), h.number, first_is_lead))
    # a table of indicators names no unit: its numbered rows (1.地区生产总值, one cell to a line)
    # are no measures
    out = [r for r in out if r.data["units"] or not any(t.start <= r.passages[0].start < t.end for t in shown)]
    out.sort(key=lambda r: r.passages[0].start)
    for i, rec in enumerate(out, 1):
        rec.data["id"] = f"{plan_id}_m{i:02d}"
    return out


def _lead_and_units(read: Units, first_is_lead: bool, flags: list[str],
                    notes: list[str]) -> tuple[str, list[str]]:
    flags += read.notes
    if not read.units:
        notes.append("no responsible units (责任单位) stated")
        return "", []
    if read.how in ("first", "comma") and not first_is_lead and len(read.units) > 1:
        # the usual convention of such lists, not a decision: said, not flagged
        notes.append("牵头单位 not marked: the first unit listed is taken as the lead")
    return read.lead, list(read.units)


def _measure(doc: Document, gaz: Gazetteer, plan_id: str, start: int, end: int, title: str,
             number: str, first_is_lead: bool, section: str | None = None,
             given: Units | None = None, content_end: int | None = None) -> Record:
    text = doc.text
    blocks = unit_blocks(text, start, end)
    # (its last list with units: a second list the page cuts short leaves the first)
    block = next((b for b in reversed(blocks) if b[2].units), blocks[-1] if blocks else None)
    flags: list[str] = []
    notes: list[str] = []
    read = given if given is not None else (block[2] if block else Units())
    one_a_line = False
    cells = flattened.cell_units(text, start, end) if given is None else ""
    if cells and len(split_units(cells)) > len(read.units):
        # a table flattened one cell a line: 发改局 / 经开区 / 高新园 / (邹区镇), the first leads
        read = read_units(cells, first_is_lead=True)
        block = None
        one_a_line = True
    if given is None and not read.units:
        part = part_units(doc, start)
        if part is not None:
            read = part[1]
            notes.append(f"responsible units given once for the whole part “{part[0]}”")
    lead, units = _lead_and_units(read, first_is_lead, flags, notes)
    content_end = content_end if content_end is not None else (block[0] if block else end)
    marker = re.match(r"\s*(?:[(（][一二三四五六七八九十]+[)）]|[1-9]\d?[.．、]|[(（][1-9]\d?[)）])",
                      text[start:content_end])
    ex_start = start + (marker.end() if marker else 0)
    while ex_start < content_end and text[ex_start] in " \n。；;，,":
        ex_start += 1
    # the excerpt: the title and the first sentence after it
    sent = _SENTENCE.search(text, ex_start + len(title) + 1 if title else ex_start, content_end)
    ex_end = sent.start() if sent else content_end
    ex = excerpt(text, ex_start, ex_end)
    if not title:
        title = excerpt(text, ex_start, ex_end, 30)
    hits = places.find(gaz, text, start, end)
    place_ids = list(dict.fromkeys(h.entry.place for h in hits if h.entry.place))
    # districts the text names itself; a named place's own districts are not repeated
    named = places.map_hits(text, [h for h in hits if not h.entry.place])
    # said, not flagged: a measure's places are listed as the gazetteer reads them; a layout's
    # part is where the planner decides what a name covers (layouts.py)
    notes += [f"interpretation: {n}" for n in places.map_hits(text, hits).notes]
    nxt = _SENTENCE.search(text, ex_end + 1, content_end) if ex_end + 1 < content_end else None
    summary = excerpt(text, ex_end + 1, nxt.start() if nxt else content_end, 100) \
        if ex_end + 1 < content_end else ""
    passage = Passage(section or doc.section_at(start), ex, ex_start, ex_end)
    data = {
        "id": "", "number": number, "title": title.strip("。 |｜\t"),
        "summary": summary or ex, "lead_units": [lead] if lead else [], "units": units,
        "districts": named.districts, "places": place_ids,
        "citywide": not named.districts and not place_ids, "sectors": [],
        "source": passage.source(plan_id),
    }
    rec = Record("measure", data, [passage], flags, notes)
    rec.from_table = one_a_line     # a row of a task table all the same: its figures commit
    return rec
