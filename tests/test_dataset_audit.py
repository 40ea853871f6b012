"""The five documents read again against the dataset: seven points, each checked in the text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely

from hzmap.model.dataset import district_profile
from hzmap.model.dataset.comparators import figure_comparator, figure_span
from hzmap.model.dataset.report import target_text, value_text
from hzmap.model.documents import load_documents

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def docs(dataset):
    return load_documents(dataset)


def passage(docs, kind: str, item_id: str) -> tuple[object, int, int]:
    """(document, start, end) of the item's first excerpt in its document's clean text."""
    a = docs.anchors_of(kind, item_id)[0]
    return docs[a.doc], a.start, a.end


# ---------------------------------------------------------------- 1. 以上 after the margin

def test_a_margin_above_the_national_average_is_at_least_10_points(dataset, docs):
    t = dataset.targets["dt2024_t_digital_services_share_vs_national"]
    doc, start, end = passage(docs, "target", t.id)
    text = doc.text[start:end]
    s, e = figure_span(text, t.value, t.unit, t.indicator)
    assert text[:s].endswith("高于全国平均水平") and text[e:].startswith("个百分点以上")
    assert figure_comparator(text, s, e) == ">=" == t.comparator
    assert value_text(t.model_dump()) == "≥ 10 个百分点"
    # 高于 right before a figure still reads "more than"
    assert figure_comparator("比重超60%", 3, 5) == ">"


# ---------------------------------------------------------------- 2. goals with no year

_YEAR = re.compile(r"(?:19|20)\d\d\s*年|“?十[三四五六]五”?(?:期间|时期|末)")


def stated_year(doc, start: int) -> bool:
    """Whether the text names a year for the goal at `start`: in its sentence, earlier in its
    paragraph, or in the opening words of a part it stands in (一、发展目标 到2026年,…)."""
    text = doc.text
    sentence = max(text.rfind(c, 0, start) for c in "。；;\n") + 1
    end = re.compile(r"[。；;\n]").search(text, start)
    if _YEAR.search(text, sentence, end.start() if end else len(text)):
        return True
    if _YEAR.search(text, doc.paragraph_at(start).start, start):
        return True
    h = doc.heading_at(start)
    while h is not None:
        later = [x.start for x in doc.headings if x.start > h.start]
        if _YEAR.search(text, h.end, min([start, *later])):
            return True
        h = h.parent
    return False


def test_every_goal_without_a_year_takes_its_plans_last_year_and_says_so(dataset, docs):
    assumed = set()
    for t in dataset.targets.values():
        doc, start, _ = passage(docs, "target", t.id)
        plan = dataset.plans[dataset.target_plan[t.id]]
        if stated_year(doc, start):
            assert not t.year_assumed, t.id
            continue
        assumed.add(t.id)
        assert t.year_assumed, f"{t.id}: the text names no year, so it is assumed"
        if plan.in_force is not None:
            assert t.year == plan.in_force.to.year, t.id
    ps = {t for t in assumed if t.startswith("ps2024")}
    assert ps == {"ps2024_t_reform_pilot_tasks", "ps2024_t_lowalt_city_delivery",
                  "ps2024_t_lowalt_instant_delivery", "ps2024_t_forensic_proficiency",
                  "ps2024_t_foreign_affairs_processing_days", "ps2024_t_exhibition_area"}
    assert len(assumed) == 12   # the same rule in 001 (“123”快货物流圈) and 002 (铁路枢纽)


def test_the_three_missing_goals_of_003_are_there(dataset, docs):
    want = {"ps2024_t_reform_pilot_tasks": ("(十)", 97, "项", "="),
            "ps2024_t_forensic_proficiency": ("(二十三)", 95, "%", ">="),
            "ps2024_t_foreign_affairs_processing_days": ("(二十四)", 7, "个工作日", "<=")}
    for tid, (section, value, unit, comparator) in want.items():
        t = dataset.targets[tid]
        doc, start, end = passage(docs, "target", tid)
        assert doc.section_at(start).endswith(section) and section == t.source.section
        assert (t.value, t.unit, t.comparator, t.year, t.year_assumed) == \
            (value, unit, comparator, 2027, True)
    shown = target_text(dataset.targets["ps2024_t_forensic_proficiency"].model_dump())
    assert shown == "2027年（年份为推定） 司法鉴定机构能力验证通过率 ≥ 95 %"


def test_an_assumed_year_must_be_the_plans_last(tmp_path):
    from test_dataset_fixes import copy_dataset, edit_yaml

    from hzmap.model.dataset import DatasetError, load_dataset

    root = copy_dataset(tmp_path)

    def a_year_earlier(data):
        t = next(t for t in data["targets"] if t["id"] == "ps2024_t_forensic_proficiency")
        t["year"] = 2026
    edit_yaml(root / "dataset/targets/ps2024.yaml", a_year_earlier)
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert exc.value.problems == [
        "targets/ps2024.yaml: target 'ps2024_t_forensic_proficiency': year: 2026 is assumed (the "
        "text names no year), so it is the last year of the plan's term, 2027"]


# ---------------------------------------------------------------- 3. 三分之二 stays a fraction

def test_two_thirds_is_kept_exactly_and_shown_as_a_fraction(dataset, docs):
    t = dataset.targets["ps2024_t_share_2027"]
    doc, start, end = passage(docs, "target", t.id)
    assert "三分之二以上" in doc.text[start:end]
    assert t.fraction == "2/3" and t.value == 200 / 3
    assert value_text(t.model_dump()) == "≥ 2/3 (66.7%)"
    assert target_text(t.model_dump()) == "2027年 生产性服务业增加值占服务业比重 ≥ 2/3 (66.7%)"


def test_a_fraction_is_a_share(tmp_path):
    from test_dataset_fixes import copy_dataset, edit_yaml

    from hzmap.model.dataset import DatasetError, load_dataset

    root = copy_dataset(tmp_path)

    def in_yuan(data):
        t = next(t for t in data["targets"] if t["id"] == "ps2024_t_share_2027")
        t["unit"] = "亿元"
    edit_yaml(root / "dataset/targets/ps2024.yaml", in_yuan)
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert "value: a fraction is a share of a whole" in exc.value.problems[0]


# ---------------------------------------------------------------- 4. the finance harbour

def test_the_finance_harbour_gives_xiaoshan_no_role_as_its_note_says(dataset, docs):
    lay = dataset.layouts["open2018_platforms"]
    el = next(e for e in lay.elements if e.id == "finance_bay")
    doc, start, end = passage(docs, "element", f"{lay.id}/{el.id}")
    paragraph = doc.paragraph_text(start)
    assert "金融港湾" in paragraph and "萧山" not in paragraph   # the text puts it nowhere
    assert "萧山" in el.interpretation.note and "neither drawn nor counted" in el.interpretation.note

    def roles(did):
        return {r["element"]["id"] for g in district_profile(dataset, did)["roles_by_plan"]
                for r in g["items"] if r["layout"]["id"] == lay.id}
    assert "finance_bay" in roles("shangcheng") and "finance_bay" not in roles("xiaoshan")
    # the harbour itself is still listed among 萧山's places, its note says why it has no role
    place = dataset.places["qiantang_finance_bay"]
    assert "xiaoshan" in place.districts and "gives 萧山 no role" in place.location_note

    from hzmap.model.dataset.compare import district_roles   # the compare table and the atlas
    assert any("金融港湾" in n for n in district_roles(dataset, lay.id, "shangcheng"))
    assert not any("金融港湾" in n for n in district_roles(dataset, lay.id, "xiaoshan"))


# ---------------------------------------------------------------- 5. symbols placed by district

def district_only_symbols(dataset, geodata):
    from hzmap.model.elements.symbols import element_symbols

    for lay, el in dataset.elements():
        for sym in element_symbols(dataset, geodata, el):
            if sym.precision == "district":
                yield lay.id, sym, dataset.places[sym.place]


def test_every_district_only_symbol_stands_in_its_district_clear_of_its_label(dataset, geodata):
    from hzmap.model.elements.district_symbols import VIEWS, label_box, metres_per_pt

    seen = {}
    for layout_id, sym, place in district_only_symbols(dataset, geodata):
        parts = dataset.places[sym.place].parts
        did = next(d for d in place.districts) if not parts else None
        x, y = sym.xy
        where = geodata.district_at(x, y)
        owner = did or where
        assert where in place.districts or any(where in dataset.places[p].districts for p in parts), \
            (layout_id, sym.place, where)
        # clear of its district's label at the scale of the urban core at least
        box = label_box(geodata, owner, metres_per_pt(geodata, VIEWS[-1]))
        assert box.distance(shapely.Point(x, y)) > 0, (layout_id, sym.place)
        seen.setdefault(sym.place, set()).add((round(x), round(y)))
    assert len(seen) >= 15
    assert all(len(points) == 1 for points in seen.values())   # one point in every layout
    for pid, want in (("westlake_university", "xihu"), ("hz_north_rail_freight", "gongshu"),
                      ("xingqiao_rail_logistics", "linping")):
        (x, y), = seen[pid]
        assert geodata.district_at(x, y) == want


def test_symbols_in_one_district_do_not_overlap(dataset, geodata):
    from hzmap.model.elements.district_symbols import SPACING_PT, VIEWS, metres_per_pt

    by_district: dict[str, set] = {}
    for _, sym, place in district_only_symbols(dataset, geodata):
        by_district.setdefault(place.districts[0], set()).add(sym.xy)
    gap = SPACING_PT * metres_per_pt(geodata, VIEWS[-1]) * 0.98
    for did, points in by_district.items():
        pts = sorted(points)
        for i, (ax, ay) in enumerate(pts):
            for bx, by in pts[i + 1:]:
                assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= gap, did


def test_on_the_urban_map_the_labels_of_districts_with_such_symbols_stay_put(data):
    """Drawn as an export does: 拱墅区's and 滨江区's names stand at their anchors, and no symbol
    sits under a district's name."""
    from matplotlib.figure import Figure

    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.views import view_extent
    from hzmap.model.view.viewstate import View
    from hzmap.render.map.scene import Scene

    geo, ds = data
    fig = Figure(figsize=(9.5, 7), dpi=96)
    scene = Scene(fig, geo, ds)
    scene.apply(View(extent=Extent.from_bounds(view_extent(geo, "urban")), preset="urban",
                     layout="ps2024_places"))
    r = scene.renderer
    fig.canvas.draw()
    r.refresh_labels()
    boxes = r.label_boxes()
    to_px = r.ax.transData
    for did in ("gongshu", "binjiang"):
        anchor = to_px.transform(r.label_anchor[did])
        b = boxes[did]
        assert abs((b.x0 + b.x1) / 2 - anchor[0]) < 1 and abs((b.y0 + b.y1) / 2 - anchor[1]) < 1
    for _, sym, _ in district_only_symbols(ds, geo):
        px, py = to_px.transform(sym.xy)
        assert not any(b.x0 <= px <= b.x1 and b.y0 <= py <= b.y1
                       for k, b in boxes.items() if not k.startswith("element:"))


