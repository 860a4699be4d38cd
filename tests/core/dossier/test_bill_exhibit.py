"""The bill exhibit is the full bill: every row, every column, the export's header lines and its own row
numbers on landscape pages, order numbers whole for pdftotext, nothing of the app's on them; then the
plaintiff's 对账说明（标注版） on pages of its own."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import update

from kami_desktop.core.bills.sheets import BillSheet, SheetRow
from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.dossier.bill_annotation import annotation_html
from kami_desktop.core.dossier.bill_pages import BillMarks, ClaimRef, CountedRow
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.layout import CSS
from kami_desktop.core.store.model import Bill, BillRow
from tests.core.bills import bill_fixtures as fx
from tests.core.dossier.cases import options
from tests.helpers import run_tool

EXPORTS = {  # name → (file name, bytes, rows, the header lines that must be printed)
    "alipay-2026": ("支付宝交易明细(20260301-20260331).csv", fx.alipay_app_csv, fx.alipay_rows),
    "alipay-2021": ("alipay_2021.csv", fx.alipay_2021_csv, fx.alipay_rows),
    "wechat-csv": ("微信支付账单(20250301-20250331).csv", fx.wechat_csv, fx.wechat_rows),
    "wechat-xlsx-v1": ("微信支付账单流水文件.xlsx", fx.wechat_xlsx, fx.wechat_rows),
    "wechat-xlsx-v2": (
        "微信支付账单流水文件v2.xlsx",
        lambda rows: fx.wechat_xlsx(rows, version=2),
        fx.wechat_rows,
    ),
}
HEAD_LINES = {
    "alipay-2026": [
        "支付宝账户：zhang***@163.com",
        "起始时间：[2026-03-01 00:00:00]",
        "8.本明细仅供个人对账使用。",
    ],
    "alipay-2021": [
        "支付宝（中国）网络技术有限公司",
        "电子客户回单",
        "导出信息：",
        "起始时间：[2021-05-19 00:00:00]",
    ],
    "wechat-csv": ["微信支付账单明细", "微信昵称：[小明]", "3. 本明细仅供个人对账使用"],
    "wechat-xlsx-v1": ["微信支付账单明细", "微信昵称：[小明]", "3. 本明细仅供个人对账使用"],
    "wechat-xlsx-v2": ["微信昵称：[小明]", "4. 本账单中所有时间均为UTC+08:00时间"],
}
COLUMNS = {
    "alipay": ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额", "收/付款方式"]
    + ["交易状态", "交易订单号", "商家订单号", "备注"],
    "wechat": ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态"]
    + ["交易单号", "商户单号", "备注"],
}


def pdftotext(pdf: Path, first: int, last: int) -> str:
    return run_tool(["pdftotext", "-enc", "UTF-8", "-f", str(first), "-l", str(last), pdf, "-"]).stdout


def build_bill_binder(profile, tmp_path: Path, name: str, data: bytes):
    with profile.session() as s:
        case_id = create_case(s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟").id
    path = tmp_path / name
    path.write_bytes(data)
    imported = import_bill(profile, case_id, path)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    x = next(e for e in result.exhibits if e.exhibit_id == imported.exhibit_id)
    doc = pymupdf.open(result.pdf)
    pages = range(x.first_page, x.last_page + 1)
    turned = [p for p in pages if doc[p - 1].rotation == 90]
    upright = [p for p in pages if doc[p - 1].rotation == 0]
    return result, doc, turned, upright


def render_html(html: str) -> str:
    """Lay HTML out on A4 pages and read the text back."""
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    story, more = pymupdf.Story(html, user_css=CSS), 1
    while more:
        dev = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(40, 40, 555, 800))
        story.draw(dev)
        writer.end_page()
    writer.close()
    return "".join(p.get_text() for p in pymupdf.open("pdf", buf.getvalue()))


def long_rows(n: int) -> list[fx.Row]:
    """A year of top-ups: long descriptions, 28-digit order numbers, 32-character merchant order numbers."""
    rows = []
    for i in range(n):
        rows.append(
            fx.Row(
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00",
                "充值缴费",
                "星辰卡盟" if i % 3 else "城西某某便利店（连锁）",
                "star***@163.com",
                f"点卡充值第{i}笔：某某游戏点卡面值100元，含平台服务费及自动续费说明文字",
                "支出",
                f"{10 + i}.00",
                "招商银行储蓄卡(8705)&支付宝随机立减",
                "交易成功",
                f"20260301220011557114{i:08d}",
                f"XCKM{i:06d}T20260301P5127193551145",
            )
        )
    return rows


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_every_row_and_column_of_the_export_is_printed(profile, tmp_path, kind):
    name, make, rows_of = EXPORTS[kind]
    rows = rows_of()
    result, doc, turned, upright = build_bill_binder(profile, tmp_path, name, make(rows))
    assert turned and upright  # the bill on landscape pages, the annotation upright
    assert max(turned) < min(p for p in upright if p > min(turned))  # annotation after the bill
    bill = pdftotext(result.pdf, min(turned), max(turned))
    columns = COLUMNS["wechat" if kind.startswith("wechat") else "alipay"]
    if kind == "alipay-2021":  # 11 columns in another order, no 备注
        columns = [c for c in columns if c != "备注"]
    for column in ["行号", *columns]:
        assert column in bill, column
    for line in HEAD_LINES[kind]:
        assert line in bill, line
    for r in rows:
        assert r.order in bill, r.order  # whole, never wrapped
        if r.merchant and r.merchant != "/":
            assert r.merchant in bill, r.merchant
        assert r.time in bill or r.time.replace(" ", "\n") in bill
    lines = bill.splitlines()
    assert "计入" not in lines and "计为" not in lines  # no column of the app's own
    for word in ("合计", "净付款", "对账说明"):
        assert word not in bill.replace("对账说明（标注版）另页附后", ""), word
    note = "".join(doc[p - 1].get_text() for p in upright if p > max(turned))
    assert "对账说明（标注版）" in note and "不是账单原文" in note
    assert "本账单合计" in note and "付款 ¥" in note


def test_annotation_names_the_counted_rows_and_their_sums(profile, tmp_path):
    result, doc, turned, upright = build_bill_binder(profile, tmp_path, "a.csv", fx.alipay_app_csv())
    note = "".join(doc[p - 1].get_text() for p in upright if p > max(turned))
    bill = pdftotext(result.pdf, min(turned), max(turned))
    paid, refunded = fx.EXPECTED_PAID, fx.EXPECTED_REFUNDED
    assert f"付款 ¥{paid}" in note and f"退款 ¥{refunded}" in note and f"净付款 ¥{fx.EXPECTED_NET}" in note
    # the platform's rows are named by the bill's own row numbers, each of which is on the bill pages
    counted = [r for r in fx.alipay_rows() if r.counterparty == fx.PLATFORM and r.status != "交易关闭"]
    line_of = {r.order: 25 + i for i, r in enumerate(fx.alipay_rows())}  # G4: the table starts on line 25
    for r in counted:
        assert f"\n{line_of[r.order]}\n" in f"\n{bill}\n"
        assert str(line_of[r.order]) in note
    assert "老王面馆" not in note


def test_a_long_bill_runs_over_landscape_pages_with_its_headings_on_each(profile, tmp_path):
    rows = long_rows(260)
    result, doc, turned, _ = build_bill_binder(profile, tmp_path, "long.csv", fx.alipay_app_csv(rows))
    assert len(turned) >= 5
    for p in turned:
        text = pdftotext(result.pdf, p, p)
        assert "行号" in text and "商家订单号" in text and "交易订单号" in text, p
    bill = pdftotext(result.pdf, min(turned), max(turned))
    for r in rows:
        assert r.merchant in bill and r.order in bill, r.merchant
    assert "（账单原文至此结束，共 260 行交易）" in bill


def test_a_bill_stored_before_the_sheet_columns_prints_from_its_original(profile, tmp_path):
    data = fx.alipay_zip(fx.alipay_app_csv(), "123456")
    with profile.session() as s:
        case_id = create_case(s, "旧账单", platform_name="星辰卡盟").id
    path = tmp_path / "支付宝交易明细.zip"
    path.write_bytes(data)
    plain = tmp_path / "plain.csv"
    plain.write_bytes(fx.wechat_csv())
    import_bill(profile, case_id, path, password="123456")
    import_bill(profile, case_id, plain)
    with profile.session() as s:  # as a profile upgraded from schema 0004 has them
        s.execute(
            update(Bill).values(sheet_complete=False, column_names="[]", head_lines="[]", tail_lines="[]")
        )
        s.execute(update(BillRow).values(cells="[]"))
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    turned = [p.number + 1 for p in doc if p.rotation == 90]
    text = pdftotext(result.pdf, min(turned), max(turned))
    # the WeChat CSV is read again from the vault: its header lines are back
    assert "微信昵称：[小明]" in text and "商户单号" in text
    # the encrypted zip cannot be read without its password: rebuilt from the stored fields, and said so
    assert "此账单由旧版本导入" in text and "商家订单号" in text
    for r in fx.alipay_rows():
        assert r.order in text


def test_annotation_lists_the_claim_items_a_row_supports():
    sheet = BillSheet(
        7, 3, "ab" * 32, "alipay", "alipay-csv-2026", ["交易时间"], [], [], [SheetRow(31, ("x",), 501)]
    )
    rows = [
        CountedRow(
            31, 501, "payment", Decimal("350.00"), Decimal("350.00"), "2026-03-03 09:00:00", "星辰卡盟"
        ),
        CountedRow(
            33, 503, "payment", Decimal("487.50"), Decimal("487.50"), "2026-03-01 10:00:00", "星辰卡盟"
        ),
    ]
    claims = [
        ClaimRef("未到账的充值", Decimal("350.00"), frozenset({501})),
        ClaimRef("被扣除的余额（自动续费）", Decimal("487.50"), frozenset({503})),
        ClaimRef("其他", Decimal("1.00"), frozenset({999})),
    ]
    html = annotation_html(sheet, BillMarks(rows, basis="交易对方为本案平台"), "证据3", claims)
    text = render_html(html)
    assert "对账说明（标注版）" in text and "支持的主张项" in text
    assert "1. 未到账的充值 ¥350.00——第 31 行" in text
    assert "2. 被扣除的余额（自动续费） ¥487.50——第 33 行" in text
    assert "其他 ¥1.00" not in text  # an item this bill does not support
    without = render_html(annotation_html(sheet, replace(BillMarks(rows)), "证据3"))
    assert "支持的主张项" not in without and "第 31、33 行" in without


def test_two_overlapping_exports_print_in_full_but_count_each_transaction_once(profile, tmp_path):
    rows = fx.alipay_rows()
    with profile.session() as s:
        case_id = create_case(s, "两份账单", platform_name="星辰卡盟").id
    for name, part in (("march-a.csv", rows[:6]), ("march-b.csv", rows[3:])):
        (tmp_path / name).write_bytes(fx.alipay_app_csv(part))
        import_bill(profile, case_id, tmp_path / name)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    notes, paid = [], Decimal("0")
    for x in result.exhibits:
        pages = [doc[p - 1] for p in range(x.first_page, x.last_page + 1)]
        bill = "".join(p.get_text() for p in pages if p.rotation == 90)
        note = "".join(p.get_text() for p in pages if p.rotation == 0 and p.number + 1 > x.first_page)
        part = rows[:6] if x.number == 1 else rows[3:]  # binder order is import order
        assert all(r.order in bill for r in part)  # each export printed whole
        notes.append(note)
        paid += Decimal(note.split("本账单合计：付款 ¥")[1].split("（")[0].replace(",", ""))
    assert paid == fx.EXPECTED_PAID  # the shared rows are counted in one of the two only
    assert sum("只在另一份账单中计算一次" in n for n in notes) == 1
