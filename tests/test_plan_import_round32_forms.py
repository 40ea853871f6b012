"""Forms of real plans and reports first met in the thirty-second held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_the_year_a_plans_report_sets_its_goals_for_carries_through_the_paragraph():
    d = draft("摘要:某省日前出台《某省提振消费专项行动方案》提出,2025年,全省实现社会消费品零售总额增长5.5%以上。"
              "培育建设区域消费中心城市,打造1个核心商圈、10个高品质商业街区。全年举办各类促消费活动1000场以上。")
    assert {(5.5, "%", 2025), (1, "个", 2025), (10, "个", 2025), (1000, "场", 2025)} <= targets(d)
