"""Forms of real plans and reports first met in the thirty-eighth held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_a_quoted_count_with_da_after_the_list_of_its_places():
    d = draft("“十四五”时期,我市将高标准打造智慧新城、智造新城、空港新城“大三城”。")
    assert [[el.part for el in lay.children] for lay in d.layouts] == [["智慧新城", "智造新城", "空港新城"]]


def test_a_number_the_report_works_around_is_not_its_own():
    d = draft("某县2024年国民经济和社会发展计划草案的报告\n2024年,紧紧围绕国发〔2022〕2号文件精神,推动高质量发展。\n")
    assert d.plan.data["doc_number"] in (None, "")
