"""Builders of hostile files for the tests of files from others (test_untrusted_*.py): each is a
file a careless colleague or a careful attacker could send, made here rather than kept."""
from __future__ import annotations

import http.server
import shutil
import sqlite3
import struct
import threading
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# -- a web server on 127.0.0.1 that counts the requests it gets ---------------------------------


class Listener:
    """An HTTP server on 127.0.0.1 (a free port) recording every request: a file that makes
    hzmap reach the network reaches this, and the test sees it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                outer.requests.append(f"{self.command} {self.path}")
                self.send_response(404)
                self.end_headers()

            do_GET = do_HEAD = do_POST = _any

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def vrt(source: str) -> str:
    """A GDAL virtual dataset reading `source` (a /vsicurl/ URL or a local path)."""
    return (f"<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>{escape(source)}</SrcDataSource>"
            "</OGRVRTLayer></OGRVRTDataSource>\n")


# -- zips ------------------------------------------------------------------------------------------
def write_zip(path: Path, members: dict, method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def patch_zip(path: Path, name: str, *, flag: int | None = None, method: int | None = None,
              size: int | None = None, corrupt: bool = False) -> Path:
    """Change one member's headers (local and central): set a flag bit, the compression method,
    the unpacked size it claims; or damage its compressed data."""
    data = bytearray(path.read_bytes())
    raw = name.encode()
    for sig, at_flag, at_method, at_size, at_name in ((b"PK\x03\x04", 6, 8, 22, 30), (b"PK\x01\x02", 8, 10, 24, 46)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack("<H", data[i + at_name - (4 if sig == b"PK\x03\x04" else 18):][:2])[0]
            if bytes(data[i + at_name:i + at_name + n]) == raw:
                if flag is not None:
                    data[i + at_flag:i + at_flag + 2] = struct.pack("<H", struct.unpack("<H", data[i + at_flag:i + at_flag + 2])[0] | flag)
                if method is not None:
                    data[i + at_method:i + at_method + 2] = struct.pack("<H", method)
                if size is not None:
                    data[i + at_size:i + at_size + 4] = struct.pack("<I", size)
                if corrupt and sig == b"PK\x03\x04":
                    extra = struct.unpack("<H", data[i + 28:i + 30])[0]
                    start = i + 30 + n + extra
                    for k in range(start + 2, start + 40):
                        data[k] ^= 0x5A
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))
    return path


def zeros(n: int) -> bytes:
    """What a classic zip bomb holds: deflate packs a run of one byte about 1,000 times."""
    return b"\x00" * n


# -- office files ----------------------------------------------------------------------------------
_XLSX_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_XLSX_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
              'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_XLSX_BOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
_XLSX_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                   'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                   'sheet1.xml"/></Relationships>')


def xlsx(path: Path, sheet_xml: bytes | str | None = None, *, dimension: str | None = None,
         far_cell: str | None = None) -> Path:
    """A one-sheet workbook: `sheet_xml` as its sheet, or a sheet with a header, one row, an
    optional <dimension ref=...> and an optional cell far away (`far_cell`, e.g. "XFD1048576")."""
    if sheet_xml is None:
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        far = f'<row r="{far_cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{far_cell}"><v>1</v></c></row>' \
            if far_cell else ""
        sheet_xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     f'spreadsheetml/2006/main">{dim}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t>'
                     '</is></c><c r="B1" t="inlineStr"><is><t>经度</t></is></c><c r="C1" t="inlineStr"><is><t>纬度'
                     '</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>滨江项目</t></is></c><c r="B2">'
                     f'<v>120.21</v></c><c r="C2"><v>30.19</v></c></row>{far}</sheetData></worksheet>')
    return write_zip(path, {"[Content_Types].xml": _XLSX_CT, "_rels/.rels": _XLSX_RELS, "xl/workbook.xml": _XLSX_BOOK,
                            "xl/_rels/workbook.xml.rels": _XLSX_BOOK_RELS, "xl/worksheets/sheet1.xml": sheet_xml})


_DOCX_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/'
            'xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
              'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.'
              'xml"/></Relationships>')


def docx(path: Path, paragraphs=None, document_xml: bytes | None = None) -> Path:
    """A .docx of `paragraphs` (or with `document_xml` as its body part), written as Word does."""
    if document_xml is None:
        body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
        document_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://'
                        'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body
                        + "</w:body></w:document>").encode()
    return write_zip(path, {"[Content_Types].xml": _DOCX_CT, "_rels/.rels": _DOCX_RELS,
                            "word/document.xml": document_xml})


def plan_paragraphs(n: int) -> list[str]:
    """A plan's text of `n` paragraphs: headings, and one target in every tenth paragraph."""
    out = ["杭州市数字贸易三年行动计划（2024—2026年）"]
    for i in range(n):
        if i % 1000 == 0:
            out.append(f"{'一二三四五六七八九十'[i // 1000 % 10]}、重点任务")
        out.append(f"到2026年，数字贸易额达到{1000 + i}亿元。" if i % 10 == 0 else f"第{i}段说明")
    return out


# -- GIS files -------------------------------------------------------------------------------------
def points_gpkg(path: Path) -> Path:
    import geopandas as gpd
    import shapely

    gpd.GeoDataFrame({"名称": ["滨江项目"]}, geometry=[shapely.Point(120.21, 30.19)],
                     crs="EPSG:4326").to_file(path, layer="pts", driver="GPKG")
    return path


def recursive_view_gpkg(path: Path, base: Path) -> Path:
    """A GeoPackage whose only layer is a view that never ends (a recursive query)."""
    shutil.copy(base, path)
    with sqlite3.connect(path) as db:
        db.execute("CREATE VIEW loop AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                   "SELECT i AS fid, (SELECT geom FROM pts LIMIT 1) AS geom FROM r")
        db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                   "VALUES ('loop', 'features', 'loop', 4326)")
        db.execute("INSERT INTO gpkg_geometry_columns VALUES ('loop', 'geom', 'POINT', 4326, 0, 0)")
        db.execute("DELETE FROM gpkg_contents WHERE table_name = 'pts'")
        db.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'pts'")
    return path


def gbk_shapefile(folder: Path, cpg: bool = False) -> Path:
    """A shapefile whose .dbf holds GBK text, with no .cpg (unless `cpg`) and no code page."""
    import geopandas as gpd
    import shapely

    shp = folder / "萧山.shp"
    gpd.GeoDataFrame({"名称": ["萧山项目", "滨江园区"]}, geometry=shapely.points([(120.27, 30.18), (120.21, 30.19)]),
                     crs="EPSG:4326").to_file(shp, encoding="GBK")
    if not cpg:
        shp.with_suffix(".cpg").unlink(missing_ok=True)
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0  # no code page
    dbf.write_bytes(bytes(data))
    return shp


def csv_rows(n: int, bad_at: int | None = None, bad: bytes = b"") -> bytes:
    """A point CSV of `n` rows in UTF-8, row `bad_at` (1-based, the header is row 1) replaced."""
    lines = ["名称,经度,纬度".encode()] + [f"项目{i},120.{150 + i % 100},30.{180 + i % 60}".encode() for i in range(n)]
    if bad_at is not None:
        lines[bad_at - 1] = bad
    return b"\n".join(lines) + b"\n"
