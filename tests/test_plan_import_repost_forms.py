"""How plans, their summaries and their reposts are written, on small texts written for these
tests: ceilings set for the near and far terms, a page of a project list with counts and
investments, slogans broken by a stray space or line break, parts listed after 即 or 由…组成,
task tables with a progress column, and reposts in traditional characters."""
from plan_drafts import draft, parts


def targets(d):
    return sorted((t.data["value"], t.data["unit"]) for t in d.targets)


def test_ceilings_for_the_near_and_far_terms_are_targets_each():
    d = draft("某市总体规划\n(1)人口规模:常住人口现状300万人,近期和远期分别控制在320万人和350万人。"
              "(2)用地规模:中心城区近期和远期分别控制在105平方千米和120平方千米以内。\n")
    assert targets(d) == [(105, "平方千米"), (120, "平方千米"), (320, "万人"), (350, "万人")]


def test_a_project_lists_counts_and_investments_are_targets():
    d = draft("某市重大项目规划\n围绕交通等重点领域,安排重大建设项目12个,“十四五”计划投资300亿元。"
              "其中,水利工程4个,重点实施堤防加固等一批工程,“十四五”计划投资80亿元;"
              "区级财政安排500万元项目前期费。\n")
    assert targets(d) == [(4, "个"), (12, "个"), (80, "亿元"), (300, "亿元")]


def test_a_slogan_broken_by_a_line_or_opened_with_the_closing_mark_is_read_whole():
    broken = draft("某规划\n形成“一 \n核两翼、三条生态带”开放式空间结构。一核为拱墅区。\n")
    assert [lay.data["name"] for lay in broken.layouts] == ["一核两翼、三条生态带"]
    assert parts(broken)["一核"] == {"gongshu"} and "三条生态带" in parts(broken)
    closing = draft("某规划\n构建”一主一副、两翼协同”新格局。一主为拱墅区。\n")
    assert [lay.data["name"] for lay in closing.layouts] == ["一主一副、两翼协同"]


def test_parts_listed_in_order_after_ji_or_in_you_zucheng():
    after = draft("某规划\n推进“一带、一轴、一心”,即运河景观带、滨江区发展轴、萧山区文化中心三大方面建设。\n")
    assert parts(after) == {"一带": set(), "一轴": {"binjiang"}, "一心": {"xiaoshan"}}
    restated = draft("某规划\n形成“一主三副、双心双轴”空间结构模式。\n(3)组团职能\n中心城区:即一主三副,"
                     "由主城、江南城、临平城和下沙城组成。\n")
    assert parts(restated)["三副"] == {"binjiang", "xiaoshan", "linping", "qiantang"}
    assert parts(restated)["一主"] == set()


def test_a_river_named_as_a_line_before_the_slogan_is_no_member_of_its_axes():
    d = draft("某规划\n转变为以钱塘江为轴线的跨江布局,形成“一主三副、双心双轴”空间结构。\n")
    assert parts(d)["双轴"] == set()


def test_cities_of_a_region_are_not_the_area_jiangnancheng():
    d = draft("某规划\n构建“一核两翼”格局。一核为滨江区,两翼对标江南城市群。\n")
    assert parts(d)["两翼"] == set()


