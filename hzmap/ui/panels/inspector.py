"""The inspector: what every plan says about the selected district or place, with sources.

Items are grouped by plan, each plan with its status on the View's day (“已于 2025-12-31 到期”;
set aside, dimmed or hidden, when an "as of" day finds it not in force), and a district's roles
are also told plan by plan, oldest first (2018 → 2021 → 2024). Each item shows its source (plan short name and section) and expands to
the verbatim excerpt. Copying an item copies its text together with its source; what an item
keeps and how its details are built when it is first expanded is the tree's
(hzmap.ui.panels.inspector_tree).
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTreeWidgetItem

from hzmap.model.dataset import district_profile, place_profile
from hzmap.model.dataset.provenance import section_en, source_dict
from hzmap.model.dataset.report import target_text
from hzmap.model.dataset.timeline import district_timeline
from hzmap.model.view.filters import day_of
from hzmap.ui.common.i18n import tr, tr_data
from hzmap.ui.common.plan_status import DIMMED, dimmed, hidden, status_words
from hzmap.ui.panels.inspector_tree import KIND_ROLE, CitedTree
KIND_ZH = {"core": "核", "belt": "带", "wing": "翼", "group": "组团", "base": "基地", "hub": "枢纽",
           "axis": "轴", "corridor": "走廊", "node": "节点", "platform": "平台", "zone": "片区"}
FLAG_TEXT = {"partial": "部分：另有旧区名行覆盖本区 partial: an old name's row covers it too",
             "split": "无本区数据：旧区名行跨多个区 split: only an old name's row spans it",
             "no data": "无数据 no data", "several rows": "多行同名，未合并 several rows, not combined",
             "sum": "多行相加 rows added", "mean": "多行平均 rows averaged", "empty": "空值 empty cell"}
PRECISION_ZH = {"site": "位置确切", "approximate": "大致位置", "district": "仅知所在区县"}


class Inspector(CitedTree):
    """What the session's dataset says about the selection, as cited items."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session.state, parent)
        self.session = session
        self.profile: dict | None = None
        self._profiles_of = None  # the dataset the kept profiles are of
        self._profiles: dict = {}  # (district, day) -> (profile, timeline)

    @property
    def ds(self):
        """The session's dataset (a new one is shown when the info panel shows the selection again)."""
        return self.session.dataset

    # -- filling ------------------------------------------------------------------------
    def show_district(self, district_id: str | None) -> None:
        self.clear()
        self.profile = None
        if district_id is None:
            return
        view = self.session.state.view
        p = self._district_profile(district_id, day_of(view))
        self.profile = p
        groups = [g for g in p["roles_by_plan"] if not hidden(self.ds, g["plan"]["id"], view)]
        roles = self._section(tr("规划角色 Roles") + f" ({sum(len(g['items']) for g in groups)})")
        for group in groups:
            plan = self._plan_item(roles, group["plan"], view)
            for r in group["items"]:
                self._role_item(plan, r)
        self._timeline(district_id, view, p)
        if p.get("conflicts"):
            self._conflicts(p["conflicts"])
        places = self._section(tr("区内基地与地点 Places") + f" ({len(p['places'])})")
        for pl in p["places"]:
            item = self._child(places, f"{tr_data(pl['name'], pl['name_en'])} · {tr(PRECISION_ZH.get(pl['precision'], ''))}",
                               kind="place")
            self._sources(item, pl["sources"], pl["name"])
        measures = self._section(tr("点名本区的举措 Measures") + f" ({len(p['measures'])})")
        for m in p["measures"]:
            self._measure_item(measures, m)
        n_city = sum(len(g["items"]) for g in p["citywide_measures"])
        city = self._section(tr("全市性举措 City-wide measures") + f" ({n_city})", expanded=False)

        def build_city():
            for group in p["citywide_measures"]:
                plan = self._child(city, _plan_name(group["plan"]), kind="plan")
                for m in group["items"]:
                    self._measure_item(plan, m)
                plan.setExpanded(True)
        self._lazy(city, build_city)
        n_t = len(p["targets"]["district"]) + sum(len(g["items"]) for g in p["targets"]["plan_wide"])
        targets = self._section(tr("目标 Targets") + f" ({n_t})", expanded=False)

        def build_targets():
            for t in p["targets"]["district"]:
                self._target_item(targets, t)
            for group in p["targets"]["plan_wide"]:
                plan = self._child(targets, _plan_name(group["plan"]) + tr("（全市）"), kind="plan")
                for t in group["items"]:
                    self._target_item(plan, t)
                plan.setExpanded(True)
        self._lazy(targets, build_targets)
        self._expand_defaults()

    def prepare_profiles(self) -> None:
        """Work out every district's profile in idle time, one district a turn (3-5 ms each), so
        that even the first click on a district only fills the tree."""
        view = self.session.state.view
        todo = [(did, day_of(view)) for did in self.session.state.geo.districts]

        def step(ds=self.ds):
            if ds is not self.ds:
                return  # a new dataset started its own
            if not todo:
                self._paint_ahead(next(iter(self.session.state.geo.districts)))
                return
            self._district_profile(*todo.pop(0))
            QTimer.singleShot(0, step)
        QTimer.singleShot(0, step)

    def _paint_ahead(self, district_id: str) -> None:
        """Fill the tree with a district as a click does, paint it off screen and empty it
        again, in one idle turn (10-15 ms) that shows nothing: the first click then finds the
        tree's styles, item layout, scroll bar and most of its glyphs ready (its paint took
        10-25 ms more than a later click's)."""
        if self.profile is not None or self.topLevelItemCount():
            return  # something is shown: it was painted already
        self.show_district(district_id)
        try:
            self.grab()
        finally:
            self.show_district(None)

    def _district_profile(self, district_id: str, day) -> dict:
        """What the dataset says about a district on a day, worked out once per dataset (a
        few milliseconds of every click otherwise); the profile and its timeline are read only."""
        key = (district_id, day)
        if self._profiles_of is not self.ds:
            self._profiles_of, self._profiles = self.ds, {}
        if key not in self._profiles:
            profile = district_profile(self.ds, district_id, day)
            self._profiles[key] = (profile, district_timeline(self.ds, district_id, day, profile))
        return self._profiles[key][0]

    def add_layer_values(self, values) -> None:
        """The district's values in the user's layers (hzmap.model.layers.lookup.LayerValues),
        above its roles: each value with how it was joined."""
        from hzmap.model.layers.lookup import format_value

        if not values:
            return
        section = QTreeWidgetItem([tr("我的图层 My layers") + f" ({len(values)})"])
        self.insertTopLevelItem(0, section)
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setData(0, KIND_ROLE, "section")
        for lv in values:
            layer = self._child(section, lv.layer_name, kind="layer")
            for row in lv.rows:
                label = tr("要素数 Features here") if row.label == "count" else row.label
                flag = f" — {tr(FLAG_TEXT.get(row.flag, row.flag))}" if row.flag else ""
                item = self._child(layer, f"{label}: {format_value(row.value)}{flag}", kind="layer_value",
                                   copy=f"{lv.layer_name} · {label}: {format_value(row.value)}{flag}"
                                        + (f" ({row.note})" if row.note else ""))
                if row.note:
                    self._child(item, row.note, kind="layer_note")
                    item.setExpanded(True)
            layer.setExpanded(True)
        section.setExpanded(True)

    def show_feature(self, info) -> None:
        """A feature of a user layer (hzmap.model.layers.lookup.FeatureInfo): its attributes."""
        from hzmap.model.layers.lookup import format_value

        self.clear()
        self.profile = {"layer": info.layer_id, "row": info.row}
        head = self._section(tr("属性 Attributes") + f" ({len(info.attributes)})")
        for key, value in info.attributes.items():
            text = f"{key}: {format_value(value)}"
            self._child(head, text, kind="attribute")
        self._expand_defaults()

    def show_place(self, place_id: str) -> None:
        self.clear()
        p = place_profile(self.ds, place_id)
        self.profile = p
        head = self._section(tr_data(p["place"]["name"], p["place"]["name_en"]))
        dists = tr_data("、", ", ").join(tr_data(d["name"], d["name_en"]) for d in p["districts"])
        self._child(head, tr("所在区县: ") + dists, kind="fact")
        self._child(head, tr("位置精度: ") + tr(PRECISION_ZH.get(p['precision'], p['precision']))
                          + (f" — {p['location_note']}" if p["location_note"] else ""), kind="fact")
        self._sources(head, p["sources"], p["place"]["name"])
        view = self.session.state.view
        shown = [r for r in p["roles"] if not hidden(self.ds, r["plan"]["id"], view)]
        roles = self._section(tr("规划角色 Roles") + f" ({len(shown)})")
        for r in shown:
            self._role_item(roles, r, status=status_words(self.ds, r["plan"]["id"], view),
                            dim=dimmed(self.ds, r["plan"]["id"], view))
        measures = self._section(tr("点名此地的举措 Measures") + f" ({len(p['measures'])})")
        for m in p["measures"]:
            self._measure_item(measures, m)
        self._expand_defaults()

    def show_element(self, layout_id: str, element_id: str) -> None:
        """A layout element: its role, wording, districts and places, with sources."""
        self.clear()
        ds = self.ds
        layout = ds.layouts[layout_id]
        el = next(e for e in layout.elements if e.id == element_id)
        self.profile = {"layout": layout_id, "element": element_id}
        sources = [source_dict(s, ds.plans) for s in el.all_sources]
        head = self._section(f"{tr_data(layout.name, layout.name_en)} · {tr_data(el.name, el.name_en)}"
                             f"［{tr(KIND_ZH.get(el.kind, el.kind))}］")
        self._child(head, tr_data(el.function, el.role_en), kind="text")
        self._child(head, tr("原文表述: ") + el.literal, kind="text")
        if el.interpretation:
            self._child(head, tr("解读（非原文）: ") + el.interpretation.note, kind="interpretation")
        if el.districts:
            names = tr_data("、", ", ").join(tr_data(ds.districts[d].name_zh, ds.districts[d].name_en)
                                             for d in el.districts if d in ds.districts)
            self._child(head, tr("所在区县: ") + names, kind="fact")
        for pid in el.places:
            place = ds.places[pid]
            self._child(head, f"{tr_data(place.name, place.name_en)} · {tr(PRECISION_ZH.get(place.location.shown_precision, ''))}",
                        kind="place")
        self._sources(head, sources, el.name)
        self._expand_defaults()

    def _conflicts(self, conflicts: list[dict]) -> None:
        """Two readings of one layout that put the district in different places: shown, not hidden."""
        section = self._section(tr("说法不一 Conflicting readings") + f" ({len(conflicts)})")
        for c in conflicts:
            names = tr_data("、", ", ").join(tr_data(e["name"], e["name_en"]) for e in c["elements"])
            title = f"{tr_data(c['layout']['name'], c['layout']['name_en'])} · {names}"
            item = self._child(section, title, kind="conflict", copy=f"{title}\n{c['note']}")
            sources = [s for e in c["elements"] for s in e["sources"]]
            self._cite_copy(item, sources, title)

            def details(item=item, c=c):
                self._child(item, c["note"], kind="interpretation")
                for e in c["elements"]:
                    el = self._child(item, f"{tr_data(e['name'], e['name_en'])}: {e['literal']}", kind="text")
                    if e.get("interpretation"):
                        self._child(el, tr("解读（非原文）: ") + e["interpretation"], kind="interpretation")
                    self._source_items(el, e["sources"], e["name"])
            self._lazy(item, details)

    def _plan_item(self, parent, plan: dict, view) -> QTreeWidgetItem:
        """A plan's heading with its status on the View's day, dimmed when that day sets it aside."""
        words = status_words(self.ds, plan["id"], view)
        item = self._child(parent, _plan_name(plan) + (f" · {words}" if words else ""), kind="plan")
        if dimmed(self.ds, plan["id"], view):
            item.setForeground(0, DIMMED)
        return item

    def _timeline(self, district_id: str, view, profile: dict) -> None:
        """The district's roles plan by plan, oldest first (2018 → 2021 → 2024), each plan with
        its status and each role with its sources."""
        self._district_profile(district_id, day_of(view))
        tl = self._profiles[(district_id, day_of(view))][1]
        years = [y for y in tl["years"]
                 if any(not hidden(self.ds, p["plan"]["id"], view) for p in y["plans"])]
        section = self._section(tr("历年角色 Across plans") + " ("
                                + " → ".join(str(y["year"]) for y in years) + ")")
        section.setData(0, KIND_ROLE, "timeline")
        for y in years:
            year = self._child(section, str(y["year"]), kind="year")
            for p in y["plans"]:
                if hidden(self.ds, p["plan"]["id"], view):
                    continue
                plan = self._plan_item(year, p["plan"], view)
                for r in p["roles"]:
                    self._role_item(plan, r, dim=dimmed(self.ds, p["plan"]["id"], view))
        self._years = [section.child(i) for i in range(section.childCount())]

    def _expand_defaults(self) -> None:
        super()._expand_defaults()
        for year in getattr(self, "_years", []):
            year.setExpanded(True)
            for i in range(year.childCount()):
                year.child(i).setExpanded(True)
        self._years = []

    # -- items ------------------------------------------------------------------------------
    def _role_item(self, parent, r: dict, status: str = "", dim: bool = False) -> None:
        el = r["element"]
        title = (f"{tr_data(r['layout']['name'], r['layout']['name_en'])} · {tr_data(el['name'], el['name_en'])}"
                 f"［{tr(KIND_ZH.get(r['kind'], r['kind']))}］")
        if r.get("via_place"):
            title += f"  {tr('经由')} {tr_data(r['via_place']['name'], r['via_place']['name_en'])}"
        if status:
            title += f" · {status}"
        function = tr_data(r["function"], r["role_en"])
        item = self._child(parent, title, kind="role",
                           copy=f"{title}\n{function}")
        if dim:
            item.setForeground(0, DIMMED)
        self._cite_copy(item, r["sources"], title)

        def details():
            self._child(item, function, kind="text")
            if r.get("literal"):
                self._child(item, tr("原文表述: ") + r['literal'], kind="text")
            if r.get("interpretation"):
                self._child(item, tr("解读（非原文）: ") + r['interpretation'], kind="interpretation")
            if r.get("sectors"):
                self._child(item, tr("领域: ") + tr_data("、", ", ").join(r["sectors"]), kind="text")
            self._source_items(item, r["sources"], title)
        self._lazy(item, details)

    def _measure_item(self, parent, m: dict) -> None:
        units = tr_data("、", ", ").join(m["units"]) if m["units"] else tr("未列责任单位")
        title = f"{_plan_name(m['plan'])} {m['number']} {m['title']}"
        item = self._child(parent, title, kind="measure",
                           copy=f"{title}\n{m['summary']}\n{tr('责任单位: ')}{units}")
        self._cite_copy(item, m["sources"], title)

        def details():
            self._child(item, m["summary"], kind="text")
            lead = f"{tr('牵头: ')}{m['lead_units'][0]}{tr_data('；', '; ')}" if m["lead_units"] else ""
            self._child(item, f"{lead}{tr('责任单位: ')}{units}", kind="units")
            self._source_items(item, m["sources"], title)
        self._lazy(item, details)

    def _target_item(self, parent, t: dict) -> None:
        title = target_text(t, "zh")
        item = self._child(parent, title, kind="target", copy=title)
        self._sources(item, t["sources"], title)

    def _sources(self, parent, sources: list[dict], text: str) -> None:
        """Source rows (built when the item is expanded) and the source in the item's copy text."""
        self._cite_copy(parent, sources, text)
        if sources:
            self._lazy(parent, lambda: self._source_items(parent, sources, text))

    def _source_items(self, parent, sources: list[dict], text: str) -> None:
        for s in sources:
            src = self._child(parent, tr("出处: ") + _cite(self.ds, s), kind="source",
                              copy=f"{text}\n——{s['cite']}：“{s['excerpt']}”")
            self._child(src, f"“{s['excerpt']}”", kind="excerpt",
                        copy=f"“{s['excerpt']}”（{s['cite']}）")

def _plan_name(plan: dict) -> str:
    return tr_data(plan["short_name"], plan.get("short_name_en"))


def _cite(ds, source: dict) -> str:
    plan = ds.plans.get(source["doc"])
    return tr_data(source["cite"], f"{plan.short_name_en} §{section_en(source['section'])}" if plan else None)
