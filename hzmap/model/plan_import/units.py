"""Lists of responsible units, read the ways Chinese policy documents write them.

- labelled: “责任单位:A、B”, “牵头单位:A;配合单位:B”;
- by verb: “A牵头,B、C配合”, “A、B牵头负责”, “A、B按职责分工负责”, “A、B配合落实” (partners only);
- unlabelled, the lead before the first comma (“A,B、C、D”: a common layout of task tables, and
  what “列逗号之前的为牵头单位” states) or else listed first (“列第一位的为牵头单位”).
Governments of several districts written once (“萧山区、余杭区政府”) are one government each.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# 责任单位, 牵头部门, 配合单位, 协办单位 …: a list's label names a unit or a department
LABELS = r"(?:(?:责任|牵头|主责|配合|参与|实施|协办|协作|主办|协同)(?:责任)?(?:单位|部门))"
LEAD_LABELS = r"(?:(?:牵头|主责|主办)(?:责任)?(?:单位|部门))"       # (牵头责任单位: 滁州)
# the officials a task is given to, named before its units (责任领导:杜新国、丁玲;牵头单位:…):
# people, not units
PEOPLE = r"(?:(?:责任|牵头|分管|联系|包保|挂点|主要)?领导[:：][^;；()（）\n]*[;；]\s*)"
_UNIT_END = re.compile(r"(局|委|办|厅|部|院|会|署|站|海关|行|司|集团|公司|中心|政府|管委会|委员会|"
                       r"办公室|资本|法院|检察院|分行|支行|团|所|处|队|单位|小组|"
                       # the people's organisations: 妇联, 残联, 侨联, 文联, 科协, 工商联
                       r"[妇残侨文]联|工商联|科协|供销社|联社|报社|部门|办事处)$")
# “列第一位的为牵头单位”, “列第一位者为牵头或汇总单位”, “排在首位的为牵头单位”
FIRST_IS_LEAD = re.compile(r"(?:(?:列|排)在?)?(?:第一位?|首位)(?:的|者)?(?:单位)?为牵头(?:或[\u4e00-\u9fff]{2})?单位")
# the rule written in a bracket after a list's last unit: “…、石碶街道(列第一位者为牵头单位,下同)”
_RULE_NOTE = re.compile(r"[(（]([^()（）]*(?:为牵头|下同)[^()（）]*)[)）]")    # (or after the first: 县发改局(首位单位为牵头单位,下同)、…)
_COMMA_IS_LEAD = re.compile(r"(?:列)?逗号(?:之|以)?前的?为牵头单位")
_LEAD_VERB = re.compile(r"(?:分别|共同)?(?:牵头负责|牵头落实|牵头实施|牵头|主办)$")     # (A、B分别牵头: each leads its part)
_BY = re.compile(r"^由(?=[\u4e00-\u9fff]{2,}(?:牵头|负责))")        # (由科技局牵头实施)
_PARTNER_VERB = re.compile(r"(?:配合落实|配合实施|共同配合|配合|参与|协同|协助|协办)$")
_DUTY = re.compile(r"(?:按职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分别负责|负责落实|负责|落实|等)$")
# “区水务局等部门”: the kind of units the list stands for, after its last unit
_KIND_TAIL = re.compile(r"(?<=.{3})等(?:[市区县省]级|其他)?(?:部门|单位|相关部门|有关部门|相关单位|有关单位)$")
# words a cell adds after its units: a rule stated once (下同), or a sentence about other tasks
_TAIL = re.compile(r"[。.].*$|[,，;；]?下同$")


@dataclass
class Units:
    lead: str = ""
    units: list[str] = field(default_factory=list)     # the lead first
    how: str = ""          # labelled | verb | comma | first | partners
    notes: list[str] = field(default_factory=list)


# the marks a table sets before the unit that leads: *区投促局, ▲发改局
_MARK_CHARS = "*＊▲●◆■★"
_LEAD_MARKS = tuple(_MARK_CHARS)
# a lead marked after its name: 区发改局(牵头)
_MARK = r"\s*[(（]牵头[)）]"
_MARKED_LEAD = re.compile(_MARK + "$")


def _plain(text: str) -> str:
    """A list without its rule note (…(列第一位者为牵头单位,下同)) and the officials named before its
    units (责任领导:…;), its labelled groups apart where the page lost the spaces between them
    (牵头单位:市商务局  责任单位:… read as 市商务局责任单位:…): a label starts a group of its own."""
    text = re.sub(PEOPLE, "", _RULE_NOTE.sub("", text.strip()))
    return re.sub(rf"(?<=[^、,，;；:：(（\s])(?={LABELS}[:：])", "；", text)


def whole_name(tok: str) -> bool:
    """Whether a unit's name ends as names do (a page cut off mid-name, 省发展改, does not)."""
    other = re.search(r"[(（]([^()（）]+)[)）]$", tok)     # (省数据局(省营商局): its other name whole)
    return bool(_UNIT_END.search(tok) or re.search(r"(街道|镇|乡|区|县|市|专班|部门|分局)$", tok)) or \
        bool(other and _UNIT_END.search(other.group(1)))


def unit_like(tok: str) -> bool:
    tok = re.sub(r"[(（][^()（）]{1,20}[)）]$", "", tok)      # 发改局(服务业发展局): the name before it
    return bool(_UNIT_END.search(tok)) or (
        len(tok) >= 4 and tok.startswith(("市", "省", "国家", "中国", "杭州", "各区")))


_STAR_THEN_ALL = re.compile(r"(局|委|办|院|中心|政府|管委会|委员会|办公室|各[\u4e00-\u9fff]{1,4}?)\s*(?=各[\u4e00-\u9fff])")


