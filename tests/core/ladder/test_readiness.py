"""Case readiness: an empty case, a weak case and a strong case."""

from __future__ import annotations

from kami_desktop.core.case.facts import add_fact
from kami_desktop.core.case.ladder import record_step
from kami_desktop.core.case.parties import add_party, edit_party, link_evidence
from kami_desktop.core.case.readiness import readiness

KEYS = ["funds", "interaction", "non_delivery", "identity", "rules"]
ROWS = [{"time": "2025-09-01 10:00:00", "counterparty": "星辰卡盟", "amount": "500.00"}]


def statuses(r) -> dict[str, str]:
    return {i.key: i.status for i in r.items}


def test_empty_case_is_all_missing_with_chinese_next_steps(profile, case_id):
    with profile.session() as s:
        r = readiness(s, case_id)
    assert [i.key for i in r.items] == KEYS
    assert set(statuses(r).values()) == {"missing"} and not r.ready
    assert all(i.todo and i.status_label == "缺少" for i in r.items)
    data = r.to_json()
    assert data["missing"] == 5 and data["present"] == 0 and data["ready"] is False
    assert "账单" in r.items[0].todo and "ICP备案" in r.items[3].todo


def test_lone_screenshot_without_a_bill_is_weak(profile, case_id, build):
    with profile.session() as s:
        shot = build(s).exhibit("付款成功截图", "funds")
        item = readiness(s, case_id).items[0]
    assert item.status == "weak" and "截图" in item.detail and item.exhibit_ids == (shot.id,)


def test_weak_case(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        bill_ex, _ = b.bill(ROWS, personal_only=True)
        b.exhibit("客服对话截图", "interaction")  # no refund request shown
        add_fact(s, case_id, "2025-09-19 22:10", "扣款", "余额被清零")  # no non-delivery evidence
        add_party(s, case_id, "operator", "星辰工作室")  # no USCC, no licence
        r = readiness(s, case_id)
    st = statuses(r)
    assert st == {
        "funds": "weak",
        "interaction": "weak",
        "non_delivery": "weak",
        "identity": "weak",
        "rules": "missing",
    }
    funds = r.items[0]
    assert "交易流水证明" in funds.todo and funds.exhibit_ids == (bill_ex.id,)
    assert "退款" in r.items[1].todo
    assert "统一社会信用代码" in r.items[3].todo and "营业执照" in r.items[3].todo


def test_refund_request_recorded_without_chat_is_weak(profile, case_id):
    with profile.session() as s:
        record_step(s, case_id, "demand_sent", "2025-09-26")
        item = readiness(s, case_id).items[1]
    assert item.status == "weak" and "聊天记录" in item.todo


def test_strong_case(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        bill_ex, _ = b.bill(ROWS)
        chat_ex, _ = b.chat(
            [("2025-09-20 09:01:00", True, "我的余额被扣了，请退款"), ("2025-09-20 09:05:00", False, "不退")]
        )
        failed = b.exhibit("充值失败提示", "non_delivery")
        licence = b.exhibit("企业信用信息公示报告", "identity")
        rules = b.exhibit("用户协议：虚拟商品概不退款", "rules")
        op = add_party(
            s, case_id, "operator", "杭州星辰网络科技有限公司", uscc="91330100716105852F", is_defendant=True
        )
        link_evidence(s, op.id, licence.id, "国家企业信用信息公示系统报告")
        r = readiness(s, case_id)
        keys = [*KEYS[:4], f"defendant:{op.id}", KEYS[4]]
        assert statuses(r) == dict.fromkeys(keys, "present") and r.ready
        assert "聊天记录中有你要求退款的消息" in r.items[1].detail
        add_fact(s, case_id, "2025-09-20 09:01", "申请退款", "要求退款", exhibit_ids=[chat_ex.id])
        r = readiness(s, case_id)
    assert "时间线中已记录退款申请" in r.items[1].detail
    assert [i.exhibit_ids for i in r.items] == [
        (bill_ex.id,),
        (chat_ex.id,),
        (failed.id,),
        (licence.id,),
        (licence.id,),
        (rules.id,),
    ]
    assert all(i.todo == "" for i in r.items) and r.to_json()["present"] == 6


def test_each_defendant_needs_its_registration_record_and_basis(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        shot = b.exhibit("企查查截图", "identity")
        report = b.exhibit("公示系统报告", "identity")
        op = add_party(
            s, case_id, "operator", "杭州星辰网络科技有限公司", uscc="91330100716105852F", is_defendant=True
        )
        payee = add_party(s, case_id, "payee", "广州云汇信息技术有限公司", is_defendant=True)
        link_evidence(s, op.id, shot.id, "第三方企业信息查询截图")
        r = {i.key: i for i in readiness(s, case_id).items}
        # the operator: a third-party screenshot only is weak, the official report is asked for
        assert r[f"defendant:{op.id}"].status == "weak"
        assert "国家企业信用信息公示系统" in r[f"defendant:{op.id}"].todo
        assert "被诉依据" not in r[f"defendant:{op.id}"].todo  # an operator's role states its basis
        # the payee: nothing yet, and no basis chosen
        assert r[f"defendant:{payee.id}"].status == "missing"
        assert "被诉依据" in r[f"defendant:{payee.id}"].todo
        link_evidence(s, payee.id, report.id, "gsxt")
        r = {i.key: i for i in readiness(s, case_id).items}
        assert r[f"defendant:{payee.id}"].status == "weak"  # the record is there, the basis is not
        edit_party(s, payee.id, basis="收款方且为实际经营者")
        r = {i.key: i for i in readiness(s, case_id).items}
        assert r[f"defendant:{payee.id}"].status == "present" and r[f"defendant:{payee.id}"].todo == ""


def test_a_personal_only_bill_imported_for_real_stays_weak(profile, case_id, tmp_path):
    """A personal-only bill comes with the advice to request a 交易流水证明; that advice must not be
    mistaken for having the official statement."""
    import sys
    from pathlib import Path

    from kami_desktop.core.bills.store import import_bill

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bills"))
    import bill_fixtures as bf

    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(bf.alipay_app_csv())
    result = import_bill(profile, case_id, path)
    assert result.personal_only
    with profile.session() as s:
        funds = readiness(s, case_id).items[0]
    assert funds.status == "weak" and "交易流水证明" in funds.todo
