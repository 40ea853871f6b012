"""More of the forms in which Chinese plans state their measures, units, targets and record, on
small texts written for these tests (the held-out corpus texts show them in the wild)."""
from plan_drafts import draft


def test_goals_assigned_to_units_on_their_own_lines_are_measures_with_units():
    text = ("某区2024年目标任务责任分解方案\n"
            "一、2024年全区主要预期目标\n"
            "(一)地区生产总值增长6%以上\n\n责任单位:区发展和改革局\n\n"
            "(二)社会消费品零售总额增长8%\n\n责任单位:区商务局、区统计局\n\n"
            "(三)工业投资增长10%以上\n\n责任单位:区\n"
            "二、保障措施\n"
            "(一)加强组织领导。建立专班。(责任单位:区政府办公室)\n")
    d = draft(text)
    got = {m.data["title"]: (m.data["lead_units"], m.data["units"]) for m in d.measures}
    assert got["地区生产总值增长6%以上"] == (["区发展和改革局"], ["区发展和改革局"])
    assert got["社会消费品零售总额增长8%"] == (["区商务局"], ["区商务局", "区统计局"])
    assert got["工业投资增长10%以上"] == ([], [])       # a list cut short names no unit
    assert not any(t.startswith("加强组织领导") for t in got)   # safeguards stay out
    assert {(t.data["value"], t.data["year"]) for t in d.targets} >= {(6, 2024), (8, 2024)}


def test_units_in_square_brackets_with_a_bracketed_name_and_a_kind_after_the_last():
    text = ("一、重点任务\n"
            "1、做好疫情防控。落实常态化防控。[牵头单位:区卫健局;责任单位:区疾控中心、各街办(新区)]\n"
            "2、加强项目储备。编制滚动投资计划。(区发改局牵头,区财政局、区水务局等部门,区国投公司配合)\n")
    d = draft(text)
    first, second = (m.data for m in d.measures)
    assert first["lead_units"] == ["区卫健局"]
    assert first["units"] == ["区卫健局", "区疾控中心", "各街办(新区)"]
    assert second["units"] == ["区发改局", "区财政局", "区水务局", "区国投公司"]


def test_plan_record_from_a_page_table_and_a_notice_with_a_deadline():
    text = ("名 称: 区人民政府办公室 关于印发2021年区政府重点工作责任分解的通知\n"
            "索 引 号: 0001/2021-1 发布机构 区人民政府办公室 文    号 某政办〔2021〕7号\n"
            "各街道:\n请于2021年3月15日前报送工作方案。\n"
            "某区人民政府办公室\n2021年3月2日\n"
            "2021年区政府重点工作责任分解\n"
            "一、稳定经济运行\n1、积极争取政策\n责任单位:区发改局\n")
    p = draft(text).plan.data
    assert p["title"] == "2021年区政府重点工作责任分解"
    assert p["issuer"] == "区人民政府办公室"
    assert p["doc_number"] == "某政办〔2021〕7号"
    assert str(p["issued"]) == "2021-03-02"


def test_a_count_of_things_of_a_size_is_the_target_not_the_size():
    text = "一、发展目标\n到2027年,形成4个营业收入超五百亿元的产业集群,培育年产值10亿元以上企业30家。"
    d = draft(text)
    got = {(t.data["value"], t.data["unit"], t.data["comparator"]) for t in d.targets}
    assert (4, "个", "=") in got and (30, "家", "=") in got
    assert not any(t.data["unit"] == "亿元" for t in d.targets)


def test_a_slogan_spelled_out_part_by_part_is_a_layout_and_site_terms_are_no_measures():
    text = ("本报讯 我市将重点打造“两园三带”。\n"
            "“两园”:滨江物联网园和萧山机器人园。\n"
            "“三带”:沿江、沿湖、沿山三条产业带。\n"
            "本网版权与免责声明\n1、凡本网注明来源的作品,转载请注明出处。\n2、如有异议请联系本网。\n")
    d = draft(text)
    assert [lay.data["name"] for lay in d.layouts] == ["两园三带"]
    assert not d.measures


