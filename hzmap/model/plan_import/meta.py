"""The plan record: title, issuer and dates, only where the text states them.

Chinese policy documents announce themselves in a few fixed ways: a notice “X关于印发《T》的通知”
or “X印发《T》”, a title line (“杭州市…规划”, “关于…的实施意见” over two lines), a signature with
the date (“杭州市人民政府 2024年10月15日”, “二〇一八年六月”), a publication line (“公开日期:”)
and an entry-into-force clause (“自2024年5月24日起施行,有效期至2026年12月31日”).
"""
from __future__ import annotations

import datetime as dt
import re

from .draft import Passage, Record
from .units import LABELS
from .text import Document, cn_number, excerpt, five_year_plan_end

_DATE = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?")
# a page's date: labelled (发布时间:2022/4/22, a line 时间:2019-05-06 15:08), or a news page's
# date line before its source (2022-12-23      来源:…) or alone; traditional forms written as escapes
_ISO = re.compile(r"(?:公开日期|发布日期|发布时间|更新时间|\u767c布日期|\u767c布\u6642\u9593|发文日期|发文时间|成文日期)\s*[:：]\s*"
                  r"(?:[|｜]\s*)?"                     # a page table's cell: 公开日期: | 2023-07-28
                  r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
                  r"|^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:\s*\d{1,2}:\d\d(?::\d\d)?)?\s*[来\u4f86]源[:：]"
                  r"|^\s*(?:时间|日期)\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})"
                  # a news page's date line of its own: • 2019/12/31 13:28:41, 2022/09/28 编辑:…
                  r"|^\s*[•·]?\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
                  r"\s*(?:$|编辑|作者|点击|浏览|阅读)"
                  # or after the outlet's name, with its time: 澎湃新闻 2023-04-20 09:26
                  r"|^\s*[\u4e00-\u9fff]{2,12}[ \t]*(\d{4})-(\d{1,2})-(\d{1,2})[ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]*$", re.M)
_PUBLISHES = re.compile(r"(?:^|[,，。；;:：)）])(?:近日|日前)?[,，]?([\u4e00-\u9fff]{2,30}?(?:局|委员会|人民政府|"
                        r"办公厅|办公室|厅|委|政府))(?:近日|日前)?(?:正式|对外)?(?:发布|印发|公布|制定|出台)了?\s*(?:《[^》\n]*"
                        r"(?:规划|方案|计划|纲要|意见|指引)[^》\n]*》|(?:[^《》,，。\n]{4,60}?的)?通知)", re.M)
_JOINT = re.compile(r"(?:^|[,，。；;:：)）])(?:近日|日前)?[,，]?([\u4e00-\u9fff]{2,30}?)(?:等\d{1,2}个?部门)?"
                    r"(?:近日|日前)?联合([\u4e00-\u9fff、]{2,60}?)?(?:印发|发布|出台|制定)", re.M)
# (or 《T》由X正式公布, and a province or city as the body: 近日,江西省印发《…规划》)
# (or 由X印发的《T》)
_PUBLISHED_BY = re.compile(r"《[^》\n]{4,80}》由([\u4e00-\u9fff]{2,30}?)(?:正式)?(?:发布|公布|印发)|"
                           r"由([\u4e00-\u9fff]{2,30}?)(?:正式)?(?:发布|公布|印发)的《[^》\n]{4,80}》")
_REGION_PUBLISHES = re.compile(r"(?:^|[,，。；;:：])(?:近日|日前)?[,，]?([\u4e00-\u9fff]{2,8}?[省市])(?:正式)?"
                               r"(?:发布|印发|公布|出台)了?《[^》\n]*(?:规划|方案|计划|纲要|意见)[^》\n]*》", re.M)
