"""Base maps under the layout: a planner's own GeoTIFF, MBTiles file or folder of XYZ tiles,
or, when the planner turns one on, an online XYZ/WMTS tile service. No Qt.

- source.py     BasemapSource: what a base map is (kind, URL template or file, CRS, attribution,
                审图号), frozen like the LayerState that holds it
- presets.py    天地图 vector/imagery/terrain with their annotation layers, OpenStreetMap, 高德
                (GCJ-02), from xyzservices where it has them
- grid.py       tile maths (morecantile's WebMercatorQuad) and the map-to-tile mapping,
                GCJ-02 included
- warp.py       reprojection onto the map's grid (EPSG:4549) by a coarse grid of exact points
- fetch.py      hzmap's own bounded HTTP: timeouts, a deadline, a size cap, image checks
- mbtiles.py    MBTiles read (checked) and write
- tiles.py      tile stores (online, MBTiles, folder), the tile cache, background loading
- raster.py     GeoTIFF: georeference (tifffile) and pixels (Pillow), reprojected once
- picture.py    the base map's image for an extent and a pixel size, as the renderer asks
- download.py   "download this area for offline use": plan, count, estimate, run, cancel
- persist.py    the project file's entry (never the key)

Nothing here opens a connection unless an online BasemapSource is drawn or downloaded.
"""
