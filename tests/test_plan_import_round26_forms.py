"""Forms of real plans and reports first met in the twenty-sixth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_dateless_texts_sentence_for_a_year_ahead_sets_goals():
    d = draft("某县推进大花园建设。按照行动方案,2025年,细颗粒物浓度控制在30微克/立方米以下,空气质量优良天数"
              "比率达到90%,跨行政区域河流交接断面水质达标率力争达到100%。")
    assert {(30, "微克/立方米", 2025), (90, "%", 2025), (100, "%", 2025)} <= targets(d)


def test_tasks_that_build_a_number_of_things_or_reach_an_amount_are_goals():
    d = draft("关于加快建设新时代鱼米之乡的实施意见\n建设90个省级绿色高产高效丰产片。水产品产量达125万吨。")
    got = {(v, u) for v, u, _ in targets(d)}
    assert {(90, "个"), (125, "万吨")} <= got
    # as high as, in a report of what happened, is no goal
    assert not draft("某市经济运行情况\n一季度外贸进出口同比增长高达11.3%。").targets


def test_a_page_tables_title_label_and_a_speechs_occasion_are_no_part_of_the_title():
    d = draft("文      号 某政办〔2025〕1号 信息分类: 综合政务\n发布机构 某区人民政府办公室\n"
              "标     题 区人民政府办公室关于印发2025年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n"
              "字号 :\n各街道:现将方案印发给你们。")
    assert d.plan.data["title"] == "区人民政府办公室关于印发2025年区《政府工作报告》确定的主要目标任务责任分解方案的通知"
    assert not d.plan.data["issuer"].startswith("标题")
    d = draft("政府工作报告 (2019年1月21日在某市第十三届人民代表大会第四次会议上) 某市人民政府市长 某某\n"
              "各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。")
    assert d.plan.data["title"] == "政府工作报告"


def test_a_title_printed_over_three_lines_is_the_whole_title_its_notice_names():
    text = ("某市人民政府办公室\n\n关于印发《某市贯彻落实〈关于稳住经济大盘\n\n推动高质量发展的若干\n\n"
            "政策措施〉实施方案》的通知\n\n各县市区人民政府:\n\n现将方案印发给你们,请认真组织实施。\n\n"
            "某市人民政府办公室\n\n2023年3月15日\n\n\n某市贯彻落实《关于稳住经济大盘\n\n推动高质量发展的若干政策\n\n"
            "措施》实施方案\n\n为推动政策落地见效,特制定本实施方案。\n\n一、促进消费\n\n(一)发放消费券。")
    d = draft(text)
    assert d.plan.data["title"] == "某市贯彻落实〈关于稳住经济大盘推动高质量发展的若干政策措施〉实施方案"
    assert d.plan.data["issuer"] == "某市人民政府办公室"
