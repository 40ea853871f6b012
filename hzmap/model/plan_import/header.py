"""A document's head: its title, issuing bodies, 文号 and period, as Chinese policy documents and
the pages that carry them state them.

A document announces itself in a few fixed ways, tried in this order:
- a notice “X关于印发《T》的通知” or “X关于印发T的通知” (X the issuer, T the plan);
- a title line ending in a document kind (…规划, …实施意见, …报告), possibly over two lines and
  with its years or draft status below, and “X 关于…的意见” (X the issuer);
- a news headline naming the plan: “T公示/发布/出台” (T ending in a document kind);
- a plan's preamble “T,根据《…》制定”;
- the first 《T》 whose T ends in a document kind;
- the page's headline: the first line that is neither navigation (“当前位置:首页 > …”), nor a
  site name, nor metadata (发布时间, 来源, 浏览次数).
The 文号 is the first “杭政办函〔2024〕12号” of the head that does not cite another document, the
period the year range of the title (2024—2026年) or its five-year plan (“十四五”: 2021-2025).
"""
from __future__ import annotations

import re

from .text import five_year_plan_end

# (…目标执行情况, …进展情况: a report of progress on a document's tasks)
KINDS = r"(?:规划|计划|方案|意见|指引|(?<=的)复?函|(?<=的)答复|举措|措施|办法|纲要|政策|决定|条例|细则|通知|规定|要点|报告|清单|建议|(?<=的)批复|" \
        r"(?:分解|分工|任务|责任|清单|一览)表|(?:执行|进展|完成|落实|推进)情况表?|(?:责任|任务)(?:分工|分解))"
HEAD_LINES = 40
# a page table's label of the document's name, its value after it or on the next line
_NAME_LABEL = re.compile(r"^[\s•·●]*(?:文件名称|文件标题|公文标题|标\s*题)\s*[:：]\s*([^\n]*)$")
_NOTICE = re.compile(r"(?:^|[,，。\s】])([^,，。《》\n【】]{2,60}?)(?:关于)?印发《([^》\n]{4,80})》")
# (the issuer may be left to the signature, and a page may space the last word: 的通 知)
_NOTICE_BARE = re.compile(r"(?:^|[,，。\s】])([^,，。《》\n【】]{2,60}?|)关于(?:印发|下达)([^《》\n]{4,80}?)的通\s*知")
# (现将《T》印发, or 《T》已经区政府同意,现印发给你们)
_NOTICE_HEADLINE = re.compile(r"^([^,，。《》\s]{2,20}?)印发([^《》，,。\s]{4,80}?)的?通\s*知$")
# (two printed together, 《A》和《B》已经…现印发给你们: the first)
_PRINTED = re.compile(r"现将《([^》]{4,80})》印\s*发|^《([^》]{4,80})》(?:[和及、]?《[^》\n]{4,80}》)*"
                      r"(?:已经|已|经)[^。\n]{0,60}?现(?:予)?印\s*发|(?<=确定了)《([^》]{4,80})》[,，]?\s*现(?:予)?印\s*发",
                      re.M)
_TITLE_LINE = re.compile(r"^[^。，,:：!！?？]{4,60}" + KINDS + r"(?:[(（][^)）]{2,20}[)）])?$")
_ABOUT = re.compile(r"^(.{2,60}?)\s*(关于[^。，,]{4,60}" + KINDS + r")$")
_RANGE_LINE = re.compile(r"^[(（]\s*(20\d\d)\s*[-—–~至]+\s*(20\d\d)\s*年?\s*[)）]$")
_HEADLINE_NEWS = (r"(?:（草案）|\(草案\))?(?:公示|发布|出台|出炉|印发|获批|正式实施|正式发布|批后公布|批后公示|"
            r"(?:公开)?征求意见)")
_HEADLINE_PLAN = re.compile(r"(?:^|[)）】\]!！?？:：，,])\s*([^，,。:：!！?？()（）]{4,50}?" + KINDS +
                            r"(?:[(（][^)）]{2,20}[)）])?)" + _HEADLINE_NEWS)
