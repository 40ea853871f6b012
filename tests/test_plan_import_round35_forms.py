"""Forms of real plans and reports first met in the thirty-fifth held-out round, each on a
made-up text."""
from plan_drafts import draft


def _measures(d):
    return [(m.data["number"], m.data["lead_units"][:1], m.data["units"]) for m in d.measures]


def test_projects_of_the_first_level_with_their_units_and_fields_on_lines_of_their_own():
    d = draft("关于下达2024年某县政府民生实事项目任务的通知\n各乡镇人民政府:\n现将12项民生实事项目任务下达给你们。\n"
              "一、莲塘片区20个排水单元雨污管网分流改造项目\n牵头领导:张三\n牵头单位:县城管执法局\n"
              "责任单位:县水务公司、属地乡镇\n任务目标:2024年度计划对20个排水单元进行雨污管网分流改造。\n"
              "二、10万平方米老旧小区改造项目\n牵头领导:张三\n牵头单位:县城管执法局\n"
              "责任单位:莲塘镇任务目标:2024年计划改造总建筑面积不少于10万平方米。\n")
    assert _measures(d) == [("一", ["县城管执法局"], ["县城管执法局", "县水务公司", "属地乡镇"]),
                            ("二", ["县城管执法局"], ["县城管执法局", "莲塘镇"])]


def test_a_table_whose_lead_was_marked_in_bold_gives_no_lead_and_says_so():
    d = draft("某区2025年主要工作任务推进情况\n"
              "序号 | 重点任务 | 任务目标完成情况 | 下一步计划 | 责任单位 (加黑为牵头单位) | 监督科室 |\n"
              "1 | 大力推进产业回归,积极申报省级经济开发区。 | 区发改局与区城发集团共同谋划了产业园,均已立项备案。"
              "各相关部门正合力推进申报工作。 | 持续做好园区谋划。 | 区发展改革局、区工业和信息化局、区投资促进局 | 区发展改革局产业科 |\n"
              "2 | 大力发展新一代信息技术等支柱产业。 | 区工信局完成编制实施方案。 | 持续推进。 | 区工业和信息化局、区科技局 | 区工信局 |\n")
    assert [(lead, units) for _, lead, units in _measures(d)] == [
        ([], ["区发展改革局", "区工业和信息化局", "区投资促进局"]), ([], ["区工业和信息化局", "区科技局"])]
    assert all(any("bold" in f for f in m.flags) for m in d.measures)


def test_a_news_sites_numbered_terms_and_a_plans_goals_part_are_no_measures():
    d = draft("某州落实“八大行动”总体方案\n一、主要目标\n到2024年,地区生产总值增长6%左右。\n")
    assert d.measures == []
    site = draft("这10件实事分别为:新建中小学6所。\n①凡本网注明“来源:某新闻网”的所有文字,版权均属某新闻网所有。\n"
                 "②本网未注明来源的稿件均为转载稿。\n③如本网转载涉及版权等问题,请与本网联系。\n")
    assert site.measures == []


def test_a_plans_name_in_quotes_on_its_own_line_and_the_body_that_made_it_public():
    d = draft("佛山全域纳入广州都市圈!\n8月3日\n某省自然资源厅对外公布\n《某省都市圈国土空间规划协调指引》\n(简称《指引》)\n"
              "提出根据人口、用地\n行政治理等因素\n广州都市圈规划\n广州都市圈包括广州市、佛山市全域。\n")
    assert d.plan.data["title"] == "某省都市圈国土空间规划协调指引"
    assert d.plan.data["issuer"] == "某省自然资源厅"


def test_an_issuer_after_a_reporters_bracket_and_a_title_that_is_a_numbered_part():
    d = draft("一廊引领 某市积极融入经济圈\n本报6月14日讯(记者王琳)近日某市政府印发了《某市推进经济圈一体化发展行动计划》,统筹优化全市资源。\n")
    assert d.plan.data["issuer"] == "某市政府"
    part = draft("二、2025年政府工作目标任务\n2025年经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n")
    assert part.plan.data["title"] == "2025年政府工作目标任务"


def test_a_pair_of_a_slogans_parts_quoted_again_to_define_them_is_no_layout_of_its_own():
    d = draft("某都市圈将构建“一心两极、三环五射”的都市圈总体发展格局。“一心两极”指的是打造某市主中心和甲、乙两个增长极。")
    assert [lay.data["name"] for lay in d.layouts] == ["一心两极、三环五射"]


def test_a_county_name_several_cities_share_is_the_one_of_the_city_the_text_names():
    d = draft("市中区2025年主要工作任务推进情况\n加快建设济南中央活力区,打造济南都市工业经济区。\n")
    assert any("市中区（济南市）" in n for n in d.notes)
