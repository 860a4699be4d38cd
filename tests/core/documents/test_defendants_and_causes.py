"""The 起诉状 and 催告函 state each defendant's basis and follow the number of defendants; the facts follow
the case's causes (several allowed) and its claim items; the CLI and the case edit take several causes."""

from __future__ import annotations

import re

from sqlalchemy import select

from kami_desktop import cli
from kami_desktop.core.case.cases import update_case
from kami_desktop.core.case.claims import add_item
from kami_desktop.core.case.parties import edit_party
from kami_desktop.core.documents import generate
from kami_desktop.core.store.model import Case, Party
from tests.cli.test_bill_cli import run
from tests.core.documents.conftest import docx_text, pdf_flat

OPTS = {"date": "2025-11-20", "court": "杭州市西湖区人民法院"}


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _parties(profile, case_id) -> dict[str, Party]:
    with profile.session() as s:
        rows = s.scalars(select(Party).where(Party.case_id == case_id)).all()
        return {p.role: p for p in rows}


def _lawsuit(profile, case_id, out, kind="lawsuit") -> str:
    doc = generate(profile, case_id, kind, out, "docx", OPTS)
    return flat(docx_text(doc.paths[0]))


def test_one_defendant_is_被告_in_the_singular(profile, made, tmp_path):
    payee = _parties(profile, made.case_id)["payee"]
    with profile.session() as s:
        edit_party(s, payee.id, is_defendant=False)
    text = _lawsuit(profile, made.case_id, tmp_path)
    assert "一、判令被告向原告返还预付款人民币1,798.00元" in text
    assert "二被告" not in text and "被告一" not in text and "共同" not in text
    assert (
        "被告深圳市星辰网络科技有限公司是“星辰卡盟”平台的运营者（经营者），以预收款方式向原告提供商品或服务，"
        "依照《中华人民共和国消费者权益保护法》第五十三条，应当按照约定提供，未按照约定提供的，应当退还预付款。"
    ) in text
    assert "第四十四条" not in text and "电子商务法" not in text  # the provisions of other bases only
    assert "三、本案诉讼费用由被告负担。" in text and "本状副本1份" in text
    assert "原告向被告发出退款催告函" in text


def test_two_operators_are_sued_共同_with_their_bases(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "lawsuit", tmp_path, "both", OPTS)
    text = flat(docx_text(doc.paths[0]))
    assert "一、判令二被告共同向原告返还预付款" in text and "二、判令二被告共同向原告支付利息损失" in text
    assert "被告一深圳市星辰网络科技有限公司是“星辰卡盟”平台的运营者（经营者），以预收款方式" in text
    assert (
        "被告二广州云汇信息技术有限公司是原告充值款项的收款方，并实际经营“星辰卡盟”平台，是以预收款方式提供"
        "商品或服务的经营者（《中华人民共和国消费者权益保护法》第五十三条）；其收取上述款项而未提供相应的商品"
        "或服务，所得款项没有法律根据，原告亦可依照《中华人民共和国民法典》第九百八十五条请求返还。"
    ) in text
    assert "二被告均系“星辰卡盟”平台的经营者，应当共同承担返还责任。" in text
    assert "原告与二被告之间成立合法有效的合同关系" in text and "本状副本2份" in text
    assert "二被告共同" in pdf_flat(doc.paths[1])


def test_a_platform_that_hides_the_business_is_not_sued_共同(profile, made, tmp_path):
    payee = _parties(profile, made.case_id)["payee"]
    with profile.session() as s:
        edit_party(s, payee.id, basis="平台未能提供经营者真实信息")
    text = _lawsuit(profile, made.case_id, tmp_path)
    assert "共同" not in text
    assert "一、判令被告一向原告返还预付款" in text
    assert "三、判令被告二对上述第一项、第二项款项承担赔偿责任；四、本案诉讼费用由二被告负担。" in text
    assert (
        "未能提供实际经营者的真实名称、地址和有效联系方式，依照《中华人民共和国消费者权益保护法》第四十四条"
        in text
    )
    # the case records a refund request and a demand letter: the platform knew and did nothing (电商法 38)
    assert (
        "原告已向平台要求退还上述款项，被告二广州云汇信息技术有限公司知道上述情况后未采取必要措施，"
        "依照《中华人民共和国电子商务法》第三十八条，应当依法与实际经营者承担连带责任。"
    ) in text
    elements = generate(profile, made.case_id, "lawsuit-elements", tmp_path, "docx", OPTS)
    assert "判令被告二对上述第一项、第二项款项承担赔偿责任" in docx_text(elements.paths[0])


