"""退款催告函: parties, amount, legal basis, the working-day deadline across 国庆, options, PDF text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kami_desktop.core.case.ladder import edit_step, list_steps
from kami_desktop.core.documents import DocumentError, generate
from kami_desktop.core.legal.periods import add_workdays
from tests.core.documents.conftest import docx_text, pdf_flat, pdffonts
from tests.core.documents.factory import DEMAND_SENT, OPERATOR_USCC, PAYEE_USCC, SELF_ID, SELF_PHONE


def test_demand_letter_docx_and_pdf(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "demand", tmp_path / "out", "both")
    assert doc.kind == "demand" and doc.missing == []
    assert len(doc.warnings) == 1 and "手工填写" in doc.warnings[0]  # a claimed amount without claim items
    docx_path, pdf_path = doc.paths
    assert docx_path.suffix == ".docx" and pdf_path.suffix == ".pdf"
    text = docx_text(docx_path)

    # sent by EMS on 2025-09-26 (Fri), no delivery recorded: arrival estimated 3 days later (09-29), then
    # 7 working days across 国庆/中秋 2025 with the 10-11 make-up day
    due = add_workdays(date(2025, 9, 29), 7).due
    assert due == date(2025, 10, 15)
    assert (
        "自收到本函之日起7个工作日内（本函于2025年9月26日以EMS邮寄方式发出，按3日送达估算，"
        "即于2025年10月15日（含当日）前；期限以本函实际送达之日起算）"
    ) in text
    assert any("2025-10-15" in n and "估算" in n for n in doc.notes)

    assert "深圳市星辰网络科技有限公司" in text and OPERATOR_USCC in text
    assert "广州云汇信息技术有限公司" in text and PAYEE_USCC in text
    assert "人民币1,798.00元（大写：壹仟柒佰玖拾捌元整）" in text
    for basis in (
        "消费者权益保护法》第五十三条",
        "第五百七十七条",
        "第九百八十五条",
        "第十五条至第十七条",
        "第四百九十六条",
    ):
        assert basis in text, basis
    assert "第一百九十五条" in text and "解除" not in text.split("三、本人的要求")[1].split("四、")[0]
    assert "送达方式：EMS邮寄" in text and "催告人：张三" in text and SELF_PHONE in text
    assert "2025年3月1日 10:05，通过支付宝向平台账户充值1,798.00元（见证据1）" in text
    assert "12315" in text and "人民法院提起诉讼" in text
    assert SELF_ID not in text  # a letter to the platform carries no ID number

    flat = pdf_flat(pdf_path)
    for needle in ("退款催告函", "2025年10月15日", "1,798.00", "深圳市星辰网络科技有限公司", OPERATOR_USCC):
        assert needle in flat, needle
    fonts = pdffonts(pdf_path)
    assert fonts and all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts)
    assert any("Noto" in f["name"] for f in fonts)  # Noto Serif CJK SC


def test_demand_options_workdays_termination_and_limitation(profile, made, tmp_path):
    doc = generate(
        profile,
        made.case_id,
        "demand",
        tmp_path,
        options={"workdays": 3, "termination": True, "interrupt_limitation": False, "channel": "电子邮件"},
    )
    text = docx_text(doc.paths[0])
    # e-mail: arrival estimated the next day (09-27); 9-28 (Sunday) is a make-up workday
    assert add_workdays(DEMAND_SENT + timedelta(days=1), 3).due == date(2025, 9, 30)
    assert (
        "3个工作日内（本函于2025年9月26日以电子邮件方式发出，按1日送达估算，即于2025年9月30日（含当日）前"
        in text
    )
    assert text.startswith("退款催告函暨解除合同通知书")
    assert "第五百六十三条、第五百六十五条" in text and "合同自本函到达贵司时解除" in text
    assert "第一百九十五条" not in text
    assert "送达方式：电子邮件" in text


@pytest.mark.parametrize(
    "bad", [{"workdays": 2}, {"workdays": 8}, {"workdays": "x"}, {"date": "2025/9/1"}, {"colour": "red"}]
)
def test_bad_options_are_rejected_in_chinese(profile, made, tmp_path, bad):
    with pytest.raises(DocumentError):
        generate(profile, made.case_id, "demand", tmp_path, options=bad)
    assert not any(tmp_path.glob("*.docx"))


def test_unknown_kind_and_format(profile, made, tmp_path):
    with pytest.raises(DocumentError, match="未知的文书类型"):
        generate(profile, made.case_id, "letter", tmp_path)
    with pytest.raises(DocumentError, match="未知的格式"):
        generate(profile, made.case_id, "demand", tmp_path, fmt="odt")


def test_sent_date_option_overrides_the_ladder_step(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "demand", tmp_path, options={"sent_on": "2026-09-28"})
    text = docx_text(doc.paths[0])
    # EMS from the ladder step: arrival estimated 10-01 (National Day), then 10-08 … 10-15
    assert "2026年10月15日" in text


def test_follow_up_measures_are_numbered_and_the_channel_comes_from_the_demand_step(profile, made, tmp_path):
    """The three measures threatened in 四、 keep their order, and 送达方式 is read from the recorded
    demand step (its own variable, not the last measure's text)."""
    with profile.session() as s:
        (demand,) = [st for st in list_steps(s, made.case_id) if st.kind == "demand_sent"]
        edit_step(s, demand.id, channel="平台客服工单")
    doc = generate(profile, made.case_id, "demand", tmp_path)
    text = docx_text(doc.paths[0])
    measures = text.split("四、逾期不退的后续措施")[1].split("特此函告")[0]
    numbered = [line for line in measures.splitlines() if line[:2] in ("1.", "2.", "3.", "4.")]
    assert [line[:2] for line in numbered] == ["1.", "2.", "3."]
    assert numbered[0].startswith("1. 向全国12315平台") and numbered[2].startswith("3. 向有管辖权的人民法院")
    assert "送达方式：平台客服工单" in text and doc.missing == []
