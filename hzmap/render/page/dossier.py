"""A district dossier: a PDF of one to three A4 pages for a district (no Qt).

Page 1 is the composed map with the district outlined; the next pages list what the plans say
about it (hzmap.model.dataset.district_profile): roles under every plan, bases and places,
measures with their responsible units, targets and the sources cited. Text is real PDF text in
the embedded font, so it can be searched and copied.
"""
from __future__ import annotations

import datetime as _dt

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from hzmap.model import clock
from hzmap.model.dataset import district_profile
from hzmap.model.dataset.timeline import district_timeline
from hzmap.model.geo.extent import fit
from hzmap.model.view.viewstate import Selection, View
from hzmap.model.dataset.report import cites, target_text, units_text
from hzmap.render.page.compose import INK, ExportSpec, compose, wrap
from hzmap.render.page.export_io import format_for, write_atomic

A4 = (210 / 25.4, 297 / 25.4)
MAX_TEXT_PAGES = 2
STYLES = {  # size (pt), weight, colour, space before (lines)
    "h1": (14, "bold", INK, 0.6), "h2": (11, "bold", INK, 0.8), "item": (9, "bold", INK, 0.35),
    "body": (8.5, "normal", INK, 0.0), "note": (7.5, "normal", "#555555", 0.0),
}


def district_lines(prof: dict, timeline: dict | None = None,
                   as_of: _dt.date | None = None) -> list[tuple[str, str]]:
    """(style, text) lines of the dossier's text pages, in reading order. Each plan carries its
    status on the dossier's day; with `as_of`, the plans not in force then are listed apart."""
    d = prof["district"]
    out = [("h1", f"{d['name']} {d['name_en']}: 规划中的角色与举措")]
    groups = prof["roles_by_plan"]
    if timeline is not None:
        out += timeline_lines(timeline)
        order = [p["plan"]["id"] for y in timeline["years"] for p in y["plans"]]
        groups = sorted(groups, key=lambda g: order.index(g["plan"]["id"])
                        if g["plan"]["id"] in order else len(order))
    shown = [g for g in groups if as_of is None or g.get("status", {}).get("in_force")]
    out.append(("h2", "二、各规划中的角色 Roles by plan"
                + (f"（{as_of} 在施行的规划）" if as_of else "")))
    if not shown:
        out.append(("body", "（各布局均未给该区县指定角色）" if as_of is None else
                    "（当日没有在施行的规划给该区县指定角色）"))
    for g in shown:
        status = f" — {g['status']['label']}" if g.get("status") else ""
        out.append(("item", f"{g['plan']['short_name']} ({g['plan']['title']}){status}"))
        for r in g["items"]:
            head = f"• {r['layout']['name']} — {r['element']['name']}"
            if r.get("primary"):
                head += "（首位点名）"
            if r.get("via_place"):
                head += f"（经 {r['via_place']['name']}）"
            out.append(("body", head))
            out.append(("body", f"   {r['function']}"))
            out.append(("note", f"   出处: {cites(r)}"))
    lapsed = [g for g in groups if g not in shown]
    if lapsed:
        out.append(("item", f"截至 {as_of} 不在施行 Not in force"))
        for g in lapsed:
            names = "、".join(dict.fromkeys(r["element"]["name"] for r in g["items"]))
            out.append(("note", f"   {g['plan']['short_name']}（{g['status']['label']}）: {names}"))
    out.append(("h2", "三、基地与载体 Bases and places"))
    out += [("body", f"• {p['name']}（{p['kind']}, 位置{_PREC.get(p['precision'], p['precision'])}）"
                     f" — {cites(p)}") for p in prof["places"]] or [("body", "（无）")]
    out.append(("h2", "四、点名该区县的举措 Measures and responsible units"))
    for m in prof["measures"]:
        via = f"（经 {m['via_place']['name']}）" if m.get("via_place") else ""
        out.append(("body", f"• [{m['plan']['short_name']}] {m['number']} {m['title']}{via}"))
        out.append(("note", f"   责任单位: {units_text(m, none='未列明')}；出处: {cites(m)}"))
    if not prof["measures"]:
        out.append(("body", "（无）"))
    city = ", ".join(f"{g['plan']['short_name']} {len(g['items'])} 项" for g in prof["citywide_measures"])
    if city:
        out.append(("note", f"全市通用举措（同样适用）: {city}"))
    out.append(("h2", "五、目标 Targets"))
    for t in prof["targets"]["district"]:
        out.append(("body", f"• {target_text(t)} — {cites(t)}"))
    if not prof["targets"]["district"]:
        out.append(("body", "（无专门针对该区县的目标）"))
    plan_wide = ", ".join(f"{g['plan']['short_name']} {len(g['items'])} 项" for g in prof["targets"]["plan_wide"])
    if plan_wide:
        out.append(("note", f"全市目标: {plan_wide}（hzmap query 可列出全文）"))
    out.append(("h2", "六、来源 Sources"))
    plans = {}
    for g in prof["roles_by_plan"]:
        plans.setdefault(g["plan"]["id"], g["plan"])
    for m in prof["measures"]:
        plans.setdefault(m["plan"]["id"], m["plan"])
    for p in plans.values():
        out.append(("body", f"• {p['title']}（{p['short_name']}）"))
    if not prof.get("excerpts_checked", True):
        out.append(("note", "（原文摘录未核对：找不到原始文件目录）"))
    return out