# ---------------------------------------------------------------- 6. what the 2018 text writes

def test_the_2018_text_never_writes_the_old_district_names_and_no_doc_says_it_does(dataset, docs):
    text = docs["open2018"].text
    assert "江干" not in text and "下城" not in text
    assert not any(n in el.literal for _, el in dataset.elements() for n in ("江干区", "下城区"))
    for path in ("README.md", "geodata/sources/README.md", "geodata/dataset/SCHEMA.md"):
        doc = (REPO / path).read_text(encoding="utf-8")
        assert "pre-2021 江干区 and 下城区, is kept literally" not in doc
        assert "Uses the **pre-2021** district names (江干区" not in doc
        assert "never writes 江干区 or 下城区" in doc, path


def test_the_place_notes_cite_what_confirms_them(dataset, docs):
    film = dataset.places["film_coop_zone"]
    assert "weakly sourced" not in film.location_note and "http" in film.location_note
    assert "西溪创意产业园" in film.location_note and film.districts == ["xihu"]
    valley = dataset.places["china_data_valley"]
    assert valley.districts == ["binjiang"] and "浙江日报, 2024-09-24" in valley.location_note
    assert "高新区(滨江)" in valley.location_note and "uncertain" not in valley.location_note
    assert "中国数谷" in docs["dt2024"].text


