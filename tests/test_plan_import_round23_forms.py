"""Forms of real plans and reports first met in the twenty-third held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_headline_names_the_plan_the_lead_quotes_whole():
    d = draft("城北科创走廊规划获批 引领杭州未来新格局\n2024-10-15 12:20:18\n日前,浙江省自然资源厅和杭州市人民政府联合批复"
              "《杭州城北科创走廊国土空间规划(2021-2035年)》(以下简称《规划》)。")
    assert d.plan.data["title"] == "杭州城北科创走廊国土空间规划(2021-2035年)"


def test_titles_after_a_page_tables_label_and_of_a_report_a_mayor_delivers():
    d = draft("发布机构 区府办 公开范围 面向全社会\n附件 2020第一季度政府工作报告重点任务目标执行情况\n"
              "2020第一季度政府工作报告重点任务目标执行情况\n序号\n工作任务\n")
    assert d.plan.data["title"] == "2020第一季度政府工作报告重点任务目标执行情况"
    d = draft("大会现场 某某 摄\n2月19日,某区第六届人民代表大会第四次会议开幕。代区长某某作政府工作报告。")
    assert d.plan.data["title"] == "政府工作报告"


def test_the_layout_a_new_one_builds_on_is_not_this_plans():
    d = draft("承继“一带三城多镇”布局基础,以人为核心,形成“一廊四城两翼”联动发展新格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一廊四城两翼"]
    assert any("superseded" in n for n in d.notes)


def test_a_table_page_that_opens_on_a_later_row_with_its_partners_column():
    d = draft("2023年区政府重点民生实事项目推进情况\n序号 |\n主要任务 |\n分管 领导 |\n牵头 单位 |\n"
              "责任主体与协同单位 |\n推进情况 |\n24 |\n优化提升50条背街后巷交通组织。 |\n某某 |\n城管局 |\n"
              "市政局、相关街道 |\n已进场施工,完成30%。 |\n25 |\n新增达标小区210个。 |\n某某 |\n城管局 |\n"
              "市政局、环卫处、各街道 |\n正在推进。 |\n26 |\n新建建筑垃圾中转站8个。 |\n某某 |\n城管局 |\n"
              "相关街道 |\n已建成3个。 |\n")
    got = [(m.data["number"], m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [("24", ["城管局"], ["城管局", "市政局", "相关街道"]),
                   ("25", ["城管局"], ["城管局", "市政局", "环卫处", "各街道"]),
                   ("26", ["城管局"], ["城管局", "相关街道"])]


def test_a_time_an_approval_is_cut_to_is_a_goal_where_a_services_time_limit_is_not():
    d = draft("(三)主要目标。到2019年6月底,工程建设项目全流程审批时间压缩至90个工作日以内。")
    assert (90, "个工作日", 2019) in targets(d)
    assert not draft("(三)主要目标。到2019年6月底,对申请材料在3个工作日内完成审核。").targets