def test_a_defendant_without_a_basis_is_a_blank_not_a_guess(profile, made, tmp_path):
    payee = _parties(profile, made.case_id)["payee"]
    with profile.session() as s:
        edit_party(s, payee.id, basis="")
    doc = generate(profile, made.case_id, "lawsuit", tmp_path, "docx", OPTS)
    text = flat(docx_text(doc.paths[0]))
    assert "二被告共同" not in text  # one basis is not enough for 共同
    assert any("被诉依据" in label for label in doc.missing)


def test_two_causes_and_the_terms_the_items_name(profile, made, tmp_path):
    with profile.session() as s:
        update_case(s, made.case_id, causes=["隐性规则扣款", "技术故障扣款"])
        add_item(s, made.case_id, "deducted", "1798.00", "2025-09-20", reason="expiry")
        c = s.get(Case, made.case_id)
        assert (c.causes, c.cause_type) == (["hidden_rule", "tech_fault"], "hidden_rule")
    for kind in ("lawsuit", "demand"):
        text = _lawsuit(profile, made.case_id, tmp_path, kind)
        assert "2025年9月20日，平台以“余额过期”为由扣除了" in text
        assert "平台扣款所依据的“余额有效期”等条款系平台单方制定的格式条款" in text
        assert "服务费" not in text  # only the term the case names
        assert "系平台系统故障或订单状态异常所致" in text  # the second cause
        assert "第四百九十六条" in text  # the standard-terms law, for a hidden-rule case


def test_without_items_each_cause_is_stated(profile, made, tmp_path):
    with profile.session() as s:
        update_case(s, made.case_id, causes=["auto_renewal", "undelivered"])
    text = _lawsuit(profile, made.case_id, tmp_path)
    assert (
        "2025年9月20日，原告发现平台以“自动续费”为由扣除了原告的账户余额；原告付款后，平台未交付相应的商品或服务。"
        in text
    )
    assert "余额有效期" not in text and "未向原告作出提示和说明" not in text and "第四百九十六条" not in text
    assert "2025年9月21日起，原告要求平台退还上述款项，至今未获退还。" in text  # one request: not "多次"


def test_the_cli_takes_several_causes_and_a_basis(capsys, tmp_path):
    d = tmp_path / "p"
    case = run(capsys, d, "case", "new", "--title", "两个原因", "--cause", "自动续费扣款,付款后未交付")
    assert case["causes"] == ["auto_renewal", "undelivered"] and case["cause_type"] == "auto_renewal"
    edited = run(
        capsys, d, "case", "edit", str(case["id"]), "--cause", "隐性规则扣款", "--cause", "tech_fault"
    )
    assert edited["causes"] == ["hidden_rule", "tech_fault"]
    assert edited["cause_labels"] == ["隐性规则扣款", "技术故障扣款"]
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "case", "edit", str(case["id"]), "--cause", "乱写"]) == 2
    assert "未知的扣款原因" in capsys.readouterr().err
    party = run(
        capsys,
        d,
        "party",
        "add",
        "--case",
        str(case["id"]),
        "--role",
        "收款主体",
        "--name",
        "广州云汇信息技术有限公司",
        "--defendant",
        "--basis",
        "收款方且为实际经营者",
    )
    assert party["basis"] == "payee_operator" and party["basis_label"] == "收款方且为实际经营者"
    cleared = run(capsys, d, "party", "edit", str(party["id"]), "--basis", "")
    assert cleared["basis"] == ""


def test_ecommerce_law_38_only_when_the_case_shows_the_platform_was_told(profile, made, tmp_path):
    from kami_desktop.core.store.model import Fact, LadderStep

    payee = _parties(profile, made.case_id)["payee"]
    with profile.session() as s:
        edit_party(s, payee.id, basis="平台未能提供经营者真实信息")
        for row in s.scalars(select(Fact).where(Fact.case_id == made.case_id)).all():
            s.delete(row)
        for row in s.scalars(select(LadderStep).where(LadderStep.case_id == made.case_id)).all():
            s.delete(row)
    text = _lawsuit(profile, made.case_id, tmp_path)
    assert "第四十四条" in text and "电子商务法" not in text
