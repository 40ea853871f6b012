"""Forms of real plans and reports first met in the thirty-ninth held-out round, each on a
made-up text."""
from plan_drafts import draft, needs_place, parts, targets


def test_a_told_uncounted_part_of_a_slogan_is_a_part_that_needs_a_place():
    d = draft("某区规划形成“湖城相融、一核两带”的空间格局。\n"
              "锚固“湖城相融”,以湖为心。一核:临平区老城。两带:沿河两侧。\n")
    assert set(parts(d)) == {"湖城", "一核", "两带"}
    assert parts(d)["湖城"] == set() and needs_place(d, "湖城")
    assert [el.part for el in d.layouts[0].children][0] == "湖城"     # in the slogan's order
    assert parts(d)["一核"] == {"linping"}


def test_an_uncounted_part_the_text_never_comes_back_to_is_left_as_an_idea():
    d = draft("按照“湖城相融,一心三港”的功能布局,打造示范区。一心:临平区老城。\n")
    assert "湖城" not in parts(d)
    assert any("湖城相融" in f for f in d.layouts[0].flags)


def test_a_verb_and_its_aim_is_no_part():
    d = draft("构建“一核两带、协同发展”格局。一核:临平区老城。“协同发展”:两带协同。\n")
    assert "协同" not in parts(d) and "协同发展" not in parts(d)


def test_parts_told_under_a_line_of_their_label_lie_in_the_district_the_news_names():
    d = draft("最新规划出炉\n日前,临平区“某某新城单元”详细规划正式出炉。\n"
              "规划形成“一带两轴”的布局结构。\n一带\n滨河生态绿带\n两轴\n规划甲路与乙路两条城市发展轴。\n")
    assert parts(d) == {"一带": {"linping"}, "两轴": {"linping"}}
    told = {el.part: el.passages[0].excerpt for el in d.layouts[0].children}
    assert told["一带"].endswith("滨河生态绿带") and "城市发展轴" in told["两轴"]


def test_a_unit_in_the_city_named_with_the_city_first_is_the_layouts_subject():
    d = draft("杭州未来科技城的规划理念可以概括为“一核两翼”。\n“一核”即以科技研发为核心。\n"
              "“两翼”指的是形成东西两翼的产业格局。\n")
    assert parts(d) == {"一核": {"yuhang"}, "两翼": {"yuhang"}}


def test_a_count_of_projects_then_jutiwei_opens_its_list_of_measures():
    d = draft("今年,省政府10件惠民实事具体为:一是稳定和扩大就业,年度目标为新增就业50万人以上。"
              "二是实施银龄人才计划,年度目标为引进3600名人才。\n")
    assert [m.data["title"][:8] for m in d.measures] == ["稳定和扩大就业", "实施银龄人才计划"]


def test_one_numbered_in_the_official_nesting_has_its_tasks_innermost():
    d = draft("一、工作任务\n(一)实施民生工程\n1.城乡居民增收工程\n(1)增加城镇居民收入\n"
              "①以就业促增收。全面落实就业优先政策。(牵头部门:州人力资源和社会保障局)\n"
              "②以创业促发展。支持返乡创业。(牵头部门:州财政局)\n"
              "(2)增加农村居民收入\n①发展特色产业。(牵头部门:州农业农村局)\n")
    assert [m.data["lead_units"] for m in d.measures] == [
        ["州人力资源和社会保障局"], ["州财政局"], ["州农业农村局"]]


def test_a_years_review_and_a_plans_zones_hold_no_measures():
    review = draft("某市2023年政府工作报告\n一、2022年工作回顾(重点)\n1、科技创新实现新突破:建成实验室11个。\n"
                   "2、城市建设实现新突破:竣工场馆56个。\n")
    assert review.measures == []
    zones = draft("某县国土空间总体规划公示\n七、划定国土空间规划分区\n(一)县域层面规划分区\n划定生态保护区。\n"
                  "(二)中心城区规划分区\n用地分为居住生活区等8个规划分区。\n")
    assert zones.measures == []


def test_a_digests_note_and_a_pages_quanwen_are_not_the_title():
    assert draft("某市2023年政府工作报告(重点部分)\n一、工作回顾\n").plan.data["title"] == "某市2023年政府工作报告"
    d = draft("收藏丨《某某都市圈发展规划》全文\n\n2022年2月22日,国家发展改革委批复同意《某某都市圈发展规划》。\n")
    assert d.plan.data["title"] == "某某都市圈发展规划"


def test_a_figure_in_a_sentence_about_bonds_is_a_target():
    d = draft("2025年国民经济和社会发展计划\n开展专项债券项目试点,新增100个以上项目纳入国家用地保障范围。\n")
    assert (100, "个", 2025) in targets(d)


def test_a_slogan_whose_quote_is_never_closed_but_its_characters_are_counted():
    d = draft("  “一主三副、核心带动,两带两轴、统筹城乡,这16个字是《某某空间发展战略规划》的核心内容。"
              "以某市为主中心。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一主三副、核心带动,两带两轴、统筹城乡"]
    assert [el.part for el in d.layouts[0].children][:4] == ["一主", "三副", "两带", "两轴"]
    miscounted = draft("  “一主三副、核心带动,两带两轴、统筹城乡,这24个字是规划的核心内容。\n")
    assert miscounted.layouts == []


def test_counted_places_a_headline_builds():
    d = draft("某省打通“三纵一横” 构建“三圈两带”\n近日,某省印发实施方案。\n")
    assert "三圈两带" in [lay.data["name"] for lay in d.layouts]


def test_a_run_together_figure_slogan_counted_by_the_clauses_before_it():
    d = draft("形成以某山为一大龙头,以甲、乙、丙为三个新增长极,以某江、某河为两翼,"
              "以多个精品旅游产品为支撑的“132N”发展格局。\n")
    lay = next(lay for lay in d.layouts if lay.data["name"] == "132N")
    assert [el.part for el in lay.children] == ["1", "3", "2", "N"]
    assert "甲、乙、丙" in lay.children[1].passages[0].excerpt
    wrong = draft("形成以某山为一大龙头,以甲、乙为两个新增长极的“132N”发展格局。\n")
    assert [el.part for lay in wrong.layouts for el in lay.children if lay.data["name"] == "132N"] != ["1", "3", "2", "N"]


def test_an_uncounted_part_told_as_the_core_of_something_is_drafted_too():
    d = draft("某区规划形成“湖城相融、一核两带”的空间格局。\n湖城相融:以临平区老城为核心,湖城一体。一核:临平区老城。\n")
    assert parts(d)["湖城"] == set() and needs_place(d, "湖城")
