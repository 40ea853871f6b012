"""Citations in GB/T 7714-2015 style, as Chinese planning reports cite policy documents.

A policy document is type [Z] (其他): 主要责任者. 题名[Z]. 日期: 引文所在章节.
  杭州市人民政府办公厅. 杭州市推进数字贸易强市三年行动计划（2024—2026年）[Z]. 2024-05-24: 二(三).
Several issuers are separated by ", " (GB/T 7714 8.1.2). The title's brackets are the full-width
ones of Chinese titles. The date is the issue date; when the text gives none (001), the date it
took effect; when it gives only a month, the publication date if there is one.
"""
from __future__ import annotations

import datetime as _dt


def plan_date(plan) -> str:
    issued = plan.issued
    if isinstance(issued, _dt.date):
        return issued.isoformat()
    if plan.published is not None:
        return plan.published.isoformat()
    if issued:
        return str(issued)
    if plan.in_force is not None:
        return plan.in_force.from_.isoformat()
    return ""


def reference(plan) -> str:
    """The document's entry in a reference list (no section)."""
    issuer = plan.issuer.replace("、", ", ")
    title = plan.title.replace("(", "（").replace(")", "）")
    date = plan_date(plan)
    return f"{issuer}. {title}[Z]" + (f". {date}" if date else "")


def cite(plan, section: str = "") -> str:
    """The reference with the section cited: '…[Z]. 2024-05-24: 二(三).'"""
    section = section.replace("（", "(").replace("）", ")").strip()
    return reference(plan) + (f": {section}." if section else ".")
