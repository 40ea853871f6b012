"""Forms of real plans and reports first met in the thirty-second held-out round, each on a
made-up text."""
from plan_drafts import draft, parts, targets


def test_the_year_a_plans_report_sets_its_goals_for_carries_through_the_paragraph():
    d = draft("摘要:某省日前出台《某省提振消费专项行动方案》提出,2025年,全省实现社会消费品零售总额增长5.5%以上。"
              "培育建设区域消费中心城市,打造1个核心商圈、10个高品质商业街区。全年举办各类促消费活动1000场以上。")
    assert {(5.5, "%", 2025), (1, "个", 2025), (10, "个", 2025), (1000, "场", 2025)} <= targets(d)


def _spans(d):
    return {el.part: el.passages[0].excerpt for lay in d.layouts for el in lay.children}


def test_a_slogan_that_shortens_its_members_to_their_shared_word_is_spelled_by_its_bracket():
    # no 格局 or 布局: the bracket lists as many members as the slogan counts, each holding its
    # part's word (三上 of 江上、岛上、桥上)
    d = draft("西湖区计划到2027年,打造“三上一下”(江上、岛上、桥上、廊下)等具有特色的夜间消费场景。")
    assert [lay.data["name"] for lay in d.layouts] == ["三上一下"]
    assert _spans(d) == {"三上": "江上、岛上、桥上", "一下": "廊下"}
    assert parts(d) == {"三上": {"xihu"}, "一下": {"xihu"}}


def test_a_campaign_whose_bracket_does_not_repeat_its_words_is_not_a_layout():
    # (三改一拆: four items for four counted, but none holds 改 or 拆: a campaign, not places)
    d = draft("深入推进“三改一拆”(旧住宅区、旧厂区、城中村改造和拆除违法建筑)行动。")
    assert d.layouts == []


def test_a_bracket_that_names_each_part_in_quotes_defines_them():
    d = draft("建德市加快推进全市“一区多园”(以省级经济开发区为主体,即“一区”;各乡镇特色园为辅助,即“多园”)"
              "高质量发展。")
    assert _spans(d) == {"一区": "以省级经济开发区为主体", "多园": "各乡镇特色园为辅助"}
    assert parts(d) == {"一区": {"jiande"}, "多园": {"jiande"}}


def test_a_figure_slogan_whose_members_follow_its_layout_in_a_bracket_joined_by_plus():
    d = draft("萧山区按照“3+X”布局(临江、空港、湘湖三个省级平台+若干镇街小微园区),提升园区能级。")
    assert _spans(d) == {"3": "临江、空港、湘湖三个省级平台", "X": "若干镇街小微园区"}


def test_a_pages_note_that_the_text_was_abridged_does_not_make_the_plan_a_commentary():
    d = draft("(本文有删减)\n某市推进现代服务业高质量发展行动方案\n二、重点任务\n(一)聚焦链群体系,推动生产性服务业扩容增量\n"
              "1.科技服务。引导企业加大研发投入,争创一批省级以上企业研发机构。\n"
              "2.金融服务。引导金融机构加大对先进制造业的支持力度。\n")
    assert [m.data["title"][:4] for m in d.measures] == ["科技服务", "金融服务"]
