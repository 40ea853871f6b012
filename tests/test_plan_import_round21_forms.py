"""Forms of real plans and reports first met in the twenty-first held-out round, each on a
made-up text."""
from plan_drafts import draft, parts, targets

from hzmap.model.plan_import import slogans


def _layouts(d) -> list:
    return [lay.data["name"] for lay in d.layouts]


def test_a_congress_report_dated_by_day_alone_takes_the_year_it_plans_for():
    d = draft("某网某市3月25日消息 3月25日上午,某市人民代表大会开幕。会议审查某市2024年预算执行情况和"
              "2025年预算草案的报告。市长代表某市政府向大会作工作报告。\n"
              "今年某市经济社会发展主要预期目标为地区生产总值增长5.5%左右,城镇新增就业18万人。")
    assert str(d.plan.data["issued"]) == "2025-03-25"
    assert d.plan.data["title"] == "政府工作报告" and d.plan.data["issuer"] == "某市政府"
    assert {(5.5, "%", 2025), (18, "万人", 2025)} <= targets(d)


def test_items_a_count_announces_with_shi_and_lengths_in_kilometres():
    d = draft("今年某省将重点办好10件民生实事。这10件民生实事是:一是开展妇女“两癌”筛查;二是推进城镇老旧"
              "小区改造提升,全年完成改造不少于50万户;三是推动农村电网提档升级,新建线路5000千米;"
              "四是扩大5G网络覆盖面;五是提升政务服务能力;六是改善农村出行条件;七是加强窨井维护;"
              "八是补齐乡村教育短板;九是扩大法律顾问服务面;十是实施残疾儿童康复救助。")
    assert len(d.measures) == 10 and d.measures[1].data["title"] == "推进城镇老旧小区改造提升"
    got = {(v, u) for v, u, _ in targets(d)}
    assert (5000, "千米") in got and (5000000, "米") not in got


def test_a_page_that_lost_its_line_breaks_is_read_at_its_spaces():
    body = ("某县政府工作报告2022年重点工作责任分解 一、县长牵头重点工作 1.全县生产总值增长7.5%左右;"
            "一般公共预算收入增长8.5%;城乡居民人均可支配收入与经济增长基本同步,收入倍差进一步缩小。 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局 "
            "2.落实党政机关过紧日子的要求,节俭办一切事业,全县非刚性、非重点项目支出预算只减不增,严控“三公”"
            "经费和会议费、培训费,努力降低行政运行成本。 责任单位:县财政局 "
            "二、常务副县长牵头重点工作 1.坚持县政府常务会议集体学法,加强重大行政决策事前论证和事后评估,"
            "发挥法律顾问作用,提高决策科学化民主化水平,推进法治政府建设示范创建。 "
            "责任单位:县司法局")
    d = draft(body)
    assert len(body) >= 300     # (a line that long: the page lost its line breaks)
    got = [(m.data["lead_units"], m.data["units"]) for m in d.measures]
    assert got == [(["县发改局"], ["县发改局", "县财政局", "县税务局"]), (["县财政局"], ["县财政局"]),
                   (["县司法局"], ["县司法局"])]


def test_zhejiangs_own_plans_are_not_elsewhere_and_a_municipality_is():
    d = draft("浙江省综合交通枢纽“十四五”规划\n构建“三枢一轴、三环六射”格局,中环经过临平区崇贤街道。")
    assert not any("outside Hangzhou" in f for lay in d.layouts for el in lay.children for f in el.flags)
    d = draft("重庆市国土空间总体规划\n重庆主城形成“一核两江三谷四山”多中心组团式空间结构。重庆至成都、"
              "贵阳1小时通达。重庆中心城区。重庆渝西地区。重庆渝东新城。")
    assert any("重庆市" in n for n in d.notes)


def test_captions_under_a_numbered_title_are_no_measures():
    d = draft("1聚合大空间\n建设国家重要的中心城市\n●主城都市区\n国家中心城市建设的主要承载地\n"
              "2聚焦大开放\n建设国际性综合交通枢纽城市\n●通道:规划10条对外综合运输大通道\n")
    assert not d.measures


def test_more_ways_a_layout_is_announced_and_its_parts_written():
    assert _layouts(draft("渝东南武陵山区突出文旅融合,布局“一心、一堡、四节点”的城镇空间。")) == ["一心、一堡、四节点"]
    assert _layouts(draft("构建“双核驱动、协同发展”的经济社会高质量发展新格局。")) == ["双核驱动、协同发展"]
    assert _layouts(draft("东部新城设定了一心、二轴、三平台的空间布局,以工业带产业。")) == ["一心、二轴、三平台"]
    d = draft("规划布局将以“一岛两岸、轴向生长,一主两副、核心带动”为理念,围绕运河生态岛展开。")
    assert {"一岛", "两岸", "一主", "两副"} <= set(parts(d))
    d = draft("基本建成“一绕、一环、十一射、三连”900公里高速公路骨架网络,完善“一港、三干、四支”内河航道网络。")
    assert _layouts(d) == ["一绕、一环、十一射、三连", "一港、三干、四支"]
    assert slogans.parse("一绕、一环、十一射、三连", free=True)[0][2].count == 11
    # a network of platforms is no layout
    assert not draft("打造“一试点、一示范、多基地”的改革开放创新平台网络。").layouts


def test_a_notice_title_opening_a_run_on_line_and_its_number_without_the_words_before_it():
    d = draft("某省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 某政〔2023〕5号 "
              "现将《政府工作报告》提出的2023年重点工作任务予以分解并明确责任单位。各责任单位要尽快制定具体落实"
              "方案,明确时间节点、责任领导、主要措施,并于2023年3月25日前向省政府报告各项重点工作进展情况。"
              "一、加快推进经济高质量发展 1.地区生产总值增长6%左右。(省发展改革委牵头)")
    assert d.plan.data["title"] == "某省人民政府关于明确政府工作报告提出的2023年重点工作责任单位的通知"
    assert d.plan.data["doc_number"] == "某政〔2023〕5号"


def test_a_figure_slogan_written_without_its_plus_is_spelt_by_its_defined_figures():
    d = draft("市规划局公布新一轮城市总规修编,初步明确采取“1650”结构布局大都市区空间。其中,“1”指的是大都市"
              "核心区及其扩展区;“6”指的是6个副中心区域;“50”指的是约50个网络化城镇节点。")
    assert _layouts(d) == ["1650"] and set(parts(d)) == {"1", "6", "50"}
    # figures the text does not spell the slogan with: no layout
    assert not draft("采取“1650”结构布局大都市区空间。其中,“1”指的是核心区;“5”指的是副中心。").layouts