def test_the_lead_rule_in_a_bracket_after_the_last_unit_is_no_unit():
    text = ("一、某副区长牵头重点工作\n"
            "1.保障枢纽工程建设,完成征拆任务。\n\n"
            "责任单位:区征收中心、区发改局、某某镇、某某街道(列第一位者为牵头或汇总单位,下同)\n\n"
            "2.推进老旧小区改造。\n\n责任单位:区建设局、区财政局\n")
    first, second = (m.data for m in draft(text).measures)
    assert first["lead_units"] == ["区征收中心"]
    assert first["units"] == ["区征收中心", "区发改局", "某某镇", "某某街道"]
    assert second["lead_units"] == ["区建设局"]


def test_a_numbered_sentence_line_opens_one_measure_a_numbered_title_heads_several():
    text = ("二、行动举措\n(一)实施产业协同行动\n"
            "1. 引导产业差异化布局。\n推动构建特色鲜明的产业格局。\n"
            "甲市,打造世界级产业集群。\n乙市,推动装备产业跃升。\n"
            "(二)发展服务贸易\n1.服务外包\n做强信息技术外包,培育龙头企业。\n推进离岸外包,拓展国际市场。\n")
    titles = [m.data["title"] for m in draft(text).measures]
    assert titles[0] == "引导产业差异化布局"
    assert not any(t.startswith(("甲市", "乙市", "推动构建")) for t in titles)
    assert sum(t.startswith(("做强", "推进离岸")) for t in titles) == 2


def test_a_title_set_over_two_lines_is_read_whole_from_its_notice():
    text = ("某市人民政府关于印发某市融入区域发展战略三年行动方案的通知\n"
            "各县(市)、区人民政府:\n现将《某市融入区域发展战略三年行动方案》印发给你们。\n"
            "某市人民政府\n2022年8月10日\n"
            "某市融入区域发展战略\n三年行动方案\n一、总体要求\n")
    p = draft(text).plan.data
    assert p["title"] == "某市融入区域发展战略三年行动方案"
    assert p["issuer"] == "某市人民政府"


def test_a_task_tables_own_title_names_the_report_it_breaks_down():
    text = ("某区人民政府办公室\n2018年3月18日\n附件\n"
            "2018年《政府工作报告》工作任务分解表\n序号\n重点工作任务\n牵头单位\n")
    assert draft(text).plan.data["title"] == "2018年《政府工作报告》工作任务分解表"


def test_a_slogan_framing_the_layout_a_sentence_announces_and_one_slogan_spelled_two_ways():
    text = ("一、总体要求\n主动融入省“一圈一带两区”区域发展战略,构建以“一轴两带一区”为统领,"
            "以“五园”为支撑,城乡融合的新发展格局。\n"
            "二、空间布局\n加快构建“两横、三纵、多区域”风貌旅游发展格局。"
            "以大山大水为轴,构建“两横三纵多区域”风貌特色游线格局。\n")
    names = [lay.data["name"] for lay in draft(text).layouts]
    assert names == ["一轴两带一区", "两横、三纵、多区域"]      # the province's, cited, is not


def test_figures_listed_after_a_goal_share_its_goal_words():
    text = ("某区2018年重点工作任务\n"
            "开发区要加快项目建设,力争规模工业增加值增长10%、实际利用外资3亿美元。\n"
            "新城力争引进领军人才2名、优质企业100家。\n"
            "2017年完成投资50亿元、新增企业20家。\n")
    got = {(t.data["value"], t.data["unit"]) for t in draft(text).targets}
    assert {(10, "%"), (3, "亿美元"), (2, "名"), (100, "家")} <= got
    assert not {(50, "亿元"), (20, "家")} & got                 # last year's results


def test_a_task_table_that_lost_its_numbers_is_read_by_its_header():
    text = ("附件\n2018年重点工作任务分解表\n序号\n重 点 工 作 任 务\n牵头领导\n牵头单位\n"
            "科技城要围绕打造创新策源地,推进创新载体建设,力争新增企业50家。\n张三\n李四\n"
            "某某科技城(某某园)\n"
            "开发区要对标国家级高新区,加强主导产业培育。\n王五\n某某经济技术开发区(某某开发区)\n"
            "新城要围绕打造时尚产业新地标,建成展示中心。\n张三\n某某新城\n"
            "老城要坚持副中心定位,加快\n")
    ms = [m.data for m in draft(text).measures]
    assert [(m["lead_units"], m["units"]) for m in ms] == [
        (["某某科技城(某某园)"], ["某某科技城(某某园)"]),
        (["某某经济技术开发区(某某开发区)"], ["某某经济技术开发区(某某开发区)"]),
        (["某某新城"], ["某某新城"]), ([], [])]            # the last row is cut short
    assert not any(m["title"].startswith(("张三", "王五", "某某")) for m in ms)


