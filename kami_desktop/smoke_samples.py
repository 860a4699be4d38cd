"""The inputs the frozen build's self-test (``smoke``) makes for itself: a phone screenshot drawn with
Pillow, a small Alipay export and a short video encoded with PyAV, so the test needs no files beside
the program."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def make_screenshot(path: Path) -> Path:
    """A phone-sized 'payment succeeded' screenshot drawn with Pillow (no font needed)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (390, 844), (245, 245, 245))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 390, 90), fill=(22, 119, 255))
    d.ellipse((145, 170, 245, 270), fill=(82, 196, 26))
    d.line((170, 222, 190, 242, 222, 200), fill=(255, 255, 255), width=9)
    for i, y in enumerate(range(330, 620, 48)):
        d.rectangle((30, y, 360 - 40 * (i % 3), y + 20), fill=(200, 200, 200))
    d.rounded_rectangle((30, 720, 360, 780), radius=12, fill=(22, 119, 255))
    img.save(path, format=path.suffix.lstrip(".").upper().replace("JPG", "JPEG"))
    return path


OCR_LINES = ("订单号 KM2026052821140311", "实付金额 ¥1798.00", "充值状态 未到账")


def make_ocr_screenshot(path: Path) -> Path:
    """An order page with Chinese text drawn in the bundled serif font, for the OCR step."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from kami_desktop.core.util.cjkfont import serif_bytes

    font = ImageFont.truetype(io.BytesIO(serif_bytes("Regular")), 40)
    img = Image.new("RGB", (900, 400), (246, 246, 246))
    d = ImageDraw.Draw(img)
    for i, text in enumerate(OCR_LINES):
        d.text((40, 50 + 100 * i), text, font=font, fill=(25, 25, 25))
    img.save(path)
    return path


ALIPAY_HEADER = [
    "交易时间",
    "交易分类",
    "交易对方",
    "对方账号",
    "商品说明",
    "收/支",
    "金额",
    "收/付款方式",
    "交易状态",
    "交易订单号",
    "商家订单号",
    "备注",
]


def make_alipay_bill(path: Path) -> Path:
    """A small Alipay app export (2026 layout, GBK, CRLF) with payments to one platform and a refund."""
    order = "2026030122001155711407540"
    rows = [
        (
            "2026-03-05 09:00:00",
            "退款",
            "星辰卡盟",
            "star***@163.com",
            "退款-点卡充值200元",
            "不计收支",
            "30.00",
            "招商银行储蓄卡(8705)",
            "退款成功",
            order + "004_2026030510001",
            "T200P004",
        ),
        (
            "2026-03-04 21:10:00",
            "充值缴费",
            "星辰卡盟",
            "star***@163.com",
            "点卡充值200元",
            "支出",
            "200.00",
            "招商银行储蓄卡(8705)",
            "交易成功",
            order + "004",
            "T200P004",
        ),
        (
            "2026-03-01 10:00:00",
            "充值缴费",
            "星辰卡盟",
            "star***@163.com",
            "点卡充值100元",
            "支出",
            "100.00",
            "账户余额",
            "交易成功",
            order + "001",
            "T200P001",
        ),
    ]
    lines = [
        "-" * 84,
        "导出信息：",
        "姓名：张三",
        "支付宝账户：zhang***@163.com",
        "起始时间：[2026-03-01 00:00:00]    终止时间：[2026-03-31 23:59:59]",
        "导出交易类型：[全部]",
        "导出时间：[2026-04-01 09:12:52]",
        f"共{len(rows)}笔记录",
        "收入：0笔 0.00元",
        "支出：2笔 300.00元",
        "不计收支：1笔 30.00元",
        "",
        "特别提示：",
        "1.本明细仅供个人对账使用。",
        "",
        "------------------------支付宝支付科技有限公司  电子客户回单------------------------",
        "".join(h + "," for h in ALIPAY_HEADER),
    ]
    for *cells, order_no, merchant in rows:
        lines.append("".join(c + "," for c in cells) + order_no + "\t," + merchant + "\t,,")
    path.write_bytes("".join(line + "\r\n" for line in lines).encode("gbk"))
    return path


# flat "pages" whose brightness differs too (frames are compared in grayscale)
SCENES = [(20, 20, 40), (170, 30, 30), (40, 140, 60), (120, 170, 250), (240, 200, 40), (245, 245, 245)]


def make_video(
    path: Path,
    seconds: float = 3.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 10,
    *,
    scenes: int = 6,
    created: str = "2025-03-12T12:30:45.000000Z",
    gop: int | None = None,
    fmt: str | None = None,
    codec: str | None = None,
    scrolling: bool = True,
) -> Path:
    """A short screen-recording-like video made with PyAV: ``scenes`` flat colour 'pages' one after the
    other, a white mark moving down (unless not ``scrolling``), ``created`` as the container's
    creation_time (H.264 in MP4/MOV by default, VP8 for WebM)."""
    import av
    from PIL import Image, ImageDraw

    fmt = fmt or {".webm": "webm", ".mov": "mov", ".3gp": "3gp"}.get(path.suffix.lower(), "mp4")
    if codec is None:
        codec = "libvpx" if fmt == "webm" else "libx264" if "libx264" in av.codecs_available else "mpeg4"
    w, h = size
    total = max(1, round(seconds * fps))
    with av.open(str(path), "w", format=fmt) as out:
        if created:
            out.metadata["creation_time"] = created
        stream: Any = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        if gop:
            stream.codec_context.gop_size = gop
        for i in range(total):
            im = Image.new("RGB", (w, h), SCENES[(i * scenes // total) % len(SCENES)])
            d = ImageDraw.Draw(im)
            if scrolling:
                y = (i * 7) % max(1, h - 6)
                d.rectangle((0, y, w // 2, y + 6), fill=(255, 255, 255))  # a scroll mark moving down
            d.rectangle(
                (10, 10, 10 + (i * scenes // total + 1) * 20, 30), fill=(0, 0, 0)
            )  # the "page number"
            frame = av.VideoFrame.from_image(im)
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
