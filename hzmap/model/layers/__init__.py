"""The user's own data on the map: district tables, point, line and area layers. No Qt.

    from hzmap.model.layers import inspect_file, open_layer, LayerSource
    info = inspect_file("重点项目.csv")          # format, size, columns, guessed coordinate system
    data = open_layer(info.source, geo)         # LayerData in map metres (EPSG:4549)
    data.hit(x, y, tolerance_m)                 # the feature under the pointer, with its attributes
    data.district_counts()                      # features per district

Modules: source (LayerSource, formats), reader (inspect_file, open_layer), tables/vector (the
readers; vector's GIS formats in gpkg, shp, geojson, kml and fgb), columns (lon/lat columns,
hints), join (rows to districts), classify (choropleth classes), hittest, data (LayerData),
style, embed and persist (the project file), errors. GIS files are read without GDAL, pandas or
geopandas; python-calamine is imported only when a workbook is opened, lxml when a KML file is;
a CSV or Excel table never imports pandas (hzmap.model.layers.frame), and choropleth classes
are numpy (classify): importing this package costs start-up nothing.
"""
from hzmap.model.layers.errors import LARGE_FILE_BYTES, LargeFileError, LayerError, file_size
from hzmap.model.layers.reader import FileInfo, inspect_file, open_layer, open_path
from hzmap.model.layers.source import COORD_SYSTEMS, FILE_FILTER, FORMATS, LayerSource, detect_format

__all__ = ["COORD_SYSTEMS", "FILE_FILTER", "FORMATS", "LARGE_FILE_BYTES", "FileInfo", "LargeFileError",
           "LayerError", "LayerSource", "detect_format", "file_size", "inspect_file", "open_layer",
           "open_path"]
