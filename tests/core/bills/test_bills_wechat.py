"""WeChat Pay CSV and XLSX v1/v2 with their quirks, each reconciled to real figures."""

import io
from decimal import Decimal

import pytest
from bill_fixtures import (
    EXPECTED_NET,
    EXPECTED_PAID,
    EXPECTED_REFUNDED,
    PLATFORM,
    WECHAT_EXPECTED_PLATFORM_ROWS,
    Row,
    wechat_csv,
    wechat_rows,
    wechat_xlsx,
)

from kami_desktop.core.bills import BillError, parse_bill_bytes, reconcile


def _figures(bill):
    rec = reconcile(bill, [PLATFORM])
    assert len(rec.rows) == WECHAT_EXPECTED_PLATFORM_ROWS
    return rec.paid, rec.refunded, rec.net


EXPECTED = (EXPECTED_PAID, EXPECTED_REFUNDED, EXPECTED_NET)


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("eol", ["\n", "\r\n", "mixed"], ids=["lf", "crlf", "mixed"])
@pytest.mark.parametrize("pad_commas", [8, 10])
def test_csv_variants(bom, eol, pad_commas):
    data = wechat_csv(bom=bom, eol=eol, pad_commas=pad_commas)
    bill = parse_bill_bytes(data, "微信支付账单(20250301-20250331).csv")
    assert bill.source == "wechat" and bill.layout == "wechat-csv"
    assert min(t.row for t in bill.transactions) == 18  # header on line 17
    assert bill.holder == "小明" and bill.period_start.isoformat() == "2025-03-01T00:00:00+08:00"
    assert bill.personal_only and any("用作证明材料" in w for w in bill.warnings)
    assert _figures(bill) == EXPECTED


def test_csv_fields():
    bill = parse_bill_bytes(wechat_csv(), "w.csv")
    pay = next(t for t in bill.transactions if t.description == "点卡充值100元")
    assert pay.amount == Decimal("100.00") and pay.direction == "支出" and pay.category == "商户消费"
    assert pay.order_id == wechat_rows()[-1].order and "\t" not in pay.merchant_order_id
    withdraw = next(t for t in bill.transactions if t.category == "零钱提现")
    assert withdraw.direction == "不计收支" and withdraw.note == "服务费¥0.10"
    partial = next(t for t in bill.transactions if t.status == "已退款(¥30.00)")
    assert partial.refund_total == Decimal("30.00")
    full = next(t for t in bill.transactions if t.status == "已全额退款" and t.direction == "支出")
    assert full.refund_total == full.amount
    refund_row = next(t for t in bill.transactions if t.category == f"{PLATFORM}-退款" and t.amount == 30)
    assert refund_row.refund_total is None  # the refund row itself is not an original


def test_april_2025_all_quoted_with_tab_after_quote():
    bill = parse_bill_bytes(wechat_csv(quote_all=True, bom=True), "w.csv")
    assert all("\t" not in t.order_id and '"' not in t.order_id for t in bill.transactions)
    assert _figures(bill) == EXPECTED


def test_trailing_space_instead_of_tab():
    bill = parse_bill_bytes(wechat_csv(order_suffix=" "), "w.csv")
    assert all(not t.order_id.endswith(" ") for t in bill.transactions)
    assert _figures(bill) == EXPECTED


def test_unquoted_comma_in_counterparty_is_merged():
    rows = wechat_rows()
    rows.insert(
        0,
        Row(
            "2025-03-10 10:00:00",
            "商户消费",
            "WALMART HONG KONG CO.,LIMITED",
            "",
            "groceries",
            "支出",
            "99.50",
            "零钱",
            "支付成功",
            "4200002501202503100000000010",
            "/",
        ),
    )
    bill = parse_bill_bytes(wechat_csv(rows), "w.csv")
    walmart = next(t for t in bill.transactions if t.amount == Decimal("99.50"))
    assert walmart.counterparty == "WALMART HONG KONG CO.,LIMITED" and walmart.description == "groceries"
    assert any("逗号" in w and str(walmart.row) in w for w in bill.warnings)
    assert _figures(bill) == EXPECTED


