"""Two overlapping exports of one Alipay account in one binder: each export printed whole, each transaction
counted once (the later bill's annotation says which rows the earlier one counts), the claim stated once."""

from __future__ import annotations

import re

import pymupdf

from kami_desktop.core.bills.money import add_claim, case_money
from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.dossier.build import build_dossier
from tests.core.bills.bill_fixtures import alipay_app_csv
from tests.core.claims.scenario import CARD_ORDER, NET, ORDER, PAID, PLATFORM, REFUNDED, platform_rows

from .cases import options


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_two_overlapping_bills_print_each_transaction_and_each_total_once(profile, tmp_path):
    rows = platform_rows()
    early = [r for r in rows if r.time < "2025-03-06"]  # 03-01 … 03-05
    late = [r for r in rows if r.time >= "2025-03-04"]  # 03-04 … 03-10: 03-04 and 03-05 in both
    with profile.session() as s:
        case_id = create_case(s, "某某卡盟充值扣款纠纷", platform_name=PLATFORM).id
    paths = []
    for name, part in (("支付宝交易明细(0301-0305).csv", early), ("支付宝交易明细(0304-0310).csv", late)):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(alipay_app_csv(part))
    first, second = (import_bill(profile, case_id, p) for p in paths)
    with profile.session() as s:
        money = case_money(s, case_id)
        assert (money.recon.paid, money.recon.refunded, money.net_paid) == (PAID, REFUNDED, NET)
        assert money.recon.duplicates == 2
        card = next(r.bill_row_id for r in money.recon.rows if r.transaction.order_id == CARD_ORDER)
        add_claim(s, case_id, "已付款未交付的订单", bill_row_ids=[card], description="点卡未到账")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    by_id = {x.exhibit_id: x for x in result.exhibits}

    def exhibit_text(exhibit_id: int) -> str:
        x = by_id[exhibit_id]
        return flat("".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1)))

    a, b = exhibit_text(first.exhibit_id), exhibit_text(second.exhibit_id)
    whole = flat("".join(p.get_text() for p in doc))
    shared = ORDER + "002"  # 798.00 on 03-05: in both exports, each printed whole
    assert shared in a and shared in b
    assert "与本案另一份账单中的同一笔交易重复，只在另一份账单中计算一次" in b  # counted once
    assert whole.count("请求返还的本金合计人民币350.00元") == 1
    assert "主张金额依据" not in whole


def test_the_annotation_names_the_claim_items_each_row_supports(profile, tmp_path):
    """The 对账说明（标注版） ties rows to the claim: a 支持的主张项 column and a closing list, numbered as
    the binder's 主张金额 page numbers the items; a bill with no claimed row names none."""
    with profile.session() as s:
        case_id = create_case(s, "某某卡盟充值扣款纠纷", platform_name=PLATFORM).id
    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(alipay_app_csv(platform_rows()))
    bill = import_bill(profile, case_id, path)
    with profile.session() as s:
        money = case_money(s, case_id)
        card = next(r for r in money.recon.rows if r.transaction.order_id == CARD_ORDER)
        add_claim(s, case_id, "已付款未交付的订单", bill_row_ids=[card.bill_row_id], description="点卡未到账")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.exhibit_id == bill.exhibit_id)
    text = flat("".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1)))
    assert "支持的主张项" in text
    assert "本账单支持的主张项" in text and "1.主张项1（已付款未交付的订单）¥350.00" in text
    whole = flat("".join(p.get_text() for p in doc))
    assert "主张项1" in whole.split("本账单支持的主张项")[0]  # the row's own cell names it too