# the period a plan's text states: 规划年限为2021-2035年, 规划期限:2024—2026年
_TERM = re.compile(r"规划(?:年限|期限)\s*(?:为|是|[:：])\s*(20\d\d)\s*年?\s*[-—–~至到]\s*(20\d\d)\s*年")
_MADE = re.compile(r"(?:成文日期|发文日期|生成日期)\s*[:：]?\s*[|｜]?\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_FYP_PLAN = re.compile(r"(?<!《)“?(十[一二三四五六]五)”?(?:期间|时期)的[\u4e00-\u9fff]{2,12}?规划(?![》\u4e00-\u9fff])")
_IN_FORCE = re.compile(r"自(20\d\d)年(\d{1,2})月(\d{1,2})日起(?:施行|实施|执行)[,，]?(?:有效期至(20\d\d)年(\d{1,2})月(\d{1,2})日)?")
_ORG = re.compile(r"(人民政府办公厅|人民政府|办公厅|办公室|委员会|管委会|海关|政府|市委|局|厅|部门|部|委|办)$")
# organisations written one after another (the spaces between them are gone after cleaning)
_ORG_RUN = re.compile(r".+?(?:人民政府办公厅|人民政府办公室|人民政府|委员会|管委会|海关|办公厅|办公室|市委|局|厅|部门|部|委|办)"
                      r"(?=[\u4e00-\u9fff]{2,3}[市省县区](?!委|政府)|中共|国务院|国家|中华|$)")
# a title of one year's work (2024年工作要点, 2023年重点工作任务分解): not a plan to a horizon
_ANNUAL = re.compile(r"工作(?:要点|任务|计划|安排|报告|清单)|重点工作|任务分解|责任分解|任务分工|责任分工|"
                     r"任务书|年度计划|民生实事")
_CN_DIGIT = dict(zip("〇零一二三四五六七八九", "0012345678 9".replace(" ", "")))


# a news report's date line without its year (央广网西安3月25日消息, 红网长沙8月29日讯)
_DAY_LINE = re.compile(r"(?<![\d年月])(\d{1,2})月(\d{1,2})日(?:电|讯|消息|上午|下午)")
# the year a congress's session plans for: its plan and budget drafts, or the work to be done
_SESSION_YEAR = re.compile(r"(20\d\d)年(?:国民经济和社会发展计划草案|[^，,。；;\n\d]{0,12}?预算草案|"
                           r"[,，][^。\n]{0,12}?(?:要|将|力争))")


def _date(y, m, d) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def _cn_date(m: re.Match) -> str | dt.date | None:
    year = "".join(_CN_DIGIT.get(c, "") for c in m.group(1))
    month = cn_number(m.group(2))
    if len(year) != 4 or not month:
        return None
    if m.group(3):
        return _date(year, month, cn_number(m.group(3)))
    return f"{year}-{month:02d}"


_PROVINCE_FIRST = re.compile(r"^(?:浙江|江苏|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|"
                             r"青海|河北|山西|辽宁|吉林|黑龙江|内蒙古|宁夏|新疆|西藏)(?![省区])(?=[\u4e00-\u9fff]{2,4}市)")


def _issuers(raw: str) -> str:
    raw = re.sub(r"^.*?(?:近日|日前|今天|今日)[,，]?", "", raw).strip()
    if re.match(LABELS + r"\s*[:：]", raw):
        return ""          # a measure's units (责任单位:…), not the issuing body
    raw = re.sub(r"^(?:(?:文件名称|名\s*称|发布机构|发文机关|发文单位)\s*[:：|｜]|附\s*件|标\s*题)\s*", "", raw)   # a page's table
    if re.search(r"[。，,:：《》！？!?]", raw):
        return ""          # a sentence, not bodies' names
    # (bodies joined by 联合/会同: 省商务厅联合成都海关、省政府口岸物流办)
    parts = [q for p in re.split(r"[\s、]+|联合|会同", raw) if p for q in (_ORG_RUN.findall(p) or [p])]
    if not parts or not all(_ORG.search(p) for p in parts):
        return ""
    # (a news lead's province before a city's body: 浙江嘉兴市人民政府 is 嘉兴市人民政府)
    return "、".join(_PROVINCE_FIRST.sub("", p) for p in parts)


def draft_plan_record(doc: Document, plan_id: str) -> tuple[Record, int | None, int | None]:
    """(the plan record, its horizon year, its issue year)."""
    text, lines = doc.text, doc.text.split("\n")
    flags: list[str] = []
    passages: list[Passage] = []

    def cite(start: int, end: int) -> None:
        passages.append(Passage(doc.section_at(start), excerpt(text, start, end), start, end))

    from . import header

    head = "\n".join(lines[:header.HEAD_LINES])
    title, named, at_line = header.title_of(lines, text)
    # (a page that opens on a part of the document: 二、2025年政府工作目标任务, its number no title's)
    title = re.sub(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\s*(?=\S{6})", "", title)
    issuer = _issuers(named) if named else ""
    about = re.match(r"^(.{2,30}?)关于", lines[at_line].strip()) if at_line >= 0 else None
    if not issuer and about:          # the title line's own issuer: X关于…的批复
        issuer = _issuers(about.group(1))
    if not issuer and at_line >= 0:   # a report's issuing body on its own line below the title
        for ln in lines[at_line + 1:at_line + 4]:
            issuer = _issuers(ln) if len(ln) <= 40 else ""
            if issuer:
                break
            if re.search(r"。\s*$|^\s*各[^\n]*[:：]\s*$|[、,，][^\n]*[:：]\s*$", ln):
                break                   # (not past the addressees or the text: 各街道: / 现将…。)
    if title:
        at = text.find(title[:12])
        if at >= 0:
            cite(at, at + len(title))
    else:
        flags.append("no title found: give the plan's title")
    if not issuer:
        sig = re.search(r"^(\S[^\n]{1,60}?)\s*(?:\n\s*)?[(（]?(?:20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)",
                        head, re.M)
        issuer = _issuers(sig.group(1)) if sig else ""
        if not issuer:                  # a page set on one line: …现印发给你们。 X人民政府 2021年10月11日
            inline = re.search(r"[。！]\s*([\u4e00-\u9fff]{2,30}?(?:人民政府|委员会|办公室|办公厅|管委会))\s*"
                               r"20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", head)
            issuer = _issuers(inline.group(1)) if inline else ""
        if issuer and sig:            # bodies that sign together, one a line above the date
            above = [ln.strip() for ln in head[:sig.start()].split("\n")[-4:] if ln.strip()]
            while above and len(above[-1]) <= 40 and _issuers(above[-1]) and \
                    _issuers(above[-1]) not in issuer:
                issuer = _issuers(above.pop()) + "、" + issuer
    if not issuer and title:
        # a title “X关于…的建议” names its issuer X, wherever the title was found
        about = re.match(r"^(.{2,30}?)关于", title)
        issuer = _issuers(about.group(1)) if about else ""
    if not issuer:
        # a report of its publication: 近日,浙江省湖州市自然资源和规划局发布《…规划(草案)》
        joint = _JOINT.search(head)         # X联合Y、Z印发; X等10部门联合印发
        pm = joint or _PUBLISHES.search(head) or _PUBLISHED_BY.search(head)
        issuer = _issuers("、".join(x for x in pm.groups() if x)) if pm else ""
        if pm is not None and pm.re is _PUBLISHES:
            # (the fuller name of the same body, told later: 浙江省政府近日发布 / 浙江省政府办公厅发布)
            issuer = max((x for x in (_issuers(m.group(1)) for m in _PUBLISHES.finditer(head))
                          if x.startswith(issuer)), key=len, default=issuer)
        if not issuer and pm is None:       # a province or a city that publishes it: 江西省印发《…》
            pm = _REGION_PUBLISHES.search(head)
            issuer = pm.group(1) if pm else ""
    if not issuer:
        # a page table's publishing body: 发布机构 区府办 公开范围 … (the office that posts it);
        # (run together with the next label once spaces are gone: 发布单位区府办发文日期…)
        pub = re.search(r"(?:发布机构|发布单位|发文机关|发文单位)\s*[:：]?[ \t|｜]*([\u4e00-\u9fff]{2,30}?)"
                        r"(?=公开|发文|发布|生成|成文|文号|备注|统一|索引|主题|[^\u4e00-\u9fff]|$)"
                        # the body's second name in brackets: 杭州市农业农村局(杭州市乡村振兴局)
                        r"([(（][\u4e00-\u9fff]{2,30}[)）])?", head, re.M)
        issuer = _issuers(pub.group(1)) if pub else ""
        if pub and not issuer and re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|县|区|市)", pub.group(1)):
            issuer = pub.group(1)       # a government the field names by its place: 发布机构 | 马屿镇
        if issuer and pub.group(2) and _ORG.search(pub.group(2)[1:-1]):
            issuer += pub.group(2)
    if not issuer:
        # a page's source label naming a body, not a paper or a site (内容来源:…度假区党工委)
        src = re.search(r"(?:内容|信息|文章)?来源\s*[:：]\s*([\u4e00-\u9fff]{2,30})", head)
        if src and _ORG.search(src.group(1)) and not re.search(r"[报网台社刊]", src.group(1)):
            issuer = _issuers(src.group(1))
    if not issuer:
        flags.append("no issuer found: give the issuing body")

    # dates
    issued = None
    own_date = re.search(r"(?:成文日期|发文日期)\s*[:：]", head)
    for dm in _DATE.finditer(head):
        before = text[max(0, dm.start() - 40):dm.start()]
        if "时间" in before[-6:] or "日期" in before[-6:]:
            continue
        if re.match(r"\s*(?:前|以前|之前|起|以后|后)", text[dm.end():dm.end() + 3]):
            continue       # a deadline in the notice (“于2023年1月15日前报送”), not its date
        if own_date and re.match(r"[,，]\s*[^\n]{4}", text[dm.end():dm.end() + 6]):
            continue       # the date of an event told (2019年1月26日,省委省政府印发了…) where
            #                the page's table dates the document itself (成文日期)
        issued = _date(*dm.groups())
        if issued:
            cite(max(0, dm.start() - 20), dm.end())
            break
    if issued is None:
        cm = _CN_DATE.search(head)
        if cm:
            issued = _cn_date(cm)
            cite(cm.start(), cm.end())
    if issued is None:
        # a page's table: the date the document was made (成文日期 2024-01-08), not published
        mm = _MADE.search(head)
        if mm and _date(*mm.groups()):
            issued = _date(*mm.groups())
            cite(mm.start(), mm.end())
    published = None
    im = _ISO.search(head)
    if im:
        published = _date(*(g for g in im.groups() if g is not None))
    in_force = None
    fm = _IN_FORCE.search(text)
    if fm:
        frm, to = _date(*fm.groups()[:3]), _date(*fm.groups()[3:]) if fm.group(4) else None
        if frm:
            in_force = {"from": frm, "to": to}
            cite(fm.start(), fm.end())
    if issued is None and published is not None:
        # a page that states no date of its own is dated by its publication
        issued = published
        cite(im.start(), im.end())
        flags.append(f"no date of issue in the text: the page's publication date {published} is "
                     "taken (assumed); check it")
    dl = _DAY_LINE.search(head[:200]) if issued is None else None
    years = [int(y) for y in _SESSION_YEAR.findall(head)] if dl else []
    if years and _date(max(years), dl.group(1), dl.group(2)):
        # a report dated by day alone (央广网西安3月25日消息): the year of the plan or budget its
        # session reviews (2025年预算草案), or of the work it says is to be done (2025年,…要…)
        issued = _date(max(years), dl.group(1), dl.group(2))
        cite(dl.start(), dl.end())
        flags.append(f"the report gives no year with its date: {max(years)} is the year it plans "
                     "for (assumed); check it")
    notes = [] if issued is not None else ["no date of issue found"]

    issue_year = (issued.year if isinstance(issued, dt.date) else int(issued[:4])) if issued \
        else None
    horizon = None
    reported_plan = _reported_plan(head)
    rng = re.search(r"(20\d\d)\s*年?\s*[-—–~至]\s*(20\d\d)\s*年", title)      # (2021年—2035年)
    if rng:
        horizon = int(rng.group(2))
    elif in_force and in_force["to"]:
        horizon = in_force["to"].year
    else:
        fyp = five_year_plan_end(title)
        ahead = [int(y) for y in re.findall(r"(?:到|至)(20\d\d)年", text)
                 if issue_year is None or int(y) >= issue_year]
        own_year = re.findall(r"((?:19|20)\d\d)年", title)   # “2019年工作要点”: the report's year
        own = int(own_year[0]) if len(set(own_year)) == 1 else None
        if own and _ANNUAL.search(title):
            horizon = fyp or own      # a year's work list: its yearless goals are that year's
        else:
            horizon = fyp or (max(ahead) if ahead else None) or own or reported_plan
    number = header.doc_number(head, title)
    if number:
        cite(number[1], number[1] + len(number[0]))
    plan_period = header.period(title)
    if plan_period is None and horizon and reported_plan == horizon:
        plan_period = f"{horizon - 4}-{horizon}"      # a report of the five-year plan it describes
    tm = _TERM.search(text) if plan_period is None else None
    if tm and int(tm.group(1)) <= int(tm.group(2)):
        plan_period = f"{tm.group(1)}-{tm.group(2)}"
        cite(tm.start(), tm.end())
    elif plan_period is None and in_force and in_force["to"]:
        plan_period = f"{in_force['from'].year}-{in_force['to'].year}"
    elif plan_period is None:
        # an untitled report of a plan it names by its five-year plan (“十二五”期间的杭州旅游规划)
        pm = _FYP_PLAN.search(text)
        if pm:
            plan_period = header.period(pm.group(1))
            cite(pm.start(), pm.end())
    old_names = bool(re.search(r"江干区|下城区", text)) or (issue_year or 2100) < 2021
    short = re.sub(r"^杭州市|[(（][^)）]*[)）]$", "", title)[:24]
    data = {"id": plan_id, "file": f"{plan_id}.txt", "short_name": short or plan_id,
            "short_name_en": "", "title": title or doc.name, "title_en": "",
            "issuer": issuer, "doc_number": number[0] if number else None,
            "period": plan_period, "issued": issued, "published": published, "in_force": in_force,
            "scope": "national" if title and "杭州" not in title and re.search(
                r"国务院|商务部|国家发展改革委|\d+部门", head) else "city",
            "district_names": "pre2021" if old_names else "current",
            "notes": f"Drafted by hzmap import-plan from {doc.name}."}
    notes.append("English title and short name to be written (until then the Chinese ones show)")
    return Record("plan", data, passages, flags, notes), horizon, issue_year


def _reported_plan(head: str) -> int | None:
    """The last year of the one five-year plan a page's opening reports (描绘了杭州“十四五”规划),
    or None when it reports none or several."""
    named = {m.group(1) for m in re.finditer(r"(?:描绘|审议|通过|发布|印发|编制|出台|提出)了?[^。，,]{0,8}?“?"
                                             r"(十[一二三四五六]五)”?规划", head)}
    return five_year_plan_end(named.pop()) if len(named) == 1 else None


def plan_id_for(title: str, year: int | None, taken: set[str]) -> str:
    """A dataset id from the title: pinyin initials of its first words and the year, e.g.
    杭州市推进数字贸易强市三年行动计划 -> tjszmy2024."""
    from pypinyin import Style, lazy_pinyin

    core = re.sub(r"^(杭州市|杭州|浙江省|中共杭州市委)", "", title)
    core = re.sub(r"[^\u4e00-\u9fff]", "", core)[:6]
    initials = "".join(p[0] for p in lazy_pinyin(core, style=Style.FIRST_LETTER) if p)
    base = re.sub(r"[^a-z0-9]", "", (initials or "plan").lower()) + (str(year) if year else "")
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}_{n}", n + 1
    return pid