def test_gbk_resaved_csv_is_read_and_flagged():
    bill = parse_bill_bytes(wechat_csv(encoding="gbk"), "w.csv")
    assert bill.encoding == "gb18030" and any("另存" in w for w in bill.warnings)
    assert _figures(bill) == EXPECTED


def test_excel_thousands_separator():
    rows = wechat_rows()
    rows[-1] = Row(
        rows[-1].time,
        "商户消费",
        PLATFORM,
        "",
        "大额",
        "支出",
        "1,020.00",
        "零钱",
        "支付成功",
        rows[-1].order,
        "SC1",
    )
    bill = parse_bill_bytes(wechat_csv(rows), "w.csv")
    assert reconcile(bill, [PLATFORM]).paid == EXPECTED_PAID - 100 + Decimal("1020.00")


@pytest.mark.parametrize("time_as_datetime", [False, True], ids=["text-time", "datetime-time"])
def test_xlsx_v1(time_as_datetime):
    bill = parse_bill_bytes(
        wechat_xlsx(version=1, time_as_datetime=time_as_datetime), "微信支付账单流水文件.xlsx"
    )
    assert bill.layout == "wechat-xlsx-v1" and bill.encoding == "xlsx"
    assert min(t.row for t in bill.transactions) == 18
    assert bill.transactions[-1].time.isoformat() == "2025-03-01T10:00:00+08:00"
    assert _figures(bill) == EXPECTED


@pytest.mark.parametrize("time_as_datetime", [False, True], ids=["text-time", "datetime-time"])
def test_xlsx_v2_numeric_amounts(time_as_datetime):
    bill = parse_bill_bytes(wechat_xlsx(version=2, time_as_datetime=time_as_datetime), "flow.xlsx")
    assert bill.layout == "wechat-xlsx-v2"
    assert min(t.row for t in bill.transactions) == 19  # header on row 18
    assert all(isinstance(t.amount, Decimal) for t in bill.transactions)
    assert next(t for t in bill.transactions if t.category == "扫二维码付款").amount == Decimal("12.30")
    assert _figures(bill) == EXPECTED


def test_xlsx_other_sheet_name():
    bill = parse_bill_bytes(wechat_xlsx(sheet_title="账单"), "flow.xlsx")
    assert _figures(bill) == EXPECTED


def test_xlsx_big_amount_keeps_cents():
    rows = wechat_rows()
    rows[-1] = Row(
        rows[-1].time,
        "商户消费",
        PLATFORM,
        "",
        "大额",
        "支出",
        "1234.56",
        "零钱",
        "支付成功",
        rows[-1].order,
        "SC1",
    )
    bill = parse_bill_bytes(wechat_xlsx(rows, version=2), "flow.xlsx")
    assert reconcile(bill, [PLATFORM]).paid == EXPECTED_PAID - 100 + Decimal("1234.56")


def test_refund_counted_from_status_when_refund_row_is_missing():
    rows = [r for r in wechat_rows() if not r.category.endswith("-退款")]
    rec = reconcile(parse_bill_bytes(wechat_csv(rows), "w.csv"), [PLATFORM])
    assert (rec.paid, rec.refunded, rec.net) == EXPECTED
    assert len(rec.warnings) == 2 and all("状态" in w for w in rec.warnings)


def test_unknown_direction_is_an_error_with_line():
    data = wechat_csv().decode("utf-8").replace(",支出,¥12.30", ",出去,¥12.30").encode("utf-8")
    with pytest.raises(BillError) as exc:
        parse_bill_bytes(data, "w.csv")
    assert exc.value.line == 21 and "收/支" in str(exc.value) and "w.csv" in str(exc.value)


def test_xlsx_numeric_order_number_and_serial_time():
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(wechat_xlsx(version=2)))
    ws = wb.active
    ws.cell(row=19, column=1).value = 45726.5  # an Excel date serial without a date format
    ws.cell(row=19, column=9).value = 4.2000025012025031e27
    buf = io.BytesIO()
    wb.save(buf)
    bill = parse_bill_bytes(buf.getvalue(), "flow.xlsx")
    first = next(t for t in bill.transactions if t.row == 19)
    assert first.time.isoformat() == "2025-03-10T12:00:00+08:00"
    assert any("精度" in w for w in bill.warnings)
