"""How plans, their summaries and their reposts are written, on small texts written for these
tests: ceilings set for the near and far terms, a page of a project list with counts and
investments, slogans broken by a stray space or line break, parts listed after 即 or 由…组成,
task tables with a progress column, and reposts in traditional characters."""
from hzmap.model.plan_import import draft_plan, pasted


def draft(text):
    return draft_plan(pasted(text), None, plan_id="t")


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
