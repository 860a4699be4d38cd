"""The reading process misbehaving: a child that hangs on a page is killed after the page's limit (the
page fails with a reason naming the file, a new child reads the rest), and a child that dies leaves
its error output in the failed page's reason (short), in the app's log and in logs/ocr-reader.log."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr import child_log
from kami_desktop.core.ocr.child_log import ChildLog
from kami_desktop.core.ocr.job import read_case
from kami_desktop.core.ocr.reader_process import CRASHED, PageLimit, ReaderProcess
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import OcrText
from tests.core.ocr.samples import image_pdf, order_shot, text_pdf

# A real child that hangs on the file whose hash is given (on one page of it when a page is given; it
# reads everything else as the app's child does): it neither answers nor dies, as onnxruntime stuck in a loop would.
HANGS_ON = """
import sys, time
import kami_desktop.core.ocr.reader_process as rp
real = rp.handle
def handle(request):
    page = int(sys.argv[2]) if len(sys.argv) > 2 else request.get("page", 0)
    if sys.argv[1] in request["path"] and request.get("page", 0) == page:
        time.sleep(3600)
    return real(request)
rp.handle = handle
sys.exit(rp.serve())
"""

# A child that writes a traceback to its stderr and exits with 3 on the first request.
DIES = """
import sys
sys.stdin.readline()
for i in range(4):
    print(f"onnxruntime 警告 第 {i + 1} 行", file=sys.stderr)
