"""Plain-text rendering of district and place profiles (``hzmap query``)."""

from __future__ import annotations

#: Comparator signs: on screen and paper, and plain ASCII for terminals.
COMPARATOR_SIGNS = {"unicode": {">=": "≥", ">": ">", "=": "=", "<=": "≤", "~": "约"},
                    "ascii": {">=": ">=", ">": ">", "=": "=", "<=": "<=", "~": "about"}}


def cites(item: dict) -> str:
    """The item's sources as "plan §section; ...", each once."""
    return "; ".join(dict.fromkeys(s["cite"] for s in item["sources"]))


def number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def value_text(t: dict, signs: str = "unicode") -> str:
    """A target's figure with its comparator and unit: '≥ 3325 亿元' (the one way every view
    writes a target's value); empty for a milestone."""
    if t.get("milestone"):   # a goal with no figure (开通…): nothing to compare
        return ""
    sign = COMPARATOR_SIGNS[signs].get(t["comparator"], t["comparator"])
    if t.get("fraction"):   # 三分之二 stays a fraction: '≥ 2/3 (66.7%)'
        return f"{sign} {t['fraction']} ({t['value']:.1f}%)"
    return f"{sign} {number(t['value'])} {t['unit']}".strip()


def year_text(t: dict, lang: str = "zh") -> str:
    """'2027年' or, when the text names no year, '2027年（年份为推定）' / 'by 2027 (year assumed)'."""
    if lang == "zh":
        return f"{t['year']}年" + ("（年份为推定）" if t.get("year_assumed") else "")
    return f"by {t['year']}" + (" (year assumed)" if t.get("year_assumed") else "")


def target_text(t: dict, lang: str = "zh") -> str:
    """'2025年 服务贸易进出口额 ≥ 3325 亿元' (the inspector's and dossier's line for a target)."""
    value = value_text(t)
    return " ".join(x for x in (year_text(t), t["indicator"], value) if x) if lang == "zh" else \
        " ".join(x for x in (t["indicator"], value, year_text(t, "en")) if x)


def units_text(m: dict, none: str = "responsible units not named") -> str:
    """Responsible units, lead unit(s) marked 牵头."""
    if not m["units"]:
        return none
    lead = set(m["lead_units"])
    return "、".join(f"{u}(牵头)" if u in lead else u for u in m["units"])


def _role_lines(r: dict, indent: str = "    ") -> list[str]:
    head = f"{indent}• {r['layout']['name']} — {r['element']['name']} [{r['kind']}]"
    if r.get("primary"):
        head += " (named first)"
    if r.get("via_place"):
        head += f"  via {r['via_place']['name']}"
    lines = [head, f"{indent}  {r['function']}"]
    if r["role_en"]:
        lines.append(f"{indent}  {r['role_en']}")
    lines.append(f"{indent}  document wording: {r['literal']}")
    if r["interpretation"]:
        lines.append(f"{indent}  interpretation: {r['interpretation']}")
    if r["sectors"]:
        lines.append(f"{indent}  sectors: {'、'.join(r['sectors'])}")
    lines.append(f"{indent}  source: {cites(r)}")
    return lines


def _measure_lines(m: dict, indent: str = "    ", brief: bool = False) -> list[str]:
    head = f"{indent}• [{m['plan']['short_name']}] {m['number']}. {m['title']}"
    if m.get("via_place"):
        head += f"  via {m['via_place']['name']}"
    if brief:
        return [head + f"  ({cites(m)})"]
    return [head, f"{indent}  units: {units_text(m)}", f"{indent}  source: {cites(m)}"]


def _target_line(t: dict, indent: str = "    ") -> str:
    s = f"{indent}• {t['indicator']} {value_text(t, 'ascii')} {year_text(t, 'en')}".replace("  by", " by")
    if t.get("milestone"):
        s += " (milestone)"
    if t.get("note"):
        s += f" ({t['note']})"
    return s + f"  — {cites(t)}"


def _status(item: dict) -> str:
    """' — ended 2025-12-31' after a plan's name (its status on the day asked about)."""
    st = item.get("status")
    return f" — {st['label_en']}" if st else ""


