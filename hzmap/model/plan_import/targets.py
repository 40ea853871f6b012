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

from hzmap.model.dataset.comparators import clause_around, comparator_of
from hzmap.model.geo.gazetteer import Gazetteer

from . import places
from .draft import Passage, Record
from .text import FIVE_YEAR_PLAN_END, Document, cn_number, excerpt

_COUNTERS = ("个百分点|百分点|亿美元|万美元|美元|亿元|万元|元|万吨|吨|万人次|人次|万人|人|万名|名|万家|家|"
             "万个|个|万项|项|所|条|对|座|万平方米|平方米|平方公里|公顷|万亩|亩|位|倍|件|户|台|套|张|批|款|"
             "只|辆|架|艘|公里|万标箱|标箱|万千瓦|千瓦|%|％")
_FIGURE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?=万|亿))"
    r"(?P<mult>万亿|亿|万|千)?(?P<unit>" + _COUNTERS + r")?(?![\d级])")
_FRACTION = re.compile(r"([一二三四五六七八九十])分之([一二三四五六七八九十]+)")
_RANK = re.compile(r"前(\d+)(位|名)")
_DOUBLE_DIGIT = re.compile(r"两位数(?:以上)?增长")
_BARE_TRILLION = re.compile(r"(?<=[破超逾])万亿")
# a delivery time is a promise in itself: “国内1日达”, “2小时内送达”, “30分钟内即时送达”
_DELIVERY = re.compile(r"(\d+)\s*(日|天|小时|分钟)(?=内?(?:即时)?送?达)")
# a bracket right after a quoted name spells out that named goal: “123”快货物流圈(国内1日达、…)
_NAMED_GOAL = re.compile(r"”[^“”，。；、,;(（]{0,12}$")

_YEAR_AHEAD = re.compile(r"(?:到|至|截至|截止到?)(20\d\d)年|(20\d\d)年(?:底|末)?前|(20\d\d)年(?:底|末)")
_ANY_YEAR = re.compile(r"(19|20)\d\d年")
_FYP_RE = re.compile(r"“?(十[三四五六]五)”?(?:期间|末期?|时期)")
_GOAL_WORDS = re.compile(r"力争|达到|突破|超过|以上|不少于|不低于|实现|确保|新增|培育|引进|建成|保持")
_INSTRUMENT = re.compile(r"补助|补贴|奖励|资助|给予|减征|减免|贴息|最高不超过|授信|券")
_BACKGROUND = re.compile(r"(基础|形势|背景|机遇|挑战|现状|回顾|成效)$")
_GOAL_PART = re.compile(r"目标")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_LEAD_WORDS = re.compile(r"^(?:其中|力争|全市|全年|到|至|并|和|及|实现|确保|达到|累计)+")
_TAIL_WORDS = re.compile(r"(?:达到|达|突破|破|超过|超|逾|不少于|不低于|不超过|控制在|保持|实现|为|至|在|的)+$")


def _value(m: re.Match) -> tuple[float, str] | None:
    raw, mult, unit = m.group("num"), m.group("mult") or "", m.group("unit") or ""
    if raw.isdigit() or "." in raw:
        value = float(raw)
    else:
        value = _cn_amount(raw)
        if value is None:
            return None
    if unit in ("%", "％"):
        return value, "%"
    if not unit and mult not in ("亿", "万亿"):
        return None
    if mult == "万亿":
        return value * 10000, "亿" + (unit or "元")
    if mult == "千":
        return value * 1000, unit
    return value, mult + unit if unit else mult + "元"


def _cn_amount(raw: str) -> float | None:
    if raw == "百":
        return 100.0
    if raw == "千":
        return 1000.0
    n = cn_number(raw.replace("两", "二"))
    return float(n) if n else None


