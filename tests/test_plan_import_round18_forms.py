"""Forms of real plans and reports first met in the eighteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets


def test_a_place_a_part_takes_industry_from_is_not_where_it_lies():
    d = draft("富阳光机电高新园区打造“一心三区”空间发展格局。一心即科创中心。三区是指高技术制造片区、"
              "滨富高端智造片区、中央商务配套区。滨富高端智造片区重点依托滨富特别合作区,承接杭州高新区(滨江)"
              "的生命健康产业溢出。")
    assert "binjiang" not in parts(d).get("三区", set())


def _titles(d) -> list:
    return [m.data["title"] for m in d.measures]


def test_actions_a_count_announces_inline_are_measures():
    d = draft("《某市产业发展行动计划》提出五大重点行动:一是智能制造提质行动,二是数字服务扩容行动,"
              "三是港口物流提效行动,四是乡村产业富民行动,五是人才引育支撑行动,共30条具体任务。")
    assert _titles(d) == ["智能制造提质行动", "数字服务扩容行动", "港口物流提效行动",
                          "乡村产业富民行动", "人才引育支撑行动"]


def test_an_inline_list_without_its_count_or_longer_than_it_is_no_measure_list():
    # reasons, not things counted; and a count the items outrun
    assert not draft("我们有三点体会:一是坚持规划引领,二是坚持项目为王,三是坚持改革创新。").measures
    assert not draft("提出两大行动:一是智能制造提质行动,二是数字服务扩容行动,"
                     "三是港口物流提效行动。").measures


EVENTS = ("某县2026年度十件民生实事项目正式出炉\n"
          "一、2026年农村道路提升工程\n在12个乡镇硬化道路8万平方米并安装太阳能路灯600盏。\n"
          "二、城乡电网改造工程\n在25个村改造升级10千伏线路12.5公里,新增配变40台。\n"
          "三、排水管网建设工程\n主要铺设雨水管网320米,铺设污水管网410米。")


def test_projects_a_count_announces_above_their_parts_are_measures_and_their_figures_goals():
    # the page ends at the third of ten: the list is cut, not longer than its count
    d = draft(EVENTS)
    assert _titles(d) == ["2026年农村道路提升工程", "城乡电网改造工程", "排水管网建设工程"]
    got = targets(d)
    for goal in [(8, "万平方米", 2026), (600, "盏", 2026), (12.5, "公里", 2026), (40, "台", 2026),
                 (320, "米", 2026), (410, "米", 2026)]:
        assert goal in got, goal


def test_parts_under_a_line_that_counts_nothing_stay_chapters():
    d = draft("某县发展概况\n一、农村道路提升工程\n硬化道路8万平方米。\n二、城乡电网改造工程\n"
              "改造线路12.5公里。")
    assert not d.measures


def test_a_slogan_a_spatial_system_announces_is_a_layout():
    d = draft("某县组织编制《某县发展轴空间专项规划》,构建“一核两极、三带协同、全域共富”空间发展体系,"
              "着力打造城乡协同发展示范区。")
    assert [lay.data["name"] for lay in d.layouts] == ["一核两极、三带协同、全域共富"]
    # a system that is not of space is no layout
    assert not draft("构建“一核两极、三带协同、全域共富”政策体系,完善配套措施。").layouts
