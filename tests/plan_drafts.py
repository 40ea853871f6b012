"""Drafting small texts written for the plan-import tests, and reading what the draft placed."""
from hzmap.model.plan_import import draft_plan, pasted


def draft(text):
    """The draft of a pasted text, with the gazetteer alone (no dataset's own places)."""
    return draft_plan(pasted(text), None, plan_id="t")


def parts(d) -> dict:
    """{part label: the districts its elements were placed in}."""
    out = {}
    for lay in d.layouts:
        for el in lay.children:
            out.setdefault(el.part, set()).update(el.data["districts"])
    return out


def needs_place(d, label) -> bool:
    """Every element of that part is flagged as needing a place."""
    return all(any("needs a place" in f for f in el.flags)
               for lay in d.layouts for el in lay.children if el.part == label)


def targets(d) -> set:
    """{(value, unit, year)} of the draft's targets."""
    return {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
