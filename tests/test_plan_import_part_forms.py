"""How Chinese plans define and place a slogan's parts, and how pages set their record, on small
texts written for these tests: parts named by what is done to them (一是做强一核), under later
numbered headings, by the place before the part's word (钱塘一翼), a layout of a town, hills and
names the gazetteer does not know, a table of contents, an article's own sections."""
from plan_drafts import draft, parts, needs_place


def test_parts_named_by_what_is_done_to_them_one_clause_each():
    d = draft("某区规划\n构建“一核两翼”发展格局。一是做强一核,以滨江区为核心,建设创新策源地;"
              "二是拓展两翼,推动余杭区、钱塘区协同发展。\n")
    assert parts(d) == {"一核": {"binjiang"}, "两翼": {"yuhang", "qiantang"}}


def test_parts_named_by_their_ordinal_and_what_they_do_and_members_given_one_by_one():
    d = draft("某规划\n形成“一核两带多点”的产业布局。一是一核引领,以拱墅区为核心。二是两带协同,沿江的"
              "滨江区、萧山区。三是多点支撑,建德市、淳安县等。\n")
    assert parts(d) == {"一核": {"gongshu"}, "两带": {"binjiang", "xiaoshan"},
                        "多点": {"jiande", "chunan"}}
    each = draft("某规划\n构建“一核两翼”格局,一核为拱墅区,两翼分别为钱塘区、富阳区。\n")
    assert parts(each) == {"一核": {"gongshu"}, "两翼": {"qiantang", "fuyang"}}


def test_parts_defined_under_numbered_headings_further_on():
    later = draft("某区发展规划\n一、总体布局\n构建“一核两翼”的空间格局。坚持统筹发展,优化功能分区。\n"
                  "二、做强一核\n以拱墅区为核心,建设运河商务区。\n三、壮大两翼\n西翼为西湖区,东翼为临平区。\n")
    assert parts(later) == {"一核": {"gongshu"}, "两翼": {"xihu", "linping"}}
    bare = draft("某规划\n构建“一核两带”空间格局。\n(一)一核。以拱墅区为核心,提升中央商务功能。\n"
                 "(二)两带。沿线建设萧山区、滨江区两条发展带。\n")
    assert parts(bare) == {"一核": {"gongshu"}, "两带": {"xiaoshan", "binjiang"}}


def test_members_named_by_the_place_before_the_parts_word():
    d = draft("某规划\n构建“一核两翼”的发展格局,即主城一核、钱塘一翼和富阳一翼。\n")
    assert parts(d)["两翼"] == {"qiantang", "fuyang"}
    assert sorted(el.data["name"] for lay in d.layouts for el in lay.children
                  if el.part == "两翼") == ["两翼·富阳", "两翼·钱塘"]
    assert parts(d)["一核"] == set() and needs_place(d, "一核")   # 主城 is no unit it knows


def test_a_part_said_to_lie_somewhere_or_opening_its_paragraph_with_its_label():
    lies = draft("某规划\n形成“一心两片”的空间结构。\n一心位于良渚街道,两片为瓶窑镇和仁和街道。\n")
    assert parts(lies) == {"一心": {"yuhang"}, "两片": {"yuhang"}}
    quoted = draft("某规划\n构建“一核两区”的空间格局。\n“一核”。以西湖区为核心,打造科创高地。\n"
                   "“两区”。萧山区、余杭区两大产业区。\n")
    assert parts(quoted) == {"一核": {"xihu"}, "两区": {"xiaoshan", "yuhang"}}


def test_a_layout_of_a_town_lies_in_the_towns_district():
    by_title = draft("转塘单元控制性详细规划\n转塘单元规划形成“二心、三轴”的规划结构。二心:象山景观核心;"
                     "三轴:沿山渠水系的景观轴。\n")
    assert parts(by_title) == {"二心": {"xihu"}, "三轴": {"xihu"}}
    flags = [f for lay in by_title.layouts for el in lay.children for f in el.flags]
    assert any("assumed" in f and "转塘" in f for f in flags)
    by_paragraph = draft("一篇报道\n分水镇在规划上形成“两带五区”的乡村振兴格局。两带即沿分老线的旅游带。\n")
    assert parts(by_paragraph) == {"两带": {"tonglu"}, "五区": {"tonglu"}}


def test_a_hill_named_after_a_town_is_not_the_town():
    d = draft("某篇文章\n规划形成“二心、三轴”的规划结构:\n二心:望江山生态核心;\n三轴:沿江景观轴。\n")
    assert parts(d)["二心"] == set() and needs_place(d, "二心")      # 望江山, not 望江街道


