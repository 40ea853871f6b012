"""Forms of real plans and reports first met in the seventeenth held-out round, each on a made-up
text."""
from plan_drafts import draft, targets

from hzmap.model.plan_import import draft_plan, read_document


def test_an_excerpt_of_a_table_row_set_with_spaces_is_verbatim(tmp_path):
    text = ("关于2025年重点民生实事1季度推进情况公示\n日期:2025-04-11\n"
            "序号 项目名称 2025年目标 责任单位\n"
            "1 实施城镇老旧小区改造 新开工改造城镇老旧小区67个,更新老旧住宅电梯50部 区住房城乡建委\n"
            "2 农村公路加装护栏 实施农村公路生命安全防护工程201公里,加装护栏 区交通局\n"
            "3 新建公园 建设口袋公园5个,新增绿地 区城管局\n")
    page = tmp_path / "公示.txt"
    page.write_text(text, encoding="utf-8")
    d = draft_plan(read_document(page), None, plan_id="t")
    squashed = "".join(text.split())
    assert d.measures and all("".join(p.excerpt.split()) in squashed
                              for rec in d.measures + d.targets for p in rec.passages)


def test_a_news_report_of_a_year_s_practical_things_states_goals_in_every_group():
    d = draft("国际在线消息(记者 田渝兵):2025年3月4日,记者从璧山区2025年重点民生实事新闻发布会上获悉,"
              "2025年的10件重点民生实事共38家单位参与。\n发布会现场 供图 璧山区委宣传部\n"
              "“两个实施”,即实施城镇老旧小区改造,完工2024年9个续建老旧小区改造项目,新开工5个老旧小区改造项目,"
              "改造住宅老旧电梯42部。\n")
    assert {(v, u) for v, u, _ in targets(d)} >= {(9, "个"), (5, "个"), (42, "部")}
    assert "供图" not in d.plan.data["title"]


def test_this_year_s_goals_a_report_sets_and_a_year_s_goals_listed_after_a_label():
    d = draft("2021年2月24日上午9时,区人民代表大会召开。\n报告提出了今年政府工作目标任务:地区生产总值增长6%以上;"
              "城镇登记失业率控制在3%以内。\n")
    assert targets(d) == {(6, "%", 2021), (3, "%", 2021)}
    d = draft("2010年,白云区经济社会发展的主要预期目标是:地区生产总值增长10%;财政一般预算收入增长8%。")
    assert targets(d) == {(10, "%", 2010), (8, "%", 2010)}


def test_this_year_s_first_months_are_past():
    d = draft("某地加快建设\n来源:安徽日报 发布时间:2021-08-20\n今年前两个月,企业实现营收132.5亿元。\n")
    assert d.targets == []
