"""Generated phone screenshots with known text for the OCR bench, and how a reading is scored.

Four kinds of page at phone resolution (1170×2532 or 1080×2400), drawn with the bundled CJK font: an
order page, a payment result, a customer-service chat and a rules page. Every page knows the rows of
text it shows and the amounts, order/transaction numbers and phone numbers on it; small grey print (30 px
at 1170 wide: chat times, hotlines, footers) sits beside the body text. Every third page is saved as JPEG at quality 70–85 (artefacts around the strokes), the others as PNG.

Scoring: the character error rate is the edit distance between the rows read (OCR lines grouped into
rows as ``core.triage.extract`` groups them) and the rows drawn, over the characters drawn, with spaces
dropped and text NFKC-normalised (￥ reads as ¥, full-width digits and colons as ASCII). Fields are found
in what was read by ``core.triage.extract`` (what the product itself would take from the page).
"""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

SIZES = ((1170, 2532), (1080, 2400))
KINDS = ("order", "payment", "chat", "rules")
INK, GREY, WHITE, PAGE = (25, 25, 25), (120, 120, 120), (255, 255, 255), (242, 242, 242)

SHOPS = ("星辰游戏充值中心", "云端数码旗舰店", "快充卡券专营店", "乐享会员官方店", "极速点卡商城")
GOODS = ("王者点券 6480 点", "视频会员年卡", "话费充值 500 元面值", "游戏月卡 12 个月", "流量加油包 30G")
STATUS = ("充值状态 未到账", "订单状态 处理中", "充值状态 充值失败", "订单状态 订单异常")
RULES = (
    "第一条 用户在本平台购买的虚拟商品一经发货不支持无理由退货",
    "第二条 因平台原因导致充值未到账的用户可申请全额退款",
    "第三条 平台应在用户申请之日起七个工作日内处理退款",
    "第四条 用户应妥善保管账号密码因个人原因造成的损失由用户承担",
    "第五条 卡密一经售出平台不对二次转售产生的纠纷负责",
    "第六条 本规则的解释权归平台所有但不得排除消费者的法定权利",
    "第七条 平台收取的服务费在订单取消后应一并退还",
    "第八条 双方发生争议时可向平台所在地人民法院提起诉讼",
)
CHAT_ME = (
    "你好，我的订单号是 {order}",
    "付了 ¥{amount} 到现在还没到账",
    "已经等了三天了，请尽快处理",
    "我的联系电话 {phone}",
    "如果今天不处理我就去投诉了",
)
CHAT_THEM = (
    "亲，您好，这边帮您查询一下",
    "系统显示订单正在处理中请耐心等待",
    "退款会在七个工作日内原路返回",
    "给您带来不便非常抱歉",
)


@dataclass
class Page:
    """One generated screenshot: its rows of text (top to bottom) and the fields it shows."""

    name: str
    kind: str
    size: tuple[int, int]
    fmt: str  # PNG | JPEG
    quality: int
    rows: list[str] = field(default_factory=list)
    amounts: list[Decimal] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # order and transaction numbers
    phones: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.rows)


def _font(size: int):
    from PIL import ImageFont

    from kami_desktop.core.util.cjkfont import serif_bytes

    return ImageFont.truetype(io.BytesIO(serif_bytes("Regular")), size)


class _Canvas:
    def __init__(self, page: Page, bg=PAGE) -> None:
        from PIL import Image, ImageDraw

        self.page = page
        self.im = Image.new("RGB", page.size, bg)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = page.size
        self.s = self.w / 1170  # sizes are given for 1170 wide
        self.fonts: dict[int, object] = {}

    def font(self, px: int):
        px = round(px * self.s)
        if px not in self.fonts:
            self.fonts[px] = _font(px)
        return self.fonts[px]

    def row(self, y: int, left: str, right: str = "", px: int = 44, fill=INK, lfill=GREY, x: int = 60) -> int:
        """One row: text on the left (and a value right-aligned); returns the y of the next row."""
        f = self.font(px)
        self.d.text((x * self.s, y), left, font=f, fill=lfill if right else fill)
        if right:
            self.d.text(
                (self.w - 60 * self.s - self.d.textlength(right, font=f), y), right, font=f, fill=fill
            )
        self.page.rows.append(f"{left} {right}".strip())
        return y + round(px * self.s * 2.1)

    def status_bar(self, clock: str) -> int:
        self.d.rectangle((0, 0, self.w, 130 * self.s), fill=WHITE)
        f = self.font(40)
        self.d.text((70 * self.s, 45 * self.s), clock, font=f, fill=INK)
        self.d.text((self.w - 220 * self.s, 45 * self.s), "5G 87%", font=f, fill=INK)
        self.page.rows.append(f"{clock} 5G 87%")
        return round(170 * self.s)

    def card(self, y0: int, y1: int) -> None:
        self.d.rounded_rectangle((30 * self.s, y0 - 30 * self.s, self.w - 30 * self.s, y1), 24, fill=WHITE)


