"""Forms of real plans and reports first met in the thirtieth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_years_list_of_people_s_projects_dates_its_figures():
    d = draft("某区确定今年10项重点民生实事\n近日,某区确定2024年10项重点民生实事。\n1.城区管线改造项目\n"
              "系统治理全区12处易涝点位,新建2座排水提升泵站。\n2.环境品质提升项目\n新建10处口袋公园。")
    assert {(12, "处", 2024), (2, "座", 2024), (10, "处", 2024)} <= targets(d)
    d = draft("2024年某区政府民生实事\n01 新建、改扩建16所公办义务教育学校,新增学位约3.8万座。")
    assert (16, "所", 2024) in targets(d)


def test_a_news_outlets_date_line_dates_the_page():
    d = draft("某省扩容服务消费\n澎湃新闻 2023-04-20 09:26\n\n某省政府办公厅近日印发《关于进一步扩大消费的若干举措》,"
              "目标今年全省社会消费品零售总额增长4.5%以上,网络零售额增长6%。")
    assert str(d.plan.data["issued"]) == "2023-04-20"
    assert {(4.5, "%", 2023), (6, "%", 2023)} <= targets(d)


def test_road_networks_of_national_and_provincial_roads_and_a_quote_closed_after_de():
    d = draft("某市综合交通专项规划\n规划构建“三纵两横两支”的国道网络体系,“六纵四横五联”的省道网。\n"
              "构建“一核四轴多点的”城乡发展新格局。")
    names = [lay.data["name"] for lay in d.layouts]
    assert {"三纵两横两支", "六纵四横五联", "一核四轴多点"} <= set(names)


def test_an_outline_of_parts_and_sections_with_no_text_is_a_table_of_contents():
    outline = ("一、发展环境\n(一)发展基础\n(二)发展环境\n二、总体要求\n(一)指导思想\n(二)战略导向\n(三)发展目标\n"
               "三、融入长三角\n(一)高水平推进长三角一体化\n(二)一体化打造综合立体交通网络\n")
    assert not draft("某区国民经济和社会发展第十四个五年规划纲要\n" + outline).measures
    # a list of one-line tasks under its groups stays a list of measures
    tasks = ("一、实事项目\n(一)老有所享\n1.改建认知障碍照护床位220张\n2.新增1家社区长者食堂\n3.打造1条公交线路\n"
             "(二)儿童友好\n4.为学校安装200台空调\n5.开设40个爱心暑托班\n6.新增20个托班\n")
    assert len(draft("2025年区政府实事项目安排\n" + tasks).measures) == 6


def test_a_year_a_plan_strives_for_and_a_year_range_without_nian():
    d = draft("关于加快推进某市会展业发展三年行动计划(2018-2020)(征求意见稿)\n征求意见稿提出,争取2020年在杭举办国际会议"
              "数量达到30个;引进5家以上国际知名会展组织机构。")
    assert d.plan.data["period"] == "2018-2020"
    assert {(30, "个", 2020), (5, "家", 2020)} <= targets(d)
