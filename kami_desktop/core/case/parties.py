"""Parties of a case (运营主体, 收款主体, 支付渠道, 本人 …): add, edit, remove, link evidence, advice.

Company codes are checked with ``core.legal``: a failed check is a warning, not a block (legal.md §6.1 —
a few codes in circulation fail the check digit). Without ``override=True`` a failed check raises
:class:`PartyError` carrying the :class:`CodeCheck`; with it the value is stored as typed and the ledger
records that the warning was overridden. Every change goes into the ledger.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import CaseError, get_case
from kami_desktop.core.case.party_basis import BASES, basis_code
from kami_desktop.core.legal.identifiers import CodeCheck, check_company_code, check_icp, check_uscc
from kami_desktop.core.legal.private_data import id_check_char
from kami_desktop.core.store import ledger
from kami_desktop.core.store.edits import record_edit
from kami_desktop.core.store.model import Exhibit, Party, PartyExhibit
from kami_desktop.core.vocab import PARTY_ROLES, parse_code, role_code

# What a linked exhibit shows about a party: code stored, Chinese label shown.
EVIDENCE_KINDS: dict[str, str] = {
    "gsxt": "国家企业信用信息公示系统报告",
    "licence": "营业执照",
    "third_party": "第三方企业信息查询截图",
    "icp": "ICP备案",
    "contact": "客服联系方式",
    "other": "其他",
}

TEXT_FIELDS = (
    "name",
    "uscc",
    "icp",
    "address",
    "legal_representative",
    "phone",
    "website",
    "notes",
    "id_number",
    "gender",
    "ethnicity",
    "occupation",
    "legal_rep_title",
)
EDITABLE = ("role", *TEXT_FIELDS, "birth_date", "is_defendant", "basis")
CHECKED_FIELDS = ("uscc", "icp", "id_number")
COMPANY_ROLES = ("operator", "payee")


class PartyError(CaseError):
    """A party cannot be stored as given. ``check`` is the failed code check when there is one."""

    def __init__(self, message: str, check: CodeCheck | None = None, field: str = "") -> None:
        super().__init__(message)
        self.check = check
        self.field = field

    @property
    def overridable(self) -> bool:
        return self.check is not None


def evidence_kind_code(text: str) -> str:
    return parse_code(EVIDENCE_KINDS, text, "主体证据类型")


# ----------------------------------------------------------------------------- checks (pure)


def check_id_number(text: str) -> CodeCheck:
    """18-digit 居民身份证号码 (GB 11643: ISO 7064 MOD 11-2 check character)."""
    s = unicodedata.normalize("NFKC", text or "").strip().upper().replace(" ", "")
    if not s:
        return CodeCheck(False, "id_number", None, "未填写身份证号", normalized=s)
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return CodeCheck(
            False, "id_number", None, f"身份证号应为18位（最后一位可为X），实际为“{s}”", normalized=s
        )
    expected = id_check_char(s[:17])
    if s[17] != expected:
        return CodeCheck(
            False,
            "id_number",
            expected,
            f"身份证号校验位不符：按前17位计算应为“{expected}”，实际为“{s[17]}”，请核对",
            normalized=s,
        )
    try:
        date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return CodeCheck(False, "id_number", expected, "身份证号中的出生日期不存在", normalized=s)
    return CodeCheck(True, "id_number", expected, "", normalized=s)


def id_number_facts(text: str) -> tuple[date, str] | None:
    """(birth date, "男"/"女") that a valid 18-digit 身份证号 states (GB 11643: digits 7–14 the birth date,
    the 17th odd for men); None for a number that does not check."""
    check = check_id_number(text)
    if not check.valid:
        return None
    s = check.normalized
    return date(int(s[6:10]), int(s[10:12]), int(s[12:14])), "男" if int(s[16]) % 2 else "女"


def check_field(field: str, value: str) -> CodeCheck | None:
    """The check for a party field as typed (None for empty input or an unchecked field).

    ``uscc`` accepts an 18-character 统一社会信用代码 or an old 15-digit 注册号; an ICP number typed there
    is reported as misplaced. Used by the GUI for live validation and by :func:`add_party`.
    """
    text = (value or "").strip()
    if not text or field not in CHECKED_FIELDS:
        return None
    if field == "icp":
        return check_icp(text)
    if field == "id_number":
        return check_id_number(text)
    chk = check_company_code(text)
    if chk.kind == "icp":
        return CodeCheck(
            False, "icp", None, "这是ICP备案号，请填写到“ICP备案号”一栏", normalized=chk.normalized
        )
    if chk.kind == "unknown" and len(chk.normalized) == 18:
        return check_uscc(text)
    return chk


# ----------------------------------------------------------------------------- CRUD


def _text(field: str, value: Any) -> str:
    t = str(value or "").strip()
    if field == "name":
        if not t:
            raise PartyError("主体名称不能为空", field="name")
        return t[:200]
    return t


def _birth(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise PartyError(f"出生日期格式不正确：{value!r}（例：1990-05-01）", field="birth_date") from exc


def _clean(values: dict[str, Any], override: bool) -> tuple[dict[str, Any], dict[str, str]]:
    """Normalise and check the given fields; returns (values, overridden {field: reason})."""
    out: dict[str, Any] = {}
    overridden: dict[str, str] = {}
    for k, v in values.items():
        if k not in EDITABLE:
            raise PartyError(f"未知字段 {k}")
        if k == "role":
            out[k] = role_code(v)
        elif k == "birth_date":
            out[k] = _birth(v)
        elif k == "is_defendant":
            out[k] = bool(v)
        elif k == "basis":
            out[k] = basis_code(v)
        else:
            out[k] = _text(k, v)
    for k in CHECKED_FIELDS:
        if k not in out:
            continue
        chk = check_field(k, out[k])
        if chk is None:
            continue
        if chk.valid:
            out[k] = chk.normalized or out[k]
        elif k == "uscc" and chk.kind == "icp":
            raise PartyError(chk.reason, field=k)
        elif override:
            overridden[k] = chk.reason
        else:
            label = {"uscc": "统一社会信用代码", "icp": "ICP备案号", "id_number": "身份证号"}[k]
            raise PartyError(f"{label}未通过校验：{chk.reason}。如已核实无误，可选择“仍然保存”。", chk, k)
    return out, overridden


def _guard(s: Session, case_id: int, party_id: int | None, role: str, is_defendant: bool) -> None:
    """The user (本人) is never a defendant, and a case has one of them."""
    if role == "self" and is_defendant:
        raise PartyError("本人不能被列为被告", field="is_defendant")
    if role == "self":
        others = s.scalars(select(Party.id).where(Party.case_id == case_id, Party.role == "self")).all()
        if any(i != party_id for i in others):
            raise PartyError("本案已有“本人”信息，请修改已有的一条", field="role")


def _settle_defendant(values: dict[str, Any], is_defendant: bool, basis: str) -> None:
    """The one rule of who is a defendant, for every way a party is saved (CLI, desktop, import):
    a 被诉依据 is the reason a defendant is sued, so a party given one is a defendant, and a party taken
    off the defendants loses its basis. ``is_defendant`` and ``basis`` are the party's values now."""
    given = values.get("is_defendant")
    if given is False:
        if values.get("basis"):
            raise PartyError(
                "被诉依据是起诉该当事人的理由，只适用于被告：请同时列为被告，或不填写被诉依据",
                field="basis",
            )
        if basis:
            values["basis"] = ""
    elif given is None and values.get("basis") and not is_defendant:
        values["is_defendant"] = True