def test_a_platform_slogan_and_its_zones_listed_as_many_as_it_counts():
    d = draft("某市重大项目规划\n(二)打造“一廊三区”重大发展平台。\n以杭州钱塘新区、淳安特别生态功能区、"
              "富阳东洲新区等为引领,建设一批重大平台。\n1.城西科创大走廊。集中力量建设。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["一廊三区"]
    assert parts(d) == {"一廊": {"xihu", "yuhang", "linan"}, "三区": {"qiantang", "chunan", "fuyang"}}


def test_a_quarterly_table_whose_units_column_has_a_progress_column_after_it():
    d = draft("2020年第三季度重点任务目标执行情况\n项目名称\n项目内容\n责任单位\n进展情况\n(一)\n主要预期目标\n"
              "地区生产总值增长6%以上\n区发改局、区管委会、各街道\n正常进行中\n"
              "研发经费支出增长12%\n区科技局、区管委会、各街道\n发动120家企业注册\n"
              "财政收入与经济增长基本同步\n区财政局、区管委会、各街道\n正常进行中\n(二)\n支持实体企业发展\n"
              "落实减税降费等重大政策\n区发改局、区科技局、区财政\n")
    got = [(m.passages[0].excerpt[:8], m.data["lead_units"][:1], m.data["units"]) for m in d.measures]
    assert got == [("地区生产总值增长", ["区发改局"], ["区发改局", "区管委会", "各街道"]),
                   ("研发经费支出增长", ["区科技局"], ["区科技局", "区管委会", "各街道"]),
                   ("财政收入与经济增", ["区财政局"], ["区财政局", "区管委会", "各街道"]),
                   ("落实减税降费等重", ["区发改局"], ["区发改局", "区科技局"])]
    assert targets(d) == [(6, "%"), (12, "%")]         # 120家 is what was done


def plan(text):
    d = draft(text)
    return d.plan.data["title"], d.plan.data["issuer"]


def test_titles_and_issuers_of_notices_headlines_and_page_tables():
    # the notice's own 《》 title, printed by a notice that words it otherwise
    assert plan("某区人民政府办公室关于印发区2024年重点工作责任分解的通知\n各街道:\n"
                "《2024年区重点工作责任分解》已经区政府同意,现印发给你们。\n")[0] == "2024年区重点工作责任分解"
    # a title set over three lines, printed by the notice above it
    assert plan("各部门:\n《某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》已经区人大审查批准,"
                "现印发给你们。\n某区人民政府\n2022年3月2日\n某区国民经济和社会发展\n第十四个五年规划和二〇三五年\n"
                "远景目标纲要\n")[0] == "某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    # a news headline of a notice; its issuer as the lead sentence names it
    assert plan("当前位置:首页>>最新政策\n省政府印发2020年重点工作责任分解通知\n"
                "近日,省政府办公厅印发2020年重点工作责任分解的通知,公布责任单位。\n") == \
        ("2020年重点工作责任分解", "省政府办公厅")
    # a committee's proposal titled with its name, and an issuer from a page table
    assert plan("中共某市委关于制定某市第十四个五年规划的建议\n到2025年,力争达到1万亿元。\n")[0] == \
        "中共某市委关于制定某市第十四个五年规划的建议"
    assert plan("信息索引号 K1 公开方式 主动公开\n发布机构 区府办 公开范围 面向全社会\n附件\n"
                "2020第三季度重点任务目标执行情况\n项目名称\n") == ("2020第三季度重点任务目标执行情况", "区府办")


def test_a_slogan_whose_figures_or_parts_the_text_then_defines_is_a_layout():
    figures = draft("某区报道\n某区提出了“1+2+X”开放平台建设战略。其中的“1”是滨江区,“2”是萧山区、"
                    "余杭区两大平台,“X”是若干节点。\n")
    assert [lay.data["name"] for lay in figures.layouts] == ["1+2+X"]
    assigned = draft("某市报道\n“一体两翼”特色发展战略\n将全市划分成以滨江区为“一体”,以萧山区为“东翼”,"
                     "以余杭区为“西翼”的三个主体功能区。\n")
    assert parts(assigned) == {"一体": {"binjiang"}, "两翼": {"xiaoshan", "yuhang"}}


def test_a_repost_in_traditional_characters_is_read_and_cited_as_written():
    text = ("某區規劃\n構建“一核兩翼”的空間格局。一核為濱江區,兩翼為蕭山區和餘杭區。\n"
            "到2025年,力爭全區生產總值達到3000億元。\n")
    d = draft(text)
    assert [lay.data["name"] for lay in d.layouts] == ["一核兩翼"]
    assert parts(d) == {"一核": {"binjiang"}, "兩翼": {"xiaoshan", "yuhang"}}
    assert [(t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets] == [(3000, "亿元", 2025)]
    passages = [p.excerpt for r in d.records() for p in r.passages]
    assert passages and all(p.replace(" ", "") in text.replace(" ", "") for p in passages)
    assert d.document.written.startswith("某區規劃")
    # a simplified text with a few characters that are also traditional forms is read as it is
    assert draft("某区规划\n乾隆年间的著名景点。\n").document.shown == ""


def test_straight_quotes_are_paired_and_members_may_follow_the_closing_quote():
    d = draft('某区规划问答\n城市以"长三角重要的交通枢纽型城市,先进制造业生产基地,具有滨江特色的生态城市"为定位,'
              '构建了"一轴两翼"的空间格局。打造"杭甬30分钟互联"的交通体系。\n'
              '未来城规划"一湾两谷"(滨江科创湾、生命健康谷/数字文创谷)。工程已完成30%以上进度。\n')
    assert [lay.data["name"] for lay in d.layouts] == ["一轴两翼", "一湾两谷"]
    spelled = {el.part: el.passages[0].excerpt for lay in d.layouts for el in lay.children
               if lay.data["name"] == "一湾两谷"}
    assert spelled == {"一湾": "滨江科创湾", "两谷": "生命健康谷/数字文创谷"}
    assert d.targets == []          # a quoted name's 30分钟, and 30% already done


def test_a_count_of_areas_as_a_heading_with_one_heading_line_per_area():
    d = draft("某报道\n三大重点区域\n拱墅区域:大城北规划建设的核心区\n拱墅区约有67平方公里纳入范围,与余杭区相邻。\n"
              "余杭区域:定位城北副中心\n余杭区共有32平方公里纳入,位于拱墅区区界以北。\n")
    assert [lay.data["name"] for lay in d.layouts] == ["三大重点区域"]
    assert parts(d) == {"拱墅区域": {"gongshu"}, "余杭区域": {"yuhang"}}   # named by its heading


def test_a_dateless_reports_goals_take_the_year_it_names_and_coal_is_a_unit():
    d = draft("某县新闻\n某县在2024年还有很多大目标。\n某县定了个新年目标:力争旅游总收入突破135亿元。\n"
              "力争全年腾出用能3万吨标煤。\n")
    assert sorted((t.data["value"], t.data["unit"], t.data["year"]) for t in d.targets) == \
        [(3, "万吨标煤", 2024), (135, "亿元", 2024)]


def test_a_master_plans_summary_sections_are_no_measures():
    d = draft("某市总体规划\n1、城市规模\n(1)人口规模:近期和远期分别控制在320万人和350万人。\n"
              "2、城市布局结构\n(1)城市发展方向:城市东扩,旅游西进。\n(2)城市布局形态:网络化组团式布局。\n"
              "(3)组团职能与用地功能组织\n中心城区承担生活居住功能。\n")
    assert d.measures == []
    assert targets(d) == [(320, "万人"), (350, "万人")]
