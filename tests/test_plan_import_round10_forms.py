"""Forms of real plans and reports first met in the tenth held-out round, each on a made-up text."""
from plan_drafts import draft, parts

from hzmap.model.plan_import.units import split_units


def test_a_part_with_its_kind_in_brackets_and_its_members_on_the_lines_below_its_bullet():
    d = draft("规划形成“一主(城)两副(城)、三轴两环”的网络型城市。\n"
              "●一主(城):\n即中心城,由上城区组成;\n"
              "●两副:\n临平副城——由临平街道组成;\n下沙副城——由下沙街道组成;\n"
              "●三轴:城镇发展轴。\n●两环:\n内环——快速环线;\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一主(城)两副(城)、三轴两环"]
    got = parts(d)
    assert set(got) == {"一主", "两副", "三轴", "两环"}
    assert got["一主"] == {"shangcheng"} and got["两副"] == {"linping", "qiantang"}


def test_a_plan_named_for_building_a_layout_of_places_drafts_that_layout():
    d = draft("日前,区政府印发《萧山区“一核两翼”建设三年行动计划(2023-2025年)》。"
              "到2025年,“一核两翼”建设取得重大突破。")
    assert [lay.data["name"] for lay in d.layouts] == ["一核两翼"]


def test_a_quoted_slogan_in_a_title_that_counts_no_places_is_no_layout():
    d = draft("日前,区政府印发《“两个先行”建设三年行动计划》。")
    assert d.layouts == []


def test_a_part_under_a_decimal_heading_is_defined_by_the_paragraph_below_it():
    d = draft("2.1 空间格局\n《规划》提出构建“一核九星”的空间格局。\n"
              "2.1.1 一核\n以中心城为核心,包括上城、拱墅两个行政区。\n"
              "2.1.2 九星\n在市中心周边布局九个重点发展区域。\n")
    assert parts(d)["一核"] == {"shangcheng", "gongshu"}


def test_a_list_item_s_number_and_label_do_not_hide_the_place_a_layout_is_of():
    d = draft("二、下沙的崛起\n"
              "  2. 城市规划:下沙新城规划面积为7.8平方公里,按照“一核一心一带”的总体框架结构进行布局。\n"
              "    • 一核:综合服务中心。\n    • 一心:拥江新中心。\n    • 一带:产城融合发展轴。\n")
    assert parts(d) == {"一核": {"qiantang"}, "一心": {"qiantang"}, "一带": {"qiantang"}}


def test_an_article_s_numbered_points_are_no_measures():
    d = draft("引言\n本文将深入解析下沙的发展。\n一、下沙的坐标\n"
              "  1. 地理位置:下沙位于杭州市东部,东临钱塘江。\n"
              "  2. 交通优势:下沙拥有便捷的交通网络,连接主城区。\n")
    assert d.measures == []


def test_an_indicator_table_s_goal_column_holds_targets_for_its_year_and_no_measures():
    d = draft("表1 2024年全区经济社会发展主要指标完成情况\n"
              "序号 | 指标名称 | 2024年建议目标 | 2024年实际完成情况 | |\n"
              "1 | GDP | 6% | 5.0% | |\n"
              "2 | 固定资产投资 | 区内 | 力争300亿元 | 337.1亿元 |\n"
              "全区 | 350亿元以上 | 414.8亿元 | ||\n"
              "3 | 一般公共预算收入 | 与经济增长同步 | 8.2% | |\n"
              "4 | 新引进人才数 | 4.2万人 | 42859人 | |\n")
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
    assert got == {(6, "%", 2024), (300, "亿元", 2024), (350, "亿元", 2024), (4.2, "万人", 2024)}
    assert d.measures == []


def test_figures_under_a_report_s_line_on_how_the_plan_went_are_no_goals():
    d = draft("各位代表:\n受区人民政府委托,向大会书面报告杭州市滨江区2024年国民经济和社会发展计划"
              "执行情况与2025年国民经济和社会发展计划(草案),请予审议。\n"
              "2024年国民经济和社会发展计划执行情况\n"
              "全年,全区实现地区生产总值2887.8亿元,增长5.0%。\n"
              "2025年国民经济和社会发展计划(草案)\n"
              "力争全区地区生产总值增长5.5%。\n")
    assert d.plan.data["title"] == ("杭州市滨江区2024年国民经济和社会发展计划执行情况与2025年"
                                    "国民经济和社会发展计划(草案)")
    assert [(t.data["value"], t.data["unit"]) for t in d.targets] == [(5.5, "%")]


def test_a_units_cell_with_commas_is_no_task_and_a_name_the_page_cuts_is_no_unit():
    d = draft("目标任务\n责任领导\n责任单位\n一、主要预期指标\n"
              "1. 生产总值增长7.5%以上。\n张三\n市发改委、市经信委,各县(市、区)政府,市商务局\n"
              "2. 城乡居民收入增长与经济增长基本同步,收入比缩小。\n李四\n市发改委、市农办,各县(市、区)")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [(["市发改委"], ["市发改委", "市经信委", "各县(市、区)政府", "市商务局"]),
                   (["市发改委"], ["市发改委", "市农办"])]


def test_a_list_inside_a_unit_s_brackets_is_the_unit_s_name():
    assert split_units("市建设局(市规划局)、各县(市、区)政府,台州湾管委会") == \
        ["市建设局(市规划局)", "各县(市、区)政府", "台州湾管委会"]


def test_a_notice_s_title_in_the_wording_it_quotes_among_several():
    d = draft("关于印发2021年政府工作报告重点工作责任分解的通知\n"
              "各县(市、区)人民政府:\n《政府工作报告“十四五”时期重点工作责任分解》"
              "《政府工作报告2021年重点工作责任分解》已经市政府同意,现印发给你们。\n")
    assert d.plan.data["title"] == "政府工作报告2021年重点工作责任分解"


def test_an_undated_plan_s_forecast_article_gives_its_figures_their_years():
    d = draft("第三节 人口预测第18条 人口及城镇化水平 2020年新区常住人口150万人,城镇化率75%。"
              " 2030年新区常住人口180万人。\n")
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
    assert got == {(150, "万人", 2020), (75, "%", 2020), (180, "万人", 2030)}


def test_a_table_row_is_no_headline():
    d = draft("表3 城镇规模结构\n划分标准 | 城镇名称 | 城镇个数 |\n>100万 | 中心城区 | 1 |\n")
    assert "|" not in d.plan.data["title"]


def test_the_qiantang_river_is_read_as_the_districts_below_where_the_fuchun_river_ends():
    d = draft("构建“一核一带”的空间格局。一核:上城区。一带:沿钱塘江的滨水景观带。")
    assert "fuyang" not in parts(d)["一带"]
