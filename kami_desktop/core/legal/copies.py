"""How many copies of the evidence to prepare (证据规定 art 19).

Evidence goes to the court with one copy for each opposing party (证据规定第十九条); the party keeps
one more for itself, to follow the hearing with the same pages in hand.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceCopies:
    opposing: int  # one per opposing party (each defendant)
    court: int = 1
    own: int = 1  # kept by the party

    @property
    def filed(self) -> int:
        """Copies handed in: the court's and one per opposing party."""
        return self.court + self.opposing

    @property
    def total(self) -> int:
        """Copies to print: those handed in plus the party's own."""
        return self.filed + self.own


def evidence_copies(opposing_parties: int) -> EvidenceCopies:
    """Copies of the evidence (binder, evidence list) for a case with ``opposing_parties`` defendants."""
    if opposing_parties < 0:
        raise ValueError(f"opposing_parties must not be negative: {opposing_parties}")
    return EvidenceCopies(opposing=opposing_parties)
