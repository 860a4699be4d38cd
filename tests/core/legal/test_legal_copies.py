"""Copies of the evidence (证据规定 art 19): the court's, one per opposing party, and the party's own."""

from __future__ import annotations

import pytest

from kami_desktop.core.legal.copies import evidence_copies


@pytest.mark.parametrize(("defendants", "filed", "total"), [(0, 1, 2), (1, 2, 3), (2, 3, 4), (5, 6, 7)])
def test_copies_grow_by_one_per_opposing_party(defendants, filed, total):
    copies = evidence_copies(defendants)
    assert (copies.court, copies.opposing, copies.own) == (1, defendants, 1)
    assert (copies.filed, copies.total) == (filed, total)


def test_a_negative_number_of_parties_is_refused():
    with pytest.raises(ValueError):
        evidence_copies(-1)
