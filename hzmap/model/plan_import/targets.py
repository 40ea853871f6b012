"""Quantified targets: a figure with its unit, the year it is for and what the words around it
commit to (the comparator comes from hzmap.model.dataset.comparators, the project's one rule).

A figure is a target when it states a goal: it stands in a goals part (…目标), or its sentence
or paragraph sets a year ahead (“到2026年”, “2025年底前”, “十四五期间”), or its clause uses goal
words (力争, 达到, 突破, 以上 …). Figures in background parts (发展基础, 面临形势), inside brackets
(conversions, abbreviations), about subsidies and awards (补助, 奖励, 给予 …) or about past years
are not targets. Where one clause holds two figures the first qualifies the second (“执行额1000万
美元以上的企业超过140家”) and only the last is a target.
"""
from __future__ import annotations

import bisect
import re

from hzmap.model.dataset.comparators import clause_around
from hzmap.model.geo.gazetteer import Gazetteer

from . import reported
from .draft import Record
from .figures import find as find_figures, inside_brackets
from .measured import (CHANGE_TO, DONE, FROM, LEAD_YEAR, POLICY_AFTER, POLICY_BEFORE, RAISED_TO, TITLED_YEAR,
                       lead_year, subject_before, year_ahead, year_reached)
from .target_record import record
from .text import LOOKBACK, NOT_LAYING, PARAGRAPH_BACK, Document, clause_start

_ANY_YEAR = re.compile(r"(19|20)\d\d年")
# (控制在: a ceiling a plan sets; 计划投资/安排…项目: a project list's commitments)
_GOAL_WORDS = re.compile(r"力争|达到|突破|超过|以上|不少于|不低于|实现|确保|新增|培育|引进|建成|开工|保持|完成|左右|打造|"
                         r"组建|设立|开通|(?:建设|新建|创建|实施)(?=[\d一二两三四五六七八九十百])|(?:改造|新建|改扩建|建设(?!用地))[^，,。；;、\d为是]{1,10}(?=\d)|(?<![到通送抵高多长远已])达(?=\d)|"
                         r"控制在|计划(?:投资|完成|实施|建设|新增)|安排[^，,。；;\d]{0,10}项目[\d一二两三四五六七八九十百]|"
                         r"(?:[1-9]|[一二两三四五六七八九十])年内|将(?:继续)?(?:开展|举办|组织|推出)")
