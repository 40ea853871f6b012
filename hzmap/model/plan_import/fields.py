"""The record fields the planner edits as text in the review, read back into dataset values.

The form shows each field as text (lists joined with 、, districts by their Chinese names) and
this module parses it back, naming the field when a value cannot be read. Measures keep the
schema's rules on their own: the lead unit is listed first among the units, and `citywide` is
true exactly when the measure names no district and no place.
"""
from __future__ import annotations

import datetime
import re
import typing

from .draft import Record
from .review import ReviewError

#: kind -> (field, type) in the order the form shows them. Types: str, optional (empty: none),
#: list (names separated by 、 , ; or new lines), districts (names or ids), int, number, date,
#: period (2024-2026, also written 2024—2026年), and choice fields.
FIELDS = {
    "plan": (("title", "str"), ("title_en", "str"), ("short_name", "str"), ("short_name_en", "str"),
             ("issuer", "str"), ("doc_number", "optional"), ("issued", "date"),
             ("period", "period")),
    "layout": (("name", "str"), ("name_en", "str"), ("theme", "str")),
    "element": (("name", "str"), ("name_en", "str"), ("kind", "kind"), ("literal", "str"),
                ("function", "str"), ("role_en", "str")),
    "measure": (("number", "str"), ("title", "str"), ("summary", "str"), ("lead_units", "list"),
                ("units", "list"), ("districts", "districts")),
    "target": (("indicator", "str"), ("value", "number"), ("unit", "str"), ("year", "int"),
               ("comparator", "comparator"), ("districts", "districts")),
}
_SPLIT = re.compile(r"[、,，;；\n]+")


def choices(kind: str) -> tuple[str, ...]:
    from hzmap.model.dataset import schema

    if kind == "kind":
        return typing.get_args(schema.ElementKind)
    return typing.get_args(schema.Target.model_fields["comparator"].annotation)


def field_text(rec: Record, key: str, ds) -> str:
    """A field's value as the form shows it (districts by their Chinese names)."""
    value = rec.data.get(key)
    if value is None:
        return ""
    if key == "districts":
        return "、".join(ds.districts[d].name_zh if d in ds.districts else d for d in value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def edit_fields(rec: Record, texts: dict[str, str], ds) -> bool:
    """Apply the form's texts to the record; only changed fields count. Raises ReviewError
    naming the field for a value that cannot be read. Returns whether anything changed."""
    types = dict(FIELDS[rec.kind])
    changes = {}
    for key, text in texts.items():
        if key not in types or text.strip() == field_text(rec, key, ds):
            continue
        changes[key] = _parse(key, types[key], text.strip(), ds)
    if not changes:
        return False
    if rec.kind == "measure":
        lead = changes.get("lead_units", rec.data.get("lead_units", []))
        units = changes.get("units", rec.data.get("units", []))
        if lead and units[:1] != lead[:1]:    # the schema wants the lead unit listed first
            changes["units"] = [lead[0]] + [u for u in units if u != lead[0]]
        districts = changes.get("districts", rec.data.get("districts", []))
        changes["citywide"] = not (districts or rec.data.get("places"))
    rec.edit(**changes)
    return True


def _parse(key: str, kind: str, text: str, ds):
    if kind == "str":
        return text
    if kind == "optional":
        return text or None
    if kind == "period":
        if not text:
            return None
        m = re.fullmatch(r"((?:19|20)\d\d)\s*[-—–~至]+\s*((?:19|20)\d\d)\s*年?", text)
        if not m or int(m.group(1)) > int(m.group(2)):
            raise ReviewError(f"{key}: '{text}' is not a period (2024-2026)")
        return f"{m.group(1)}-{m.group(2)}"
    if kind == "list":
        return [t.strip() for t in _SPLIT.split(text) if t.strip()]
    if kind == "districts":
        names = [t.strip() for t in _SPLIT.split(text) if t.strip()]
        lookup = {k: d.id for d in ds.districts.values() for k in (d.id, d.name_zh, d.short_name)}
        unknown = [n for n in names if n not in lookup]
        if unknown:
            raise ReviewError(f"{key}: '{unknown[0]}' is not one of the 13 districts")
        return list(dict.fromkeys(lookup[n] for n in names))
    if kind in ("int", "number"):
        try:
            value = float(text)
        except ValueError:
            raise ReviewError(f"{key}: '{text}' is not a number") from None
        if kind == "int" and not value.is_integer():
            raise ReviewError(f"{key}: '{text}' is not a whole number")
        return int(value) if value.is_integer() else value
    if kind == "date":
        if not text:
            return None
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return text
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ReviewError(f"{key}: '{text}' is not a date (2025-03-01, or 2025-03)") from None
    if text not in choices(kind):
        raise ReviewError(f"{key}: '{text}' is not one of {', '.join(choices(kind))}")
    return text