def test_a_task_to_complete_and_a_figure_about_are_goals_a_service_time_limit_is_not():
    text = ("2024年重点工作责任分解\n一、重点工作\n"
            "1.地区生产总值增长6%左右。\n\n责任单位:区发改局\n\n"
            "2.保障枢纽工程建设,完成60万平方米征拆任务。\n\n责任单位:区征收中心\n\n"
            "3.提高审批效率,环评登记表3个工作日内完成审批。\n\n责任单位:区环保局\n")
    got = {(t.data["value"], t.data["unit"], t.data["comparator"]) for t in draft(text).targets}
    assert (6, "%", "~") in got and (60, "万平方米", "=") in got
    assert not any(v == 3 for v, _, _ in got)


def test_within_so_many_years_sets_a_goal():
    text = "一、城市建设\n3年内打通主城区总长1.7万米的断头路19条,实施道路提升工程。\n"
    got = {(t.data["value"], t.data["unit"]) for t in draft(text).targets}
    assert (19, "条") in got and not any(u.endswith("米") for _, u in got)


def test_a_goal_for_the_documents_own_year_and_counts_of_kilowatt_hours_and_charging_piles():
    text = ("某区人民政府关于印发推动经济发展若干举措的通知\n"
            "某区人民政府\n2025年4月1日\n"
            "一、强化科技创新\n2025年,力争全社会研发投入强度达到2.95%。\n"
            "二、保障能源要素\n全年保障全社会电量供给35亿千瓦时左右,新增公共充电设施260根以上。\n"
            "三、回顾\n2024年,全区实现地区生产总值1970亿元,增长6%。\n")
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in draft(text).targets}
    assert {(2.95, "%", 2025), (35, "亿千瓦时", 2025), (260, "根", 2025)} <= got
    assert not any(unit == "亿元" for _, unit, _ in got)     # last year's result is no goal


def test_units_given_once_in_a_parts_heading_hold_for_its_measures():
    text = ("关于推动经济高质量发展若干政策举措\n"
            "一、强化科技创新(区科技局牵头)\n"
            "(一)加强科创平台效能建设。加快建设研究院。\n"
            "(二)支持企业研发。对企业研发投入给予支持。(区经信局、区财政局)\n"
            "二、扩大有效投资\n"
            "(一)加快项目建设。推进重大项目开工。\n")
    got = {m.data["title"]: (m.data["lead_units"], m.data["units"]) for m in draft(text).measures}
    assert got["加强科创平台效能建设"] == (["区科技局"], ["区科技局"])
    assert got["支持企业研发"] == (["区经信局"], ["区经信局", "区财政局"])   # its own list
    assert got["加快项目建设"] == ([], [])                                   # none given


def test_a_document_about_a_report_is_titled_by_its_whole_line_and_dated_by_its_table():
    notice = draft("某区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知\n"
                   "某政办字〔2021〕3号\n各街道办事处:\n现印发给你们。\n")
    assert notice.plan.data["title"] == "《政府工作报告》重点工作任务分工"
    assert notice.plan.data["issuer"] == "某区人民政府办公室"
    table = draft("信息索引号 K1/2024-1 公开方式 主动公开\n发布机构 区府办\n"
                  "生成日期 2024-01-08 发布日期 2024-01-09\n"
                  "2023年第四季度某区《政府工作报告》主要任务完成情况\n序号\n1\n")
    assert table.plan.data["title"] == "2023年第四季度某区《政府工作报告》主要任务完成情况"
    assert str(table.plan.data["issued"]) == "2024-01-08"


