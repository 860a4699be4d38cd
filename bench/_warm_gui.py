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


def bench_warm_gui(quick: bool = False, baseline_steps: int = 300) -> dict:
    from PySide6.QtCore import QSettings
    from sqlalchemy import select

    from bench.gui_responsiveness import Browsing, Watchdog, pump_until
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.search import index as search_index
    from kami_desktop.core.search import warm
    from kami_desktop.core.store.model import Exhibit
    from kami_desktop.gui.app import create_application
    from kami_desktop.gui.main_window import MainWindow
    from kami_desktop.gui.settings_dialog import OCR_AUTO_KEY as AUTO_KEY

    sizes = (3000, 30_000, 3000) if quick else (10_000, 100_000, 10_000)
    t0 = time.perf_counter()
    data_dir, cid = big_case(*sizes)
    out: dict = {"exhibits": sizes[0], "case_s": time.perf_counter() - t0}
    app = create_application([])
    with tempfile.TemporaryDirectory() as tmp, Profile.open(data_dir) as profile:
        search_index.discard(profile)
        t0 = time.perf_counter()
        out["warm_alone"] = warm(profile, cid)  # the baseline browses with the index current
        out["warm_alone_s"] = time.perf_counter() - t0
        with search_index.opened(profile) as (con, _mode):
            out["documents"] = con.execute("SELECT count(*) FROM docs").fetchone()[0]
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue(AUTO_KEY, False)
        win = MainWindow(profile, settings)
        warmup = win.workspace.warmup
        win.resize(1400, 900)
        win.show()
        win.sidebar.refresh(select=cid)
        view = win.evidence
        pump_until(app, lambda: view.model.exhibit_count() >= sizes[0], 60)
        pump_until(app, lambda: warmup.worker is None and warmup.pending is None, 60)  # finds it current
        pump_until(app, lambda: False, 1.0)
        with profile.session() as s:
            every = list(s.scalars(select(Exhibit.id).where(Exhibit.case_id == cid)))
        browsing = Browsing(app, view, every)

        dog = Watchdog()
        dog.start()
        for step in range(baseline_steps):  # ~5 s of browsing, the index current
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
        win.close()
    return out


def print_warm_gui(r: dict) -> None:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.1f}×" if b > 0 else "n/a"

    print(
        f"big case: {r['exhibits']:,} exhibits, {r['documents']:,} documents indexed "
        f"(case ready in {r['case_s']:.1f} s; warm-up alone, no window: {r['warm_alone_s']:.1f} s)"
    )
    print(
        f"GUI thread while the search index was warmed ({r['warm_s']:.1f} s, {r['warmed']}) and the grid "
        f"was scrolled / exhibits switched: worst lateness {r['warm_worst_ms']:.0f} ms "
        f"(p99 {r['warm_p99_ms']:.0f} ms); same browsing with the index current {r['idle_worst_ms']:.0f} ms "
        f"(p99 {r['idle_p99_ms']:.0f} ms): ratio worst {ratio(r['warm_worst_ms'], r['idle_worst_ms'])}, "
        f"p99 {ratio(r['warm_p99_ms'], r['idle_p99_ms'])}  [target < 100 ms]"
    )
    for label, key in (("during the warm-up", "warm_slowest"), ("without it", "idle_slowest")):
        slow = r[key]
        print(
            f"  {label}: slowest exhibit switch {slow['switch'] * 1000:.0f} ms, slowest scroll step "
            f"{slow['scroll'] * 1000:.0f} ms (the call itself, on the GUI thread)"
        )
