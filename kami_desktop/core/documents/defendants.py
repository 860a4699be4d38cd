"""The defendants as a complaint names them: labels and grammar by number, each one's basis, and whether
the claim asks for 共同 liability (``core.case.party_basis``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kami_desktop.core.case.party_basis import effective_basis, joint_liability, main_debtors
from kami_desktop.core.documents.context import CaseContext, PartyInfo
from kami_desktop.core.documents.layout import Missing

ORDINALS = "一二三四五六七八九十"
CONSUMER_44 = "《中华人民共和国消费者权益保护法》第四十四条"


def defendant_labels(defendants: list[PartyInfo]) -> list[str]:
    if len(defendants) == 1:
        return ["被告"]
    return [f"被告{ORDINALS[i] if i < 10 else i + 1}" for i in range(len(defendants))]


def defendants_ref(defendants: list[PartyInfo]) -> str:
    """'被告' for one, '二被告' for two …"""
    n = len(defendants)
    return "被告" if n <= 1 else f"{ORDINALS[n - 1] if n <= 10 else n}被告"


def bases(ctx: CaseContext) -> list[str]:
    return [effective_basis(p.basis, p.role) for p in ctx.defendants]


@dataclass
class Liability:
    who: str  # who returns the money: '被告' / '二被告' / '被告一'
    jointly: str  # '共同' or ''
    payers: str  # who bears the costs: every defendant
    extra: list[str] = field(default_factory=list)  # further claims (a platform sued under 消法 44)


def liability(ctx: CaseContext) -> Liability:
    defendants = ctx.defendants
    everyone = defendants_ref(defendants)
    bs = bases(ctx)
    main = main_debtors(bs)
    if not defendants or len(main) in (0, len(defendants)):
        return Liability(everyone, "共同" if joint_liability(bs) else "", everyone)
    labels = defendant_labels(defendants)
    who = "、".join(labels[i] for i in main)
    others = "、".join(labels[i] for i in range(len(defendants)) if i not in main)
    extra = [f"判令{others}对上述第一项、第二项款项承担赔偿责任"]
    return Liability(who, "共同" if joint_liability([bs[i] for i in main]) else "", everyone, extra)


def basis_sentences(ctx: CaseContext, m: Missing, me: str = "原告") -> list[str]:
    """Why each defendant is sued, as the user chose it; a blank where no basis was chosen."""
    platform = f"“{ctx.platform_name}”平台" if ctx.platform_name else "涉案平台"
    defendants = ctx.defendants
    labels = defendant_labels(defendants)
    out = []
    for label, p, basis in zip(labels, defendants, bases(ctx), strict=True):
        name = f"{label}{p.name}" if len(defendants) > 1 else f"被告{p.name}"
        if basis == "operator":
            out.append(f"{name}是{platform}的运营者（经营者）。")
        elif basis == "payee_operator":
            out.append(f"{name}是{me}充值款项的收款方，并实际经营{platform}。")
        elif basis == "undisclosed":
            out.append(
                f"{name}是{platform}的网络交易平台提供者，未能提供实际经营者的真实名称、地址和有效联系方式，"
                f"依照{CONSUMER_44}，{me}可以向其要求赔偿。"
            )
        elif basis == "joint":
            others = "、".join(x for x in labels if x != label) or "其他被告"
            out.append(f"{name}与{others}共同经营{platform}。")
        else:
            out.append(
                name
                + m.blank(
                    f"{p.name or label}的被诉依据（运营者/收款方且为实际经营者/平台未能提供经营者真实信息/共同经营）",
                    f"party.{p.id}.basis",
                )
                + "。"
            )
    lia = liability(ctx)
    if lia.jointly:
        out.append(f"{lia.who}均系{platform}的经营者，应当共同承担返还责任。")
    return out
