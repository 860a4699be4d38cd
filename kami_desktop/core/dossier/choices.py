"""What a binder build can be asked for: the case's live exhibits in binder order (the selection the
user starts from) and how many copies to print (证据规定 art 19, ``core.legal.copies``)."""

from __future__ import annotations

from dataclasses import dataclass

from kami_desktop.core.case.parties import list_parties
from kami_desktop.core.evidence.exhibits import list_exhibits
from kami_desktop.core.legal.copies import EvidenceCopies, evidence_copies
from kami_desktop.core.profile import Profile


@dataclass(frozen=True)
class ExhibitChoice:
    id: int
    title: str
    files: int  # number of original files


@dataclass(frozen=True)
class DossierChoices:
    exhibits: tuple[ExhibitChoice, ...]
    defendants: int
    copies: EvidenceCopies


def dossier_choices(profile: Profile, case_id: int) -> DossierChoices:
    """The exhibits a binder of the case can hold and the copies it needs; ``CaseError`` if no such case."""
    with profile.session() as s:
        defendants = sum(1 for p in list_parties(s, case_id) if p.is_defendant)
        exhibits = tuple(ExhibitChoice(e.id, e.title, len(e.files)) for e in list_exhibits(s, case_id))
    return DossierChoices(exhibits, defendants, evidence_copies(defendants))
