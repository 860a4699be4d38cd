"""The desktop app reads through a child process: the same lines as in this process, a bad file or a
crash of the child is a failed page with its reason and the job goes on, a stop is not a failure, and
the rows stored are those the in-process job stores."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.engine import OcrUnavailable, UnreadableFile, read_image_file
from kami_desktop.core.ocr.job import read_case
from kami_desktop.core.ocr.reader_process import (
    CRASHED,
    ReadCancelled,
    ReaderProcess,
    child_command,
    page_from_json,
    page_to_json,
    serve,
)
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import OcrText
from kami_desktop.core.tasks import CancelToken
from tests.core.ocr.samples import image_pdf, order_shot, text_pdf

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _rows(profile: Profile) -> list[tuple]:
    with profile.session() as s:
        return sorted(
            (r.blob_sha256, r.page, r.status, r.engine, r.width, r.height, r.text, r.lines, r.problem)
            for r in s.scalars(select(OcrText))
        )


@pytest.fixture
def reader():
    r = ReaderProcess()
    yield r
    r.close()


def test_the_child_reads_the_same_lines_as_this_process(reader, tmp_path):
    shot = order_shot(tmp_path / "订单.png")
    here = read_image_file(shot)
    there = reader.read_image(shot)
    assert there == here  # width, height, engine, every line with its box and confidence
    assert "KM2026052821140311" in "".join(ln.text for ln in there.lines).replace(" ", "")
    assert reader.running and reader.started == 1
    pid = reader.pid
    reader.close()
    assert not reader.running
    if sys.platform != "win32":
        with pytest.raises(ProcessLookupError):  # reaped by close(): nothing left behind
            os.kill(pid, 0)


def test_the_wire_format_round_trips_and_a_bad_request_is_answered(tmp_path):
    bad = tmp_path / "坏.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    pdf = text_pdf(tmp_path / "账单.pdf")
    requests = [
        {"path": str(bad), "kind": "image", "page": 0, "threads": 1},
        {"path": str(pdf), "kind": "pdf", "page": 0, "threads": 1},
    ]
    out = io.BytesIO()
    stdin = io.BytesIO(b"".join(json.dumps(r).encode() + b"\n" for r in requests) + b"not json\n")
    assert serve(stdin, out) == 0
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["error"] == "unreadable" and "图片" in first["reason"]
    page = page_from_json(second["ok"])
    assert page.engine == "pdf-text-layer" and "KM2026052821140311" in "".join(ln.text for ln in page.lines)
    assert page_from_json(json.loads(json.dumps(page_to_json(page)))) == page
    assert third["error"] == "other"


def test_a_corrupt_file_a_crash_and_a_stop_through_the_child(reader, tmp_path):
    bad = tmp_path / "截断.png"
    bad.write_bytes(order_shot(tmp_path / "ok.png").read_bytes()[:500])
    with pytest.raises(UnreadableFile, match="损坏|无法识别"):
        reader.read_image(bad)
    assert reader.started == 1  # the child is still there
    # the child dies while it reads (killed from outside, as the system does when memory runs out)
    big = order_shot(tmp_path / "长.png", size=(1200, 6000))
    killer = threading.Timer(0.3, lambda: os.kill(reader.pid, getattr(signal, "SIGKILL", signal.SIGTERM)))
    killer.start()
    with pytest.raises(UnreadableFile) as crash:
        reader.read_image(big)
    killer.join()
    assert str(crash.value).startswith(CRASHED)
    assert reader.read_pdf_page(text_pdf(tmp_path / "账单.pdf"), 0).lines  # the next page: a new child
    assert reader.started == 2
    # the user's stop: the read in flight is cancelled, not failed
    stopper = threading.Timer(0.3, reader.terminate)
    stopper.start()
    with pytest.raises(ReadCancelled):
        reader.read_image(big)
    stopper.join()
    assert not reader.running


def test_the_job_stores_through_the_child_exactly_what_it_stores_in_process(tmp_path):
    src = tmp_path / "src"
    files = [order_shot(src / "订单.png"), image_pdf(src / "扫描.pdf", pages=1), text_pdf(src / "账单.pdf")]
    bad = src / "截断.png"
    bad.write_bytes(files[0].read_bytes()[:500])
    results = []
    for name, reader in (("here", None), ("child", ReaderProcess())):
        profile = Profile.open(tmp_path / name)
        try:
            with profile.session() as s:
                case_id = create_case(s, "星辰卡盟充值扣款纠纷").id
            import_paths(profile, case_id, [*files, bad])
            summary = read_case(profile, case_id, reader=reader)
            results.append(_rows(profile))
        finally:
            profile.close()
            if reader is not None:
                reader.close()
        assert (summary.read, summary.failed, summary.pages) == (3, 1, 3)
    assert results[0] == results[1] and len(results[0]) == 4


def test_a_stop_kills_the_child_and_the_page_in_flight_is_read_next_time(profile, case_id, tmp_path):
    shots = [order_shot(tmp_path / f"{i}.png", size=(1200, 4000), seed=i) for i in range(2)]
    import_paths(profile, case_id, shots)
    reader = ReaderProcess()
    token = CancelToken()

    def stop() -> None:
        token.cancel()
        reader.terminate()

    timer = threading.Timer(0.5, stop)
    timer.start()
    try:
        summary = read_case(profile, case_id, reader=reader, cancel=token)
    finally:
        timer.join()
    assert summary.cancelled and summary.failed == 0
    assert all(row[1] != "failed" for row in _rows(profile))
    again = read_case(profile, case_id, reader=reader)
    reader.close()
    assert again.read + summary.read == 2 and not again.failed


def test_the_child_is_started_from_source_or_as_the_frozen_console_command(monkeypatch, tmp_path):
    python = sys.executable
    assert child_command() == [python, "-m", "kami_desktop.core.ocr.reader_process"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "kami-desktop"))
    assert child_command() == [str(tmp_path / "kami"), "ocr-reader"]
    monkeypatch.undo()
    # the console command: `kami ocr-reader` serves the protocol (here through the CLI entry point)
    pdf = text_pdf(tmp_path / "账单.pdf")
    request = json.dumps({"path": str(pdf), "kind": "pdf", "page": 0, "threads": 1}) + "\n"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kami_desktop.cli import main; sys.exit(main())",
            "ocr-reader",
        ],
        input=request.encode(),
        capture_output=True,
        env=ENV,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert page_from_json(json.loads(done.stdout)["ok"]).engine == "pdf-text-layer"


def test_an_engine_that_cannot_run_is_reported_as_unavailable(tmp_path):
    script = (
        "import sys; import kami_desktop.core.ocr.engine as e; e.PACKAGE = 'no_such_ocr_package'; "
        "from kami_desktop.core.ocr.reader_process import serve; sys.exit(serve())"
    )
    r = ReaderProcess([sys.executable, "-c", script])
    try:
        with pytest.raises(OcrUnavailable):
            r.read_image(order_shot(tmp_path / "订单.png"))
    finally:
        r.close()


def test_a_missing_reading_program_is_reported_as_unavailable(tmp_path):
    r = ReaderProcess([str(tmp_path / "kami"), "ocr-reader"])  # a frozen app without its console kami
    with pytest.raises(OcrUnavailable, match="重新安装"):
        r.read_image(order_shot(tmp_path / "订单.png"))
    r.close()
