"""The reading side: real OCR of generated Chinese screenshots (one engine per test process), boxes in
the pixels of the image as shown, long and wide images, PDFs, and bad input refused with a reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from kami_desktop.core.ocr import engine as ocr_engine
from kami_desktop.core.ocr.engine import (
    MAX_WIDTH,
    TEXT_LAYER_ENGINE,
    OcrUnavailable,
    PdfPages,
    UnreadableFile,
    engine_name,
    get_engine,
    load_image,
    read_image_file,
)
from tests.core.ocr.samples import ORDER_LINES, draw_lines, image_pdf, order_shot, text_pdf


def _find(lines, needle):
    hits = [ln for ln in lines if needle in ln.text.replace(" ", "")]
    assert len(hits) == 1, (needle, [ln.text for ln in lines])
    return hits[0]


def test_reads_an_order_screenshot_with_boxes_where_the_text_is(tmp_path):
    got = read_image_file(order_shot(tmp_path / "订单.png"))
    assert (got.width, got.height) == (900, 420)
    assert got.engine == engine_name() == "rapidocr-onnxruntime 1.4.4 / PP-OCRv4"
    order = _find(got.lines, "KM2026052821140311")
    money = _find(got.lines, "1798.00")
    status = _find(got.lines, "未到账")
    assert "订单号" in order.text and "充值状态" in status.text
    for line, row in ((order, 0), (money, 1), (status, 2)):
        left, top, _right, bottom = line.bbox
        assert 30 <= left <= 60 and 40 + 90 * row - 10 <= top and bottom <= 40 + 90 * row + 65
        assert line.confidence >= 0.9


def test_one_engine_per_process_on_one_thread():
    eng = get_engine()
    assert get_engine() is eng and eng.threads == 1
    sessions = [
        eng._ocr.text_det.infer.session,
        eng._ocr.text_rec.session.session,
        eng._ocr.text_cls.infer.session,
    ]
    assert all(s.get_session_options().intra_op_num_threads == 1 for s in sessions)
    assert all(Path(s._model_path).parent.parent == ocr_engine.package_dir() for s in sessions)


def test_a_wide_long_screenshot_is_scaled_and_tiled_and_boxes_stay_in_its_pixels(tmp_path):
    # 2340 wide and too long for one pass: read at half size, in overlapping bands; a line sits in the
    # overlap of the first two
    w, h = 2 * MAX_WIDTH - 60, 8000
    y_overlap = round((ocr_engine.TILE_HEIGHT - ocr_engine.TILE_OVERLAP / 2) * w / MAX_WIDTH) - 40
    lines = {(80, 100): ORDER_LINES[0], (80, y_overlap): ORDER_LINES[2], (80, 3850): "页面底部 13812345678"}
    path = tmp_path / "长截图.png"
    draw_lines((w, h), lines, font_size=80).save(path)
    got = read_image_file(path)
    assert (got.width, got.height) == (w, h)
    for (x, y), needle in (
        ((80, 100), "KM2026052821140311"),
        ((80, y_overlap), "未到账"),
        ((80, 3850), "13812345678"),
    ):
        left, top, _right, bottom = _find(got.lines, needle).bbox  # exactly once, though read twice
        assert abs(left - x) < 30 and y - 20 <= top <= y + 40 and bottom <= y + 130, (needle, top, bottom)


@pytest.mark.parametrize(
    ("size", "passes"),
    [
        ((1170, 2532), [(2000, 924)]),  # a phone screenshot: one pass, as bare RapidOCR reads it
        ((1080, 2400), [(2000, 900)]),
        ((900, 420), [(420, 900)]),  # small: as it is
        ((1170, 6000), [(1600, 1170)] * 4 + [(400, 1170)]),  # a scrolling screenshot: bands
    ],
)
def test_what_the_detector_is_given(monkeypatch, size, passes):
    eng = get_engine()
    seen = []

    def fake_read(bgr):
        seen.append(bgr.shape[:2])
        h, w = bgr.shape[:2]
        return [([[10, h - 60], [200, h - 60], [200, h - 20], [10, h - 20]], "底部一行", 0.99)]

    monkeypatch.setattr(eng, "read_array", fake_read)
    lines = eng.read_image(Image.new("RGB", size, (246, 246, 246)))
    assert seen == passes
    # boxes come back in the image's own pixels; a line in the overlap of two bands is kept once
    read_height = passes[0][0] if len(passes) == 1 else size[1]
    assert len(lines) == 1
    assert lines[0].bbox[3] == pytest.approx(size[1] - 20 * size[1] / read_height, abs=0.2)


def test_exif_orientation_is_applied_before_reading(tmp_path):
    upright = draw_lines((700, 200), {(30, 60): ORDER_LINES[2]})
    exif = Image.Exif()
    exif[274] = 6  # shown turned 90° clockwise
    path = tmp_path / "手机拍照.jpg"
    upright.transpose(Image.Transpose.ROTATE_90).save(path, exif=exif.tobytes(), quality=95)
    assert Image.open(path).size == (200, 700)
    got = read_image_file(path)
    assert (got.width, got.height) == (700, 200)
    assert _find(got.lines, "未到账").bbox[0] < 100


def test_pdf_text_layer_is_taken_as_it_is(tmp_path):
    with PdfPages(text_pdf(tmp_path / "账单.pdf")) as pdf:
        page = pdf.read(0)
    assert page.engine == TEXT_LAYER_ENGINE
    assert (page.width, page.height) == (round(595 * 200 / 72), round(842 * 200 / 72))
    line = _find(page.lines, "KM2026052821140311")
    assert line.confidence == 1.0 and abs(line.bbox[0] - 72 * 200 / 72) < 3


def test_image_only_pdf_pages_are_rendered_and_read(tmp_path):
    with PdfPages(image_pdf(tmp_path / "扫描件.pdf", pages=2)) as pdf:
        assert pdf.page_count == 2
        page = pdf.read(1)
    assert page.engine == engine_name()
    assert (page.width, page.height) == (round(450 * 200 / 72), round(210 * 200 / 72))
    assert _find(page.lines, "扫描第2页")
    assert _find(page.lines, "KM2026052821140311").bbox[0] < 0.1 * page.width


def _encrypted_pdf(path: Path) -> Path:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        (
            "坏图.png",
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x01" * 40),
            "损坏",
        ),
        ("IMG_0001.HEIC", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 200), "图片"),
        ("细线.png", lambda p: Image.new("RGB", (1, 60000), "white").save(p), "1×60000"),
    ],
)
def test_bad_images_are_refused_with_a_reason(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(UnreadableFile, match=reason):
        load_image(path)


def test_bad_pdfs_are_refused_with_a_reason(tmp_path):
    (tmp_path / "空.pdf").write_bytes(b"")
    with pytest.raises(UnreadableFile, match="为空或已损坏"):
        PdfPages(tmp_path / "空.pdf")
    with pytest.raises(UnreadableFile, match="已加密"):
        PdfPages(_encrypted_pdf(tmp_path / "加密.pdf"))


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path):
    path = tmp_path / "巨图.png"
    buf = io.BytesIO()
    Image.new("1", (12000, 8000)).save(buf, "PNG")  # 96 MP, a few kB on disk
    path.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableFile, match="像素过多"):
        load_image(path)


def test_a_damaged_install_says_which_model_is_missing(tmp_path, monkeypatch):
    src = ocr_engine.package_dir()
    (tmp_path / "models").mkdir()
    (tmp_path / "config.yaml").write_bytes((src / "config.yaml").read_bytes())
    monkeypatch.setattr(ocr_engine, "package_dir", lambda: tmp_path)
    with pytest.raises(OcrUnavailable, match="模型文件缺失.*ch_PP-OCRv4_det_infer.onnx"):
        ocr_engine.Engine()


def test_a_damaged_install_stops_the_job_with_that_message_and_writes_nothing(
    tmp_path, monkeypatch, profile, case_id
):
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.ocr.job import read_case, unread

    import_paths(profile, case_id, [order_shot(tmp_path / "订单.png")])
    empty = tmp_path / "broken"
    empty.mkdir()
    monkeypatch.setattr(ocr_engine, "_engine", None)  # a fresh process of a damaged install
    monkeypatch.setattr(ocr_engine, "package_dir", lambda: empty)
    with pytest.raises(OcrUnavailable, match="配置文件缺失"):
        read_case(profile, case_id)
    assert len(unread(profile, case_id)) == 1  # nothing recorded: it is read once the install is repaired