def test_a_task_tables_report_column_says_what_was_done_not_what_is_to_be_done():
    text = ("2023年第四季度某区《政府工作报告》主要任务完成情况\n"
            "序号\n\n主要工作内容\n\n牵头领导\n\n牵头单位\n\n累计完成情况\n\n"
            "1\n\n地区生产总值增长5.5%左右。\n\n张三\n\n区发改局\n\n已完成。\n\n"
            "2\n\n新增城镇就业3万人以上。\n\n张三\n\n区人社局\n\n全年新增城镇就业3.4万人。\n\n"
            "3\n\n完成老旧小区改造20个。\n\n李四\n\n区住建局\n\n完成改造22个,惠及居民8000户。\n")
    d = draft(text)
    assert [m.data["lead_units"] for m in d.measures] == [["区发改局"], ["区人社局"], ["区住建局"]]
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
    assert got == {(5.5, "%", 2023), (3, "万人", 2023), (20, "个", 2023)}


def test_a_slogan_with_its_members_in_a_bracket_inside_the_quotes_is_a_layout():
    text = ("城市新中心将精雕细琢“两廊一轴(城西科创大走廊、良渚文化大走廊和古今千年发展轴)”,"
            "打造城市新中心。又提出“三大任务(稳增长、促改革、惠民生)”。\n")
    d = draft(text)
    assert [lay.data["name"] for lay in d.layouts] == ["两廊一轴"]
    parts = {}
    for el in d.layouts[0].children:
        parts.setdefault(el.part, set()).update(el.data["districts"])
    assert parts["两廊"] == {"xihu", "yuhang", "linan"}       # the corridor's three, 良渚's one
    assert parts["一轴"] == set()                              # no place named: flagged
    assert any("needs a place" in f for el in d.layouts[0].children if el.part == "一轴"
               for f in el.flags)


def test_a_count_of_areas_listed_after_a_colon_is_a_layout_of_those_areas():
    text = ("按照萧山沿江区域的现状,拟划分成四大板块:江东工业城板块、文化科技城板块、钱江世纪城板块、"
            "湘湖旅游城板块。\n"
            "全区形成三大片区:城北片区、城南片区。\n"                  # two listed for three: no
            "重点发展三大产业:数字经济、高端装备和生命健康。\n")
    d = draft(text)
    assert [lay.data["name"] for lay in d.layouts] == ["四大板块"]
    got = {el.part: el.data["districts"] for el in d.layouts[0].children}
    assert list(got) == ["江东工业城板块", "文化科技城板块", "钱江世纪城板块", "湘湖旅游城板块"]
    assert got["钱江世纪城板块"] == ["xiaoshan"] and got["湘湖旅游城板块"] == ["xiaoshan"]
    assert got["文化科技城板块"] == []                # no place named: left for the planner


def test_a_layout_in_a_paragraph_about_one_district_lies_in_it_where_no_place_is_named():
    about_one = draft("钱塘区在规划上注重产城融合。以“一心两轴”的布局,打造科创中心,"
                      "以及2号大街发展轴和20号大街发展轴。\n")
    got = {el.part: el.data["districts"] for el in about_one.layouts[0].children}
    assert got == {"一心": ["qiantang"], "两轴": ["qiantang"]}
    assert any("assumed" in f for el in about_one.layouts[0].children for f in el.flags)
    about_two = draft("萧山区和钱塘区携手,以“一心两轴”的布局,打造科创中心,"
                      "以及2号大街发展轴和20号大街发展轴。\n")
    assert all(el.data["districts"] == [] for el in about_two.layouts[0].children)


def test_a_numbered_list_under_a_plain_background_line_holds_no_measures():
    text = ("机遇\n"
            "  1. 资源整合:融入杭州,有助于整合两地资源,推动区域经济发展。\n"
            "  2. 人才流动:将为杭州吸引更多人才,提供源源不断的动力。\n"
            "重点任务\n"
            "  1. 加快平台建设:推进科创园区提升。(区发改局)\n"
            "  2. 优化营商环境:深化改革。(区市场监管局)\n")
    got = [m.data["lead_units"] for m in draft(text).measures]
    assert got == [["区发改局"], ["区市场监管局"]]


