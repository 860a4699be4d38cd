"""What the binder dialog offers: live exhibits in binder order, file counts, and the copies to print."""

from __future__ import annotations

import pytest

from kami_desktop.core.case.cases import CaseError
from kami_desktop.core.case.parties import add_party
from kami_desktop.core.dossier.choices import dossier_choices
from kami_desktop.core.evidence.exhibits import list_exhibits, trash

from .cases import make_case


def test_choices_list_live_exhibits_in_order_and_copies_per_defendant(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["chat_png", "jpeg", "note"])
    with profile.session() as s:
        trash(s, case.exhibits["jpeg"])
        order = [e.id for e in list_exhibits(s, case.case_id)]
    choices = dossier_choices(profile, case.case_id)
    assert [x.id for x in choices.exhibits] == order == [case.exhibits["chat_png"], case.exhibits["note"]]
    assert [(x.title, x.files) for x in choices.exhibits] == [("客服聊天记录", 2), ("情况说明", 1)]
    assert choices.defendants == 2  # the operator and the payee
    assert (choices.copies.filed, choices.copies.total) == (3, 4)
    with profile.session() as s:
        add_party(s, case.case_id, "self", "张三")
        add_party(s, case.case_id, "operator", "另一家公司", is_defendant=True)
    again = dossier_choices(profile, case.case_id)
    assert again.defendants == 3 and again.copies.total == 5  # the user (本人) is no defendant


def test_choices_of_an_unknown_case_raise(profile):
    with pytest.raises(CaseError):
        dossier_choices(profile, 999)
