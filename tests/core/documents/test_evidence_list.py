"""证据目录: binder order and numbering, columns, header, 页码 from a dossier manifest, trashed items left out."""

from __future__ import annotations

import json

from kami_desktop.core.documents import generate
from kami_desktop.core.evidence.exhibits import move_exhibit, trash
from tests.core.documents.conftest import docx_tables, docx_text, pdf_flat

COLUMNS = ["序号", "证据名称", "证据来源", "证明目的", "页码", "原件/复印件", "备注"]


def test_evidence_list_columns_header_and_rows(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "evidence-list", tmp_path, "both", {"date": "2025-11-20"})
    assert doc.missing == []
    header, table = docx_tables(doc.paths[0])
    assert header[0][:3] == ["案号", "", "案由"] and header[0][3] == "信息网络买卖合同纠纷"
    assert header[1][1] == "原告 张三" and "深圳市星辰网络科技有限公司" in header[1][3]
    assert header[2][1] == "2025年11月20日" and header[2][3] == "共4项"
    assert table[0] == COLUMNS
    assert [r[0] for r in table[1:]] == ["1", "2", "3", "4"]
    assert [r[1] for r in table[1:3]] == ["支付宝充值记录", "平台扣款记录页面"]
    assert table[1][2] == "支付宝账单，原告手机截取" and table[1][3] == "原告向平台账户充值1,798.00元"
    assert all(r[4] == "" for r in table[1:])  # no manifest: 页码 left for the user
    assert all(r[5] == "打印件（电子数据）" for r in table[1:])
    assert "SHA-256：" in table[1][6]
    text = docx_text(doc.paths[0])
    assert "提交人（签名）：" in text and "2025年11月20日" in text
    assert any("一式3份" in n for n in doc.notes)
    flat = pdf_flat(doc.paths[1])
    assert "证据目录" in flat and "支付宝充值记录" in flat and "原告向平台账户充值1,798.00元" in flat


def test_binder_order_trash_and_pages_from_manifest(profile, made, tmp_path):
    a, b, c, d = made.exhibit_ids
    with profile.session() as s:
        move_exhibit(s, c, 0)  # 客服聊天 first
        trash(s, b)
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "exhibits": [
                    {"number": 1, "id": c, "first_page": 3, "last_page": 3},
                    {"number": 2, "id": a, "first_page": 4, "last_page": 6},
                ]
            }
        ),
        encoding="utf-8",
    )
    doc = generate(profile, made.case_id, "evidence-list", tmp_path, options={"manifest": str(manifest)})
    table = docx_tables(doc.paths[0])[1]
    assert [(r[0], r[1]) for r in table[1:]] == [
        ("1", "客服拒绝退款聊天记录"),
        ("2", "支付宝充值记录"),
        ("3", "与客服的完整聊天记录（长截图）"),
    ]
    assert [r[4] for r in table[1:]] == ["3", "4–6", ""]


def test_missing_source_and_purpose_are_blanks(profile, made, tmp_path):
    from kami_desktop.core.evidence.exhibits import edit_exhibit

    with profile.session() as s:
        edit_exhibit(s, made.exhibit_ids[1], source="", purpose="")
    doc = generate(profile, made.case_id, "evidence-list", tmp_path)
    assert doc.missing == ["证据2的来源", "证据2的证明目的"]
    row = docx_tables(doc.paths[0])[1][2]
    assert row[2] == "【待填写：证据2的来源】" and row[3] == "【待填写：证据2的证明目的】"
    assert {f.key for f in doc.missing_fields} == {
        f"exhibit.{made.exhibit_ids[1]}.source",
        f"exhibit.{made.exhibit_ids[1]}.purpose",
    }
