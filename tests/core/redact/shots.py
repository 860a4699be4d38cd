"""Screenshots drawn with the bundled CJK font, their OCR lines placed by the drawing itself, and the
case pieces the masked-copy tests share."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kami_desktop.core.legal.private_data import id_check_char, luhn_ok
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.util.cjkfont import serif_path

ID17 = "33010619900512001"
ID_NUMBER = ID17 + id_check_char(ID17)  # 330106199005120011
CARD = next(c for c in ("622202020011223344" + str(d) for d in range(10)) if luhn_ok(c))
PHONE = "13812345678"
EMAIL = "liming88@qq.com"
ORDER = "2025030122001155711407540003"
NAME = "李明"
ADDRESS = "浙江省杭州市西湖区文三路100号"

ROWS = (
    "订单详情",
    f"收货人：{NAME}",
    f"手机号：{PHONE}",
    f"身份证号：{ID_NUMBER}",
    f"银行卡：{CARD}",
    "商品：点卡充值100元",
    f"邮箱：{EMAIL}",
)
SIZE = (720, 520)
FONT_PX = 30


def font() -> ImageFont.FreeTypeFont:
    path = serif_path()
    assert path is not None, "the bundled font (make fonts)"
    return ImageFont.truetype(str(path), FONT_PX)


def draw_rows(
    rows: tuple[str, ...] = ROWS, size: tuple[int, int] = SIZE
) -> tuple[Image.Image, list[OcrLine]]:
    """The picture and, for each row, the OCR line an engine would give (the row's drawn box)."""
    im = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(im)
    f = font()
    lines = []
    for i, text in enumerate(rows):
        x, y = 30, 30 + i * 65
        d.text((x, y), text, font=f, fill=(20, 20, 20))
        left, top, right, bottom = d.textbbox((x, y), text, font=f)
        lines.append(OcrLine(text, ((left, top), (right, top), (right, bottom), (left, bottom)), 0.99))
    return im, lines


def shot(
    path: Path, rows: tuple[str, ...] = ROWS, fmt: str | None = None, **save
) -> tuple[Path, list[OcrLine]]:
    im, lines = draw_rows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format=fmt, **save)
    return path, lines


def page(sha256: str, lines: list[OcrLine], size: tuple[int, int] = SIZE) -> OcrPage:
    return OcrPage(sha256, 0, OK, "test-engine 1", size[0], size[1], tuple(lines))
