"""Importing a plan document: read it, draft its records, let the planner review, write YAML.

    from hzmap.model.plan_import import read_document, draft_plan, write_draft
    draft = draft_plan(read_document("plan.docx"), dataset)     # nothing written yet
    for rec in draft.records(): rec.accept() / rec.edit(districts=[...]) / rec.reject()
    write_draft(draft, user_folder)                               # dataset YAML + the text

No Qt; the heavy readers (python-docx, pypdf) are imported only for such files.
"""
from __future__ import annotations

import re

from .draft import ACCEPTED, EDITED, PENDING, REJECTED, Draft, Passage, Record
from .reading import MAX_BYTES, PlanReadError, SourceText, pasted, read_document

__all__ = ["ACCEPTED", "EDITED", "MAX_BYTES", "PENDING", "REJECTED", "Draft", "Passage",
           "PlanReadError", "Record", "SourceText", "draft_plan", "pasted", "read_document",
           "write_draft"]


def draft_plan(source: SourceText, dataset=None, *, plan_id: str | None = None) -> Draft:
    """The draft of one document. `dataset` (the loaded shipped + user datasets) gives the
    gazetteer its places and the ids already taken; without it only geodata/ is used."""
    from hzmap.model.geo.gazetteer import Gazetteer, load_gazetteer

    from . import indicators, layouts, measures, members, meta, places, reported, slogans, tables, targets
    from .history import said_by_another
    from .text import build

    doc = build(source)
    gaz = load_gazetteer(dataset)
    record, horizon, issue_year = meta.draft_plan_record(doc, "draft")
    if plan_id is None:
        taken = set(dataset.plans) if dataset is not None else set()
        plan_id = meta.plan_id_for(record.data["title"], issue_year or horizon, taken)
    record.data["id"] = plan_id
    if horizon is None and issue_year is None:     # a dateless report of a year's goals
        issue_year = meta.goals_year(doc.text)
    record.data["file"] = f"{plan_id}.txt"
    draft = Draft(doc, record, notes=list(source.notes))
    if dataset is not None:
        from hzmap.model.dataset.succession import same_plans
        for pid, why in same_plans(dataset, record.data):
            record.flags.insert(0, f"already in use as plan '{pid}' ({why}): saving shows the "
                                   "plan twice; reject this draft unless it is another document")
    away = places.elsewhere(doc.text, record.data["title"], record.data["issuer"])
    if away:      # another city's plan: none of its places is one of Hangzhou's districts
        gaz = Gazetteer([])
        draft.notes.append(f"{source.name}: the plan is about {away}, outside Hangzhou: no place "
                           "in it is mapped to Hangzhou's districts")
    found = slogans.find_slogans(doc.text, draft.notes)
    if record.data.get("doc_number"):       # a document sure of its own title
        for sl in list(found):
            other = said_by_another(doc.text, sl.start, record.data["title"])
            if other:       # …印发实施《B》,提出构筑“…”: B's layout, not this plan's
                found.remove(sl)
                draft.notes.append(f"“{sl.text}” is set out by 《{other}》, another document (not this "
                                   "plan's layout): not drafted")
    # a count of areas listed after a colon (划分成四大板块:A板块、B板块、C板块、D板块)
    found += members.counted_lists(doc.text, {slogans.same_key(sl.text) for sl in found})
    # members named in quotes after their count (打造12条…带 … “龙井茶香”…带)
    # or a count line whose areas follow under heading lines of their own (四大重点区域 / 拱墅区域:…)
    found = sorted(found + members.named_members(doc.text) + members.headed_members(doc.text),
                   key=lambda sl: sl.start)
    draft.layouts = layouts.draft_layouts(doc, gaz, plan_id, found, dataset, record.data["title"])
    for el in (el for lay in draft.layouts for el in lay.children if away):
        el.flags.append(f"outside Hangzhou: the plan is about {away}")
    if not found:
        draft.notes.append(f"{source.name}: no layout slogan found (a quoted “一核…” or “4+4…” "
                           "before 格局/布局); measures and targets are still drafted")
    shown = indicators.tables(doc)      # (tables of indicators: no measures, their goals targets)
    draft.measures = measures.draft_measures(doc, gaz, plan_id, shown)
    if re.search(r"的批复$", record.data["title"]):
        # an approval states what it approves (规划范围, 发展目标, 空间结构…): its numbered items
        # are the approved plan's, not tasks, unless a unit is made responsible for one
        draft.measures = [m for m in draft.measures if m.data["units"]]
    # the rows of a task table are the year's commitments: their figures are targets
    # (a document that breaks a plan's tasks down to units, …目标任务责任分解表: every measure's)
    # (or a page whose opening tells of a year's 实事: 2025年的10件重点民生实事)
    breakdown = bool(re.search(r"(?:任务|责任)(?:分解|分工)|分解表|任务清单|实事", record.data["title"])) or \
        bool(re.search(r"20\d\d年[^。\n\d]{0,10}?[\d一二三四五六七八九十]+[件项](?:重点)?(?:民生|为民)实事", doc.text[:500]))
    tasks = sorted((m.passages[0].start, _measure_end(draft, i)) for i, m in enumerate(draft.measures)
                   if m.from_table or breakdown)
    if breakdown and not draft.measures:        # (a news report of a year's 实事: every figure)
        tasks = [(0, len(doc.text))]
    # a task table's report column (累计完成情况) says what was done: its figures are no goals
    done = tables.report_cells(doc)
    if horizon is None and issue_year is None:      # a dateless table of a year's tasks
        issue_year = tables.reported_year(doc.text, done)
    # a table of indicators: its goal column's figures are targets, its report column's are not
    done = sorted(done + [c for t in shown for c in t.done])
    goals = [(a, b, t.year, name, unit) for t in shown for a, b, name, unit in t.goals]
    # a news report tells what was achieved, unless it is about a plan (…任务书, …规划)
    news = reported.news(doc.text) and not breakdown and not re.search(
        r"任务|计划|目标|规划|方案|政策|意见|措施|实事", record.data["title"])
    dateless_plan = horizon is None and issue_year is None and not news and \
        bool(re.search(r"(?:规划|方案|计划|措施|意见|要点|纲要)$", record.data["title"]))
    draft.targets = targets.draft_targets(doc, gaz, plan_id, horizon, issue_year, tasks, done,
                                          goals, news, dateless_plan)
    if dataset is not None:
        _avoid_taken_ids(draft, dataset)
    from .script import restore
    restore(draft)          # a traditional repost's passages and names as the page writes them
    return draft


def _measure_end(draft: Draft, i: int) -> int:
    """Where measure i's text ends: at the next measure, or at the end of its paragraph."""
    ms = draft.measures
    nxt = ms[i + 1].passages[0].start if i + 1 < len(ms) else len(draft.document.text)
    own = ms[i].passages[0].end
    end = max(own, min(nxt, draft.document.paragraph_at(own)[1]))
    return max(end, ms[i].task_end)         # a table row's task cell(s)


def _avoid_taken_ids(draft: Draft, dataset) -> None:
    """Layout, measure and target ids are unique across the whole dataset."""
    for recs, taken in ((draft.layouts, dataset.layouts), (draft.measures, dataset.measures),
                        (draft.targets, dataset.targets)):
        for r in recs:
            base, n = r.data["id"], 2
            while r.data["id"] in taken:
                r.data["id"], n = f"{base}_{n}", n + 1


def write_draft(draft: Draft, folder, *, only_accepted: bool = False, force: bool = False):
    from .writer import write_draft as _write
    return _write(draft, folder, only_accepted=only_accepted, force=force)
