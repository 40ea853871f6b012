"""Malformed and random input to the loaders: always a clear error naming the file, never a
traceback, a hang or executed code."""
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hzmap.model.dataset import DatasetError, load_dataset
from hzmap.model.geo.geodata import GeodataError, load_geodata
from hzmap.paths import data_root

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


@pytest.fixture(scope="module")
def dataset_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("geodata")
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root / "districts.csv")
    return root


def _load_expecting_clear_error(root, rel):
    try:
        load_dataset(root, check_excerpts=False)
    except DatasetError as exc:
        assert exc.problems
        assert any(rel in p for p in exc.problems), exc.problems[:3]


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_a_layout_file(dataset_copy, data):
    path = dataset_copy / "dataset" / "layouts" / "zz_fuzz.yaml"
    path.write_bytes(data)
    try:
        _load_expecting_clear_error(dataset_copy, "layouts/zz_fuzz.yaml")
    finally:
        path.unlink()


@FUZZ
@given(field=st.sampled_from(["id", "plan", "name", "elements", "source", "name_en"]), value=json_values)
def test_a_layout_field_replaced_by_random_data(dataset_copy, field, value):
    path = dataset_copy / "dataset" / "layouts" / "dt2024_4415.yaml"
    original = path.read_text(encoding="utf-8")
    doc = yaml.safe_load(original)
    doc[field] = value
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        _load_expecting_clear_error(dataset_copy, "layouts/dt2024_4415.yaml")
    finally:
        path.write_text(original, encoding="utf-8")


@FUZZ
@given(index=st.integers(0, 22), field=st.sampled_from(["units", "districts", "citywide", "number", "places"]),
       value=json_values)
def test_a_measure_field_replaced_by_random_data(dataset_copy, index, field, value):
    path = dataset_copy / "dataset" / "measures" / "dt2024.yaml"
    original = path.read_text(encoding="utf-8")
    doc = yaml.safe_load(original)
    doc["measures"][index][field] = value
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        _load_expecting_clear_error(dataset_copy, "measures/dt2024.yaml")
    finally:
        path.write_text(original, encoding="utf-8")


def test_yaml_cannot_run_code(dataset_copy, tmp_path):
    marker = tmp_path / "ran"
    path = dataset_copy / "dataset" / "layouts" / "zz_evil.yaml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    try:
        with pytest.raises(DatasetError) as info:
            load_dataset(dataset_copy, check_excerpts=False)
        assert any("layouts/zz_evil.yaml" in p for p in info.value.problems)
        assert not marker.exists()
    finally:
        path.unlink()


def test_oversized_file_is_refused(dataset_copy):
    path = dataset_copy / "dataset" / "places" / "zz_big.yaml"
    path.write_text("places:\n" + "  # padding\n" * 600_000, encoding="utf-8")  # ~7 MB
    try:
        with pytest.raises(DatasetError) as info:
            load_dataset(dataset_copy, check_excerpts=False)
        assert any("places/zz_big.yaml" in p for p in info.value.problems)
    finally:
        path.unlink()


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_geodata(tmp_path, data):
    path = tmp_path / "fuzz.gpkg"
    path.write_bytes(data)
    with pytest.raises(GeodataError) as info:
        load_geodata(path)
    assert str(path) in str(info.value)


@FUZZ
@given(cut=st.integers(100, 600_000))
def test_truncated_geopackage(tmp_path, cut):
    path = tmp_path / "cut.gpkg"
    path.write_bytes((data_root() / "hangzhou.gpkg").read_bytes()[:cut])
    with pytest.raises(GeodataError) as info:
        load_geodata(path)
    assert str(path) in str(info.value)


# -- project files -------------------------------------------------------------------------

GOOD_PROJECT = {
    "format": "hzmap-project", "version": 1,
    "view": {"name": "custom", "crs": "EPSG:4549", "extent": [490000.0, 520000.0, 3330000.0, 3350000.0]},
    "layout": "dt_4415", "selection": "binjiang", "place": None,
    "filters": {"plan": None, "sector": None, "unit": None},
    "annotations": [{"id": "a1", "kind": "text", "points": [[500100.5, 3340200.2]], "text": "钱江新城",
                     "style": {"colour": "#cc3311", "size": 12}}],
}


def _load_project_cleanly(path):
    from hzmap.model.session.project import load_project

    project, problems = load_project(path, known_layouts={"dt_4415"}, known_districts={"binjiang"})
    assert project is not None or problems, "nothing loaded and nothing said"
    assert all(str(path) in p for p in problems), problems[:3]
    return project, problems


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_as_a_project_file(tmp_path, data):
    path = tmp_path / "fuzz.hzmap"
    path.write_bytes(data)
    _load_project_cleanly(path)


@FUZZ
@given(field=st.sampled_from(sorted(GOOD_PROJECT)), value=json_values)
def test_a_project_field_replaced_by_random_data(tmp_path, field, value):
    import json

    doc = dict(GOOD_PROJECT, **{field: value})
    path = tmp_path / "mutated.hzmap"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    project, problems = _load_project_cleanly(path)
    if project is not None and field != "annotations":
        assert len(project.annotations) == 1  # what was intact survives
