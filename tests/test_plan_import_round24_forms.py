"""Forms of real plans and reports first met in the twenty-fourth held-out round, each on a
made-up text."""
from plan_drafts import draft


def test_the_units_column_after_the_leads_is_its_partners():
    d = draft("2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n"
              "责任单位 |\n80 |\n加大普惠性托育供给,新增托位数400个以上。 |\n某某 |\n县教育局 |\n县各有关单位 |\n"
              "81 |\n支持职业教育发展。 |\n某某 |\n县教育局 |\n县卫健委、县财政局 |\n82 |\n实施中小学办学能力提升工程。 |\n"
              "某某 |\n县教育局 |\n各乡镇 |\n")
    assert [m.data["units"] for m in d.measures] == [["县教育局", "县各有关单位"], ["县教育局", "县卫健委", "县财政局"],
                                                     ["县教育局", "各乡镇"]]


def test_parts_named_in_full_words_after_their_count():
    d = draft("某市文化旅游产业总体规划以“一个文化旅游核心区、两条精品文化旅游带、七大文化旅游集群片区”为核心,"
              "全面打造文化、旅游、农业等产业融合发展的格局。")
    assert [el.part for lay in d.layouts for el in lay.children] == [
        "一个文化旅游核心区", "两条精品文化旅游带", "七大文化旅游集群片区"]
    # unannounced, such words are no layout
    assert not draft("他说,“一个文化旅游核心区、两条精品文化旅游带”只是初步设想。").layouts
