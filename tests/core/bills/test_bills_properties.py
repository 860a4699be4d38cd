"""Property tests: arbitrary and mutated input only ever raises BillError; valid rows round-trip."""

from decimal import Decimal

import pytest
from bill_fixtures import (
    PLATFORM,
    Row,
    alipay_2021_csv,
    alipay_app_csv,
    alipay_web_csv,
    alipay_zip,
    raw_zip,
    wechat_csv,
    wechat_xlsx,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kami_desktop.core.bills import BillError, ParsedBill, parse_bill_bytes, reconcile
from kami_desktop.core.bills.detect import INTERNAL_ERROR
from kami_desktop.core.bills.model import DIRECTIONS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "alipay-2026": alipay_app_csv(),
    "alipay-2023-padded": alipay_app_csv(generation="2023", pad=True, eol="\n"),
    "alipay-2021": alipay_2021_csv(),
    "alipay-web": alipay_web_csv(),
    "wechat-csv": wechat_csv(bom=True),
    "wechat-csv-2025": wechat_csv(quote_all=True),
    "wechat-xlsx-v1": wechat_xlsx(version=1),
    "wechat-xlsx-v2": wechat_xlsx(version=2),
    "alipay-zip": alipay_zip(alipay_app_csv(), "123456"),
    "wechat-zip": raw_zip([("微信支付账单.csv", wechat_csv())], "123456"),
}
PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"\xef\xbb\xbf",
    "支付宝交易记录明细查询\n".encode("gbk"),
    "微信支付账单明细,,,\n交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号\n".encode(),
]


def _check(data: bytes, password: str | None = "123456") -> None:
    try:
        bill = parse_bill_bytes(data, "fuzz.bin", password)
    except BillError as exc:
        assert "fuzz.bin" in str(exc) and INTERNAL_ERROR not in str(exc), str(exc)
        return
    assert isinstance(bill, ParsedBill)
    for t in bill.transactions:
        assert t.time.tzinfo is not None and isinstance(t.amount, Decimal) and t.amount >= 0
        assert t.direction in DIRECTIONS and t.row >= 1
    rec = reconcile(bill, [PLATFORM, "a"])
    assert rec.net == rec.paid - rec.refunded
    rec.to_json()


@SETTINGS
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000))
def test_arbitrary_bytes(prefix, body):
    _check(prefix + body)


@SETTINGS
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_arbitrary_text(text, encoding):
    _check(text.encode(encoding))


@st.composite
def mutated(draw):
    key = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[key])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "dup-line", "drop-line"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del data[pos:]
        elif kind == "insert":
            data[pos:pos] = draw(
                st.binary(min_size=1, max_size=40) | st.sampled_from([b",", b"\t", b'"', b"\r", b"\n"])
            )
        elif kind == "delete":
            del data[pos : pos + draw(st.integers(1, 200))]
        else:
            start = data.rfind(b"\n", 0, pos) + 1
            end = data.find(b"\n", pos)
            end = len(data) if end < 0 else end + 1
            if kind == "dup-line":
                data[start:start] = data[start:end]
            else:
                del data[start:end]
    return bytes(data)


@SETTINGS
@given(data=mutated())
def test_mutated_valid_bills(data):
    _check(data)


@pytest.mark.parametrize("key", sorted(VALID))
def test_every_truncation_point_is_handled(key):
    data = VALID[key]
    step = max(1, len(data) // 150)
    for cut in range(0, len(data), step):
        _check(data[:cut])


SAFE = st.text(alphabet="星辰卡盟点充值游戏面馆有限公司abcXYZ0123456789（）-_*@.，", min_size=1, max_size=12)


@st.composite
def alipay_row(draw, n):
    when = draw(
        st.datetimes(
            min_value=__import__("datetime").datetime(2020, 1, 1),
            max_value=__import__("datetime").datetime(2026, 12, 31),
        )
    ).replace(microsecond=0)
    cents = draw(st.integers(0, 10_000_000))
    return Row(
        when.strftime("%Y-%m-%d %H:%M:%S"),
        draw(SAFE),
        draw(SAFE),
        draw(SAFE),
        draw(SAFE),
        draw(st.sampled_from(["支出", "收入", "不计收支"])),
        f"{cents // 100}.{cents % 100:02d}",
        draw(st.sampled_from(["", "余额", "花呗&红包"])),
        draw(st.sampled_from(["交易成功", "交易关闭", "退款成功"])),
        f"2026{n:024d}",
        draw(st.sampled_from(["", "T1", "T2"])),
        draw(st.sampled_from(["", "备注"])),
    )


@SETTINGS
@given(
    data=st.data(),
    generation=st.sampled_from(["2023", "2025", "2026"]),
    pad=st.booleans(),
    eol=st.sampled_from(["\n", "\r\n", "mixed"]),
)
def test_alipay_round_trip(data, generation, pad, eol):
    rows = [data.draw(alipay_row(i)) for i in range(data.draw(st.integers(0, 12)))]
    bill = parse_bill_bytes(alipay_app_csv(rows, generation=generation, pad=pad, eol=eol), "rt.csv")
    assert len(bill.transactions) == len(rows)
    for row, t in zip(rows, bill.transactions, strict=True):
        assert t.time.strftime("%Y-%m-%d %H:%M:%S") == row.time and t.amount == Decimal(row.amount)
        assert (t.counterparty, t.counterparty_account, t.description) == (
            row.counterparty,
            row.account,
            row.description,
        )
        assert (t.direction, t.payment_method, t.status) == (row.direction, row.method, row.status)
        assert (t.order_id, t.merchant_order_id, t.note) == (row.order, row.merchant, row.note)
    every = [t.counterparty for t in bill.transactions]
    rec = reconcile(bill, every)
    assert rec.net == rec.paid - rec.refunded
    assert rec.paid == sum((r.transaction.amount for r in rec.rows if r.role == "payment"), Decimal("0.00"))
    refund_rows = sum((r.transaction.amount for r in rec.rows if r.role == "refund"), Decimal("0.00"))
    assert rec.refunded == refund_rows + sum((r.status_refund for r in rec.rows), Decimal("0.00"))
    unlinked = sum(
        (r.counted for r in rec.rows if r.role == "refund" and r.linked_to is None), Decimal("0.00")
    )
    per_payment = sum((r.refunded for r in rec.rows if r.role == "payment"), Decimal("0.00"))
    assert rec.refunded == per_payment + unlinked  # every refund counted against exactly one payment, or none
    shuffled = reconcile(list(reversed(bill.transactions)), every)
    assert (shuffled.paid, shuffled.refunded) == (rec.paid, rec.refunded)
