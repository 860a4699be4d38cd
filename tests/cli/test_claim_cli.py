"""The 837.50 case end to end: bills imported, the claim built item by item with `kami claim`, then the
催告函, the 起诉状 and the binder all claim 837.50 and describe it by its items — never the 1,798.00 net
paid. Plus the JSON shape of `kami claim` and its bad input."""

from __future__ import annotations

import re

import pymupdf
import pytest

from kami_desktop.core.profile import Profile
from tests.cli.test_bill_cli import run
from tests.core.claims.scenario import CARD_ORDER, make_case
from tests.core.documents.conftest import docx_text
from tests.helpers import kami, run_tool


@pytest.fixture
def d(tmp_path):
    return tmp_path / "p"


@pytest.fixture
def made(d, tmp_path):
    with Profile.open(d) as prof:
        return make_case(prof, tmp_path / "src")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_837_50_from_items_to_letter_complaint_and_binder(capsys, d, made, tmp_path):
    case = str(made.case_id)
    listed = run(capsys, d, "bill", "counterparties", "--case", case)
    assert [c["name"] for c in listed["counterparties"] if c["selected"]] == ["某某卡盟"]
    assert listed["net"] == "1798.00"
    card = run(
        capsys, d, "claim", "add", "--case", case, "--kind", "已付款未交付的订单",
        "--bill-row", str(made.rows[CARD_ORDER]), "--description", "购买的350元点卡一直没有到账",
    )  # fmt: skip
    assert card["item"]["amount"] == "350.00" and card["item"]["on"] == "2025-03-08"
    assert card["item"]["bill_rows"] == [made.rows[CARD_ORDER]] and card["item"]["exhibits"] == [
        made.bill_exhibit
    ]
    renewal = run(
        capsys, d, "claim", "add", "--case", case, "--kind", "被扣除的余额", "--reason", "自动续费",
        "--amount", "４８７．５０", "--on", "2025-03-20",
        "--description", "平台未经同意为VIP会员自动续费，从余额中扣除",
        "--chat-message", str(made.renewal_message), "--exhibit", str(made.screenshot_exhibit),
    )  # fmt: skip
    assert renewal["item"]["amount"] == "487.50"
    listed = run(capsys, d, "claim", "list", "--case", case)
    assert [(i["kind"], i["kind_label"], i["amount"], i["refunded"], i["on"]) for i in listed["items"]] == [
        ("undelivered_order", "已付款未交付的订单", "350.00", "0.00", "2025-03-08"),
        ("deducted", "被扣除的余额（自动续费）", "487.50", "0.00", "2025-03-20"),
    ]
    assert sorted(listed["items"][1]["exhibits"]) == sorted([made.chat_exhibit, made.screenshot_exhibit])
    assert (listed["principal"], listed["net_paid"], listed["warnings"]) == ("837.50", "1798.00", [])
    applied = run(capsys, d, "claim", "apply", "--case", case)
    assert applied["claimed_amount"] == "837.50"
    assert run(capsys, d, "case", "show", case)["claimed_amount"] == "837.50"

    out = tmp_path / "docs"
    letter = run(capsys, d, "doc", "generate", "--case", case, "--kind", "demand", "--out", str(out),
                 "--sent-on", "2025-03-25", "--channel", "EMS")  # fmt: skip
    text = flat(docx_text(letter["files"][0]))
    assert "将上述款项合计人民币837.50元（大写：捌佰叁拾柒元伍角整）原路退还" in text
    assert (
        "1.2025年3月8日，已付款未交付的订单：购买的350元点卡一直没有到账，金额350.00元（见证据1）。" in text
    )
    assert (
        "2.2025年3月20日，被扣除的余额（自动续费）：平台未经同意为VIP会员自动续费，从余额中扣除，金额487.50元"
        in text
    )
    assert "以上2项合计837.50元（350.00＋487.50＝837.50）。" in text
    assert "1,798.00" not in text and "被扣除的账户余额" not in text

    complaint = run(capsys, d, "doc", "generate", "--case", case, "--kind", "lawsuit", "--out", str(out),
                    "--format", "pdf", "--date", "2025-05-06", "--court", "杭州互联网法院")  # fmt: skip
    pdf = flat(run_tool(["pdftotext", "-enc", "UTF-8", complaint["files"][0], "-"]).stdout)
    assert (
        "返还预付款人民币837.50元（大写：捌佰叁拾柒元伍角整）（其中：已付款未交付的订单350.00元、被扣除的余额（自动续费）487.50元）"
        in pdf
    )
    assert "以上2项合计837.50元（350.00＋487.50＝837.50）。" in pdf
    assert "向平台付款（充值）合计2,148.00元，平台已退还350.00元" in pdf and "其余960.50元" in pdf
    assert "1,798.00" not in pdf and "被扣除的账户余额" not in pdf

    binder = run(capsys, d, "dossier", "build", "--case", case, "--out", str(tmp_path / "binder"),
                 "--date", "2025-05-06", "--no-zip")  # fmt: skip
    doc = pymupdf.open(binder["pdf"])
    toc = {t: p for _, t, p in doc.get_toc()}
    page = flat(doc[toc["主张金额"] - 1].get_text())
    assert "请求返还的本金合计人民币837.50元，由以下2项组成" in page
    assert "已付款未交付的订单" in page and "被扣除的余额（自动续费）" in page
    assert "350.00" in page and "487.50" in page and "合计837.50" in page
    assert re.search(r"证据1第26行（第\d+(–\d+)?页）", page) and re.search(
        r"证据2（第\d+页）；证据3（第\d+页）", page
    )
    assert "净付款¥1,798.00；主张¥837.50（2项）" in page  # the net paid shown as context, not as the claim
    bill = next(e for e in binder["exhibits"] if e["exhibit_id"] == made.bill_exhibit)
    bill_text = flat("".join(doc[p - 1].get_text() for p in range(bill["first_page"], bill["last_page"] + 1)))
    # the bill is printed as exported (every row), then the plaintiff's annotation; the net paid is context only
    assert "对账说明（标注版）" in bill_text and "主张金额依据" not in bill_text


