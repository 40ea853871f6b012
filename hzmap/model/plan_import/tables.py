"""Task tables flattened to lines, as a table copied from a page or read from a .docx comes out:

    序号 | 重点工作任务 | 责任单位            (header)
    (一)王宏副市长牵头重点工作             (a group row)
    1
    加强粮食和重要农产品保障,…            (the task)
    市农业农村局、市规划和自然资源局…      (its units, in no bracket and with no label)
    省牵头单位:省农业农村厅               (another column: the province's lead)

A row starts at a line holding only its number (1, 12, 1*), and runs to the next such line or
to the next heading. Each row is one measure: the first cell is the task, the first later cell
that is a list of units gives its units. Tab-separated rows (a .docx table) read the same way.

A page may lose the number column: then the header's cells, one short line each (序号, 重点工作
任务, 牵头领导, 牵头单位), say where the table starts, each task cell (a line of running text)
starts a row, and when the last column holds the units the row's last cell is its units (the
cells between are the other columns: the leading officials' names).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import flattened, indicators
from .text import Document, cell_spans, line_spans
from .units import split_units, unit_like, whole_name

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[*＊]?\s*$")
_SEPARATOR = re.compile(r"^[\s|｜]*$")
# a row set on one line, its cells parted by tabs or bars: its number first (2 | 任务 | 单位),
# or after the group cell that spans its rows, where a group starts (主要预期指标 | 1 | 任务 | …)
_FIRST_CELL = re.compile(r"\s*(\d{1,3})\s*[*＊]?\s*(?:\t|[|｜]|$)")
_AFTER_GROUP = re.compile(r"[^\t|｜\n，,。；;:：]{1,16}[\t|｜]\s*(\d{1,3})\s*[\t|｜]")
_OTHER_LEVEL = re.compile(r"^(省|国家|中央|部|市)(?:级)?(牵头单位|责任单位|配合单位)[:：]")
MIN_ROWS = 3


@dataclass
class Row:
    number: str
    start: int              # where the number line starts
    end: int                # where the row ends
    task: tuple[int, int]   # the task cell's span
    units_text: str = ""
    notes: list[str] = field(default_factory=list)
    later: list[tuple[int, int]] = field(default_factory=list)   # the cells after its units
    between: list[tuple[int, int]] = field(default_factory=list)  # its task's and its units'
    lead_lost: bool = False     # the table marks its lead in bold, which the text does not keep


def rows(doc: Document, shown: list[indicators.IndicatorTable] | None = None) -> list[Row]:
    """The rows of the document's task tables, or [] when it has none (fewer than 3 rows);
    `shown`: its tables of indicators (indicators.tables), if already read."""
    text = doc.text
    heads = sorted(h.start for h in doc.headings if h.level <= 2)
    numbered = []
    for s, e in line_spans(text):
        line = text[s:e]
        first = _FIRST_CELL.match(line) or _AFTER_GROUP.match(line)
        if _NUMBER.match(line) or (first and re.search(r"\t|[|｜]", line)):
            numbered.append((s + (first.start(1) if first else 0), e,
                             first.group(1) if first else _NUMBER.match(line).group(1)))
    # (not the rows of a table of indicators and their goals, which names no unit)
    spans = [(t.start, t.end) for t in (indicators.tables(doc) if shown is None else shown)]
    numbered = [x for x in numbered if not any(a <= x[0] <= b for a, b in spans)]
    # a run of rows numbered on from 1 (a new group may start again at 1)
    run, last = [], 0
    for s, e, n in numbered:
        v = int(n)
        # (or a page that opens on a later row right under its header: 序号 | … | 牵头单位 | … / 24)
        if v == last + 1 or (v == 1 and run) or (not run and v > 1 and any(
                _UNIT_COLUMN.search(h) for h in _header(text, s))):
            run.append((s, e, n))
            last = v
    # (fewer rows where the header above them says it is a task table: a page cut short)
    # (but not group rows over numbered headings: 1 / 全区…主要预期目标 / (1)…)
    if len(run) < MIN_ROWS and not (run and any(_UNIT_COLUMN.search(h) for h in _header(text, run[0][0]))
                                    and not any(h.start > run[0][0] for h in doc.headings if h.level >= 2)):
        together = flattened.rows(text)     # (a table whose cells the page ran together)
        if together:
            return [Row(n, a, b, task, units, ["a row of a task table whose cells the page runs "
                                                "together: its task and units read apart"])
                    for n, a, b, task, units in together]
        return _unnumbered(doc)
    out = []
    for i, (s, e, n) in enumerate(run):
        stop = run[i + 1][0] if i + 1 < len(run) else len(text)
        k = bisect.bisect_right(heads, s)          # the first heading after the row's number
        if k < len(heads) and heads[k] < stop:
            stop = heads[k]
        cells = [c for c in cell_spans(text, s, stop) if not _SEPARATOR.match(text[c[0]:c[1]])]
        cells = [c for c in cells if not _NUMBER.match(text[c[0]:c[1]])] if cells else []
        if not cells:
            continue
        row = Row(n, s, stop, _task_cell(text, cells))
        for c in cells[1:]:
            cell = text[c[0]:c[1]].strip()
            if _OTHER_LEVEL.match(cell) and not cell.startswith("市"):
                row.notes.append(f"another level's units, not this plan's: {cell}")
                continue
            if row.units_text:
                if not row.later and c[0] > row.task[1] and _one_unit_line(text, c):
                    row.units_text += "、" + cell     # 区农业农村委 / 区林业局 / …: one a line
                    continue
                row.later.append(c)
                continue
            if _units_cell(cell):
                row.units_text = cell
            elif c[0] >= row.task[1]:
                row.between.append(c)
        out.append(row)
    if out and _partners_follow(_header(text, out[0].start)):
        for row in out:     # 牵头单位 | 配合单位: the partners' cell joins the lead's
            if row.units_text and row.later and _partners_cell(text[slice(*row.later[0])]):
                partners = text[slice(*row.later.pop(0))].strip()
                row.units_text = f"牵头单位:{row.units_text};配合单位:{partners}"
    if out and _BOLD_LEAD.search(text, max(0, out[0].start - 400), out[0].start):
        for row in out:     # 责任单位 (加黑为牵头单位): the bold is lost with the page's styles
            row.lead_lost = True
    return out


_BOLD_LEAD = re.compile(r"(?:加黑|加粗|黑体|粗体)[^)）\n]{0,6}?(?:为|是|者为)?牵头")


def _one_unit_line(text: str, c: tuple[int, int]) -> bool:
    """A cell that is a unit's name alone on its line (a units cell set one unit a line)."""
    line_start = text.rfind("\n", 0, c[0]) + 1
    line_end = text.find("\n", c[1])
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    cell = text[c[0]:c[1]].strip()
    return line == cell and len(cell) <= 20 and (unit_like(cell) or whole_name(cell))


