"""Forms of real plans and reports first met in the twenty-fifth held-out round, each on a
made-up text."""
from plan_drafts import draft, targets


def test_a_years_counted_livelihood_projects_listed_a_line_each_state_goals():
    d = draft("某市民生新闻\n2025年某市将接续办好15件重点民生实事\n2025-01-19 10:47:47 来源:某网\n"
              "1月19日,某市人民代表大会开幕,市长某某作政府工作报告。\n"
              "今年,某市将接续办好15件重点民生实事。具体包括:\n新开工改造城镇老旧小区3011万平方米。\n"
              "建设100个口袋公园、10座体育公园。\n加装农村公路安全护栏4000公里。\n")
    assert {(3011, "万平方米", 2025), (100, "个", 2025), (10, "座", 2025), (4000, "公里", 2025)} <= targets(d)


def test_the_year_a_paragraph_opens_on_is_the_year_of_its_whole_years_figures():
    d = draft("近日,某区人民政府发布《关于进一步推动经济高质量发展若干政策》。文件表示,强化用能要素保障。"
              "2024年,保障新上重大项目用能5万吨标准煤以上。全年腾出存量用能空间1万吨标准煤以上。"
              "全年新增可再生能源装机15万千瓦以上。")
    assert {(1, "万吨标准煤", 2024), (15, "万千瓦", 2024)} <= targets(d)
    # a past year a paragraph opens on lends no year (a report of 2024 in 2025)
    d = draft("发布时间:2025-01-10\n某区2025年工作要点\n2023年,全区完成投资。全年新增装机15万千瓦以上。")
    assert (15, "万千瓦", 2023) not in targets(d)


def test_the_cells_under_a_table_rows_title_are_no_captions():
    d = draft("2024年度民生实事项目进度表\n序号 |\n牵头单位 |\n项目名称 |\n本月进展情况 |\n"
              "(一)城区居民户内燃气安全装置改造项目 |\n区城管局 |\n已完工 |\n||\n"
              "(二)井盖整治项目 |\n区城管局 区水投 |\n已完工 |\n||\n"
              "(三)公共场所全民健身器材更换项目 |\n区教体局 |\n已完工 |\n")
    assert [m.data["title"] for m in d.measures] == ["城区居民户内燃气安全装置改造项目", "井盖整治项目",
                                                     "公共场所全民健身器材更换项目"]
