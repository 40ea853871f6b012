"""Every way a plan document can arrive, and every bad one: a clear message naming the file,
no traceback, nothing written."""
import io
import os

import pytest

from hzmap.cli.main import main
from hzmap.model.plan_import import PlanReadError, draft_plan, read_document

PLAN = ("杭州市数字文旅发展行动计划\n一、空间布局\n构建“一核两翼”数字文旅空间格局。\n"
        "“一核”:以西湖区为核心。\n“两翼”:依托萧山区和余杭区,发展数字文旅。\n"
        "二、主要任务\n(一)建设数字文旅平台。到2026年,建成数字文旅平台10个以上。"
        "(责任单位:市文化广电旅游局、市数据资源局)\n")


def refused(path, *words):
    with pytest.raises(PlanReadError) as exc:
        read_document(path)
    msg = str(exc.value)
    assert path.name in msg and all(w in msg for w in words), msg
    return msg


def test_utf8_text_file(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    assert read_document(p).text == PLAN and read_document(p).notes == []


def test_gbk_text_is_read_with_a_note(tmp_path, dataset):
    p = tmp_path / "plan-gbk.txt"
    p.write_bytes(PLAN.encode("gbk"))
    src = read_document(p)
    assert src.text == PLAN and "GBK" in src.notes[0] and "plan-gbk.txt" in src.notes[0]
    d = draft_plan(src, dataset)
    assert [el.data["districts"] for el in d.layouts[0].children] == [["xihu"], ["xiaoshan"],
                                                                      ["yuhang"]]
    assert any("GBK" in n for n in d.notes)


def test_utf16_text_by_its_byte_order_mark(tmp_path):
    p = tmp_path / "plan16.txt"
    p.write_bytes(PLAN.encode("utf-16"))
    assert read_document(p).text == PLAN


def test_binary_junk_is_not_taken_for_text(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 40)
    refused(p, "not text")


def test_docx(tmp_path):
    import docx
    d = docx.Document()
    for line in PLAN.splitlines():
        d.add_paragraph(line)
    p = tmp_path / "plan.docx"
    d.save(p)
    src = read_document(p)
    assert src.kind == "docx" and "“一核两翼”" in src.text


def test_pdf_with_a_text_layer(tmp_path):
    import matplotlib.pyplot as plt
    from hzmap import fonts
    fonts.register_matplotlib()
    fig = plt.figure(figsize=(6, 2))
    fig.text(0.05, 0.6, "杭州市数字文旅发展行动计划", fontsize=10)
    fig.text(0.05, 0.4, "构建“一核两翼”数字文旅空间格局", fontsize=10)
    p = tmp_path / "plan.pdf"
    with plt.rc_context({"pdf.fonttype": 42}):
        fig.savefig(p)
    plt.close(fig)
    assert "一核两翼" in read_document(p).text


def test_image_only_pdf_has_no_text_layer(tmp_path):
    import matplotlib.pyplot as plt
    import numpy as np
    fig = plt.figure(figsize=(3, 3))
    fig.figimage(np.random.default_rng(0).random((80, 80)))
    p = tmp_path / "scan.pdf"
    fig.savefig(p)
    plt.close(fig)
    refused(p, "no text layer")


def test_old_word_doc_is_refused_with_how_to_fix(tmp_path):
    p = tmp_path / "plan.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    refused(p, ".docx")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    refused(p, "empty")
    p.write_bytes(b"  \n\n ")
    refused(p, "empty")


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    refused(p, "files over 20 MB are refused")


def test_fifo_and_device_do_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    refused(fifo, "not a regular file")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    refused(link, "not a regular file")


def test_broken_docx_and_pdf(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    refused(p, ".docx")
    q = tmp_path / "broken.pdf"
    q.write_bytes(b"%PDF-1.4\n" + b"garbage" * 50)
    refused(q, "PDF")


def test_zip_bomb_docx_is_refused(tmp_path, monkeypatch):
    import zipfile

    from hzmap.model.plan_import import reading
    monkeypatch.setattr(reading, "MAX_UNZIPPED", 1024 * 1024)   # the same check, a smaller bomb
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\x00" * (2 * 1024 * 1024))
    refused(p, "unpacks to more than")


@pytest.mark.parametrize("make", ["doc", "empty", "scan"])
def test_command_line_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, make):
    p = tmp_path / {"doc": "plan.doc", "empty": "empty.txt", "scan": "scan.pdf"}[make]
    if make == "doc":
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    elif make == "empty":
        p.write_bytes(b"")
    else:
        from pypdf import PdfWriter
        w = PdfWriter()
        w.add_blank_page(200, 200)
        buf = io.BytesIO()
        w.write(buf)
        p.write_bytes(buf.getvalue())
    out = tmp_path / "out"
    assert main(["import-plan", str(p), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert p.name in err and "Traceback" not in err
    assert not out.exists()


def test_command_line_drafts_and_validate_checks_the_draft(tmp_path, capsys):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "draft"
    assert main(["import-plan", str(p), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "一核两翼" in text and "hzmap validate" in text
    assert (out / "plans.yaml").is_file() and list((out / "layouts").glob("*.yaml"))
    assert main(["validate", str(out)]) == 0
    assert "Draft OK" in capsys.readouterr().out
    # a part the planner has not placed yet is what validate reports
    lay = next((out / "layouts").glob("*.yaml"))
    lay.write_text(lay.read_text(encoding="utf-8").replace("districts: [xiaoshan]",
                                                           "districts: []"), encoding="utf-8")
    assert main(["validate", str(out)]) == 1
    assert "names no district and no place" in capsys.readouterr().err


def test_the_readers_are_not_imported_until_a_document_needs_them():
    import subprocess
    import sys
    code = ("import sys, hzmap.model.plan_import as p, hzmap.cli.main; hzmap.cli.main.build_parser(); "
            "print(sorted(m for m in ('docx', 'pypdf', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
