"""Part 2 of the OCR bench (``bench/ocr.py``): the GUI thread while the main window's OcrRunner reads.

A case of a few generated screenshots and ``n_browse`` rows with no file to read is opened in the main
window; the grid is scrolled and exhibits are switched (a screenshot or a bulk row in the detail panel)
for ~5 s with no OCR, then again while the runner reads the screenshots. A 10 ms watchdog on the GUI
thread (``bench.gui_responsiveness.Watchdog``) gives the worst and p99 lateness of each (target
< 100 ms); the window's process's peak RSS before and after the reading, and the reading process's
own peak, are reported beside them. ``in_process``: the runner reads in the window's process, as it did
before the reading process.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.dossier import peak_rss_mb


class _InProcessReader:
    """The engine in the window's process (what the runner did before it read in a child)."""

    def read_image(self, path: Path, threads: int = 1):
        from kami_desktop.core.ocr.engine import read_image_file

        return read_image_file(path, threads)

    def read_pdf_page(self, path: Path, index: int, threads: int = 1):
        from kami_desktop.core.ocr.engine import PdfPages

        with PdfPages(path) as pdf:
            return pdf.read(index, threads)

    def terminate(self) -> None:
        pass

    def close(self) -> None:
        pass


def _hwm_mb(pid: int | None) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def bench_gui(
    files: list[Path], n_browse: int = 2000, show_shots: bool = True, in_process: bool = False
) -> dict:
    from PySide6.QtCore import QSettings
    from sqlalchemy import select, update

    from bench.gui_responsiveness import Browsing, Watchdog, pump_until
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.store.model import Blob, Exhibit
    from kami_desktop.gui.app import create_application
    from kami_desktop.gui.main_window import MainWindow
    from kami_desktop.gui.settings_dialog import OCR_AUTO_KEY as AUTO_KEY
    from tests.gui.bulk import bulk_exhibits

    app = create_application([])
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        profile = Profile.open(Path(tmp) / "profile")
        with profile.session() as s:
            cid = create_case(s, "识别截图时浏览").id
        report = import_paths(profile, cid, list(files))
        shots = [i.exhibit_id for i in report.imported]
        bulk_exhibits(profile, cid, n_browse, start=len(files))
        with profile.session() as s:  # rows to browse that have no file to read (nor a thumbnail)
            s.execute(
                update(Blob)
                .where(Blob.sha256.not_in([i.sha256 for i in report.imported]))
                .values(media_type="application/octet-stream")
            )
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue(AUTO_KEY, False)  # reading starts when the bench says so
        win = MainWindow(profile, settings)
        if in_process:
            win.ocr.reader = _InProcessReader()  # type: ignore[assignment]
        win.resize(1400, 900)
        win.show()
        win.sidebar.refresh(select=cid)
        view = win.evidence
        pump_until(app, lambda: view.model.exhibit_count() >= n_browse, 30)
        pump_until(app, lambda: False, 1.0)
        with profile.session() as s:
            every = list(s.scalars(select(Exhibit.id).where(Exhibit.case_id == cid)))
        browsing = Browsing(app, view, every, shots if show_shots else None)
        browse, slowest = browsing.step, browsing.slowest

        dog = Watchdog()
        dog.start()
        for step in range(300):  # ~5 s of browsing, no OCR
            browse(step)
        out["idle_worst_ms"], out["idle_p99_ms"] = dog.stop()

        done: list = []
        win.ocr.finished.connect(done.append)
        out["gui_rss_before_mb"] = peak_rss_mb()
        dog.start()
        t0 = time.perf_counter()
        win.ocr.request(cid, asked=True)
        step = 0
        while not done and time.perf_counter() - t0 < 600:
            browse(step)
            step += 1
        out["ocr_s"] = time.perf_counter() - t0
        out["read"] = done[0].read if done else 0
        out["ocr_worst_ms"], out["ocr_p99_ms"] = dog.stop()
        out["steps"] = step
        out["gui_rss_mb"] = peak_rss_mb()
        out["child_rss_mb"] = 0.0 if in_process else _hwm_mb(getattr(win.ocr.reader, "pid", None))
        out["slowest_switch_ms"], out["slowest_scroll_ms"] = (
            slowest["switch"] * 1000,
            slowest["scroll"] * 1000,
        )
        win.close()
        profile.close()
    return out


def print_gui(gui: dict, alone: bool = True) -> None:
    print(
        f"GUI thread while OcrRunner read {gui['read']} screenshots ({gui['ocr_s']:.1f} s) and the grid was "
        f"scrolled / exhibits switched: worst lateness {gui['ocr_worst_ms']:.0f} ms (p99 {gui['ocr_p99_ms']:.0f} ms); "
        f"same browsing without OCR {gui['idle_worst_ms']:.0f} ms (p99 {gui['idle_p99_ms']:.0f} ms)  [target < 100 ms]"
    )
    print(
        f"  slowest exhibit switch {gui['slowest_switch_ms']:.0f} ms, slowest scroll step "
        f"{gui['slowest_scroll_ms']:.0f} ms (the call itself, on the GUI thread)"
    )
    print(
        f"  peak RSS of the window's process {gui['gui_rss_before_mb']:.0f} MB before the reading, "
        f"{gui['gui_rss_mb']:.0f} MB after it; the reading process's peak {gui['child_rss_mb']:.0f} MB"
        + ("" if alone else " (this process read in part 1 already: run --gui-only for the window's own)")
    )
