"""Every document states the claim as the principal of the claim items, item by item, never the net paid."""

from __future__ import annotations

import re

import pytest

from kami_desktop.core.documents.api import build_document
from kami_desktop.core.documents.context import load_context
from kami_desktop.core.documents.options import DocOptions
from tests.core.claims.scenario import claim_the_loss, make_case


@pytest.fixture
def ctx(profile, tmp_path):
    made = make_case(profile, tmp_path / "src")
    with profile.session() as s:
        claim_the_loss(s, made)
        return load_context(s, made.case_id)


def text_of(ctx, kind: str) -> str:
    built, _ = build_document(ctx, kind, DocOptions.parse({"date": "2025-05-06", "sent_on": "2025-03-25"}))
    return re.sub(r"\s+", "", built.doc.plain_text())


def test_the_context_carries_the_items_and_the_bills_as_context(ctx):
    assert str(ctx.claimed_amount) == "837.50"
    assert [(c.number, c.kind_label, str(c.claimed)) for c in ctx.claim_items] == [
        (1, "已付款未交付的订单", "350.00"),
        (2, "被扣除的余额（自动续费）", "487.50"),
    ]
    assert (str(ctx.paid), str(ctx.refunded)) == ("2148.00", "350.00") and ctx.money_warnings == []


@pytest.mark.parametrize("kind", ["lawsuit-elements", "complaint-12315", "heimao"])
def test_elements_12315_and_heimao_claim_837_50_by_items(ctx, kind):
    text = text_of(ctx, kind)
    assert "837.50" in text and "1,798.00" not in text and "被扣除的账户余额" not in text
    assert "已付款未交付的订单" in text and "被扣除的余额（自动续费）" in text
    assert "487.50" in text and "350.00" in text


def test_the_element_complaint_lists_the_items_that_add_up(ctx):
    text = text_of(ctx, "lawsuit-elements")
    assert "原告向平台付款（充值）合计2,148.00元，平台已退还350.00元" in text
    assert "以上2项合计837.50元（350.00＋487.50＝837.50）。" in text
    assert "（其中：已付款未交付的订单350.00元、被扣除的余额（自动续费）487.50元）" in text


def test_the_12315_demand_names_what_is_claimed(ctx):
    text = text_of(ctx, "complaint-12315")
    assert "要求经营者退还已付款未交付的订单350.00元、被扣除的余额（自动续费）487.50元，合计837.50元" in text