# (the whole headline, brackets inside the name too: 鄞州区12个乡镇(街道)级…规划(2021-2035年)批后公布)
_WHOLE_HEADLINE = re.compile(r"([^，,。:：!！?？]{4,60}?" + KINDS + r"(?:[(（][^)）]{2,20}[)）])?)" + _HEADLINE_NEWS + "$")
# a plan's preamble opens with its title and the documents it follows: …规划纲要,根据《…建议》制定
_PREAMBLE = re.compile(r"^([^，,。；;:：《》]{4,60}?" + KINDS + r")[,，]\s*(?:根据|依据|按照|遵照)《")
_QUOTED_PLAN = re.compile(r"《([^《》\n]{4,80}?" + KINDS + r"(?:[(（][^)）]{2,20}[)）]){0,2})》")
# what a notice's 《T》 is followed by when it prints a document about T (its breakdown)
_AFTER_QUOTE = re.compile(r"([^《》\n，,。；;:：]{2,30}?)的?通知")
# a title line with a 《…》 inside: no sentence punctuation, a few words around the quote
# (but 《T》通过专家评审, 《T》正式发布: the news of T, whose title is T; 《T》全文: T itself)
_NEWS_OF = re.compile(r"(?:全文|原文|通过|获批|出炉|发布|公示|印发|出台|正式|亮相|解读|编制完成)")
# a news headline's praise before a plan's name (备受瞩目的之江文化产业带建设规划)
# a table's or a figure's caption (表1…一览表, 附表2…), not the document's title
_CAPTION = re.compile(r"(?:附?表|图)\s*\d")
_PRAISE = re.compile(r"^(?:备受瞩目|万众瞩目|备受关注|备受期待|全新|新版|新一轮)的?")
_GENERIC_NAME = re.compile(r"(?:[一二三四五六七八九十\d]+年)?(?:行动|工作|实施)?(?:计划|方案|规划|要点|意见)")   # whose?
_QUOTE_IN_TITLE = re.compile(r"^[^。，,；;:：!！?？《》]{0,30}《[^《》]+》[^。，,；;:：!！?？《》]{2,30}$")
_NAV = re.compile(r">|＞|当前位置|您的位置|位置[:：]|首页|主页")
_META = re.compile(r"发布时间|发布日期|来源[:：]|浏览|点击|字号|打印|分享|责任编辑|阅读|作者[:：]|索\s*引\s*号|公开方式|"
                   r"发布机构|主题分类|成文日期|供图|图片来源|摄影|"
                   r"^第?[A-Z]?\d{1,5}版[:：]?|"   # a newspaper's page: 第A2版:要闻, 00004版:要闻
                   r"^时间[:：]|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^[\d\s:：/\-.]+$")
_SITE_TAIL = re.compile(r"^(.+?)\s*[-_|｜]\s*[^-_|｜]{1,20}$")
_SITE = re.compile(r"(网|报|论坛|频道|馆|数字报纸|新闻网站|官网|在线)$")
# (its issuer's short name never holds 的 or 知: …责任单位的通知豫政〔2023〕5号 run together is 豫政〔2023〕5号)
DOC_NUMBER = re.compile(r"((?:(?![的知])[\u4e00-\u9fff]){1,10}[〔\[［(（【]\s*((?:19|20)\d\d)\s*[〕\]］)）】]\s*\d{1,4}\s*号)")
_YEARS = re.compile(r"((?:19|20)\d\d)\s*[-—–~至]+\s*((?:19|20)\d\d)\s*(?:年|(?=[)）]))")   # (2018-2020年), (2018-2020)
# a numbered part's line (“3、积极争取政策”), never the document's title
_NUMBERED = re.compile(r"^(?:0\d(?=[\u4e00-\u9fff])|\d{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_BRACKETED = re.compile(r"^(?:[【\[［][^】\]］]{1,12}[】\]］]|[(（][\u4e00-\u9fff]{2,6}(?:省|自治区|市)[)）])")


def _printed(text: str) -> str:
    m = _PRINTED.search(text)
    return (m.group(1) or m.group(2) or m.group(3)) if m else ""


def _published_in_full(short: str, head: str) -> str:
    """The 《T》 the page says was published (发布《T》) that a short title abbreviates (its
    characters run through T in order: 深圳十四五规划, 深圳市…第十四个五年规划…纲要), or ""."""
    for m in re.finditer(r"(?:发布|印发|公布|出台)了?《([^《》\n]{8,80})》", head):
        it = iter(m.group(1))       # (one iterator: the characters in order)
        if len(m.group(1)) > len(short) + 4 and all(c in it for c in re.sub(r"\s", "", short)):
            return m.group(1)
    return ""