# ---------------------------------------------------------------- 7. a place linked by other words

UNIT_LIST = re.compile(r"[（(][^（）()]*(?:局|委|办|府|海关|公司|管委会|银行|分行)[^（）()]*[）)]")


def measure_text(doc, offset: int) -> str:
    """The measure's whole section, without its list of responsible units."""
    h = doc.heading_at(offset)
    end = next((x.start for x in doc.headings if x.start > h.start and x.level <= h.level),
               len(doc.text))
    return UNIT_LIST.sub("", doc.text[h.start:end])


def test_a_measure_linking_a_place_its_text_does_not_name_says_how(dataset, docs):
    explained = []
    for m in dataset.measures.values():
        a = docs.anchors_of("measure", m.id)[0]
        text = measure_text(docs[a.doc], a.start)
        for pid in m.places:
            p = dataset.places[pid]
            if any(n in text for n in (p.name, *p.aliases)):
                continue
            assert m.notes and p.name in m.notes and "interpretation" in m.notes, (m.id, pid)
            explained.append((m.id, pid))
    assert ("dt2024_m17", "xiaoshan_airport") in explained
    doc, start, _ = passage(docs, "measure", "dt2024_m17")
    assert "空港" in measure_text(doc, start) and "萧山" not in measure_text(doc, start)