def _year_ahead(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(year, position) of the last year-ahead marker in text[start:end]."""
    found = None
    for m in _YEAR_AHEAD.finditer(text, start, end):
        found = (int(next(g for g in m.groups() if g)), m.start())
    for m in _FYP_RE.finditer(text, start, end):
        if found is None or m.start() > found[1]:
            found = (FIVE_YEAR_PLAN_END[m.group(1)], m.start())
    return found


def _indicator(clause: str, fig_start: int, fig_end: int) -> str:
    """What the figure measures: the noun after it (“培育50家示范企业”), else the words before
    it (“数字贸易额4300亿元”), without years, 全市/力争 and comparator words."""
    after = re.sub(r"^(?:以上|左右|以内|以下|上下|的)+", "", clause[fig_end:]).strip(" ,，")
    if len(after) >= 2:
        return after
    before = _YEAR_AHEAD.sub("", clause[:fig_start])
    return _TAIL_WORDS.sub("", _LEAD_WORDS.sub("", before.strip(" ,，:："))).strip()


def draft_targets(doc: Document, gaz: Gazetteer, plan_id: str, horizon: int | None,
                  issued_year: int | None) -> list[Record]:
    text = doc.text
    out: list[Record] = []
    seen: set[tuple] = set()
    candidates = []
    for m in _FIGURE.finditer(text):
        got = _value(m)
        if got:
            candidates.append((m.start(), m.end(), got[0], got[1], ""))
    for m in _FRACTION.finditer(text):
        a, b = cn_number(m.group(1)), cn_number(m.group(2))
        if a and b and b < a:
            candidates.append((m.start(), m.end(), round(100 * b / a, 1), "%",
                               f"{m.group(0)} read as {round(100 * b / a, 1)} %"))
    for m in _RANK.finditer(text):
        candidates.append((m.start(), m.end(), float(m.group(1)), "位",
                           f"a rank: {m.group(0)} means place {m.group(1)} or better"))
    for m in _DOUBLE_DIGIT.finditer(text):
        candidates.append((m.start(), m.end(), 10.0, "%", f"{m.group(0)} read as at least 10 %"))
    for m in _BARE_TRILLION.finditer(text):
        candidates.append((m.start(), m.end(), 10000.0, "亿元", f"{m.group(0)} read as 1万亿元"))
    for m in _DELIVERY.finditer(text):
        candidates.append((m.start(), m.end(), float(m.group(1)), m.group(2),
                           f"a delivery time: {m.group(0)} or sooner"))
    candidates.sort()
    # a figure inside a longer one (“5位” in “前5位”) is not a figure of its own
    candidates = _outermost(candidates)
    starts = [c[0] for c in candidates]
    order = {id(h): i for i, h in enumerate(doc.headings)}
    for s, e, value, unit, note in candidates:
        rec = _target(doc, gaz, plan_id, s, e, value, unit, note, horizon, issued_year,
                      starts, order)
        if rec is None:
            continue
        if not rec.data["indicator"]:
            # “…增加值到2025年破万亿,到2027年突破1.2万亿”: the subject is the earlier figure's
            para = doc.paragraph_at(s)
            prev = next((r for r in _same_paragraph(out, doc, para) if r.data["unit"] == unit), None)
            if prev is None:
                continue
            rec.data["indicator"] = prev.data["indicator"]
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


def _outermost(candidates: list) -> list:
    """The sorted candidates without those inside a longer one (same span: both kept), in one
    pass: sorted by start, then longest first, a candidate is inside an earlier one exactly when
    an earlier one ends after it, or ends with it and starts before it."""
    order = sorted(range(len(candidates)), key=lambda i: (candidates[i][0], -candidates[i][1]))
    inside, best_end, best_start = set(), -1, -1
    for i in order:
        start, end = candidates[i][0], candidates[i][1]
        if best_end > end or (best_end == end and best_start < start):
            inside.add(i)
        if end > best_end:
            best_end, best_start = end, start
    return [c for i, c in enumerate(candidates) if i not in inside]


def _same_paragraph(out: list, doc, para: tuple[int, int]):
    """The records drafted so far from paragraph `para`, the latest first (they are in text
    order: stop at the first from an earlier paragraph)."""
    for r in reversed(out):
        if r.passages[0].start < para[0]:
            return
        if doc.paragraph_at(r.passages[0].start) == para:
            yield r


def _any_start(starts: list, lo: int, hi: int) -> bool:
    """Whether a candidate starts in [lo, hi) (starts sorted)."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _clause(text: str, start: int, end: int) -> str:
    """clause_around within the paragraph (a clause never crosses a line break), so finding it
    costs the paragraph's length, not the text's."""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    return clause_around(text[p0:p1], start - p0, end - p0)


def _clause_end(text: str, end: int) -> int:
    m = re.compile(r"[，。；、,;：:\n（）()]").search(text, end)
    return m.start() if m else len(text)


def _inside_brackets(text: str, s: int) -> bool:
    """Whether the figure at `s` stands in brackets (an example or an aside), unless the
    bracket spells out a quoted goal just before it."""
    para_start = text.rfind("\n", 0, s) + 1
    depth = 0
    for i in range(s - 1, para_start - 1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            if depth == 0:
                return not _NAMED_GOAL.search(text, para_start, i)
            depth -= 1
    return False


def _target(doc, gaz, plan_id, s, e, value, unit, note, horizon, issued_year, starts, order):
    text = doc.text
    if s > 0 and text[s - 1] in "第第":
        return None
    if _inside_brackets(text, s):
        return None
    clause = _clause(text, s, e)
    c_start = text.rfind(clause, max(0, s - len(clause) - 1), e + len(clause)) if clause else s
    if c_start < 0:
        c_start = s
    # “A、B、C 2家以上”: the list before the figure belongs to it when it holds no figure itself
    while c_start > 0 and text[c_start - 1] == "、":
        prev = _clause(text, c_start - 1, c_start - 1)
        p_start = c_start - 1 - len(prev)
        if p_start < 0 or _any_start(starts, p_start, c_start):
            break
        c_start = p_start
    clause = text[c_start:_clause_end(text, e)]
    # only the last figure of a clause is a target; earlier ones qualify it
    if _any_start(starts, s + 1, c_start + len(clause)):
        return None
    heads = []
    h = doc.heading_at(s)
    while h is not None:
        heads.append(h)
        h = h.parent
    if any(_BACKGROUND.search(x.title.strip("。 ")) for x in heads):
        return None
    line = text.rfind("\n", 0, s)  # the sentence starts in the paragraph: look no further back
    sent_start = max(line, *(text.rfind(c, line + 1, s) for c in "。；;！？")) + 1
    sent_end_m = _SENTENCE_END.search(text, e)
    sent_end = sent_end_m.start() if sent_end_m else len(text)
    if _INSTRUMENT.search(text[sent_start:sent_end]):
        return None
    # the paragraph, but not past the start of the numbered part the figure is in
    para_start = max(text.rfind("\n", 0, s) + 1, heads[0].start if heads else 0)
    year = _year_ahead(text, sent_start, s) or _year_ahead(text, para_start, s)
    past = [int(m.group(0)[:4]) for m in _ANY_YEAR.finditer(text, sent_start, s)]
    if year is None and past and (issued_year is None or max(past) <= issued_year):
        return None                           # a figure about a past year
    in_goals = any(_GOAL_PART.search(x.title) for x in heads)
    goal_words = bool(_GOAL_WORDS.search(clause)) or note.startswith("a delivery time")
    if year is None:
        for x in heads:       # the part's own opening words: “一、发展目标 到2026年,…”
            first = order[id(x)] + 1
            intro_end = doc.headings[first].start if first < len(doc.headings) else x.end
            year = _year_ahead(text, x.body, min(intro_end, s))
            if year:
                break
    flags = []
    if year is None:
        if not (in_goals or goal_words) or horizon is None:
            return None
        year = (horizon, -1)
        flags.append(f"no year stated for this figure: set to the plan's horizon {horizon}")
    elif not (in_goals or goal_words or year[1] >= sent_start):
        return None
    comparator = comparator_of(clause)
    if note.startswith("a rank"):       # a place in a ranking: 前5位 is 5th or better
        comparator = "<="
    elif note.startswith("两位数"):      # double-digit growth: at least 10 %
        comparator = ">="
    elif note.startswith("a delivery time"):   # 1日达: within a day
        comparator = "<="
    fig_at = s - c_start
    if re.search(r"每年|年均", clause[:fig_at]):      # a yearly figure: 每年…5项, 年均增长6%
        unit += "/年"
    indicator = _indicator(clause, fig_at, fig_at + (e - s)) if clause else ""
    ex_start = year[1] if sent_start <= year[1] < c_start and c_start - year[1] < 60 else c_start
    ex = excerpt(text, ex_start, c_start + len(clause))
    where = places.map_hits(text, places.find(gaz, text, c_start, c_start + len(clause)))
    flags += [f"interpretation: {n}" for n in where.notes]
    passage = Passage(doc.section_at(s), ex, ex_start, c_start + len(clause))
    data = {"id": "", "indicator": indicator[:60], "value": int(value) if value == int(value)
            else value, "unit": unit, "year": year[0], "comparator": comparator,
            "districts": [d for d in where.districts if not where.places], "places": where.places}
    if note:
        data["note"] = note
    data["source"] = passage.source(plan_id)
    return Record("target", data, [passage], flags)