def _squashed(title: str) -> str:
    """A title without spaces and quotes, as a line set inside it reads (《》 or 〈〉 or <>)."""
    return re.sub(r"[\s《》〈〉<>]", "", title)


def _same_words(a: str, b: str) -> bool:
    """Whether two titles are one written two ways (区2024年… and 2024年区…, with or without 的)."""
    a, b = (re.sub(r"[\s的《》]", "", x) for x in (a, b))
    return a == b or sorted(a) == sorted(b)


def _clean_line(line: str) -> str:
    # (without a table cell's bars, …任务分解 |; a page table's 附件 or 标题 label before it; a speech's
    # occasion and speaker after it: 政府工作报告 (2019年1月21日在…会议上) 杭州市人民政府市长 徐立毅)
    line = re.sub(r"^(?:附\s*件(?:\s*\d{1,2}\s*[:：]|\s*[:：])?|标\s*题\s*[:：]?)\s*(?=\S{6})", "",
                  _BRACKETED.sub("", line.strip(" \t|｜")).strip(" \t|｜"))
    # (and a site's mark that the page gives it whole: …政府工作报告(全文))
    line = re.sub(r"\s*[(（](?:全文|附全文|图文|全文发布|(?:重点|主要|部分)?(?:部分|摘要|摘编|节选|要点)|重点)[)）]$", "", line)
    return re.sub(r"\s*[(（]\s*(?:19|20)\d\d\s*年[^()（）]{2,12}日\s*在[^()（）]{4,40}[)）].*$", "", line)


def _notice(lines: list[str]) -> tuple[str, str, int] | None:
    """(plan, issuer, line) of “X(关于)印发《T》” or “X关于印发T的通知” in the head: the notice's own
    title line (X关于印发 / 《T》的通知) over a news lead that tells of it (9月14日,X印发《T》)."""
    told = None
    for i, ln in enumerate(lines):
        ln = _clean_line(ln)
        if _NAV.search(ln):
            continue
        k = i + 1
        if ln.endswith("印发") and k < len(lines) and _clean_line(lines[k]).startswith("《"):
            ln, k = ln + _clean_line(lines[k]), k + 1
        while "印发《" in ln and "》" not in ln[ln.index("印发《"):] and k < min(len(lines), i + 7):
            ln += _clean_line(lines[k])    # a notice's title set over lines (…若干 / 政策措施〉实施方案》的通知)
            k += 1
        m = _NOTICE.search(ln) or _NOTICE_BARE.search(ln)
        if m:
            plan = m.group(2).strip()
            more = _AFTER_QUOTE.match(ln, m.end()) if m.re is _NOTICE else None
            if more:     # 印发《政府工作报告》重点工作任务分工的通知: the breakdown of the report
                plan = f"《{plan}》{more.group(1)}"
            if m.start(1) > 0 and "关于" not in m.group(0) and told is None:
                told = (plan, m.group(1).strip(), i)     # (a sentence's: look on for the notice)
                continue
            return plan, m.group(1).strip(), i
    return told


def _broken_sentence(lines: list[str], nxt: int) -> bool:
    """Whether the line before `nxt` starts a sentence a page broke over short lines (此举在为后续国土
    空间规划 / 提供策略指导的同时, / …): the next line with text is short and ends in a comma."""
    after = next((x.strip() for x in lines[nxt:nxt + 2] if x.strip()), "")
    return len(after) <= 20 and after[-1:] in ",，、"


