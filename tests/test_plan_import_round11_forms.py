"""Forms of real plans and reports first met in the eleventh held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets

from hzmap.model.plan_import import draft_plan, read_document



def test_a_slogan_of_named_parts_each_with_its_kind_of_place_is_a_layout():
    d = draft("湘湖要在“江”与“湖”之间,构建“创新核,产业芯,风情带,魅力城”的总体布局。"
              "即以湘湖景区为“风情带”,以闻堰街道为“魅力城”,以湘湖院士岛为“创新核”,"
              "以三江口工业园为“产业芯”。")
    assert [lay.data["name"] for lay in d.layouts] == ["创新核,产业芯,风情带,魅力城"]
    assert parts(d)["魅力城"] == {"xiaoshan"} and parts(d)["风情带"] == {"xiaoshan"}


def test_a_page_s_update_time_dates_it_and_a_body_it_names_as_source_issues_it():
    d = draft("路径研究\n\n更新时间:2022-12-31 08:50:00    内容来源:湘湖国家旅游度假区党工委\n\n正文。")
    assert str(d.plan.data["issued"]) == "2022-12-31"
    assert d.plan.data["issuer"] == "湘湖国家旅游度假区党工委"


def test_a_newspaper_named_as_source_issues_nothing():
    d = draft("某区新闻\n\n来源:杭州日报    发布时间:2022-12-31\n\n正文。")
    assert d.plan.data["issuer"] == ""


def test_a_title_opening_with_a_district_places_its_units_in_it():
    d = draft("临平区崇北、临东、钱塘、沿山四个单元控规集中公示\n\n日期:2024-07-15\n\n"
              "四、规划结构\n规划形成“一轴一带、三区多点”的功能结构。\n"
              "(1)一轴:塘康路城乡融合发展轴。\n(2)一带:大运河文化带。\n"
              "(3)三区:产村融合发展区、和美乡村示范区。\n(4)多点:多个服务节点。\n")
    assert set(map(frozenset, parts(d).values())) == {frozenset({"linping"})}
    assert d.measures == []                         # what the plan is, not its tasks
    assert str(d.plan.data["issued"]) == "2024-07-15"


def test_a_plan_s_planned_size_is_a_target():
    d = draft("某单元详细规划\n一、规划目标\n建设和美乡村。\n二、发展规模\n人口规模:规划人口3.2万人。\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(3.2, "万人")}


def test_a_news_report_s_figures_are_achievements_unless_it_speaks_of_what_is_to_come():
    d = draft("某地加快建设\n来源:安徽日报 发布时间:2021-08-20 10:48:26\n\n"
              "今年前两个月,企业实现营收132.5亿元,同比上升144%,带动上下游企业超过70家。"
              "全省力争新增企业100家以上。\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(100, "家")}


def test_a_slogan_whose_places_are_listed_after_respectively_is_split_by_its_counts():
    d = draft("加快打造“一圈两区”区域功能板块。据悉,“一圈两区”分别是杭州都市圈、钱塘新区、临平新城。")
    assert [lay.data["name"] for lay in d.layouts] == ["一圈两区"]
    got = parts(d)
    assert got["两区"] == {"qiantang", "linping"} and "qiantang" not in got["一圈"]


def test_figures_the_sentence_then_calls_its_goals_are_goals_of_its_year():
    d = draft("会议召开。\n2023年,地区生产总值增长6%左右,规模工业增加值增长7%……"
              "为实现这些预期目标,全区制定了施工图。\n")
    assert targets(d) == {(6, "%", 2023), (7, "%", 2023)}


def test_a_population_in_ten_thousands_with_no_unit_is_people():
    d = draft("力争到2025年,中心城区人口达到190万。")
    assert targets(d) == {(190, "万人", 2025)}


def test_a_task_table_flattened_one_cell_a_line_gives_each_task_its_units(tmp_path):
    # (a file, read line by line as a page or a .docx gives it)
    page = tmp_path / "分解表.txt"
    page.write_text("各街道,区各办局:\n为确保全面实现2024年《政府工作报告》提出的经济社会发展目标,全面完成"
                    "2024年民生实事项目,经区政府研究决定,现将目标任务分解如下。\n某区人民政府\n"
                    "2024年3月11日\n附件1\n2024年《政府工作报告》主要目标任务责任分解表\n序号\n目标名称\n工 作 标 准\n区政府\n"
              "分管领导\n牵头单位\n配合单位\n1\n全区经济社会发展的主要预期目标\n"
              "(1)地区生产总值增长6%左右。\n王旭锋\n发改局\n经开区\n高新园\n(邹区镇)\n各街道\n"
              "(2)安全生产形势平稳向好。\n吴 伟\n应急管理局\n(安委办)\n区安委会各成员单位\n"
              "(3)全面落实民营经济31条,全年招引产业项目5个。\n", encoding="utf-8")
    d = draft_plan(read_document(page), None, plan_id="t")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got[0] == (["发改局"], ["发改局", "经开区", "高新园(邹区镇)", "各街道"])
    assert got[1] == (["应急管理局(安委办)"], ["应急管理局(安委办)", "区安委会各成员单位"])
    # every task of a breakdown commits to its figures; a policy named by its articles is none
    assert {(v, u) for v, u, _ in targets(d)} == {(6, "%"), (5, "个")}


def test_a_partners_cell_with_people_s_organisations_joins_the_lead_s():
    d = draft("序号 | 实事项目 | 工作举措 | 责任单位 | 配合单位 |\n"
              "1 | 新建成幼儿园7所。 | 4月底前开工。 | 教育局 | 发改局、住建局 |\n"
              "2 | 新建成照护驿站7家,开展胃肠癌联合筛查1万例以上。 | 3月底前建成2家。 | 卫生健康局 | "
              "财政局、妇联,各镇(街道) |\n"
              "3 | 新增公交线路3条。 | 6月底前开通。 | 交通局 | 公交集团 |\n")
    assert d.measures[1].data["units"] == ["卫生健康局", "财政局", "妇联", "各镇(街道)"]
    assert (1, "万例") in {(t.data["value"], t.data["unit"]) for t in d.targets}


def test_a_body_that_draws_up_a_plan_issues_it():
    d = draft("枣庄将形成新格局\n时间:2019-08-19\n日前,枣庄市人民政府制定了《枣庄市精品旅游产业发展专项规划》。")
    assert d.plan.data["issuer"] == "枣庄市人民政府"
