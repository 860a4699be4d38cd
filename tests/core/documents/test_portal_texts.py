"""12315 and 黑猫 texts that fit their forms, on a realistic big case: every field within its limit, numeric
fields plain, a short 问题描述 with no binder references or transaction numbers, 订单号 of the disputed
orders only, 购买时间 from the claim items, numbers masked on the public site, a warning for every cut."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from kami_desktop.core.case.facts import add_fact
from kami_desktop.core.case.suggestions import accept_suggestion, suggest_facts
from kami_desktop.core.documents import generate
from kami_desktop.core.documents.portal import mask_number, plain_amount, without_numbers, without_refs
from kami_desktop.core.legal.data import load_limits
from kami_desktop.core.store.model import BillRow
from tests.core.claims.scenario import CARD_ORDER, ORDER, claim_the_loss, make_case
from tests.core.documents.conftest import docx_tables, pdf_flat
from tests.helpers import kami_json

LONG = re.compile(r"\d{16,}")


@pytest.fixture
def big(profile, tmp_path):
    """The 837.50 case with every suggestion accepted and a long history of chat facts (about 40)."""
    made = make_case(profile, tmp_path / "src")
    with profile.session() as s:
        claim_the_loss(s, made)
        for x in suggest_facts(s, made.case_id):
            accept_suggestion(s, made.case_id, x.origin)
        first = s.get(BillRow, made.rows[CARD_ORDER])
        card_order = (first.merchant_order_id or first.order_id).strip()
        for i in range(36):
            add_fact(
                s,
                made.case_id,
                first.time + timedelta(days=3, hours=i),
                "refund_request",
                f"本人第{i + 1}次联系平台客服要求退还余额，交易单号 {ORDER}{i % 10:03d}，客服未予处理（见证据{i % 9 + 1}）",
                exhibit_ids=[made.chat_exhibit],
            )
    return made, card_order


def fields(path) -> dict[str, list[str]]:
    out = {}
    for table in docx_tables(path)[:3]:  # the field tables (the attachment list follows)
        for row in table[1:]:
            if len(row) == 4 and row[0].isdigit():
                out[row[1]] = row[1:]
            elif len(row) == 3 and row[0] != "页面字段":
                out[row[0]] = row
    return out


def within(row: list[str]) -> None:
    text, count = row[1], row[2]
    used, limit = count.split(" / ")
    assert int(used) == len(text), row
    if limit != "未确认":
        assert len(text) <= int(limit), row


def test_12315_fields_fit_on_a_big_case(profile, big, tmp_path):
    made, card_order = big
    doc = generate(profile, made.case_id, "complaint-12315", tmp_path, "both")
    by = fields(doc.paths[0])
    for row in by.values():
        within(row)
    limits = load_limits()
    assert len(by["问题描述"][1]) <= limits.field_max_chars("12315", "问题描述") == 500
    assert by["金额（元）"][1] == "837.50" and re.fullmatch(r"\d+\.\d{2}", by["金额（元）"][1])
    assert by["订单号"][1] == card_order  # the disputed order only, not every top-up
    assert (
        by["购买/消费时间"][1] == "2025年3月8日"
    )  # the earliest disputed item (the card), not the first top-up
    desc = by["问题描述"][1]
    assert "见证据" not in desc and not LONG.search(desc) and "837.50元" in desc
    assert "已付款未交付的订单350.00元" in desc and "被扣除的余额（自动续费）487.50元" in desc
    text = pdf_flat(doc.paths[1])
    story = text[text.index("事实经过") : text.index("四、附件")]
    assert "见证据" not in text and not LONG.search(story) and "第36次联系平台客服" in story


def test_heimao_masks_numbers_and_warns_when_cut(profile, big, tmp_path):
    made, card_order = big
    doc = generate(profile, made.case_id, "heimao", tmp_path, "both")
    by = fields(doc.paths[0])
    for name in ("投诉要求", "涉诉金额", "标题", "详细描述"):
        within(by[name])
    assert by["涉诉金额"][1] == "837.50"
    assert by["标题"][1] == "某某卡盟扣款不退，要求退款837.50元"  # the long title gives way to a short one
    body = by["详细描述"][1]
    assert 400 < len(body) <= 500  # the long history was cut (whole facts dropped) to the default limit
    assert body.startswith("本人在“某某卡盟”平台充值预付余额后") and "837.50元" in body
    assert any("“详细描述”超过500字上限" in w for w in doc.warnings)
    assert not LONG.search(body) and "见证据" not in body
    assert mask_number(ORDER + "000") in body  # '****0000': the last 4 digits kept
    text = pdf_flat(doc.paths[1])
    for private in ("330106199005120018", "13812345678", "文三路100号", "张三", ORDER):
        assert private not in text, private


def test_the_trim_warning_reaches_the_cli(profile, big, tmp_path):
    made, _ = big
    profile.close()
    out = kami_json(
        "doc",
        "generate",
        "--case",
        str(made.case_id),
        "--kind",
        "heimao",
        "--out",
        str(tmp_path / "o"),
        data_dir=profile.data_dir,
    )
    assert any("“详细描述”超过500字上限" in w for w in out["warnings"])


def test_helpers():
    from decimal import Decimal

    assert plain_amount(Decimal("1798")) == "1798.00" and plain_amount(Decimal("12345.6")) == "12345.60"
    assert mask_number("2025030122001155711407540003") == "****0003"
    assert without_refs("客服拒绝退款（见证据3、证据11）。") == "客服拒绝退款。"
    assert without_numbers("付款 ¥500.00，交易单号 2025030122001155711407540001") == "付款 ¥500.00"


def test_order_numbers_are_kept_whole_and_a_cut_is_warned():
    from kami_desktop.core.documents.portal import numbers_field
    from kami_desktop.core.legal.data import Limits

    limits = Limits({"12315": {"fields": {"订单号": {"max_chars": 60}}}})
    warnings: list[str] = []
    orders = [f"KM2025030800{i}" for i in range(10)]  # 13 characters each
    got = numbers_field(limits, "12315", "订单号", orders, warnings)
    assert got.text == "、".join(orders[:4]) and len(got.text) <= 60 and got.count == f"{len(got.text)} / 60"
    assert warnings == ["“订单号”上限60字，只填入了4个订单号，另有6个未填入（见问题描述或附件），请核对。"]
    quiet: list[str] = []
    assert (
        numbers_field(limits, "12315", "订单号", orders[:2], quiet).text == "、".join(orders[:2])
        and quiet == []
    )
