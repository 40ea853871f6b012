"""A district's roles in a layout: the one answer the tooltip, the compare table, the atlas
and `hzmap query` share. No Qt.

An element gives a district a role when it names the district, or when one of its places lies in
the district (then the role is reached "via" those places).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    element: object                 # the dataset Element
    via_places: tuple[str, ...]     # place ids inside the district, when not named directly

    @property
    def direct(self) -> bool:
        return not self.via_places


def layout_roles(ds, layout_id: str, district_id: str) -> list[Role]:
    """The elements of one layout that concern the district, in document order."""
    out = []
    for el in ds.layouts[layout_id].elements:
        if district_id in el.districts:
            out.append(Role(el, ()))
            continue
        via = tuple(p for p in el.places if p in ds.places and district_id in ds.places[p].districts)
        if via:
            out.append(Role(el, via))
    return out


def role_label(ds, role: Role, lang: str = "zh") -> str:
    """'元素名' or '元素名（经由 地点、地点）' in the language asked for."""
    el = role.element
    name = (el.name_en or el.name) if lang == "en" else el.name
    if role.direct:
        return name
    places = [ds.places[p] for p in role.via_places]
    if lang == "en":
        return f"{name} (via {', '.join(p.name_en or p.name for p in places)})"
    return f"{name}（经由 {'、'.join(p.name for p in places)}）"