_MASK = str.maketrans({"、": "\x00", ",": "\x01", "，": "\x02", ";": "\x03", "；": "\x04"})
_UNMASK = {ord(v): k for k, v in _MASK.items()}


_OFFICIAL = re.compile(r"(?:省长|市长|区长|县长|州长|镇长|秘书长|书记|领导)$")


def split_units(text: str) -> list[str]:
    """The units of a list, in order, without labels and duty words."""
    text = FIRST_IS_LEAD.sub("", _COMMA_IS_LEAD.sub("", _plain(text)))
    text = _TAIL.sub("", text.strip())
    # (a list inside a name's brackets is the name's, 各县(市、区)政府; and 各区、县(市) is one)
    keep = re.sub(r"[(（][^()（）]{1,20}[)）]", lambda m: m.group(0).translate(_MASK), text)
    keep = keep.replace("各区、县(市)", "各区\x00县(市)").replace("各区、县（市）", "各区\x00县（市）")
    # (各县、市、区政府: each government of those kinds, one unit)
    keep = re.sub(r"各[县市区乡镇](?:、[县市区乡镇]){1,3}(?=(?:人民)?政府)", lambda m: m.group(0).translate(_MASK), keep)
    out: list[str] = []
    # a repost's cell “*区投促局 各镇街 各平台” (its spaces lost): the lead starred, and 各…
    # after a unit's name begins the next unit
    if keep.startswith(_LEAD_MARKS):        # (市政府各直属单位 elsewhere is one unit)
        keep = _STAR_THEN_ALL.sub(r"\1、", keep.lstrip(_MARK_CHARS + " "))
    for tok in re.split(r"[、,，;；]", keep):
        tok = tok.translate(_UNMASK)
        tok = re.sub(rf"^{LABELS}[:：]", "", tok.strip()).lstrip(_MARK_CHARS + " ")
        if re.search(r"[(（][^()（）]*$", tok):
            continue            # a name the page cuts inside its brackets (各镇乡(): no unit
        tok = _DUTY.sub("", _PARTNER_VERB.sub("", _LEAD_VERB.sub("", _DUTY.sub("", _BY.sub("", tok))))).strip()
        tok = _MARKED_LEAD.sub("", _KIND_TAIL.sub("", tok))
        if len(tok) > 1 and not _OFFICIAL.search(tok):   # (a lone 区 or 市 is a list cut short;
            out.append(tok)                                 # 分管副省长 a leader, not a unit)
    for i in range(len(out) - 1, 0, -1):   # “萧山区、余杭区、钱塘区政府”: one government each
        suffix = next((s for s in ("人民政府", "政府", "管委会") if out[i].endswith(s)), None)
        if not suffix:
            continue
        j = i - 1
        while j >= 0 and re.fullmatch(r"[\u4e00-\u9fff]{1,4}[区县市]", out[j]):
            out[j] += suffix
            j -= 1
    return out


# a task's labelled field other than its units, on a line of its own or run on after them
# (责任单位:莲塘镇任务目标:2024年计划…)
FIELD = re.compile(r"\s*(?:任务目标|工作目标|目标任务|建设内容|主要内容|实施内容|完成时限|完成时间|时间节点|"
                   r"进展情况|完成情况)\s*[:：]")


def read_units(text: str, first_is_lead: bool = False) -> Units:
    """The lead and all units of one list (the text inside a bracket, or a table cell)."""
    first_is_lead = first_is_lead or bool(FIRST_IS_LEAD.search(text))
    field = FIELD.search(text)
    text = text[:field.start()] if field else text
    text = _TAIL.sub("", _plain(text))
    starred = re.search(r"(?:^|[、,，;；:：\s])[" + _MARK_CHARS + r"]\s*", text)
    if starred:                 # 财政局,▲税务局: the unit the mark stands before leads
        units = split_units(text)
        lead = next((u for u in units if text.startswith(u, starred.end())), units[0] if units else "")
        return Units(lead, _lead_first(lead, units), "marked")
    marked = re.search(r"([^、,，;；:：]+?)" + _MARK, text)
    if marked and split_units(marked.group(1)):     # 区发改局(牵头): that unit leads
        lead = split_units(marked.group(1))[-1]
        return Units(lead, _lead_first(lead, split_units(text)), "marked")
    labelled = re.search(LEAD_LABELS + r"[:：]([^;；,，、]+)", text)
    if labelled:
        units = split_units(text)
        lead = split_units(labelled.group(1))[0] if split_units(labelled.group(1)) else ""
        return Units(lead, _lead_first(lead, units), "labelled")
    groups = [g for g in re.split(r"[,，;；]", text.replace("各区、县", "各区\x01县")) if g.strip()]
    groups = [g.replace("\x01", "、") for g in groups]
    leads = [u for g in groups if _LEAD_VERB.search(_DUTY.sub("", g.strip()))
             for u in split_units(g)]
    partners = [u for g in groups if _PARTNER_VERB.search(g.strip()) for u in split_units(g)]
    units = split_units(text)
    if leads:
        return Units(leads[0], _lead_first(leads[0], units), "verb")
    if partners and len(partners) == len(units):
        return Units("", units, "partners",
                     ["only supporting units (配合) are named: the lead is another body"])
    if not units:
        return Units()
    if len(groups) > 1 and not first_is_lead:
        first = split_units(groups[0])
        if len(first) == 1:
            return Units(first[0], units, "comma")
    return Units(units[0], units, "first")


def _lead_first(lead: str, units: list[str]) -> list[str]:
    return ([lead] if lead else []) + [u for u in units if u != lead]
