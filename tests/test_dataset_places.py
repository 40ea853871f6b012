"""Places sit where the dataset says: every located point falls in one of its districts."""
import shapely

from hzmap.model.geo.geodata import to_map


def test_every_located_place_lies_in_its_district(data):
    geo, dataset = data
    wrong = []
    for p in dataset.places.values():
        loc = p.location
        if loc.precision == "district" or loc.lon is None:
            continue
        x, y = to_map(loc.lon, loc.lat)
        # a point on the river (a port, a bridgehead) counts for the banks' districts
        near = {d for d, f in geo.districts.items() if f.geometry.distance(shapely.Point(x, y)) < 1500}
        if not near & set(p.districts):
            wrong.append(f"{p.id} ({p.name}) at {loc.lon},{loc.lat} is not in {p.districts} but near {sorted(near)}")
    assert not wrong, "\n".join(wrong)


def test_layout_elements_name_real_places_and_districts(dataset):
    for lay, el in dataset.elements():
        assert el.districts or el.places, f"{lay.id}/{el.id} covers nothing"
        assert el.name_en and el.role_en, f"{lay.id}/{el.id} lacks English"
