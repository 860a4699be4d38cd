"""One writer per profile: other processes read beside it without touching its work.

Real processes: ``kami import`` runs in a subprocess while this process lists cases, verifies, or starts a
second import. Each trial counts the files the import reported as imported whose original is not in the
vault afterwards ("lost"). The slow test repeats both trials KAMI_WRITER_TRIALS times (default: a quarter
of KAMI_CRASH_TRIALS, which `make stress` raises; at least 2).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Blob, ExhibitFile
from tests.fixtures.cli import run

ROOT = Path(__file__).resolve().parents[2]
SLOW_TRIALS = int(
    os.environ.get("KAMI_WRITER_TRIALS") or max(2, int(os.environ.get("KAMI_CRASH_TRIALS", "16")) // 4)
)


def kami(*args: str) -> list[str]:
    return [sys.executable, "-m", "kami_desktop.cli", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def new_profile(data_dir: Path) -> int:
    with Profile.open(data_dir) as p, p.session() as s:
        return create_case(s, "并发测试").id


def make_files(folder: Path, n: int, rng: random.Random, size: tuple[int, int] = (2_000, 40_000)) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"截图{i:03d}.bin").write_bytes(rng.randbytes(rng.randint(*size)))
    return folder


PARALLEL_FILES = 150
BIG = (100_000, 400_000)  # an import long enough for the second one to start in the middle of it


def start_import(data_dir: Path, case_id: int, src: Path) -> subprocess.Popen:
    return subprocess.Popen(
        kami("--data-dir", str(data_dir), "import", "--case", str(case_id), str(src), "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env(),
    )


def finish(proc: subprocess.Popen) -> tuple[int, dict | None, str]:
    out, err = proc.communicate(timeout=300)
    try:
        data = json.loads(out) if out.strip() else None
    except ValueError:
        data = None
    return proc.returncode, data, err


def lost(data_dir: Path, reports: list[dict]) -> int:
    """Files reported as imported whose original or rows are gone."""
    with Profile.open(data_dir, write=False) as p, p.session() as s:
        known = set(s.scalars(select(Blob.sha256)))
        files = set(s.scalars(select(ExhibitFile.id)))
        n = 0
        for rep in reports:
            for item in rep.get("imported", []):
                sha = item["sha256"]
                if sha not in known or item["file_id"] not in files or not p.blob_path(sha).is_file():
                    n += 1
        return n


def list_during_import(data_dir: Path, case_id: int, src: Path) -> tuple[int, int, int, int]:
    """(files reported imported, files that failed, files lost, list runs) for one import with
    ``case list`` every 0.2 s."""
    proc = start_import(data_dir, case_id, src)
    listed = 0
    while proc.poll() is None:
        code, out, err = run("case", "list", "--json", data_dir=data_dir)
        assert code == 0, err
        assert json.loads(out)["cases"][0]["title"] == "并发测试"
        listed += 1
        time.sleep(0.2)
    code, report, err = finish(proc)
    assert report is not None, err
    return len(report["imported"]), len(report["errors"]), lost(data_dir, [report]), listed


def stored_blobs(data_dir: Path) -> int:
    return sum(1 for _ in (data_dir / "vault").glob("??/??/*"))


def parallel_imports(data_dir: Path, case_id: int, sources: list[Path]) -> tuple[int, int, list[str]]:
    """(files reported imported, files lost, refusal messages) for imports started while the first runs."""
    procs = []
    for src in sources:
        if procs:  # the next one starts once the first is well under way
            start = stored_blobs(data_dir)
            while procs[0].poll() is None and stored_blobs(data_dir) < start + 1:
                time.sleep(0.02)
        procs.append(start_import(data_dir, case_id, src))
    reports, refusals = [], []
    for proc in procs:
        code, report, err = finish(proc)
        assert "UNIQUE" not in err and "Traceback" not in err, err
        if code == 0:
            assert report is not None and not report["errors"], err
            reports.append(report)
        else:
            assert code == 2 and "正被另一个程序使用：kami import（进程 " in err, err
            refusals.append(err)
    return sum(len(r["imported"]) for r in reports), lost(data_dir, reports), refusals


APPENDER = r"""
import sys
from sqlalchemy.orm import Session
from kami_desktop.core.store import ledger
from kami_desktop.core.store.db import make_engine
engine = make_engine(sys.argv[1])
for i in range(int(sys.argv[2])):
    with Session(engine) as s:
        ledger.append(s, "test.note", {"writer": sys.argv[3], "n": i})
        s.commit()
