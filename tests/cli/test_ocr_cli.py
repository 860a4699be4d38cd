"""`kami ocr` reads a case and says what failed; `kami ocr show EID` prints the machine-read text per
file and page, or the lines with their boxes and confidence with --json."""

from __future__ import annotations

from tests.core.ocr.samples import order_shot, text_pdf
from tests.fixtures.cli import run, run_json


def test_ocr_a_case_then_show_an_exhibit(tmp_path):
    d = tmp_path / "p"
    run_json("case", "new", "--title", "星辰卡盟", data_dir=d)
    src = tmp_path / "src"
    bad = src / "坏图.png"
    good = order_shot(src / "订单.png").read_bytes()
    bad.write_bytes(good[:300])
    imported = run_json(
        "import", "--case", "1", str(src / "订单.png"), str(text_pdf(src / "账单.pdf")), str(bad), data_dir=d
    )["imported"]
    ids = {i["original_name"]: i["exhibit_id"] for i in imported}

    code, out, err = run("ocr", "--case", "1", data_dir=d)
    assert code == 1  # one file could not be read: said on stderr, recorded, not retried
    assert "识别 2 个文件（2 页），失败 1 个" in out and "未能识别 坏图.png" in err
    assert "识别截图文字 1/3 订单.png" in err
    again = run_json("ocr", "--case", "1", data_dir=d)
    assert (again["read"], again["failed"], again["skipped"]) == (0, 0, 3)
    redo = run_json("ocr", "--case", "1", "--redo", data_dir=d, expect=1)
    assert (redo["read"], redo["failed"], redo["skipped"]) == (2, 1, 0)
    assert (
        redo["engine"] == "rapidocr-onnxruntime 1.4.4 / PP-OCRv4"
        and redo["problems"][0]["file"] == "坏图.png"
    )

    code, out, _err = run("ocr", "show", str(ids["订单.png"]), data_dir=d)
    assert code == 0 and "不是证据" in out and "KM2026052821140311" in out.replace(" ", "")
    data = run_json("ocr", "show", str(ids["订单.png"]), data_dir=d)
    [page] = data["files"][0]["pages"]
    assert page["status"] == "ok" and (page["width"], page["height"]) == (900, 420)
    line = next(ln for ln in page["lines"] if "1798.00" in ln["text"])
    assert len(line["box"]) == 4 and line["confidence"] >= 0.9
    code, out, _err = run("ocr", "show", str(ids["坏图.png"]), data_dir=d)
    assert "识别失败" in out and "损坏" in out

    code, _out, err = run("ocr", "--case", "9", data_dir=d)
    assert code == 2 and err
    code, _out, err = run("ocr", "show", "99", data_dir=d)
    assert code == 2 and err
    assert run_json("verify", data_dir=d)["ok"] is True
