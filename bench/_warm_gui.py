"""A part of the GUI bench (``bench/gui_responsiveness.py --warm-up``): the GUI thread while the search
index of a big case is brought up to date in the background (``SearchWarmup``, ``core.search.warm``).

The case of ``bench/search.py`` (10,000 OCR'd exhibits, 100,000 chat messages, 10,000 bill rows: about
285,000 documents to index; ``quick``: 3,000 / 30,000 / 3,000) is written once and kept under /tmp. It is
opened in the main window with its index current; the grid is scrolled and exhibits are switched
(``bench.gui_responsiveness.Browsing``) for ~5 s: the baseline. Then the index is thrown away and the
warm-up asked for, as after a case opens, and the same browsing goes on until it is done. A 10 ms
watchdog on the GUI thread gives the worst and p99 lateness of each (target < 100 ms) and their ratio.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

CASE_CACHE = Path(tempfile.gettempdir()) / "kami-bench-warm-gui"


def big_case(exhibits: int, messages: int, rows: int) -> tuple[Path, int]:
    """The profile folder holding the case of ``bench/search.py`` and the case's id, made once."""
    from sqlalchemy import select, update

    from bench.search import build
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.store.model import Blob, Exhibit

    folder = CASE_CACHE / f"{exhibits}-{messages}-{rows}"
    done = folder / "built"
    if done.exists():
        return folder / "profile", int(done.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with Profile.open(folder / "profile") as profile:
        case_id = build(profile, exhibits, messages, rows)
        with profile.session() as s:  # the vault has no files for them: shown as rows without a thumbnail
            s.execute(update(Blob).values(media_type="application/octet-stream"))
            assert s.scalar(select(Exhibit.id).where(Exhibit.case_id == case_id)) is not None
    done.write_text(str(case_id))
    return folder / "profile", case_id


class _InThread:
    """The warm-up on the pool thread, in the window's process (what ``SearchWarmup`` did before it
    warmed in a child process)."""

    def __init__(self, profile) -> None:
        self.profile = profile

    def warm(self, _data_dir: Path, case_id: int, *, cancel=None):
        from kami_desktop.core.search import warm

        return warm(self.profile, case_id, cancel=cancel)

    def close(self) -> None:
        pass


def _phases(app, profile, cid: int, warmup, browsing, steps: int) -> dict:
    """``steps`` of browsing with the index current, then the same browsing while it is warmed."""
    from bench.gui_responsiveness import Watchdog
    from kami_desktop.core.search import index as search_index

    out: dict = {}
    dog = Watchdog()
    dog.start()
    for step in range(steps):
        browsing.step(step)
    out["idle_worst_ms"], out["idle_p99_ms"] = dog.stop()
    out["idle_slowest"] = dict(browsing.slowest)
    browsing.slowest.update(switch=0.0, scroll=0.0)
    search_index.discard(profile)  # as if the case had never been searched
    warmed: list = []
    warmup.warmed.connect(lambda case, done: warmed.append(done))
    warmup.request(cid)
    step, t0 = 0, time.perf_counter()
    while warmup.worker is None and time.perf_counter() - t0 < 600:  # the request's delay
        browsing.step(step)
        step += 1
    dog.start()
    t0 = time.perf_counter()
    while warmup.worker is not None and time.perf_counter() - t0 < 600:
        browsing.step(step)
        step += 1
    out["warm_s"] = time.perf_counter() - t0
    out["warm_worst_ms"], out["warm_p99_ms"] = dog.stop()
    out["warm_slowest"] = dict(browsing.slowest)
    out["warmed"] = warmed[0] if warmed else None
    warmup.warmed.disconnect()
    return out


def bench_warm_gui(
    quick: bool = False, in_thread: bool = False, steps: int = 300, sizes: tuple[int, int, int] | None = None
) -> dict:
    """Both ways of browsing (scrolling only; scrolling and switching exhibits), each with the index
    current and then while it is warmed. ``in_thread``: warmed on the pool thread, in this process;
    ``sizes``: exhibits, chat messages, bill rows of the case (else as ``quick`` says)."""
    from PySide6.QtCore import QSettings, QThreadPool
    from sqlalchemy import select

    from bench.gui_responsiveness import Browsing, pump_until
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.search import index as search_index
    from kami_desktop.core.search import warm
    from kami_desktop.core.store.model import Exhibit
    from kami_desktop.gui.app import create_application
    from kami_desktop.gui.main_window import MainWindow
    from kami_desktop.gui.settings_dialog import OCR_AUTO_KEY
    from kami_desktop.gui.workers import running_workers

    sizes = sizes or ((3000, 30_000, 3000) if quick else (10_000, 100_000, 10_000))
    t0 = time.perf_counter()
    data_dir, cid = big_case(*sizes)
    out: dict = {"exhibits": sizes[0], "case_s": time.perf_counter() - t0, "in_thread": in_thread}
    app = create_application([])
    pool = QThreadPool.globalInstance()
    with tempfile.TemporaryDirectory() as tmp, Profile.open(data_dir) as profile:
        search_index.discard(profile)
        t0 = time.perf_counter()
        warm(profile, cid)  # the baseline browses with the index current
        out["warm_alone_s"] = time.perf_counter() - t0
        with search_index.opened(profile) as (con, _mode):
            out["documents"] = con.execute("SELECT count(*) FROM docs").fetchone()[0]
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue(OCR_AUTO_KEY, False)
        win = MainWindow(profile, settings)
        warmup = win.workspace.warmup
        if in_thread:
            warmup.process = _InThread(profile)  # type: ignore[assignment]
        win.resize(1400, 900)
        win.show()
        win.sidebar.refresh(select=cid)
        view = win.evidence
        pump_until(app, lambda: view.model.exhibit_count() >= sizes[0], 60)
        pump_until(app, lambda: warmup.worker is None and warmup.pending is None, 60)  # finds it current
        pump_until(
            app, lambda: not running_workers() and not pool.activeThreadCount(), 120
        )  # the tabs loaded
        pump_until(app, lambda: False, 1.0)
        with profile.session() as s:
            every = list(s.scalars(select(Exhibit.id).where(Exhibit.case_id == cid)))
        for name, switches in (("scroll", False), ("switch", True)):
            browsing = Browsing(app, view, every, switches=switches)
            out[name] = _phases(app, profile, cid, warmup, browsing, steps)
        win.close()
    return out


def print_warm_gui(r: dict) -> None:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.1f}×" if b > 0 else "n/a"

    where = "on a thread of the window's process" if r["in_thread"] else "in its child process"
    print(
        f"big case: {r['exhibits']:,} exhibits, {r['documents']:,} documents indexed "
        f"(case ready in {r['case_s']:.1f} s; warm-up alone, no window: {r['warm_alone_s']:.1f} s); "
        f"the warm-up runs {where}"
    )
    for name, label in (
        ("scroll", "the grid scrolled"),
        ("switch", "the grid scrolled and exhibits switched"),
    ):
        p = r[name]
        print(
            f"GUI thread, {label}, while the index was warmed ({p['warm_s']:.1f} s, "
            f"{(p['warmed'] or {}).get('documents', 0):,} documents): worst lateness {p['warm_worst_ms']:.0f} ms "
            f"(p99 {p['warm_p99_ms']:.0f} ms); the same with the index current {p['idle_worst_ms']:.0f} ms "
            f"(p99 {p['idle_p99_ms']:.0f} ms): ratio worst {ratio(p['warm_worst_ms'], p['idle_worst_ms'])}, "
            f"p99 {ratio(p['warm_p99_ms'], p['idle_p99_ms'])}  [target < 100 ms]"
        )
        print(
            f"  slowest exhibit switch {p['warm_slowest']['switch'] * 1000:.0f} ms during the warm-up, "
            f"{p['idle_slowest']['switch'] * 1000:.0f} ms without; slowest scroll step "
            f"{p['warm_slowest']['scroll'] * 1000:.0f} / {p['idle_slowest']['scroll'] * 1000:.0f} ms "
            "(the call itself, on the GUI thread)"
        )