def _order_no(rng: random.Random) -> str:
    return "KM" + "".join(rng.choice("0123456789") for _ in range(16))


def _txn_no(rng: random.Random) -> str:
    return "42000" + "".join(rng.choice("0123456789") for _ in range(23))


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def _amount(rng: random.Random) -> Decimal:
    return (
        Decimal(rng.choice((6, 30, 98, 328, 500, 648, 1798, 2588)))
        + Decimal(rng.choice((0, 0, 50, 99))) / 100
    )


def _when(rng: random.Random) -> str:
    return f"2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"


def _draw_order(c: _Canvas, rng: random.Random) -> None:
    p = c.page
    y = c.status_bar(f"{rng.randint(10, 23)}:{rng.randint(10, 59)}")
    y = c.row(y + 20, "订单详情", px=56, x=420)
    order, amount, phone = _order_no(rng), _amount(rng), _phone(rng)
    c.card(y + 40, y + 40 + 9 * round(44 * c.s * 2.1) + 40)
    y = c.row(y + 60, rng.choice(STATUS), px=48)
    y = c.row(y, "店铺", rng.choice(SHOPS))
    y = c.row(y, "商品", rng.choice(GOODS))
    y = c.row(y, "订单号", order)
    y = c.row(y, "实付金额", f"¥{amount:.2f}")
    y = c.row(y, "下单时间", _when(rng))
    y = c.row(y, "支付方式", rng.choice(("微信支付", "支付宝", "银行卡")))
    y = c.row(y, "充值账号", phone)
    y = c.row(y, "数量", f"x{rng.randint(1, 3)}")
    y = c.row(y + 80, "如有疑问请联系在线客服", px=38, x=300)
    y = c.row(y + 20, "客服热线 400-820-8820 工作时间 9:00-21:00", px=30, fill=GREY, x=250)
    p.amounts.append(amount)
    p.numbers.append(order)
    p.phones.append(phone)


def _draw_payment(c: _Canvas, rng: random.Random) -> None:
    p = c.page
    y = c.status_bar(f"{rng.randint(10, 23)}:{rng.randint(10, 59)}")
    amount, order, txn = _amount(rng), _order_no(rng), _txn_no(rng)
    y = c.row(y + 60, "支付成功", px=60, x=440)
    y = c.row(y + 20, f"-{amount:,.2f}", px=80, x=360)
    c.card(y + 40, y + 40 + 7 * round(44 * c.s * 2.1) + 40)
    y = c.row(y + 60, "收款方", rng.choice(SHOPS))
    y = c.row(y, "支付时间", _when(rng))
    y = c.row(y, "支付方式", rng.choice(("零钱", "招商银行储蓄卡", "余额宝")))
    y = c.row(y, "交易单号", "")
    y = c.row(y, txn, px=40, fill=INK)
    y = c.row(y, "商户单号", order)
    y = c.row(y + 60, "对此订单有疑问 联系商家", px=38, x=330)
    y = c.row(y + 20, "本服务由第三方支付机构提供", px=30, fill=GREY, x=380)
    p.amounts.append(amount)
    p.numbers.extend([txn, order])


def _draw_chat(c: _Canvas, rng: random.Random) -> None:
    p = c.page
    y = c.status_bar(f"{rng.randint(10, 23)}:{rng.randint(10, 59)}")
    y = c.row(y + 20, rng.choice(SHOPS) + " 客服", px=48, x=300)
    order, amount, phone = _order_no(rng), _amount(rng), _phone(rng)
    fields = {"order": order, "amount": f"{amount:.2f}", "phone": phone}
    y += 40
    mine = list(CHAT_ME)
    theirs = list(CHAT_THEM)
    f = c.font(44)
    for k in range(9):
        if k in (0, 5):  # the small grey time above a turn of the chat
            stamp = (
                f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日 {rng.randint(10, 23)}:{rng.randint(10, 59)}"
            )
            y = c.row(y, stamp, px=30, fill=GREY, x=round(c.w / c.s / 2 - 110)) - round(20 * c.s)
        me = k % 2 == 0 and mine
        text = (mine.pop(0) if me else theirs.pop(rng.randrange(len(theirs))) if theirs else "好的").format(
            **fields
        )
        tw = c.d.textlength(text, font=f)
        x0 = c.w - 170 * c.s - tw - 60 * c.s if me else 170 * c.s
        c.d.rounded_rectangle(
            (x0, y, x0 + tw + 60 * c.s, y + 110 * c.s), 18, fill=(149, 236, 105) if me else WHITE
        )
        c.d.text((x0 + 30 * c.s, y + 30 * c.s), text, font=f, fill=INK)
        p.rows.append(text)
        y += round(170 * c.s)
        if y > c.h - 300 * c.s:
            break
    p.amounts.append(amount)
    p.numbers.append(order)
    p.phones.append(phone)


