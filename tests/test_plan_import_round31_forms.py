"""Forms of real plans and reports first met in the thirty-first held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_two_quoted_slogans_side_by_side_share_their_announcement():
    d = draft("某省国土空间规划(2021-2035年)\n规划构建“三山四水两平原”“一圈一团七轴带”的国土空间开发保护总体格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["三山四水两平原", "一圈一团七轴带"]
    # a name in quotes before a slogan is no slogan for it
    d = draft("某省国土空间规划\n实施“乡村振兴”“一圈一团七轴带”的国土空间格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一圈一团七轴带"]
