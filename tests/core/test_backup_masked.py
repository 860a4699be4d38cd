"""Backups carry the masked copies (打码副本): listed with their hashes, put back on restore after a check
against the manifest and the ledger, a bad one named and left out; an older backup without them restores
to a profile that verify calls sound (a notice, no alarm) and whose copies are made again from the
ledger's boxes, pixel for pixel."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from kami_desktop.core.backup import create_backup, restore_backup, verify_backup
from kami_desktop.core.backup.manifest import parse_manifest, render_manifest, render_sha_list
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import make_copy
from kami_desktop.core.redact.export import export_for_site
from kami_desktop.core.store.model import LedgerEntry
from kami_desktop.core.util.hashing import sha256_file
from tests.core.redact.shots import shot
from tests.core.test_backup import FIXTURES, _zip_from_fixture
from tests.fixtures.cli import run, run_json
from tests.fixtures.evidence import profile_state


@pytest.fixture
def masked(profile, case_id, tmp_path):
    """Two exhibits with a masked copy each: a PNG screenshot (solid boxes) and a JPEG photo (mosaic)."""
    png, _ = shot(tmp_path / "src" / "订单截图.png")
    jpg, _ = shot(tmp_path / "src" / "聊天照片.jpg", fmt="JPEG", quality=90)
    items = import_paths(profile, case_id, [png, jpg]).imported
    items.sort(key=lambda i: i.media_type != "image/png")  # the PNG first
    infos = [
        make_copy(profile, items[0].exhibit_id, [Box(30, 95, 400, 50), Box(30, 160, 500, 50)], "solid"),
        make_copy(profile, items[1].exhibit_id, [Box(30, 225, 600, 50)], "mosaic"),
    ]
    assert {i.media_type for i in infos} == {"image/png", "image/jpeg"}
    return profile, infos


def _copy_bytes(profile: Profile, infos) -> dict[str, bytes]:
    return {i.file_name: (profile.masked_dir / i.file_name).read_bytes() for i in infos}


def _rewrite(src: Path, out: Path, *, drop_masked=False, change=None, rename=None, version=None) -> dict:
    """The backup ``src`` rewritten as another program (or someone) would have left it; manifest kept
    consistent with the members unless a test wants otherwise (``change`` leaves the manifest as it was)."""
    change, rename = change or {}, rename or {}
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    m = parse_manifest(members.pop("manifest.json"))
    members.pop("manifest-sha256.txt")
    files = []
    for f in m.files:
        if drop_masked and f.path.startswith("masked/"):
            members.pop(f.path)
            continue
        path = f.path
        if path in rename:
            new_path, data = rename[path]
            members.pop(path)
            members[new_path] = data
            f = dataclasses.replace(f, path=new_path, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        if path in change:
            members[path] = change[path]
        files.append(f)
    m.files = files
    if version is not None:
        m.format_version = version
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", render_manifest(m))
        zf.writestr("manifest-sha256.txt", render_sha_list(m))
    return json.loads(render_manifest(m))


def _old_backup(profile: Profile, tmp_path: Path) -> Path:
    """What the previous release (format 2, no masked/) wrote for this very profile."""
    new = tmp_path / "new.zip"
    create_backup(profile, new)
    old = tmp_path / "旧版备份.zip"
    doc = _rewrite(new, old, drop_masked=True, version=2)
    assert doc["format_version"] == 2 and not any(f["path"].startswith("masked/") for f in doc["files"])
    return old


def _pixels(path: Path) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(path) as im:
        return im.mode, im.size, im.tobytes()


def test_a_backup_carries_the_masked_copies_and_a_restore_puts_them_back(masked, tmp_path):
    profile, infos = masked
    before = _copy_bytes(profile, infos)
    out = tmp_path / "备份.zip"
    rep = create_backup(profile, out)
    assert rep.ok and rep.masked == 2
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        listed = {f["path"]: f for f in manifest["files"]}
        sha_list = zf.read("manifest-sha256.txt").decode()
        for info in infos:
            member = f"masked/{info.file_name}"
            data = zf.read(member)
            assert data == before[info.file_name]
            assert listed[member]["sha256"] == info.copy_sha256 == hashlib.sha256(data).hexdigest()
            assert listed[member]["size"] == len(data)
            assert f"{info.copy_sha256}  {member}\n" in sha_list
    assert manifest["format_version"] == 3
    code, text, _ = run("backup", "create", tmp_path / "cli.zip", data_dir=profile.data_dir)
    assert code == 0 and "打码副本 2 个" in text
    check = verify_backup(out)
    assert check.ok and check.masked == 2 and check.masked_bad == [] and check.checked == len(listed)

    target = tmp_path / "新电脑"
    rr = restore_backup(out, target)
    assert rr.verify_ok and rr.masked_restored == 2 and rr.masked_left_out == [] and rr.notices == []
    assert rr.format_version == 3
    with Profile.open(target) as p:
        assert _copy_bytes(p, infos) == before
        report = verify(p, full=True)
        assert report.ok and report.notices == [] and report.copies_absent == 0
        exported = export_for_site(p, 1, "heimao", tmp_path / "上传")
    assert sorted(f.copy_sha256 for f in exported.files) == sorted(i.copy_sha256 for i in infos)
    assert exported.skipped == []


@pytest.mark.parametrize("how", ["bytes", "size", "gone", "manifest", "unrecorded"])
def test_a_copy_whose_hash_does_not_match_is_named_and_left_out_and_nothing_else_is_lost(
    masked, tmp_path, how
):
    profile, infos = masked
    good, bad = infos  # the PNG stays good, the JPEG is damaged
    out = tmp_path / "b.zip"
    create_backup(profile, out)
    member = f"masked/{bad.file_name}"
    with zipfile.ZipFile(out) as zf:
        data = bytearray(zf.read(member))
    data[len(data) // 2] ^= 0xFF  # same size: only the hash tells
    damaged = tmp_path / "damaged.zip"
    if how == "bytes":  # the member changed, the manifest not
        _rewrite(out, damaged, change={member: bytes(data)})
        name = bad.file_name
    elif how == "size":  # the member changed, and its size with it
        _rewrite(out, damaged, change={member: bytes(data) + b"more"})
        name = bad.file_name
    elif how == "gone":  # listed, but not in the zip
        _rewrite(out, damaged)
        with zipfile.ZipFile(damaged) as zf:
            members = {n: zf.read(n) for n in zf.namelist() if n != member}
        with zipfile.ZipFile(damaged, "w") as zf:
            for n, d in members.items():
                zf.writestr(n, d)
        name = bad.file_name
    elif (
        how == "manifest"
    ):  # the member and its manifest line changed together; its name and the ledger did not
        _rewrite(out, damaged, change={member: bytes(data)})
        doc = _rewrite(out, tmp_path / "scratch.zip")
        for f in doc["files"]:
            if f["path"] == member:
                f["sha256"] = hashlib.sha256(data).hexdigest()
        _replace_manifest(damaged, doc)
        name = bad.file_name
    else:  # a picture named by its own hash that no ledger entry ever recorded
        sha = hashlib.sha256(data).hexdigest()
        name = f"{sha}.jpg"
        _rewrite(out, damaged, rename={member: (f"masked/{name}", bytes(data))})

    check = verify_backup(damaged)
    assert not check.ok and check.error is None and [b["name"] for b in check.masked_bad] == [name]
    code, text, _ = run("backup", "verify", damaged)
    assert code == 1 and name in text and "打码副本" in text

    target = tmp_path / "r"
    rr = restore_backup(damaged, target)
    assert [b["name"] for b in rr.masked_left_out] == [name] and rr.masked_restored == 1
    assert rr.verify_ok  # the evidence is whole: the left-out copy is derived and can be made again
    assert not (target / "masked" / name).exists() and not list((target / "masked").glob(".*"))
    assert (target / "masked" / good.file_name).read_bytes() == (
        profile.masked_dir / good.file_name
    ).read_bytes()
    original = profile_state(profile.data_dir)
    restored = profile_state(target)
    assert restored[1] == original[1]  # every original, hash for hash
    with Profile.open(target) as p:
        report = verify(p)
        assert report.ok and not any(pr.kind == "copy_mismatch" for pr in report.problems)

    code, text, _ = run("backup", "restore", damaged, data_dir=tmp_path / "r2")
    assert code == 1 and name in text and "未恢复" in text


def _replace_manifest(zip_path: Path, doc: dict) -> None:
    with zipfile.ZipFile(zip_path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["manifest.json"] = json.dumps(doc).encode()
    with zipfile.ZipFile(zip_path, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)


def test_a_copy_changed_in_the_profile_is_left_out_of_the_backup_and_named(masked, tmp_path):
    profile, (good, bad) = masked
    path = profile.masked_dir / bad.file_name
    path.chmod(0o600)
    path.write_bytes(path.read_bytes() + b"changed")
    rep = create_backup(profile, tmp_path / "b.zip")
    assert rep.masked == 1 and [p.kind for p in rep.problems] == ["copy_mismatch"]
    assert bad.file_name in rep.problems[0].detail
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        names = zf.namelist()
    assert f"masked/{good.file_name}" in names and f"masked/{bad.file_name}" not in names
    rr = restore_backup(tmp_path / "b.zip", tmp_path / "r")
    assert rr.masked_restored == 1 and rr.verify_ok


def test_an_old_backup_without_copies_restores_to_a_sound_profile_that_says_so(masked, tmp_path):
    profile, infos = masked
    before = _copy_bytes(profile, infos)
    old = _old_backup(profile, tmp_path)
    target = tmp_path / "r"
    rr = restore_backup(old, target)  # the core restore alone: no copies made yet
    assert rr.verify_ok and rr.problems == [] and rr.masked_restored == 0 and rr.format_version == 2
    [notice] = rr.notices
    assert "2 个打码副本" in notice and "旧版备份" in notice and "不是篡改" in notice and "重新制作" in notice
    with Profile.open(target) as p:
        report = verify(p, full=True)
    assert report.ok and report.copies_absent == 2 and report.notices == [notice]

    doc = run_json("verify", data_dir=target)
    assert doc["ok"] is True and doc["problems"] == [] and doc["notices"] == [notice]
    code, text, _ = run("verify", data_dir=target)
    assert code == 0 and "校验通过" in text and "提示：" in text and "kami redact remake" in text

    code, text, err = run(
        "redact", "export", "--case", "1", "--for", "heimao", "--out", tmp_path / "x", data_dir=target
    )
    assert code == 0 and "Traceback" not in err
    assert "2 个打码副本不在本机" in text and "kami redact remake" in text
    listing = (tmp_path / "x" / "文件清单.txt").read_text(encoding="utf-8")
    assert "不在本机" in listing and "旧版备份" in listing

    with Profile.open(target) as p, p.session() as s:
        entries = s.scalar(select(func.count()).select_from(LedgerEntry))
    made = run_json("redact", "remake", data_dir=target)
    assert made["absent"] == 2 and made["still_absent"] == 0 and made["not_remade"] == []
    assert all(r["identical"] for r in made["remade"])
    with Profile.open(target) as p:
        assert _copy_bytes(p, infos) == before  # byte for byte: the very copies
        for info in infos:  # and so pixel for pixel (same boxes, same style)
            assert _pixels(p.masked_dir / info.file_name) == _pixels(profile.masked_dir / info.file_name)
        report = verify(p)
        assert report.ok and report.notices == [] and report.copies_absent == 0
        with p.session() as s:
            assert s.scalar(select(func.count()).select_from(LedgerEntry)) == entries  # nothing new to record
    again = export_for_site_cli(target, tmp_path / "y")
    assert again["skipped"] == [] and len(again["files"]) == 2


def export_for_site_cli(data_dir: Path, out: Path) -> dict:
    return run_json("redact", "export", "--case", "1", "--for", "12315", "--out", out, data_dir=data_dir)


def test_the_cli_restore_of_an_old_backup_makes_the_copies_again_at_once(masked, tmp_path):
    profile, infos = masked
    before = _copy_bytes(profile, infos)
    old = _old_backup(profile, tmp_path)
    doc = run_json("backup", "restore", old, data_dir=tmp_path / "r")
    assert doc["verify_ok"] is True and doc["masked_remade"] == 2 and doc["notices"] == []
    with Profile.open(tmp_path / "r") as p:
        assert _copy_bytes(p, infos) == before
        assert verify(p).notices == []
    # the restored ledger is exactly the backup's: remaking the very copies records nothing
    assert profile_state(tmp_path / "r")[0]["ledger"] == profile_state(profile.data_dir)[0]["ledger"]


def test_the_first_release_with_copies_restores_its_copy_from_the_ledger(tmp_path):
    """The 0011 fixture: a profile that made one masked copy, backed up as the release of its day did."""
    fixture = FIXTURES / "0011_masked_copies"
    out = tmp_path / "0011.zip"
    _zip_from_fixture(fixture, out)
    assert parse_manifest(zipfile.ZipFile(out).read("manifest.json")).format_version == 1
    doc = run_json("backup", "restore", out, data_dir=tmp_path / "r")
    assert doc["verify_ok"] is True and doc["masked_remade"] == 1 and doc["notices"] == []
    with Profile.open(tmp_path / "r") as p, p.session() as s:
        payload = json.loads(
            s.scalars(select(LedgerEntry.payload).where(LedgerEntry.action == "redact.copy")).one()
        )
        [copy] = list(p.masked_dir.iterdir())
        assert copy.name == f"{payload['copy_sha256']}.png"
        assert sha256_file(copy)[0] == payload["copy_sha256"]


def test_when_the_encoder_gives_other_bytes_the_copy_is_recorded_anew(masked, tmp_path, monkeypatch):
    from kami_desktop.core.redact import remake

    profile, infos = masked
    old = _old_backup(profile, tmp_path)
    target = tmp_path / "r"
    restore_backup(old, target)
    real = remake.mask_image

    def other_encoder(*args, **kwargs):  # the same pixels, other bytes (as another libpng/libjpeg might give)
        m = real(*args, **kwargs)
        return dataclasses.replace(m, data=m.data + b"\0\0")

    monkeypatch.setattr(remake, "mask_image", other_encoder)
    first = remake.remake_in(target)  # what a restore does: only the very copies go back
    assert first.remade == [] and len(first.not_remade) == 2 and first.still_absent == 2
    assert all("字节与登记的不同" in n.reason for n in first.not_remade)
    with Profile.open(target) as p:
        with p.session() as s:
            entries = s.scalar(select(func.count()).select_from(LedgerEntry))
        made = remake.remake_copies(p)
        assert len(made.remade) == 2 and not any(r.identical for r in made.remade) and made.still_absent == 0
        with p.session() as s:
            assert s.scalar(select(func.count()).select_from(LedgerEntry)) == entries + 2
            new = [
                json.loads(e.payload)
                for e in s.scalars(
                    select(LedgerEntry).where(LedgerEntry.seq > entries).order_by(LedgerEntry.seq)
                )
            ]
        old_shas = {i.copy_sha256 for i in infos}
        assert {e["remade_from"] for e in new} == old_shas
        assert all(e["copy_sha256"] not in old_shas for e in new)
        by_old = {r.copy_sha256: r for r in made.remade}
        for info in infos:
            r = by_old[info.copy_sha256]
            assert sha256_file(p.masked_dir / r.file_name)[0] == r.new_copy_sha256
            assert _pixels(p.masked_dir / r.file_name) == _pixels(profile.masked_dir / info.file_name)
            assert next(e for e in new if e["remade_from"] == info.copy_sha256)["boxes"] == [
                b.to_json() for b in info.boxes
            ]
        report = verify(p, full=True)
        assert report.ok and report.notices == []
        exported = export_for_site(p, 1, "heimao", tmp_path / "x")
    assert sorted(f.copy_sha256 for f in exported.files) == sorted(r.new_copy_sha256 for r in made.remade)


def test_masked_members_are_refused_in_an_older_format_and_unknown_names_anywhere(masked, tmp_path):
    from kami_desktop.core.backup import BackupError, inspect_backup

    profile, _ = masked
    out = tmp_path / "b.zip"
    create_backup(profile, out)
    _rewrite(out, tmp_path / "v2.zip", version=2)
    with pytest.raises(BackupError, match="不应出现在格式版本 2"):
        inspect_backup(tmp_path / "v2.zip")
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("masked/abc.png", b"x")
    with pytest.raises(BackupError, match="不认识的文件"):
        inspect_backup(out)


def test_the_cli_check_of_an_old_backup_says_it_has_no_masked_copies(masked, tmp_path):
    """`kami backup verify` of a backup from before masked copies travelled says so, as the restore window
    does: the copies are made again on restore."""
    profile, _infos = masked
    old = _old_backup(profile, tmp_path)
    code, out, err = run("backup", "verify", old, data_dir=tmp_path / "x")
    assert code == 0, err
    assert "备份完好" in out
    assert "由旧版本制作，不含打码副本；如曾制作过，恢复时会按存证日志登记的遮盖框重新制作" in out
    code, out, _ = run("backup", "verify", tmp_path / "new.zip", data_dir=tmp_path / "x")
    assert code == 0 and "其中打码副本 2 个" in out and "旧版本" not in out
