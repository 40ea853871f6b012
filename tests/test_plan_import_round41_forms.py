"""Forms of real plans and reports first met in the forty-first held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_a_slogan_another_document_sets_out_is_not_the_plans_own():
    d = draft("某市人民政府关于印发某某新区发展规划的通知\n某政发〔2020〕17号\n某某新区发展规划\n"
              "2018年5月21日,省委省政府印发实施《某省大湾区建设行动计划》,提出构筑“一港、两极、三廊、四新区”经济区布局。\n"
              "新区将构建“一核两翼”空间格局。一核:新区核心区。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一核两翼"]
    assert any("《某省大湾区建设行动计划》" in n for n in d.notes)


def test_a_national_pattern_the_place_lies_in_is_cited():
    d = draft("规划构建“双核一轴两带”的城市群空间格局。\n该城市群处于全国 “两横三纵” 城市化战略格局纵轴北端。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["双核一轴两带"]


def test_a_part_closing_on_its_units_with_a_cut_list_after_it():
    d = draft("2025年省《政府工作报告》重点工作分工方案\n"
              "一、对地区生产总值增长5%以上等预期目标完成情况进行监测和督导。(省发展改革委、省财政厅等按职责分工负责)\n"
              "二、深入实施15项重大工程,加快推进重大项目建设。〔省委军民融合办、省发展改革委、省数据局(省营商局)")
    assert [m.data["lead_units"] for m in d.measures] == [["省发展改革委"], ["省委军民融合办"]]
    assert d.measures[1].data["units"] == ["省委军民融合办", "省发展改革委", "省数据局(省营商局)"]


def test_a_consultations_terms_and_a_hierarchy_of_centres_hold_no_measures():
    notice = draft("某规划(2022-2025年)公示\n1.夯实基础设施:推进算力中心建设。\n2.建成载体平台:建设核心承载区。\n"
                   "一、公示期限:2022年9月6日至9月13日\n二、收集意见的截止日期为2022年9月16日\n")
    assert [m.data["title"][:6] for m in notice.measures] == ["夯实基础设施", "建成载体平台"]
    levels = draft("某市商业网点规划\n(一)全市规划确定五级商圈架构!\n一级商圈1个:新街口。\n二级商圈3个:甲、乙、丙。\n")
    assert levels.measures == []
