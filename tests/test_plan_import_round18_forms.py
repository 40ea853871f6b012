"""Forms of real plans and reports first met in the eighteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts


def test_a_place_a_part_takes_industry_from_is_not_where_it_lies():
    d = draft("富阳光机电高新园区打造“一心三区”空间发展格局。一心即科创中心。三区是指高技术制造片区、"
              "滨富高端智造片区、中央商务配套区。滨富高端智造片区重点依托滨富特别合作区,承接杭州高新区(滨江)"
              "的生命健康产业溢出。")
    assert "binjiang" not in parts(d).get("三区", set())