def _draw_rules(c: _Canvas, rng: random.Random) -> None:
    p = c.page
    y = c.status_bar(f"{rng.randint(10, 23)}:{rng.randint(10, 59)}")
    y = c.row(y + 20, "用户充值服务协议", px=56, x=330)
    fee = _amount(rng)
    rules = list(RULES)
    rng.shuffle(rules)
    rules.insert(3, f"第九条 每笔退款收取手续费 ¥{fee:.2f}")
    per_line = int((c.w - 120 * c.s) // (42 * c.s)) - 1
    for rule in rules:
        for i in range(0, len(rule), per_line):
            y = c.row(y, rule[i : i + per_line], px=42)
        y += round(20 * c.s)
        if y > c.h - 200 * c.s:
            break
    c.row(
        max(y, round(c.h - 260 * c.s)),
        f"本协议最近更新于 2025年{rng.randint(1, 9)}月{rng.randint(10, 28)}日",
        px=30,
        fill=GREY,
    )
    p.amounts.append(fee)


DRAW = {"order": _draw_order, "payment": _draw_payment, "chat": _draw_chat, "rules": _draw_rules}


def make_page(i: int, path_dir: Path | None = None) -> tuple[Page, object]:
    """Page number ``i`` (deterministic): its ground truth, and the image (saved under ``path_dir``)."""
    rng = random.Random(1000 + i)
    kind = KINDS[i % len(KINDS)]
    size = SIZES[(i // len(KINDS)) % len(SIZES)]
    fmt, quality = ("JPEG", 70 + (i * 7) % 16) if i % 3 == 1 else ("PNG", 0)
    page = Page(f"ocrbench_{i:02d}_{kind}.{fmt.lower().replace('jpeg', 'jpg')}", kind, size, fmt, quality)
    canvas = _Canvas(page)
    DRAW[kind](canvas, rng)
    if path_dir is not None:
        path_dir.mkdir(parents=True, exist_ok=True)
        out = path_dir / page.name
        if fmt == "JPEG":
            canvas.im.save(out, "JPEG", quality=quality)
        else:
            canvas.im.save(out, "PNG", compress_level=1)
    return page, canvas.im


def corpus(n: int, folder: Path) -> list[tuple[Page, Path]]:
    return [(page, folder / page.name) for page, _im in (make_page(i, folder) for i in range(n))]


# ---------------------------------------------------------------------------- scoring
def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).replace("￥", "¥").split())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def read_rows(lines) -> list[str]:
    """OCR lines as the rows a reader sees (top to bottom, left to right within a row)."""
    from kami_desktop.core.triage.extract import rows_from_lines

    return [r.text for r in rows_from_lines(lines, 0)]


def fields_found(rows: list[str]) -> tuple[set[Decimal], set[str], set[str]]:
    """Amounts, order/transaction numbers and phone numbers that ``core.triage.extract`` takes."""
    from kami_desktop.core.triage.extract import AMOUNT, ORDER_NO, PHONE, TXN_NO, extract_text

    ex = extract_text("\n".join(rows))
    return (
        {f.value for f in ex.of(AMOUNT)},
        {f.value for f in ex.found if f.kind in (ORDER_NO, TXN_NO)},
        {f.value for f in ex.of(PHONE)},
    )


@dataclass
class Score:
    chars: int = 0
    errors: int = 0
    fields: int = 0
    found: int = 0  # by core.triage.extract
    in_text: int = 0  # present in the text read (spaces dropped), whatever extract makes of it
    missed: list[str] = field(default_factory=list)

    @property
    def cer(self) -> float:
        return self.errors / max(1, self.chars)

    def add(self, page: Page, rows: list[str]) -> tuple[int, int]:
        truth, got = norm("".join(page.rows)), norm("".join(rows))
        errors = edit_distance(truth, got)
        self.chars += len(truth)
        self.errors += errors
        amounts, numbers, phones = fields_found(rows)
        for want, have in (
            *((a, a in amounts) for a in page.amounts),
            *((n, n in numbers) for n in page.numbers),
            *((ph, ph in phones) for ph in page.phones),
        ):
            self.fields += 1
            self.found += bool(have)
            self.in_text += norm(str(want)) in got.replace(",", "")
            if not have:
                self.missed.append(f"{page.name}: {want}")
        return errors, len(truth)
