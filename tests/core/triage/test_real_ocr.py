"""End to end with the real engine once: a generated order page read by RapidOCR, its lines stored as
OCR text, then the suggestions and the bill match read from them (the status-bar clock left out)."""

from __future__ import annotations

from datetime import datetime

from PIL import Image, ImageDraw, ImageFont

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.triage.bill_match import exhibit_triage
from kami_desktop.core.util.cjkfont import serif_path
from kami_desktop.core.util.timeutil import CHINA_TZ
from tests.core.triage.fixtures import ORDER_NO, import_the_bill

TEXTS = [f"订单号：{ORDER_NO}", "实付款 ¥1798.00", "支付时间 2025-03-12 20:30:15", "订单状态 未到账"]


def order_page(path):
    font_file = serif_path("Regular")
    assert font_file is not None, "the CJK font is built by `make fonts` (or the test session start)"
    font = ImageFont.truetype(str(font_file), 34)
    im = Image.new("RGB", (720, 900), "white")
    d = ImageDraw.Draw(im)
    d.text((30, 15), "20:31", fill="black", font=font)  # the phone's status-bar clock
    d.text((40, 120), "订单详情", fill="black", font=font)
    for i, text in enumerate(TEXTS, start=1):
        d.text((40, 120 + 90 * i), text, fill="black", font=font)
    im.save(path)
    return path


def test_a_page_read_by_rapidocr_gives_the_suggestions(profile, case_id, tmp_path):
    from rapidocr_onnxruntime import RapidOCR

    import_the_bill(profile, case_id, tmp_path)
    path = order_page(tmp_path / "Screenshot_order.png")
    item = import_paths(profile, case_id, [path]).imported[0]
    result, _elapse = RapidOCR()(str(path))
    lines = tuple(
        OcrLine(text, tuple((float(x), float(y)) for x, y in box), float(conf)) for box, text, conf in result
    )
    with profile.session() as s:
        save_page(s, OcrPage(item.sha256, 0, OK, "rapidocr-onnxruntime 1.4.4", 720, 900, lines))  # type: ignore[arg-type]
    with profile.session() as s:
        triage = exhibit_triage(s, item.exhibit_id)
    sug = triage.suggestions
    assert sug.get("category").value == "non_delivery"
    assert sug.get("title").value == f"订单详情 {ORDER_NO}（未到账）"
    assert sug.get("captured_at").value == datetime(2025, 3, 12, 20, 30, 15, tzinfo=CHINA_TZ)
    assert [m.how for m in triage.matches] == ["number"]
    assert triage.offer is not None and triage.offer.status == "未到账"
