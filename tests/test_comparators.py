"""One comparator rule for every target: the words around the figure decide, in every plan."""
from __future__ import annotations

import shutil

import pytest
import yaml

from hzmap.model.dataset import DatasetError, load_dataset
from hzmap.model.dataset.comparators import comparator_for, comparator_of, figure_span
from hzmap.paths import data_root


@pytest.mark.parametrize("clause, want", [
    ("国家级工业设计中心达25家", ">="),          # the example: 达 is at least
    ("省级工业设计中心达100家", ">="),
    ("全市服务贸易进出口总额突破3325亿元", ">"),
    ("建设服务贸易促进与公共服务平台40个", "="),    # a bare figure
    ("培育年产值超10亿元人力资源服务机构15家左右", "~"),
    ("低空物流总量进入全国前5位", "<="),            # a rank in the top five
    ("力争到2020年建成省级及以上境外经贸合作区4家", "="),  # 省级及以上 is a class, not a bound
    ("规模以上企业1500家以上", ">="),
    ("全市数字贸易出口保持两位数增长", ">="),
    ("实现市内快递2小时内送达", "<="),             # a time limit
    ("国内1日达", "<="),
    ("力争到2027年达到100家", ">="),
])
def test_the_rule_reads_the_wording(clause, want):
    assert comparator_of(clause) == want


@pytest.mark.parametrize("text, value, unit, written", [
    ("全市实现数字贸易额4300亿元", 4300, "亿元", "4300亿"),
    ("数字贸易支付结算额达1万亿元", 10000, "亿元", "1万亿"),
    ("生产性服务业增加值到2025年破万亿", 10000, "亿元", "万亿"),
    ("培养数字贸易人才百万名", 100, "万名", "百万"),
    ("占服务业比重达三分之二以上", 66.7, "%", "三分之二"),
    ("力争到2025年成功培育1家千亿级物流标杆企业", 1, "家", "1"),
])
def test_the_figure_is_found_however_it_is_written(text, value, unit, written):
    start, end = figure_span(text, value, unit)
    assert text[start:end] == written


def test_every_target_follows_the_rule(dataset):
    wrong = {t.id: (t.comparator, comparator_for(t.all_sources[0].excerpt, t.value, t.unit,
                                                 t.indicator))
             for t in dataset.targets.values() if not t.milestone}
    wrong = {k: v for k, v in wrong.items() if v[0] != v[1]}
    assert len(dataset.targets) > 75 and not wrong
    milestones = [t for t in dataset.targets.values() if t.milestone]
    assert [t.id for t in milestones] == ["ps2024_t_china_europe_train"]   # no figure to read


def test_validate_reports_a_comparator_against_the_rule(tmp_path):
    root = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root)
    path = root / "dataset/targets/ps2024.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    t = next(t for t in data["targets"] if t["id"] == "ps2024_t_national_design_centers")
    t["comparator"] = "="
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DatasetError) as exc:
        load_dataset(root, check_excerpts=False)
    assert exc.value.problems == [
        "targets/ps2024.yaml: target 'ps2024_t_national_design_centers': comparator: '=' but the "
        "wording '力争到2027年,国家级工业设计中心达25家,省级工业设计中心达100家' reads '>=' "
        "(rule: hzmap/model/dataset/comparators.py)"]


def test_no_excerpt_cuts_off_the_words_that_qualify_its_figure(dataset):
    """The clause read in the whole document gives the same comparator as in the excerpt (an
    excerpt ending at "100家" while the text goes on "以上" would hide a bound)."""
    from hzmap.model.dataset.comparators import figure_comparator
    from hzmap.model.documents import load_documents

    docs = load_documents(dataset)
    wrong = []
    for t in dataset.targets.values():
        if t.milestone:
            continue
        a = docs.anchors_of("target", t.id)[0]
        doc = docs[a.doc]
        excerpt_text = doc.text[a.start:a.end]
        s, e = figure_span(excerpt_text, t.value, t.unit, t.indicator)
        para = doc.paragraph_at(a.start)
        found = figure_comparator(doc.text[para.start:para.end], a.start + s - para.start,
                                  a.start + e - para.start)
        if found != t.comparator:
            wrong.append((t.id, found))
    assert not wrong