def test_a_member_the_gazetteer_does_not_know_keeps_its_place_in_the_list():
    d = draft("某规划\n构建“一主三城”格局。“一主”即拱墅区,“三城”指的是三个重点发展区域,它们分别是"
              "临平数智城、萧山科技城和余杭未来科技城。\n")
    assert parts(d)["三城"] == {"linping", "xiaoshan", "yuhang"}


def test_a_word_that_is_also_a_county_elsewhere_does_not_move_the_plan_out_of_hangzhou():
    d = draft("某规划\n构建“一核两带”空间格局:\n1.一核:以上城区为核心。\n2.两带:萧山区、滨江区。\n")
    assert parts(d) == {"一核": {"shangcheng"}, "两带": {"xiaoshan", "binjiang"}}   # not 汕尾's 城区
    assert not any("outside Hangzhou" in f for lay in d.layouts for el in lay.children
                   for f in el.flags)


def test_a_table_of_contents_and_an_articles_own_sections_are_no_measures():
    contents = draft("某区规划纲要\n目  录\n一、发展基础和环境..........1\n(一)发展现状..........1\n"
                     "(二)发展环境..........5\n二、全面提升国际化水平..........11\n"
                     "(一)全力服务保障峰会..........11\n(二)深入营造国际化环境...........\n")
    assert contents.measures == []
    article = draft("本文将解读某区规划。\n一、发展优势\n1. 区位\n该区拥有优越的地理位置和交通条件,是两廊交汇的节点。\n"
                    "2. 产业\n该区拥有丰富的数字经济资源,为未来发展奠定了坚实基础。\n")
    assert article.measures == []
    plan = draft("某区规划\n一、发展优势\n1. 区位\n该区拥有优越的地理位置和交通条件,是两廊交汇的节点。\n")
    assert len(plan.measures) == 1           # the same lines in a plan are its measures


def test_a_notice_title_spaced_and_with_no_issuer_before_it_and_a_labelled_issuer():
    d = draft("文号: 西政发〔2016〕9号\n关于印发某区国民经济和社会发展第十三个五年规划纲要的通 知\n"
              "各街道:\n现将该规划纲要印发给你们。\n某区人民政府\n2016年3月8日\n")
    p = d.plan.data
    assert p["title"] == "某区国民经济和社会发展第十三个五年规划纲要"
    assert p["period"] == "2016-2020" and p["issuer"] == "某区人民政府"
    labelled = draft("附件 某区人民政府办公室关于印发某区重大工程工作总体方案的通知\n"
                     "某区人民政府办公室关于印发某区重大工程工作总体方案的通知\n各街道:\n")
    assert labelled.plan.data["issuer"] == "某区人民政府办公室"


def test_a_pages_time_line_dates_it_and_the_years_goal():
    d = draft("萧山经开区:“4286”深入推进\n来源:\n时间:2019-05-06 15:08:47\n"
              "记者了解到,产业载体已进入实施推进阶段,今年计划完成投资241.21亿元。\n")
    assert str(d.plan.data["issued"]) == "2019-05-06"
    assert {(t.data["value"], t.data["year"]) for t in d.targets} == {(241.21, 2019)}


def test_a_count_of_things_to_be_built_is_a_target():
    d = draft("杭州将打造共富引领带\n近日,市农业农村局发布了打造12条未来乡村共富引领带的计划。\n")
    assert [(t.data["value"], t.data["unit"]) for t in d.targets] == [(12, "条")]


def test_units_labelled_by_department_as_well_as_by_unit():
    d = draft("某区工作方案\n一、重点任务\n1.优化营商环境。(牵头部门:区市场监管局,协办单位:区政务服务中心)\n"
              "2.强化督查考核。\n牵头部门:区督考办;配合部门:区委组织部\n")
    assert [(m.data["lead_units"], m.data["units"]) for m in d.measures] == [
        (["区市场监管局"], ["区市场监管局", "区政务服务中心"]),
        (["区督考办"], ["区督考办", "区委组织部"])]


def test_a_years_work_list_keeps_its_yearless_goals_in_its_year():
    d = draft("某区2024年工作要点\n一、主要目标\n全年地区生产总值增长6%左右,新增规上工业企业30家以上。"
              "到2025年,研发投入强度达到3.5%。\n")
    assert {(t.data["value"], t.data["year"]) for t in d.targets} == {(6, 2024), (30, 2024), (3.5, 2025)}


