"""The 身份证号 states the birth date and the sex: documents use them where the user left the fields blank,
and the party advice points out a field that contradicts the number (instead of printing it unchecked)."""

from __future__ import annotations

from datetime import date

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.case.parties import add_party, edit_party, id_number_facts
from kami_desktop.core.case.party_advice import party_advice
from kami_desktop.core.documents.context import load_context

ID = "330106199005120011"  # born 1990-05-12; the 17th digit (1) is odd: a man


def test_the_number_states_birth_date_and_sex():
    assert id_number_facts(ID) == (date(1990, 5, 12), "男")
    assert id_number_facts("33010619900512002X") == (date(1990, 5, 12), "女")  # 17th digit even: a woman
    assert id_number_facts("330106199005120012") is None  # the check character is wrong


def test_blank_fields_come_from_the_number_and_a_contradiction_is_pointed_out(profile):
    with profile.session() as s:
        case_id = create_case(s, "某某卡盟充值扣款纠纷", platform_name="某某卡盟").id
        me = add_party(s, case_id, "self", "张三", id_number=ID, phone="13812345678", address="杭州市")
        ctx = load_context(s, case_id)
        assert (ctx.self_party.birth_date, ctx.self_party.gender) == (date(1990, 5, 12), "男")
        texts = [a.text for a in party_advice(s, case_id)]
        assert not any("出生日期" in t or "性别" in t for t in texts)  # nothing missing: the number says it
        edit_party(s, me.id, gender="女")
        ctx = load_context(s, case_id)
        assert ctx.self_party.gender == "女"  # the user's entry is printed as given…
        texts = [a.text for a in party_advice(s, case_id)]
    assert any("性别（填写为女，身份证号显示为男）" in t for t in texts), texts  # …and questioned
