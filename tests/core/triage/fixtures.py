"""Screenshots with OCR text put in place (store.save_page), and a bill whose rows they match."""

from __future__ import annotations

from pathlib import Path

from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.profile import Profile
from tests.core.bills.bill_fixtures import Row, alipay_app_csv
from tests.helpers import screenshot

WIDTH, HEIGHT = 1170, 2532
PLATFORM = "某某卡盟"
ACCOUNT = "kami***@163.com"
ORDER_NO = "KM2025031220301101"  # the platform's order number (商户单号 in the bill)
TXN_NO = "2025031222001155711407540001"  # Alipay's 交易单号 of that payment
CARD_TXN = "2025031422001155711407540002"


def line(text: str, x: float, y: float, w: float = 600, h: float = 48) -> OcrLine:
    return OcrLine(text, ((x, y), (x + w, y), (x + w, y + h), (x, y + h)), 0.98)


def page(sha: str, texts: list[str], status_bar: str = "20:31") -> OcrPage:
    """One phone page: the status-bar clock at the top, then each text on its own row."""
    lines = [line(status_bar, 40, 20, 120, 40)] if status_bar else []
    lines += [line(t, 60, 200 + 90 * i) for i, t in enumerate(texts)]
    return OcrPage(sha, 0, OK, "test-engine", WIDTH, HEIGHT, tuple(lines))


def shot(
    profile: Profile, case_id: int, folder: Path, name: str, texts: list[str], seed: int = 0, **kw
) -> int:
    """Import a screenshot named ``name`` and store ``texts`` as what OCR read on it; its exhibit id."""
    path = screenshot(folder / name, seed=seed)
    item = import_paths(profile, case_id, [path]).imported[0]
    with profile.session() as s:
        save_page(s, page(item.sha256, texts, **kw))
    return item.exhibit_id


ORDER_PAGE = [
    "订单详情",
    f"订单号：{ORDER_NO}",
    "商品 王者荣耀点券 余额充值",
    "实付款 ￥1,798.00",
    "创建时间 2025-03-12 20:30:11",
    "支付时间 2025-03-12 20:30:15",
    "订单状态 未到账",
    "联系客服",
]
PAYMENT_PAGE = ["支付成功", "¥350.00", "收款方 某某卡盟", "支付时间 2025-03-14 10:04:00", "完成"]


def bill_rows() -> list[Row]:
    p, a = PLATFORM, ACCOUNT
    return [
        Row("2025-03-14 10:00:00", "文化休闲", p, a, "购买点卡 350元", "支出", "350.00", "花呗",
            "交易成功", CARD_TXN, "KM2025031410000002"),
        Row("2025-03-12 20:30:15", "充值缴费", p, a, "余额充值1798元", "支出", "1798.00",
            "招商银行储蓄卡(8705)", "交易成功", TXN_NO, ORDER_NO),
        Row("2025-03-11 12:20:00", "餐饮美食", "某某餐饮", "/", "午餐", "支出", "35.00", "花呗",
            "交易成功", "2025031122001100000000000002", ""),
    ]  # fmt: skip


def import_the_bill(profile: Profile, case_id: int, folder: Path) -> int:
    path = folder / "支付宝交易明细.csv"
    path.write_bytes(alipay_app_csv(bill_rows()))
    return import_bill(profile, case_id, path).bill_id
