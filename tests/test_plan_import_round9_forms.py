"""Forms of real plans and reports first met in the ninth held-out round, each on a made-up text."""
from plan_drafts import draft, parts


def test_a_slogan_of_counted_places_named_as_an_industrial_development_space_is_a_layout():
    # a report names the district's industrial space by its slogan, with no 格局 or 布局
    d = draft("余杭区新闻发布会举行。这五年,余杭区坚持创新驱动,从传统产业关停搬迁,"
              "到“一廊两心三区”产业发展空间的形成,发展主平台更加聚焦。")
    assert [lay.data["name"] for lay in d.layouts] == ["一廊两心三区"]
    assert set(parts(d)) == {"一廊", "两心", "三区"}


def test_a_counted_slogan_before_a_space_that_is_no_layout_word_stays_a_note():
    # “…空间” alone (room to grow) announces nothing
    d = draft("余杭区要拓展“一廊两心三区”的空间,为项目落地留出余地。")
    assert d.layouts == []