def title_of(lines: list[str], text: str) -> tuple[str, str, int]:
    """(title, issuer named with it, line index or -1) of a document."""
    head = lines[:HEAD_LINES]
    notice = _notice(head)
    for i, ln in enumerate(head[:12]):     # a plan's name in 《》 set on a line of its own
        alone = re.fullmatch(r"\s*《([^《》\n]{4,80})》\s*", ln)
        if alone and _QUOTED_PLAN.fullmatch(alone.group(0).strip()) and not notice:
            return alone.group(1), "", i
    for i, ln in enumerate(head):          # a title line, possibly over two lines
        ln = _clean_line(ln)
        cand = ln
        if (ln.startswith("关于") or ln.endswith("关于")) and i + 1 < len(lines) and not _TITLE_LINE.match(ln):
            cand = ln + lines[i + 1].strip()        # (省人民政府关于 / 进一步优化营商环境的若干意见)
        # (a notice that is the document itself, X关于认真做好…落实的通知, not one that prints another)
        own_notice = "关于" in cand and not re.search(r"印发|转发|下达|公布|发布|《", cand)
        if _TITLE_LINE.match(cand) and "印发" not in cand and ("通知" not in cand[-3:] or own_notice) \
                and not _NAV.search(cand) and not _NUMBERED.match(cand) and not re.search(r"[|｜\t]", cand) \
                and not _CAPTION.match(cand) and not cand.endswith("征求意见") \
                and not _broken_sentence(lines, i + (2 if cand != ln else 1)):     # (…规划征求意见: news of it)
            nxt = lines[i + (2 if cand != ln else 1)].strip() if i + 1 < len(lines) else ""
            if _RANGE_LINE.match(nxt):
                cand += nxt
            about = _ABOUT.match(cand)
            if about and about.group(1).strip() and not about.group(1).startswith("《"):
                # its issuer's part of the title, unless the page also sets the title alone
                alone = any(_clean_line(x) == about.group(2) for x in head)
                return about.group(2) if alone else cand, about.group(1).strip(), i
            printed = _printed(text)
            named = notice[0] if notice else printed
            joined = (lines[i - 1].strip() + cand) if i > 0 else ""
            if joined and f"《{joined}》" in text:
                # a title set over two lines (政府工作报告“十四五”时期 / 重点工作责任分解), as quoted
                return joined, notice[1] if notice else "", i
            if named and named != cand and _squashed(cand) in _squashed(named):
                # a line of a title set over two or three lines (…主动仗 / …若干政策 / 措施》实施方案),
                # its inner quotes 《》 where the notice writes 〈〉; the notice names all of it
                return named, notice[1] if notice else "", i
            before = _clean_line(lines[i - 1]) if i > 0 else ""
            if len(cand) <= 8 and 8 <= len(before) <= 40 and not re.search(r"[。，,；;:：!！?？|｜]", before) \
                    and not _NAV.search(before) and not _META.search(before) and not _NUMBERED.match(before):
                return before + cand, notice[1] if notice else "", i - 1    # …精品线路建设 / 总体设计方案
            issuer = notice[1] if notice else (lines[i - 1].strip() if i > 0 else "")
            if issuer in ("发布", "印发", "发文") and i > 1:
                issuer = lines[i - 2].strip()      # a page's “X / 发布” lines above the title
            told = _reported(head)
            if told and (re.sub(r"\s", "", cand) in re.sub(r"\s", "", told) or cand.endswith("情况")):
                # a part's or a table's title line of a report that names all it reports
                # (向大会报告T,请予审议)
                return told, "", -1
            full = _published_in_full(cand, "\n".join(head))    # 深圳十四五规划 / 发布《深圳市…第十四个五年规划…》
            return (full, issuer, -1) if full else (cand, issuer, i)
    for i, ln in enumerate(head):          # a page table's label: 文件名称: / (next line) T
        m = _NAME_LABEL.match(ln)
        value = (m.group(1).strip() or next((x.strip() for x in head[i + 1:i + 3] if x.strip()), "")
                 ) if m else ""
        if len(value) >= 6 and not re.search(r"[:：]$", value) and not _NOTICE.search(value):
            return value, "", i       # (a notice's name gives its plan's title, as below)
    if notice:
        # the document's own wording of its title: as printed, or as the notice quotes it among
        # others (《A》《B》和《C》已经市政府同意)
        own = [_printed(text)] + re.findall(r"《([^《》\n]{4,80})》", "\n".join(head))
        printed = next((x for x in own if x and _same_words(x, notice[0])), "")
        if printed:
            return printed, notice[1], notice[2]
        return notice
    for i, ln in enumerate(head[:8]):      # a news headline of a notice: X印发T通知
        m = _NOTICE_HEADLINE.match(_clean_line(ln))
        if m and not _NAV.search(ln):
            plan = m.group(2).strip()
            # its issuer as the report's lead sentence names it (近日,省政府办公厅印发T的通知)
            said = [x.group(1) for x in re.finditer(
                rf"([^,，。《》\n]{{2,30}}?)印发《?{re.escape(plan)}》?的?通\s*知", "\n".join(head))]
            return plan, max(said + [m.group(1)], key=len), i
    for i, ln in enumerate(head[:8]):      # a headline naming the plan
        m = _WHOLE_HEADLINE.fullmatch(_clean_line(ln)) or _HEADLINE_PLAN.search(_clean_line(ln))
        name = _PRAISE.sub("", m.group(1).strip()) if m else ""
        if m and not _NAV.search(ln) and not _GENERIC_NAME.fullmatch(name):   # (not 新一轮三年行动计划 alone)
            # (the lead quotes it whole: 城西科创大走廊规划获批 / …批复《杭州城西科创大走廊国土空间规划(…)》)
            whole = next((t for t in re.findall(r"《([^《》\n]{4,80})》", "\n".join(head))
                          if name[:-2] in t and re.sub(r"[(（][^)）]*[)）]$", "", t).endswith(name[-2:])), "")
            return whole or name, "", i
    first = next((_clean_line(ln) for ln in head if ln.strip()), "")
    run_on = _RUN_ON_NOTICE.match(first)
    if run_on and len(first) - run_on.end() >= 20:          # a page that lost its line breaks: 河南省人民政府 关于…的通知 豫政〔…〕 现将…
        return run_on.group(1) + run_on.group(2), run_on.group(1), 0
    pm = _printed(text)
    if pm:
        return pm, "", -1
    for i, ln in enumerate(head[:3]):      # “T,根据《…建议》编制,…”: a plan's own preamble
        m = _PREAMBLE.match(_clean_line(ln))
        if m:
            return m.group(1), "", -1
    for i, ln in enumerate(head):
        m = _QUOTED_PLAN.search(ln)
        if m:
            whole = _clean_line(ln)
            if whole != m.group(0) and _QUOTE_IN_TITLE.match(whole) and not _NAV.search(whole) \
                    and not _META.search(whole) and not _NEWS_OF.match(whole, whole.find("》") + 1):
                # a title line naming the report it is about: 2023年第四季度某区《政府工作报告》
                # 主要任务完成情况
                return whole, "", i
            return m.group(1), "", -1
    told = _reported(head)
    if told:
        return told, "", -1
    opened = _REPORT_OPENS.match(first)     # 梧州市政府工作报告确定了…: a page opening on the report
    if opened:
        return opened.group(1), "", -1
    gave = _DELIVERS.search("\n".join(head))      # 市长…代表西安市政府向大会作工作报告
    if gave:
        return "政府工作报告", gave.group(1) or "", -1
    for ln in head[:4]:         # a report's lead naming the plan without 《》: …局公布T(2021年—2035年)草案
        m = _PUBLISHED_PLAN.search(ln)
        if m:
            return m.group(1), "", -1
    return headline(head), "", -1