_GOALS_YEAR = re.compile(r"(20\d\d)\s*年[^。；;！!？?\n，,]{0,12}(?:目标|工作的?(?:重点|任务)|"
                         r"(?:[\d一二三四五六七八九十]+[件项])?(?:重点)?(?:民生|为民办?)实事)"
                         # its opening sentence says what the year will bring (…确定了2024年将筹措…)
                         r"|^[^\n]{0,200}?(?<![到至\d])(20\d\d)\s*年(?:将|要|计划)"
                         # a year's figures, then called its goals (2023年,…增长6%……这些预期目标)
                         r"|(?:^|[。\n])\s*(20\d\d)\s*年[,，][^。\n]{0,200}?(?:这些|上述|以上)(?:预期)?目标"
                         # a year's work points open on their year (2023年是…关键之年)
                         r"|(?:^|[。\n])\s*(20\d\d)\s*年是[^。！!？?\n]{0,120}之年"
                         # a progress report names the part of the year it covers (2025年一季度)
                         r"|(20\d\d)\s*年(?:[一二三四1-4]季度|上半年|前三季度|1\s*[-—～~至]\s*\d{1,2}月)")


def goals_year(text: str) -> int | None:
    """The year a dateless report gives its goals (桐庐在2024年还有很多大目标, 2023年是…之年, or a
    task table's progress in 2025年一季度), or None."""
    m = _GOALS_YEAR.search(text[:3000])
    return int(next(g for g in m.groups() if g)) if m else None
