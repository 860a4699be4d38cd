"""The background reading of a case: once per engine, page by page, resumable after a kill, cancellable,
failures recorded with their reason, and nothing but derived ``ocr_texts`` rows written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.ocr.engine import TEXT_LAYER_ENGINE, engine_name
from kami_desktop.core.ocr.job import exhibit_text, read_case, unread
from kami_desktop.core.ocr.model import EMPTY, FAILED, OK
from kami_desktop.core.ocr.store import pages_of_blob
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import OcrText
from kami_desktop.core.tasks import CancelToken
from tests.core.ocr.samples import image_pdf, order_shot, text_pdf
from tests.fixtures.cli import run_json
from tests.fixtures.evidence import db_state, vault_state

ROOT = Path(__file__).resolve().parents[3]


def _rows(profile: Profile) -> dict[tuple[str, int], OcrText]:
    with profile.session() as s:
        return {(r.blob_sha256, r.page): r for r in s.scalars(select(OcrText))}


def _bad_files(src: Path) -> list[Path]:
    """Files stored as images or PDFs that cannot be read: each must get a failed row with its reason."""
    good = order_shot(src / "ok.png").read_bytes()
    (src / "截断.png").write_bytes(good[: len(good) // 3])  # a PNG cut short: sniffed as PNG, fails to decode
    Image.new("RGB", (1, 60000), "white").save(src / "细线.png")
    (src / "空.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(src / "加密.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    (src / "IMG_0001.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    return [src / "截断.png", src / "细线.png", src / "空.pdf", src / "加密.pdf", src / "IMG_0001.HEIC"]


def test_a_case_is_read_once_failures_are_recorded_and_only_derived_rows_change(profile, case_id, tmp_path):
    src = tmp_path / "src"
    shot = order_shot(src / "订单.png")
    bills = text_pdf(src / "账单.pdf")
    bad = _bad_files(src)
    report = import_paths(profile, case_id, [shot, bills, *bad])
    assert not report.errors and len(report.imported) == 7
    kinds = {i.original_name: i.media_type for i in report.imported}
    assert kinds["截断.png"] == "image/png" and kinds["空.pdf"] == "application/pdf"
    assert kinds["IMG_0001.HEIC"] == "image/heic"
    before_db = db_state(profile.data_dir / "kami.sqlite3")
    before_vault = vault_state(profile.data_dir)
    assert len(unread(profile, case_id)) == 7

    seen: list[tuple[int, int, str]] = []
    summary = read_case(profile, case_id, progress=lambda d, t, label: seen.append((d, t, label)))
    assert (summary.read, summary.failed, summary.skipped, summary.cancelled) == (2, 5, 0, False)
    assert seen[0] == (0, 7, "") and seen[-1][:2] == (7, 7)
    reasons = dict(summary.problems)
    assert "损坏" in reasons["截断.png"] and "1×60000" in reasons["细线.png"]
    assert "为空或已损坏" in reasons["空.pdf"] and "已加密" in reasons["加密.pdf"]
    assert "图片" in reasons["IMG_0001.HEIC"]

    by_name = {i.original_name: i for i in report.imported}
    with profile.session() as s:
        [page] = pages_of_blob(s, by_name["订单.png"].sha256)
        assert page.status == OK and page.engine == engine_name() and "KM2026052821140311" in page.text
        [bill] = pages_of_blob(s, by_name["账单.pdf"].sha256)
        assert bill.engine == TEXT_LAYER_ENGINE and "未到账" in bill.text
        [failed] = pages_of_blob(s, by_name["加密.pdf"].sha256)
        assert failed.status == FAILED and "已加密" in failed.problem
        files = exhibit_text(s, by_name["订单.png"].exhibit_id)
        assert [f.name for f in files] == ["订单.png"] and files[0].pages == (page,)

    after_db = db_state(profile.data_dir / "kami.sqlite3")
    assert {t: r for t, r in after_db.items() if t != "ocr_texts"} == {
        t: r for t, r in before_db.items() if t != "ocr_texts"
    }
    assert len(after_db["ocr_texts"]) == 7 and vault_state(profile.data_dir) == before_vault
    assert verify(profile, full=True).ok

    # a second run reads nothing (failed files are not retried); redo reads everything again
    rows = _rows(profile)
    again = read_case(profile, case_id)
    assert (again.read, again.failed, again.skipped) == (0, 0, 7) and _rows(profile).keys() == rows.keys()
    assert {k: r.read_at for k, r in _rows(profile).items()} == {k: r.read_at for k, r in rows.items()}
    assert unread(profile, case_id) == []
    redo = read_case(profile, case_id, redo=True)
    assert (redo.read, redo.failed, redo.skipped) == (2, 5, 0)
    after = _rows(profile)
    assert after.keys() == rows.keys() and all(after[k].read_at > rows[k].read_at for k in rows)


def test_trashed_exhibits_and_other_cases_are_not_read(profile, case_id, tmp_path):
    from kami_desktop.core.case.cases import create_case

    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    a = import_paths(profile, case_id, [text_pdf(tmp_path / "a.pdf")]).imported[0]
    trashed = import_paths(profile, case_id, [order_shot(tmp_path / "b.png")]).imported[0]
    elsewhere = import_paths(profile, other, [order_shot(tmp_path / "c.png", seed=2)]).imported[0]
    with profile.session() as s:
        exhibits.trash(s, trashed.exhibit_id)
    summary = read_case(profile, case_id)
    assert (summary.read, summary.skipped) == (1, 0)
    assert set(sha for sha, _page in _rows(profile)) == {a.sha256}
    assert [t.sha256 for t in unread(profile, None)] == [elsewhere.sha256]


def test_cancel_stops_between_pages_and_the_next_run_goes_on(profile, case_id, tmp_path):
    pdf = import_paths(profile, case_id, [image_pdf(tmp_path / "扫描件.pdf", pages=2)]).imported[0]
    token = CancelToken()
    stored: list[int] = []
    from kami_desktop.core.ocr import job

    real = job._store

    def store_then_cancel(prof, page):
        real(prof, page)
        stored.append(page.page)
        token.cancel()  # the user presses 取消 while the first page is being read

    job._store = store_then_cancel
    try:
        first = read_case(profile, case_id, cancel=token)
    finally:
        job._store = real
    assert first.cancelled and first.pages == 1 and first.read == 0 and stored == [0]
    assert set(_rows(profile)) == {(pdf.sha256, 0)}
    second = read_case(profile, case_id)
    assert (second.read, second.pages, second.cancelled) == (1, 1, False)
    assert set(_rows(profile)) == {(pdf.sha256, 0), (pdf.sha256, 1)}


KILLED = r"""
import sys
from kami_desktop.cli import main
from kami_desktop.core.ocr import job
from tests.fixtures.faults import kill_on_call

