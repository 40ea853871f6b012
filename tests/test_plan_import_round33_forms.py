"""Forms of real plans and reports first met in the thirty-third held-out round, each on a
made-up text."""
from plan_drafts import draft, parts, targets


def test_a_reports_part_titled_as_the_years_work_dates_its_goals_and_the_review_above_is_not_goals():
    d = draft("全年新增上市公司12家,城镇新增就业30万人。\n\n二、2027年重点工作\n"
              "社会消费品零售总额增长5%左右。举办高等级赛事80项以上。\n")
    assert targets(d) == {(5, "%", 2027), (80, "项", 2027)}


def test_a_slogan_called_a_strategy_and_then_defined_with_ji():
    d = draft("桐庐县通过实施“一核两翼”发展战略,即以县城为核心,以分水镇和富春江镇为两翼,形成协调的区域格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一核两翼"]
    assert parts(d)["两翼"] == {"tonglu"}


def test_a_road_net_slogan_in_a_paragraph_that_opens_on_its_time_lies_in_the_district_it_names():
    d = draft("眼下,余杭正在加快建设快速路,并将向“三纵四横两连”路网体系拓展。")
    assert [lay.data["name"] for lay in d.layouts] == ["三纵四横两连"]
    assert parts(d) == {"三纵": {"yuhang"}, "四横": {"yuhang"}, "两连": {"yuhang"}}


def test_a_slogan_with_a_part_led_by_what_it_does_and_an_idea_beside_it():
    # (its structure named after its type in quotes: “…”的“多中心环布式”都市圈结构)
    d = draft("构建“一极三核多节点、内联外接多轴带、蓝绿网络高品质”的“多中心环布式”都市圈结构。"
              "“一极”是某市中心城区,“三核”是甲城区、乙城区和丙港区。")
    lay, = d.layouts
    assert [el.part for el in lay.children] == ["一极", "三核", "多节点", "多轴带"]


def test_a_page_broken_into_short_lines_takes_its_quoted_title_and_the_body_that_publishes_it():
    d = draft("8月5日下午,\n某省自然资源厅发布\n《某省都市圈国土空间规划协调指引》\n(以下简称《指引》),\n"
              "为各都市圈提供协调指引。\n此举在为后续国土空间规划\n提供策略指导的同时,\n进一步引导城市间合作。\n")
    assert d.plan.data["title"] == "某省都市圈国土空间规划协调指引"
    assert d.plan.data["issuer"] == "某省自然资源厅"


def test_a_report_names_the_issuer_as_the_body_by_which_the_plan_was_printed():
    d = draft("某都市圈发展规划解读\n省政府网站13日发布由某省人民政府印发的《某都市圈发展规划》。规划提出,到2030年基本形成现代化都市圈。")
    assert d.plan.data["issuer"] == "某省人民政府"


def test_a_quoted_count_of_one_kind_whose_members_a_list_further_on_names():
    d = draft("某都市圈发展规划解读:发力“三大发展轴”\n■将沿甲乙陆海发展主轴、滨海综合发展轴、丙丁综合发展轴打造都市圈发展廊道。\n")
    assert [[el.part for el in lay.children] for lay in d.layouts] == [["甲乙陆海发展主轴", "滨海综合发展轴", "丙丁综合发展轴"]]
    bare = draft("构建“一核三带”的空间格局。“三带”是沿江发展带、沿湖发展带和沿山发展带。")
    assert [lay.data["name"] for lay in bare.layouts] == ["一核三带"]
