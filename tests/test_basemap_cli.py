"""`hzmap export --basemap` and `hzmap basemap download`, against a tile server the test starts on
127.0.0.1: an export on tiles, a download, the same export from the download with the server
stopped, and the credit on the page."""
import pytest

from hzmap.cli.main import main
from tile_server import TileServer


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_export_download_and_export_again_offline(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    srv = TileServer().start()
    url = srv.base + "/xyz/{z}/{x}/{y}.png"
    try:
        assert main(["export", "--layout", "4+4+1+5", "--view", "urban", "--basemap", url,
                     "--basemap-credit", "测试影像", "--basemap-review", "GS(2099)0001号",
                     "--dpi", "96", "--format", "pdf", "--out", str(tmp_path / "online.pdf")]) == 0
        assert len(srv.requests) >= 4
        out = capsys.readouterr()
        assert "warning" not in out.err
        text = _pdf_text(tmp_path / "online.pdf")
        assert "测试影像" in text and "GS(2099)0001号" in text and "OpenStreetMap contributors" in text
        rc = main(["basemap", "download", url, "--view", "urban", "--zoom", "9-10",
                   "--out", str(tmp_path / "urban.mbtiles"), "--basemap-review", "GS(2099)0001号", "--yes"])
        out = capsys.readouterr()
        assert rc == 0, out.err
        assert "tiles, about" in out.out and "wrote" in out.out
    finally:
        srv.stop()
    fetched = len(srv.requests)
    assert main(["export", "--layout", "4+4+1+5", "--view", "city", "--basemap", str(tmp_path / "urban.mbtiles"),
                 "--dpi", "96", "--format", "pdf", "--out", str(tmp_path / "offline.pdf")]) == 0
    assert len(srv.requests) == fetched
    assert "GS(2099)0001号" in _pdf_text(tmp_path / "offline.pdf")  # kept in the file's metadata
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("args,message", [
    (["export", "--basemap", "tianditu-img"], "needs a key"),
    (["export", "--basemap", "no-such.mbtiles"], "no such file"),
    (["export", "--basemap", "http://127.0.0.1:9/tiles.png"], "lacks the tile placeholders"),
    (["basemap", "download", "osm", "--view", "urban", "--zoom", "10-12"], "do not allow"),
    (["basemap", "download", "http://127.0.0.1:9/{z}/{x}/{y}.png", "--view", "urban", "--zoom", "x"],
     "bad --zoom"),
    (["basemap", "download", "http://127.0.0.1:9/{z}/{x}/{y}.png", "--district", "nowhere",
      "--zoom", "10-11"], "no district named"),
])
def test_bad_base_maps_on_the_command_line(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.delenv("HZMAP_TIANDITU_KEY", raising=False)
    monkeypatch.delenv("HZMAP_BASEMAP_KEY", raising=False)
    out = str(tmp_path / ("x.mbtiles" if args[0] == "basemap" else "x.png"))
    assert main(args + ["--out", out]) == 2
    assert message in capsys.readouterr().err


def test_a_corrupt_mbtiles_file_is_named(tmp_path, capsys):
    bad = tmp_path / "broken.mbtiles"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    assert main(["export", "--basemap", str(bad), "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert "broken.mbtiles" in err and "MBTiles" in err
