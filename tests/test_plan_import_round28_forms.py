"""Forms of real plans and reports first met in the twenty-eighth held-out round, each on a
made-up text."""
from plan_drafts import draft, parts, targets


def test_a_slogan_in_single_quotes_inside_a_quote_is_read():
    d = draft("某市商业网点专项规划\n“到2020年,我市中心城将形成‘一主八辅’为基础,‘多点’为补充的商业体系”,会议审议通过了规划。\n"
              "“一主”:一个城市商业中心\n即三江口商业中心。\n“八辅”:8个区域商业中心\n分别是甲商业中心、乙商业中心。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一主八辅"]
    assert set(parts(d)) == {"一主", "八辅"}


def test_an_earlier_editions_layout_is_history():
    d = draft("某市国土空间总体规划\n与2006版城市总体规划提出的“‘一核两翼、两带三湾’多节点网络化市域空间格局”相比,"
              "《规划》提出了“一体两翼多组团”的市域空间格局。")
    assert [lay.data["name"] for lay in d.layouts] == ["一体两翼多组团"]


def test_a_figures_source_and_a_years_results_under_a_title_are_no_measures():
    d = draft("(二)数字经济保持引领\n2021年,全市数字经济核心产业增加值4905亿元,同比增长11.5%,占GDP的27.1%。\n"
              "数据来源:某研究院数据库\n加快建设数字经济创新提质“一号发展工程”,打造数字经济第一城。\n")
    titles = [m.data["title"] for m in d.measures]
    assert not [t for t in titles if t.startswith(("2021年", "数据来源"))]
    assert any(t.startswith("加快建设数字经济") for t in titles)


def test_a_district_that_is_its_sentences_subject_places_its_unplaced_parts():
    d = draft("第三把“金钥匙”\n新年新目标,余杭将积极争创科学中心核心区;规划战略上,构建“两廊一轴、一核三片”国土空间总体格局。")
    assert parts(d)["一核"] == {"yuhang"} and parts(d)["三片"] == {"yuhang"}
    # not when the sentence names a place of another district too
    d = draft("新闻\n余杭将联动萧山,构建“两廊一轴、一核三片”国土空间总体格局。")
    assert parts(d)["一核"] == set()


def test_a_news_pages_work_year_and_events_it_will_hold_are_goals():
    d = draft("开启促消费新大门\n全力恢复和扩大消费,是2023年余杭经济工作的重点。\n"
              "其中,仅一季度就将开展“活力暖冬”等促消费活动200余场。新增国家高新技术企业500家。")
    assert {(200, "场", 2023), (500, "家", 2023)} <= targets(d)


def test_a_long_group_line_between_a_task_tables_header_and_its_first_row():
    d = draft("关于印发2023年区政府工作目标任务落实责任分解表的通知\n\n附件\n\n序号\n\n目  标  任  务\n\n牵头单位\n\n责任单位\n\n"
              "责任人\n\n一、主要经济社会发展指标、发改、财政、行政审批、生态环境、营商环境、交通等工作目标(牵头领导:张三、李四)\n\n"
              "1\n\n★地区生产总值增长15%。\n\n区发改局\n")
    assert [(m.data["title"], m.data["units"]) for m in d.measures] == [("★地区生产总值增长15%", ["区发改局"])]
