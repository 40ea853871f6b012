"""Names as Hangzhou's offices write them in tables: every form joins where it belongs, totals are
totals, zones are parts of a district, and a suggestion is made only when it is right."""
import pytest

from hzmap.model.geo.gazetteer import load_gazetteer
from hzmap.model.geo.names import suggest
from hzmap.model.layers.join import join_rows, match_name


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def names(geodata):
    return {d: f["name_zh"] for d, f in geodata.districts.items()}


@pytest.mark.parametrize("text,status,districts", [
    # the county-level cities before they became districts, by name and by code
    ("萧山市", "former", ("xiaoshan",)), ("330181", "former", ("xiaoshan",)),
    ("余杭市", "split", ("yuhang", "linping")), ("330184", "split", ("yuhang", "linping")),
    ("富阳市", "former", ("fuyang",)), ("330183", "former", ("fuyang",)),
    ("临安市", "former", ("linan",)), ("330185", "former", ("linan",)), ("330185.0", "former", ("linan",)),
    ("330182", "matched", ("jiande",)),                       # 建德市 is still a county-level city
    ("330103", "former", ("gongshu",)), ("330104", "split", ("shangcheng", "qiantang")),
    # prefixed with the province and the city
    ("浙江省杭州市西湖区", "matched", ("xihu",)), ("杭州市西湖区", "matched", ("xihu",)),
    ("杭州西湖区", "matched", ("xihu",)), ("浙江杭州西湖区", "matched", ("xihu",)),
    ("杭州市下城区", "former", ("gongshu",)), ("其中：萧山区", "matched", ("xiaoshan",)),
    # pinyin with the unit's word, any case and spacing
    ("xihuqu", "matched", ("xihu",)), ("Xihu Qu", "matched", ("xihu",)), ("XIHU DISTRICT", "matched", ("xihu",)),
    ("chun'an xian", "matched", ("chunan",)), ("jiandeshi", "matched", ("jiande",)),
    ("xiachengqu", "former", ("gongshu",)), ("Lin'an City", "former", ("linan",)),
    # spaces of every width inside a name
    ("上 城 区", "matched", ("shangcheng",)), ("上　城　区", "matched", ("shangcheng",)),
    ("滨\u00a0江\u2002区", "matched", ("binjiang",)), ("\u200b淳安县", "matched", ("chunan",)),
    ("ｘｉｈｕ", "matched", ("xihu",)),
    # totals in every common spelling
    ("全市", "total", ()), ("全  市", "total", ()), ("全　市", "total", ()), ("合计", "total", ()),
    ("合 计", "total", ()), ("总计", "total", ()), ("杭州市", "total", ()), ("杭州", "total", ()),
    ("全市合计", "total", ()), ("市区", "total", ()), ("浙江省杭州市", "total", ()), ("330100", "total", ()),
    ("Total", "total", ()), ("县（市）", "total", ()), ("城区小计", "total", ()),
    # zones and areas: parts of a district, never the whole
    ("杭州经济技术开发区", "area", ("qiantang",)), ("经济技术开发区", "area", ("qiantang",)),
    ("西湖风景名胜区", "area", ("xihu",)), ("风景名胜区", "area", ("xihu",)),
    ("大江东", "area", ("qiantang",)), ("大江东产业集聚区", "area", ("qiantang",)),
    ("下沙", "area", ("qiantang",)), ("钱江新城", "area", ("shangcheng",)),
    ("萧山经济技术开发区", "area", ("xiaoshan",)), ("余杭经济技术开发区", "area", ("linping",)),
    ("富阳银湖科技城", "area", ("fuyang",)), ("330106001", "area", ("xihu",)),
])
def test_every_form_an_office_writes(gaz, names, text, status, districts):
    got, ids, note = match_name(text, gaz, names)
    assert (got, ids) == (status, districts), note
    if status in ("former", "split", "area", "total"):
        assert note


@pytest.mark.parametrize("text,expected", [("滨江去", "滨江区"), ("binjian", None), ("xihuq", None)])
def test_a_typo_of_one_unit_gets_that_unit(gaz, names, text, expected):
    status, _ids, note = match_name(text, gaz, names)
    if expected is None:  # Latin suggestions name the unit in Chinese too
        assert status == "unmatched" and "did you mean" in note
    else:
        assert status == "unmatched" and note == f"did you mean {expected}?"


@pytest.mark.parametrize("text", ["330189", "330180", "330186", "临安县", "杭州经济技术开发", "某某区"])
def test_no_suggestion_unless_it_is_right(gaz, names, text):
    status, _ids, note = match_name(text, gaz, names)
    assert status == "unmatched" and "建德" not in note
    assert suggest(gaz, text) is None


def test_a_listing_says_each_old_name_once(gaz, names):
    cells = ["下城"] * 1848 + ["拱墅区"] * 900 + ["江干区"] * 12 + ["全  市"]
    result = join_rows("区域", cells, range(2, 2 + len(cells)), gaz, names)
    notes = " | ".join(result.notes)
    assert "1,848 rows 下城 → 拱墅区" in notes and "12 rows 江干区 → 上城区、钱塘区" in notes
    assert notes.count("下城") == 1 and len(notes) < 400
    assert result.is_listing()
    vals = result.district_values({}, list(names), "count")
    assert vals["gongshu"].value == 1848 + 900 and len(vals["gongshu"].note) < 200


@pytest.mark.parametrize("text,district", [("下沙街道", "qiantang"), ("良渚街道", "yuhang"), ("西溪街道", "xihu")])
def test_townships_are_parts_of_their_district(gaz, names, text, district):
    status, ids, _note = match_name(text, gaz, names)
    assert status == "area" and ids == (district,)
