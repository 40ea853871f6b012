"""Forms of real plans and reports first met in the thirty-eighth held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_a_quoted_count_with_da_after_the_list_of_its_places():
    d = draft("“十四五”时期,我市将高标准打造智慧新城、智造新城、空港新城“大三城”。")
    assert [[el.part for el in lay.children] for lay in d.layouts] == [["智慧新城", "智造新城", "空港新城"]]


def test_a_number_the_report_works_around_is_not_its_own():
    d = draft("某县2024年国民经济和社会发展计划草案的报告\n2024年,紧紧围绕国发〔2022〕2号文件精神,推动高质量发展。\n")
    assert d.plan.data["doc_number"] in (None, "")


def test_routes_counted_by_their_direction_announced_as_a_corridor():
    d = draft("一是实施旅游发展空间格局优化行动,重点打通“ 三纵一横” 旅游通道:以某市为核心,经甲、乙至丙的“ 中纵通道”。")
    assert [lay.data["name"] for lay in d.layouts] == ["三纵一横"]
    campaign = draft("推进“四好农村路”建设,打造“三改一拆”示范线路。")
    assert campaign.layouts == []
