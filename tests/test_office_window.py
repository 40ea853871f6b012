"""Office files in the window: a DataV boundary file gets a question with the evidence and lands
on its districts once converted; a listing is combined per district as the dialog asks; a
census table draws under the layout, and the legend lists what is drawn."""
from office_files import census_2020_xlsx, datav_geojson, listings_csv


def test_datav_file_asks_with_the_evidence_and_lands_once_converted(window, geodata, tmp_path):
    path = datav_geojson(geodata, tmp_path / "330100_full.json")
    assert window.layers.add(path)
    dialog = window.layers.actions.dialog
    assert dialog.read()
    assert not dialog.crs_question.isHidden() and "GCJ-02" in dialog.crs_question.text()
    assert "acroutes" in dialog.crs_question.text() and "m as GCJ-02" in dialog.crs_question.text()
    assert dialog.coords.currentData() is None  # nothing chosen for the planner
    dialog.convert_button.click()
    assert dialog.coords.currentData() == "gcj02" and dialog.data is not None
    assert dialog.crs_question.isHidden()
    assert any("converted from GCJ-02" in t for t in dialog.report_texts("note"))
    dialog.add_button.click()
    layer = window.state.view.user_layers()[-1]
    assert layer.source.coords == "gcj02"
    data = window.session.layers.get(layer)
    assert data.crs_check.fits["gcj02"].median_m < 20
    # an area layer is drawn as outlines: the layout under it stays visible
    art = window.canvas.scene.user_artists[layer.id]
    assert art.fill_of(layer.style, layer.style["mode"]) == 0


def test_a_listing_asks_how_to_combine_its_rows(window, tmp_path):
    path = listings_csv(tmp_path / "listings.csv")
    assert window.layers.add(path)
    dialog = window.layers.actions.dialog
    assert dialog.read()
    assert not dialog.combine.isHidden() and dialog.combine.currentData() == "count"
    assert dialog.value_column.currentData() in ("Price", "UnitPrice", "Size")  # an amount, not Floor
    former = dialog.report_texts("former")[1:]  # under the section's heading: one line per name
    assert len(former) == 1 and "1,848" in former[0] and "下城" in former[0]
    notes = " ".join(dialog.report_texts("note"))
    assert "1,848 rows 下城 → 拱墅区" in notes and notes.count("下城") == 1
    dialog.combine.setCurrentIndex(dialog.combine.findData("median"))
    dialog.value_column.setCurrentIndex(dialog.value_column.findData("UnitPrice"))
    dialog.add_button.click()
    layer = window.state.view.user_layers()[-1]
    assert layer.style["combine"] == "median" and layer.style["column"] == "UnitPrice"
    data = window.session.layers.get(layer)
    assert data.district_values("UnitPrice", "median")["binjiang"].value > 40000


def test_a_census_table_draws_under_the_layout_and_its_legend_lists_what_is_drawn(window, tmp_path):
    from hzmap.render.map.layout_style import Z_GROUP

    window.state.update(layout="dt_4415")
    path = census_2020_xlsx(tmp_path / "第七次全国人口普查.xlsx")
    assert window.layers.add(path)
    dialog = window.layers.actions.dialog
    assert dialog.read() and dialog.value_column.currentData() == "人口·2020年"
    dialog.add_button.click()
    layer = window.state.view.user_layers()[-1]
    art = window.canvas.scene.user_artists[layer.id]
    assert art.zorder < Z_GROUP  # the layout's groups and hatches draw over the table
    title, rows = art.legend_entries()
    assert title == "人口·2020年（人）" and len(rows) == 5 and not any("no data" in t for _h, t in rows)
    def legend_texts():
        window.canvas.draw()
        legend = window.canvas.scene.ax.get_legend()
        return [t.get_text() for t in legend.get_texts()] if legend is not None else []

    assert title in legend_texts()
    window.state.update_layer(layer.id, opacity=0.0)
    assert title not in legend_texts()  # a layer drawn at no opacity is not in the legend
    window.state.update_layer(layer.id, opacity=1.0, visible=False)
    assert title not in legend_texts()  # nor a hidden one
