"""A plan's text as a planner pastes it (made up for the tests, in the shape of the city's action
plans): a title, the issuer, the date, a slogan layout with its parts, then numbered tasks."""

LAYOUT = """杭州市低空经济高质量发展行动计划(2025—2027年)
杭州市发展和改革委员会
2025年5月20日
一、总体布局
构建“一廊两核三区”低空经济空间格局。
“一廊”:依托城西科创大走廊,建设低空智能制造走廊。
“两核”:以滨江区、萧山区为核心,集聚低空整机研发企业。
“三区”:推动钱塘区、临平区、富阳区建设低空应用示范区。
"""

TASKS = """二、重点任务
(一)培育整机企业。到2027年,全市低空经济核心企业达到200家以上。(牵头单位:市发改委;责任单位:市经信局、市科技局)
(二)建设起降设施。建成通用机场和起降点150个。(责任单位:市交通运输局)
"""
