"""`hzmap layer` and `hzmap export --layer` on office files: JSON that follows the names, not
the rows; --column and --agg; --join on a GIS file, refused choices named."""
import json

import pytest
from office_files import bankuai_shapefile, listings_csv

from hzmap.cli.main import main


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    return listings_csv(tmp_path_factory.mktemp("listing") / "listings.csv")


def test_listing_json_is_proportional_to_the_names(listing, capsys):
    assert main(["layer", str(listing), "--json"]) == 0
    out = capsys.readouterr().out
    rep = json.loads(out)
    assert len(out.encode()) < 20_000  # 14,783 rows; before: 2.4 MB, one entry per row
    former = rep["rows"]["former"]
    assert former == [{"text": "下城", "districts": ["拱墅区"], "note": former[0]["note"], "count": 1848,
                       "rows": former[0]["rows"]}] and len(former[0]["rows"]) == 10
    assert rep["values"]["combine"] == "count" and rep["values"]["districts"]["拱墅区"]["value"] == 1848 + 1300
    assert sum("下城" in n for n in rep["notes"]) == 1


def test_column_and_agg(listing, capsys):
    assert main(["layer", str(listing), "--column", "UnitPrice", "--agg", "median", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["values"]["column"] == "UnitPrice" and rep["values"]["combine"] == "median"
    assert rep["values"]["districts"]["上城区"]["value"] > rep["values"]["districts"]["萧山区"]["value"]
    assert main(["layer", str(listing), "--column", "Nope", "--agg", "sum"]) == 2
    assert "has no column 'Nope'" in capsys.readouterr().err


def test_join_works_for_a_gis_file_and_agg_without_it_is_refused(geodata, tmp_path, capsys):
    shp = bankuai_shapefile(geodata, tmp_path)
    assert main(["layer", str(shp), "--join", "QX", "--agg", "count", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["kind"] == "districts" and rep["values"]["districts"]["滨江区"]["value"] >= 2
    assert any("own geometry is not drawn" in n for n in rep["notes"])
    assert main(["layer", str(shp), "--agg", "sum"]) == 2
    assert "--join COLUMN" in capsys.readouterr().err


def test_export_with_a_listing_counts_it(listing, tmp_path, capsys):
    out = tmp_path / "map.png"
    assert main(["export", "--layout", "4+4+1+5", "--layer", str(listing), "--out", str(out)]) == 0
    assert out.stat().st_size > 10_000
    err = capsys.readouterr().err
    assert err.count("下城") == 1  # one note, not one per row
    assert main(["export", "--out", str(out), "--agg", "count"]) == 2
    assert "apply to a --layer file" in capsys.readouterr().err
