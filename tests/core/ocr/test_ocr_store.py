"""OCR results are derived rows keyed by the blob: stored and read back as plain data, replaced on a
re-read, never touching the original or the ledger, and gone with the blob when it is purged."""

from __future__ import annotations

from sqlalchemy import func, select

from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import EMPTY, OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import pages_of_blob, pages_of_exhibit, save_page
from kami_desktop.core.store.model import LedgerEntry, OcrText
from tests.helpers import screenshot


def _line(text: str, x: float, y: float) -> OcrLine:
    return OcrLine(text, ((x, y), (x + 200, y), (x + 200, y + 30), (x, y + 30)), 0.98)


def test_a_page_read_is_stored_and_replaced_without_touching_the_ledger(profile, case_id, tmp_path):
    shot = screenshot(tmp_path / "订单.png")
    report = import_paths(profile, case_id, [shot])
    item = report.imported[0]
    sha = item.sha256
    with profile.session() as s:
        ledger_before = s.scalar(select(func.count()).select_from(LedgerEntry))
        save_page(s, OcrPage(sha, 0, OK, "test-engine 1", 360, 780, (_line("订单号 KM2026", 10, 20),)))
    with profile.session() as s:
        [page] = pages_of_blob(s, sha)
        assert page.text == "订单号 KM2026" and page.lines[0].bbox == (10, 20, 210, 50)
        assert pages_of_exhibit(s, item.exhibit_id) == [page]
        save_page(s, OcrPage(sha, 0, EMPTY, "test-engine 2", 360, 780, ()))
    with profile.session() as s:
        [again] = pages_of_blob(s, sha)
        assert again.status == EMPTY and again.engine == "test-engine 2" and again.text == ""
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == ledger_before
    assert profile.vault.path_for(sha).read_bytes() == shot.read_bytes()


def test_purging_the_blob_removes_its_text(profile, case_id, tmp_path):
    report = import_paths(profile, case_id, [screenshot(tmp_path / "a.png")])
    item = report.imported[0]
    with profile.session() as s:
        save_page(s, OcrPage(item.sha256, 0, OK, "e", 1, 1, (_line("未到账", 0, 0),)))
    with profile.session() as s:
        exhibits.trash(s, item.exhibit_id)
    exhibits.purge(profile, case_id)
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(OcrText)) == 0
