"""Small text keys shared by layers that must agree on them."""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]


def name_key(name: str) -> str:
    """How a bill counterparty is grouped and stored: NFKC (full-width → half-width), spaces collapsed;
    case kept. ``bills.platform`` groups rows by it and ``evidence.replay_claims`` reads the ledger's
    counterparty decisions with it, so both must use this one function."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split())
