"""Forms of real plans and reports first met in the thirty-seventh held-out round, each on a
made-up text."""
from plan_drafts import draft, parts, targets


def test_a_lists_opening_line_gives_its_year_and_buildings_come_with_their_floor_area():
    d = draft("成文日期 | 2020-12-24 |\n区长在区人民代表大会上作政府工作报告时表示,2017年,区政府将努力为民办好十件实事:\n"
              "1.有效改善居住条件。完成465幢23.25万平方米房屋“平改坡”;安置农户2000户以上。\n"
              "2.全力缓解交通拥堵。新增公交线路6条,优化公交线路9条。\n")
    assert {(465, "幢", 2017), (23.25, "万平方米", 2017), (2000, "户", 2017), (6, "条", 2017),
            (9, "条", 2017)} <= targets(d)


def _layouts(d):
    return {lay.data["name"]: {el.part: set(el.data["districts"]) for el in lay.children} for lay in d.layouts}


def test_a_count_of_platforms_after_the_list_a_colon_opens():
    d = draft("临近岁末,走进萧山区,新布局已经拉开:钱江世纪城、湘湖新城、空港新城三大新平台,各以其不同功能定位发展。")
    assert _layouts(d) == {"三大新平台": {"钱江世纪城": {"xiaoshan"}, "湘湖新城": {"xiaoshan"}, "空港新城": {"xiaoshan"}}}


def test_a_slogan_that_labels_its_own_line_its_parts_after_the_colon():
    d = draft("规划布局\n- 两核两区:打造滨海创新发展核、南部产城服务核两核,东部先进智造区、西部新兴产业区两区。\n")
    assert list(_layouts(d)) == ["两核两区"]


def test_a_slogan_after_the_list_of_its_members_and_a_reply_letter_that_names_its_district():
    d = draft("杭州市萧山区发展和改革局关于区十七届人大三次会议第60号建议的答复\n\n代表:\n现答复如下:\n"
              "二、加快文旅融合发展。重塑湘湖跨湖桥人类文明之源、诗路文化带(浦阳江)、官河文化带、钱塘江围垦潮文化带“一源三带”风采。\n")
    assert d.plan.data["title"] == "杭州市萧山区发展和改革局关于区十七届人大三次会议第60号建议的答复"
    assert _layouts(d) == {"一源三带": {"一源": {"xiaoshan"}, "三带": {"xiaoshan"}}}


def test_a_page_cut_inside_a_longer_name_reads_no_place_from_it():
    d = draft("之江新城引配水规划总体布局是“三进、七出、再生水利用”。\n“三进”是指进水闸站。\n"
              "“七出”是指出水闸站。河水由四五排涝闸、小江闸排入钱塘")
    assert parts(d)["七出"] == {"xihu"}         # 之江新城's, not 钱塘区 (the page ends inside 钱塘江)


def test_a_list_of_as_many_members_as_counted_among_more_places_of_that_kind():
    d = draft("今年,西湖区将全面建设紫金港科技城、之江新城。\n在杭州,大家都知道有个“一廊三城”,说的是一条城西科创大走廊,"
              "横跨西湖、余杭,一路向西到临安。\n这一路,把三座科技城——青山湖科技城、未来科技城、紫金港科技城都连在一起。\n")
    assert parts(d)["三城"] == {"linan", "yuhang", "xihu"}


def test_a_table_of_progress_whose_units_column_names_offices_and_whose_cells_number_their_points():
    cells = ("1.全省开发区整合到150个以内。 2.打造5个高能级战略平台。 | 1.印发开发区公告目录。 2.出台平台评审办法。 "
             "3.细化平台指标体系。 | 1.已印发指导意见。 2.拟印发公告目录。 | 1.8月7日,印发建设导则。 2.9月3日,启动申报工作。 "
             "3.大部分地区已上报申报材料。 | 1.持续推进平台申报建设工作。 2.打造5个高能级战略平台。")
    d = draft("省发展改革委重点工作进展情况(截至三季度)\n"
              "序号 | 重大任务 | 目标体系 | 工作 体系 | 政策 体系 | 进展情况 | 工作计划 | 责任处室 |\n2021年目标 | |||||||\n"
              f"1 | 继续推进开发区优化提升,打造5个高能级战略平台。 | {cells} | 地区处 |\n"
              f"2 | 推进先进制造业与现代服务业深度融合。 | {cells} | 产业处 |\n")
    assert [(m.data["number"], m.data["units"]) for m in d.measures] == [("1", ["地区处"]), ("2", ["产业处"])]


def test_a_count_of_areas_told_one_sentence_each_after_it():
    d = draft("青山湖科技城规划面积115平方公里,分为四大功能区。研发区面积5平方公里,是科技城核心。产业化区面积40平方公里,是高端产业的集聚地。"
              "现代服务和综合生活配套区面积25平方公里。生态休闲区面积45平方公里,将围绕青山湖适度开发。")
    assert [[el.part for el in lay.children] for lay in d.layouts] == [
        ["研发区", "产业化区", "现代服务和综合生活配套区", "生态休闲区"]]


def test_a_report_of_a_plan_gives_its_number_after_its_title_and_its_background_is_no_measure():
    d = draft("近日,省发展改革委印发《某都市圈发展规划实施方案》(浙发改城镇〔2023〕327号)。\n1、编制背景\n"
              "为深入贯彻落实《关于培育现代化都市圈的指导意见》,编制《实施方案》。\n2、主要内容\n"
              "在推进城乡融合方面,一是推动城乡发展一体化,促进城乡要素双向流动;二是推动基础设施一体化,加快城际铁路建设。\n")
    assert d.plan.data["doc_number"] == "浙发改城镇〔2023〕327号"
    assert not [m for m in d.measures if m.data["title"].startswith(("为深入贯彻", "主要内容"))]


def test_a_number_after_a_document_the_notice_follows_is_not_its_own():
    d = draft("各有关部门、乡镇:\n为全面推进诗路文化带建设,根据《某省诗路文化带建设资金管理办法》(浙财建〔2020〕50 号)等文件精神,"
              "现将专项资金下达给你们。\n1、本次下达资金由县发改局、财政局按规定开展绩效监控。\n")
    assert d.plan.data["doc_number"] in (None, "")
