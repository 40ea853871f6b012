"""Forms of real plans and reports first met in the fourteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets



def test_an_indicator_table_with_a_group_column_a_unit_column_and_two_results_columns():
    d = draft("温州市发展和改革委员会\n(2024年8月26日)\n主任、副主任:\n"
              "受市人民政府委托,现向市人大常委会报告今年上半年我市国民经济和社会发展计划执行情况,请予审议。\n"
              "表 上半年主要指标完成情况\n"
              "序号 | 指标名称 | 单位 | 目标 | 上半年实绩 | |||\n绝对值 | 增速(%) | ||||\n"
              "经济发展 | 1 | 地区生产总值(GDP) | 亿元 | 增长6%以上 | 4297.8 | 6.2 | |\n"
              "2 | 规上工业增加值 | 亿元 | 增长7%以上 | 820.9 | 11.2 | |\n"
              "3 | 常住人口城镇化率 | % | 74.5 | 年度指标 | |\n"
              "4 | 固定资产投资 | 亿元 | 增长7% | — | 0.7 | |\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(6, "%"), (7, "%"), (74.5, "%")}
    assert len(d.targets) == 4                            # 增长7% twice: two indicators
    assert d.plan.data["title"] == "上半年我市国民经济和社会发展计划执行情况"
    assert d.plan.data["issuer"] == "温州市发展和改革委员会"


def test_this_year_s_goals_a_city_sets_out():
    d = draft("2025年05月06日\n近日永康市出台《关于建强发展轴实施方案》。该市提出,2025年,全市城乡融合水平显著"
              "提升,常住人口城镇化率达70.7%以上,居民人均可支配收入达到6.73万元。")
    assert targets(d) == {(70.7, "%", 2025), (6.73, "万元", 2025)}


def test_a_table_of_contents_with_page_numbers_holds_no_measures_even_its_cut_last_line():
    d = draft("目  录\n一、高水平全面建成小康社会取得决定性成就 (6)\n二、未来五年面临的宏观形势 (13)\n"
              "1.以高铁新城为引领打造现代化大城市 (41)\n2.建设美丽宜居镇村体系 (42)\n3.推进市域一")
    assert d.measures == []


def test_a_task_table_whose_cells_the_page_runs_together():
    d = draft("市政府各部门:现印发给你们。 市政府2021年重点工作责任分工一、副市长重点工作序号内容与要求"
              "责任单位1确保地区生产总值增长7%以上。服务业增加值增长7%以上。市发改委2高质量完成规划编制并印发"
              "实施;推进一体化发展标志性工程")
    got = [(m.data["number"], m.data["lead_units"]) for m in d.measures]
    assert got == [("1", ["市发改委"]), ("2", [])]


def test_a_slogan_of_one_counted_kind_of_place_and_one_whose_places_follow_it():
    d = draft("鄂州构建“两翼齐飞”新格局。\n东翼依托花湖机场。主城区与临空经济区联动打造“两组团、四片区”。\n"
              "洋澜湖组团重点实施城市更新;燕矶组团重点发展会展;樊口片区重点导入新材料;鄂钢片区重点推动"
              "绿色改造;临空片区重点引进航空服务;花湖片区重点完善商贸物流。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["两翼齐飞", "两组团、四片区"]


def test_a_single_word_that_is_no_kind_of_place_is_no_layout():
    assert draft("构建“双循环”新发展格局。").layouts == []


def test_a_news_headline_about_a_plan_and_a_plan_s_term():
    d = draft("《白马湖旅游发展总体规划》通过专家评审\n本报讯 纵观白马湖旅游,空间布局为“一核一带”。"
              "“一核”即创意旅游功能核。“一带”即生活创意休闲带。规划期限为2018年至2035年。\n")
    assert d.plan.data["title"] == "白马湖旅游发展总体规划"
    assert d.plan.data["period"] == "2018-2035"
    assert parts(d) == {"一核": {"binjiang"}, "一带": {"binjiang"}}


def test_praise_before_a_plan_s_name_in_a_headline_is_no_part_of_its_title():
    d = draft("杭州网讯 文化是一个民族的灵魂。\n6月26日,备受瞩目的之江文化产业带建设规划发布暨项目签约活动举行。\n")
    assert d.plan.data["title"] == "之江文化产业带建设规划"


def test_a_breakdown_a_government_settled_and_a_two_line_title_as_quoted():
    d = draft("各镇政府:\n为全面完成各项任务,县政府研究确定了《2025年金乡县政府重要工作事项责任分工》,现印发给你们。\n"
              "金乡县人民政府\n2025年2月28日\n")
    assert d.plan.data["title"] == "2025年金乡县政府重要工作事项责任分工"


def test_a_unit_with_its_other_name_in_brackets_and_a_second_list_the_page_cuts():
    d = draft("序号\n重点工作\n责任单位\n1\n服务业增加值增长5.5%。\n发改局(服务业发展局)\n2\n"
              "社会消费品零售总额增长6%。\n商务局\n3\n规上工业增加值增长7%。\n经信局\n")
    assert d.measures[0].data["units"] == ["发改局(服务业发展局)"]
    d = draft("1.发挥旅游规划引导推动作用。\n开展规划终期评估工作。(责任单位:市旅委、市规划局)\n"
              "推进旅游国际化行动计划。(责任单位:市旅")
    assert d.measures[0].data["units"] == ["市旅委", "市规划局"]


def test_an_office_that_hands_down_a_notice_named_in_running_text_issues_it():
    d = draft("浙江省省长、副省长2024年牵头重点工作公布\n近日,浙江省人民政府办公厅印发2024年政府工作报告重点工作"
              "责任分解的通知,公布省长牵头的重点工作。\n")
    assert d.plan.data["issuer"] == "浙江省人民政府办公厅"
