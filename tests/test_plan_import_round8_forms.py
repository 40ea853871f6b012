"""How task tables, work points, replies and reports of plans are written, on small texts
written for these tests: a task table set one row a line with bars between its cells (and its
group cell before a row's number), a year's work points with a line of main indicators, a
page table naming the document and dating it, notices printing two documents, numbered heading
lines that lost their mark, actions heading their measures, a five-year plan named in a report,
and a forecast with a year ahead."""
import datetime as dt

from plan_drafts import draft


def targets(d):
    return sorted((t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets)


def measures(d):
    return [(m.passages[0].excerpt[:6], m.data["lead_units"][:1], m.data["units"])
            for m in d.measures]


BAR_TABLE = (
    "类别 | 序号 | 内容及要求 | 牵头单位 | 配合单位 | 截至9月底完成情况 |\n"
    "主要指标 | 1 | 工业投资增长8.0%。 | 经信局 | 发改局、各街道 | 1-9月增长12.5%,2024年一季度增长9.1%。 |\n"
    "2 | 服务业增加值增长6.5%。 | 发改局 | 商务局、各产业平台 | 1-8月增长3.2%。 | |\n"
    "3 | 新增市场主体5000家以上。 | 市场监管局 | / | 已新增4100家。 | |\n"
    "二、推进城市更新\n"
    "工作目标 | 序号 | 内容及要求 | 牵头单位 | 配合单位 | 截至9月底完成情况 |\n"
    "城市更新 | 4 | 完成老旧小区改造30个。 | 建设局 | 财政局 | 已完成18个。 |\n")


def test_a_task_table_set_one_row_a_line_with_bars_is_read_row_by_row():
    d = draft(BAR_TABLE)
    assert measures(d) == [
        ("工业投资增长", ["经信局"], ["经信局", "发改局", "各街道"]),
        ("服务业增加值", ["发改局"], ["发改局", "商务局", "各产业平台"]),
        ("新增市场主体", ["市场监管局"], ["市场监管局"]),
        ("完成老旧小区", ["建设局"], ["建设局", "财政局"])]
    # the rows' figures are the year's goals (the progress names 2024年一季度); the progress
    # column's figures (12.5%, 4100家, 18个) are what was done
    assert targets(d) == [(6.5, "%", 2024), (8, "%", 2024), (30, "个", 2024), (5000, "家", 2024)]
    # a row's passage, and its figure's, is its cell: not the group cell or the number before it
    assert all(not r.passages[0].excerpt.startswith(("主要指标", "城市更新", "1", "2", "3", "4"))
               for r in d.measures + d.targets)


def test_a_year_of_work_points_with_a_line_of_main_indicators():
    d = draft("索引号: | 001/2022-01 | 公开方式: | 主动公开 |\n"
              "文号: | 公开日期: | 2022-03-15 | |\n"
              "发布单位: | 某市林业局(某市绿化委员会办公室) | 主题分类: | 林业 |\n"
              "2022年是实施“十四五”规划的关键之年,做好林业工作意义重大。\n"
              "主要指标:林业产值增长4.5%,力争5%;林农人均收入增速高于城镇居民1个百分点,力争达到36000元。\n"
              "一、实施森林质量提升行动\n"
              "坚持把生态保护放在首位,全面提升森林质量和生态功能。\n"
              "(一)在造林绿化上争先。着力推进新增造林面积,扎实做好国土绿化。\n")
    assert d.plan.data["issuer"] == "某市林业局(某市绿化委员会办公室)"
    assert d.plan.data["issued"] == dt.date(2022, 3, 15)
    assert targets(d) == [(1, "个百分点", 2022), (4.5, "%", 2022), (5, "%", 2022),
                          (36000, "元", 2022)]
    assert [m.passages[0].excerpt[:8] for m in d.measures] == ["一、实施森林质量", "在造林绿化上争先"]


def test_a_page_table_names_and_dates_the_document_over_an_event_it_tells():
    d = draft("•文件名称:\n关于对某市人大一次会议第8号建议答复的函\n•发布机构:\n市发改委\n"
              "•成文日期:\n2024-03-01\n"
              "**代表:\n您提出的建议收悉,现答复如下:\n"
              "一、关于都市区空间结构\n2019年5月6日,省政府印发了《某省都市区建设行动计划》,"
              "明确都市区“一主两带”空间结构。编制印发《某都市区建设行动方案》。\n")
    assert d.plan.data["title"] == "关于对某市人大一次会议第8号建议答复的函"
    assert d.plan.data["issuer"] == "市发改委"
    assert d.plan.data["issued"] == dt.date(2024, 3, 1)


def test_a_told_event_dates_a_report_that_has_no_page_table():
    d = draft("2016年是开局之年。2016年2月15日,某区人大审议通过了《某区第十三个五年规划纲要》,"
              "描绘了未来五年的蓝图。\n")
    assert d.plan.data["issued"] == dt.date(2016, 2, 15)


def test_a_notice_printing_two_documents_is_titled_by_the_first():
    d = draft("各镇人民政府、街道办事处,市政府各部门:\n"
              "《2021年政府工作报告重点工作责任分解》和《2021年民生实事项目责任分解》已经市政府常务会议"
              "讨论通过,现印发给你们,请认真贯彻执行。\n某市人民政府办公室\n2021年4月2日\n")
    assert d.plan.data["title"] == "2021年政府工作报告重点工作责任分解"


def test_heading_lines_that_lost_their_numbers_mark_open_measures():
    d = draft("某都市区建设行动方案\n五大行动打造都市区\n1实施科技创新协同行动\n"
              "加快建设科创大平台,优化创新生态。\n2实施交通互联互通行动\n"
              "推进轨道交通建设,完善公路网络。\n")
    assert [m.passages[0].excerpt for m in d.measures] == ["1实施科技创新协同行动",
                                                          "2实施交通互联互通行动"]
    # figures at a line's start are no headings: 1月, 3个 …
    plain = draft("某报告\n1月至3月,全市完成投资。\n3个项目开工建设。\n")
    assert plain.measures == []


def test_a_report_names_its_plans_period_by_its_five_year_plan():
    d = draft("未来五年某市旅游新版图\n“十二五”期间的某市旅游规划,目前尚未上报,大致轮廓已经确定。\n")
    assert d.plan.data["period"] == "2011-2015"


def test_a_forecast_with_a_year_ahead_and_a_goal_word_is_a_target():
    d = draft("某走廊规划\n到2025年产业增加值预计突破4000亿元,人才总量超过70万人。"
              "通行时间预计将缩短一半。\n")
    assert targets(d) == [(70, "万人", 2025), (4000, "亿元", 2025)]


def test_rows_of_one_width_ending_in_a_bar_are_not_joined_as_wrapped_lines():
    rows = "".join(f"{n} | 推进第{n}批重点项目建设,完成年度投资计划。 | 发改局 | 财政局、建设局 | 序时推进中 |\n"
                   for n in range(1, 7))
    d = draft("序号 | 内容及要求 | 牵头单位 | 配合单位 | 完成情况 |\n" + rows)
    assert len(d.measures) == 6
    assert all(m.data["units"] == ["发改局", "财政局", "建设局"] for m in d.measures)


def test_a_part_defined_by_its_count_in_figures_with_its_measure_word():
    d = draft("某区规划\n构筑“两圈、六带”的生态格局。\n6条生态带指:西南部生态带:西湖风景名胜区;\n")
    six = [el for lay in d.layouts for el in lay.children if el.part == "六带"]
    assert {x for el in six for x in el.data["districts"]} == {"xihu"}