# a sentence of what the plan plans (规划常住人口54.2万人,城镇化率约98%): its figures are goals
_PLANNED = re.compile(r"[ \t]*规划(?:常住|户籍|总|城镇)?(?:人口|建设用地|用地)")
# words that only look ahead: a year they follow is the year a goal is for, not a past one
_AHEAD_WORDS = re.compile(r"力争|争取|确保|目标")
# what a change is expected to bring (预计, and its traditional form), not what is set as a goal
_FORECAST = re.compile(r"预计|\u9810\u8a08|预期将|有望")
_INSTRUMENT = re.compile(r"补助(?!性)|补贴(?!性)|奖励|资助|给予|减征|减免|贴息|最高不超过|授信|(?<!债)券")  # (消费券, not 债券)
_BACKGROUND = re.compile(NOT_LAYING + r".*(基础|形势|背景|机遇|挑战|现状|回顾|成效)$")
# (or the plan's planned size: 二、发展规模 / 人口规模:规划人口3.2万人)
_GOAL_PART = re.compile(r"目标|(?:发展|人口|城市|城镇|用地)规模$")
_GOALS_TITLE = re.compile(r"(?:预测|目标)(?:第[一二三四五六七八九十百\d]{1,4}条)?")
_CALLED_GOALS = re.compile(r"(?:这些|上述|以上)(?:预期|发展|主要)?目标")
_PUNCT = re.compile(r"[。，,；;:：！？!?]")
# a paragraph that opens on a goals label: the figures it lists are the goals
_GOALS_LABEL = re.compile(r"[ \t]*(?:主要|预期|发展|总体|年度)?(?:预期)?(?:指标|目标)(?:任务)?[:：]")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def draft_targets(doc: Document, gaz: Gazetteer, plan_id: str, horizon: int | None,
                  issued_year: int | None, tasks: list[tuple[int, int]] = (),
                  done: list[tuple[int, int]] = (),
                  goals: list[tuple[int, int, int | None, str, str]] = (), news: bool = False,
                  dateless_plan: bool = False) -> list[Record]:
    """Targets; `tasks` are the spans of the drafted measures (a figure in a task, such as
    “服务业增加值增长8%” in a task table, commits to it), `done` those of reports of what was
    done (a task table's 完成情况 column), whose figures are not goals; `goals` the cells of an
    indicator table's goal column, with the year its header names and the row's indicator;
    `news`: the page reports news (reported.news), and tells what was achieved; `dateless_plan`:
    a plan (…方案, …措施) whose text gives no date of its own, so a year it names is no past one."""
    text = doc.text
    out: list[Record] = []
    seen: set[tuple] = set()
    candidates = [tuple(f) for f in find_figures(text)]
    for a, b, _, _, unit in goals:      # a bare figure in a goal cell, its unit in its own column
        bare = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*", text[a:b])
        if bare and unit and len(unit) <= 4 and not any(a <= c[0] < b for c in candidates):
            candidates.append((a, b, float(bare.group(1)), unit, f"the unit from its column: {unit}"))
    candidates.sort()
    starts = [c[0] for c in candidates]
    done = sorted(done)
    for s, e, value, unit, note in candidates:
        if _in_spans(done, s):
            continue
        cell = next((g for g in goals if g[0] <= s < g[1]), None)
        rec = _target(doc, gaz, plan_id, s, e, value, unit, note, horizon, issued_year,
                      candidates, starts, [cell[:2]] if cell else tasks, cell is not None,
                      news, dateless_plan)
        if rec is None:
            continue
        if cell is not None:        # 指标名称 | 2024年建议目标: the column's year, the row's name
            if cell[2] is not None:
                rec.data["year"] = cell[2]
                rec.flags = [f for f in rec.flags if not f.startswith("no year stated")]
            rec.data["indicator"] = cell[3][:60] or rec.data["indicator"]     # the row's indicator
        if not rec.data["indicator"]:
            # “…增加值到2025年破万亿,到2027年突破1.2万亿”: the subject is the earlier figure's
            prev = next((r for r in reversed(out) if r.data["unit"] == unit and
                         doc.paragraph_at(r.passages[0].start) == doc.paragraph_at(s)), None)
            # or of the sentence's figure before it, of another unit (农民人均可支配收入增速高于
            # 城镇居民1个百分点,力争达到48000元): what grows, not its growth
            sent = clause_start(text, s, "。；;\n！？")
            other = prev or next((r for r in reversed(out) if r.passages[0].start >= sent), None)
            # or the clause before it (全县地区生产总值实现翻番,达到178亿元): what reaches the figure
            before = subject_before(text, sent, s)
            if other is None and not before:
                continue
            rec.data["indicator"] = prev.data["indicator"] if prev else before if other is None else \
                re.sub(r"(?:增速|增幅|增长|增加|提高|高于|低于).*$", "", other.data["indicator"])
            if not rec.data["indicator"]:
                continue
            rec.flags.append("the sentence leaves out what is measured: taken from the figure "
                             "before it")
        key = (rec.data["indicator"], value, unit, rec.data["year"])
        if key in seen:
            continue
        seen.add(key)
        out.append(rec)
    for i, rec in enumerate(out, 1):
        rec.data["id"] = f"{plan_id}_t{i:02d}"
    return out


def _clause_end(text: str, end: int) -> int:
    m = re.compile(r"[，。；、,;：:\n（）()|｜\t]").search(text, end)
    return m.start() if m else len(text)


