"""Forms of real plans and reports first met in the nineteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, targets


def _units(d) -> list:
    return [(m.data["lead_units"], m.data["units"]) for m in d.measures]


def test_the_officials_named_before_a_tasks_units_are_not_units():
    d = draft("某区重点工作任务责任分解方案\n一、主要预期目标\n"
              "1.地区生产总值增长8%以上。(责任领导:张三;牵头单位:区发改局)\n"
              "2.城乡居民收入增长与经济增长基本同步。(责任领导:李四、王五;牵头单位:区发改局、区农业农村局)\n")
    assert _units(d) == [(["区发改局"], ["区发改局"]),
                         (["区发改局"], ["区发改局", "区农业农村局"])]


def test_labelled_groups_the_page_set_apart_by_spaces_are_read_apart():
    d = draft("二、重点工作任务\n(一)深化流通体制改革\n"
              "1.提高流通管理部门管理效能。健全部门协作机制。(牵头单位:市商务局  责任单位:市编办、市发改委)\n")
    assert _units(d) == [(["市商务局"], ["市商务局", "市编办", "市发改委"])]


def test_a_part_that_lays_a_foundation_is_no_background():
    d = draft("某省人民政府关于《某市国土空间总体规划(2021—2035年)》的批复\n一、原则同意《规划》。\n"
              "二、筑牢统筹发展和安全的空间基础。\n到2035年,某市耕地保有量不低于20.88万亩,"
              "生态保护红线面积不低于698.1平方千米。\n")
    got = targets(d)
    assert (20.88, "万亩", 2035) in got and (698.1, "平方千米", 2035) in got
    # where things stand is still no goal
    assert not draft("一、发展基础\n到2020年底,全市耕地保有量为20.88万亩。\n").targets


def test_a_scale_a_cluster_reaches_is_an_amount_and_a_count_of_the_plans_parts_no_goal():
    d = draft("《某市工业发展“十四五”规划》包括发展基础、总体要求、重点任务等7个部分。"
              "提出到2025年,两大主导产业集群规模双双达到7000亿级,新材料产业达到3000亿级。")
    got = targets(d)
    assert (7000, "亿元", 2025) in got and (3000, "亿元", 2025) in got
    assert not any(t[1] == "个" for t in got)
    # a class of clusters is still no amount
    assert not draft("到2025年,培育千亿级产业集群。").targets


def test_a_page_table_gives_title_and_a_town_as_issuer_without_its_bars():
    d = draft("索引号 | 001008/2024-265263 | ||\n组配分类 | 计划总结 | 发布机构 | 某屿镇 |\n"
              "生成日期 | 2024-07-10 | 公开方式 | 主动公开 |\n某屿镇2024年度重点工作任务分解 |\n"
              "(一)坚定不移壮产业(责任部门:经济发展办公室) 全力拼抢重大项目。\n")
    assert d.plan.data["title"] == "某屿镇2024年度重点工作任务分解"
    assert d.plan.data["issuer"] == "某屿镇"
