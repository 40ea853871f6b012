"""Forms of real plans and reports first met in the twenty-seventh held-out round, each on a
made-up text."""
from plan_drafts import draft, needs_place, parts, targets


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


def test_an_undated_plans_year_with_goal_words_is_the_goals_year():
    d = draft("某市提振消费专项行动若干措施\n一、落实增收行动\n(一)促进工资性收入增长。2025年城镇新增就业4万人以上、"
              "开展补贴性技能培训2万人以上。(责任单位:市人社局)")
    assert {(4, "万人", 2025), (2, "万人", 2025)} <= targets(d)
    d = draft("某市城镇老旧小区改造工作方案\n一、目标任务\n全市2020年城镇老旧小区改造新开工49个、256万平方米、3.2万户。")
    assert {(49, "个", 2020), (256, "万平方米", 2020), (3.2, "万户", 2020)} <= targets(d)
    # a subsidy's amount is still no goal
    d = draft("某市提振消费专项行动若干措施\n(一)2025年对新购车辆给予每辆补贴5000元。")
    assert not {t for t in targets(d) if t[0] == 5000}


def test_an_indicator_table_set_one_cell_to_a_line_gives_its_goal_column():
    d = draft("关于某市2024年计划执行情况及2025年计划草案的报告\n\n2025年3月26日在某市人民代表大会上\n\n"
              "一、2024年计划执行情况\n\n表1:2024年全市主要指标完成情况\n\n指标名称\n\n预期目标\n\n实际完成\n\n备注\n\n"
              "一、综合发展\n\n\n\n\n1.地区生产总值\n\n增长6.5%左右\n\n增长4.8%\n\n1347.1亿元\n\n"
              "2.全员劳动生产率\n\n21万元\n\n20.5万元\n\n\n3.一般公共预算收入\n\n增长5%\n\n下降4.6%\n\n102.1亿元\n\n"
              "全市经济运行总体平稳。")
    got = targets(d)
    assert {(6.5, "%", 2024), (21, "万元", 2024), (5, "%", 2024)} <= got
    assert not {t for t in got if t[0] in (4.8, 1347.1, 20.5, 4.6)}       # results, not goals
    # its numbered rows are no measures
    assert not {m.data["title"] for m in d.measures} & {"地区生产总值", "全员劳动生产率", "一般公共预算收入"}


def test_a_pattern_the_years_since_have_formed_is_history_not_the_plan():
    d = draft("某市国土空间总体规划(2021-2035年)\n改革开放以来,某市坚持规划引领,形成了“一体两翼、三江串联”的城乡空间基本格局,"
              "取得巨大发展成就。")
    assert not d.layouts
    assert any("history" in n for n in d.notes)
    # the plan's own structure, formed by the plan, stays
    d = draft("某市国土空间总体规划(2021-2035年)\n规划形成了“一体两翼、三江串联”的城乡空间格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一体两翼、三江串联"]


def test_a_bare_unit_list_that_goes_on_with_a_rule_for_later_tasks_gives_its_names():
    d = draft("某市提振消费实施方案\n一、增收行动\n1.促进就业。新增城镇就业1万人。〔市人社局,此项及以下任务均需各县(市、区)落实,"
              "不再列出。各责任单位按职责分工落实〕\n2.支持创业。落实创业担保贷款政策。(市人社局)\n")
    ms = {m.data["title"]: m.data["units"] for m in d.measures}
    assert ms["促进就业"] == ["市人社局"]


def test_a_review_of_past_years_and_an_article_on_what_a_plan_says_are_no_measures():
    d = draft("中共某县委关于制定某县国民经济和社会发展第十五个五年规划的建议\n一、乘势而上,开启新征程\n"
              "1. “十四五”时期我县经济社会发展取得积极成效。五年来,全县经济总量稳步提升。\n")
    assert not d.measures
    d = draft("一、多规合一,塑造空间发展新格局\n(一)全域统筹,构筑空间布局一盘棋\n"
              "《规划》强调全域空间一体化统筹布局,构建“一体两翼多组团”的空间格局。\n")
    assert not d.measures
    # a task that is to bring results stays a measure
    d = draft("某县实施方案\n一、重点任务\n1.推动产业转型取得新突破。(责任单位:县经信局)\n")
    assert [m.data["title"] for m in d.measures] == ["推动产业转型取得新突破"]


def test_a_quoted_count_after_the_list_it_counts_is_a_layout_of_its_items():
    d = draft("某区保护与开发规划\n要在城市西部形成度假区、行政区、科技区“三区”互动发展的良性格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["三区"]
    assert set(parts(d)) == {"度假区", "行政区", "科技区"}
    # not when the items are not what the count counts, nor when no layout word follows
    assert not draft("某区规划\n形成度假区、行政区、科技城“三区”互动发展的良性格局。").layouts
    assert not draft("某区规划\n形成度假区、行政区、科技区“三区”联动。").layouts


def test_a_pages_issuer_line_above_its_published_label():
    d = draft("6月24日\n某市人民政府办公室\n发布\n某市提振消费专项行动若干措施\n全文内容如下\n\n为贯彻落实决策部署,制定本措施。")
    assert d.plan.data["issuer"] == "某市人民政府办公室"


def test_a_news_leads_province_before_a_citys_body_is_no_part_of_the_issuer():
    d = draft("2月14日,浙江某兴市人民政府发布关于印发2025年重点工作责任分解的通知。\n文件提出,完善能源体系。")
    assert d.plan.data["issuer"] == "某兴市人民政府"
    d = draft("浙江省某州市政府印发《关于推动经济高质量发展的若干政策(2025年)》。")
    assert d.plan.data["issuer"] in ("某州市政府", "浙江省某州市政府")
