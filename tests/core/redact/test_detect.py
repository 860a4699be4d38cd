"""Each detector with valid and invalid numbers, the user's own name and address, order numbers on
request; and the box of a span within its OCR line."""

from __future__ import annotations

import pytest

from kami_desktop.core.case.parties import check_id_number
from kami_desktop.core.legal.private_data import (
    Personal,
    card_number_ok,
    find_private,
    id_number_ok,
    luhn_ok,
    mask_text,
)
from kami_desktop.core.ocr.model import OcrLine
from kami_desktop.core.redact.detect import detect_page, span_box
from tests.core.redact.shots import ADDRESS, CARD, EMAIL, ID_NUMBER, NAME, ORDER, PHONE, draw_rows, page

ME = Personal(name=NAME, address=ADDRESS, phone="13900001111", id_number="")


def kinds(text: str, personal: Personal | None = None, **kw) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in find_private(text, personal, **kw)]


def test_id_numbers_need_the_gb11643_check_character_and_a_birth_date():
    assert id_number_ok(ID_NUMBER) and check_id_number(ID_NUMBER).valid  # one check, two callers
    assert id_number_ok("11010519491231002X") and id_number_ok("11010519491231002x")
    wrong_check = ID_NUMBER[:17] + ("2" if ID_NUMBER[17] != "2" else "3")
    assert not id_number_ok(wrong_check) and not check_id_number(wrong_check).valid
    assert not id_number_ok("330106199013320011")  # month 13
    assert kinds(f"身份证号：{ID_NUMBER}") == [("id_number", ID_NUMBER)]
    # a misread check character still looks like an ID number (region code and a real birth date)
    assert kinds(f"身份证{wrong_check}") == [("id_suspect", wrong_check)]
    spaced = f"{ID_NUMBER[:6]} {ID_NUMBER[6:14]} {ID_NUMBER[14:]}"  # as OCR may read a card's groups
    assert kinds(f"公民身份号码 {spaced}") == [("id_number", spaced)]
    assert mask_text(spaced) == "330106********0011"
    # 18 digits without a birth date are no ID number (and fail Luhn: not a card either)
    assert kinds("编号 123456789012345678") == []


def test_bank_cards_need_16_to_19_digits_passing_luhn():
    assert luhn_ok("4111111111111111") and card_number_ok(CARD)
    bad = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    assert not card_number_ok(bad) and kinds(f"卡号{bad}") == []
    assert kinds(f"银行卡：{CARD}") == [("card", CARD)]
    spaced = " ".join(CARD[i : i + 4] for i in range(0, len(CARD), 4))
    assert kinds(f"卡号 {spaced} 储蓄卡") == [("card", spaced)]
    assert not card_number_ok("411111111111111")  # 15 digits, too short
    assert kinds("4111111111111111") == [("card", "4111111111111111")]


def test_mobile_numbers_and_email_addresses():
    assert kinds(f"手机号：{PHONE}") == [("phone", PHONE)]
    assert kinds("电话 +86 138-1234-5678。") == [("phone", "+86 138-1234-5678")]
    assert kinds("固话 12345678901 和 0571-88888888") == []  # 12… is no mainland mobile prefix
    assert kinds("订单号 213812345678") == []  # a longer number is not a phone inside it
    assert kinds(f"邮箱：{EMAIL}，或 a.b-c@mail.example.com.cn") == [
        ("email", EMAIL),
        ("email", "a.b-c@mail.example.com.cn"),
    ]
    assert kinds("发送至 @客服 或 user@localhost") == []


def test_the_users_own_name_and_address_from_the_self_party():
    assert kinds(f"收货人：{NAME} 收货地址：{ADDRESS}", ME) == [("name", NAME), ("address", ADDRESS)]
    # OCR splits a long address over two lines: each piece of 6+ characters is found
    assert kinds("浙江省杭州市西湖区", ME) == [("address", "浙江省杭州市西湖区")]
    assert kinds("文三路100号 3楼", ME) == [("address", "文三路100号")]
    assert kinds("杭州市", ME) == []  # too short a piece to be the user's address
    # the recorded phone is found however it is written elsewhere in the case
    assert kinds("联系人电话13900001111", ME) == [("phone", "13900001111")]
    # without a 本人 party, the name is not looked for
    assert kinds(f"收货人：{NAME}") == []


def test_order_numbers_only_when_asked_and_keep_their_last_4():
    assert kinds(f"订单号：{ORDER}") == []
    [(kind, covered)] = kinds(f"订单号：{ORDER}", orders=True)
    assert kind == "order" and covered == ORDER[:-4]
    assert kinds("时间 2025-03-01 12:00", orders=True) == []


def test_text_masking_is_the_same_rules():
    text = f"{NAME}，手机{PHONE}，身份证{ID_NUMBER}，卡{CARD}，邮箱{EMAIL}，住{ADDRESS}，订单{ORDER}"
    out = mask_text(text, ME, orders=True)
    for private in (NAME, PHONE, ID_NUMBER, CARD, EMAIL, "文三路", ORDER):
        assert private not in out, private
    assert "138****5678" in out and "330106********0011" in out and f"****{CARD[-4:]}" in out
    assert "***@qq.com" in out and "（地址略）" in out and "****0003" in out and out.startswith("本人，")


def test_a_span_box_sits_within_its_line_and_covers_the_drawn_digits():
    im, lines = draw_rows()
    phone_line = next(ln for ln in lines if PHONE in ln.text)
    start = phone_line.text.index(PHONE)
    b = span_box(phone_line, start, start + len(PHONE))
    left, top, right, bottom = phone_line.bbox
    assert b.x > left + 60  # the label 手机号： is left alone
    assert b.x <= left + (right - left) * 0.45 and b.right >= right  # the digits are covered, padded
    assert b.y < top and b.bottom > bottom
    # every dark pixel of the digits lies inside the box
    label_end = left + 4 * 30  # four CJK glyphs of 30 px
    dark = [
        (x, y)
        for x in range(int(label_end) + 8, int(right))
        for y in range(int(top), int(bottom))
        if im.getpixel((x, y))[0] < 128
    ]
    assert dark and all(b.x <= x < b.right and b.y <= y < b.bottom for x, y in dark)


def test_detect_page_scales_to_the_image_and_clamps_and_says_what_it_skipped():
    line = OcrLine(f"手机{PHONE}", ((610, 10), (715, 10), (715, 40), (610, 40)), 0.9)
    p = page("0" * 64, [line], size=(720, 520))
    found = detect_page(p, None, size=(720, 520))
    [b] = found.boxes
    assert b.right == 720 and b.kind == "phone" and b.reason == "手机号"  # padded past the edge: clamped
    assert any("没有登记“本人”信息" in n for n in found.notes)
    doubled = detect_page(p, None, size=(1440, 1040)).boxes[0]
    assert doubled.y == pytest.approx(2 * b.y, abs=2)
    partial = detect_page(p, Personal(name=NAME), size=(720, 520))
    assert partial.notes == ["本人信息中未填写住址：未查找。"]
