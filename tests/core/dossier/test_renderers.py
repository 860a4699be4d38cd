"""Renderers by media type, the replaceable registry, and Windows-safe names."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pymupdf
import pytest
from PIL import Image

from kami_desktop.core.dossier import renderers
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.naming import clean_component, original_file_name, unique_names
from kami_desktop.core.evidence.importer import import_paths
from tests.helpers import screenshot

from .cases import options, red_blue_jpeg


def _build(profile, case_id, paths, out):
    report = import_paths(profile, case_id, paths)
    assert not report.errors
    result = build_dossier(profile, case_id, options(out))
    return result, pymupdf.open(result.pdf)


def _exhibit_text(doc, x) -> str:
    return "".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))


def test_huge_image_is_downscaled_for_the_page_only(profile, case_id, tmp_path, monkeypatch):
    from kami_desktop.core.dossier import images

    monkeypatch.setattr(images, "HUGE_PIXELS", 50_000)
    monkeypatch.setattr(images, "PAGE_WIDTH_PX", 120)
    src = screenshot(tmp_path / "big.png", 5, size=(400, 700))
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    page = doc[result.exhibits[0].first_page - 1]
    widths = [pymupdf.Pixmap(doc, img[0]).width for img in page.get_images(full=True)]
    assert widths == [120]
    assert "原图 400×700 像素过大" in page.get_text()
    original = result.bundle / "originals" / "证据01_big_1.png"
    assert original.read_bytes() == src.read_bytes()


@pytest.mark.parametrize("fmt", ["GIF", "WEBP", "BMP", "TIFF"])
def test_other_image_formats_are_printed_losslessly_via_pillow(profile, case_id, tmp_path, fmt):
    src = screenshot(tmp_path / f"shot.{fmt.lower()}", 7, size=(120, 200), fmt=fmt)
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    page = doc[result.exhibits[0].first_page - 1]
    imgs = page.get_images(full=True)
    assert len(imgs) == 1 and pymupdf.Pixmap(doc, imgs[0][0]).width == 120


def test_mirrored_exif_orientation_is_applied(profile, case_id, tmp_path):
    src = red_blue_jpeg(tmp_path / "mirror.jpg", 2)  # orientation 2: mirrored left-right → blue on the left
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    page = doc[result.exhibits[0].first_page - 1]
    (rect,) = [r for img in page.get_images(full=True) for r in page.get_image_rects(img[0])]
    pix = page.get_pixmap(dpi=72, clip=rect)
    left, right = pix.pixel(pix.width // 6, pix.height // 2), pix.pixel(pix.width * 5 // 6, pix.height // 2)
    assert left[2] > 200 and right[0] > 200


def test_damaged_image_becomes_a_notice(profile, case_id, tmp_path):
    src = screenshot(tmp_path / "cut.png", 8)
    data = src.read_bytes()
    src.write_bytes(data[: len(data) // 3])
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    text = _exhibit_text(doc, result.exhibits[0])
    assert "图片无法解码" in text or "此文件无法排版打印" in text
    assert hashlib.sha256(src.read_bytes()).hexdigest() in text


def test_csv_that_is_no_bill_or_chat_prints_as_text(profile, case_id, tmp_path):
    src = tmp_path / "表格.csv"
    src.write_text("日期,金额\n2025-03-12,1280.00\n", encoding="utf-8")
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    assert "2025-03-12,1280.00" in _exhibit_text(doc, result.exhibits[0])


def test_registry_replaces_a_renderer_and_falls_through_on_decline(profile, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr(renderers, "_REGISTRY", list(renderers._REGISTRY))
    assert renderers.renderer_names()[:2] == ["bill", "chat"]
    calls = []

    def stored_bill(ctx):
        calls.append(ctx.file.original_name)
        if "decline" in ctx.file.original_name:
            raise renderers.Decline()
        ctx.flow.text("来自数据库的账单表格")

    renderers.register("bill", lambda f: f.media_type.startswith("text/"), stored_bill, replace=True)
    a, b = tmp_path / "账单.txt", tmp_path / "decline.txt"
    a.write_text("原始账单文字", encoding="utf-8")
    b.write_text("普通文字内容", encoding="utf-8")
    result, doc = _build(profile, case_id, [a, b], tmp_path / "out")
    texts = {x.title: _exhibit_text(doc, x) for x in result.exhibits}
    assert "来自数据库的账单表格" in texts["账单"] and "原始账单文字" not in texts["账单"]
    assert "普通文字内容" in texts["decline"]
    assert sorted(calls) == ["decline.txt", "账单.txt"]
    with pytest.raises(ValueError):
        renderers.register("bill", lambda f: True, stored_bill)


def test_a_failing_renderer_becomes_a_page_that_says_so(profile, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr(renderers, "_REGISTRY", list(renderers._REGISTRY))

    def broken(ctx):
        raise RuntimeError("bug")

    renderers.register("text", lambda f: f.media_type == "text/plain", broken, replace=True)
    src = tmp_path / "说明.txt"
    src.write_text("内容", encoding="utf-8")
    result, doc = _build(profile, case_id, [src], tmp_path / "out")
    assert "此文件无法排版打印" in _exhibit_text(doc, result.exhibits[0])


def test_many_files_in_one_exhibit_flow_the_header_across_pages(profile, case_id, tmp_path):
    first = screenshot(tmp_path / "s0.png", 0, size=(60, 90))
    report = import_paths(profile, case_id, [first])
    eid = report.imported[0].exhibit_id
    import_paths(
        profile,
        case_id,
        [screenshot(tmp_path / f"s{i}.png", i, size=(60, 90)) for i in range(1, 40)],
        exhibit_id=eid,
    )
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    x = result.exhibits[0]
    assert x.last_page - x.first_page + 1 >= 41  # header spills over, then one page per file
    assert "证据1-40" in _exhibit_text(doc, x)


def test_windows_safe_names():
    assert clean_component('a<b>c:d"e/f\\g|h?i*j') == "a_b_c_d_e_f_g_h_i_j"
    assert clean_component("CON") == "_CON" and clean_component("com1.txt") == "_com1.txt"
    assert clean_component("  name. . ") == "name"
    assert clean_component("...") == "未命名" and clean_component("") == "未命名"
    assert len(clean_component("长" * 300, 40)) == 40
    assert (
        original_file_name(1, 12, "客服聊天记录", 1, "Screenshot_2025.PNG", "image/png")
        == "证据01_客服聊天记录_1.png"
    )
    assert original_file_name(3, 120, "a/b", 2, "noext", "image/jpeg") == "证据003_a_b_2.jpg"
    assert unique_names(["证据01_A_1.png", "证据01_a_1.png", "x"]) == [
        "证据01_A_1.png",
        "证据01_a_1(2).png",
        "x",
    ]


def test_tiny_images_are_not_blown_up(profile, case_id, tmp_path):
    im = Image.new("RGB", (40, 20), (0, 0, 0))
    im.save(tmp_path / "tiny.png")
    result, doc = _build(profile, case_id, [tmp_path / "tiny.png"], tmp_path / "out")
    page = doc[result.exhibits[0].first_page - 1]
    (rect,) = [r for img in page.get_images(full=True) for r in page.get_image_rects(img[0])]
    assert rect.width <= 40 * 1.5 + 0.1


def test_an_exhibit_without_files_still_gets_its_page(profile, case_id, tmp_path):
    from kami_desktop.core.dossier.precheck import preflight
    from kami_desktop.core.store.model import Exhibit
    from kami_desktop.core.util.timeutil import now

    src = screenshot(tmp_path / "a.png", 1, size=(60, 90))
    import_paths(profile, case_id, [src])
    with (
        profile.session() as s
    ):  # written behind the ledger's back: the check says so, and a forced build goes on
        s.add(Exhibit(case_id=case_id, title="待补充的证据", position=99, created_at=now(), updated_at=now()))
    kinds = sorted(p.kind for p in preflight(profile, case_id).problems if p.title == "待补充的证据")
    assert {"empty", "ledger"} <= set(kinds)
    result = build_dossier(profile, case_id, replace(options(tmp_path / "out"), force=True))
    doc = pymupdf.open(result.pdf)
    x = result.exhibits[-1]
    assert x.title == "待补充的证据" and x.sha256 == "" and x.first_page == x.last_page
    assert "文件：无" in doc[x.first_page - 1].get_text()


def test_recorded_facts_become_the_timeline_with_page_references(profile, tmp_path):
    from kami_desktop.core.case.facts import add_fact

    from .cases import make_case

    case = make_case(profile, tmp_path / "src", keys=["jpeg", "note"])
    with profile.session() as s:
        add_fact(
            s, case.case_id, "2025-03-12 20:30", "扣款", "余额被清零", exhibit_ids=[case.exhibits["jpeg"]]
        )
        add_fact(s, case.case_id, "2025-03-01", "充值", "充值350元", disputed=True)
    result = build_dossier(profile, case.case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    toc = {t: p for _, t, p in doc.get_toc()}
    text = doc[toc["事实经过"] - 1].get_text()
    first = next(x for x in result.exhibits if x.title == "充值记录截图")
    assert text.index("充值：充值350元（对方有争议）") < text.index("扣款：余额被清零")  # in time order
    assert f"证据{first.number}（第{first.first_page}页）" in text
    without = build_dossier(profile, case.case_id, options(tmp_path / "out2", facts=[]))
    assert "事实经过" not in {t for _, t, _ in pymupdf.open(without.pdf).get_toc()}


def test_bill_uses_the_counterparties_the_user_confirmed(profile, tmp_path):
    from kami_desktop.core.bills.money import select_counterparties

    from .cases import make_case

    case = make_case(profile, tmp_path / "src", keys=["bill"])
    with profile.session() as s:
        select_counterparties(s, case.case_id, select=["老王面馆"], deselect=["星辰卡盟"])
    result = build_dossier(profile, case.case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    x = result.exhibits[0]
    note = "".join(
        doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1) if not doc[p - 1].rotation
    )
    assert "对账说明（标注版）" in note and "老王面馆" in note and "付款 ¥12.30" in note


def test_a_csv_that_is_not_a_stored_bill_is_printed_as_text_never_parsed(profile, case_id, tmp_path):
    from tests.core.bills.bill_fixtures import alipay_app_csv

    (tmp_path / "a.csv").write_bytes(alipay_app_csv())
    result, doc = _build(profile, case_id, [tmp_path / "a.csv"], tmp_path / "out")
    text = _exhibit_text(doc, result.exhibits[0])
    assert "文本文件内容（按原样逐字排印）" in text and "与平台相关的交易" not in text