def test_a_layout_in_a_reports_part_on_one_place_lies_there():
    d = draft("某网新闻\n五个城区分区规划公示\n    下沙:推动区域升级,成为科创研发新高地\n"
              "    根据规划,提出了三大定位。\n"
              "    在空间结构上,塑造沿江“拥江发展带”,形成“双轴双带,五心十片”的空间结构。\n")
    assert parts(d) == {"双轴": {"qiantang"}, "双带": {"qiantang"}, "五心": {"qiantang"},
                        "十片": {"qiantang"}}
    elsewhere = draft("某网新闻\n一、城市新面貌\n    在空间结构上,形成“双轴双带”的空间结构。\n")
    assert needs_place(elsewhere, "双轴")          # a heading that names no place places nothing


def test_a_forecast_is_no_target_and_a_traditional_date_line_dates_the_page():
    d = draft("杭州某区:一条通衢联动两岸\n\n2022-06-28 17:17:16 來源:每日商報\n\n"
              "通车后,市民的通行时间预计也将缩短三分之二左右。力争到2025年,新增道路30公里。\n")
    assert str(d.plan.data["issued"]) == "2022-06-28"
    assert [(t.data["value"], t.data["unit"]) for t in d.targets] == [(30, "公里")]


def test_a_slogan_of_counted_places_announced_as_a_system_or_network_is_a_layout():
    names = {t: [lay.data["name"] for lay in draft(t).layouts] for t in (
        "某县规划\n构建“一心两轴三片”的城镇体系,一心为桐君街道。\n",
        "某规划\n构筑“一环两廊”生态网络。\n",
        "某规划\n完善“1+N”政策体系。\n",               # a set of policies
        "某规划\n健全“一网通办”服务体系。\n")}           # a service, not places
    assert list(names.values()) == [["一心两轴三片"], ["一环两廊"], [], []]


def test_an_air_quality_goal_keeps_its_unit():
    d = draft("某区十四五规划(2021-2025年)\n二、主要目标\n到2025年,PM2.5浓度不超过30微克/立方米。\n")
    assert [(t.data["value"], t.data["unit"], t.data["comparator"]) for t in d.targets] == [
        (30, "微克/立方米", "<=")]


def test_a_count_written_with_da_or_ge_before_the_parts_word():
    d = draft("某规划\n构建“一核三大片区”空间格局,一核为拱墅区,三大片区为西湖区、滨江区和萧山区。\n")
    assert parts(d) == {"一核": {"gongshu"}, "三大片区": {"xihu", "binjiang", "xiaoshan"}}
    figures = draft("某规划\n构建“1个核心+3个片区”的空间格局。“1个核心”即拱墅区。\n")
    assert parts(figures) == {"1个核心": {"gongshu"}, "3个片区": set()}
    assert draft("某规划\n推进“四大建设”格局。\n").layouts == []      # 建设 is no place


def test_a_lead_marked_after_its_name_and_a_partners_column_beside_the_leads():
    marked = draft("某区工作方案\n一、重点任务\n1.推进项目建设。加快推进重大项目。(责任单位:区财政局、区发改局(牵头)、"
                   "各街道)\n")
    assert [(m.data["lead_units"], m.data["units"]) for m in marked.measures] == [
        (["区发改局"], ["区发改局", "区财政局", "各街道"])]
    table = draft("某区2024年重点工作任务清单\n序号\n重点工作\n牵头单位\n配合单位\n"
                  "1\n推进数字经济发展,新增规上企业20家。\n区经信局\n区科技局、各街道\n"
                  "2\n深化改革。\n区发改局\n区司法局\n3\n优化服务。\n区政务服务中心\n区市场监管局\n")
    assert [(m.data["lead_units"], m.data["units"]) for m in table.measures] == [
        (["区经信局"], ["区经信局", "区科技局", "各街道"]), (["区发改局"], ["区发改局", "区司法局"]),
        (["区政务服务中心"], ["区政务服务中心", "区市场监管局"])]


def test_parts_under_a_chapters_sections_and_after_a_dash():
    chapter = draft("某区十四五规划\n第三章 构建一核两翼空间格局\n第一节 做强一核\n以拱墅区为核心,建设运河商务区。\n"
                    "第二节 壮大两翼\n西翼为西湖区,东翼为临平区。\n")
    assert parts(chapter) == {"一核": {"gongshu"}, "两翼": {"xihu", "linping"}}
    dash = draft("某区规划\n构建“一核两翼”空间格局。\n1.“一核”——以拱墅区为核心。\n2.“两翼”——钱塘区和富阳区。\n")
    assert parts(dash) == {"一核": {"gongshu"}, "两翼": {"qiantang", "fuyang"}}
