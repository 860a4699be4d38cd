"""A tight binder, on the review case (12 phone screenshots, two long ones, headers of 1–3 lines, a bill,
a chat): header and first image share a page, continuation pages say 证据N（续） and never carry a
sliver, long screenshots are cut only where new rows have content, blank trailing rows are not printed."""

from __future__ import annotations

import re

import pymupdf
import pytest
from PIL import Image

from kami_desktop.core.dossier import images
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.layout import CONTENT, FOOTER_TOP
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.profile import Profile
from tests.core.bills.bill_fixtures import alipay_rows

from .cases import options
from .review_case import BLANK_TAIL, LONG, SPECS, make_review_case, phone_screenshot

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
FILES = {key: files for key, _, _, files in SPECS}
SLIVER = 0.05  # a continuation page carries at least 5 % of a page of content


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    prof = Profile.open(root / "profile")
    case = make_review_case(prof, root / "src")
    result = build_dossier(prof, case.case_id, options(root / "out"))
    doc = pymupdf.open(result.pdf)
    by_title = {x.title: x for x in result.exhibits}
    yield {key: by_title[title] for key, title in case.titles.items()}, doc, root / "src"
    doc.close()
    prof.close()


def _pages(doc, x) -> list[pymupdf.Page]:
    return [doc[p - 1] for p in range(x.first_page, x.last_page + 1)]


def _header_bottom(page: pymupdf.Page) -> float:
    """The rule under the exhibit header: the lowest full-width horizontal line above the content."""
    rules = [
        d["rect"].y0
        for d in page.get_drawings()
        if d["rect"].height < 1 and d["rect"].width > CONTENT.width * 0.95 and d["rect"].y0 < FOOTER_TOP - 10
    ]
    return max(rules)


def _content_height(page: pymupdf.Page, top: float) -> float:
    """The height of what is printed between ``top`` and the footer: images and text."""
    boxes = [r for img in page.get_images(full=True) for r in page.get_image_rects(img[0])]
    boxes += [pymupdf.Rect(b[:4]) for b in page.get_text("blocks")]
    boxes += [d["rect"] for d in page.get_drawings() if d.get("fill") and d["rect"].height > 2]
    ys = [(max(r.y0, top), min(r.y1, FOOTER_TOP - 4)) for r in boxes]
    ys = [(a, b) for a, b in ys if b > a]
    return max(b for _, b in ys) - min(a for a, _ in ys) if ys else 0.0


def test_pages_per_exhibit(review):
    xs, _, _ = review
    pages = {k: x.last_page - x.first_page + 1 for k, x in xs.items()}
    for key, files in FILES.items():
        if all(kind == "phone" for kind, _ in files):  # one page per screenshot, the first with the header
            assert pages[key] == len(files), (key, pages)
    assert pages["balance"] <= 3 and pages["renew"] <= 3  # 1170×6000 at 70 % of the width: three slices
    # measured on the code before: 24 pages for these exhibits (headers alone, a page per file); then 20
    # with the bill's header alone on a page; 19 with the header on the bill's sheet
    assert sum(pages.values()) <= 19, pages


def test_header_and_first_image_share_the_first_page(review):
    xs, doc, _ = review
    for key in FILES:
        first = doc[xs[key].first_page - 1]
        rule = _header_bottom(first)
        rects = [r for img in first.get_images(full=True) for r in first.get_image_rects(img[0])]
        assert rects and all(r.y0 > rule for r in rects), key
        assert max(r.height for r in rects) > 150, key  # a legible screenshot, not a thumbnail


def test_no_page_holds_only_a_header(review):
    xs, doc, _ = review
    for key, x in xs.items():
        if key == "bill":  # its header leads its first landscape sheet: see the next test
            continue
        first = doc[x.first_page - 1]
        below = _content_height(first, _header_bottom(first) + 2)
        assert below >= CONTENT.height * SLIVER, (key, below)
        if x.last_page > x.first_page:  # content continues: the first page was filled before moving on
            assert below > CONTENT.height * 0.25, (key, below)


