"""Forms of real plans and reports first met in the twenty-fifth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_years_counted_livelihood_projects_listed_a_line_each_state_goals():
    d = draft("某市民生新闻\n2025年某市将接续办好15件重点民生实事\n2025-01-19 10:47:47 来源:某网\n"
              "1月19日,某市人民代表大会开幕,市长某某作政府工作报告。\n"
              "今年,某市将接续办好15件重点民生实事。具体包括:\n新开工改造城镇老旧小区3011万平方米。\n"
              "建设100个口袋公园、10座体育公园。\n加装农村公路安全护栏4000公里。\n")
    assert {(3011, "万平方米", 2025), (100, "个", 2025), (10, "座", 2025), (4000, "公里", 2025)} <= targets(d)
