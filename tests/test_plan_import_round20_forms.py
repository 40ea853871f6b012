"""Forms of real plans and reports first met in the twentieth held-out round, each on a made-up
text."""
from plan_drafts import draft, targets


def _measures(d) -> list:
    return [(m.data["title"], m.data["lead_units"], m.data["units"]) for m in d.measures]


def test_a_mark_before_a_unit_makes_it_the_lead():
    d = draft("某市2023年政府工作报告重点工作任务清单\n序号\t任务\t责任单位\n"
              "1\t一般公共预算收入增长7.5%\t财政局,▲税务局,各镇乡(街道)\n"
              "2\t研发投入强度2.85%以上\t▲科技局,各镇乡(\n")
    assert _measures(d)[0][1:] == (["税务局"], ["税务局", "财政局", "各镇乡(街道)"])
    # the page ends inside the last name's brackets: no unit of it
    assert _measures(d)[1][1:] == (["科技局"], ["科技局"])


def test_unnumbered_projects_a_count_announces_are_measures():
    d = draft("在某区人民代表大会上,代表们在12个候选项目中确定了10个正式项目。这10个项目是什么?\n"
              "打造最优政务环境。全面深化改革,整合三个平台。 加强安置保障力度。开建安置房200万平方米以上,"
              "回迁安置2000户以上。 提高养老服务水平。完成70家居家养老照料中心多元化运营。")
    assert [m[0] for m in _measures(d)] == ["打造最优政务环境", "加强安置保障力度", "提高养老服务水平"]
    got = {(v, u) for v, u, _ in targets(d)}
    assert {(200, "万平方米"), (2000, "户"), (70, "家")} <= got


def test_short_sentences_with_no_count_announcing_them_are_no_measures():
    assert not draft("我们要凝心聚力。打造最优政务环境。全面深化改革,整合三个平台。"
                     "加强安置保障力度。开建安置房。").measures


def test_a_year_a_goal_verb_follows_is_the_goals_year():
    d = draft("某省人民政府关于印发科技创新行动计划(2024—2025年)的通知\n发布日期:2024-04-22\n一、总体目标\n"
              "高新技术企业2024年突破3.5万家、2025年突破3.8万家,科技型中小企业2024年突破5万家。")
    assert {(3.5, "万家", 2024), (3.8, "万家", 2025), (5, "万家", 2024)} <= targets(d)


def test_a_drafts_planned_population_is_a_goal_to_its_horizon():
    d = draft("日前,某市自然资源和规划局公布某单元国土空间总体规划(2021年—2035年)草案。\n"
              "规划期限为2021年-2035年。\n规划常住人口54.2万人,城镇化率约98%。\n")
    assert d.plan.data["title"] == "某单元国土空间总体规划(2021年—2035年)"
    assert {(54.2, "万人", 2035), (98, "%", 2035)} <= targets(d)


def test_a_slogan_counting_three_kinds_of_place_is_a_layout_unannounced():
    d = draft("《规划》指出,统筹推进“一核三极四带”区域产业联动发展、错位发展,提高辐射能力。")
    assert [lay.data["name"] for lay in d.layouts] == ["一核三极四带"]
    # two kinds of place, or a slogan of other things, still need a word that announces a layout
    assert not draft("统筹推进“一核两带”区域联动发展。").layouts
    assert not draft("加强与“一带一路”、长江经济带等国家战略的衔接。").layouts
