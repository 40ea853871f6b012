"""Forms of real plans and reports first met in the fifteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets



def test_a_count_of_areas_each_named_in_quotes_after_it_is_a_layout():
    d = draft("《规划》将全省划分为3大区域,“创新驱动引领区”包括甲市、乙市,实现“云南速度”;"
              "“产业提速增效区”包括丙州;“沿边开放与绿色发展区”包括丁州。")
    assert [lay.data["name"] for lay in d.layouts] == ["3大区域"]
    assert set(parts(d)) == {"创新驱动引领区", "产业提速增效区", "沿边开放与绿色发展区"}


def test_a_part_of_two_defined_side_by_side():
    d = draft("萧山南部提升是城市发展格局的重要一翼——在萧山“一心两翼”的大棋盘中,“一心”是以钱江世纪城为核心;"
              "“东翼”是依托萧山国际机场;“南翼”是依托浦阳江生态旅游区。")
    assert [lay.data["name"] for lay in d.layouts] == ["一心两翼"]
    assert parts(d)["两翼"] == {"xiaoshan"}


def test_a_task_table_s_header_above_two_rows_a_page_cuts_and_a_goal_in_its_requirement_column():
    d = draft("2019年《政府工作报告》目标任务分解表\n序号\n任务名称\n指标要求\n牵头部门\n配合部门\n目标类型\n"
              "1\n地区生产总值\n增长5.5%(市下达指标)\n区发改经信局\n区财政局、区商务局\nA类\n"
              "2\n服务业增加值\n增长6%\n区发改经信局\n区财政局")
    assert [m.data["lead_units"] for m in d.measures] == [["区发改经信局"], ["区发改经信局"]]
    assert {(v, u) for v, u, _ in targets(d)} == {(5.5, "%"), (6, "%")}


def test_a_table_of_tasks_and_their_progress_that_names_no_units():
    d = draft("杭州市萧山区人民政府2020年《政府工作报告》上半年度重点任务执行情况\n项目名称\n项目内容\n进展情况\n"
              "支持民营企业健康发展\n全面落实“凤凰行动”计划,力争上市挂牌5家。\n"
              "完善上市企业培育工作机制,集中认定区上市后备企业18家。\n"
              "完成数字化改造项目300个,新增企业上云2800家。\n已实施数字化改造项目200个,企业上云1300家。\n")
    assert len(d.measures) == 2 and all(not m.data["units"] for m in d.measures)
    assert {(v, u) for v, u, _ in targets(d)} == {(5, "家"), (300, "个"), (2800, "家")}


def test_units_named_before_a_catch_all_and_units_that_each_lead_their_part():
    d = draft("1.一般公共预算收入增长2%。\n牵头单位:市财政局\n配合单位:市住建局、市自然资源规划局等市级有关部门,"
              "宁波海关\n2.城乡居民收入增速保持领先。(责任单位:市人力社保局、市农业农村局分别牵头)\n")
    assert d.measures[0].data["units"] == ["市财政局", "市住建局", "市自然资源规划局", "宁波海关"]
    assert d.measures[1].data["units"] == ["市人力社保局", "市农业农村局"]


def test_every_project_of_a_list_of_practical_things_for_the_people_commits():
    d = draft("2020年县政府民生实事项目\n1.新建农村家宴放心厨房14家。\n2.年度抽检不少于50批次。\n"
              "3.规范站牌设置1500个。\n")
    assert targets(d) == {(14, "家", 2020), (50, "批次", 2020), (1500, "个", 2020)}


def test_a_figure_inside_a_quoted_name_the_page_cuts_is_no_goal():
    d = draft("2025年重点工作\n统筹推进新产业平台建设,力争“万亩千亿")
    assert d.targets == []


def test_a_plan_named_with_two_brackets_and_a_government_that_puts_one_out():
    d = draft("近日,国务院批复同意《台州市城市总体规划(2004-2020年)(2017年修订)》。")
    assert d.plan.data["title"] == "台州市城市总体规划(2004-2020年)(2017年修订)"
    assert d.plan.data["period"] == "2004-2020"
    d = draft("云南省政府日前出台《云南省工业园区产业布局规划(2016—2025年)》。")
    assert d.plan.data["issuer"] == "云南省政府"
    d = draft("时间:2025-02-07\n来源:宁波市政府办公厅、宁波政务\n近日,宁波市人民政府办公厅印发通知,公布分解清单。")
    assert d.plan.data["issuer"] == "宁波市人民政府办公厅"