def test_claim_cli_shapes_and_bad_input(capsys, d, made):
    case = str(made.case_id)
    assert run(capsys, d, "claim", "apply", "--case", case, expect=2)["error"].startswith("本案还没有主张项")
    bad = run(capsys, d, "claim", "add", "--case", case, "--kind", "剩余余额", "--amount", "1,79",
              "--on", "2025-03-25", expect=2)  # fmt: skip
    assert "1,79" in bad["error"]
    nothing = run(capsys, d, "claim", "add", "--case", case, "--kind", "其他", expect=2)
    assert "--amount" in nothing["error"]
    item = run(capsys, d, "claim", "add", "--case", case, "--kind", "剩余余额", "--amount", "¥1,798.00",
               "--on", "2025-03-25")["item"]  # fmt: skip
    assert item["amount"] == "1798.00"
    listed = run(capsys, d, "claim", "list", "--case", case)
    assert any("没有关联证据" in w for w in listed["warnings"])
    assert any("超过账单显示的净付款" not in w for w in listed["warnings"])
    over = run(capsys, d, "claim", "edit", str(item["id"]), "--refunded", "2000", expect=2)
    assert "退款不能多于付款" in over["error"]
    edited = run(capsys, d, "claim", "edit", str(item["id"]), "--amount", "300", "--exhibit",
                 str(made.screenshot_exhibit))["item"]  # fmt: skip
    assert (edited["amount"], edited["exhibits"]) == ("300.00", [made.screenshot_exhibit])
    removed = run(capsys, d, "claim", "remove", str(item["id"]))
    assert removed["items"] == [] and removed["principal"] == "0.00"
    assert (
        run(capsys, d, "claim", "remove", str(item["id"]), expect=2)["error"]
        == f"主张项 {item['id']} 不存在。"
    )
    proc = kami("claim", "list", "--case", case, data_dir=d)  # the real entry point, human text
    assert proc.returncode == 0 and "主张本金：¥0.00" in proc.stdout and "净付款 ¥1,798.00" in proc.stdout


def test_case_show_offers_the_earliest_claim_item_as_the_discovery_date(capsys, d, tmp_path):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.case.claims import add_item

    with Profile.open(d) as prof, prof.session() as s:
        cid = create_case(s, "未填发现日期").id
        add_item(s, cid, "topup_not_credited", "100.00", "2025-03-01")
    shown = run(capsys, d, "case", "show", str(cid))
    assert shown["discovered_on"] is None and shown["discovered_on_suggested"] == "2025-03-01"
    deadlines = {x["key"]: x for x in run(capsys, d, "legal", "deadlines", "--case", str(cid))["deadlines"]}
    assert deadlines["limitation"]["start"] == "2025-03-01"
    assert "暂按最早的主张项日期2025-03-01起算" in deadlines["limitation"]["basis"]
