"""Alipay layouts G0–G4 with their byte-level quirks, each reconciled to real figures."""

from decimal import Decimal

import pytest
from bill_fixtures import (
    EXPECTED_NET,
    EXPECTED_PAID,
    EXPECTED_PLATFORM_ROWS,
    EXPECTED_REFUNDED,
    PLATFORM,
    Row,
    alipay_2021_csv,
    alipay_app_csv,
    alipay_rows,
    alipay_web_csv,
)

from kami_desktop.core.bills import ParsedBill, parse_bill, parse_bill_bytes, reconcile
from kami_desktop.core.util.timeutil import CHINA_TZ


def _assert_platform_figures(bill: ParsedBill, rows: int = EXPECTED_PLATFORM_ROWS) -> None:
    rec = reconcile(bill, [PLATFORM])
    assert (rec.paid, rec.refunded, rec.net) == (EXPECTED_PAID, EXPECTED_REFUNDED, EXPECTED_NET)
    assert len(rec.rows) == rows
    assert rec.warnings == []


def _line(data: bytes, encoding: str, number: int) -> str:
    return data.decode(encoding).replace("\r\n", "\n").split("\n")[number - 1]


@pytest.mark.parametrize(
    ("generation", "layout", "header_line"),
    [("2023", "alipay-csv-2023", 25), ("2025", "alipay-csv-2025", 25), ("2026", "alipay-csv-2026", 24)],
)
@pytest.mark.parametrize("pad", [False, True], ids=["bare", "space-padded"])
@pytest.mark.parametrize("eol", ["\r\n", "\n", "mixed"], ids=["crlf", "lf", "mixed"])
def test_app_generations(generation, layout, header_line, pad, eol, tmp_path):
    data = alipay_app_csv(generation=generation, pad=pad, eol=eol)
    path = tmp_path / "支付宝交易明细(20260301-20260331).csv"
    path.write_bytes(data)
    bill = parse_bill(path)
    assert bill.source == "alipay" and bill.layout == layout
    assert bill.encoding == "gb18030"
    assert len(bill.transactions) == len(alipay_rows())
    # the first data row sits right below the header; row numbers are the lines a user would count
    assert min(t.row for t in bill.transactions) == header_line + 1
    for t in bill.transactions:
        assert t.order_id in _line(data, "gbk", t.row)
    _assert_platform_figures(bill)


def test_fields_are_clean_and_typed():
    bill = parse_bill_bytes(alipay_app_csv(pad=True), "a.csv")
    first = next(t for t in bill.transactions if t.order_id == alipay_rows()[-1].order)
    assert first.time.tzinfo is not None and first.time.utcoffset() == CHINA_TZ.utcoffset(None)
    assert first.time.isoformat() == "2026-03-01T10:00:00+08:00"
    assert first.amount == Decimal("100.00") and isinstance(first.amount, Decimal)
    assert first.counterparty == PLATFORM and first.counterparty_account == "star***@163.com"
    assert "\t" not in first.order_id and " " not in first.order_id and first.merchant_order_id == "T200P001"
    assert first.payment_method == "账户余额" and first.status == "交易成功" and first.category == "充值缴费"
    noodle = next(t for t in bill.transactions if t.counterparty == "老王面馆")
    assert noodle.description == "牛肉面，加蛋"  # full-width comma kept inside the field
    assert noodle.payment_method == "花呗&红包"
    interest = next(t for t in bill.transactions if t.description.startswith("余额宝"))
    assert interest.direction == "不计收支" and interest.merchant_order_id == ""  # lone TAB -> empty
    assert interest.counterparty_account == ""  # '/' placeholder -> empty
    ride = next(t for t in bill.transactions if t.counterparty == "北京公交")
    assert ride.amount == Decimal("0.00")  # 0.00 rows are real and kept
    json = first.to_json()
    assert json["amount"] == "100.00" and json["time"] == "2026-03-01T10:00:00+08:00"


def test_metadata_and_personal_only_guidance():
    bill = parse_bill_bytes(alipay_app_csv(), "a.csv")
    assert bill.holder == "张三" and bill.account == "zhang***@163.com"
    assert bill.period_start.isoformat() == "2026-03-01T00:00:00+08:00"
    assert bill.period_end.isoformat() == "2026-03-31T23:59:59+08:00"
    assert bill.exported_at.isoformat() == "2026-04-01T09:12:52+08:00"
    assert bill.personal_only is True
    guidance = [w for w in bill.warnings if "仅供个人对账" in w]
    assert guidance and "交易流水证明" in guidance[0] and "用于证明材料" in guidance[0]


