"""A realistic case for screenshots and demos: Chinese titles, a dozen phone screenshots."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.importer import import_paths

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

ITEMS = [
    ("支付宝付款成功页面", "funds", "pay", ["支付成功", "¥1,798.00", "收款方：星辰网络科技"]),
    ("微信支付账单截图", "funds", "pay", ["交易成功", "¥600.00", "商品：卡盟余额充值"]),
    ("卡盟账户余额被扣为零", "non_delivery", "balance", ["账户余额", "¥0.00", "扣款：违规操作"]),
    ("订单显示未发货", "non_delivery", "order", ["订单 20250312-8841", "状态：处理中", "点卡未到账"]),
    (
        "客服聊天：拒绝退款",
        "interaction",
        "chat",
        ["您好，余额已被系统冻结", "为什么扣我钱？", "规则如此，无法退款"],
    ),
    ("客服聊天：承诺三天内处理", "interaction", "chat", ["我们会在三天内处理", "好的，请尽快", "请耐心等待"]),
    ("QQ 群公告截图", "interaction", "chat", ["群公告：系统升级", "充值暂停", "余额不退"]),
    ("平台用户协议第 8 条", "rules", "doc", ["用户协议", "第八条 违规扣款", "平台有权扣除余额"]),
    (
        "网站备案信息查询",
        "identity",
        "doc",
        ["ICP备案：粤ICP备2023xxxx号", "主办单位：星辰网络科技", "审核通过"],
    ),
    ("企业信用信息公示", "identity", "doc", ["星辰网络科技有限公司", "统一社会信用代码", "91440300MA5xxxxx"]),
    ("充值记录页面", "funds", "balance", ["充值记录", "+¥1,798.00", "+¥600.00"]),
    ("投诉受理回执", "other", "doc", ["12315 投诉已受理", "受理编号 3203xxxx", "请等待处理"]),
]
COLORS = {
    "pay": (22, 119, 255),
    "balance": (250, 140, 22),
    "order": (82, 196, 26),
    "chat": (7, 193, 96),
    "doc": (96, 125, 139),
}


def phone_screenshot(path: Path, kind: str, lines: list[str], size=(585, 1266)) -> Path:
    w, h = size
    im = Image.new("RGB", size, (245, 245, 245))
    d = ImageDraw.Draw(im)
    big = ImageFont.truetype(FONT, 44)
    mid = ImageFont.truetype(FONT, 30)
    d.rectangle((0, 0, w, 150), fill=COLORS[kind])
    d.text((30, 60), lines[0], font=big, fill="white")
    if kind == "chat":
        y = 200
        for i, text in enumerate(lines):
            left = i % 2 == 0
            box = (30, y, 420, y + 90) if left else (w - 420, y, w - 30, y + 90)
            d.rounded_rectangle(box, 16, fill=(255, 255, 255) if left else (149, 236, 105))
            d.text((box[0] + 20, y + 28), text, font=mid, fill=(30, 30, 30))
            y += 140
    else:
        d.rounded_rectangle((30, 200, w - 30, 700), 20, fill="white")
        for i, text in enumerate(lines[1:]):
            d.text((60, 260 + i * 120), text, font=big if i == 0 else mid, fill=(30, 30, 30))
    d.rectangle((0, h - 100, w, h), fill=(230, 230, 230))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


def build_case(profile, folder: Path) -> int:
    with profile.session() as s:
        case_id = create_case(
            s,
            "星辰卡盟充值扣款纠纷",
            platform_name="星辰卡盟",
            platform_url="https://xc-kameng.example",
            cause_type="malicious",
            claimed_amount="2398.00",
        ).id
        create_case(s, "某游戏点卡平台余额冻结", platform_name="速达卡盟")
    paths = [
        phone_screenshot(folder / f"Screenshot_202503{10 + i:02d}_2030{i:02d}.png", kind, lines)
        for i, (_t, _c, kind, lines) in enumerate(ITEMS)
    ]
    report = import_paths(profile, case_id, paths)
    with profile.session() as s:
        for item, (title, cat, _k, _l) in zip(report.imported, ITEMS, strict=True):
            X.edit_exhibit(
                s,
                item.exhibit_id,
                title=title,
                category=cat,
                purpose="证明平台已扣款但未交付" if cat == "non_delivery" else "",
            )
    return case_id
