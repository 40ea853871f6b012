"""Forms of real plans and reports first met in the twenty-second held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_table_of_contents_without_leaders_gives_no_measures():
    d = draft("某市“十四五”现代服务业发展规划\n(2021—2025年)目录\n一、发展背景\n(一)发展基础\n二、主要任务\n"
              "(一)推动生产性服务业升级\n1.现代物流提质行动\n2.信息消费促进行动\n(二)推动生活性服务业升级\n"
              "3.商贸商务体系跃升行动\n三、保障措施\n(一)加强组织管理\n某市“十四五”现代服务业发展规划\n"
              "一、发展背景\n“十三五”时期,全市服务业持续较快发展。")
    assert not d.measures


def test_a_reports_goals_for_its_year_and_a_plans_goals_for_its_own():
    d = draft("1月13日,某市人民代表大会开幕,会上作政府工作报告。\n报告中指出,2025年某市经济社会发展主要预期目标是:"
              "地区生产总值增长5.5%左右,一般公共预算收入增长3%左右,城镇新增就业15万人以上。")
    assert d.plan.data["title"] == "政府工作报告"
    assert {(5.5, "%", 2025), (3, "%", 2025), (15, "万人", 2025)} <= targets(d)
    d = draft("来源:某市人民政府办公厅 发布时间:2025-08-01 11:42\n大力提振和扩大消费专项行动实施方案\n"
              "一、实施居民增收促进行动\n(一)促进充分就业。加强新就业群体就业保障。2025年,新增城镇就业超20万人,"
              "重点群体就业帮扶超14万人。(责任单位:市人力社保局、市发改委)\n")
    assert {(20, "万人", 2025), (14, "万人", 2025)} <= targets(d)
    # a report of the year so far is no goal
    assert not draft("发布时间:2025-08-01\n某市经济运行情况\n2025年上半年,新增城镇就业超12万人。").targets


def test_a_policys_rate_is_no_goal():
    d = draft("某市人民政府关于稳定和扩大就业的实施意见\n1.继续实施失业保险稳岗返还政策。"
              "2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。(市人力资源社会保障局负责)")
    assert not any(t[1] == "%" for t in targets(d))


def test_titles_set_over_two_lines_and_given_as_the_page_writes_them():
    d = draft("省人民政府關于\n進一步優化營商環境的若干意見\n某政發〔2018〕26號\n各市、州、縣人民政府:\n"
              "為深入貫徹落實黨中央關于優化營商環境的決策部署,提出如下意見。")
    assert d.plan.data["title"] == "省人民政府關于進一步優化營商環境的若干意見"
    d = draft("附件1:\n大湘西地區文化生態旅游融合發展精品線路建設\n總體設計方案\n一、總體思路\n以規劃為依據。")
    assert d.plan.data["title"] == "大湘西地區文化生態旅游融合發展精品線路建設總體設計方案"


def test_clauses_each_a_unit_leads_are_measures():
    d = draft("目前各成员单位各司其职。\n市公安局牵头安全保障组,成立安全保卫工作领导小组;市交通委牵头交通保障组,"
              "已构建了四大保障系统;市住建委牵头城建配套保障组,梳理了周边配套道路。")
    assert [(m.data["title"], m.data["lead_units"]) for m in d.measures] == [
        ("市公安局牵头安全保障组", ["市公安局"]), ("市交通委牵头交通保障组", ["市交通委"]),
        ("市住建委牵头城建配套保障组", ["市住建委"])]
    # one such clause in running text is no list
    assert not draft("市公安局牵头成立安全保卫工作领导小组,全面启动建设。").measures
