"""The district table of the comparison view: each district's role in each chosen layout.

Planners line up the 2018, 2021 and 2024 layouts to see what changed for a district, and take the
table to Excel; so the CSV carries a byte-order mark (Excel then reads it as UTF-8) and is written
atomically (a half-written file never replaces a good one). No Qt here.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from hzmap.model.files.atomic import write_atomic
from hzmap.model.dataset.roles import layout_roles, role_label

CELL_SEP = "；"


class ExportError(Exception):
    """Writing the table failed; the message names the path and the reason."""


@dataclass
class RoleRow:
    district: str          # district id
    name: str              # 钱塘区
    name_en: str
    cells: dict[str, str] = field(default_factory=dict)   # layout id -> element name(s), "" if none


def district_roles(ds, layout_id: str, district_id: str) -> list[str]:
    """Element names of one layout covering the district, directly or through a place inside it."""
    return [role_label(ds, r) for r in layout_roles(ds, layout_id, district_id)]


def district_role_table(ds, layout_ids: list[str]) -> list[RoleRow]:
    """One row per district (districts.csv order), one cell per layout."""
    for lid in layout_ids:
        if lid not in ds.layouts:
            raise KeyError(f"no layout '{lid}'")
    rows = []
    for did, d in ds.districts.items():
        row = RoleRow(did, d.name_zh, d.name_en)
        for lid in layout_ids:
            row.cells[lid] = CELL_SEP.join(district_roles(ds, lid, did))
        rows.append(row)
    return rows


def plan_date(plan) -> str:
    """'2021-08-02', '2018-06' or '2024' (from the id when the text gives no date); '' if unknown."""
    for value in (plan.issued, plan.published, plan.in_force.from_ if plan.in_force else None):
        if value:
            return str(value)
    digits = re.search(r"(19|20)\d\d", plan.id)
    return digits.group(0) if digits else ""


def chronological(ds, layout_ids) -> list[str]:
    """Layouts ordered by their plan's date (2018, 2021, 2024), then as in the dataset."""
    order = list(ds.layouts)

    def key(lid):
        plan = ds.plans.get(ds.layouts[lid].plan)
        return (plan_date(plan) if plan else "") or "9999", order.index(lid)
    return sorted(layout_ids, key=key)


def layouts_across_plans(ds, district_id: str) -> list[str]:
    """The layouts that give the district a role, oldest plan first (2018 → 2021 → 2024 → …):
    the columns that line the district up across plans of different years."""
    return chronological(ds, [lid for lid in ds.layouts if layout_roles(ds, lid, district_id)])


def column_title(ds, layout_id: str) -> str:
    """'一核一带两翼多基地（服务贸易“十四五”规划 2021）': layout, plan short name and year."""
    lay = ds.layouts[layout_id]
    plan = ds.plans.get(lay.plan)
    if plan is None:
        return lay.name
    year = plan_date(plan)[:4]
    return f"{lay.name}（{plan.short_name}{' ' + year if year else ''}）"


def to_csv(rows: list[RoleRow], layout_ids: list[str], path, ds=None) -> Path:
    """Write the table as UTF-8 CSV with BOM, atomically. Raises ExportError naming the path."""
    path = Path(path)
    titles = [column_title(ds, lid) if ds is not None else lid for lid in layout_ids]
    header = ["district_id", "区县", "District", *titles]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for r in rows:
        writer.writerow([r.district, r.name, r.name_en, *(r.cells.get(lid, "") for lid in layout_ids)])
    try:
        write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"无法写入 CSV 文件 Cannot write the CSV file:\n{path}\n原因 Reason: {reason}") from exc
    return path
