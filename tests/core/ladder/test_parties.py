"""Parties: code checks with override, defendants, evidence links, advice, ledger."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.case.parties import (
    PartyError,
    add_party,
    check_field,
    check_id_number,
    edit_party,
    get_party,
    link_evidence,
    list_parties,
    party_evidence,
    party_summary,
    remove_party,
    unlink_evidence,
)
from kami_desktop.core.case.party_advice import party_advice
from kami_desktop.core.store import ledger
from kami_desktop.core.vocab import VocabError

VALID = "91330100716105852F"
BAD_CHECK = "914403001922038217"  # expected check character: 6


def actions(s, case_id):
    return [e.action for e in ledger.entries(s, case_id)]


def test_valid_uscc_is_normalised_and_logged(profile, case_id):
    with profile.session() as s:
        p = add_party(
            s,
            case_id,
            "运营主体",
            "杭州星辰网络科技有限公司",
            uscc=" 9133 0100-7161 0585 2f ",
            icp="浙ICP备12345678号-1",
            is_defendant=True,
        )
        assert p.role == "operator" and p.uscc == VALID and p.icp == "浙ICP备12345678号-1" and p.is_defendant
        entry = list(ledger.entries(s, case_id))[-1]
        assert entry.action == "party.add"
        assert json.loads(entry.payload)["party"]["uscc"] == VALID


def test_failed_check_raises_with_reason_unless_overridden(profile, case_id):
    with profile.session() as s:
        with pytest.raises(PartyError) as err:
            add_party(s, case_id, "payee", "A科技有限公司", uscc=BAD_CHECK)
        assert err.value.overridable and err.value.field == "uscc"
        assert err.value.check.expected_check == "6" and "校验位不符" in err.value.check.reason
        assert list_parties(s, case_id) == []
        p = add_party(s, case_id, "payee", "A科技有限公司", uscc=BAD_CHECK, override=True)
        assert p.uscc == BAD_CHECK
        payload = json.loads(list(ledger.entries(s, case_id))[-1].payload)
        assert "校验位不符" in payload["overridden"]["uscc"]
        assert party_summary(p)["checks"]["uscc"]["valid"] is False


def test_icp_and_registration_number_and_misplaced_codes(profile, case_id):
    with profile.session() as s:
        with pytest.raises(PartyError, match="ICP"):
            add_party(s, case_id, "operator", "X", icp="浙ICP备123号")
        with pytest.raises(PartyError, match="一栏") as misplaced:
            add_party(s, case_id, "operator", "X", uscc="浙ICP备12345678号", override=True)
        assert not misplaced.value.overridable
        p = add_party(s, case_id, "operator", "阿里巴巴（中国）网络技术有限公司", uscc="330100400015575")
        assert p.uscc == "330100400015575"
    assert check_field("uscc", "") is None
    assert check_field("uscc", VALID).valid
    assert (
        check_field("icp", "页脚：京ICP备12345678号 京公网安备11010502030143号").normalized
        == "京ICP备12345678号"
    )


def test_self_party_person_fields(profile, case_id):
    ok_id = "11010519491231002X"
    assert check_id_number(ok_id).valid
    assert not check_id_number("110105194912310021").valid
    with profile.session() as s:
        me = add_party(
            s,
            case_id,
            "本人",
            "张三",
            id_number=ok_id.lower(),
            gender="男",
            birth_date="1949-12-31",
            ethnicity="汉",
            phone="13800000000",
            address="浙江省杭州市西湖区",
        )
        assert me.role == "self" and me.id_number == ok_id and me.birth_date == date(1949, 12, 31)
        with pytest.raises(PartyError, match="已有“本人”"):
            add_party(s, case_id, "self", "李四")
        with pytest.raises(PartyError, match="不能被列为被告"):
            edit_party(s, me.id, is_defendant=True)
        with pytest.raises(PartyError, match="出生日期"):
            edit_party(s, me.id, birth_date="1949-13-01")
        with pytest.raises(VocabError):
            add_party(s, case_id, "judge", "X")
        with pytest.raises(PartyError, match="名称不能为空"):
            add_party(s, case_id, "other", "  ")


def test_edit_records_old_and_new(profile, case_id):
    with profile.session() as s:
        p = add_party(s, case_id, "operator", "星辰工作室")
        edit_party(s, p.id, name="杭州星辰网络科技有限公司", uscc=VALID, is_defendant=True)
        edit_party(s, p.id, name="杭州星辰网络科技有限公司")  # no change, no entry
        entries = [e for e in ledger.entries(s, case_id) if e.action == "party.edit"]
        assert len(entries) == 1
        changes = json.loads(entries[0].payload)["changes"]
        assert changes["name"] == {"old": "星辰工作室", "new": "杭州星辰网络科技有限公司"}
        assert changes["is_defendant"] == {"old": False, "new": True}


def test_payee_differs_from_operator_advises_both_defendants(profile, case_id):
    with profile.session() as s:
        op = add_party(s, case_id, "operator", "B网络工作室", uscc=VALID, address="杭州")
        pay = add_party(s, case_id, "payee", "A科技有限公司")
        codes = {a.code: a for a in party_advice(s, case_id)}
        assert codes["payee_differs"].level == "warn" and codes["payee_differs"].party_id == pay.id
        assert "都列为被告" in codes["payee_differs"].text
        assert "no_defendant" in codes and "operator_not_defendant" in codes
        edit_party(s, op.id, is_defendant=True)
        edit_party(s, pay.id, is_defendant=True)
        codes = {a.code for a in party_advice(s, case_id)}
        assert not {"payee_differs", "no_defendant", "operator_not_defendant"} & codes
        assert [p.id for p in list_parties(s, case_id) if p.is_defendant] == [op.id, pay.id]


def test_payee_with_the_operators_name_is_not_flagged(profile, case_id):
    with profile.session() as s:
        add_party(s, case_id, "operator", "杭州星辰网络科技有限公司", is_defendant=True)
        add_party(s, case_id, "payee", "杭州星辰网络科技有限公司 ")
        codes = {a.code for a in party_advice(s, case_id)}
        assert "payee_differs" not in codes
        assert "operator_no_uscc" in codes and "operator_no_address" in codes and "no_self" in codes


def test_empty_case_advises_finding_the_operator(profile, case_id):
    with profile.session() as s:
        codes = [a.code for a in party_advice(s, case_id)]
        assert codes[0] == "no_operator"
        add_party(s, case_id, "payee", "A科技")
        assert "payee_only" in {a.code for a in party_advice(s, case_id)}


def test_evidence_links(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        licence = b.exhibit("营业执照截图", "identity")
        icp = b.exhibit("ICP备案查询", "identity")
        p = add_party(s, case_id, "operator", "星辰公司", uscc=VALID)
        assert "operator_no_evidence" in {a.code for a in party_advice(s, case_id)}
        link_evidence(s, p.id, licence.id, "营业执照")
        link_evidence(s, p.id, icp.id, "icp")
        link_evidence(s, p.id, icp.id, "icp")  # unchanged: no second entry
        assert [(pe.kind, ex.id) for pe, ex in party_evidence(s, p.id)] == [
            ("licence", licence.id),
            ("icp", icp.id),
        ]
        assert "operator_no_evidence" not in {a.code for a in party_advice(s, case_id)}
        assert actions(s, case_id).count("party.link") == 2
        unlink_evidence(s, p.id, icp.id)
        with pytest.raises(PartyError):
            unlink_evidence(s, p.id, icp.id)
        other = create_case(s, "另一个案件")
        foreign = type(b)(s, other.id).exhibit("别的证据")
        with pytest.raises(PartyError, match="不在本案件中"):
            link_evidence(s, p.id, foreign.id, "other")
        with pytest.raises(VocabError):
            link_evidence(s, p.id, licence.id, "身份证")


def test_remove_party_drops_links_and_logs(profile, case_id, build):
    with profile.session() as s:
        ex = build(s).exhibit("营业执照", "identity")
        p = add_party(s, case_id, "operator", "星辰公司")
        link_evidence(s, p.id, ex.id, "licence")
        remove_party(s, p.id)
        assert list_parties(s, case_id) == []
        last = list(ledger.entries(s, case_id))[-1]
        assert last.action == "party.remove" and json.loads(last.payload)["evidence"] == [ex.id]
        ok, problems = ledger.verify_chain(s)
        assert problems == []
        with pytest.raises(PartyError):
            remove_party(s, p.id)


def test_a_defendant_without_a_basis_is_pointed_out(profile, case_id):
    with profile.session() as s:
        op = add_party(s, case_id, "operator", "星辰网络科技有限公司", is_defendant=True)
        payee = add_party(s, case_id, "payee", "云汇信息技术有限公司", is_defendant=True)
        flagged = {a.party_id for a in party_advice(s, case_id) if a.code == "defendant_no_basis"}
        assert flagged == {payee.id}  # an operator's role states its basis
        edit_party(s, payee.id, basis="joint")
        assert "defendant_no_basis" not in {a.code for a in party_advice(s, case_id)}
        assert party_summary(get_party(s, payee.id))["basis_label"] == "与其他被告共同经营"
        assert op.basis == ""
