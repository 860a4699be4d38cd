"""The binder PDF read back: pages, index numbers, footers, fonts, text, bookmarks, links, attachments, images."""

from __future__ import annotations

import hashlib
import re

import pymupdf
import pytest
from PIL import Image

from kami_desktop.core.dossier.layout import MM
from tests.helpers import run_tool

from .cases import EXPECTED_NET

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def pdf(built):
    _, _, result, _ = built
    doc = pymupdf.open(result.pdf)
    yield doc
    doc.close()


def _start_pages(doc) -> dict[int, int]:
    """Where each exhibit's header block really is (1-based), found from the page text."""
    starts = {}
    for i, page in enumerate(doc):
        for m in re.finditer(r"^证据(\d+)　", page.get_text(), re.M):
            starts.setdefault(int(m.group(1)), i + 1)
    return starts


def test_page_count_matches_result_and_pdfinfo(built, pdf):
    _, _, result, _ = built
    info = run_tool(["pdfinfo", "-enc", "UTF-8", result.pdf]).stdout
    assert re.search(rf"^Pages:\s+{result.pages}$", info, re.M)
    assert pdf.page_count == result.pages
    a4 = pymupdf.paper_rect("a4")
    assert all(p.mediabox == a4 for p in pdf)  # every sheet A4 portrait
    turned = [p.number for p in pdf if p.rotation]
    assert turned and all(pdf[n].rotation == 90 and pdf[n].rect.width > pdf[n].rect.height for n in turned)


def test_index_page_numbers_are_where_each_exhibit_starts(built, pdf):
    _, case, result, _ = built
    starts = _start_pages(pdf)
    assert sorted(starts) == list(range(1, len(case.exhibits) + 1))
    for x in result.exhibits:
        assert starts[x.number] == x.first_page
    ends = [x.first_page - 1 for x in result.exhibits[1:]]
    assert [x.last_page for x in result.exhibits[:-1]] == ends
    # the printed index says the same: every row shows "first–last" and links to the first page
    index_pages = [i for i, p in enumerate(pdf) if "证 据 目 录" in p.get_text()]
    rows = {}
    for i in index_pages:
        page = pdf[i]
        for link in page.get_links():
            text = page.get_textbox(link["from"])
            number = int(text.split()[0])
            rows[number] = (text, link["page"] + 1)
    assert sorted(rows) == sorted(starts)
    for x in result.exhibits:
        text, target = rows[x.number]
        span = str(x.first_page) if x.first_page == x.last_page else f"{x.first_page}–{x.last_page}"
        assert span in text.replace("\n", "")
        assert target == x.first_page


def test_every_page_has_the_continuous_footer(pdf, built):
    _, _, result, _ = built
    total = pdf.page_count
    for i, page in enumerate(pdf):
        text = page.get_text()
        assert f"第{i + 1}页/共{total}页" in text
    for x in result.exhibits:
        for pno in range(x.first_page, x.last_page + 1):
            text = pdf[pno - 1].get_text()
            assert f"证据{x.number} · 第{pno}页" in text
            assert "本页打印件直接来源于电子数据" in text
    first_file = result.exhibits[1].sha256
    assert f"SHA-256 {first_file[:16]}" in pdf[result.exhibits[1].first_page - 1].get_text()


