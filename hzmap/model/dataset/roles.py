"""A district's roles in a layout: the one answer the tooltip, the compare table, the atlas
and `hzmap query` share. No Qt.

An element gives a district a role when it names the district. An element that names no
district (a set of bases) gives a role to the districts its places lie in: the role is reached
"via" those places. An element that names its districts covers those only: its places are
drawn, but a place that also lies elsewhere (钱塘江金融港湾, partly in 萧山, drawn as the 上城
strip the element names) carries no role there.
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


def element_reach(ds, el) -> dict[str, tuple[str, ...]]:
    """{district id: the element's places there} for every district the element gives a role
    to; the places are () where the element names the district itself."""
    if el.districts:
        return {d: () for d in el.districts}
    out: dict[str, tuple[str, ...]] = {}
    for p in el.places:
        for d in ds.places[p].districts if p in ds.places else ():
            out[d] = out.get(d, ()) + (p,)
    return out


def layout_roles(ds, layout_id: str, district_id: str) -> list[Role]:
    """The elements of one layout that concern the district, in document order."""
    out = []
    for el in ds.layouts[layout_id].elements:
        reach = element_reach(ds, el)
        if district_id in reach:
            out.append(Role(el, reach[district_id]))
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
