"""Forms of real plans and reports first met in the thirty-fourth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def _units(d):
    return [(m.data["lead_units"][:1], m.data["units"]) for m in d.measures]


def test_a_task_table_flattened_a_cell_a_line_between_bar_lines_with_a_starred_lead():
    d = draft("区政府2025年重点工作目标任务分解落实方案\n序号\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n"
              "一、2025年全区经济社会发展主要预期目标\n|\n||||\n"
              "1.地区生产总值增长5%以上。\n|\n张 三\n|\n★区发改委、统计局\n|\n"
              "2.一般公共预算收入增长6%以上。\n|\n★区财政局、税务局\n|\n|||\n")
    assert _units(d) == [(["区发改委"], ["区发改委", "统计局"]), (["区财政局"], ["区财政局", "税务局"])]


def test_a_page_that_spaces_out_its_numbers_still_numbers_its_tasks():
    d = draft("某市人民政府办公室 关于认真做好2021年政府工作报告重点工作任务落实的通知\n"
              "一 、 承担的重点工作任务及责任分解\n"
              "1 . 严格管控地方政府债务,切实保障“三保”支出。\n责任单位:市 财政局\n"
              "2 . 强化县城综合承载能力,满足农村人口向县城转移的需求。\n牵头单位:市 城镇化服务中心\n")
    assert [m.data["number"] for m in d.measures] == ["1", "2"]
    assert d.plan.data["title"] == "某市人民政府办公室关于认真做好2021年政府工作报告重点工作任务落实的通知"
    assert d.plan.data["issuer"] == "某市人民政府办公室"


def test_a_count_in_quotes_announces_the_numbered_projects_and_the_opening_dates_their_goals():
    d = draft("衢州市政府工作报告确定了2026年将筹措资金60亿元以上,实施为民办实事“十大”工程。\n"
              "今年市本级为民办实事“十大”工程\n"
              "一、科教惠民工程(项目6个)。主要是新建幼儿园35所、普通高中8所。\n"
              "二、就业社保惠民工程(项目3个)。全年举办400场招聘会,提供4万个就业岗位。\n")
    assert [m.data["number"] for m in d.measures] == ["一", "二"]
    assert {(35, "所", 2026), (8, "所", 2026), (400, "场", 2026)} <= targets(d)
    assert d.plan.data["title"] == "衢州市政府工作报告"


def test_after_a_pages_running_text_a_lists_title_is_its_headline_and_a_sentence_is_not():
    lead = ("2月1日,某区人大会议票决产生了2025年度十大民生实事,涵盖养老、医疗、人才、环境等涉及社会生活方方面面的内容,"
            "接下来区政府将细化责任分工。\n")
    listed = draft(lead + "十大民生实事项目\n万名居家长者乐享智慧养老\n10个滨江生态公园建设\n")
    assert listed.plan.data["title"] == "十大民生实事项目"
    told = draft(lead + "下面,我们一起来看看\n一、科教惠民工程。新建幼儿园35所。\n")
    assert told.plan.data["title"] != "下面,我们一起来看看"


def test_a_strategy_told_by_sides_is_a_layout_of_its_sides():
    d = draft("报告指出,大力推进“北融、南协、西拓、东护”战略,主动对接主城区。")
    assert [[el.part for el in lay.children] for lay in d.layouts] == [["北融", "南协", "西拓", "东护"]]


def test_a_structure_that_presents_as_a_figure_slogan():
    d = draft("综合起来就会发现,某都市圈空间结构呈现出“3+1”的圈层。第一个圈层是中心城区。")
    assert [lay.data["name"] for lay in d.layouts] == ["3+1"]


def test_a_reply_letter_is_titled_by_its_own_line_and_dated_by_its_page():
    d = draft("索引号:   002564459/2021-00097 发文时间:   2021-07-23\n"
              "文件编号:   某自然资规建函〔2021〕8号 发布机构:   市自然资源和规划局\n"
              "某市自然资源和规划局关于市八届人大六次会议第110号建议答复的函\n\n尊敬的代表:\n"
              "你们提出的《关于进一步优化城市发展空间布局的建议》已收悉,结合正在编制的《某市国土空间总体规划》,现答复如下:\n")
    assert d.plan.data["title"] == "某市自然资源和规划局关于市八届人大六次会议第110号建议答复的函"
    assert str(d.plan.data["issued"]) == "2021-07-23"


def test_a_sites_mark_that_it_gives_the_full_text_is_not_part_of_the_title():
    d = draft("2023年某市政府工作报告(全文)\n编者按\n2月7日上午,市长代表市政府向大会作政府工作报告。\n")
    assert d.plan.data["title"] == "2023年某市政府工作报告"
