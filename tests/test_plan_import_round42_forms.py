"""Forms of real plans and reports first met in the forty-second held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_zhuban_marks_the_lead_and_xieban_the_partners():
    d = draft("某市政府工作报告目标任务分解落实方案\n1.持续压实四方责任。(市卫健委主办,市相关部门、各区政府协办)\n"
              "2.地区生产总值增长7%。(市发改委主办)\n")
    assert [(m.data["lead_units"], m.data["units"]) for m in d.measures] == [
        (["市卫健委"], ["市卫健委", "市相关部门", "各区政府"]), (["市发改委"], ["市发改委"])]


def test_the_parts_of_a_policy_history_hold_no_measures():
    d = draft("某省未来社区发展现状深度剖析\n一、未来社区建设和政策演变\n1、顶层设计和政策沿革\n浙江省提出了框架体系。\n"
              "2、正式启动(2019.3):印发工作方案,明确目标。\n3、政策完善(2020.6):发布若干意见。\n")
    assert d.measures == []


def test_a_generic_plan_name_in_a_lead_is_no_title():
    d = draft("古运河穿城而过,描绘出发展新画卷。\n2024年,伴随着杭州市《某某地区国土空间规划(2023—2035年)》编制完成,"
              "新一轮三年行动计划发布,某区推动城市更新。\n")
    assert d.plan.data["title"] != "三年行动计划"


def test_a_decimal_section_line_is_no_headline():
    d = draft("杭州,这座历史与现代交融的城市,正以其独特的魅力吸引着全世界的目光。在杭州的东部,一个崭新的城市中心正在崛起。"
              "本文将深入探讨城东新城的发展背景、规划蓝图、产业布局以及未来潜力。\n\n一、发展背景\n\n"
              "随着长三角一体化发展战略的深入推进,杭州作为长三角的重要城市,其城市功能定位和空间布局正在发生深刻变革。"
              "城东新城的崛起,正是这一战略背景下的产物。\n\n"
              "1.1 长三角一体化\n\n长三角地区是我国经济发展的重要引擎。\n")
    assert "长三角一体化" not in d.plan.data["title"]


def test_a_short_title_line_gives_way_to_the_full_name_the_page_says_was_published():
    d = draft("深圳十四五规划和2035远景目标 附解读\n\n  6月9日,深圳发改委发布《深圳市国民经济和社会发展第十四个五年规划和"
              "二〇三五年远景目标纲要》,纲要指出要提升城市功能品质和综合承载力,深圳都市核心区扩容提质。另外,在交通、教育、"
              "医疗、住房等方面做了很多规划。\n\n深圳十四五规划\n\n  到2025年新增幼儿园学位12.5万个\n")
    assert d.plan.data["title"] == "深圳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    other = draft("某区十四五规划\n近日,市政府印发《关于加快数字经济发展的若干意见》。\n")
    assert other.plan.data["title"] == "某区十四五规划"