def get_party(s: Session, party_id: int) -> Party:
    p = s.get(Party, party_id)
    if p is None:
        raise PartyError(f"主体 {party_id} 不存在")
    return p


def list_parties(s: Session, case_id: int) -> list[Party]:
    get_case(s, case_id)
    order = {code: i for i, code in enumerate(PARTY_ROLES)}
    parties = s.scalars(select(Party).where(Party.case_id == case_id).order_by(Party.id)).all()
    return sorted(parties, key=lambda p: (order.get(p.role, 99), p.id))


def add_party(
    s: Session, case_id: int, role: str, name: str, *, override: bool = False, **fields: Any
) -> Party:
    """Add a party. Fields: see :data:`EDITABLE`. Raises PartyError on a failed code check unless ``override``."""
    get_case(s, case_id)
    values, overridden = _clean({"role": role, "name": name, **fields}, override)
    _settle_defendant(values, False, "")
    _guard(s, case_id, None, values["role"], values.get("is_defendant", False))
    party = Party(case_id=case_id, **{k: "" for k in TEXT_FIELDS}, is_defendant=False)
    for k, v in values.items():
        setattr(party, k, v)
    s.add(party)
    s.flush()
    payload = {"party": party_summary(party)}
    if overridden:
        payload["overridden"] = overridden
    ledger.append(s, "party.add", payload, case_id=case_id)
    return party


