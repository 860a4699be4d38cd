"""Extraction from a screenshot's text: each finder, positive and negative, with the row it came from."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kami_desktop.core.legal.identifiers import uscc_check_char
from kami_desktop.core.triage.extract import (
    AMOUNT,
    DATETIME,
    ICP,
    ORDER_NO,
    PHONE,
    TXN_NO,
    USCC,
    extract_text,
    rows_from_lines,
)
from kami_desktop.core.util.timeutil import CHINA_TZ
from tests.core.triage.fixtures import HEIGHT, line

REF = datetime(2025, 3, 20, 9, 0, tzinfo=CHINA_TZ)


def values(text: str, kind: str, reference=None) -> list:
    return [f.value for f in extract_text(text, reference).of(kind)]


def test_amounts_with_currency_sign_yuan_labels_and_thousands():
    found = extract_text(
        "实付款 ￥1,798.00\n充值 500元\n支付金额：88.5\n-1,234.00\n订单号 20250312000012345678"
    )
    amounts = found.of(AMOUNT)
    assert [a.value for a in amounts] == [
        Decimal("1798.00"),
        Decimal("500.00"),
        Decimal("88.50"),
        Decimal("1234.00"),
    ]
    assert amounts[0].label == "实付款" and amounts[0].line == "实付款 ¥1,798.00"
    assert amounts[2].label == "支付金额"
    # a bare number is no amount: neither the order number nor a count
    assert values("共 3 件\n订单号 20250312000012345678", AMOUNT) == []


def test_order_and_transaction_numbers_labelled_prefixed_and_long_digit_runs():
    text = (
        "订单号：KM2026052821140311\n交易单号\n2025031222001155711407540001\n"
        "商户单号 T200P004XY\nKM2025031410000002 已完成\n流水号 88001234567890123456"
    )
    found = extract_text(text)
    by_value = {f.value: f for f in found.numbers()}
    assert (
        by_value["KM2026052821140311"].kind == ORDER_NO and by_value["KM2026052821140311"].label == "订单号"
    )
    assert by_value["2025031222001155711407540001"].kind == TXN_NO  # the value on the row below its label
    assert by_value["T200P004XY"].label == "商户单号"
    assert by_value["KM2025031410000002"].label == ""
    assert by_value["88001234567890123456"].kind == TXN_NO
    # an 18-digit 身份证号 (check digit right) is never taken for an order number; a phone is not one either
    assert extract_text("身份证 11010519491231002X\n13812345678").numbers() == []


def test_date_times_with_and_without_year_and_never_a_bare_clock():
    text = (
        "创建时间 2025-03-12 20:30:11\n支付时间：2025年3月12日 20:31\n03-13 09:15 处理中\n20:45\n2025-03-12"
    )
    found = extract_text(text, REF).of(DATETIME)
    assert [f.value for f in found] == [
        datetime(2025, 3, 12, 20, 30, 11, tzinfo=CHINA_TZ),
        datetime(2025, 3, 12, 20, 31, tzinfo=CHINA_TZ),
        datetime(2025, 3, 13, 9, 15, tzinfo=CHINA_TZ),
    ]
    assert [f.label for f in found] == ["创建时间", "支付时间", ""]
    # the year of "12-30 23:00" read against 2025-03-20 is the year before
    assert values("12-30 23:00", DATETIME, REF) == [datetime(2024, 12, 30, 23, 0, tzinfo=CHINA_TZ)]
    # without a reference date a year-less time is not guessed
    assert values("03-13 09:15", DATETIME) == []
    assert values("2025-02-30 10:00", DATETIME) == []  # no such day


def test_a_date_and_time_the_ocr_read_without_the_space_between():
    """The engine often drops the space: 支付时间 2025-03-1410:04:00 is still 14 March, 10:04."""
    found = extract_text("支付时间 2025-03-1410:04:00\n下单 2025-3-509:30\n2025/03/3123:59", REF).of(DATETIME)
    assert [f.value for f in found] == [
        datetime(2025, 3, 14, 10, 4, tzinfo=CHINA_TZ),
        datetime(2025, 3, 5, 9, 30, tzinfo=CHINA_TZ),
        datetime(2025, 3, 31, 23, 59, tzinfo=CHINA_TZ),
    ]
    assert found[0].label == "支付时间"
    assert values("订单号 2025031410000002", DATETIME) == []  # a long number is not a date


def test_the_status_bar_clock_is_not_a_time_of_the_page():
    lines = [line("3月12日 20:31", 40, 10, 200, 40), line("支付时间 2025-03-12 20:30:15", 60, 600)]
    rows = rows_from_lines(lines, HEIGHT)
    assert rows[0].status_bar and not rows[1].status_bar
    from kami_desktop.core.triage.extract import extract

    assert [f.value for f in extract(rows, REF).of(DATETIME)] == [
        datetime(2025, 3, 12, 20, 30, 15, tzinfo=CHINA_TZ)
    ]


def test_ocr_lines_on_one_row_read_as_one_row():
    lines = [line("¥1798.00", 800, 400, 200), line("实付款", 60, 405, 120), line("订单号", 60, 500, 120)]
    rows = rows_from_lines(lines, HEIGHT)
    assert [r.text for r in rows] == ["实付款 ¥1798.00", "订单号"]
    assert rows[0].lines == (1, 0)


def test_phones():
    assert values("客服电话 138 1234 5678\n电话：15900001111\n400-800-1234\n138****5678", PHONE) == [
        "13812345678",
        "15900001111",
    ]
    assert values("订单 2025031381234567812", PHONE) == []  # inside a longer number


def test_uscc_valid_only():
    body = "91440300MA5F12345"
    good = body + uscc_check_char(body)
    bad = body + ("0" if uscc_check_char(body) != "0" else "1")
    assert values(f"统一社会信用代码：{good}", USCC) == [good]
    assert values(f"统一社会信用代码：{bad}", USCC) == []  # the check digit is wrong


def test_icp_numbers():
    assert values("© 2025 某某卡盟 粤ICP备12345678号-1 京公网安备11010502030143号", ICP) == [
        "粤ICP备12345678号-1",
        "京公网安备11010502030143号",
    ]
    assert values("XICP备12345678号", ICP) == []
