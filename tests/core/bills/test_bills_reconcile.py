"""Reconciliation rules on hand-built transactions: refund linking, no double counting, unpaid orders."""

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from kami_desktop.core.bills import Transaction, reconcile
from kami_desktop.core.util.timeutil import china_local

P = "星辰卡盟"


def tx(
    row,
    when,
    amount,
    direction="支出",
    status="交易成功",
    *,
    cp=P,
    desc="点卡",
    cat="充值缴费",
    method="余额",
    order="",
    merchant="",
    source="alipay",
    refund_total=None,
):
    return Transaction(
        time=china_local(datetime.fromisoformat(f"2026-03-{when}")),
        category=cat,
        counterparty=cp,
        counterparty_account="",
        description=desc,
        direction=direction,
        amount=Decimal(amount),
        payment_method=method,
        status=status,
        order_id=order or f"20260300{row:020d}",
        merchant_order_id=merchant,
        note="",
        row=row,
        source=source,
        refund_total=Decimal(refund_total) if refund_total else None,
    )


def wx(row, when, amount, direction="支出", status="支付成功", **kw):
    kw.setdefault("cat", "商户消费")
    kw.setdefault("method", "零钱")
    return tx(row, when, amount, direction, status, source="wechat", **kw)


def totals(rec):
    return rec.paid, rec.refunded, rec.net


