"""Small pieces: amounts in 大写, length fitting, redaction, manifests, options."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from kami_desktop.core.documents import DocOptions, DocumentError
from kami_desktop.core.documents.fitting import fit, redact
from kami_desktop.core.documents.layout import Missing, blank
from kami_desktop.core.documents.options import read_manifest
from kami_desktop.core.documents.texts import rmb_upper


@pytest.mark.parametrize(
    "amount, text",
    [
        ("1798.00", "壹仟柒佰玖拾捌元整"),
        ("1803.62", "壹仟捌佰零叁元陆角贰分"),
        ("0.00", "零元整"),
        ("100.05", "壹佰元零伍分"),
        ("10", "壹拾元整"),
        ("10010.50", "壹万零壹拾元伍角整"),
        ("100000000", "壹亿元整"),
        ("100001000", "壹亿零壹仟元整"),
        ("0.30", "叁角整"),
        ("2097152", "贰佰零玖万柒仟壹佰伍拾贰元整"),
    ],
)
def test_rmb_upper(amount, text):
    assert rmb_upper(Decimal(amount)) == text


def test_fit_drops_pieces_from_the_end_then_cuts():
    assert fit(["甲乙", "丙丁"], None).text == "甲乙丙丁"
    f = fit(["甲乙丙", "丁戊", "己"], 5)
    assert f.text == "甲乙丙丁戊" and f.shortened and f.count == "5 / 5"
    f = fit(["甲乙丙丁戊己庚"], 4)
    assert f.text == "甲乙丙…" and len(f.text) == 4
    assert fit(["abc"], None).count == "3 / 未确认"


def test_missing_collects_labels_once():
    m = Missing()
    assert m.need("  值 ", "名称") == "值"
    assert m.need("", "名称", "k") == blank("名称") == "【待填写：名称】"
    m.need(None, "名称")
    assert m.labels == ["名称"] and m.fields[0].key == "k"


def test_redact_masks_phone_and_id_numbers(made, profile):
    from kami_desktop.core.documents.context import load_context

    with profile.session() as s:
        ctx = load_context(s, made.case_id)
    text = redact(
        "张三的电话13812345678，朋友13900001111，身份证330106199005120018，住浙江省杭州市西湖区文三路100号",
        ctx,
    )
    assert "张三" not in text and "13812345678" not in text and "139****1111" in text
    assert "330106199005120018" not in text and "文三路" not in text
    more = redact("退款到卡 6222020200112233446，邮箱 liming88@qq.com，另一个身份证11010519491231002X", ctx)
    assert "6222020200112233446" not in more and "****3446" in more  # the same rules as the masked images
    assert "liming88" not in more and "***@qq.com" in more and "11010519491231002X" not in more


def test_manifest_shapes(tmp_path):
    p = tmp_path / "m.json"
    p.write_text(
        json.dumps(
            {
                "exhibits": [
                    {"id": 5, "first_page": 2, "last_page": 2},
                    {"exhibit_id": 6, "pages": [3, 9]},
                    {"id": 7, "pages": "10-12"},
                ]
            }
        )
    )
    assert read_manifest(p) == {5: "2", 6: "3–9", 7: "10-12"}
    p.write_text(json.dumps({"5": "1"}))
    assert read_manifest(p) == {5: "1"}
    with pytest.raises(DocumentError):
        read_manifest(tmp_path / "nope.json")


def test_options_parse_and_validate():
    o = DocOptions.parse({"workdays": "5", "date": "2025-11-20", "termination": 1, "pages": {"3": "4"}})
    assert o.workdays == 5 and o.date == date(2025, 11, 20) and o.termination and o.pages == {3: "4"}
    with pytest.raises(DocumentError, match="早于"):
        DocOptions.parse({"interest_from": "2025-11-20", "interest_to": "2025-11-01"})
    default = DocOptions.parse(None)
    assert default.workdays is None and DocOptions.parse(o) is o
    assert default.demand_workdays() == 7 and default.demand_workdays(3) == 3 and o.demand_workdays(3) == 5
    assert default.lpr == "formation" and DocOptions.parse({"lpr": "per-period"}).lpr == "per_period"
    with pytest.raises(DocumentError, match="formation"):
        DocOptions.parse({"lpr": "average"})
