"""Hostile backup zips (zip-slip, bombs, unknown members, tampering, damage) and hostile bundles:
each is refused with a clear message before anything is written; the existing profile is untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kami_desktop.core.backup import BackupError, create_backup, inspect_backup, restore_backup, verify_backup
from kami_desktop.core.profile import Profile
from tests.fixtures.cli import run, run_json
from tests.fixtures.evidence import populate, profile_state
from tests.helpers import kami
from tests.hostile.corpus import bad_backups


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-backups")
    with Profile.open(root / "source") as p:
        populate(p, root / "src", shots=2)
        create_backup(p, root / "good.zip")
    return root, bad_backups(root / "bad", root / "good.zip")


def _no_escape(root: Path) -> None:
    assert not Path("/tmp/evil.txt").exists()
    assert not [p for p in root.parent.rglob("evil.txt")], "a member was written outside the target"


def test_every_hostile_backup_is_refused_and_the_profile_untouched(corpus, tmp_path):
    root, bad = corpus
    target = tmp_path / "kami"
    with Profile.open(target) as p:
        populate(p, tmp_path / "src", shots=1, seed=4)
    before = profile_state(target)
    assert len(bad) >= 20
    for label, (path, words) in bad.items():
        with pytest.raises(BackupError) as err:
            restore_backup(path, target, force=True)
        message = str(err.value)
        assert any(w in message for w in words), (label, message)
        assert "Traceback" not in message and "\n" not in message
        assert profile_state(target) == before, label
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kami", "src"], label
        check = verify_backup(path)
        assert check.ok is False and check.error, label
    _no_escape(tmp_path)


def test_the_good_backup_still_restores(corpus, tmp_path):
    root, _ = corpus
    rr = restore_backup(root / "good.zip", tmp_path / "r")
    assert rr.verify_ok and profile_state(tmp_path / "r") == profile_state(root / "source")


def test_inspect_refuses_before_reading_any_member(corpus):
    _, bad = corpus
    for label in ("slip-dotdot", "symlink", "bomb-ratio", "bomb-overlap", "unknown-member", "manifest-huge"):
        with pytest.raises(BackupError):
            inspect_backup(bad[label][0])


def test_the_cli_refuses_hostile_backups_with_exit_2_and_no_traceback(corpus, tmp_path):
    _, bad = corpus
    target = tmp_path / "t"
    for label, (path, _words) in bad.items():
        code, out, err = run("backup", "restore", path, "--json", data_dir=target)
        assert code == 2 and json.loads(out)["ok"] is False and err.startswith("kami: 错误："), label
        checked = run_json("backup", "verify", path, expect=1)
        assert checked["ok"] is False, label
    assert not target.exists()
    proc = kami("backup", "restore", str(bad["slip-dotdot"][0]), data_dir=target)  # one real process
    assert proc.returncode == 2 and "不安全" in proc.stderr and "Traceback" not in proc.stderr
    _no_escape(tmp_path)


def test_bundle_verify_survives_slip_bomb_and_garbage_zips(corpus, tmp_path):
    import zipfile

    _, bad = corpus
    slip = tmp_path / "bundle-slip.zip"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("证据册/manifest-sha256.txt", "0" * 64 + "  ../../evil.txt\n")
        zf.writestr("证据册/../../evil.txt", b"pwned")
    cases = [slip] + [
        bad[k][0]
        for k in (
            "slip-dotdot",
            "slip-absolute",
            "symlink",
            "bomb-ratio",
            "bomb-size-lie",
            "bomb-overlap",
            "truncated",
            "not-a-zip",
            "empty-file",
        )
    ]
    for path in cases:
        code, out, err = run("bundle", "verify", path, "--json")
        assert code in (1, 2), (path.name, code, err)
        assert json.loads(out)["ok"] is False, path.name
    _no_escape(tmp_path)
