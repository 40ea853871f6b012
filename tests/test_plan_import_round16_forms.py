"""Forms of real plans and reports first met in the sixteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, targets



def test_a_rate_or_standard_changed_from_one_figure_to_another_has_the_second_as_its_goal():
    d = draft("2025年为民实事实施方案\n1.阶段性减征职工医疗保险费。将参保单位缴费费率由7%降至6%。(市医保局)\n"
              "2.提高财政补助标准。城乡居民医保补助标准由每人每年670元提高到700元。(市医保局)\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(6, "%"), (700, "元/年")}


def test_a_credit_line_a_policy_raises_is_no_goal_of_the_plan():
    d = draft("到2027年,用好国家普惠小微贷款标准单户授信扩大到2000万元的支持政策。")
    assert d.targets == []


def test_circled_numbers_number_measures():
    d = draft("主要任务:\n① 实施环境综合整治行动,深化运维长效管理;\n② 实施功能服务提质行动,提升辐射集聚功能;\n")
    assert [m.data["title"][:10] for m in d.measures] == ["实施环境综合整治行动", "实施功能服务提质行动"]


def test_a_plan_summary_s_chapters_of_decimal_sections_and_its_introduction_hold_no_measures():
    d = draft("1.永丰县简介\n永丰县隶属吉安市,下辖8个镇。\n2.战略目标与协同发展\n总体定位:山水城。\n"
              "3.总体发展格局\n3.1国土空间发展格局\n构建“两屏三区”的总体格局。\n")
    assert d.measures == []


def test_numbered_progress_under_a_progress_label_is_no_measure():
    d = draft("重点工作:实施强区工程。\n牵头单位:市工业和信息化局\n进展情况、存在问题\n及下一步工作建议:\n已完成。\n"
              "1.2021年6月份印发链长制意见。\n2.2021年11月举办集成电路年会。\n3.已完成年度评价工作。\n"
              "4.花都区新增一家省级研发平台。\n")
    assert d.measures == []


def test_a_partners_cell_naming_every_department_and_street_offices():
    d = draft("序号 重点工作任务 主要责任单位 协同配合单位\n一、主要预期目标\n"
              "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府、街道办事处。\n"
              "2 一般公共预算收入增长5%左右。 区财政局 区税务局,街道办事处。\n"
              "3 固定资产投资增长7.5%左右。 区发改委 区工信局、区住建局。\n")
    assert d.measures[0].data["units"] == ["区发改委", "区政府各部门", "各乡镇人民政府", "街道办事处"]


def test_a_progress_column_s_figures_are_no_goals_and_more_than_a_count_is_the_count():
    d = draft("杭州市萧山区所前镇人民政府2023年第三季度民生实事项目推进情况\n序号\n民生实事项目\n工程概况\n"
              "三季度项目进度\n1\n美丽乡村建设提质扩面\n完成5个以上老旧泵站的美丽机埠建设。\n已完成7个老旧泵站建设。\n"
              "2\n养老服务体系建设\n实施全镇1300余人居家养老上门服务全覆盖。\n目前总体形象进度30%左右。\n"
              "3\n道路拓宽项目\n力争完成拓宽段的3座桥梁建设。\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(5, "个"), (1300, "人"), (3, "座")}
    assert d.plan.data["title"] == "杭州市萧山区所前镇人民政府2023年第三季度民生实事项目推进情况"


def test_a_sentence_s_own_goal_year_before_its_paragraph_s_as_of_date():
    d = draft("截至2022年底,鄞州区常住人口为166.2万。2035年目标实现常住人口达到200万人。")
    assert (200, "万人", 2035) in targets(d)
