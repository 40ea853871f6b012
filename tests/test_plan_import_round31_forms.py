"""Forms of real plans and reports first met in the thirty-first held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_two_quoted_slogans_side_by_side_share_their_announcement():
    d = draft("某省国土空间规划(2021-2035年)\n规划构建“三山四水两平原”“一圈一团七轴带”的国土空间开发保护总体格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["三山四水两平原", "一圈一团七轴带"]
    # a name in quotes before a slogan is no slogan for it
    d = draft("某省国土空间规划\n实施“乡村振兴”“一圈一团七轴带”的国土空间格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一圈一团七轴带"]


def test_a_bracket_that_sets_a_goal_of_its_own_year():
    d = draft("某区国土空间总体规划\n到2035年,全区常住人口规模将达约140万人(2025年规划为120万人),城镇化率达90%(2025年规划为87%)。")
    got = {(v, u, y) for v, u, y in targets(d)}
    assert {(140, "万人", 2035), (120, "万人", 2025), (90, "%", 2035), (87, "%", 2025)} <= got
    # an aside in brackets is still none
    d = draft("某区国土空间总体规划\n到2035年,全区常住人口规模将达约140万人(2020年为100万人)。")
    assert not {t for t in targets(d) if t[0] == 100}


def test_a_paragraph_opening_on_a_year_ahead_sets_its_figures_goals():
    d = draft("某省国土空间规划\n到2035年,耕地保护任务不少于838.70万亩;生态保护红线面积29.64万平方千米。")
    assert (29.64, "万平方千米", 2035) in targets(d)
