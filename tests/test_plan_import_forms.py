"""More of the forms in which Chinese plans state their measures, units, targets and record, on
small texts written for these tests (the held-out corpus texts show them in the wild)."""
from hzmap.model.plan_import import draft_plan, pasted


def draft(text):
    return draft_plan(pasted(text), None, plan_id="t")


def test_goals_assigned_to_units_on_their_own_lines_are_measures_with_units():
    text = ("某区2024年目标任务责任分解方案\n"
            "一、2024年全区主要预期目标\n"
            "(一)地区生产总值增长6%以上\n\n责任单位:区发展和改革局\n\n"
            "(二)社会消费品零售总额增长8%\n\n责任单位:区商务局、区统计局\n\n"
            "(三)工业投资增长10%以上\n\n责任单位:区\n"
            "二、保障措施\n"
            "(一)加强组织领导。建立专班。(责任单位:区政府办公室)\n")
    d = draft(text)
    got = {m.data["title"]: (m.data["lead_units"], m.data["units"]) for m in d.measures}
    assert got["地区生产总值增长6%以上"] == (["区发展和改革局"], ["区发展和改革局"])
    assert got["社会消费品零售总额增长8%"] == (["区商务局"], ["区商务局", "区统计局"])
    assert got["工业投资增长10%以上"] == ([], [])       # a list cut short names no unit
    assert not any(t.startswith("加强组织领导") for t in got)   # safeguards stay out
    assert {(t.data["value"], t.data["year"]) for t in d.targets} >= {(6, 2024), (8, 2024)}


def test_units_in_square_brackets_with_a_bracketed_name_and_a_kind_after_the_last():
    text = ("一、重点任务\n"
            "1、做好疫情防控。落实常态化防控。[牵头单位:区卫健局;责任单位:区疾控中心、各街办(新区)]\n"
            "2、加强项目储备。编制滚动投资计划。(区发改局牵头,区财政局、区水务局等部门,区国投公司配合)\n")
    d = draft(text)
    first, second = (m.data for m in d.measures)
    assert first["lead_units"] == ["区卫健局"]
    assert first["units"] == ["区卫健局", "区疾控中心", "各街办(新区)"]
    assert second["units"] == ["区发改局", "区财政局", "区水务局", "区国投公司"]


def test_plan_record_from_a_page_table_and_a_notice_with_a_deadline():
    text = ("名 称: 区人民政府办公室 关于印发2021年区政府重点工作责任分解的通知\n"
            "索 引 号: 0001/2021-1 发布机构 区人民政府办公室 文    号 某政办〔2021〕7号\n"
            "各街道:\n请于2021年3月15日前报送工作方案。\n"
            "某区人民政府办公室\n2021年3月2日\n"
            "2021年区政府重点工作责任分解\n"
            "一、稳定经济运行\n1、积极争取政策\n责任单位:区发改局\n")
    p = draft(text).plan.data
    assert p["title"] == "2021年区政府重点工作责任分解"
    assert p["issuer"] == "区人民政府办公室"
    assert p["doc_number"] == "某政办〔2021〕7号"
    assert str(p["issued"]) == "2021-03-02"


def test_a_count_of_things_of_a_size_is_the_target_not_the_size():
    text = "一、发展目标\n到2027年,形成4个营业收入超五百亿元的产业集群,培育年产值10亿元以上企业30家。"
    d = draft(text)
    got = {(t.data["value"], t.data["unit"], t.data["comparator"]) for t in d.targets}
    assert (4, "个", "=") in got and (30, "家", "=") in got
    assert not any(t.data["unit"] == "亿元" for t in d.targets)


def test_a_slogan_spelled_out_part_by_part_is_a_layout_and_site_terms_are_no_measures():
    text = ("本报讯 我市将重点打造“两园三带”。\n"
            "“两园”:滨江物联网园和萧山机器人园。\n"
            "“三带”:沿江、沿湖、沿山三条产业带。\n"
            "本网版权与免责声明\n1、凡本网注明来源的作品,转载请注明出处。\n2、如有异议请联系本网。\n")
    d = draft(text)
    assert [lay.data["name"] for lay in d.layouts] == ["两园三带"]
    assert not d.measures
