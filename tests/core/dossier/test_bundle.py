"""The bundle: layout, manifests, sha256sum -c, the verifier, zip safety, reproducibility, atomic writes."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.bundle_verify import NotABundle, UnsafeBundle, verify_bundle
from kami_desktop.core.store import ledger
from kami_desktop.core.tasks import Cancelled, CancelToken
from tests.helpers import run_tool

from .cases import make_case, options


def _unzip(zip_path: Path, dest: Path) -> Path:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(dest)
    (root,) = list(dest.iterdir())
    return root


def test_bundle_layout_and_readable_windows_names(built):
    _, case, result, _ = built
    b = result.bundle
    assert b.name == "证据册_星辰卡盟充值扣款纠纷" and result.pdf == b / "binder.pdf"
    assert {p.name for p in b.iterdir()} == {
        "binder.pdf",
        "originals",
        "manifest-sha256.txt",
        "manifest.json",
        "校验说明.txt",
        "ledger.json",
        "内部提示（不提交法院）.pdf",  # the advice: beside the binder, not for filing
    }
    names = sorted(p.name for p in (b / "originals").iterdir())
    assert names[:2] == ["证据01_客服聊天记录_1.png", "证据01_客服聊天记录_2.png"]
    assert "证据02_充值记录截图_1.jpg" in names and "证据11_客服通话录音_1.amr" in names
    for e in case.sources:  # every original is there, byte for byte
        digest = hashlib.sha256(case.sources[e].read_bytes()).hexdigest()
        assert any(hashlib.sha256(p.read_bytes()).hexdigest() == digest for p in (b / "originals").iterdir())


def test_manifest_json_describes_case_files_and_ledger_head(built):
    prof, case, result, _ = built
    m = json.loads((result.bundle / "manifest.json").read_text(encoding="utf-8"))
    assert m["format"] == "kami-dossier-bundle"
    assert m["case"]["title"] == "星辰卡盟充值扣款纠纷" and m["case"]["submitted_on"] == "2026-11-25"
    assert m["binder"]["sha256"] == result.pdf_sha256 and m["binder"]["pages"] == result.pages
    files = [f for e in m["exhibits"] for f in e["files"]]
    assert len(files) == len(case.sources)
    assert all(len(f["sha256"]) == 64 and len(f["sm3"]) == 64 and f["imported_at"] for f in files)
    assert m["ledger"]["taken"].startswith("before")
    # the recorded head is the case's last entry before this build's own dossier.build entry
    with prof.session() as s:
        entries = [e for e in ledger.entries(s, case.case_id)]
        build_entry = next(e for e in entries if e.action == "dossier.build")
        before = [e for e in entries if e.seq < build_entry.seq and e.action != "dossier.build"]
        payload = json.loads(build_entry.payload)
    assert m["ledger"]["head_hash"] == before[-1].hash == result.ledger_head
    assert payload["pdf_sha256"] == result.pdf_sha256 and payload["manifest_sha256"] == result.manifest_sha256
    exported = json.loads((result.bundle / "ledger.json").read_text(encoding="utf-8"))
    assert exported["entries"][-1]["hash"] == result.ledger_head
    assert all(e["action"] != "dossier.build" for e in exported["entries"])


def test_instructions_explain_certutil_and_sha256sum(built):
    _, _, result, _ = built
    raw = (result.bundle / "校验说明.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Notepad-friendly
    text = raw.decode("utf-8-sig")
    assert "certutil -hashfile" in text and "SHA256" in text and "sha256sum -c manifest-sha256.txt" in text
    assert "originals\\证据01_客服聊天记录_1.png" in text


def test_sha256sum_check_passes_in_the_unpacked_zip(built, tmp_path):
    _, _, result, _ = built
    root = _unzip(result.zip, tmp_path)
    proc = run_tool(["sha256sum", "-c", "manifest-sha256.txt"], cwd=root, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": OK") == len(list(root.rglob("*.*"))) - 1


def test_verify_passes_on_folder_and_zip(built):
    _, _, result, _ = built
    for target in (result.bundle, result.zip, result.bundle.parent):
        report = verify_bundle(target)
        assert report.ok, report.problems
        assert report.checked == len((result.bundle / "manifest-sha256.txt").read_text().splitlines())


@pytest.fixture
def copy_of(built, tmp_path):
    _, _, result, _ = built
    dst = tmp_path / result.bundle.name
    shutil.copytree(result.bundle, dst)
    return dst


def test_verify_reports_one_flipped_byte(copy_of):
    target = sorted((copy_of / "originals").iterdir())[1]
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    report = verify_bundle(copy_of)
    assert [(p.kind, p.path) for p in report.problems] == [("altered", f"originals/{target.name}")]


def test_verify_reports_a_removed_and_an_added_file(copy_of):
    (copy_of / "originals" / "证据02_充值记录截图_1.jpg").unlink()
    (copy_of / "originals" / "多出来的.png").write_bytes(b"x")
    (copy_of / "originals" / "Thumbs.db").write_bytes(b"cache")  # Explorer's cache is not evidence tampering
    report = verify_bundle(copy_of)
    kinds = sorted((p.kind, p.path) for p in report.problems)
    assert kinds == [("extra", "originals/多出来的.png"), ("missing", "originals/证据02_充值记录截图_1.jpg")]
    assert report.ignored == ["originals/Thumbs.db"]


def test_verify_catches_manifest_json_disagreeing_with_the_sha256_list(copy_of):
    txt = copy_of / "manifest-sha256.txt"
    m = json.loads((copy_of / "manifest.json").read_text(encoding="utf-8"))
    m["exhibits"][0]["files"][0]["sha256"] = "0" * 64
    data = json.dumps(m, ensure_ascii=False).encode()
    (copy_of / "manifest.json").write_bytes(data)
    lines = [
        ln if not ln.endswith("  manifest.json") else f"{hashlib.sha256(data).hexdigest()}  manifest.json"
        for ln in txt.read_text().splitlines()
    ]
    txt.write_text("\n".join(lines) + "\n")
    report = verify_bundle(copy_of)
    assert [p.kind for p in report.problems] == ["altered"]
    assert "manifest.json" in report.problems[0].detail


def _rezip(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            out = edit(info.filename, data)
            if out is not None:
                zout.writestr(info.filename, out)
    return dst


def test_verify_zip_reports_altered_missing_and_extra(built, tmp_path):
    _, _, result, _ = built

    def flip(name, data):
        if name.endswith("证据01_客服聊天记录_1.png"):
            return data[:-1] + bytes([data[-1] ^ 1])
        if name.endswith("证据02_充值记录截图_1.jpg"):
            return None
        return data

    z = _rezip(result.zip, tmp_path / "t.zip", flip)
    with zipfile.ZipFile(z, "a") as zf:
        zf.writestr(f"{result.bundle.name}/originals/extra.txt", b"x")
    report = verify_bundle(z)
    assert sorted(p.kind for p in report.problems) == ["altered", "extra", "missing"]


def test_zip_slip_is_refused(tmp_path):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("b/manifest-sha256.txt", f"{hashlib.sha256(b'x').hexdigest()}  x\n")
        zf.writestr("b/../../etc/evil.txt", b"x")
    with pytest.raises(UnsafeBundle, match="zip-slip"):
        verify_bundle(z)
    z2 = tmp_path / "evil2.zip"
    with zipfile.ZipFile(z2, "w") as zf:
        zf.writestr("manifest-sha256.txt", f"{hashlib.sha256(b'x').hexdigest()}  ../outside.txt\n")
    with pytest.raises(UnsafeBundle):
        verify_bundle(z2)


def test_zip_bombs_are_refused_before_reading(tmp_path):
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest-sha256.txt", "")
        zf.writestr("zeros.bin", b"\0" * (20 * 1024 * 1024))  # 20 MiB of zeros: ratio ~1000:1
    with pytest.raises(UnsafeBundle, match="压缩炸弹"):
        verify_bundle(z)
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(30):
            zf.writestr(f"f{i}", b"")
    with pytest.raises(UnsafeBundle, match="条目"):
        verify_bundle(many, max_members=20)
    with pytest.raises(UnsafeBundle, match="上限"):
        verify_bundle(z, max_total=1024)


def test_not_a_bundle(tmp_path):
    with pytest.raises(NotABundle):
        verify_bundle(tmp_path)
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(NotABundle):
        verify_bundle(tmp_path / "x.zip")


def test_two_builds_are_byte_identical_and_each_is_recorded(built, tmp_path):
    prof, case, first, _ = built
    again = build_dossier(
        prof, case.case_id, options(tmp_path / "again", summary="原告在被告平台充值。\n被告无故扣除余额。")
    )
    assert again.pdf.read_bytes() == first.pdf.read_bytes()
    assert again.zip.read_bytes() == first.zip.read_bytes()
    assert again.ledger_head == first.ledger_head
    assert again.ledger_seq > first.ledger_seq
    with zipfile.ZipFile(again.zip) as zf:
        names = [i.filename for i in zf.infolist()]
        assert names == sorted(names)
        assert {i.date_time for i in zf.infolist()} == {zf.infolist()[0].date_time}


def test_rebuild_replaces_its_own_bundle_but_never_a_foreign_folder(profile, case_id, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    out = tmp_path / "out"
    r1 = build_dossier(profile, case.case_id, options(out))
    r2 = build_dossier(profile, case.case_id, options(out, submitter="原告 李四"))
    assert r1.bundle == r2.bundle and verify_bundle(r2.bundle).ok
    assert sorted(p.name for p in out.iterdir()) == [r2.bundle.name, r2.zip.name]
    foreign = tmp_path / "out2" / r1.bundle.name
    foreign.mkdir(parents=True)
    (foreign / "我的文件.docx").write_bytes(b"keep me")
    from kami_desktop.core.dossier import DossierError

    with pytest.raises(DossierError, match="不是本软件生成"):
        build_dossier(profile, case.case_id, options(tmp_path / "out2"))
    assert (foreign / "我的文件.docx").read_bytes() == b"keep me"
    assert sorted(p.name for p in foreign.parent.iterdir()) == [foreign.name]


def test_cancelled_build_leaves_nothing(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "chat_png", "long"])
    token = CancelToken()
    seen = []

    def progress(done, total, label):
        seen.append(label)
        if label.startswith("排版"):
            token.cancel()

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        build_dossier(profile, case.case_id, options(out), progress=progress, cancel=token)
    assert list(out.iterdir()) == []
    with profile.session() as s:
        assert not [e for e in ledger.entries(s, case.case_id) if e.action == "dossier.build"]


def test_failed_build_leaves_nothing(profile, tmp_path, monkeypatch):
    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    import kami_desktop.core.dossier.build as build_mod

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_mod, "sha256_manifest", boom)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        build_dossier(profile, case.case_id, options(out))
    assert list(out.iterdir()) == []


def test_large_binders_spill_pages_to_disk_with_the_same_result(built, tmp_path, monkeypatch):
    import pymupdf

    from kami_desktop.core.dossier.layout import PageFlow

    prof, case, first, _ = built
    monkeypatch.setattr(PageFlow, "SPILL_PAGES", 2)  # spill every few pages, as a 300-screenshot case does
    kw = {"summary": "原告在被告平台充值。\n被告无故扣除余额。"}
    a = build_dossier(prof, case.case_id, options(tmp_path / "a", **kw))
    b = build_dossier(prof, case.case_id, options(tmp_path / "b", **kw))
    assert a.pdf.read_bytes() == b.pdf.read_bytes()  # still reproducible
    assert [(x.first_page, x.last_page) for x in a.exhibits] == [
        (x.first_page, x.last_page) for x in first.exhibits
    ]
    with pymupdf.open(a.pdf) as spilled, pymupdf.open(first.pdf) as in_memory:
        assert [p.get_text() for p in spilled] == [p.get_text() for p in in_memory]
        assert (
            spilled.get_toc() == in_memory.get_toc() and spilled.embfile_count() == in_memory.embfile_count()
        )
    assert not list((tmp_path / "a").glob(".*"))  # no work files left behind
    assert verify_bundle(a.bundle).ok


def test_a_failed_swap_puts_the_previous_bundle_back(profile, tmp_path, monkeypatch):
    import os

    import kami_desktop.core.dossier.bundle as bundle_mod

    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    out = tmp_path / "out"
    first = build_dossier(profile, case.case_id, options(out))
    before = first.pdf.read_bytes()
    real = os.replace

    def locked(src, dst):  # Windows: the new folder cannot take the old one's place (a viewer holds a file)
        if Path(dst) == first.bundle and Path(src).parent.name.startswith(".") and ".part-" in str(src):
            raise PermissionError(13, "used by another process")
        return real(src, dst)

    monkeypatch.setattr(bundle_mod.os, "replace", locked)
    with pytest.raises(PermissionError):
        build_dossier(profile, case.case_id, options(out, submitter="原告 李四"))
    assert first.pdf.read_bytes() == before and first.zip.is_file()
    assert verify_bundle(first.bundle).ok and verify_bundle(first.zip).ok
    assert sorted(p.name for p in out.iterdir()) == [first.bundle.name, first.zip.name]


def test_when_the_zip_cannot_be_placed_no_half_bundle_is_left(profile, tmp_path, monkeypatch):
    import os

    import kami_desktop.core.dossier.bundle as bundle_mod

    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    real = os.replace

    def full(src, dst):  # the folder is already in place when the zip's move fails
        if str(dst).endswith(".zip"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(bundle_mod.os, "replace", full)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        build_dossier(profile, case.case_id, options(out))
    assert list(out.iterdir()) == []
    with profile.session() as s:
        assert not [e for e in ledger.entries(s, case.case_id) if e.action == "dossier.build"]


def test_when_the_ledger_cannot_record_the_build_the_earlier_bundle_comes_back(
    profile, tmp_path, monkeypatch
):
    import kami_desktop.core.dossier.build as build_mod

    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    out = tmp_path / "out"
    first = build_dossier(profile, case.case_id, options(out))
    before = first.zip.read_bytes()

    def refuse(*a, **k):
        raise OSError(28, "database or disk is full")

    monkeypatch.setattr(build_mod.ledger, "append", refuse)
    with pytest.raises(OSError):
        build_dossier(profile, case.case_id, options(out, submitter="原告 李四"))
    assert first.zip.read_bytes() == before and verify_bundle(first.bundle).ok
    assert sorted(p.name for p in out.iterdir()) == [first.bundle.name, first.zip.name]


def test_writing_a_document_between_builds_keeps_the_binder_identical(profile, tmp_path):
    """A generated demand letter is an output, like a binder build: the evidence did not change."""
    from kami_desktop.core.documents import generate

    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    first = build_dossier(profile, case.case_id, options(tmp_path / "a"))
    generate(profile, case.case_id, "demand", tmp_path / "docs", fmt="docx")
    with profile.session() as s:
        assert [e.action for e in ledger.entries(s, case.case_id)][-1] == "document.generate"
    again = build_dossier(profile, case.case_id, options(tmp_path / "b"))
    assert again.pdf.read_bytes() == first.pdf.read_bytes()
    assert again.ledger_head == first.ledger_head


def test_online_filing_pdfs_are_the_binders_own_pages_one_file_per_exhibit(profile, tmp_path):
    import pymupdf

    case = make_case(profile, tmp_path / "src", keys=["jpeg", "rules", "long"])
    result = build_dossier(
        profile, case.case_id, options(tmp_path / "out", online_pdfs=True, online_cap_mb=0.001)
    )
    names = [p.name for p in result.online]
    assert names[0] == "证据00_证据目录.pdf"
    assert len(names) == len(result.exhibits) + 1 and all(n.startswith("证据0") for n in names)
    with pymupdf.open(result.pdf) as binder:
        for x, path in zip(result.exhibits, result.online[1:], strict=True):
            with pymupdf.open(path) as part:
                assert part.page_count == x.last_page - x.first_page + 1
                assert part[0].get_text() == binder[x.first_page - 1].get_text()  # same page, same footer
        with pymupdf.open(result.online[0]) as index:
            assert "证据目录" in index[0].get_text() and index.page_count < binder.page_count
    assert result.warnings and "超过" in result.warnings[0]  # the tiny cap flags every file
    assert verify_bundle(result.bundle).ok  # the online files are in the manifest like everything else
    manifest = (result.bundle / "manifest-sha256.txt").read_text(encoding="utf-8")
    assert "网上立案/证据00_证据目录.pdf" in manifest
    again = build_dossier(profile, case.case_id, options(tmp_path / "again", online_pdfs=True))
    assert [p.read_bytes() for p in again.online] == [p.read_bytes() for p in result.online]
    assert again.pdf.read_bytes() == result.pdf.read_bytes()  # asking for them does not change the binder