def edit_party(s: Session, party_id: int, *, override: bool = False, **fields: Any) -> Party:
    """Change the given fields (old → new recorded in the ledger, with any code-check warning overridden)."""
    party = get_party(s, party_id)
    values, overridden = _clean(fields, override)
    _settle_defendant(values, bool(party.is_defendant), party.basis or "")
    role, defendant = values.get("role", party.role), values.get("is_defendant", party.is_defendant)
    _guard(s, party.case_id, party.id, role, defendant)
    overridden = {k: v for k, v in overridden.items() if getattr(party, k) != values[k]}
    record_edit(s, party, values, extra={"overridden": overridden} if overridden else None)
    return party


def remove_party(s: Session, party_id: int) -> None:
    party = get_party(s, party_id)
    case_id, summary = party.case_id, party_summary(party)
    links = list(s.scalars(select(PartyExhibit.exhibit_id).where(PartyExhibit.party_id == party_id)))
    s.execute(delete(PartyExhibit).where(PartyExhibit.party_id == party_id))
    s.delete(party)
    s.flush()
    ledger.append(s, "party.remove", {"party": summary, "evidence": links}, case_id=case_id)


def link_evidence(s: Session, party_id: int, exhibit_id: int, kind: str = "other") -> PartyExhibit:
    """Link an exhibit (营业执照, ICP备案 page, contacts …) to the party it identifies."""
    party = get_party(s, party_id)
    ex = s.get(Exhibit, exhibit_id)
    if ex is None or ex.case_id != party.case_id:
        raise PartyError(f"证据 {exhibit_id} 不在本案件中")
    code = evidence_kind_code(kind)
    link = s.get(PartyExhibit, (party_id, exhibit_id))
    old = link.kind if link is not None else None
    if link is None:
        link = PartyExhibit(party_id=party_id, exhibit_id=exhibit_id, kind=code)
        s.add(link)
    link.kind = code
    if old != code:
        ledger.append(
            s,
            "party.link",
            {"party_id": party_id, "kind": code, "previous": old},
            case_id=party.case_id,
            exhibit_id=exhibit_id,
        )
    return link


def unlink_evidence(s: Session, party_id: int, exhibit_id: int) -> None:
    party = get_party(s, party_id)
    link = s.get(PartyExhibit, (party_id, exhibit_id))
    if link is None:
        raise PartyError(f"证据 {exhibit_id} 未关联到主体 {party_id}")
    kind = link.kind
    s.delete(link)
    s.flush()
    ledger.append(
        s, "party.unlink", {"party_id": party_id, "kind": kind}, case_id=party.case_id, exhibit_id=exhibit_id
    )


def party_evidence(s: Session, party_id: int) -> list[tuple[PartyExhibit, Exhibit]]:
    """The party's linked live exhibits, in binder order."""
    rows = s.execute(
        select(PartyExhibit, Exhibit)
        .join(Exhibit, Exhibit.id == PartyExhibit.exhibit_id)
        .where(PartyExhibit.party_id == party_id, Exhibit.trashed_at.is_(None))
        .order_by(Exhibit.position, Exhibit.id)
    ).all()
    return [(pe, ex) for pe, ex in rows]


def party_summary(p: Party, evidence: list[tuple[PartyExhibit, Exhibit]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "case_id": p.case_id,
        "role": p.role,
        "role_label": PARTY_ROLES.get(p.role, p.role),
        "name": p.name,
        "uscc": p.uscc,
        "icp": p.icp,
        "address": p.address,
        "legal_representative": p.legal_representative,
        "legal_rep_title": p.legal_rep_title,
        "phone": p.phone,
        "website": p.website,
        "is_defendant": bool(p.is_defendant),
        "basis": p.basis or "",
        "basis_label": BASES.get(p.basis or "", ""),
        "notes": p.notes,
        "id_number": p.id_number,
        "gender": p.gender,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "ethnicity": p.ethnicity,
        "occupation": p.occupation,
    }
    checks = {}
    for k in CHECKED_FIELDS:
        chk = check_field(k, getattr(p, k) or "")
        if chk is not None:
            checks[k] = {"valid": chk.valid, "reason": chk.reason, "warnings": list(chk.warnings)}
    out["checks"] = checks
    if evidence is not None:
        out["evidence"] = [
            {
                "exhibit_id": ex.id,
                "title": ex.title,
                "kind": pe.kind,
                "kind_label": EVIDENCE_KINDS.get(pe.kind, pe.kind),
            }
            for pe, ex in evidence
        ]
    return out


__all__ = [
    "EVIDENCE_KINDS",
    "PartyError",
    "add_party",
    "check_field",
    "check_id_number",
    "edit_party",
    "evidence_kind_code",
    "get_party",
    "link_evidence",
    "list_parties",
    "party_evidence",
    "party_summary",
    "remove_party",
    "unlink_evidence",
]
