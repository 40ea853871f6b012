"""Places sit where the dataset says: every located point falls in one of its districts."""
import pytest
import shapely

from hzmap.model.dataset import load_dataset
from hzmap.model.geo.geodata import load_geodata, to_map


@pytest.fixture(scope="module")
def ds():
    return load_dataset(check_excerpts=False)


def test_every_located_place_lies_in_its_district(ds):
    geo = load_geodata()
    wrong = []
    for p in ds.places.values():
        loc = p.location
        if loc.precision == "district" or loc.lon is None:
            continue
        x, y = to_map(loc.lon, loc.lat)
        # a point on the river (a port, a bridgehead) counts for the banks' districts
        near = {d for d, f in geo.districts.items() if f.geometry.distance(shapely.Point(x, y)) < 1500}
        if not near & set(p.districts):
            wrong.append(f"{p.id} ({p.name}) at {loc.lon},{loc.lat} is not in {p.districts} but near {sorted(near)}")
    assert not wrong, "\n".join(wrong)


def test_layout_elements_name_real_places_and_districts(ds):
    for lay, el in ds.elements():
        assert el.districts or el.places, f"{lay.id}/{el.id} covers nothing"
        assert el.name_en and el.role_en, f"{lay.id}/{el.id} lacks English"