def test_the_bill_header_and_its_first_rows_share_the_first_page(review):
    xs, doc, _ = review
    x = xs["bill"]
    pages = _pages(doc, x)
    # measured on the code before: 3 pages — the header alone on a portrait page, the sheet, the 对账说明
    assert len(pages) == 2, len(pages)
    first = pages[0]
    assert first.rotation == 90  # the landscape sheet of the bill itself
    text = first.get_text()
    assert re.search(rf"^证据{x.number}　支付宝账单$", text, re.M)
    assert "证明目的：" in text and "SHA-256" in text  # the whole header
    assert "账单原文" in text and "行号" in text
    rows = alipay_rows()
    assert rows[0].order in text  # and the bill's first row under it
    assert pages[-1].rotation == 0 and "对账说明（标注版）" in pages[-1].get_text()


def test_continuation_pages_say_which_exhibit_and_carry_real_content(review):
    xs, doc, _ = review
    for key, x in xs.items():
        pages = _pages(doc, x)
        assert f"证据{x.number}（续）" not in pages[0].get_text()
        for page in pages[1:]:
            if page.rotation:  # a landscape bill sheet: its own table heading says what it is
                continue
            head = page.get_text(
                "text", clip=pymupdf.Rect(CONTENT.x0, CONTENT.y0, CONTENT.x1, CONTENT.y0 + 14)
            )
            assert head.strip() == f"证据{x.number}（续）", (key, head)
            assert _content_height(page, CONTENT.y0 + 14) >= CONTENT.height * SLIVER, (key, page.number)


def _new_rows(texts: list[str]) -> list[tuple[int, int]]:
    """(first, last) original pixel rows each slice adds, from the slice captions."""
    spans = [tuple(map(int, re.search(r"原图像素行 (\d+)–(\d+)", t).groups())) for t in texts]
    out, seen = [], 0
    for a, b in spans:
        out.append((max(a, seen + 1), b))
        seen = b
    return out


def _has_content(path, rows: tuple[int, int]) -> bool:
    with Image.open(path) as im:
        band = im.convert("L").crop((0, rows[0] - 1, im.width, rows[1]))
        lo, hi = band.getextrema()
    return hi - lo > images.BLANK_SPREAD


def test_long_screenshots_are_cut_only_where_the_next_piece_has_content(review):
    xs, doc, src = review
    for key in ("balance", "renew"):
        x = xs[key]
        texts = [p.get_text() for p in _pages(doc, x)]
        assert len(texts) >= 2
        seed = FILES[key][0][1]
        for rows in _new_rows(texts):
            assert _has_content(src / f"{key}_{seed}.png", rows), (key, rows)
    last = _pages(doc, xs["balance"])[-1].get_text()
    shown = int(re.search(r"原图像素行 \d+–(\d+)", last).group(1))
    assert LONG[1] - BLANK_TAIL < shown < LONG[1]  # the blank rows are left off, a small margin kept
    assert f"末尾 {LONG[1] - shown} 行为空白，未打印" in last


def test_a_blank_tail_never_costs_a_page(profile, case_id, tmp_path):
    # content down to row 3400, then 2600 blank rows: printed whole it needs three pages, trimmed two
    src = phone_screenshot(tmp_path / "long.png", 21, LONG, blank_tail=2600)
    import_paths(profile, case_id, [src])
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    x = result.exhibits[0]
    doc = pymupdf.open(result.pdf)
    texts = [doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1)]
    assert len(texts) == 2 and "长截图第 2/2 段" in texts[1]
    assert "行为空白，未打印" in texts[1]


def test_a_sliver_of_rows_joins_the_page_before():
    full, s = 700.0, 0.28
    page_rows = int(full / s)
    overlap = max(1, round(images.OVERLAP / s))
    total = page_rows * 2 - overlap + 40  # 40 rows (≈11 pt) would go on a third page
    assert len(images._slices(full, full, s, total)) == 3
    s2, slices = images._plan(full, full, s, total, None)
    assert len(slices) == 2 and images.TAIL_SHRINK * s <= s2 < s and slices[-1][1] == total


def test_no_line_of_the_binder_starts_with_closing_punctuation(review):
    xs, doc, _ = review
    lines = []
    for x in xs.values():
        for page in _pages(doc, x):
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(span["text"] for span in line["spans"]).strip()
                    if text:
                        lines.append(text)
    assert len(lines) > 100
    assert not [t for t in lines if t[0] in "，。、；：？！）」』》"]
    assert not [t for t in lines if t[-1] in "（「『《"]