def test_qpdf_finds_no_structural_errors(built):
    _, _, result, _ = built
    proc = run_tool(["qpdf", "--check", result.pdf], check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No syntax or stream encoding errors found" in proc.stdout


def test_every_font_is_embedded(built):
    _, _, result, _ = built
    out = run_tool(["pdffonts", result.pdf]).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row
    # the binder's own text is Noto Serif CJK SC (regular and bold), hashes and commands a monospace face;
    # other fonts come only with the pages of a PDF exhibit, placed as they are
    doc = pymupdf.open(result.pdf)
    pdf_pages = {
        p for x in result.exhibits if x.title == "平台用户协议" for p in range(x.first_page - 1, x.last_page)
    }
    own = {
        f[3].split("+", 1)[-1] for i, page in enumerate(doc) if i not in pdf_pages for f in page.get_fonts()
    }
    assert {n for n in own if "Mono" not in n} == {"Noto Serif CJK SC Regular", "Noto Serif CJK SC Bold"}, own


def test_chinese_text_is_extractable_with_pdftotext(built):
    _, _, result, _ = built
    text = run_tool(["pdftotext", "-enc", "UTF-8", result.pdf, "-"]).stdout
    for needle in (
        "证据材料",
        "证据目录",
        "星辰卡盟充值扣款纠纷",
        "证明原告向被告平台充值",
        "本页打印件直接来源于电子数据",
        "杭州互联网法院",
        "原告 张三",
        "信息网络买卖合同纠纷",
        "电子数据哈希校验清单",
        "certutil -hashfile",
        "提交人（签名/盖章）",
        "案情简述",
        "被告无故扣除余额",
    ):
        assert needle in text, needle


def test_cover_states_counts_and_parties(pdf, built):
    _, case, result, _ = built
    cover = pdf[0].get_text()
    assert f"共 {len(case.exhibits)} 件，本证据册共 {result.pages} 页" in cover
    assert "星辰网络科技有限公司" in cover and "91330100716105852F" in cover
    assert "2026年11月25日" in cover


def test_bookmarks_point_at_each_exhibit(pdf, built):
    _, _, result, _ = built
    toc = pdf.get_toc()
    titles = {t: p for _, t, p in toc}
    assert titles["封面"] == 1 and titles["证据目录"] == 2
    for x in result.exhibits:
        assert titles[f"证据{x.number} {x.title}"] == x.first_page
    assert toc[-1][1].startswith("附录")


def test_originals_are_attached_byte_for_byte(built, tmp_path):
    _, case, result, root = built
    bundle_files = sorted(p.name for p in (result.bundle / "originals").iterdir())
    listed = run_tool(["pdfdetach", "-enc", "UTF-8", "-list", result.pdf]).stdout
    assert f"{len(bundle_files)} embedded files" in listed
    assert sorted(re.findall(r"^\d+: (.+)$", listed, re.M)) == bundle_files
    run_tool(["pdfdetach", "-saveall", "-o", tmp_path, result.pdf])
    for name in bundle_files:
        assert (tmp_path / name).read_bytes() == (result.bundle / "originals" / name).read_bytes()


def test_jpeg_is_embedded_untouched(pdf, built):
    _, case, result, _ = built
    want = hashlib.sha256(case.sources["jpeg"].read_bytes()).hexdigest()
    x = next(e for e in result.exhibits if e.title == "充值记录截图")
    page = pdf[x.first_page - 1]
    raw = {hashlib.sha256(pdf.xref_stream_raw(img[0])).hexdigest() for img in page.get_images(full=True)}
    assert want in raw


def test_png_pixels_are_lossless(pdf, built):
    _, case, result, _ = built
    x = next(e for e in result.exhibits if e.title == "客服聊天记录")
    page = pdf[x.first_page - 1]
    with Image.open(case.sources["chat_png"]) as im:
        want = im.convert("RGB").tobytes()
        size = im.size
    found = []
    for img in page.get_images(full=True):
        pix = pymupdf.Pixmap(pdf, img[0])
        if (pix.width, pix.height) == size:
            found.append(pymupdf.Pixmap(pymupdf.csRGB, pix).samples == want)
    assert found == [True]


def test_exif_orientation_is_honoured(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "手机拍摄的页面照片")
    page = pdf[x.first_page - 1]
    rects = [r for img in page.get_images(full=True) for r in page.get_image_rects(img[0])]
    assert len(rects) == 1
    r = rects[0]
    assert r.height > r.width  # stored 200×100, orientation 6: shown portrait
    pix = page.get_pixmap(dpi=72, clip=r)
    top, bottom = pix.pixel(pix.width // 2, pix.height // 6), pix.pixel(pix.width // 2, pix.height * 5 // 6)
    assert top[0] > 200 and top[2] < 60  # red on top
    assert bottom[2] > 200 and bottom[0] < 60  # blue below


def test_long_screenshot_is_split_with_overlap_marks(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "余额变动长截图")
    n = x.last_page - x.first_page + 1
    assert n >= 2  # 300×2400 with content in its top 760 rows: the blank rows below are not printed
    texts = [pdf[p - 1].get_text() for p in range(x.first_page, x.last_page + 1)]
    assert "行为空白，未打印" in texts[-1]
    assert f"长截图第 1/{n} 段" in texts[0] and f"长截图第 {n}/{n} 段" in texts[-1]
    assert all("相邻段重叠" in t for t in texts)
    assert "与上页重叠"[0] in texts[1] and "续下页"[0] in texts[0]


def test_pdf_exhibit_pages_are_inserted_page_by_page(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "平台用户协议")
    text = "".join(pdf[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))
    assert "第一条 平台规则（第1页）" in text and "第二条 用户余额（第2页）" in text
    assert "原 PDF 第 2/2 页" in text


def test_encrypted_and_broken_pdfs_become_pages_that_say_so(pdf, built):
    _, _, result, _ = built
    by_title = {x.title: x for x in result.exhibits}
    locked = pdf[by_title["加密的对账单"].first_page - 1].get_text()
    assert "PDF 文件已加密，无法打印其内容" in locked and "机密" not in locked
    broken = pdf[by_title["损坏的文件"].first_page - 1].get_text()
    assert "PDF 文件已损坏" in broken
    voice = pdf[by_title["客服通话录音"].first_page - 1].get_text()
    # a damaged AMR still gets its page: no waveform, the reason and the hashes; the advice to transcribe
    # is the app's, not the court's
    assert "未能生成波形" in voice and "录音.amr" in voice and "SM3" in voice and "转写" not in voice


def test_bill_is_the_whole_export_then_the_plaintiffs_annotation(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "支付宝账单")
    pages = [pdf[p - 1] for p in range(x.first_page, x.last_page + 1)]
    bill = "".join(p.get_text() for p in pages if p.rotation == 90)
    note = "".join(p.get_text() for p in pages if p.rotation == 0)
    assert "账单原文" in bill and "老王面馆" in bill  # every row, the platform's or not
    assert "行号" in bill and "2026030122001155711407540001" in bill
    assert "对账说明（标注版）" in note and f"净付款 ¥{EXPECTED_NET}" in note
    assert "老王面馆" not in note  # not a platform row


def test_chat_log_is_a_transcript(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "QQ聊天导出")
    text = "".join(pdf[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))
    assert "聊天记录文字稿" in text
    assert "你好，我充值的100元点卡没有到账" in text and "系统维护中，暂时无法退款" in text


def test_text_file_is_printed_verbatim(pdf, built):
    _, _, result, _ = built
    x = next(e for e in result.exhibits if e.title == "情况说明")
    assert "余额由 1,280.00 元变为 0.00 元。" in pdf[x.first_page - 1].get_text()


def test_left_binding_margin_is_at_least_25mm(pdf):
    for page in pdf:
        boxes = [b[:4] for b in page.get_text("blocks")]
        boxes += [tuple(r) for img in page.get_images(full=True) for r in page.get_image_rects(img[0])]
        boxes += [tuple(d["rect"]) for d in page.get_drawings()]
        assert boxes
        assert min(b[0] for b in boxes) >= 25 * MM - 0.5, page.number


def test_exhibit_header_gives_purpose_source_times_and_both_hashes(pdf, built):
    _, case, result, _ = built
    x = next(e for e in result.exhibits if e.title == "充值记录截图")
    text = pdf[x.first_page - 1].get_text()
    assert "证明目的：证明原告向被告平台充值" in text
    assert "证据来源：原告手机，充值记录截图" in text
    assert f"SHA-256 {x.sha256}" in text and "SM3" in text and "导入" in text


def test_frames_and_rules_are_straight(pdf):
    for page in pdf:
        for d in page.get_drawings():
            for item in d["items"]:
                if item[0] == "l":
                    a, b = item[1], item[2]
                    assert abs(a.x - b.x) < 0.01 or abs(a.y - b.y) < 0.01, (page.number, item)


def test_metadata(pdf, built):
    meta = pdf.metadata
    assert meta["title"] == "证据材料：星辰卡盟充值扣款纠纷"
    assert meta["author"] == "原告 张三"
    assert meta["creationDate"].startswith("D:20")
