"""Forms of real plans and reports first met in the twenty-ninth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets

from hzmap.model.plan_import import slogans


def test_an_inline_list_of_achievements_ends_with_its_paragraph():
    d = draft("某省政府工作报告\n1月21日,某省人民代表大会开幕。他说,2020年经济平稳:一是疫情防控取得重大成果;"
              "二是保障和改善民生取得新成效。\n他指出,今年全省经济社会发展的主要预期目标是:地区生产总值增长7.5%以上,"
              "规模以上工业增加值增长8%以上,进出口总额增长7%以上。")
    assert {(7.5, "%"), (8, "%"), (7, "%")} <= {(v, u) for v, u, _ in targets(d)}


def test_a_news_headline_of_a_plans_consultation_or_publication_names_the_plan():
    d = draft("【周刊】某省国土空间规划征求意见\n\n2021-07-16 09:35\n\n近日,《某省国土空间规划(2021-2035年)》(征求意见稿)"
              "向社会公开征集意见建议。")
    assert d.plan.data["title"] == "某省国土空间规划(2021-2035年)"
    d = draft("首页>\n\n某区12个乡镇(街道)级国土空间总体规划(2021-2035年)批后公布\n\n发布时间:2025-09-08\n\n"
              "某区公布已批复的12个乡镇(街道)级国土空间总体规划主要规划内容。")
    assert d.plan.data["title"] == "某区12个乡镇(街道)级国土空间总体规划(2021-2035年)"


def test_a_tables_caption_is_not_the_title():
    d = draft("来源:某房产\n8月25日,某市旅游空间布局专项规划(2024-2035年)批后公布。\n一、规划范围\n规划范围为市域。\n"
              "表1某市旅游产业指标体系发展目标一览表\n指标 | 2030年 | 2035年\n")
    assert d.plan.data["title"] == "某市旅游空间布局专项规划(2024-2035年)"


def test_a_slogan_of_twenty_odd_areas_and_captions_under_a_title():
    d = draft("某市旅游空间布局专项规划\n五、规划结构\n(一)市域旅游空间结构\n市域形成“12324”旅游空间结构 ——“一轴、二廊、三城、二十四片区”。\n"
              "一轴:依托轨道交通打造主轴;\n二廊:生态长廊和文化长廊;\n三城:甲古城、乙商贸城、丙影视城。\n"
              "二十四片区:8片城市旅游片区和16片郊野旅游片区。\n六、规划布局\n(一)旅游片区发展指引\n"
              "推进旅游片区建设。\n表2 市域城市旅游片区规划一览表\n")
    assert "一轴、二廊、三城、二十四片区" in [lay.data["name"] for lay in d.layouts]
    assert [p.count for p in slogans.parse("一轴、二廊、三城、二十四片区")[0]] == [1, 2, 3, 24]
    assert not [m for m in d.measures if m.data["title"].startswith("表2")]


def test_a_division_of_work_names_its_lead_in_a_bracket_of_duties():
    text = ("某省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n\n一、落实2019年经济社会发展总体要求和主要预期目标\n\n"
            "(一)总体要求:以新发展理念为指导,保持经济持续健康发展和社会大局稳定(分管副省长、协管副秘书长负责,"
            "省发展改革委牵头,省工业和信息化厅、省财政厅负责)\n\n"
            "(二)推进产业项目建设。加快重大项目建设(分管副省长负责,省发展改革委牵头,省工业和信息化厅负责)\n")
    ms = [(m.data["lead_units"], m.data["units"]) for m in draft(text).measures]
    assert ms == [(["省发展改革委"], ["省发展改革委", "省工业和信息化厅", "省财政厅"]),
                  (["省发展改革委"], ["省发展改革委", "省工业和信息化厅"])]
    # the page cut inside the bracket: the names before the cut
    cut = draft(text.split("(二)")[0].replace("、省财政厅负责)\n\n", "、省\n"))
    assert [m.data["units"] for m in cut.measures] == [["省发展改革委", "省工业和信息化厅"]]
