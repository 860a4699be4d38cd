"""The review case for binder layout: 12 phone screenshots (1170×2532, two long ones 1170×6000, one of
them ending in 205 blank pixel rows), exhibit headers of one to three lines of 证明目的, a bill and a
chat — the shape of a real consumer case.

``make_review_case`` only uses public entry points (create_case, import_paths, import_bill,
edit_exhibit), so the same helper also builds the case against an older checkout for a before/after
page count.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

PHONE = (1170, 2532)
LONG = (1170, 6000)
BLANK_TAIL = 205  # blank pixel rows under the last message of the first long screenshot

ONE_LINE = "证明原告向被告平台充值。"
TWO_LINES = "证明原告在被告平台下单购买游戏点卡，订单显示已付款但卡密一直未发放，原告多次催促无果，被告未履行交付义务。"
THREE_LINES = (
    "证明被告平台在原告未进行任何交易的情况下，以所谓“余额有效期”为由分三次扣除原告账户余额共计1,280.00元，"
    "扣款前未通知原告，扣款后亦未提供任何说明，原告向客服反映后客服称系统自动处理、不予退还，"
    "与平台公示规则不符。"
)

# key, title, 证明目的, files: (kind, seed); kind = phone | long | long_blank
SPECS: list[tuple[str, str, str, list[tuple[str, int]]]] = [
    ("topup", "充值记录截图", ONE_LINE, [("phone", 1)]),
    ("order", "订单详情截图", TWO_LINES, [("phone", 2)]),
    ("balance", "余额变动长截图", THREE_LINES, [("long_blank", 3)]),
    ("service", "客服聊天截图", TWO_LINES, [("phone", 4), ("phone", 5), ("phone", 6)]),
    ("renew", "自动续费扣款记录", ONE_LINE, [("long", 7)]),
    ("card", "卡密未到账页面", THREE_LINES, [("phone", 8), ("phone", 9)]),
    ("notice", "平台公告截图", THREE_LINES, [("phone", 10)]),
    ("complaint", "投诉记录截图", TWO_LINES, [("phone", 11), ("phone", 12)]),
]


def phone_screenshot(path: Path, seed: int, size: tuple[int, int] = PHONE, blank_tail: int = 0) -> Path:
    """A chat-app screenshot: status bar, title bar, bubbles with lines of "text" down to the bottom
    (less ``blank_tail`` rows, which stay the plain background), input bar only on phone-sized ones."""
    rnd = random.Random(seed)
    w, h = size
    bg = (237, 237, 237)
    im = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 140), fill=(246, 246, 246))
    d.rectangle((40, 50, 240, 90), fill=(30, 30, 30))  # time in the status bar
    d.rectangle((0, 140, w, 300), fill=(250, 250, 250))
    d.rectangle((w // 2 - 200, 195, w // 2 + 200, 245), fill=(20, 20, 20))  # chat title
    y, bottom = 340, h - blank_tail - (200 if size == PHONE else 0)
    while y < bottom - 250:
        lines = rnd.randint(1, 4)
        mine = rnd.random() < 0.4
        bw = rnd.randint(500, 820)
        bh = 60 + lines * 64
        if y + bh > bottom - 100:
            break
        x0 = w - 170 - bw if mine else 170
        avatar = (w - 150, y, w - 50, y + 100) if mine else (x0 - 130, y, x0 - 30, y + 100)
        d.rectangle(avatar, fill=(90, 140, 200))
        d.rounded_rectangle((x0, y, x0 + bw, y + bh), 24, fill=(149, 236, 105) if mine else (255, 255, 255))
        for i in range(lines):
            lw = bw - 80 if i < lines - 1 else rnd.randint(160, bw - 80)
            ty = y + 40 + i * 64
            d.rectangle((x0 + 40, ty, x0 + 40 + lw, ty + 36), fill=(40, 40, 40))
        y += bh + rnd.randint(50, 110)
        if rnd.random() < 0.2:  # a time stamp between messages
            d.rectangle((w // 2 - 120, y, w // 2 + 120, y + 30), fill=(170, 170, 170))
            y += 90
    if size != PHONE:  # a long capture runs to its last row of content: a date line at the very bottom
        d.rectangle((w // 2 - 160, bottom - 36, w // 2 + 160, bottom - 1), fill=(170, 170, 170))
    if size == PHONE:
        d.rectangle((0, h - 180, w, h), fill=(246, 246, 246))
        d.rounded_rectangle((150, h - 150, w - 250, h - 60), 20, fill=(255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format="PNG")
    return path


@dataclass
class ReviewCase:
    case_id: int
    exhibits: dict[str, int] = field(default_factory=dict)  # key → exhibit id
    titles: dict[str, str] = field(default_factory=dict)  # key → title


def make_review_case(profile, src: Path) -> ReviewCase:
    from kami_desktop.core.bills.store import import_bill
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.exhibits import edit_exhibit
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.store.model import Party
    from tests.core.bills.bill_fixtures import alipay_app_csv
    from tests.core.chats.chat_fixtures import qq_txt

    src.mkdir(parents=True, exist_ok=True)
    with profile.session() as s:
        case_id = create_case(
            s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟", platform_url="https://star.example"
        ).id
        s.add(
            Party(
                case_id=case_id,
                role="operator",
                name="深圳市星辰网络科技有限公司",
                uscc="91330100716105852F",
                is_defendant=True,
            )
        )
    case = ReviewCase(case_id)

    def describe(key: str, eid: int, title: str, purpose: str) -> None:
        with profile.session() as s:
            edit_exhibit(s, eid, title=title, purpose=purpose, source=f"原告手机，{title}")
        case.exhibits[key], case.titles[key] = eid, title

    for key, title, purpose, files in SPECS:
        paths = []
        for kind, seed in files:
            p = src / f"{key}_{seed}.png"
            if kind == "phone":
                phone_screenshot(p, seed)
            else:
                phone_screenshot(p, seed, LONG, BLANK_TAIL if kind == "long_blank" else 0)
            paths.append(p)
        report = import_paths(profile, case_id, paths[:1], source="原告手机")
        assert not report.errors, report.errors
        eid = report.imported[0].exhibit_id
        if paths[1:]:
            more = import_paths(profile, case_id, paths[1:], exhibit_id=eid)
            assert not more.errors, more.errors
        describe(key, eid, title, purpose)
    bill = src / "alipay.csv"
    bill.write_bytes(alipay_app_csv())
    describe("bill", import_bill(profile, case_id, bill).exhibit_id, "支付宝账单", TWO_LINES)
    chat = src / "qq聊天.txt"
    chat.write_bytes(qq_txt())
    report = import_paths(profile, case_id, [chat], source="原告电脑")
    assert not report.errors, report.errors
    describe("chat", report.imported[0].exhibit_id, "QQ客服聊天记录", ONE_LINE)
    return case
