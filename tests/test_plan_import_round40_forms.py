"""Forms of real plans and reports first met in the fortieth held-out round, each on a made-up
text."""
from plan_drafts import draft, needs_place, parts, targets


def test_a_slogans_halves_parted_by_a_middle_dot_and_parts_named_in_a_bracket():
    d = draft("构建“一心两翼·一环三廊”产业融合发展空间格局。\n"
              "“一心”(创新动力中心):以临平区老城为核。\n“一环”(西部旅游环线):串联各镇。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一心两翼·一环三廊"]
    assert [el.part for el in d.layouts[0].children][:2] == ["一心", "两翼"]
    assert parts(d)["一心"] == {"linping"}
    told = {el.part: el.passages[0].excerpt for el in d.layouts[0].children}
    assert told["一环"].startswith("“一环”(西部旅游环线)")


def test_a_list_ended_by_deng_names_no_member_of_its_kind():
    d = draft("核心区域包括杭州高新开发区、钱江世纪城等重大平台。要构建“一带两区多平台”的总体空间架构。"
              "一带:沿江发展带。\n")
    assert parts(d).get("多平台") == set() and needs_place(d, "多平台")


def test_a_task_table_run_together_with_its_rows_on_lines_of_their_own():
    d = draft("某市重点工作完成情况表\n序号内容与要求完成情况责任单位\n"
              "1确保地区生产总值增长7%以上。前三季度增长11.4%。市发改委\n"
              "2高质量完成规划编制。1.专项规划基本编制完成;2.印发工作清单。市政府办\n")
    assert [(m.data["title"][:6], m.data["lead_units"]) for m in d.measures] == [
        ("确保地区生产", ["市发改委"]), ("高质量完成规", ["市政府办"])]


def test_places_sorted_into_types_are_no_tasks():
    d = draft("杭州打造“一核九星”。九星按功能分为三类:\n①萧山、余杭、临平为紧密联动型,强化科技研发。\n"
              "②钱塘、富阳、临安为融核提升型,加速互联互通。\n")
    assert d.measures == []


def test_a_tasks_figure_after_what_it_renews_is_its_goal():
    d = draft("某市2024年民生工程实施方案\n二、主要任务\n1.老旧小区改造工程。改造城镇老旧小区50个。(责任单位:市住建局)\n"
              "2.口袋公园建设工程。新建口袋公园14个。(责任单位:市城管局)\n")
    assert {(50, "个", 2024), (14, "个", 2024)} <= targets(d)
    land = draft("某县总体规划(2011-2030年)\n规划区面积8256平方公里,其中建设用地面积为155平方公里。\n")
    assert not any(v == 155 for v, _u, _y in targets(land))


def test_goals_listed_under_their_lead_line_take_the_year_above_it():
    d = draft("某市委关于加快建设区域中心城市的决定\n《决定》提出,到2025年,中心城区首位度明显提升。\n"
              "发展目标当中包含了多个指标性的要求:\n实现全市地区生产总值突破1万亿元,人均生产总值达到10万元/人;\n"
              "城市化水平达72%;\n")
    assert {(10000, "亿元", 2025), (10, "万元/人", 2025), (72, "%", 2025)} <= targets(d)


def test_a_lists_lead_over_a_long_first_item_is_no_title():
    long_item = "(一)聚焦产业提质,推动经济发展更有质量。" + "以加快产业高质量发展为导向,推动产业布局更优。" * 4
    d = draft("综合考虑各方面因素,建议2023年经济社会发展的主要预期目标为:地区生产总值增长6%以上,"
              "财政总收入增长8%以上,人民群众获得感不断增强。\n2023年街道将重点推进五方面工作:\n" + long_item + "\n")
    assert len(d.plan.data["title"]) < 60


def test_a_foundation_laid_with_an_adverb_before_it_is_a_task_whose_figures_count():
    d = draft("2023年街道将重点推进五方面工作:\n(一)聚焦产业提质。一是着力夯实工业发展基础。"
              "力争全年整治提升制造业高耗低效企业20家以上。\n")
    assert (20, "家", 2023) in targets(d)


def test_a_block_named_like_a_district_elsewhere_is_no_place_outside_hangzhou():
    d = draft("40平方公里江南区块打造山水田园之城\n富阳在加快江南新城开发的同时,推进秦望区块有机更新。\n")
    assert not any("outside Hangzhou" in n for n in d.notes)
    assert any("outside Hangzhou" in n for n in draft("南宁市江南区发布“一核两翼”发展格局。\n").notes)


def test_counted_places_called_key_areas_with_a_hall_among_them():
    d = draft("示范区建设全面推进,“一厅三片”等重点区域实景呈现。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一厅三片"]
    assert [el.part for el in d.layouts[0].children] == ["一厅", "三片"]