def test_wechat_refund_links_to_the_original_named_by_status_not_the_latest():
    rows = [
        wx(1, "01 10:00:00", "50.00", status="已全额退款", refund_total="50.00"),
        wx(2, "02 10:00:00", "50.00"),
        wx(3, "03 10:00:00", "50.00", "收入", "已全额退款", cat=f"{P}-退款"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("100.00"), Decimal("50.00"), Decimal("50.00"))
    refund = next(r for r in rec.rows if r.role == "refund")
    assert refund.linked_to == 1 and rec.warnings == []


def test_wechat_partial_refund_is_not_counted_twice():
    rows = [
        wx(1, "01 10:00:00", "200.00", status="已退款(¥30.00)", refund_total="30.00"),
        wx(2, "02 10:00:00", "30.00", "收入", "已退款¥30.00", cat=f"{P}-退款"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("200.00"), Decimal("30.00"), Decimal("170.00"))
    assert all(r.status_refund == 0 for r in rec.rows)


def test_wechat_two_partial_refunds_on_one_payment():
    rows = [
        wx(1, "01 10:00:00", "200.00", status="已退款(¥50.00)", refund_total="50.00"),
        wx(2, "02 10:00:00", "20.00", "收入", "已退款¥20.00", cat=f"{P}-退款"),
        wx(3, "03 10:00:00", "30.00", "收入", "已退款¥30.00", cat=f"{P}-退款"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("200.00"), Decimal("50.00"), Decimal("150.00"))
    assert [r.linked_to for r in rec.rows if r.role == "refund"] == [1, 1]
    assert rec.rows[0].refunded == Decimal("50.00")  # both refund rows, counted against the payment


def test_payment_refunded_partly_by_a_row_and_partly_by_its_status():
    rows = [
        wx(1, "01 10:00:00", "200.00", status="已退款(¥50.00)", refund_total="50.00"),
        wx(2, "02 10:00:00", "20.00", "收入", "已退款¥20.00", cat=f"{P}-退款"),
        wx(3, "03 10:00:00", "40.00"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("240.00"), Decimal("50.00"), Decimal("190.00"))
    first, _refund, second = rec.rows
    assert (first.status_refund, first.refunded) == (Decimal("30.00"), Decimal("50.00"))
    assert second.refunded == Decimal("0.00")


def test_refund_without_original_in_bill_is_counted_with_warning():
    rec = reconcile([wx(5, "05 10:00:00", "20.00", "收入", "已全额退款", cat=f"{P}-退款")], [P])
    assert totals(rec) == (Decimal("0.00"), Decimal("20.00"), Decimal("-20.00"))
    assert rec.rows[0].linked_to is None and len(rec.warnings) == 1


def test_alipay_refund_linked_by_order_prefix_even_if_text_does_not_match():
    rows = [
        tx(1, "01 10:00:00", "80.00", order="2026030122001100000000000001", merchant="M1"),
        tx(
            2,
            "02 10:00:00",
            "80.00",
            "不计收支",
            "退款成功",
            cp="某代收机构",
            desc="退款-订单",
            order="2026030122001100000000000001_99",
            merchant="M1",
            cat="退款",
        ),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("80.00"), Decimal("80.00"), Decimal("0.00"))
    assert rec.rows[1].linked_to == 1


def test_alipay_refund_linked_by_merchant_order():
    rows = [
        tx(1, "01 10:00:00", "80.00", status="交易关闭", merchant="M1"),
        tx(2, "02 10:00:00", "80.00", "不计收支", "退款成功", desc="退款-点卡", merchant="M1", cat="退款"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("80.00"), Decimal("80.00"), Decimal("0.00"))
    assert rec.rows[1].linked_to == 1 and rec.warnings == []


def test_alipay_closed_payment_without_refund_row_counts_from_status():
    rec = reconcile([tx(1, "01 10:00:00", "80.00", status="交易关闭")], [P])
    assert totals(rec) == (Decimal("80.00"), Decimal("80.00"), Decimal("0.00"))
    assert rec.rows[0].status_refund == Decimal("80.00") and len(rec.warnings) == 1
    assert rec.rows[0].refunded == Decimal("80.00")


def test_unpaid_and_failed_orders_are_not_money():
    rows = [
        tx(1, "01 10:00:00", "88.00", "不计收支", "交易关闭", method=""),
        tx(2, "02 10:00:00", "66.00", "支出", "交易关闭", method=""),
        wx(3, "03 10:00:00", "10.00", status="支付失败"),
        tx(4, "04 10:00:00", "5.00"),
    ]
    rec = reconcile(rows, [P])
    assert [r.role for r in rec.rows] == ["unpaid", "unpaid", "unpaid", "payment"]
    assert totals(rec) == (Decimal("5.00"), Decimal("0.00"), Decimal("5.00"))
    assert all(r.counted == 0 for r in rec.rows if r.role == "unpaid")


def test_income_from_platform_counts_as_returned_money():
    rec = reconcile(
        [tx(1, "01 10:00:00", "100.00"), tx(2, "05 10:00:00", "40.00", "收入", cat="转账红包")], [P]
    )
    assert totals(rec) == (Decimal("100.00"), Decimal("40.00"), Decimal("60.00"))
    assert rec.warnings == []


def test_names_match_exactly_after_folding_width_and_case_never_as_a_substring():
    rows = [
        tx(1, "01 10:00:00", "10.00", cp="StarCard Game Ltd"),
        tx(2, "02 10:00:00", "20.00", cp="某商户", desc="STARCARD 点卡"),
        tx(3, "03 10:00:00", "30.00", cp="老王面馆", desc="面"),
        tx(4, "04 10:00:00", "1.00", cp="ＳＴＡＲＣＡＲＤ"),
        tx(5, "05 10:00:00", "2.00", cp="starcard"),
    ]
    rec = reconcile(rows, ["StarCard", "  "])
    assert rec.paid == Decimal("3.00") and rec.terms == ["ＳＴＡＲＣＡＲＤ", "starcard"]
    assert [r.transaction.row for r in rec.rows] == [4, 5]


def test_other_rows_are_listed_but_not_counted():
    rec = reconcile([tx(1, "01 10:00:00", "10.00", "不计收支", "交易成功", cat="亲友代付")], [P])
    assert rec.rows[0].role == "other" and totals(rec) == (0, 0, 0)


def test_sources_do_not_cross_link():
    rows = [
        wx(1, "01 10:00:00", "50.00"),
        tx(2, "02 10:00:00", "50.00", "不计收支", "退款成功", cat="退款", desc="退款-点卡", order="x_1"),
    ]
    rec = reconcile(rows, [P])
    assert rec.rows[1].linked_to is None


def test_order_of_rows_does_not_matter_and_first_last_are_payments():
    rows = [
        wx(1, "01 10:00:00", "50.00", status="已全额退款", refund_total="50.00"),
        wx(2, "02 10:00:00", "70.00"),
        wx(3, "03 10:00:00", "50.00", "收入", "已全额退款", cat=f"{P}-退款"),
        tx(4, "04 10:00:00", "9.99"),
    ]
    a, b = reconcile(rows, [P]), reconcile(list(reversed(rows)), [P])
    assert totals(a) == totals(b) == (Decimal("129.99"), Decimal("50.00"), Decimal("79.99"))
    assert a.first == rows[0].time and a.last == rows[3].time


def test_empty_terms_warn():
    rec = reconcile([tx(1, "01 10:00:00", "10.00")], [])
    assert rec.rows == [] and rec.net == 0 and rec.warnings


def test_to_json_shape():
    rows = [
        tx(1, "01 10:00:00", "10.50"),
        tx(2, "02 10:00:00", "0.50", "不计收支", "退款成功", cat="退款", order=f"20260300{1:020d}_1"),
    ]
    out = reconcile(rows, [P]).to_json()
    assert (out["rows"], out["paid"], out["refunded"], out["net"]) == (2, "10.50", "0.50", "10.00")
    assert out["first"] == "2026-03-01T10:00:00+08:00" and out["last"] == out["first"]
    assert out["items"][1]["role"] == "refund" and out["items"][1]["linked_to"] == 1
    assert out["items"][0]["amount"] == "10.50" and out["items"][0]["counted"] == "10.50"
    empty = reconcile([], [P]).to_json()
    assert empty["first"] is None and empty["paid"] == "0.00"


def test_transaction_is_frozen_and_json_money_is_text():
    t = tx(1, "01 10:00:00", "3.10")
    assert replace(t, amount=Decimal("4.00")).to_json()["amount"] == "4.00"
    assert t.to_json()["time"].endswith("+08:00")


def test_refund_under_another_merchant_spelling_is_not_counted_twice():
    rows = [
        wx(1, "01 10:00:00", "50.00", status="已全额退款", refund_total="50.00", cp="星辰卡盟（官方）"),
        wx(2, "03 10:00:00", "50.00", "收入", "已全额退款", cat="星辰卡盟官方-退款", cp="星辰卡盟官方"),
    ]
    rec = reconcile(rows, ["星辰卡盟(官方)"])  # brackets do not matter: both spellings are one name
    assert totals(rec) == (Decimal("50.00"), Decimal("50.00"), Decimal("0.00"))
    assert rec.rows[1].linked_to == 1 and rec.warnings == []


def test_refund_rows_exceeding_the_stated_refund_are_counted_and_flagged():
    rows = [
        wx(1, "01 10:00:00", "200.00", status="已退款(¥30.00)", refund_total="30.00"),
        wx(2, "02 10:00:00", "30.00", "收入", "已退款¥30.00", cat=f"{P}-退款"),
        wx(3, "03 10:00:00", "20.00", "收入", "已退款¥20.00", cat=f"{P}-退款"),
    ]
    rec = reconcile(rows, [P])
    assert totals(rec) == (Decimal("200.00"), Decimal("50.00"), Decimal("150.00"))
    assert len(rec.warnings) == 1 and "核对" in rec.warnings[0]
