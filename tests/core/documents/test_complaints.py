"""12315 field sheet and 黑猫 text: fields in order, length limits (known and 未确认), privacy."""

from __future__ import annotations

import json

from kami_desktop.core.documents import generate
from kami_desktop.core.legal.data import load_limits
from tests.core.documents.conftest import docx_tables, docx_text, pdf_flat
from tests.core.documents.factory import OPERATOR_USCC, ORDER_ID, SELF_ID, SELF_PHONE


def _field_rows(tables):
    return [r for t in tables for r in t[1:] if len(r) == 4 and r[0].isdigit()]


def test_12315_sheet_fields_in_order_with_limits(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "complaint-12315", tmp_path, "both")
    assert doc.missing == []
    tables = docx_tables(doc.paths[0])
    rows = _field_rows(tables[:3])
    assert [r[1] for r in rows] == [
        "企业名称",
        "统一社会信用代码",
        "企业地址",
        "网店/平台名称",
        "网址",
        "ICP备案号（参考）",
        "姓名",
        "电话",
        "通讯地址",
        "商品/服务名称",
        "商品/服务类别",
        "购买/消费时间",
        "金额（元）",
        "订单号",
        "问题类型",
        "问题描述",
        "诉求",
    ]
    by = {r[1]: r for r in rows}
    assert by["企业名称"][2] == "深圳市星辰网络科技有限公司" and by["统一社会信用代码"][2] == OPERATOR_USCC
    assert by["电话"][2] == SELF_PHONE and by["金额（元）"][2] == "1798.00"  # a numeric field: plain
    assert by["订单号"][2] == ORDER_ID and by["购买/消费时间"][2] == "2025年3月1日"
    assert by["诉求"][2].startswith("要求经营者退还预付款（账户余额）1798.00元")  # hand-set, no items
    assert "扣除" in by["问题描述"][2] and "本人于2025年9月26日书面要求退款" in by["问题描述"][2]
    # the shipped limits are conservative defaults (unconfirmed): every count shows the limit
    assert by["问题描述"][3] == f"{len(by['问题描述'][2])} / 500"
    assert by["订单号"][3] == f"{len(ORDER_ID)} / 100"
    text = docx_text(doc.paths[0])
    assert (
        "不允许粘贴" in text and "第三条" in text and "2028年9月20日" in text
    )  # 3-year window from 2025-09-20
    # the attachment list names the files the export will write
    att = tables[3]
    assert att[0] == ["序号", "附件文件名", "对应证据", "说明"]
    assert [r[1] for r in att[1:]][:2] == ["证据01_支付宝充值记录.jpg", "证据02_平台扣款记录页面.jpg"]
    assert att[-1][3] == "第2/2段" and "第2段共2段" in att[-1][1]
    assert "12315投诉填写单" in pdf_flat(doc.paths[1])


def test_12315_limits_from_the_profile_copy_are_respected(profile, made, tmp_path):
    shipped = load_limits()
    doc = json.loads(shipped.path.read_text(encoding="utf-8"))
    doc["channels"]["12315"]["fields"]["问题描述"]["max_chars"] = 60
    doc["channels"]["12315"]["fields"]["诉求"]["max_chars"] = 30
    (profile.data_dir / "limits.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = generate(profile, made.case_id, "complaint-12315", tmp_path)
    by = {r[1]: r for r in _field_rows(docx_tables(out.paths[0])[:3])}
    desc, want = by["问题描述"], by["诉求"]
    assert len(desc[2]) <= 60 and desc[3] == f"{len(desc[2])} / 60"
    assert len(want[2]) <= 30 and want[3] == f"{len(want[2])} / 30"
    assert desc[2].startswith("本人在“星辰卡盟”平台充值预付余额")  # what happened is kept; the rest dropped
    assert any("“问题描述”超过60字上限" in w for w in out.warnings)


def test_heimao_text_is_public_safe_and_respects_limits(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "heimao", tmp_path, "both")
    assert doc.missing == []
    table = docx_tables(doc.paths[0])[0]
    assert [r[0] for r in table] == [
        "页面字段",
        "投诉对象",
        "投诉问题",
        "投诉要求",
        "涉诉金额",
        "标题",
        "详细描述",
    ]
    by = {r[0]: r for r in table}
    assert by["投诉对象"][1].startswith("星辰卡盟（运营主体：深圳市星辰网络科技有限公司）")
    assert by["投诉要求"][1] == "退款" and by["涉诉金额"][1] == "1798.00"  # a numeric field: plain
    assert by["标题"][1] == "星辰卡盟拒不退还预付款（账户余额），要求退款1798.00元"
    assert by["标题"][2] == "30 / 30" and not any("上限" in w for w in doc.warnings)  # exactly at the limit
    text = docx_text(doc.paths[0]) + pdf_flat(doc.paths[1])
    for private in (SELF_ID, SELF_PHONE, "文三路100号", "张三"):
        assert private not in text, private
    assert "证据1" not in by["详细描述"][1]  # binder numbers mean nothing on a public site
    assert "打码" in text