print("Traceback (most recent call last):", file=sys.stderr)
print("RuntimeError: 模型文件损坏 (ppocr_det.onnx)", file=sys.stderr, flush=True)
sys.exit(3)
"""


class ShortFor(PageLimit):
    """The production limit for every page but the marked one (its file, and its page when given),
    which gets ``seconds``."""

    def __init__(self, marked: str, seconds: float, page: int | None = None) -> None:
        super().__init__()
        object.__setattr__(self, "marked", (marked, page, seconds))

    def for_request(self, request):  # type: ignore[no-untyped-def]
        marked, page, seconds = self.marked  # type: ignore[attr-defined]
        if marked in request["path"] and page in (None, request.get("page", 0)):
            return seconds
        return super().for_request(request)


def _failed_rows(profile: Profile) -> list[str]:
    with profile.session() as s:
        return [r.problem for r in s.scalars(select(OcrText).where(OcrText.status == "failed"))]


def _gone(pid: int) -> bool:
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_child_hanging_on_one_page_is_killed_and_the_job_goes_on(profile, case_id, tmp_path):
    shots = [
        order_shot(tmp_path / name, seed=i) for i, name in enumerate(("第一张.png", "卡住.png", "第三张.png"))
    ]
    import_paths(profile, case_id, shots)
    stuck = hashlib.sha256(shots[1].read_bytes()).hexdigest()
    reader = ReaderProcess([sys.executable, "-c", HANGS_ON, stuck], limit=ShortFor(stuck, 3.0))
    pids: list[int | None] = []
    try:
        summary = read_case(profile, case_id, reader=reader, progress=lambda *_a: pids.append(reader.pid))
        assert reader.running  # the job read on after the hung page: a new child
    finally:
        reader.close()
    assert (summary.read, summary.failed, summary.cancelled) == (2, 1, False)
    [(name, reason)] = summary.problems
    assert name == "卡住.png" and reason.startswith("识别超时") and "卡住.png" in reason and "3 秒" in reason
    assert _failed_rows(profile) == [reason]  # the page has its failed row, so it is not tried on every run
    assert reader.started == 2
    assert all(_gone(pid) for pid in {p for p in pids if p is not None})
    # the other two pages were read for real, by the first child and by the one started after the kill
    with profile.session() as s:
        texts = [r.text for r in s.scalars(select(OcrText).where(OcrText.status == "ok"))]
    assert len(texts) == 2 and all("KM2026052821140311" in t.replace(" ", "") for t in texts)


def test_a_hang_on_one_page_of_a_pdf_costs_that_page_only(profile, case_id, tmp_path):
    pdf = image_pdf(tmp_path / "扫描件.pdf", pages=3)
    import_paths(profile, case_id, [pdf])
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    reader = ReaderProcess([sys.executable, "-c", HANGS_ON, sha, "1"], limit=ShortFor(sha, 3.0, page=1))
    try:
        summary = read_case(profile, case_id, reader=reader)
    finally:
        reader.close()
    assert (summary.pages, summary.failed, reader.started) == (2, 1, 2)
    [(name, reason)] = summary.problems
    assert name == "扫描件.pdf" and reason.startswith("识别超时：“扫描件.pdf”第 2 页超过 3 秒")
    with profile.session() as s:
        pages = {r.page: r.status for r in s.scalars(select(OcrText))}
    assert pages == {0: "ok", 1: "failed", 2: "ok"}


def test_a_child_that_dies_leaves_its_error_output_in_the_reason_and_the_logs(
    profile, case_id, tmp_path, caplog
):
    import_paths(profile, case_id, [order_shot(tmp_path / "订单.png")])
    logs = tmp_path / "logs"
    reader = ReaderProcess([sys.executable, "-c", DIES], logs_dir=logs)
    with caplog.at_level(logging.WARNING, logger="kami_desktop.core.ocr.reader_process"):
        summary = read_case(profile, case_id, reader=reader)
    reader.close()
    assert summary.failed == 1
    [reason] = _failed_rows(profile)
    assert reason.startswith(CRASHED)
    assert "RuntimeError: 模型文件损坏 (ppocr_det.onnx)" in reason and "Traceback" in reason
    assert "第 1 行" not in reason and len(reason) < 400  # short: the last lines only
    # the whole of it in the app's log (with the exit code) and in the child's own log file
    [record] = [r for r in caplog.records if "died" in r.getMessage()]
    message = record.getMessage()
    assert (
        "exit 3" in message
        and all(f"第 {i} 行" in message for i in range(1, 5))
        and "RuntimeError" in message
    )
    written = (logs / child_log.LOG_NAME).read_text(encoding="utf-8")
    assert all(f"onnxruntime 警告 第 {i} 行" in written for i in range(1, 5))
    assert "RuntimeError: 模型文件损坏" in written


def test_the_child_log_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(child_log, "MAX_BYTES", 4000)
    log = ChildLog(tmp_path / "logs")
    for i in range(400):
        log.write(4242, f"第 {i} 行 " + "x" * 60)
    log.close()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["ocr-reader.log", "ocr-reader.log.1", "ocr-reader.log.2"]
    assert all((tmp_path / "logs" / f).stat().st_size < 4000 + 200 for f in files)
    assert "第 399 行" in (tmp_path / "logs" / "ocr-reader.log").read_text(encoding="utf-8")
    assert "[4242]" in (tmp_path / "logs" / "ocr-reader.log").read_text(encoding="utf-8")
    assert ChildLog(None).path is None  # without a log folder: only the tail in memory


def test_the_page_limit_grows_with_the_pixels(tmp_path):
    limit = PageLimit()
    phone = tmp_path / "phone.png"
    Image.new("RGB", (1080, 2400)).save(phone)
    long = tmp_path / "long.png"
    Image.new("L", (1080, 20000)).save(long)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    pdf = text_pdf(tmp_path / "账单.pdf")
    assert limit.for_request({"path": str(phone), "kind": "image"}) == 60 + 20 * 1080 * 2400 / 1e6
    assert limit.for_request({"path": str(long), "kind": "image"}) == 60 + 20 * 21.6
    assert limit.for_request({"path": str(pdf), "kind": "pdf", "page": 0}) == 60 + 20 * 8
    assert limit.for_request({"path": str(broken), "kind": "image"}) == 60 + 20 * 12
    assert limit.seconds(10_000) == limit.cap == 1800
    assert PageLimit(base=2, per_megapixel=0).for_request({"path": str(long), "kind": "image"}) == 2


def test_a_stopped_child_is_still_a_cancel_not_a_timeout(tmp_path):
    """停止 while the limit runs: the read is cancelled, not recorded as timed out."""
    import threading

    from kami_desktop.core.ocr.reader_process import ReadCancelled

    shot = order_shot(tmp_path / "订单.png")
    reader = ReaderProcess([sys.executable, "-c", HANGS_ON, str(Path(shot).name)], limit=PageLimit(base=30))
    stopper = threading.Timer(1.0, reader.terminate)
    stopper.start()
    try:
        try:
            reader.read_image(shot)
        except ReadCancelled:
            pass
        else:
            raise AssertionError("the read should have been cancelled")
    finally:
        stopper.join()
        reader.close()