kill_on_call(job, "_store", 1, after=True)  # SIGKILL right after the first page is committed
main(["--data-dir", sys.argv[1], "ocr", "--case", "1"])
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_run_resumes_without_reading_a_page_twice(tmp_path):
    data = tmp_path / "profile"
    run_json("case", "new", "--title", "星辰卡盟", data_dir=data)
    src = tmp_path / "src"
    paths = [image_pdf(src / "扫描件.pdf", pages=2), order_shot(src / "订单.png")]
    run_json("import", "--case", "1", *map(str, paths), data_dir=data)
    proc = subprocess.run(
        [sys.executable, "-c", KILLED, str(data)],
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == -9, proc.stderr[-2000:]
    with Profile.open(data) as prof:
        first = _rows(prof)
    assert [(k[1], r.status) for k, r in first.items()] == [(0, OK)]  # the PDF's first page, whole
    summary = run_json("ocr", "--case", "1", data_dir=data)
    assert (summary["read"], summary["pages"], summary["failed"], summary["skipped"]) == (2, 2, 0, 0)
    with Profile.open(data) as prof:
        rows = _rows(prof)
    assert len(rows) == 3 and all(r.status == OK for r in rows.values())
    [(key, row)] = first.items()
    assert rows[key].read_at == row.read_at  # not read again
    again = run_json("ocr", "--case", "1", data_dir=data)
    assert (again["read"], again["skipped"]) == (0, 2)
    assert run_json("verify", "--full", data_dir=data)["ok"] is True


def test_a_blank_screenshot_is_read_as_having_no_text_not_as_a_failure(profile, case_id, tmp_path):
    blank = tmp_path / "黑屏截图.png"
    Image.new("RGB", (1080, 2400), (0, 0, 0)).save(blank)
    item = import_paths(profile, case_id, [blank]).imported[0]
    summary = read_case(profile, case_id)
    assert (summary.read, summary.failed) == (1, 0)
    with profile.session() as s:
        [page] = pages_of_blob(s, item.sha256)
    assert page.status == EMPTY and page.text == "" and page.problem == ""
    assert unread(profile, case_id) == []  # read once: not read again on the next start
