"""The OCR bench stays runnable: its module imports, and its generated corpus knows its ground truth
(rows of text, amounts, order numbers, phones) and is scored as it should be. No real OCR here."""

from __future__ import annotations

from PIL import Image

from bench import _ocr_corpus as oc
from bench import ocr as ocr_bench


def test_the_bench_module_imports_with_its_parts():
    for part in ("bench_pipeline", "bench_gui", "bench_search", "bench_accuracy", "child", "main"):
        assert callable(getattr(ocr_bench, part))


def test_the_corpus_pages_are_phone_sized_with_their_ground_truth(tmp_path):
    pages = oc.corpus(4, tmp_path)
    assert [p.kind for p, _f in pages] == list(oc.KINDS)
    for page, path in pages:
        with Image.open(path) as im:
            assert im.size == page.size and im.size in oc.SIZES
            assert im.format == page.fmt
        assert len(page.rows) >= 10 and all(r.strip() for r in page.rows)
        assert page.amounts  # every page shows at least one amount
        # what the product's extractor takes from the drawn text is exactly what the page knows it shows
        amounts, numbers, phones = oc.fields_found(page.rows)
        assert set(page.amounts) <= amounts
        assert set(page.numbers) <= numbers
        assert set(page.phones) <= phones
    payment = pages[1][0]
    assert payment.fmt == "JPEG" and 70 <= payment.quality <= 85
    assert any(len(n) == 28 for n in payment.numbers) and any(n.startswith("KM") for n in payment.numbers)
    order = pages[0][0]
    assert any(r.startswith("订单号 KM") for r in order.rows) and len(order.phones) == 1


def test_the_corpus_is_the_same_every_time():
    first, _ = oc.make_page(6)
    again, _ = oc.make_page(6)
    assert first.rows == again.rows and first.phones == again.phones


def test_scoring_counts_character_errors_and_missed_fields():
    page, _ = oc.make_page(0)
    perfect = oc.Score()
    assert perfect.add(page, page.rows)[0] == 0
    assert perfect.cer == 0 and perfect.found == perfect.fields == 3
    # spaces, full-width digits and ￥ are not errors; a misread digit of the order number is one, and
    # the order number is then missed
    order = page.numbers[0]
    damaged = [r.replace(" ", "").replace("¥", "￥") for r in page.rows]
    damaged = [r.replace(order, order[:-1] + ("0" if order[-1] != "0" else "1")) for r in damaged]
    score = oc.Score()
    errors, chars = score.add(page, damaged)
    assert errors == 1 and chars == len(oc.norm(page.text))
    assert score.found == 2 and score.missed == [f"{page.name}: {order}"]
    assert oc.edit_distance("订单号", "订单") == 1 and oc.norm("￥１７９８.００ 元") == "¥1798.00元"