_QUOTED_NAME = re.compile(r"“[^“”\n]{0,12}$")
_COUNT = re.compile(r"(?:个|家|项|座|所|条|批|款|处|户|只|台|件|根|栋|幢)$")
_EACH = re.compile(r"均|都|各自|分别")
_BUILDINGS = "幢栋套处"       # counted with their floor area after them: 465幢23.25万平方米房屋
_N = "[一二两三四五六七八九十]+"
_LOOK_BACK = re.compile(rf"\s*(?:{_N}年来|这{_N}年|过去(?:的)?{_N}年|近{_N}年来)[,，:：]")


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _target(doc, gaz, plan_id, s, e, value, unit, note, horizon, issued_year, candidates,
            starts, tasks, in_cell=False, news=False, dateless_plan=False):
    text = doc.text
    if s > 0 and text[s - 1] in "第第":
        return None
    if inside_brackets(text, s):
        return None
    if text.startswith(("工作日", "自然日"), e):
        if not re.search(r"(?:压缩|压减|缩短|缩减|减少|降低?)(?:至|到)$|控制在$", text[max(0, s - 6):s]):
            return None              # 3个工作日内完成审批: a time limit of a service, not a goal
        unit, e = unit + text[e:e + 3], e + 3    # 审批时间压缩至90个工作日以内: the time is the goal
    quoted = doc.quoted          # (straight quotes paired: "杭甬30分钟互联")
    if _QUOTED_NAME.search(quoted, max(0, s - 13), s) and (re.match(r"[^“”\n]{0,12}”", quoted[e:e + 13])
                                                          or not quoted[e:].strip()):    # (the page cut inside)
        return None                  # part of a quoted name: “1小时交通圈”, “万亩千亿”
    clause = clause_around(text, s, e)
    c_start = text.rfind(clause, max(0, s - len(clause) - 1), e + len(clause)) if clause else s
    if c_start < 0:
        c_start = s
    # “A、B、C 2家以上”: the list before the figure belongs to it when it holds no figure itself
    while c_start > 0 and text[c_start - 1] == "、":
        prev = clause_around(text, c_start - 1, c_start - 1)
        p_start = c_start - 1 - len(prev)
        if p_start < 0 or bisect.bisect_left(starts, p_start) < bisect.bisect_left(starts, c_start):
            break
        c_start = p_start
    # a table row set on one line: the clause is the figure's cell (主要指标 | 1 | 增长5.6%)
    bar = max(text.rfind(c, c_start, s) for c in "|｜\t")
    if bar >= 0:
        c_start = bar + 1 + len(text[bar + 1:s]) - len(text[bar + 1:s].lstrip())
    clause = text[c_start:_clause_end(text, e)]
    # an earlier figure of a clause qualifies the later one it is said of (执行额1000万美元以上的企业超过
    # 140家, 年产值超10亿元机构15家); figures joined by 和/及/并/、 are targets each (2个…和6个…集群)
    # A count of things of a size is the target whichever comes first: 3个主营业务收入超千亿元
    # 的产业集群 commits to 3 clusters, 千亿元 says which ones count
    nxt = bisect.bisect_right(starts, s)
    between = text[e:starts[nxt]] if nxt < len(starts) else ""
    # but 4个结构性指标均实现10%以上增长: each of the 4 is to grow 10%, the goal the growth
    if nxt < len(starts) and starts[nxt] < c_start + len(clause) and \
            not re.search(r"[和及与并、]", between) and not between.endswith("“") and \
            not (_COUNT.match(unit) and not _COUNT.match(candidates[nxt][3])
                 and not _EACH.search(between)):
        return None
    prv = nxt - 2
    if prv >= 0 and candidates[prv][1] == s and _COUNT.match(candidates[prv][3]) and not _COUNT.match(unit) \
            and not (candidates[prv][3] in _BUILDINGS and not re.match(r"(?:以上|以下|及以上)", text[e:e + 3])):
        return None     # 1个20亿元以上项目: the size of what the count before it counts
        # (but 465幢23.25万平方米房屋: the buildings and their floor area, both to be done)
    # (or a count of where the work is done, 在39个村改造…16.66公里: the later figure is the goal)
    joined_prv = prv < 0 or starts[prv] < c_start or \
        bool(re.search(r"[和及与并、]", text[candidates[prv][1]:s])) or text[starts[prv] - 1] == "在"
    if not joined_prv and _COUNT.match(candidates[prv][3]) and not _COUNT.match(unit) and \
            not _EACH.search(text, candidates[prv][1], s) and \
            not (candidates[prv][1] == s and candidates[prv][3] in _BUILDINGS):
        return None
    # the size before a count (年产值10亿元以上企业30家): its words do not say how many
    sized_by = candidates[prv][1] - c_start if not joined_prv and _COUNT.match(unit) else 0
    if sized_by:
        sized_by += len(re.match(r"(?:以上|以下|左右|及以上|的)*", clause[sized_by:]).group(0))
    heads = []
    h = doc.heading_at(s)
    while h is not None:
        heads.append(h)
        h = h.parent
    if any(_BACKGROUND.search(x.title.strip("。 ")) for x in heads):
        return None
    if not in_cell and reported.under_report_line(text, s):
        return None     # under a title line “2024年…计划执行情况”: what the year brought
    sent_start = clause_start(text, s, "。；;\n！？")
    sent_end_m = _SENTENCE_END.search(text, e, e + LOOKBACK)     # (as far ahead as a clause looks back)
    sent_end = sent_end_m.start() if sent_end_m else min(len(text), e + LOOKBACK)
    if _INSTRUMENT.search(text[sent_start:sent_end]) and not (
            RAISED_TO.search(text, max(c_start, s - 6), s) and not re.match(r"的[^，,。；;]{0,4}政策", text[e:e + 8])):
        return None         # (but 补助标准…提高到700元: a standard the plan raises is its goal)
    if CHANGE_TO.match(text, e) and FROM.search(text, c_start, s):
        return None         # 由7%降至6%, 由670元提高到700元: where it stands now; the goal follows
    if re.match(r"(?:以上|以下)?的(?:政策|措施|优惠)", text[e:e + 6]):
        return None         # 下调工伤保险费率50%的政策: a policy's rate, not a goal
    if unit == "条" and (POLICY_AFTER.match(text, e) or POLICY_BEFORE.search(text, c_start, s)):
        return None         # 落实民营经济31条, “…”38条政策: a policy named by its articles
    if _FORECAST.search(clause[:s - c_start]) and not _AHEAD_WORDS.search(text, sent_start, s) \
            and not (year_ahead(text, sent_start, s) and _GOAL_WORDS.search(clause)):
        return None                           # 通行时间预计将缩短三分之二: a forecast, no goal
    # (but 到2025年产业增加值预计突破4000亿元: a year ahead and a goal word set a goal)
    # the paragraph, but not past the start of the numbered part the figure is in
    para_start = max(text.rfind("\n", 0, s) + 1, heads[0].start if heads else 0, s - PARAGRAPH_BACK)
    said = [(int(m.group(0)[:4]), m.start()) for m in _ANY_YEAR.finditer(text, sent_start, s)]
    # (the sentence's own “2035年目标…” before the paragraph's “截至2022年底”)
    own = said[-1] if said and _AHEAD_WORDS.match(text, said[-1][1] + 5) else None
    year = year_reached(text, c_start, s, issued_year) or year_ahead(text, sent_start, s) or own or \
        year_ahead(text, para_start, s) or lead_year(text, para_start)
    if year is not None and issued_year is not None and year[0] < issued_year and \
            text[year[1]] not in "到至截":
        return None                           # “2021年末,全市常住人口340.7万人”: a past year's
    if year is not None and text[year[1]] not in "到至" and DONE.search(text, sent_start, s) and \
            not re.search(r"力争|确保|将|要|计划|目标", text[sent_start:s]):
        return None                           # 2024年末常住人口已达106万: what that year reached
    if year is None and said and _AHEAD_WORDS.search(text, said[-1][1], s) and \
            (issued_year is None or said[-1][0] >= issued_year):
        year = said[-1]                       # “2025年,力争…达到2.95%”: the year the goal is for
    # an undated plan's article titled as its forecast or goals (…预测第18条 2020年…150万人): its years
    punct = _PUNCT.search(text, para_start, s)
    titled = _GOALS_TITLE.search(text, para_start, punct.start() if punct else s)
    if year is None and said and titled and issued_year is None:
        year = said[-1]
    # figures the sentence then calls its goals (2023年,…增长6%左右,…增长7%……为实现这些预期目标)
    called = _CALLED_GOALS.search(text, e, sent_end)
    if year is None and said and called:
        year = said[-1]
    # (今年…目标任务:…, 2010年,…主要预期目标是:…增长10%;…增长8%: the year the goals are for)
    this_year = re.search(r"(?:今年|本年度)(?!以来|前|上半年|一季度|[1-9一二三四五六七八九十]+月)|"
                          r"(20\d\d)年[,，]?[^。]{0,30}?目标(?:是|为)?[:：]", text[para_start:s])
    if year is None and this_year and (issued_year or this_year.group(1)):
        year = (int(this_year.group(1) or issued_year), para_start + this_year.start())
    if year is None and said and said[-1][0] == issued_year and \
            re.search(r"提出|明确|目标|力争|计划|部署", text[sent_start:said[-1][1]]):
        year = said[-1]                       # 该市提出,2025年,…达70.7%以上: this year's goals
    if year is None and said and (said[-1][0] == issued_year or issued_year is None and re.search(
            r"力争|控制在|确保|不低于|不少于|以下", text[sent_start:sent_end])) and re.match(r"20\d\d年[,，]", text[said[-1][1]:]) \
            and re.search(r"超|以上|达到|力争|确保|不少于|不低于|控制在", clause) and \
            not re.search(r"上半年|季度|[1-9一二三四五六七八九十]+月|以来", text[said[-1][1]:s]):
        year = said[-1]                       # a plan of the year: 2025年,新增城镇就业超20万人
    opened = re.search(r"(?:^|[。；;])[ \t]*(20\d\d)年[,，]", text[para_start:sent_start]) \
        if year is None and re.search(r"全年|年内", text[sent_start:s]) else None
    # (or the year the paragraph's plan sets its goals for: …方案》提出,2025年,…。培育…,打造1个…)
    opened = opened or (re.search(r"(?:提出|明确|要求)[,，:：]?\s*(20\d\d)年[,，]", text[para_start:sent_start])
                        if year is None and _GOAL_WORDS.search(text, sent_start, sent_end) else None)
    if opened and (issued_year is None or int(opened.group(1)) >= issued_year):
        # 2024年,保障…。全年腾出…1万吨标准煤以上: the year the paragraph opened on (not a past one)
        year = (int(opened.group(1)), para_start + opened.start(1))
    if year is None and said and dateless_plan and _GOAL_WORDS.search(text, sent_start, e) and \
            not DONE.search(text, sent_start, e):
        year = said[-1]      # an undated plan's 2025年新增…达到…以上, 全市2020年…新开工49个: its goal year
    if year is None and said and (issued_year is None or max(y for y, _ in said) <= issued_year) and \
            not (_in_spans(tasks, s) and text[said[-1][1] - 1] not in "，,。；;:：\n"):
        return None                           # a figure about a past year
        # (but in a task, 完工2024年9个续建项目 names what the year's projects are)
    in_goals = any(_GOAL_PART.search(x.title) for x in heads) or _in_spans(tasks, s) or \
        bool(_GOALS_LABEL.match(text, para_start)) or bool(titled) or bool(called) or \
        bool(this_year and this_year.group(1))                               # 主要指标:…
    goal_words = bool(_GOAL_WORDS.search(clause) or _PLANNED.match(text, sent_start)) or \
        note.startswith("a delivery time")
    if DONE.search(clause[:s - c_start]):
        goal_words = False        # 工程已完成30%以上进度: a report of what is done
    # a figure listed after another of the sentence shares its goal words (力争引进人才2名、企业100家)
    if not goal_words and prv >= 0 and starts[prv] >= sent_start and \
            re.fullmatch(r"[^。；;！？!?\n]*[和及与、][^。；;！？!?\n]*", text[candidates[prv][1]:s]):
        goal_words = bool(_GOAL_WORDS.search(text[sent_start:s]))
    # (and the first of such a list, with the rest's words: 更新电梯3000台、新增引水6亿立方米)
    if not goal_words and nxt < len(starts) and starts[nxt] < sent_end and \
            re.fullmatch(r"[^。；;！？!?\n，,]*[、和及与][^。；;！？!?\n，,]*", text[e:starts[nxt]]):
        goal_words = bool(_GOAL_WORDS.search(text, e, sent_end))
    # a project list's count paired with its investment later in the sentence (净水厂项目7个,
    # “十四五”计划投资118亿元; 重大水利工程6个,重点实施…,计划投资310亿元)
    if not goal_words and _COUNT.match(unit) and re.search(r"(?:项目|工程)$", clause[:s - c_start]) \
            and "计划投资" in text[e:sent_end]:
        goal_words = True
    if _LOOK_BACK.match(text, para_start):
        goal_words = False        # 一年来,…; 这十年,…: a paragraph of what past years brought
    if news and goal_words and year is None and not reported.FUTURE.search(text, sent_start, e) and \
            not (issued_year and any(int(y) > issued_year for y in
                                     re.findall(r"(20\d\d)年", text[para_start:sent_start]))):
        # (unless the paragraph looks ahead to a later year: 2020年与全国同步实现全面小康。…达到35000元)
        goal_words = False        # a news report's 实现营收132.5亿元, 超过70家: what was achieved
    titled_year = next((t for t in (TITLED_YEAR.search(x.title) for x in heads) if t), None)
    if year is None and titled_year:      # 二、2026年重点工作: the year the part's work is for
        year = (int(titled_year.group(1)), -1)
    if year is None and not heads and any(h.start > s and h.parent is None and TITLED_YEAR.search(h.title)
                                          for h in doc.headings):
        return None     # above a report's 二、2026年重点工作, unheaded: the review of the year before
    if year is None:
        for x in heads:       # the part's own opening words: “一、发展目标 到2026年,…”
            first = bisect.bisect_left(doc._starts, x.start) + 1
            intro_end = doc.headings[first].start if first < len(doc.headings) else x.end
            year = year_ahead(text, x.body, min(intro_end, s))
            if year:
                break
    if year is None and heads and heads[-1].parent is None:
        # a list of goals its paragraph opens (到2030年,地区生产总值… / (一)… / (二)…): the year
        # the paragraph before the list's first item names
        first = next(h for h in doc.headings if h.level == heads[-1].level and h.parent is None
                     and h.start <= heads[-1].start and not any(
                         0 < h.start - x.start < 3000 and x.level < h.level for x in doc.headings))
        lead = text.rfind("\n", 0, max(0, first.start - 1)) + 1
        year = year_ahead(text, lead, first.start)
        opens = None if year else LEAD_YEAR.search(text, lead, first.start)
        if opens:       # 2017年,区政府将努力为民办好十件实事: / 1.… / 2.…: the year the list is for
            year = (int(opens.group(1)), opens.start())
        in_goals = in_goals or year is not None
    flags = []
    if year is None:
        if not (in_goals or goal_words):
            return None
        if horizon is not None:
            year = (horizon, -1)
            flags.append(f"no year stated for this figure: set to the plan's horizon {horizon} "
                         "(assumed)")
        elif issued_year is not None:
            year = (issued_year, -1)
            flags.append(f"no year stated for this figure: set to the year of the document, "
                         f"{issued_year} (assumed)")
        else:
            year = (None, -1)
            flags.append("no year stated for this figure, and the document gives none: give "
                         "the year")
    elif not (in_goals or goal_words or year[1] >= sent_start or
              (0 <= year[1] - para_start <= 2 and text.startswith("到", year[1])) or
              # (a list parted by “;” in the sentence 到2025年 opens: …覆盖率100%;…覆盖率100%)
              (text.startswith("到", year[1]) and year[1] >= clause_start(text, s, "。！？!?\n"))):
        return None         # (到2035年,耕地…不少于…;生态保护红线面积29.64万平方千米: the paragraph's goals)
    sized = nxt < len(starts) and starts[nxt] < c_start + len(clause) and _COUNT.match(unit) \
        and not _COUNT.match(candidates[nxt][3])
    # the words about the size (超千亿元) say nothing of how many
    upto = re.sub(r"(?:超过|超|突破|逾|高于|大于|达到|达)+$", "", clause[:starts[nxt] - c_start]) \
        if sized else clause
    upto = upto[sized_by:]
    return record(doc, gaz, plan_id, s, e, value, unit, note, clause, c_start, upto, sized_by, year,
                  sent_start, flags)
