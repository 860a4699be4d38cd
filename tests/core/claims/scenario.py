"""The case of the issue, as real files imported through the app (no real person's data).

张三 paid 某某卡盟 2,148.00 (top-ups of 1,000.00 and 798.00, and 350.00 for a game card bought
directly), got 350.00 back, spent 648.00 of the balance on goods that were delivered, lost 487.50 to an
auto-renewal the platform deducted from the balance, and the 350.00 card never arrived: the claim is
837.50, not the 1,798.00 net paid. The same Alipay export also holds a lunch at 某某餐饮, a taxi with
某某出行, a phone top-up at 某某通信 and snacks at 城西某某便利店 (125.00 together): a substring guess
of the platform name would count them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.chats.store import import_chat
from kami_desktop.core.evidence.exhibits import edit_exhibit
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.store.model import BillRow, ChatMessage, Party
from tests.core.bills.bill_fixtures import Row, alipay_app_csv
from tests.core.chats.chat_fixtures import Block, Msg, qq_txt
from tests.helpers import screenshot

PLATFORM = "某某卡盟"
ACCOUNT = "kami***@163.com"
ORDER = "2025030122001155711407540"
CARD_ORDER = ORDER + "003"
PAID, REFUNDED, NET = Decimal("2148.00"), Decimal("350.00"), Decimal("1798.00")
CLAIM = Decimal("837.50")
RENEWAL = Decimal("487.50")
CARD = Decimal("350.00")
NEIGHBOURS = ("某某餐饮", "某某出行", "某某通信", "城西某某便利店")  # 125.00 that is not the platform's


def platform_rows() -> list[Row]:
    """Newest first, as Alipay exports them."""
    p, a = PLATFORM, ACCOUNT
    return [
        Row("2025-03-10 09:00:00", "退款", p, a, "退款-余额充值1000元", "不计收支", "350.00", "账户余额",
            "退款成功", ORDER + "001_2025031000001", "KM20250301001"),
        Row("2025-03-08 20:15:00", "文化休闲", p, a, "购买点卡 王者荣耀 350元", "支出", "350.00",
            "招商银行储蓄卡(8705)", "交易成功", CARD_ORDER, "KM20250308003"),
        Row("2025-03-06 18:40:00", "日用百货", "城西某某便利店", "/", "零食", "支出", "10.00", "花呗",
            "交易成功", "2025030622001100000000000006", ""),
        Row("2025-03-05 11:00:00", "充值缴费", p, a, "余额充值798元", "支出", "798.00", "账户余额",
            "交易成功", ORDER + "002", "KM20250305002"),
        Row("2025-03-04 08:30:00", "充值缴费", "某某通信", "/", "话费充值", "支出", "50.00", "账户余额",
            "交易成功", "2025030422001100000000000004", ""),
        Row("2025-03-03 23:10:00", "交通出行", "某某出行", "/", "打车", "支出", "30.00", "花呗",
            "交易成功", "2025030322001100000000000003", ""),
        Row("2025-03-02 12:20:00", "餐饮美食", "某某餐饮", "138******21", "午餐", "支出", "35.00", "花呗",
            "交易成功", "2025030222001100000000000002", ""),
        Row("2025-03-01 10:00:00", "充值缴费", p, a, "余额充值1000元", "支出", "1000.00",
            "招商银行储蓄卡(8705)", "交易成功", ORDER + "001", "KM20250301001"),
    ]  # fmt: skip


RENEWAL_TEXT = "您的VIP会员已自动续费，已从账户余额扣除487.50元"


def chat_blocks() -> list[Block]:
    t = datetime(2025, 3, 20, 9, 5, 0)
    return [
        Block(
            "我的好友",
            "某某卡盟客服",
            [
                Msg(t, "某某卡盟客服", [RENEWAL_TEXT]),
                Msg(t + timedelta(minutes=2), "张三", ["我从来没有开通自动续费，请退回487.50元"], True),
                Msg(t + timedelta(minutes=9), "某某卡盟客服", ["续费不支持退款"]),
                Msg(t + timedelta(days=2), "张三", ["我买的350元点卡一直没到账，订单号 " + CARD_ORDER], True),
                Msg(t + timedelta(days=2, minutes=5), "某某卡盟客服", ["系统繁忙，请耐心等待"]),
            ],
        )
    ]


@dataclass
class Case837:
    case_id: int
    bill_id: int
    bill_exhibit: int
    chat_exhibit: int
    screenshot_exhibit: int
    rows: dict[str, int] = field(default_factory=dict)  # order id -> bill_rows.id
    renewal_message: int = 0  # chat_messages.id of the platform's renewal notice
    bill_path: Path | None = None


def make_case(profile, src: Path) -> Case837:
    src.mkdir(parents=True, exist_ok=True)
    with profile.session() as s:
        case_id = create_case(
            s,
            "某某卡盟充值扣款纠纷",
            platform_name=PLATFORM,
            cause_type="hidden_rule",
            discovered_on=date(2025, 3, 20),
        ).id
        s.add_all(
            [
                Party(
                    case_id=case_id,
                    role="self",
                    name="张三",
                    gender="男",
                    birth_date=date(1990, 5, 12),
                    ethnicity="汉族",
                    occupation="职员",
                    address="浙江省杭州市西湖区文三路100号",
                    id_number="330106199005120018",
                    phone="13812345678",
                ),
                Party(
                    case_id=case_id,
                    role="operator",
                    name="杭州某某网络科技有限公司",
                    uscc="91330100716105852F",
                    address="浙江省杭州市余杭区某路1号",
                    legal_representative="李四",
                    legal_rep_title="执行董事",
                    is_defendant=True,
                ),
            ]
        )
    bill_path = src / "支付宝交易明细(20250301-20250331).csv"
    bill_path.write_bytes(alipay_app_csv(platform_rows(), holder="张三"))
    bill = import_bill(profile, case_id, bill_path)
    chat_path = src / "某某卡盟客服.txt"
    chat_path.write_bytes(qq_txt(chat_blocks()))
    chat = import_chat(profile, case_id, chat_path, me="张三")
    shot = screenshot(src / "自动续费扣款截图.png", 7)
    report = import_paths(profile, case_id, [shot], category="平台交互", source="原告手机截图")
    shot_id = report.imported[0].exhibit_id
    with profile.session() as s:
        edit_exhibit(s, shot_id, title="余额扣除记录截图", purpose="证明平台以自动续费为由扣除余额487.50元")
        rows = {r.order_id: r.id for r in s.query(BillRow).filter(BillRow.bill_id == bill.bill_id)}
        renewal = s.query(ChatMessage).filter(ChatMessage.text == RENEWAL_TEXT).one().id
    return Case837(case_id, bill.bill_id, bill.exhibit_id, chat.exhibit_id, shot_id, rows, renewal, bill_path)


def claim_the_loss(s, made: Case837) -> None:
    """The case's two claim items (837.50): the undelivered card (a bill row) and the auto-renewal (a chat
    message), each made the way a user makes it in one step."""
    from kami_desktop.core.bills.money import add_claim
    from kami_desktop.core.case.claim_drafts import add_from_draft, draft_from_chat_message

    add_claim(
        s, made.case_id, "已付款未交付的订单", bill_row_ids=[made.rows[CARD_ORDER]], description="点卡未到账"
    )
    add_from_draft(s, draft_from_chat_message(s, made.renewal_message), description="未经同意自动续费")