def _header(text: str, start: int) -> list[str]:
    """The header cells above a table's first row: the short lines right before it."""
    header = []
    start = text.rfind("\n", 0, start) + 1      # from the row's line (its group cell before it)
    for s, e in reversed(list(line_spans(text, max(0, start - 400), start))):
        cell = text[s:e].strip()
        if not cell:
            continue
        # (a header cell's note in brackets: 责任单位 (加黑为牵头单位))
        bars = [re.sub(r"\s*[(（][^()（）]*[)）]$", "", c.strip()) for c in re.split(r"[\t|｜]", cell) if c.strip()]
        if not header and len(bars) >= 3 and any(_UNIT_COLUMN.search(c) for c in bars) and \
                sum(bool(_HEAD_CELL.match(c) or _REPORT_COLUMN.search(c)) for c in bars) >= 3:
            return bars       # a header set on one line (序号 | 内容及要求 | 牵头单位 | …)
        if not header and (_GROUP_LINE.match(cell) or len(bars) == 1 and len(re.findall(r"[|｜]", cell)) >= 3):
            continue          # a group's line between the header and its rows (一、主要预期目标, 2021年目标 | ||||)
        if len(cell) > 12:
            break
        header.insert(0, cell.strip(" \t|｜"))      # (a cell a line, its bar after it: 牵头单位 |)
    return header


_GROUP_LINE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[^|｜\t。]{2,120}$")


def _partners_follow(header: list[str]) -> bool:
    at = next((k for k, h in enumerate(header) if _UNIT_COLUMN.search(h)), None)
    # (or 牵头责任单位 | 责任单位: the units after the lead's column work with it)
    return at is not None and at + 1 < len(header) and bool(_PARTNER_COLUMN.search(header[at + 1]) or (
        header[at].startswith("牵头") and _UNIT_COLUMN.search(header[at + 1])))


def _partners_cell(cell: str) -> bool:
    """A cell of the partners' column: names as units and 街道, 镇 end (区科技局、各街道), or
    all units of a kind (各产业平台)."""
    toks = [re.sub(r"[(（][^()（）]*[)）]$", "", t) for t in split_units(cell)]   # 各镇(街道)
    return bool(toks) and all(whole_name(t) or unit_like(t) or re.match(r"各[\u4e00-\u9fff]{1,6}$", t)
                              for t in toks) and len(cell) <= 200


