"""What the Add layer dialog lists after reading a file: the notes, and for a district table
each name once with its rows (1,848 rows 下城 → 拱墅区), so a listing of thousands of rows reads
as the few names it holds; for other layers the features per district."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from hzmap.model.layers.join import grouped_rows
from hzmap.ui.common.i18n import tr

STATUS_TITLES = (("matched", "匹配 Matched"), ("former", "经旧区名匹配 Joined through a former name"),
                 ("split", "旧区现分属多区（不拆分、不绘制）Now several districts (not split, not drawn)"),
                 ("area", "区内片区、园区（不作整区绘制）Parts of districts: zones, areas (not drawn as the district)"),
                 ("total", "合计行（不绘制）Total rows (not drawn)"),
                 ("unmatched", "未匹配 Unmatched"))


def item(parent, text: str, bold: bool = False) -> QTreeWidgetItem:
    out = QTreeWidgetItem(parent, [text])
    out.setToolTip(0, text)
    if bold:
        font = out.font(0)
        font.setBold(True)
        out.setFont(0, font)
    return out


def _rows_text(rows: list[int]) -> str:
    if len(rows) == 1:
        return f"{tr('行 row')} {rows[0]}"
    shown = ", ".join(str(r) for r in rows[:3]) + (" …" if len(rows) > 3 else "")
    return f"{len(rows):,} {tr('行 rows')} ({shown})"


def fill_report(tree, data, geo) -> None:
    tree.clear()
    kinds = {"points": tr("点 points"), "lines": tr("线 lines"), "areas": tr("面 areas"),
             "districts": tr("区县表 district table")}
    n = len(data.table) if data.kind == "districts" else len(data)
    head = item(tree, f"{kinds[data.kind]} · {n:,} · {data.crs_used}", bold=True)
    head.setData(0, Qt.UserRole, "summary")
    notes = None
    if data.notes:
        notes = item(tree, tr("说明 Notes") + f" ({len(data.notes)})", bold=True)
        for note in data.notes:
            item(notes, note).setData(0, Qt.UserRole, "note")
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    if data.kind == "districts":
        for status, title in STATUS_TITLES:
            rows = data.join.with_status(status)
            if not rows:
                continue
            section = item(tree, f"{tr(title)} ({len(rows):,})", bold=True)
            section.setData(0, Qt.UserRole, status)
            groups = grouped_rows(rows)
            for first, numbers in groups:
                target = f" → {'、'.join(names.get(d, d) for d in first.districts)}" if first.districts else ""
                note = f"  [{first.note}]" if first.note else ""
                item(section, f"{_rows_text(numbers)}: {first.text or tr('（空）(empty)')}{target}{note}") \
                    .setData(0, Qt.UserRole, status)
            section.setExpanded(status != "matched" or len(groups) <= 13)
    else:
        counts = data.district_counts()
        section = item(tree, tr("各区县要素数 Features per district"), bold=True)
        for did, count in counts.items():
            if did is not None and count:
                item(section, f"{names[did]}: {count:,}")
        if counts.get(None):
            item(section, f"{tr('杭州以外 Outside Hangzhou')}: {counts[None]:,}").setData(0, Qt.UserRole, "outside")
        section.setExpanded(True)
    if notes is not None:
        notes.setExpanded(True)


def report_texts(tree, kind: str | None = None) -> list[str]:
    """The report's lines (of one kind: "note", a join status, ...), for tests and copying."""
    out = []

    def walk(it):
        if kind is None or it.data(0, Qt.UserRole) == kind:
            out.append(it.text(0))
        for i in range(it.childCount()):
            walk(it.child(i))
    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out
