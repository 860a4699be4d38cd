"""A realistic case for the document tests, created through the ORM and the importer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence.exhibits import edit_exhibit, list_exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.legal.identifiers import uscc_check_char
from kami_desktop.core.store.model import Bill, BillRow, Fact, FactExhibit, LadderStep, Party
from kami_desktop.core.util.timeutil import CHINA_TZ, now
from tests.helpers import screenshot

OPERATOR_USCC = "91440300MA5G8KQ27" + uscc_check_char("91440300MA5G8KQ27")
PAYEE_USCC = "91440101MA9UJ3B45" + uscc_check_char("91440101MA9UJ3B45")
ORDER_ID = "2025030122001412345678901234"
SELF_ID = "330106199005120018"
SELF_PHONE = "13812345678"
DEMAND_SENT = date(2025, 9, 26)


@dataclass
class Made:
    case_id: int
    exhibit_ids: list[int]
    long_shot: Path


def long_screenshot(path: Path, size: tuple[int, int] = (1170, 6000)) -> Path:
    """A tall chat-like screenshot with busy content (so JPEG sizes are realistic)."""
    im = Image.new("RGB", size, (237, 237, 237))
    d = ImageDraw.Draw(im)
    for i, y in enumerate(range(20, size[1] - 120, 130)):
        x = 40 if i % 2 else 380
        d.rounded_rectangle((x, y, x + 720, y + 100), 16, fill=(149, 236, 105) if i % 2 else (255, 255, 255))
        for j in range(6):
            d.text((x + 20 + j * 110, y + 20 + (j % 3) * 20), f"msg{i}-{j}", fill=(20, 20, 20))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


def _at(y, mo, d, h=0, mi=0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=CHINA_TZ)


def make_case(profile, tmp: Path, *, with_long: bool = True) -> Made:
    with profile.session() as s:
        case = create_case(
            s,
            "星辰卡盟充值扣款纠纷",
            platform_name="星辰卡盟",
            platform_url="https://www.xckm.example",
            cause_type="hidden_rule",
            discovered_on=date(2025, 9, 20),
            claimed_amount="1,798.00",
        )
        cid = case.id
        s.add_all(
            [
                Party(
                    case_id=cid,
                    role="self",
                    name="张三",
                    gender="男",
                    birth_date=date(1990, 5, 12),
                    ethnicity="汉族",
                    occupation="职员",
                    address="浙江省杭州市西湖区文三路100号",
                    id_number=SELF_ID,
                    phone=SELF_PHONE,
                ),
                Party(
                    case_id=cid,
                    role="operator",
                    name="深圳市星辰网络科技有限公司",
                    uscc=OPERATOR_USCC,
                    address="广东省深圳市南山区科技园路1号",
                    legal_representative="李四",
                    legal_rep_title="执行董事",
                    icp="粤ICP备2023000001号-1",
                    website="https://www.xckm.example",
                    is_defendant=True,
                    basis="operator",
                ),
                Party(
                    case_id=cid,
                    role="payee",
                    name="广州云汇信息技术有限公司",
                    uscc=PAYEE_USCC,
                    address="广州市天河区天河路2号",
                    legal_representative="王五",
                    legal_rep_title="经理",
                    is_defendant=True,
                    basis="payee_operator",  # with the operator: 共同 (each operates the platform)
                ),
                Party(case_id=cid, role="channel", name="支付宝（中国）网络技术有限公司"),
            ]
        )
    shots = [screenshot(tmp / "in" / f"{i}.png", i) for i in range(3)]
    paths = list(shots)
    long_shot = long_screenshot(tmp / "in" / "chat_long.png") if with_long else None
    if long_shot:
        paths.append(long_shot)
    import_paths(profile, cid, paths)
    meta = [
        ("支付宝充值记录", "funds", "支付宝账单，原告手机截取", "原告向平台账户充值1,798.00元"),
        (
            "平台扣款记录页面",
            "interaction",
            "星辰卡盟网站账户页面，原告截取",
            "平台扣除原告账户余额1,798.00元",
        ),
        ("客服拒绝退款聊天记录", "interaction", "星辰卡盟在线客服，原告截取", "原告要求退款，平台拒绝"),
        (
            "与客服的完整聊天记录（长截图）",
            "interaction",
            "星辰卡盟在线客服，原告手机长截图",
            "平台拒绝退款的完整经过",
        ),
    ]
    with profile.session() as s:
        exhibits = list_exhibits(s, cid)
        for ex, (title, cat, source, purpose) in zip(exhibits, meta, strict=False):
            edit_exhibit(s, ex.id, title=title, category=cat, source=source, purpose=purpose)
        ids = [e.id for e in exhibits]
        first = exhibits[0]
        bill = Bill(
            exhibit_id=first.id,
            blob_sha256=first.files[0].blob_sha256,
            source="alipay",
            layout="test",
            imported_at=now(),
        )
        s.add(bill)
        s.flush()
        row = BillRow(
            bill_id=bill.id,
            row=1,
            time=_at(2025, 3, 1, 10, 5),
            counterparty="广州云汇信息技术有限公司",
            amount=to_dec("1798.00"),
            order_id=ORDER_ID,
            direction="支出",
        )
        s.add(row)
        s.flush()
        facts = [
            (
                Fact(
                    case_id=cid,
                    occurred_at=_at(2025, 3, 1, 10, 5),
                    kind="recharge",
                    origin=f"bill:{row.id}",
                    description="通过支付宝向平台账户充值1,798.00元",
                    created_at=now(),
                ),
                ids[0],
            ),
            (
                Fact(
                    case_id=cid,
                    occurred_at=_at(2025, 9, 20, 9, 0),
                    kind="deduction",
                    created_at=now(),
                    description="平台以“余额超过有效期”为由将账户余额1,798.00元全部扣除",
                ),
                ids[1],
            ),
            (
                Fact(
                    case_id=cid,
                    occurred_at=_at(2025, 9, 21, 14, 30),
                    kind="refund_request",
                    created_at=now(),
                    description="联系平台客服要求退还余额，客服以“虚拟商品概不退款”为由拒绝",
                ),
                ids[2],
            ),
        ]
        for fact, ex_id in facts:
            s.add(fact)
            s.flush()
            s.add(FactExhibit(fact_id=fact.id, exhibit_id=ex_id))
        s.add(
            LadderStep(
                case_id=cid,
                kind="demand_sent",
                on=DEMAND_SENT,
                channel="EMS邮寄",
                reference="EA123456789CN",
                created_at=now(),
            )
        )
    return Made(cid, ids, long_shot)


def to_dec(text: str):
    from decimal import Decimal

    return Decimal(text)
