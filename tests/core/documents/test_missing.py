"""An empty case: nothing is invented, every blank is visible and listed, and the list matches the file."""

from __future__ import annotations

import re

import pytest

from kami_desktop.core.documents import KINDS, check, generate
from tests.core.documents.conftest import docx_text, pdf_flat

BLANK = re.compile(r"【待填写：([^】]*)】")


@pytest.mark.parametrize("kind", list(KINDS))
def test_empty_case_lists_every_blank(profile, case_id, tmp_path, kind):
    doc = generate(profile, case_id, kind, tmp_path, "both" if kind == "demand" else "docx")
    assert doc.missing, kind
    text = docx_text(doc.paths[0])
    in_file = list(dict.fromkeys(BLANK.findall(text)))
    assert set(in_file) == set(doc.missing)
    if kind == "demand":
        assert "【待填写：" in pdf_flat(doc.paths[1])
    assert "None" not in text and "1,798" not in text
    assert check(profile, case_id, kind).missing == doc.missing  # the dialog's preview agrees


def test_empty_case_demand_asks_for_the_right_things(profile, case_id, tmp_path):
    doc = generate(profile, case_id, "demand", tmp_path)
    assert doc.missing == [
        "被催告方（平台运营主体）名称",
        "催告人（本人）姓名",
        "主张金额（元）",
        "事实经过（充值、扣款、申请退款等时间和经过）",
        "履行期限届满日（填写发函日期后自动计算）",
        "送达方式（如EMS邮寄、电子邮件、平台客服工单）",
        "催告人联系电话",
        "发函日期",
    ]
    keys = {f.key for f in doc.missing_fields}
    assert {"case.claimed_amount", "party.self.name", "step.demand_sent", "party.self.phone"} <= keys


def test_empty_case_lawsuit_asks_for_parties(profile, case_id, tmp_path):
    doc = generate(profile, case_id, "lawsuit", tmp_path)
    assert "原告信息（请在当事人中添加“本人”）" in doc.missing
    assert "被告（请在当事人中勾选“列为被告”）" in doc.missing
    assert (
        "利息起算日（如催告期满次日）" in doc.missing
        and "受诉人民法院（一般为原告住所地基层人民法院）" in doc.missing
    )