def district_text(prof: dict, as_of: str | None = None) -> str:
    """The district's profile; with `as_of` (a date), the plans not in force on that day are
    listed after the others, one line each (their statuses are those of that day)."""
    d = prof["district"]
    out = [f"{d['name']}  {d['name_en']}  ({d['id']})", ""]
    out.append("Roles by plan" + (f" in force on {as_of}" if as_of else ""))
    groups = prof["roles_by_plan"]
    shown = [g for g in groups if not as_of or g.get("status", {}).get("in_force")]
    if not shown:
        out.append("  (no role in any layout" + (" in force then)" if as_of else " yet)"))
    for g in shown:
        out.append(f"  {g['plan']['short_name']} ({g['plan']['id']}){_status(g)}")
        for r in g["items"]:
            out += _role_lines(r)
    lapsed = [g for g in groups if g not in shown]
    if lapsed:
        out += ["", f"Not in force on {as_of}"]
        for g in lapsed:
            names = "、".join(dict.fromkeys(r["element"]["name"] for r in g["items"]))
            out.append(f"  {g['plan']['short_name']} ({g['plan']['id']}){_status(g)}: {names}")
    if prof.get("conflicts"):
        out += ["", "Conflicts between readings"]
        for c in prof["conflicts"]:
            names = " / ".join(e["name"] for e in c["elements"])
            out.append(f"  ! {c['layout']['name']} ({c['plan']['short_name']}): {names}")
            out.append(f"    {c['note']}")
    out += ["", "Bases and places in the district"]
    if not prof["places"]:
        out.append("  (none)")
    for p in prof["places"]:
        out.append(f"  • {p['name']} ({p['kind']}, {p['precision']})  — {cites(p)}")
    out += ["", "Measures naming it"]
    if not prof["measures"]:
        out.append("  (none)")
    for m in prof["measures"]:
        out += _measure_lines(m, "  ")
    out += ["", "City-wide measures"]
    for g in prof["citywide_measures"]:
        out.append(f"  {g['plan']['short_name']}: {len(g['items'])}")
        for m in g["items"]:
            out += _measure_lines(m, "    ", brief=True)
    out += ["", "Targets"]
    for t in prof["targets"]["district"]:
        out.append(_target_line(t, "  "))
    for g in prof["targets"]["plan_wide"]:
        out.append(f"  {g['plan']['short_name']} (city-wide)")
        for t in g["items"]:
            out.append(_target_line(t))
    if not prof["excerpts_checked"]:
        out += ["", "(source excerpts were not checked: source documents folder not found)"]
    return "\n".join(out)


def place_text(prof: dict) -> str:
    p = prof["place"]
    where = "、".join(d["name"] for d in prof["districts"])
    out = [f"{p['name']}  {p['name_en']}  ({p['id']})",
           f"  in: {where}   location precision: {prof['precision']}"]
    if prof.get("location_note"):
        out.append(f"  location: {prof['location_note']}")
    out.append(f"  named in: {cites(prof)}")
    if prof.get("parts"):
        out.append("  drawn at its parts: " + "、".join(q["name"] for q in prof["parts"]))
    if prof.get("part_of"):
        out.append("  part of: " + "、".join(q["name"] for q in prof["part_of"]))
    out += ["", "Roles"]
    if not prof["roles"]:
        out.append("  (none)")
    for r in prof["roles"]:
        out.append(f"  {r['plan']['short_name']} ({r['plan']['id']}){_status(r)}")
        out += _role_lines(r)
    out += ["", "Measures naming it"]
    if not prof["measures"]:
        out.append("  (none)")
    for m in prof["measures"]:
        out += _measure_lines(m, "  ")
    if prof["targets"]:
        out += ["", "Targets"]
        out += [_target_line(t, "  ") for t in prof["targets"]]
    return "\n".join(out)


def timeline_text(tl: dict) -> str:
    """`hzmap query --timeline`: the district's roles plan by plan, oldest first, with sources."""
    d = tl["district"]
    out = [f"{d['name']}  {d['name_en']}: roles across plans (status as of {tl['on']})"]
    if not tl["years"]:
        out.append("  (no role in any layout yet)")
    for y in tl["years"]:
        out += ["", str(y["year"] or "(year not known)")]
        for p in y["plans"]:
            st = p["status"]
            period = st["period_en"] if st["kind"] != "draft" else ""
            out.append(f"  {p['plan']['short_name']} ({p['plan']['id']})"
                       f"{' — ' + period if period else ''} — {st['label_en']}")
            for r in p["roles"]:
                via = f" (via {r['via_place']['name']})" if r.get("via_place") else ""
                out.append(f"    • {r['layout']['name']} — {r['element']['name']}{via}: "
                           f"{r['function']}")
                if r.get("interpretation"):
                    out.append(f"      interpretation: {r['interpretation']}")
                out.append(f"      source: {cites(r)}")
    return "\n".join(out)
