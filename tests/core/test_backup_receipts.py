"""The receipts file (the ledger heads the app handed out) travels with a backup: after a restore on a
new PC, `kami verify` still proves the ledger extends every binder, bundle and backup handed out."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import delete

from kami_desktop.core.backup import BackupError, create_backup, restore_backup, verify_backup
from kami_desktop.core.evidence import anchors
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import LedgerEntry
from tests.fixtures.evidence import populate


@pytest.fixture
def handed_out(profile, tmp_path):
    """A profile with evidence and two heads handed out (as two binder builds record them)."""
    populate(profile, tmp_path / "src")
    with profile.session() as s:
        seq, head = anchors.current_head(s)
    anchors.record_receipt(profile.data_dir, "binder", seq - 1, _hash_at(profile, seq - 1), "证据册-1.pdf")
    anchors.record_receipt(profile.data_dir, "binder", seq, head, "证据册-2.pdf")
    return profile


def _hash_at(profile: Profile, seq: int) -> str:
    with profile.session() as s:
        return s.get(LedgerEntry, seq).hash


def _rewrite(src: Path, dest: Path, change) -> None:
    """Copy a backup zip, letting ``change(name, data)`` return new bytes (or None to drop the member)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)


def test_the_receipts_travel_and_verify_checks_them_after_a_restore(handed_out, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(handed_out, out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert "receipts.jsonl" in [f["path"] for f in manifest["files"]]
        assert "receipts.jsonl" in zf.read("manifest-sha256.txt").decode()
    assert verify_backup(out).ok
    target = tmp_path / "new-pc"
    report = restore_backup(out, target)
    assert report.verify_ok, report.problems
    kinds = [a.kind for a in anchors.receipts(target)]
    assert kinds == ["binder", "binder", "backup"]  # both binders, then this backup's own head
    with Profile.open(target) as p:
        result = verify(p)
        assert result.ok and result.anchors_checked == 3
        with p.session() as s:  # someone cuts the last entry off the restored ledger…
            s.execute(delete(LedgerEntry).where(LedgerEntry.seq == result.ledger_entries))
            s.commit()
        cut = verify(p)
    assert not cut.ok
    assert [p.kind for p in cut.problems if p.kind == "anchor"], cut.problems  # …and the receipts say so


def test_a_changed_receipts_member_is_refused(handed_out, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(handed_out, out)
    bad = tmp_path / "bad.zip"
    _rewrite(
        out,
        bad,
        lambda name, data: data.replace(b'"binder"', b'"bundle"', 1) if name == "receipts.jsonl" else data,
    )
    assert not verify_backup(bad).ok
    with pytest.raises(BackupError, match="receipts.jsonl"):
        restore_backup(bad, tmp_path / "t")
    assert not (tmp_path / "t" / "kami.sqlite3").exists()


def test_a_first_format_backup_without_receipts_still_restores(profile, tmp_path):
    populate(profile, tmp_path / "src")
    out = tmp_path / "b.zip"
    create_backup(profile, out)  # no receipts yet: none in the archive
    old = tmp_path / "v1.zip"

    def as_v1(name, data):
        if name == "manifest.json":
            doc = json.loads(data)
            assert "receipts.jsonl" not in [f["path"] for f in doc["files"]]
            doc["format_version"] = 1
            return json.dumps(doc).encode()
        return data

    _rewrite(out, old, as_v1)
    report = restore_backup(old, tmp_path / "t")
    assert report.verify_ok
    assert [a.kind for a in anchors.receipts(tmp_path / "t")] == ["backup"]


def test_receipts_in_a_first_format_manifest_are_refused(handed_out, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(handed_out, out)
    forged = tmp_path / "forged.zip"

    def as_v1(name, data):
        if name == "manifest.json":
            doc = json.loads(data)
            doc["format_version"] = 1
            return json.dumps(doc).encode()
        return data

    _rewrite(out, forged, as_v1)
    with pytest.raises(BackupError, match="receipts.jsonl"):
        restore_backup(forged, tmp_path / "t")
