"""What a View names in the layout dataset, and what of it a new dataset no longer has. No Qt.

When the dataset in use changes (a plan saved, a user dataset removed or imported) the map keeps
what it shows wherever the new dataset still has it; a layout, a selected place or element, or a
filter value it lacks is cleared, in one change of the view state (hzmap.model.session.session).
"""
from __future__ import annotations

from hzmap.model.view.filters import facets
from hzmap.model.view.viewstate import Filters, View


def stale_fields(view: View, dataset) -> dict:
    """The fields of `view` that name something `dataset` does not have, each with the value it
    takes instead (empty when the view fits the dataset)."""
    changes: dict = {}
    if view.layout is not None and view.layout not in dataset.layouts:
        changes["layout"] = None
    sel = view.selection
    if sel is not None and ((sel.kind == "place" and sel.id not in dataset.places) or
                            (sel.kind == "element" and view.element[0] not in dataset.layouts)):
        changes["selection"] = None
    values = facets(dataset)
    if any(v is not None and v not in values[k] for k, v in vars(view.filters).items()):
        changes["filters"] = Filters()
    return changes
