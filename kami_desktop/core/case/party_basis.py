"""Why a defendant is sued: the basis (被诉依据) the documents state for it, chosen by the user.

Pure rules, no database. A complaint names each defendant's basis; it asks for 共同 liability only when
two or more defendants have a basis that makes them liable for the same performance (each operates the
platform, or they operate it together). A platform sued because it cannot name the real business
(消费者权益保护法第四十四条) answers on its own ground, not jointly.
"""

from __future__ import annotations

from kami_desktop.core.vocab import parse_code

BASES: dict[str, str] = {
    "operator": "平台运营者（经营者）",
    "payee_operator": "收款方且为实际经营者",
    "undisclosed": "平台未能提供经营者真实信息",
    "joint": "与其他被告共同经营",
}
# bases that make a defendant answer for the performance itself (liable together with the others)
JOINT_BASES = frozenset({"operator", "payee_operator", "joint"})
# the basis a party gets when the user has chosen none (only an operator's role speaks for itself)
ROLE_DEFAULTS = {"operator": "operator"}


def basis_code(text: object) -> str:
    """A basis code from its code or label; empty input clears it."""
    t = str(text or "").strip()
    if not t:
        return ""
    return parse_code(BASES, t, "被诉依据")


def effective_basis(basis: str, role: str) -> str:
    """The basis the documents state: the chosen one, else the role's default ('' when none)."""
    return basis or ROLE_DEFAULTS.get(role, "")


def joint_liability(bases: list[str]) -> bool:
    """共同 only for two or more defendants that all have a basis supporting it."""
    return len(bases) >= 2 and all(b in JOINT_BASES for b in bases)


def main_debtors(bases: list[str]) -> list[int]:
    """Indexes of the defendants that answer for the performance (all but those sued under 消法 44)."""
    return [i for i, b in enumerate(bases) if b != "undisclosed"]