def _units_cell(cell: str) -> bool:
    toks = split_units(cell)
    return bool(toks) and sum(unit_like(t) or t.startswith("各") for t in toks) >= \
        max(1, 0.6 * len(toks)) and len(cell) <= 200 and not re.search(r"。\s*\S", cell)
    # (not a cell of what was done, whose sentences name units: 区发改局与…共同谋划…。各相关部门…)


def _all_units(cell: str) -> bool:
    """A cell that is only a list of units, however it parts them (市发改委、市经信委,各县(市、
    区)政府), and so no task."""
    toks = split_units(cell)
    return len(toks) >= 2 and all(unit_like(t) or t.startswith("各") for t in toks) and \
        not re.search(r"。", cell)


def _task_cell(text: str, cells: list[tuple[int, int]]) -> tuple[int, int]:
    """The row's task: its first cell, and the next one too when the first only names the
    row's item (项目名称: 主要经济指标) and the task follows it (地区生产总值增长5.5%。)."""
    first, nxt = (text[a:b].strip() for a, b in cells[:2]) if len(cells) > 2 else ("", "")
    if first and len(first) <= 12 and not re.search(r"[，,。；;:：]", first) and \
            not unit_like(first) and re.search(r"[，,。；;]", nxt) and not unit_like(nxt):
        return cells[0][0], cells[1][1]
    return cells[0]


def report_cells(doc: Document) -> list[tuple[int, int]]:
    """The cells of a task table's report column (累计完成情况, 进展情况), after the units or
    between the task and the units: what was done, not what is to be done."""
    found = rows(doc)
    if not found or not any(r.later or r.between for r in found):
        return []
    text = doc.text
    header = _header(text, found[0].start)
    units_at = next((k for k, h in enumerate(header) if _UNIT_COLUMN.search(h)), None)
    if units_at is None:            # a table of tasks and their progress: the progress is done
        if not any(_REPORT_COLUMN.search(h) for h in header):
            return []
        last = _REPORT_COLUMN.search(header[-1]) is not None    # (…| 三季度项目进度: each row's last cell)
        # (a last row the page cuts before its last cell has none)
        return sorted(c for r in found for c in (r.later or (
            r.between[-1:] if last and (r is not found[-1] or text[r.end:].strip()) else [])))
    after = any(_REPORT_COLUMN.search(h) for h in header[units_at + 1:])
    before = any(_REPORT_COLUMN.search(h) for h in header[:units_at])
    return sorted(c for r in found for c in (r.later if after else []) + (r.between if before else []))


def reported_year(text: str, cells: list[tuple[int, int]]) -> int | None:
    """The year a task table's report column tells of (入选2023年度…, 2023年实际完成投资): a
    dateless table's tasks are that year's. The latest year named, or None."""
    years = [int(m.group(1)) for a, b in cells for m in re.finditer(r"(20\d\d)\s*年", text[a:b])]
    return max(years) if years else None


_REPORT_COLUMN = re.compile(r"(?:完成|进展|推进|落实|实施)(?:情况|进度)$|进展$|项目进度$")
_HEAD_CELL = re.compile(r"^(?:序\s*号|编\s*号|[^\n]{0,8}(?:任\s*务|事\s*项|工\s*作|内\s*容)|"
                        r"[^\n]{0,4}(?:领\s*导|单\s*位|部\s*门|处\s*室)|完成(?:时间|时限)|时间节点|备注|"
                        r"[^\n]{0,4}名\s*称|(?:完成|进展|推进|落实|实施)(?:情况|进度)|进展|"
                        r"指\s*标(?:要\s*求|名\s*称)?|[^\n]{0,4}类\s*[型别])$")
_UNIT_COLUMN = re.compile(r"(?:牵头|责任|主办|主责)\s*(?:单\s*位|部\s*门|处\s*室)$")
_PARTNER_COLUMN = re.compile(r"(?:配合|参与|协办|协作|协同)\s*(?:单\s*位|部\s*门)$")
_TASK_COLUMN = re.compile(r"任\s*务|事\s*项|工\s*作|内\s*容")