"""


def test_two_connections_appending_at_once_queue_up_in_the_ledger(profile):
    """Below the profile lock (e.g. two threads of the window): appends never take the same seq."""
    profile.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, str(profile.db_path), "150", name],
            stderr=subprocess.PIPE,
            encoding="utf-8",
            env=env(),
        )
        for name in ("a", "b")
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with Profile.open(profile.data_dir, write=False) as p, p.session() as s:
        from kami_desktop.core.store import ledger

        checked, problems = ledger.verify_chain(s)
    assert checked == 300 and problems == []


def assert_profile_clean(data_dir: Path) -> None:
    with Profile.open(data_dir) as p:
        report = verify(p)
    assert report.ok, [(x.kind, x.detail) for x in report.problems]


def test_case_list_every_200ms_during_an_import_loses_nothing(data_dir, tmp_path):
    case_id = new_profile(data_dir)
    rng = random.Random(12)
    total_lost = total_listed = 0
    for trial in range(2):
        imported, failed, n_lost, listed = list_during_import(
            data_dir, case_id, make_files(tmp_path / f"src{trial}", 100, rng)
        )
        assert (imported, failed) == (100, 0)
        total_lost += n_lost
        total_listed += listed
    assert total_listed >= 2, "the import finished before any list ran; the trial proves nothing"
    assert total_lost == 0
    assert_profile_clean(data_dir)


def test_two_imports_at_once_lose_nothing_and_never_collide(data_dir, tmp_path):
    case_id = new_profile(data_dir)
    rng = random.Random(34)
    expected = 0
    for trial in range(2):
        sources = [make_files(tmp_path / f"t{trial}-{k}", PARALLEL_FILES, rng, BIG) for k in range(2)]
        imported, n_lost, refusals = parallel_imports(data_dir, case_id, sources)
        assert n_lost == 0
        assert imported + PARALLEL_FILES * len(refusals) == 2 * PARALLEL_FILES
        expected += imported
    with Profile.open(data_dir, write=False) as p, p.session() as s:
        assert len(list(s.scalars(select(ExhibitFile.id)))) == expected
    assert_profile_clean(data_dir)


def test_verify_during_an_import_reports_no_false_problems(data_dir, tmp_path):
    case_id = new_profile(data_dir)
    proc = start_import(data_dir, case_id, make_files(tmp_path / "src", 100, random.Random(56)))
    runs = 0
    try:
        while proc.poll() is None:
            code, out, err = run("verify", "--json", data_dir=data_dir)
            problems = json.loads(out)["problems"]
            assert code == 0 and problems == [], problems
            runs += 1
    finally:
        code, report, err = finish(proc)
    assert code == 0 and report is not None and len(report["imported"]) == 100, err
    assert runs >= 2
    assert lost(data_dir, [report]) == 0


@pytest.mark.slow
@pytest.mark.timeout(max(240, 60 * SLOW_TRIALS))
def test_many_trials_of_listing_and_parallel_imports(data_dir, tmp_path):
    case_id = new_profile(data_dir)
    rng = random.Random(78)
    figures = {"list_trials": 0, "list_runs": 0, "list_lost": 0, "parallel_trials": 0, "parallel_lost": 0}
    refused = 0
    for trial in range(SLOW_TRIALS):
        imported, failed, n_lost, listed = list_during_import(
            data_dir, case_id, make_files(tmp_path / f"l{trial}", 100, rng)
        )
        assert (imported, failed) == (100, 0)
        figures["list_trials"] += 1
        figures["list_runs"] += listed
        figures["list_lost"] += n_lost
        sources = [make_files(tmp_path / f"p{trial}-{k}", PARALLEL_FILES, rng, BIG) for k in range(2)]
        imported, n_lost, refusals = parallel_imports(data_dir, case_id, sources)
        assert imported + PARALLEL_FILES * len(refusals) == 2 * PARALLEL_FILES
        figures["parallel_trials"] += 1
        figures["parallel_lost"] += n_lost
        refused += len(refusals)
    print(f"\nwriter trials: {figures}, refused imports: {refused}")
    assert figures["list_lost"] == 0 and figures["parallel_lost"] == 0
    assert_profile_clean(data_dir)