def test_gb18030_only_characters_and_no_trailing_tab():
    rows = alipay_rows()
    rows[-1] = Row(
        rows[-1].time,
        "充值缴费",
        PLATFORM + "𠀀",
        "/",
        "点卡",
        "支出",
        "100.00",
        "余额",
        "交易成功",
        rows[-1].order,
        "T1",
    )
    data = alipay_app_csv(rows, encoding="gb18030", tab=" ")
    bill = parse_bill_bytes(data, "a.csv")
    t = next(t for t in bill.transactions if t.order_id == rows[-1].order)
    assert t.counterparty == PLATFORM + "𠀀" and t.merchant_order_id == "T1"


def test_quoted_thousands_amount():
    rows = alipay_rows()
    rows[-1] = Row(
        rows[-1].time,
        "充值缴费",
        PLATFORM,
        "/",
        "大额充值",
        "支出",
        "5,000.00",
        "余额",
        "交易成功",
        rows[-1].order,
        "T1",
    )
    rec = reconcile(parse_bill_bytes(alipay_app_csv(rows), "a.csv"), [PLATFORM])
    assert rec.paid == EXPECTED_PAID - Decimal("100.00") + Decimal("5000.00")


def test_2021_app_statement_time_last_and_other_direction():
    bill = parse_bill_bytes(alipay_2021_csv(), "2021.csv")
    assert bill.layout == "alipay-csv-2021"
    assert bill.holder == "李四" and bill.period_end.isoformat() == "2021-06-19T23:59:59+08:00"
    assert {t.direction for t in bill.transactions} == {"支出", "不计收支"}  # 其他 mapped
    assert min(t.row for t in bill.transactions) == 3
    _assert_platform_figures(bill)


def test_web_export_g0():
    bill = parse_bill_bytes(alipay_web_csv(), "alipay_record_20191008_1434_1.csv")
    assert bill.layout == "alipay-web-csv"
    assert bill.account == "xxx@xxx.com" and bill.holder == "王五"
    assert bill.declared_count == len(bill.transactions) == 8
    refund = next(t for t in bill.transactions if t.order_id.endswith("_7788"))
    assert refund.direction == "收入" and refund.status == "退款成功"  # empty 收/支 resolved via 资金状态
    unpaid = next(t for t in bill.transactions if t.description == "点卡88")
    assert unpaid.time.isoformat() == "2019-09-06T20:00:00+08:00"  # no 付款时间: creation time
    assert min(t.row for t in bill.transactions) == 6
    _assert_platform_figures(bill)
    rec = reconcile(bill, [PLATFORM])
    assert [r.transaction.description for r in rec.rows if r.role == "unpaid"] == ["点卡88"]


def test_excel_resaved_file_is_read_but_flagged():
    rows = [
        Row(
            r.time[:16].replace("-", "/"),
            r.category,
            r.counterparty,
            r.account,
            r.description,
            r.direction,
            r.amount,
            r.method,
            r.status,
            r.order,
            r.merchant,
        )
        for r in alipay_rows()
    ]
    data = b"\xef\xbb\xbf" + alipay_app_csv(rows).decode("gbk").encode("utf-8")
    bill = parse_bill_bytes(data, "resaved.csv")
    assert bill.encoding == "utf-8-sig"
    assert any("另存" in w for w in bill.warnings)
    _assert_platform_figures(bill)


def test_declared_count_mismatch_is_a_warning_not_an_error():
    data = alipay_app_csv().decode("gbk").replace("共9笔记录", "共12笔记录").encode("gbk")
    bill = parse_bill_bytes(data, "a.csv")
    assert any("共12笔记录" in w and "9" in w for w in bill.warnings)


def test_extension_does_not_matter(tmp_path):
    path = tmp_path / "bill.txt"
    path.write_bytes(alipay_app_csv())
    assert parse_bill(path).layout == "alipay-csv-2026"


def test_scientific_notation_order_numbers_are_flagged():
    rows = alipay_rows()
    rows[1] = Row(
        rows[1].time,
        rows[1].category,
        rows[1].counterparty,
        rows[1].account,
        rows[1].description,
        rows[1].direction,
        rows[1].amount,
        rows[1].method,
        rows[1].status,
        "2.02603E+27",
        "",
    )
    bill = parse_bill_bytes(alipay_app_csv(rows), "a.csv")
    assert any("科学计数法" in w for w in bill.warnings)
