"""The layout dataset: plans, places, layouts, measures and targets with provenance.

Format: geodata/dataset/SCHEMA.md. No Qt and no geopandas here, so the CLI starts fast.
The loader (pydantic and yaml, about 0.1 s to import) is imported when a dataset is loaded, not
by the modules that only query one: the window draws its first frame before the dataset loads.
"""
from __future__ import annotations

from .problems import DatasetError
from .queries import Resolution, district_profile, drawn_places, place_profile, resolve_name
from .search import Hit, search


def __getattr__(name: str):
    if name in ("Dataset", "load_dataset"):
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Dataset", "DatasetError", "Hit", "Resolution", "district_profile", "drawn_places",
           "load_dataset",
           "place_profile", "resolve_name", "search", "summary"]


def summary(ds: Dataset) -> list[dict]:
    """Per plan: counts of layouts, elements, places (citing the plan), measures, targets."""
    rows = []
    for pid, plan in ds.plans.items():
        lays = [lay for lay in ds.layouts.values() if lay.plan == pid]
        rows.append({
            "plan": pid,
            "short_name": plan.short_name,
            "layouts": len(lays),
            "elements": sum(len(lay.elements) for lay in lays),
            "places": sum(1 for p in ds.places.values()
                          if any(s.doc == pid for s in p.all_sources)),
            "measures": sum(1 for m in ds.measure_plan.values() if m == pid),
            "targets": sum(1 for t in ds.target_plan.values() if t == pid),
        })
    return rows
