"""The defendants as a complaint names them: labels and grammar by number, each one's basis, and whether
the claim asks for 共同 liability (``core.case.party_basis``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kami_desktop.core.case.party_basis import effective_basis, joint_liability, main_debtors
from kami_desktop.core.documents.context import (
    DEMAND_STEP_KINDS,
    REFUND_REQUEST_KINDS,
    CaseContext,
    PartyInfo,
)
from kami_desktop.core.documents.layout import Missing

ORDINALS = "一二三四五六七八九十"
# The provisions each basis rests on (docs/legal.md §5.1): 消法 53 — a business taking prepayment performs
# or refunds it; 民法典 985 — money held without legal ground is returned; 消法 44 — a platform that cannot
# give the real business's name, address and contact answers to the consumer; 电子商务法 38 — a platform
# that knew of the harm and took no necessary measures is jointly liable (stated only when the case records
# that the user asked for the money back, so that the platform knew). 共同经营 rests on no provision of its
# own in the research notes: the sentence states the fact and the joint claim, without an article.
CONSUMER_53 = "《中华人民共和国消费者权益保护法》第五十三条"
CONSUMER_44 = "《中华人民共和国消费者权益保护法》第四十四条"
CIVIL_985 = "《中华人民共和国民法典》第九百八十五条"
ECOMMERCE_38 = "《中华人民共和国电子商务法》第三十八条"


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
    asked = bool(ctx.facts_of(REFUND_REQUEST_KINDS)) or any(  # the platform was told
        st.done for st in ctx.steps if st.kind.lower() in DEMAND_STEP_KINDS
    )
    out = []
    for label, p, basis in zip(labels, defendants, bases(ctx), strict=True):
        name = f"{label}{p.name}" if len(defendants) > 1 else f"被告{p.name}"
        if basis == "operator":
            out.append(
                f"{name}是{platform}的运营者（经营者），以预收款方式向{me}提供商品或服务，"
                f"依照{CONSUMER_53}，应当按照约定提供，未按照约定提供的，应当退还预付款。"
            )
        elif basis == "payee_operator":
            out.append(
                f"{name}是{me}充值款项的收款方，并实际经营{platform}，是以预收款方式提供商品或服务的经营者"
                f"（{CONSUMER_53}）；其收取上述款项而未提供相应的商品或服务，所得款项没有法律根据，"
                f"{me}亦可依照{CIVIL_985}请求返还。"
            )
        elif basis == "undisclosed":
            out.append(
                f"{name}是{platform}的网络交易平台提供者，未能提供实际经营者的真实名称、地址和有效联系方式，"
                f"依照{CONSUMER_44}，{me}可以向其要求赔偿。"
            )
            if asked:
                out.append(
                    f"{me}已向平台要求退还上述款项，{name}知道上述情况后未采取必要措施，"
                    f"依照{ECOMMERCE_38}，应当依法与实际经营者承担连带责任。"
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
