"""Forms of real plans and reports first met in the twenty-seventh held-out round, each on a
made-up text."""
from plan_drafts import draft, needs_place, parts


def test_a_district_pages_mention_of_the_citys_layout_is_not_placed_in_the_district():
    d = draft("近日,省政府批准《杭州市萧山区国土空间总体规划(2021-2035年)》。规划期限为2021-2035年。\n"
              "《杭州市国土空间总体规划(2021-2035年)》明确,杭州将构建“一主六辅三城”的国土空间格局。")
    assert parts(d)["六辅"] == set() and needs_place(d, "六辅")
    d = draft("萧山区国土空间总体规划解读\n在规划中,强调了杭州是“一主六辅三城”的空间规划格局。")
    assert parts(d)["三城"] == set()


def test_a_district_plan_named_short_still_places_its_own_layout():
    d = draft("《钱塘区国土空间分区规划》(以下简称《规划》)通过构建“一带两城、三轴四组团”总体空间格局,"
              "将钱塘打造成智能制造新引擎。")
    assert parts(d)["两城"] == {"qiantang"}
    d = draft("临平区国土空间总体规划\n落实市级总体规划,建设杭州东部新中心,提出“双轴双环、两心三片”的空间结构。")
    assert parts(d)["两心"] == {"linping"}
