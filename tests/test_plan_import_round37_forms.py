"""Forms of real plans and reports first met in the thirty-seventh held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_lists_opening_line_gives_its_year_and_buildings_come_with_their_floor_area():
    d = draft("成文日期 | 2020-12-24 |\n区长在区人民代表大会上作政府工作报告时表示,2017年,区政府将努力为民办好十件实事:\n"
              "1.有效改善居住条件。完成465幢23.25万平方米房屋“平改坡”;安置农户2000户以上。\n"
              "2.全力缓解交通拥堵。新增公交线路6条,优化公交线路9条。\n")
    assert {(465, "幢", 2017), (23.25, "万平方米", 2017), (2000, "户", 2017), (6, "条", 2017),
            (9, "条", 2017)} <= targets(d)
