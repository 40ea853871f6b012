"""What a target's figure measures and the year it is for, as a clause of a plan words them:
the noun after the figure or the words before it (数字贸易额4300亿元), the clause before it
(…地区生产总值实现翻番,达到178亿元), a year ahead (到2025年, 2027年底前, “十四五”期末). Shared by
the target reader (targets.py)."""
from __future__ import annotations

import re

from hzmap.model.dataset.comparators import clause_span

from .text import FIVE_YEAR_PLAN_END, clause_start

YEAR_AHEAD = re.compile(r"(?:到|至|截至|截止到?|力争|争取|确保)(20\d\d)年|(20\d\d)年(?:底|末)?前|(20\d\d)年(?:底|末)")
_FYP_RE = re.compile(r"“?(十[三四五六]五)”?(?:期间|末期?|时期)")
LEAD_WORDS = re.compile(r"^(?:其中|力争|全市|全年|到|至|并|和|及|实现|确保|达到|累计)+")
_TAIL_WORDS = re.compile(r"(?:达到|达|突破|破|超过|超|逾|不少于|不低于|不超过|控制在|保持|实现|为|至|在|的)+$")

# a figure changed to another (由7%降至6%): the first is where it stands; a policy's figure
CHANGE_TO = re.compile(r"[、，,]?(?:\d+(?:\.\d+)?[^\d，,。；;]{0,4})?(?:降至|降到|下降到|减少到|减至|提高到|提高至|提升到|"
                        r"提升至|增加到|增至|增加至|扩大到|扩大至|缩小到|缩小至|调整为|调整到)")
FROM = re.compile(r"由[^，,。；;]{0,20}$")
RAISED_TO = re.compile(r"(?:降至|降到|提高到|提高至|提升到|提升至|增加到|增至|扩大到|统一提高到)$")
POLICY_AFTER = re.compile(r"(?:政策|意见|措施|举措|规定|新政)")
POLICY_BEFORE = re.compile(r"(?:落实|贯彻|执行|兑现)[^，,。；;、]{0,10}$")


def year_ahead(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(year, position) of the last year-ahead marker in text[start:end], looked for in its last
    8,000 characters: a page run together into one paragraph is not read whole for each of its
    figures (a marker further back than that is no longer the figure's)."""
    found = None
    start = max(start, end - 8000)
    for m in YEAR_AHEAD.finditer(text, start, end):
        found = (int(next(g for g in m.groups() if g)), m.start())
    for m in _FYP_RE.finditer(text, start, end):
        if found is None or m.start() > found[1]:
            found = (FIVE_YEAR_PLAN_END[m.group(1)], m.start())
    return found


# a year the figure's own clause says it is reached in: 高新技术企业2024年突破3.5万家、2025年突破3.8万家
_REACHED_IN = re.compile(r"(20\d\d)年(?:底|末)?(?:力争|要|将)?(?:突破|达到|超过|增长|提高到|提升到|增至|增加到|规划为|目标为)")


def year_reached(text: str, start: int, end: int, issued: int | None) -> tuple[int, int] | None:
    """(year, position) of the last year in text[start:end] a goal verb follows, not before the
    document's year."""
    found = None
    for m in _REACHED_IN.finditer(text, start, end):
        if issued is None or int(m.group(1)) >= issued:
            found = (int(m.group(1)), m.start())
    return found


def indicator(clause: str, fig_start: int, fig_end: int) -> str:
    """What the figure measures: the noun after it (“培育50家示范企业”), else the words before
    it (“数字贸易额4300亿元”), without years, 全市/力争 and comparator words."""
    after = re.sub(r"^(?:以上|左右|以内|以下|上下|的)+", "", clause[fig_end:]).strip(" ,，")
    if len(after) >= 2:
        return after
    before = YEAR_AHEAD.sub("", clause[:fig_start])
    return _TAIL_WORDS.sub("", LEAD_WORDS.sub("", before.strip(" ,，:："))).strip()


def subject_before(text: str, sent: int, s: int) -> str:
    """The clause before the figure's, when it names what the figure measures and no figure
    (…地区生产总值实现翻番, before 达到178亿元), without its year and verbs; else ""."""
    left, _ = clause_span(text, s, s + 1)
    prev = clause_start(text, max(sent, left - 1), "，,；;。\n")
    words = re.sub(r"^(?:到|至)?20\d\d年(?:底|末)?|(?:实现翻番|翻番|实现|保持|稳步|持续)+$", "",
                   text[max(sent, prev):max(sent, left - 1)].strip(" ,，"))
    return LEAD_WORDS.sub("", words) if 2 <= len(words) <= 24 and not re.search(r"\d", words) else ""


# the line that opens a list on the year it is for and what is to be done (2017年,区政府将…:)
LEAD_YEAR = re.compile(r"(20\d\d)年[,，][^。\n]{0,40}?(?:将|要|计划)[^。\n]{0,40}?[:：]\s*$", re.M)
# a part titled as a year's work or goals (二、2026年重点工作, (一)2025年主要目标)
TITLED_YEAR = re.compile(r"(20\d\d)年(?:度|的)?(?:重点工作|主要目标|主要预期目标|预期目标|工作目标|目标任务|"
                         r"主要任务|工作安排|工作重点|重点任务)")
# what is already done or reached (已完成, 已达106万): a report of it, no goal
DONE = re.compile(r"已经?(?:完成|实现|达到|达|建成|突破)")


# a line that brings a list of goals (发展目标当中包含了多个指标性的要求:), the paragraphs below it
_GOALS_LEAD = re.compile(r"(?m)^[^\n。]{0,40}(?:目标|指标|要求)[^\n。]{0,12}[:：][ \t]*$")
LEAD_BACK = 600  # how far above its list a lead line and the year before it are looked for


def lead_year(text: str, para_start: int) -> tuple[int, int] | None:
    """(year, position) of a list of goals whose lead line stands at most LEAD_BACK characters
    above the paragraph at `para_start`: the year ahead in that line or in the paragraph above it
    (《决定》提出,到2025年,… / 发展目标当中包含了多个指标性的要求: / 实现…突破1万亿元,…)."""
    lead = None
    for lead in _GOALS_LEAD.finditer(text, max(0, para_start - LEAD_BACK), para_start):
        pass
    if lead is None or year_ahead(text, lead.end(), para_start):
        return None
    above = text.rfind("\n", 0, max(0, lead.start() - 1)) + 1      # the paragraph above the lead line
    return year_ahead(text, max(above, lead.start() - LEAD_BACK), lead.end())