def _unnumbered(doc: Document) -> list[Row]:
    """The rows of a task table whose number column was lost, found by its header."""
    text = doc.text
    lines = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    for i in range(len(lines)):
        head = []
        while i + len(head) < len(lines) and \
                _HEAD_CELL.match(text[slice(*lines[i + len(head)])].strip()):
            head.append(text[slice(*lines[i + len(head)])].strip())
        if len(head) >= 3 and any(_TASK_COLUMN.search(h) for h in head) and \
                (any(_UNIT_COLUMN.search(h) for h in head) or _REPORT_COLUMN.search(head[-1])):
            break
    else:
        return []
    units_last = bool(_UNIT_COLUMN.search(head[-1]))
    body = lines[i + len(head):]
    if not any(_UNIT_COLUMN.search(h) for h in head):
        return _paired(text, body)      # 项目名称 / 项目内容 / 进展情况: no units named
    if not units_last and any(_UNIT_COLUMN.search(h) for h in head):
        return _by_units(text, body)
    heads = sorted(h.start for h in doc.headings if h.level <= 2)
    stop_at = next((h for h in heads if h > body[0][0]), len(text)) if body else len(text)
    # a task cell is running text (a unit's name, even a long one, has no comma or full stop)
    # (but a units cell may hold commas too: 市发改委、市经信委,各县(市、区)政府,…管委会)
    tasks = [k for k, (s, e) in enumerate(body) if s < stop_at and len(text[s:e].strip()) >= 10
             and re.search(r"[，,。；;]", text[s:e]) and not _all_units(text[s:e].strip())]
    if not tasks:       # (the header says it is a task table: a page cut after a row or two)
        return []
    out = []
    for j, k in enumerate(tasks):
        last = tasks[j + 1] if j + 1 < len(tasks) else len(body)
        cells = [(s, e) for s, e in body[k:last] if s < stop_at]
        end = cells[-1][1]
        task = (body[k][0] + len(text[slice(*body[k])]) - len(text[slice(*body[k])].lstrip()),
                body[k][0] + len(text[slice(*body[k])].rstrip()))
        row = Row(str(j + 1), body[k][0], end, task)
        if units_last and len(cells) > 1:
            row.units_text = _uncut(text, cells[-1])
        row.notes.append("a row of a task table with no numbers: its number is its place in "
                         "the table")
        out.append(row)
    return out


def _paired(text: str, body: list[tuple[int, int]]) -> list[Row]:
    """The rows of a table of tasks and their progress that names no units: a task's line,
    then its progress line, a group's short title line between them now and then."""
    out: list[Row] = []
    task = None
    for s, e in body:
        line = text[s:e].strip()
        if not re.search(r"[，,。；;]", line):
            task = None                 # a group's title (支持民营企业健康发展)
        elif task is None:
            task = (s, e)
        else:
            row = Row(str(len(out) + 1), task[0], e, task, later=[(s, e)])
            row.notes.append("a row of a table of tasks and progress that names no units")
            out.append(row)
            task = None
    return out if len(out) >= 2 else []


def _uncut(text: str, cell: tuple[int, int]) -> str:
    """A units cell without the name the page's end cuts (…、区财政, …,各县(市、区))."""
    units = text[slice(*cell)].strip()
    toks = split_units(units)
    if not text[cell[1]:].strip() and len(toks) > 1 and not whole_name(toks[-1]):
        units = units[:units.rfind(toks[-1])].rstrip("、,，;； ")
    return units


def _by_units(text: str, body: list[tuple[int, int]]) -> list[Row]:
    """The rows of a table whose units column has a column after it (责任单位 | 进展情况): each
    units cell holds a row, its task the line before it, the lines after it (up to the next
    row's task) its later cells; group lines ((一) 经济社会发展主要预期目标) head no row.
    The table ends where no units cell follows for a while."""
    at = [k for k, (s, e) in enumerate(body)
          if _units_cell(text[s:e].strip()) and k > 0 and not _units_cell(text[slice(*body[k - 1])].strip())]
    keep = []
    for k in at:
        if keep and k - keep[-1] > 8:
            break
        keep.append(k)
    if len(keep) < MIN_ROWS:
        return []
    out = []
    for j, k in enumerate(keep):
        task = body[k - 1]
        last = keep[j + 1] - 1 if j + 1 < len(keep) else min(len(body), k + 3)
        later = [c for c in body[k + 1:last]]
        end = later[-1][1] if later else body[k][1]
        t = text[slice(*task)]
        row = Row(str(j + 1), task[0], end, (task[0] + len(t) - len(t.lstrip()),
                                             task[0] + len(t.rstrip())))
        row.units_text = _uncut(text, body[k])
        row.later = later
        row.notes.append("a row of a task table with no numbers: its number is its place in "
                         "the table")
        out.append(row)
    return out
