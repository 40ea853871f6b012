"""Forms of real plans and reports first met in the thirty-sixth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_notices_own_title_over_two_lines_names_the_issuer_not_the_news_lead_above_it():
    d = draft("9月14日,某省人民政府印发《某省扩大消费的若干政策措施》,其中提出十条。\n原文如下:\n"
              "某省人民政府办公厅关于印发\n《某省扩大消费的若干政策措施》的通知\n某政办发〔2023〕35号\n"
              "各市州人民政府:\n现印发给你们,请认真贯彻执行。\n某省人民政府办公厅\n2023年8月31日\n")
    assert d.plan.data["issuer"] == "某省人民政府办公厅"


def test_bodies_that_issue_a_plan_together():
    d = draft("近日,某省商务厅联合成都海关、省政府口岸物流办印发《某省综合保税区赋能提质行动方案(2023—2027年)》。")
    assert d.plan.data["issuer"] == "某省商务厅、成都海关、省政府口岸物流办"
    ten = draft("中国质量新闻网讯近日,某省商务厅等10部门日前联合印发《某省县域商业三年行动实施方案(2023-2025年)》。")
    assert ten.plan.data["issuer"] == "某省商务厅"


def test_a_management_committee_issues_the_opinions_its_title_names():
    d = draft("某市某经开区管委会关于新形势下推动服务业高质量发展的意见\n\n各部门:\n为推动服务业高质量发展,提出如下意见。\n")
    assert d.plan.data["issuer"] == "某市某经开区管委会"


def test_the_fuller_name_of_the_body_told_later_is_the_issuer():
    d = draft("摘要:某省政府近日发布《关于提振消费促进经济稳定增长的实施意见》。\n"
              "为发挥消费对经济发展的作用,某省政府办公厅发布《关于提振消费促进经济稳定增长的实施意见》。\n")
    assert d.plan.data["issuer"] == "某省政府办公厅"


def test_what_a_past_year_reached_is_no_goal():
    d = draft("某区下辖13个街道。某区2024年末常住人口已达106万,城镇化率81.51%,城镇人口86.4万。")
    assert targets(d) == set()


def test_a_list_parted_by_semicolons_in_the_sentence_a_year_ahead_opens():
    d = draft("根据方案,到2025年全省要新建乡镇商贸中心500家以上,实现乡镇商贸综合体覆盖率100%;"
              "县域公益性农产品批发市场覆盖率95%;快递村村通覆盖率98%等一系列目标。")
    assert {(500, "家", 2025), (100, "%", 2025), (95, "%", 2025), (98, "%", 2025)} <= targets(d)
