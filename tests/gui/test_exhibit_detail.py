"""The exhibit detail panel, fed by ``core.evidence.detail``: the files of a several-file exhibit, the
facts of the selected one, and an exhibit that no longer exists."""

from __future__ import annotations

import hashlib

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.util.hashing import sm3_file
from kami_desktop.gui.exhibit_detail import ExhibitDetailPanel
from tests.helpers import screenshot


def test_panel_shows_each_file_of_the_exhibit_and_clears_for_an_unknown_one(
    qtbot, profile, case_id, tmp_path
):
    first = screenshot(tmp_path / "聊天_1.png", 1, size=(120, 260))
    second = screenshot(tmp_path / "聊天_2.jpg", 2, size=(90, 200), fmt="JPEG")
    eid = import_paths(profile, case_id, [first]).imported[0].exhibit_id
    import_paths(profile, case_id, [second], exhibit_id=eid)
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.set_exhibit(eid)
    assert panel.isEnabled() and panel.files.count() == 2
    assert [panel.files.item(i).text().split("  ")[0] for i in range(2)] == ["1. 聊天_1.png", "2. 聊天_2.jpg"]
    panel.files.setCurrentRow(1)
    facts = {k: w.text() for k, w in panel.fact_labels.items()}
    data = second.read_bytes()
    assert facts["name"] == "聊天_2.jpg" and facts["sha256"] == hashlib.sha256(data).hexdigest()
    assert facts["sm3"] == sm3_file(second) and f"{len(data)} 字节" in facts["size"]
    assert "image/jpeg" in facts["type"] and "90×200" in facts["type"]
    assert panel.selected_file_id() is not None
    panel.set_exhibit(9999)
    assert not panel.isEnabled() and panel.exhibit_id is None and panel.files.count() == 0
    assert panel.title.text() == "" and panel.fact_labels["sha256"].text() == ""


def test_panel_shows_the_apps_advice_apart_from_the_users_notes(qtbot, profile, case_id, tmp_path):
    import sys
    from pathlib import Path

    from kami_desktop.core.bills.store import import_bill

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "bills"))
    import bill_fixtures as bf

    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(bf.alipay_app_csv())
    eid = import_bill(profile, case_id, path).exhibit_id
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.set_exhibit(eid)
    assert panel.notes.toPlainText() == ""  # the user's field stays the user's
    assert "仅供个人对账使用" in panel.advice.text() and panel.advice.isVisibleTo(panel)
    shot = import_paths(profile, case_id, [screenshot(tmp_path / "a.png", 1)]).imported[0].exhibit_id
    panel.set_exhibit(shot)
    assert panel.advice.text() == "" and not panel.advice.isVisibleTo(panel)


def test_a_recording_shows_its_transcript_field_and_saves_it_through_the_ledger(
    qtbot, profile, case_id, tmp_path
):
    from kami_desktop.core.evidence.exhibits import get_exhibit
    from kami_desktop.core.evidence.verify import verify
    from tests.core.media.voice_samples import silk_file

    voice = import_paths(profile, case_id, [silk_file(tmp_path / "语音.silk", 1.0)]).imported[0].exhibit_id
    shot = import_paths(profile, case_id, [screenshot(tmp_path / "图.png", 3)]).imported[0].exhibit_id
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.set_exhibit(shot)
    assert not panel.form.isRowVisible(panel.transcript)  # a screenshot has nothing to transcribe
    panel.set_exhibit(voice)
    assert panel.form.isRowVisible(panel.transcript)
    panel.transcript.setPlainText("客服：七日内退款。")
    assert panel.changed_fields() == {"transcript": "客服：七日内退款。"}
    assert panel.save()
    with profile.session() as s:
        assert get_exhibit(s, voice).transcript == "客服：七日内退款。"
    assert panel.transcript.toPlainText() == "客服：七日内退款。" and panel.changed_fields() == {}
    assert verify(profile).ok