_PUBLISHED_PLAN = re.compile(r"(?:公布|发布|印发|出台|公示)了?([\u4e00-\u9fff]{4,40}?(?:规划|方案|行动计划|实施意见)"
                             r"(?:[(（]\d{4}年?[—\-–－~至]\d{4}年?[)）])?)(?:草案|[(（]草案[)）]|征求意见稿|[,，。])")


# a report to a congress names what it reports: 受区人民政府委托,向大会书面报告T,请予审议
_REPORTED = re.compile(r"向[^，,。；;\n]{0,8}?(?:大会|会议|常委会)(?:书面)?(?:作|做)?报告(?:今年)?([^，,。；;\n]{8,90}?)[,，]\s*"
                       r"请予?(?:审议|审查)")


# a notice's title opening a line that runs on into its text
_RUN_ON_NOTICE = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会))"
                            r"(关于[^。；;\n]{4,80}?的(?:通知|意见|批复|决定|函))")
# a report of the session: its head delivers the government's work report
_DELIVERS = re.compile(r"代表([\u4e00-\u9fff]{2,12}?(?:人民)?政府)向(?:大会|会议)(?:作|做)(?:政府)?工作报告|"
                       r"(?:向(?:大会|会议)|会上|[区市县省州]长[\u4e00-\u9fff]{1,4}?)(?:作|做)政府工作报告")