_PREC = {"site": "确切", "approximate": "大致", "district": "仅知区县"}


def timeline_lines(tl: dict) -> list[tuple[str, str]]:
    """The district's roles plan by plan, oldest first (2018 → 2021 → 2024), with sources."""
    years = [str(y["year"]) for y in tl["years"]]
    out = [("h2", "一、历年角色 Across plans" + (": " + " → ".join(years) if years else ""))]
    if not years:
        out.append(("body", "（各布局均未给该区县指定角色）"))
    for y in tl["years"]:
        for p in y["plans"]:
            names = "、".join(dict.fromkeys(r["element"]["name"] for r in p["roles"]))
            out.append(("body", f"{y['year']}  {p['plan']['short_name']}（{p['status']['label']}）: "
                                f"{names}"))
            out.append(("note", f"   出处: {cites({'sources': [s for r in p['roles'] for s in r['sources']]})}"))
    return out


def text_pages(lines: list[tuple[str, str]], footer: str) -> list[Figure]:
    """Lay the lines out on at most MAX_TEXT_PAGES A4 pages, wrapped to the page width."""
    w, h = A4
    margin, top, bottom = 0.7, h - 0.75, 0.8
    pages: list[Figure] = []
    fig, y = None, top
    lines = list(lines)
    dropped = 0
    i = 0
    while i < len(lines):
        style, text = lines[i]
        size, weight, colour, before = STYLES[style]
        step = size * 1.45 / 72
        chars = int((w - 2 * margin) * 72 / size * 0.98)
        wrapped = wrap(text, chars)
        need = before * step + len(wrapped) * step
        if fig is None or y - need < bottom:
            if len(pages) == MAX_TEXT_PAGES:
                dropped = sum(1 for s, _ in lines[i:] if s in ("body", "item"))
                break
            fig = _page(footer, len(pages) + 2)
            pages.append(fig)
            y = top
        y -= before * step
        for part in wrapped:
            fig.text(margin / w, y / h, part, fontsize=size, fontweight=weight, color=colour, va="top")
            y -= step
        i += 1
    if dropped:
        pages[-1].text(margin / w, (bottom - 0.1) / h, f"…… 另有 {dropped} 条未列出（篇幅所限），"
                       "完整内容见 hzmap query", fontsize=7.5, color="#555555", va="top")
    return pages


def _page(footer: str, number: int) -> Figure:
    fig = Figure(figsize=A4, dpi=100)
    fig.text(0.7 / A4[0], 0.45 / A4[1], footer, fontsize=7, color="#555555")
    fig.text(1 - 0.7 / A4[0], 0.45 / A4[1], str(number), fontsize=7, color="#555555", ha="right")
    return fig


def dossier_figures(geo, ds, district_id: str, layout: str | None = None,
                    date: _dt.date | None = None, as_of: _dt.date | None = None) -> list[Figure]:
    on = as_of or date or clock.today()
    prof = district_profile(ds, district_id, on)
    name = prof["district"]["name"]
    view = View(extent=fit(geo.district_bounds([district_id]), margin=0.25), preset="custom", layout=layout,
                selection=Selection.district(district_id), as_of=as_of)
    spec = ExportSpec(view=view, preset="a4-portrait", dpi=150, title=f"{name} 区县档案", inset=True, date=date,
                      side_notes=("各规划中的角色 Roles", _role_summary(prof, as_of)))
    map_page = compose(spec, geo, ds).figure
    footer = f"hzmap 区县档案 · {name} · {(date or clock.today()).isoformat()}" + \
        (f" · 规划状态截至 {as_of}" if as_of else "")
    lines = district_lines(prof, district_timeline(ds, district_id, on), as_of)
    return [map_page, *text_pages(lines, footer)]


def _role_summary(prof: dict, as_of: _dt.date | None = None) -> list[str]:
    """The roles listed beside the map (as many as fit: compose's side notes count the rest);
    with `as_of`, those of the plans in force then."""
    roles = [f"• {r['layout']['name']} — {r['element']['name']}"
             for g in prof["roles_by_plan"] if as_of is None or g.get("status", {}).get("in_force")
             for r in g["items"]]
    return roles or ["（各布局均未给该区县指定角色）" if as_of is None else f"（{as_of} 无在施行的角色）"]


def save_dossier(figures: list[Figure], path, title: str = "") -> None:
    """Write the pages to one PDF, atomically (see export_io.write_atomic)."""
    from hzmap import fonts
    fonts.register_matplotlib()
    format_for(path, "pdf")

    def write(f):
        with PdfPages(f, metadata={"Title": title, "Creator": "hzmap"}) as pdf:
            for fig in figures:
                pdf.savefig(fig)

    write_atomic(path, write)
