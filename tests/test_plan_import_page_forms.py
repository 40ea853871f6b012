"""Forms of layouts and task lists as news pages and notices set them, on small texts written for
these tests: lines that break a sentence, labels that open lines, units on two lines, a page that
ends mid-list (the held-out corpus texts show them in the wild)."""
from plan_drafts import draft


def parts(d):
    return {(lay.data["name"], el.part): el.data["districts"]
            for lay in d.layouts for el in lay.children}


def test_a_lead_line_and_a_responsible_line_below_a_goal_are_one_list():
    d = draft("某区2023年重点工作任务分解方案\n一、主要预期目标\n"
              "1.地区生产总值增长6%左右。\n\n牵头单位:区发改局\n\n责任单位:某经济开发区,各街道\n\n"
              "2.固定资产投资增长15%左右。\n\n牵头单位:区财政局\n\n责任单位:区统计局\n")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [(["区发改局"], ["区发改局", "某经济开发区", "各街道"]),
                   (["区财政局"], ["区财政局", "区统计局"])]


def test_a_page_that_ends_in_a_goal_or_in_a_units_name_keeps_the_goal_and_drops_the_name():
    head = "某区2023年重点工作任务分解方案\n一、主要预期目标\n1.地区生产总值增长6%左右。\n\n牵头单位:区发改局\n\n"
    cut_name = draft(head + "2.制造业高质量发展。\n\n牵头单位:区经信局、区发展改")
    assert [(m.data["lead_units"], m.data["units"]) for m in cut_name.measures] == [
        (["区发改局"], ["区发改局"]), (["区经信局"], ["区经信局"])]   # 区发展改 is cut off
    cut_goal = draft(head + "2.其他主要经济指标不低于全市平均水平。")
    assert [(m.data["title"][:6], m.data["units"]) for m in cut_goal.measures] == [
        ("地区生产总值", ["区发改局"]), ("其他主要经济", [])]          # the page ends before its units


def test_a_slogan_on_a_line_of_its_own_is_announced_by_the_next_line():
    d = draft("规划:东城先行区\n\n今年出炉的\n\n《富阳分区规划》草案中\n\n明确富阳将构筑\n\n"
              "“一轴两带、一城两翼”\n\n的山水田园组团结构\n\n其中,“一城”包括\n\n银湖、东洲\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一轴两带、一城两翼"]
    assert set(map(tuple, parts(d).values())) == {("fuyang",)}


def test_parts_whose_labels_open_lines_define_a_slogan_and_a_street_is_not_its_district():
    d = draft("萧山区某单元详细规划获批\n\n某单元位于钱塘江南岸。\n\n总体规划“一带一轴、三源”:\n\n"
              "“一带”沿钱塘江的滨江景观带,\n\n“一轴”沿滨江二路的城市发展主轴,\n\n"
              "“三源”围绕三个站点打造的活力源。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一带一轴、三源"]
    # 钱塘江 in a plan of 萧山区: its bank there; 滨江二路 is a street, not 滨江区
    assert parts(d) == {("一带一轴、三源", "一带"): ["xiaoshan"],
                        ("一带一轴、三源", "一轴"): ["xiaoshan"],
                        ("一带一轴、三源", "三源"): ["xiaoshan"]}


def test_a_progress_column_before_the_units_holds_no_goals_and_each_of_a_count_grows():
    rows = "".join(f"{n}\n\n{task}\n\n{done}\n\n{unit}\n\n" for n, task, done, unit in [
        (1, "确保地区生产总值增长7%左右。", "1-2月规上工业增加值增长12.5%,居全省第2。", "市发改委"),
        (2, "确保4个结构性指标均实现10%以上增长。", "生态环保投资增长12.5%。", "市发改委"),
        (3, "深入推进示范区建设,取得军工资质8本以上。", "已有10家企业提出申办需求。", "市经信局")])
    d = draft("市政府2020年重点工作一季度进展情况表\n\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n" + rows)
    assert [m.data["lead_units"] for m in d.measures] == [["市发改委"], ["市发改委"], ["市经信局"]]
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
    assert got == {(7, "%", 2020), (10, "%", 2020), (8, "本", 2020)}


def test_a_news_pages_dates_and_a_stated_period_and_a_past_years_figures():
    d = draft("某市国土空间总规出台\n\n2022-12-23      来源:某楼市   浏览次数:53\n\n"
              "近日,某市发布国土空间总体规划草案,规划年限为2021-2035年。\n\n"
              "2021年末,全市常住人口340.7万人。到2035年,常住人口达到400万人。\n")
    assert str(d.plan.data["issued"]) == "2022-12-23" and d.plan.data["period"] == "2021-2035"
    assert {(t.data["value"], t.data["year"]) for t in d.targets} == {(400, 2035)}
    slashed = draft("东城新城崛起\n\n发布时间:2022/4/22 11:48:03\n\n东城新城正在建设。\n")
    assert str(slashed.plan.data["issued"]) == "2022-04-22"


def test_members_named_in_quotes_after_their_count_are_a_layouts_parts():
    d = draft("某局发布了打造6条共富引领带的计划。 “龙井茶香”共富引领带 以游步道为轴线,串联西湖区转塘街道、"
              "双浦镇的村庄,建设茶产业带。 “运河水乡”共富引领带 以大运河为轴线,串联临平区塘栖镇的村庄。 "
              "“钱塘围垦”共富引领带 以钱塘江为轴线,串联钱塘区河庄街道、义")
    assert [lay.data["name"] for lay in d.layouts] == ["6条共富引领带"]
    # the river is a band's line; the towns it links are its places
    assert parts(d) == {("6条共富引领带", "龙井茶香"): ["xihu"],
                        ("6条共富引领带", "运河水乡"): ["linping"],
                        ("6条共富引领带", "钱塘围垦"): ["qiantang"]}


def test_a_report_of_a_plans_publication_names_its_issuer():
    d = draft("某市国土空间总规出台\n\n观点:近日,浙江省某市自然资源和规划局发布《某市国土空间总体规划"
              "(2021-2035年)(草案)》,规划年限为2021-2035年。\n")
    assert d.plan.data["issuer"] == "浙江省某市自然资源和规划局"
