"""Forms of real plans and reports first met in the thirteenth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets



def test_a_page_that_opens_in_the_middle_of_a_long_numbered_list_keeps_its_numbers():
    d = draft("(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案\n——推进教育高质量发展\n"
              "204.推进学前教育优质普惠发展,新改扩建公办幼儿园45所。(牵头单位:市教育局;责任单位:各区人民政府)\n"
              "205.推进普通高中优质多样化发展。(责任单位:市教育局)\n"
              "206.加快区域医共体建设,提升卫生服务水平。(牵头单位:市卫健委;责任单位:")
    assert [m.data["number"] for m in d.measures] == ["204", "205", "206"]
    assert d.measures[0].data["units"] == ["市教育局", "各区人民政府"]
    assert d.measures[2].data["lead_units"] == ["市卫健委"]          # the page ends inside its list
    assert d.plan.data["title"] == "武汉市2023年《政府工作报告》目标任务责任分解方案"


def test_a_figure_inside_a_sentence_is_no_task_number():
    d = draft("1.加快发展。全年新增就业岗位。\n2.推进改革。\n3.扩大开放,2023.5亿元的投资。\n")
    assert [m.data["number"] for m in d.measures] == ["1", "2", "3"]


def test_lead_and_partner_units_each_on_a_labelled_line_of_their_own():
    d = draft("一、确保完成全年主要预期目标\n1. 地区生产总值增长8%以上。\n牵头负责领导:金力。\n"
              "牵头责任单位:市发展改革委。\n协同责任单位:市经信局、市商务局等,各县、市、区政府。\n"
              "2. 财政收入增长8%左右。\n牵头负责领导:金力。\n牵头责任单位:市财政局。\n")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [(["市发展改革委"], ["市发展改革委", "市经信局", "市商务局", "各县、市、区政府"]),
                   (["市财政局"], ["市财政局"])]


def test_a_numbered_task_heading_runs_on_into_its_paragraphs_as_one_measure():
    d = draft("杭州将重点从九大方面发力——\n1、全面塑造创新驱动发展新优势\n高水平建设国家自主创新示范区。\n"
              "以城西科创大走廊为主平台,争创综合性国家科学中心。\n2、全面建设数字赋能产业变革新高地\n"
              "奋力打造全国数字经济第一城。\n")
    assert [m.data["title"] for m in d.measures] == ["全面塑造创新驱动发展新优势", "全面建设数字赋能产业变革新高地"]


def test_a_report_of_a_five_year_plan_gives_its_goals_the_plan_s_last_year():
    d = draft("杭州定下未来五年目标\n2021/2/4 14:06:09\n在昨天召开的会议上,描绘了杭州“十四五”规划和"
              "二○三五年远景目标。\n主要目标\n全市地区生产总值突破2.3万亿元;人均预期寿命达到83.88岁。\n")
    assert targets(d) == {(23000, "亿元", 2025), (83.88, "岁", 2025)}
    assert d.plan.data["period"] == "2021-2025"


def test_a_notice_s_addressees_are_no_headline_and_adjacent_titles_are_printed():
    d = draft("各区县人民政府,市政府直属各单位:\n《2024年政府工作报告重点工作责任分解》《2024年度市政府民生"
              "实事责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。\n湖州市人民政府办公室\n2024年2月8日\n")
    assert d.plan.data["title"] == "2024年政府工作报告重点工作责任分解"


def test_a_news_line_that_a_plan_was_approved_is_no_title_and_the_approved_plan_s_district_holds_it():
    d = draft("规划获批!萧山新老城区连接的重要节点迎来新发展\n山口单元控制性详细规划已获市政府批复\n"
              "近日,《杭州市萧山区山口单元(XSCQ21)控制性详细规划(2019年修编)》正式通过市政府批复。\n"
              "(四)空间结构:规划形成“一轴两园”的空间结构。\n“一轴”:即市心路城市公共轴线;\n“两园”:即西山公园。\n")
    assert d.plan.data["title"] == "杭州市萧山区山口单元(XSCQ21)控制性详细规划(2019年修编)"
    assert parts(d) == {"一轴": {"xiaoshan"}, "两园": {"xiaoshan"}}


def test_the_area_a_unit_lies_in_is_no_member_of_its_layout():
    d = draft("西站新城单元位于杭州城西科创大走廊余杭片区,面积48平方公里。\n"
              "其整体规划结构为“双轴、三大片区”,通过打造古今千年发展轴与高铁都市创享轴,形成双轴。")
    assert not any(d2 in ("xihu", "linan") for v in parts(d).values() for d2 in v)


def test_a_part_that_tells_how_things_stand_is_no_measure():
    d = draft("一、基本情况\n(一)设立情况紫金港科技城管委会设立于2018年,位于城西。\n"
              "(二)发展水平经过三年建设和发展,科技城逐步形成产业集群。\n")
    assert d.measures == []


def test_a_body_named_before_a_plan_it_issues_or_after_it_as_who_published_it():
    assert draft("近日,江西省印发《大南昌都市圈发展规划(2019-2025年)》。").plan.data["issuer"] == "江西省"
    d = draft("2011年6月2日,\n《成渝经济区区域规划》由中华人民共和国国家发改委正式公布。")
    assert d.plan.data["issuer"] == "中华人民共和国国家发改委"


def test_a_notice_that_hands_down_a_plan_and_a_signature_inside_a_line():
    d = draft("索引号: 11330600002577014T/2025-257107 公开方式: 主动公开\n"
              "绍兴市人民政府关于下达2025年绍兴市国民经济和社会发展计划的通知\n各区、县(市)人民政府:\n")
    assert d.plan.data["title"] == "2025年绍兴市国民经济和社会发展计划"
    assert d.plan.data["issuer"] == "绍兴市人民政府"
    d = draft("各镇人民政府:《西湖区开发区整合提升方案》已经区政府同意,现印发给你们,请认真贯彻落实。"
              "杭州市西湖区人民政府 2021年10月11日 西湖区开发区整合提升方案")
    assert d.plan.data["issuer"] == "杭州市西湖区人民政府"


def test_a_count_before_the_size_of_what_it_counts_and_a_goal_whose_subject_is_the_clause_before():
    d = draft("到2020年,全县地区生产总值实现翻番,达到178亿元;航空小镇计划招引1个20亿元以上项目。")
    got = {(t.data["value"], t.data["unit"]): t.data["indicator"] for t in d.targets}
    assert got[(178, "亿元")] == "全县地区生产总值"
    assert (1, "个") in got and (20, "亿元") not in got


def test_a_news_report_looking_ahead_to_a_later_year_states_goals():
    d = draft("旺苍县党代会召开\n来源:广元在线 2016-08-11\n"
              "贫困人口全部脱贫。2020年与全国全省同步实现全面小康。城乡居民人均可支配收入分别达到35000元、14200元。\n")
    assert {(v, u) for v, u, _ in targets(d)} == {(35000, "元"), (14200, "元")}