def _reported(head: list[str]) -> str:
    m = _REPORTED.search("\n".join(head))
    return m.group(1).strip() if m else ""


_REPORT_OPENS = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:省|市|区|县|州|盟)(?:人民)?政府工作报告)"
                           r"(?:确定|提出|明确|指出|部署|强调)")
_SERIES = re.compile(r"系列(?:报道|报导|访谈|评论)[之]?[\d①-⑳一二三四五六七八九十]*$")


def headline(lines: list[str]) -> str:
    """The page's headline: the first line of the opening that is text, not navigation, a site
    name or metadata (a news report's title)."""
    start = 0
    for i, ln in enumerate(lines[:8]):
        if _NAV.search(ln):
            start = i + 1
    window, after_text = lines[start:start + 8], False
    for i, ln in enumerate(window):
        s = _clean_line(ln)             # (without a site's 【column】 before it)
        if len(s) > 60 and (s.endswith("。") or s.count("，") + s.count(",") > 2):
            after_text = True           # the page opens on its running text: a headline after it
            continue                    # is a list's title, not a sentence (下面,我们一起来看看)
        if after_text and re.search(r"[,，。]", s) or re.match(r"\d{1,2}\.\d", s):
            return ""                   # (or the body's decimal sections begin: 1.1 …)
        if len(s) < 8 or len(s) > 60 or _NAV.search(s) or _META.search(s) or _SITE.search(s) \
                or _SERIES.search(s):
            continue                    # (a series' kicker, “…”系列报道①, is no headline)
        if re.search(r"[。;；]$", s) or s.count("，") + s.count(",") > 2 or \
                len(re.findall(r"[|｜\t]", s)) >= 2:
            return ""                   # running text or a table's row: no headline here
        if s.endswith((":", "：")) and re.search(r"[,，、]", s):
            return ""                   # a notice's addressees (各区县人民政府,市政府直属各单位:)
        if s.endswith(("——", "—", ":", "：")) and i + 1 < len(window):
            if after_text or len(nxt := _clean_line(window[i + 1])) > 60:
                return ""               # a list's lead over its long first item: no headline
            s += nxt                    # a lead-in line (引题) runs on into the headline
        site = _SITE_TAIL.match(s)      # the browser's title, “T-site name”, over the page's T
        if site and any(x.strip() == site.group(1) for x in window[i + 1:]):
            s = site.group(1)
        return s
    return ""


def doc_number(head: str, title: str = "") -> tuple[str, int] | None:
    """(文号, position) of the document's own number: not one cited after a 《title》, unless
    that title is the document's own (近日,省发展改革委印发《T》(浙发改城镇〔2023〕327号))."""
    for m in DOC_NUMBER.finditer(head):
        before = head[max(0, m.start() - 3):m.start()]
        own = bool(title) and bool(re.search(rf"(?<![据照及和、])《{re.escape(title)}》[(（]?$",
                                             head[max(0, m.start() - 90):m.start()]))   # (not 根据《T》(…))
        if ("》" in before or "据" in before) and not own or \
                re.search(r"围绕|按照|依据|根据|落实|贯彻|对照|结合", m.group(1)):
            continue        # (紧紧围绕国发〔2022〕2号: a document the text follows)
        number = re.sub(r"\s+", "", m.group(1))
        number = re.split(r"文号[:：]?", number)[-1]     # a page's table: “文 号 蔡政办〔2023〕1号”
        number = re.sub(r"[\[［【]", "〔", re.sub(r"[\]］】]", "〕", number))
        return number, m.start()
    return None


def period(title: str) -> str | None:
    """'2024-2026' from the title's year range or its five-year plan."""
    m = _YEARS.search(title)
    if m and int(m.group(1)) <= int(m.group(2)):
        return f"{m.group(1)}-{m.group(2)}"
    end = five_year_plan_end(title)
    if end:
        return f"{end - 4}-{end}"
    one = re.search(r"[(（]\s*((?:19|20)\d\d)\s*年\s*[)）]$", title)   # 若干政策(2025年): that year
    return f"{one.group(1)}-{one.group(1)}" if one else None