def test_a_part_named_with_what_it_does_is_its_counted_part_defined_either_way():
    text = ("新一代信息技术产业按“一核主导、多地协作”原则引导布局。“一核”即滨江区,是主体载体。"
            "“多地协作”中,包括萧山区、余杭区等辐射区。\n")
    d = draft(text)
    els = d.layouts[0].children
    got = {el.part: el.data["districts"] for el in els}
    assert got == {"一核": ["binjiang"], "多地": ["xiaoshan", "yuhang"]}
    assert [el.data["name"] for el in els] == ["一核主导", "多地协作"]    # named as written


def test_three_rivers_are_the_districts_on_their_banks_and_xinanjiang_is_jiande():
    d = draft("构建“一核九星、三江绿楔”的空间格局。“三江绿楔”即以钱塘江、富春江、新安江为轴线,"
              "形成绿色开敞空间。\n")
    got = set()
    for el in d.layouts[0].children:
        if el.part == "三江绿楔":
            got |= set(el.data["districts"])
    assert {"jiande", "tonglu", "fuyang", "xiaoshan"} <= got and "chunan" not in got


def test_a_layout_of_a_plan_whose_title_names_one_district_lies_in_it():
    text = ("桐庐县某镇东单元详细规划\n"
            "(三)规划结构 尊重山林特色,规划打造“两带、三区”的乡村振兴格局。两带:即沿公路形成的"
            "两条旅游带。三区:即三个功能片区。\n")
    d = draft(text)
    got = {el.part: el.data["districts"] for el in d.layouts[0].children}
    assert got == {"两带": ["tonglu"], "三区": ["tonglu"]}
    assert all(any("plan's title" in f and "assumed" in f for f in el.flags)
               for el in d.layouts[0].children)
    two = draft(text.replace("桐庐县某镇", "桐庐县和建德市"))
    assert all(el.data["districts"] == [] for el in two.layouts[0].children)


def test_a_plans_summary_sections_are_no_measures():
    text = ("关于某镇单元详细规划的公示\n"
            "现将规划主要内容公布如下: (一)规划范围 规划总面积12平方千米。 (二)规划定位 打造休闲地。 "
            "(三)资源约束和底线控制 落实永久基本农田保护任务。 (四)发展规模 规划人口0.6万人。\n"
            "二、近期行动\n"
            "(一)优化空间结构,推进镇区更新。(镇建设办)\n")
    d = draft(text)
    assert [m.data["lead_units"] for m in d.measures] == [["镇建设办"]]


def test_a_table_row_that_names_its_item_before_the_task_commits_to_the_tasks_figures():
    rows = "".join(f"{n}\n\n{item}{task}\n\n{unit}\n\n{done}\n\n" for n, item, task, unit, done in [
        (1, "主要经济指标\n\n", "地区生产总值增长5.5%。", "区发改经信局", "/"),
        (2, "", "一般公共预算收入增长与经济增长同步。", "区财政局", "52%"),
        (3, "", "新增国家高新技术企业84家。", "区科技局", "50%")])
    text = ("2024年第二季度某区《政府工作报告》主要任务完成情况\n\n序号\n\n项目名称\n\n主要工作内容\n\n"
            "牵头单位\n\n完成进度\n\n" + rows)
    d = draft(text)
    assert [m.data["lead_units"] for m in d.measures] == [["区发改经信局"], ["区财政局"], ["区科技局"]]
    got = {(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets}
    assert got == {(5.5, "%", 2024), (84, "家", 2024)}             # progress (52%, 50%) is no goal


def test_a_plans_preamble_gives_its_title_and_the_five_year_plan_its_period():
    d = draft("浙江省国民经济和社会发展第十五个五年规划纲要,根据《中共中央关于制定国民经济和社会发展"
              "第十五个五年规划的建议》制定,主要阐明全省经济社会发展战略。\n").plan.data
    assert d["title"] == "浙江省国民经济和社会发展第十五个五年规划纲要"
    assert d["period"] == "2026-2030"


def test_a_quoted_title_about_a_proposal_names_its_issuer_and_a_page_date_is_its_date():
    d = draft("发布时间:2020-12-29 08:00\n"
              "《中共杭州市委关于制定杭州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》"
              "全文公布,提出优化城市空间布局。\n").plan
    assert d.data["issuer"] == "中共杭州市委" and d.data["period"] == "2021-2025"
    assert str(d.data["issued"]) == "2020-12-29"
    assert any("publication date" in f and "assumed" in f for f in d.flags)
