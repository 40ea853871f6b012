"""Forms of real plans and reports first met in the twelfth held-out round, each on a made-up
text."""
from plan_drafts import draft, parts, targets

from hzmap.model.plan_import import draft_plan, read_document



def _read(tmp_path, text):
    """A file, read line by line as a page gives it."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return draft_plan(read_document(page), None, plan_id="t")


def test_a_task_table_set_with_spaces_between_its_cells_gives_units_and_goals(tmp_path):
    d = _read(tmp_path, "时间:2025-09-19 来源:政府办\n2025年区政府工作报告目标任务上半年推进情况汇总表\n"
                        "序号 目标任务 责任单位 上半年推进情况\n一、经济社会发展主要预期目标\n"
                        "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。\n"
                        "2 第一产业增加值增长5%。 区农业农村委\n区林业局\n区供销联社\n"
                        "第一产业增加值同比增长3.4%。\n"
                        "3 工业投资增长12%。 区经济信息委 工业投资同比增长23.5%。\n")
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [(["区发展改革委"], ["区发展改革委"]),
                   (["区农业农村委"], ["区农业农村委", "区林业局", "区供销联社"]),
                   (["区经济信息委"], ["区经济信息委"])]
    assert {(v, u) for v, u, _ in targets(d)} == {(6, "%"), (5, "%"), (12, "%")}   # no progress


def test_a_list_of_goals_takes_the_year_of_the_paragraph_that_opens_it():
    d = draft("2026年杭州任务书来了\n发布时间:2026-01-22\n更新住宅老旧电梯3000台、新增千岛湖引水6亿立方米\n"
              "记者 陈中秋\n到2030年,地区生产总值力争迈上3万亿元新台阶。\n"
              "(一)推动更高水平创新活力之城迈上新台阶。\n科技型中小企业突破5万家。\n"
              "(二)推动共同富裕先行示范取得新突破。\n常住人口城镇化率达86%。\n")
    got = targets(d)
    assert {(5, "万家", 2030), (86, "%", 2030), (3000, "台", 2026), (6, "亿立方米", 2026)} <= got
    assert [m.data["title"] for m in d.measures] == ["推动更高水平创新活力之城迈上新台阶",
                                                     "推动共同富裕先行示范取得新突破"]


def test_a_layout_whose_last_part_the_page_ends_before_is_still_a_layout():
    d = draft("《四川省“十四五”制造业高质量发展规划》明确提出要塑造四川制造业空间新格局,做强“一极两翼三带”。\n"
              "“一极”是指打造成都都市圈先进制造业核心区。\n“两翼”是指强化南翼和北翼地区产业联动。")
    assert [lay.data["name"] for lay in d.layouts] == ["一极两翼三带"]


def test_areas_listed_before_their_count_are_a_layout():
    d = draft("今天,余杭区发布中轴线产业规划布局,重点布局国际数字商务区、智慧科创总部区、"
              "艺术文化商业区三大区域。")
    assert [lay.data["name"] for lay in d.layouts] == ["三大区域"]
    assert set(parts(d)) == {"国际数字商务区", "智慧科创总部区", "艺术文化商业区"}


def test_an_approval_restating_the_plan_holds_no_measures_and_names_its_issuer():
    d = draft("杭州市人民政府关于杭州市塘栖北单元控制性详细规划(2020版)的批复\n市规划和自然资源局:\n"
              "你们的请示收悉。现将有关事项批复如下:\n一、对《规划》中的主要内容予以明确。\n"
              "(一)规划范围:东至规划兴盛路,南至东西大道。\n(二)发展目标:突出塘栖的特点,建设宜居新区。\n"
              "(三)公共服务设施配套:原则同意规划区内公共服务设施的内容和规模。\n市政府办公厅\n2020年10月15日\n")
    assert d.measures == []
    assert d.plan.data["issuer"] == "杭州市人民政府"
    assert d.plan.data["title"].endswith("的批复")


def test_a_group_of_tasks_named_by_its_lead_gives_them_their_unit():
    d = draft("一、县示范区管委会牵头工作(8项)\n1.建设南美白对虾养殖基地。\n2.打造食用菌酵素生产基地。\n")
    assert [m.data["lead_units"] for m in d.measures] == [["县示范区管委会"], ["县示范区管委会"]]


def test_a_lead_given_as_by_whom_a_part_is_carried_out():
    d = draft("一、推进教育科技人才一体发展(由科技局牵头实施)\n深入实施创新深化工程,推动教科人一体贯通。\n"
              "(一)强化企业科技创新主体地位。深入实施高新企业规上化行动。\n")
    assert d.measures[0].data["lead_units"] == ["科技局"]


def test_joint_signatures_above_the_date_are_all_issuers():
    d = draft("关于推动经济高质量发展的若干政策的通知\n各街道:\n现将政策印发给你们。\n"
              "杭州高新技术产业开发区管理委员会\n\n杭州市滨江区人民政府\n\n2025年2月25日\n")
    assert d.plan.data["issuer"] == "杭州高新技术产业开发区管理委员会、杭州市滨江区人民政府"


def test_a_page_table_s_name_label_is_no_part_of_the_issuer():
    d = draft("文件名称 | 紫阳县人民政府关于印发《紫阳县2024年国民经济和社会发展计划》的通知 | ||\n"
              "正文。\n")
    assert d.plan.data["issuer"] == "紫阳县人民政府"


def test_an_industry_report_s_layout_heading_is_no_measure():
    d = draft("(三)产业空间布局:“一核四带”的产业布局\n十四五期间,某市将构建“一核四带”的空间发展新格局。\n"
              "图表三某市产业带空间布局示意图\n")
    assert d.measures == []


def test_a_zero_padded_list_item_is_no_title_and_a_series_kicker_no_headline():
    d = draft("“筑梦城市新中心”系列报道①\n浙江余杭:城市建设不停步\n正文。\n01南京都市圈发展规划\n")
    assert d.plan.data["title"] == "浙江余杭:城市建设不停步"


def test_a_one_year_policy_s_period_and_its_commitments():
    d = draft("近日,杭州市政府印发《关于推动经济高质量发展的若干政策(2025年)》。来源:新华网\n"
              "组建30亿元规模低空产业基金。开通城乡客货邮融合线路26条,新增综合性服务站点51个。\n")
    assert d.plan.data["period"] == "2025-2025"
    assert {(v, u) for v, u, _ in targets(d)} == {(30, "亿元"), (26, "条"), (51, "个")}
