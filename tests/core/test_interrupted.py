"""Kill points of a restore and of placing a binder bundle: the next opening completes or undoes them.

Each kill is a real SIGKILL of a subprocess at a chosen call (``tests.fixtures.faults.kill_on_call`` or a
rename watched by its arguments), so nothing after it runs. The next command — even a read-only
``kami case list`` — must find either the old state or the new one, complete, and no leftovers.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from kami_desktop.core.backup import create_backup
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.manifest import MANIFEST_JSON
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import LedgerEntry
from tests.core.dossier.cases import make_case, options
from tests.fixtures.cli import run_json
from tests.fixtures.evidence import populate, profile_state

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]


def run_killed(script: str, *args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == -9, (proc.returncode, proc.stderr[-3000:])


# ------------------------------------------------------------------ restore
RESTORE = r"""
import os, signal, sys
from pathlib import Path
from kami_desktop.core.backup import restore_backup

backup, target, point = Path(sys.argv[1]), Path(sys.argv[2]).absolute(), sys.argv[3]
real = os.replace

def replace(src, dst, *a, **k):
    src, dst = Path(src), Path(dst)
    first = src == target  # the current data moves aside
    second = dst == target and src.name.endswith(".part")  # the staged folder moves in
    if (point == "before-first" and first) or (point == "before-second" and second):
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst, *a, **k)
    if point == "after-second" and second:
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace
restore_backup(backup, target, force=True)
"""


@pytest.fixture
def backup_and_profile(tmp_path):
    """A backup holding one case, and a profile with other evidence to restore it over."""
    other = tmp_path / "other"
    with Profile.open(other) as p:
        with p.session() as s:
            create_case(s, "备份里的案件")
        create_backup(p, tmp_path / "b.zip")
    target = tmp_path / "prof"
    with Profile.open(target) as p:
        populate(p, tmp_path / "src")
    return tmp_path / "b.zip", target, profile_state(target)


@pytest.mark.parametrize("point", ["before-first", "before-second", "after-second"])
def test_a_killed_restore_is_completed_or_undone_by_the_next_command(backup_and_profile, point):
    backup, target, before = backup_and_profile
    run_killed(RESTORE, str(backup), str(target), point)

    titles = [c["title"] for c in run_json("case", "list", data_dir=target)["cases"]]
    leftovers = [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}")]
    aside = [p for p in target.parent.iterdir() if p.name.startswith(f"{target.name}.old-")]
    assert leftovers == [], "a staging folder or lock was left beside the profile"
    if titles == ["备份里的案件"]:  # completed: the earlier data is kept aside, whole
        assert len(aside) == 1 and profile_state(aside[0]) == before
    else:  # undone: the earlier data is where it was
        assert aside == [] and profile_state(target) == before
    if point != "before-first":
        assert titles == ["备份里的案件"], "the backup was fully staged and verified: finish the restore"


def test_a_restore_killed_while_staging_leaves_the_profile_as_it_was(backup_and_profile):
    backup, target, before = backup_and_profile
    script = (
        "import sys\nfrom tests.fixtures.faults import kill_on_call\n"
        "from kami_desktop.core.backup import restore as r\n"
        "kill_on_call(r, 'verify_staged')\n"
        "r.restore_backup(sys.argv[1], sys.argv[2], force=True)\n"
    )
    run_killed(script, str(backup), str(target))
    assert any(p.name.endswith(".part") for p in target.parent.iterdir())  # the kill left its staging
    with Profile.open(target, write=False):
        pass
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []
    assert profile_state(target) == before


# ------------------------------------------------------------------ binder placement
BUILD = r"""
import sys
from pathlib import Path
from tests.fixtures.faults import kill_on_call
from tests.core.dossier.cases import options
from kami_desktop.core.profile import Profile
from kami_desktop.core.dossier import build, bundle
from kami_desktop.core.store import ledger

data_dir, out, case_id, point = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if point == "binder":
    kill_on_call(build, "write_binder")  # staging is full of copied originals
elif point.startswith("rename-"):
    kill_on_call(bundle, "replace_with_retry", int(point[-1]), after=True)  # inside the swap
elif point == "record":
    kill_on_call(ledger, "append")  # placed, not yet recorded
elif point == "finish":
    kill_on_call(bundle.Staging, "finish")  # recorded, earlier bundle still kept aside
prof = Profile.open(data_dir)
build.build_dossier(prof, case_id, options(out, summary="第二次生成：案情有补充。"))
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _builds(data_dir: Path) -> list[dict]:
    with Profile.open(data_dir, write=False) as p, p.session() as s:
        rows = s.scalars(select(LedgerEntry.payload).where(LedgerEntry.action == "dossier.build"))
        return [json.loads(r) for r in rows]


@pytest.mark.parametrize("point", ["binder", "rename-1", "rename-2", "rename-3", "record", "finish"])
def test_a_killed_binder_build_leaves_one_recorded_bundle_and_no_hidden_folders(tmp_path, point):
    data_dir, out = tmp_path / "prof", tmp_path / "out"
    with Profile.open(data_dir) as p:
        case = make_case(p, tmp_path / "src", keys=["chat_png", "jpeg", "rules"])
        first = build_dossier(p, case.case_id, options(out))
    earlier = {f.name: _sha(f) if f.is_file() else _sha(f / MANIFEST_JSON) for f in out.iterdir()}

    run_killed(BUILD, str(data_dir), str(out), str(case.case_id), point)
    assert any(f.name.startswith(".") for f in out.iterdir())  # the kill left its staging folder

    run_json("case", "list", data_dir=data_dir)  # any next command of this profile
    assert sorted(f.name for f in out.iterdir()) == sorted(earlier), "hidden or half-placed folders left"
    builds = _builds(data_dir)
    now = {f.name: _sha(f) if f.is_file() else _sha(f / MANIFEST_JSON) for f in out.iterdir()}
    if len(builds) == 2:  # recorded: the new bundle stands, exactly as recorded
        assert now[first.bundle.name] == builds[1]["manifest_sha256"] != earlier[first.bundle.name]
        assert now[first.zip.name] == builds[1]["zip_sha256"]
    else:  # not recorded: the earlier bundle is back, untouched
        assert len(builds) == 1 and now == earlier
    if point in ("binder", "rename-1", "rename-2", "rename-3", "record"):
        assert len(builds) == 1
    else:
        assert len(builds) == 2
