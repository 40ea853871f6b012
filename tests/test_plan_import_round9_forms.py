"""Forms of real plans and reports first met in the ninth held-out round, each on a made-up text."""
from plan_drafts import draft, parts


def test_a_slogan_of_counted_places_named_as_an_industrial_development_space_is_a_layout():
    # a report names the district's industrial space by its slogan, with no 格局 or 布局
    d = draft("余杭区新闻发布会举行。这五年,余杭区坚持创新驱动,从传统产业关停搬迁,"
              "到“一廊两心三区”产业发展空间的形成,发展主平台更加聚焦。")
    assert [lay.data["name"] for lay in d.layouts] == ["一廊两心三区"]
    assert set(parts(d)) == {"一廊", "两心", "三区"}


def test_a_counted_slogan_before_a_space_that_is_no_layout_word_stays_a_note():
    # “…空间” alone (room to grow) announces nothing (a slogan of three kinds of place or more
    # is a layout by itself: round 20)
    d = draft("余杭区要拓展“一廊两心”的空间,为项目落地留出余地。")
    assert d.layouts == []


def test_a_slogan_of_sides_and_what_each_does_is_a_layout_of_the_district_it_is_for():
    # “北强、南启、中兴”: no counted parts, each a side of the district and one word of its task
    d = draft("上城区新的一年将着力构建“东进、西优、中强”发展新格局,高水平打造首善之区。")
    assert [lay.data["name"] for lay in d.layouts] == ["东进、西优、中强"]
    assert parts(d) == {"东进": {"shangcheng"}, "西优": {"shangcheng"}, "中强": {"shangcheng"}}


def test_two_words_that_merely_begin_with_a_side_are_no_slogan_of_sides():
    # each side must be a different one: “中国、中华” is not a layout
    d = draft("上城区将构建“中国、中华”发展新格局。")
    assert d.layouts == []


def test_a_dateless_task_table_s_figures_are_for_the_year_its_report_column_tells_of():
    d = draft("序号 | 重点工作 | 牵头单位 | 完成情况 |\n"
              "1 | 新建城市公园12个,提升绿道品质。 | 区建设局 | 2024年度新建城市公园12个。 |\n"
              "2 | 引进高层次人才300名。 | 区人才办 | 全年引进300名,完成计划。 |\n"
              "3 | 推进老旧小区改造。 | 区住建局 | 已完成改造。 |\n")
    got = {(t.data["value"], t.data["unit"]): t.data["year"] for t in d.targets}
    assert got.get((12, "个")) == 2024 and got.get((300, "名")) == 2024


def test_figures_in_a_paragraph_looking_back_on_past_years_are_no_goals():
    looking_back = draft("一年来,城市面貌进一步提升。新建城市公园12个,开工安置房8.5万平方米。")
    assert looking_back.targets == []
    # the same figures as the coming year's work are goals
    ahead = draft("新的一年,城市面貌进一步提升。新建城市公园12个,开工安置房8.5万平方米。")
    assert [t.data["value"] for t in ahead.targets] == [12, 8.5]     # (新建…12个: what it builds)


def test_a_task_table_s_starred_lead_and_its_units_of_a_kind_are_read_apart():
    # a repost's units cell “*区建设局 各镇街 各平台”, the lead starred and the spaces lost
    d = draft("1 | 推进老旧小区改造。 | 张三 | *区建设局 各镇街 各平台 |\n"
              "2 | 新建城市公园。 | 李四 | *区城管局 各镇街 |\n"
              "3 | 提升绿道品质。 | 王五 | *区林水局 |\n")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got[0] == (["区建设局"], ["区建设局", "各镇街", "各平台"])
    assert got[1] == (["区城管局"], ["区城管局", "各镇街"])


def test_a_news_page_s_own_date_line_under_its_title_dates_it():
    for line in ("2023/05/16 09:12:00 编辑:王五 点击量:321", "  • 2023-05-16", "• 2023/05/16 09:12:41"):
        d = draft(f"上城区构建城市发展新格局\n{line}\n上城区举行新闻发布会,介绍城市发展情况。")
        assert str(d.plan.data["issued"]) == "2023-05-16", line


def test_a_browser_title_with_the_site_s_name_gives_way_to_the_page_s_own_headline():
    d = draft("上城区高水平打造城市发展新格局-星空资讯\n\n上城区高水平打造城市发展新格局\n"
              "2023/05/16 09:12:00 编辑:王五\n上城区举行新闻发布会,介绍城市发展情况。")
    assert d.plan.data["title"] == "上城区高水平打造城市发展新格局"


def test_a_slogan_a_body_proposes_without_quotes_is_a_layout_its_uncounted_phrase_said():
    # 提出: then four-character phrases, most a counted place and what it is to do, one not
    d = draft("临平区要拓展空间。为此,临平区创新打法并提出:一城引领、两廊牵引、多区联动、全域美丽。")
    assert [lay.data["name"] for lay in d.layouts] == ["一城引领、两廊牵引、多区联动、全域美丽"]
    assert set(parts(d)) == {"一城", "两廊", "多区"}
    assert any("全域美丽" in f for f in d.layouts[0].flags)   # said, for the planner to place


def test_a_list_of_aims_after_proposes_is_no_layout():
    d = draft("会议提出:加快发展、优化结构、一带一路、两山理念。")
    assert d.layouts == []


def test_a_page_about_another_city_that_names_hangzhou_in_passing_maps_nothing_to_hangzhou():
    # the page names 湖州 again and again and 杭州 once: its “多区” are not Hangzhou's new areas
    d = draft("湖州不低调。湖州用一根丝连上了上海。湖州频频拍了拍上海。湖州南太湖新区成立,"
              "是继杭州钱塘新区后第二个新区。湖州提出:一湾极化、两廊牵引、多区联动、全域美丽。"
              "湖州要突围。")
    assert [lay.data["name"] for lay in d.layouts] == ["一湾极化、两廊牵引、多区联动、全域美丽"]
    assert all(not v for v in parts(d).values())


def test_a_part_whose_heading_names_its_lead_is_a_measure_above_its_numbered_items():
    d = draft("一、高水平打造区域性科技创新高地(区科技局牵头)\n"
              "坚持以科技创新引领新质生产力发展,全区R&D经费支出占GDP比重4.55%。\n"
              "(一)加强高能级科创平台建设。支持省实验室建设高能级科创平台。\n"
              "(二)支持企业研发。对企业研发投入给予补助。\n")
    got = [(m.data["title"], m.data["lead_units"]) for m in d.measures]
    assert got[0] == ("高水平打造区域性科技创新高地", ["区科技局"])
    assert [t for t, _ in got[1:]] == ["加强高能级科创平台建设", "支持企业研发"]


def test_figures_listed_in_a_paragraph_looking_back_are_no_goals_whatever_its_verbs():
    # 开工建设 opens the sentence, but the paragraph tells of the year gone
    d = draft("西湖区新闻 2019/12/31\n一年来,城乡环境进一步优化。开工建设防洪工程,改造老旧小区14个,"
              "全年开工安置房96.6万平方米、竣工29.2万平方米。\n新的一年,力争新建公园12个。\n")
    assert [(t.data["value"], t.data["unit"]) for t in d.targets] == [(12, "个")]
