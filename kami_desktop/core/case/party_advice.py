"""Advice about a case's parties (who to sue, what identity evidence is missing): shown in the app only."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.case.parties import check_field, id_number_facts, list_parties, party_evidence
from kami_desktop.core.case.party_basis import effective_basis
from kami_desktop.core.store.model import Party


@dataclass(frozen=True)
class Advice:
    code: str
    level: str  # 'warn' | 'info'
    text: str  # Chinese
    party_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "level": self.level, "text": self.text, "party_id": self.party_id}


def same_entity(a: str, b: str) -> bool:
    """Do two names denote the same entity (ignoring width, spaces, brackets and case)?"""

    def norm(x: str) -> str:
        return re.sub(r"[\s()（）【】\[\]·.,，。]", "", unicodedata.normalize("NFKC", x).casefold())

    return bool(a.strip()) and norm(a) == norm(b)


def _valid_uscc(p: Party) -> bool:
    chk = check_field("uscc", p.uscc)
    return chk is not None and chk.valid


def party_advice(s: Session, case_id: int) -> list[Advice]:
    """What to fix about the parties before a complaint or lawsuit (Chinese, most important first)."""
    parties = list_parties(s, case_id)
    operators = [p for p in parties if p.role == "operator"]
    payees = [p for p in parties if p.role == "payee"]
    out: list[Advice] = []
    if not operators:
        out.append(
            Advice(
                "no_operator",
                "warn",
                "尚未填写平台的运营主体。请在平台网站底部查找公司名称和ICP备案号，到工信部ICP备案系统"
                "（beian.miit.gov.cn）或国家企业信用信息公示系统核实公司全称和统一社会信用代码。",
            )
        )
        if payees:
            out.append(
                Advice(
                    "payee_only",
                    "info",
                    f"目前只有收款主体“{payees[0].name}”。收款方不一定是实际运营者，请核实平台的运营主体。",
                    payees[0].id,
                )
            )
    for op in operators:
        if not op.uscc:
            out.append(
                Advice(
                    "operator_no_uscc",
                    "warn",
                    f"运营主体“{op.name}”缺少统一社会信用代码。12315投诉和民事起诉状都需要准确的被告身份，"
                    "可在国家企业信用信息公示系统或天眼查等工具中查询。",
                    op.id,
                )
            )
        elif not _valid_uscc(op):
            out.append(
                Advice(
                    "operator_uscc_invalid",
                    "warn",
                    f"运营主体“{op.name}”的统一社会信用代码未通过校验（已确认保留）。"
                    "请在国家企业信用信息公示系统再次核对。",
                    op.id,
                )
            )
        if not op.address:
            out.append(
                Advice(
                    "operator_no_address",
                    "info",
                    f"运营主体“{op.name}”缺少住所地址：12315投诉（按被投诉人住所地管辖）和起诉状都需要。",
                    op.id,
                )
            )
        kinds = {pe.kind for pe, _ in party_evidence(s, op.id)}
        if not kinds & {"licence", "icp"}:
            out.append(
                Advice(
                    "operator_no_evidence",
                    "info",
                    f"请为运营主体“{op.name}”关联营业执照截图或ICP备案查询截图，证明平台由其运营。",
                    op.id,
                )
            )
    for pay in payees:
        if not operators or any(same_entity(pay.name, op.name) for op in operators):
            continue
        if pay.is_defendant and all(op.is_defendant for op in operators):
            continue
        names = "、".join(f"“{op.name}”" for op in operators)
        out.append(
            Advice(
                "payee_differs",
                "warn",
                f"收款主体“{pay.name}”与运营主体{names}不同：建议把两者都列为被告一并起诉，"
                "以免因主体错误导致维权对象偏差，并确保判决能够执行。",
                pay.id,
            )
        )
    for op in operators:
        if not op.is_defendant:
            out.append(
                Advice("operator_not_defendant", "info", f"运营主体“{op.name}”尚未标记为被告。", op.id)
            )
    if (operators or payees) and not any(p.is_defendant for p in parties):
        out.append(Advice("no_defendant", "info", "尚未标记任何被告：起诉时至少需要一个明确的被告。"))
    for p in parties:
        if p.is_defendant and p.role != "self" and not effective_basis(p.basis or "", p.role):
            out.append(
                Advice(
                    "defendant_no_basis",
                    "warn",
                    f"被告“{p.name}”尚未选择被诉依据（运营者、收款方且为实际经营者、平台未能提供经营者真实信息或"
                    "共同经营）：起诉状会写明每个被告的依据，未选择时留空待填写，也不会请求“共同”返还。",
                    p.id,
                )
            )
    for p in parties:  # saved by an older release: a basis without the defendant mark
        if p.basis and not p.is_defendant and p.role != "self":
            out.append(
                Advice(
                    "basis_not_defendant",
                    "warn",
                    f"“{p.name}”填写了被诉依据，但没有列为被告：证据册封面和起诉状都不会列出它。"
                    "请列为被告，或清除被诉依据。",
                    p.id,
                )
            )
    for p in parties:
        if p.role == "channel" and p.is_defendant:
            out.append(
                Advice(
                    "channel_defendant",
                    "info",
                    f"支付渠道“{p.name}”一般不是被告；可以在支付记录中向其投诉商户。",
                    p.id,
                )
            )
    selves = [p for p in parties if p.role == "self"]
    if not selves:
        out.append(
            Advice("no_self", "info", "请填写本人信息（姓名、联系电话、地址等），投诉和起诉状都需要。")
        )
    for me in selves:
        facts = id_number_facts(me.id_number) if me.id_number else None
        if facts is not None:
            stated = {"birth_date": facts[0].isoformat(), "gender": facts[1]}
            given = {
                "birth_date": me.birth_date.isoformat() if me.birth_date else "",
                "gender": me.gender or "",
            }
            wrong = [
                f"{label}（填写为{given[k]}，身份证号显示为{stated[k]}）"
                for k, label in (("gender", "性别"), ("birth_date", "出生日期"))
                if given[k] and given[k] != stated[k]
            ]
            if wrong:
                out.append(
                    Advice(
                        "self_id_mismatch",
                        "warn",
                        "本人信息与身份证号不一致：" + "；".join(wrong) + "，请核对。",
                        me.id,
                    )
                )
        missing = [
            label
            for field, label in (
                ("phone", "联系电话"),
                ("address", "住所"),
                ("id_number", "身份证号"),
                ("gender", "性别"),
                ("birth_date", "出生日期"),
                ("ethnicity", "民族"),
            )
            if not getattr(me, field) and not (facts is not None and field in ("gender", "birth_date"))
        ]
        if missing:
            out.append(
                Advice(
                    "self_incomplete",
                    "info",
                    "本人信息缺少：" + "、".join(missing) + "（民事起诉状需要）。",
                    me.id,
                )
            )
    return out
