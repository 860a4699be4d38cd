"""Problems before building: missing or altered originals are reported; the user decides."""

from __future__ import annotations

import json
import os
import stat

import pymupdf
import pytest

from kami_desktop.core.dossier import DossierError, PreflightError
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.bundle_verify import verify_bundle
from kami_desktop.core.dossier.precheck import preflight
from kami_desktop.core.evidence.exhibits import edit_exhibit, trash

from .cases import make_case, options


def _tamper(profile, sha: str) -> None:
    p = profile.blob_path(sha)
    os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
    with open(p, "r+b") as fh:
        fh.seek(10)
        b = fh.read(1)
        fh.seek(10)
        fh.write(bytes([b[0] ^ 0xFF]))


def _sha(profile, exhibit_id: int) -> str:
    from kami_desktop.core.evidence.exhibits import get_exhibit

    with profile.session() as s:
        return get_exhibit(s, exhibit_id).files[0].blob_sha256


def test_clean_case_passes(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "chat_png"])
    report = preflight(profile, case.case_id)
    assert report.ok and report.checked == 3 and not report.blocking


def test_missing_and_altered_files_are_reported_and_block_the_build(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "chat_png", "note"])
    gone = _sha(profile, case.exhibits["jpeg"])
    profile.vault.remove_blob(gone)
    _tamper(profile, _sha(profile, case.exhibits["note"]))
    report = preflight(profile, case.case_id)
    assert not report.ok
    assert sorted((p.kind, p.number) for p in report.blocking) == [("altered", 3), ("missing", 2)]
    out = tmp_path / "out"
    with pytest.raises(PreflightError) as exc:
        build_dossier(profile, case.case_id, options(out))
    assert len(exc.value.report.blocking) == 2 and "缺失或已被改动" in str(exc.value)
    assert list(out.iterdir()) == []


def test_forced_build_says_so_on_the_page_and_in_the_manifest(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "chat_png"])
    profile.vault.remove_blob(_sha(profile, case.exhibits["jpeg"]))
    result = build_dossier(profile, case.case_id, options(tmp_path / "out", force=True))
    assert [p["kind"] for p in result.problems] == ["missing"]
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.title == "充值记录截图")
    assert "原始文件缺失，无法打印" in doc[x.first_page - 1].get_text()
    m = json.loads((result.bundle / "manifest.json").read_text(encoding="utf-8"))
    statuses = {f["path"]: f["status"] for e in m["exhibits"] for f in e["files"]}
    assert statuses["originals/证据02_充值记录截图_1.jpg"] == "missing"
    assert not (result.bundle / "originals" / "证据02_充值记录截图_1.jpg").exists()
    assert verify_bundle(result.bundle).ok  # the bundle is consistent: the missing file is not claimed


def test_incomplete_exhibits_are_warnings_not_blockers(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    with profile.session() as s:
        edit_exhibit(s, case.exhibits["jpeg"], purpose="", source="")
    report = preflight(profile, case.case_id)
    assert report.ok
    assert sorted(p.detail for p in report.warnings) == sorted(["未填写证明目的", "未填写证据来源"])


def test_selection_order_and_bad_selections(profile, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "chat_png", "note"])
    ids = [case.exhibits["note"], case.exhibits["jpeg"]]
    result = build_dossier(profile, case.case_id, options(tmp_path / "out", exhibit_ids=ids))
    assert [x.title for x in result.exhibits] == ["情况说明", "充值记录截图"]
    assert [x.number for x in result.exhibits] == [1, 2]
    with profile.session() as s:
        trash(s, case.exhibits["chat_png"])
    with pytest.raises(DossierError, match="回收站"):
        preflight(profile, case.case_id, [case.exhibits["chat_png"]])
    with pytest.raises(DossierError, match="不属于本案件"):
        preflight(profile, case.case_id, [9999])
