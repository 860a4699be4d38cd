"""kami dossier build|check and kami bundle verify, through the real CLI in a subprocess."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pymupdf

from tests.core.dossier.cases import make_case
from tests.helpers import kami_json


def test_build_json_and_verify(profile, data_dir, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["chat_png", "jpeg", "rules"])
    out = tmp_path / "out"
    profile.close()  # the CLI in a subprocess is the writer now
    data = kami_json(
        "dossier",
        "build",
        "--case",
        str(case.case_id),
        "--out",
        str(out),
        "--date",
        "2026-11-25",
        "--submitter",
        "原告 张三",
        "--attachment-cap",
        "0.004",
        data_dir=data_dir,
    )
    assert set(data) >= {"pdf", "bundle", "zip", "pages", "exhibits"}
    doc = pymupdf.open(data["pdf"])
    assert doc.page_count == data["pages"]
    used, fits = 0, 0  # originals are embedded in binder order while their total stays under the cap
    for f in sorted((out / "证据册_星辰卡盟充值扣款纠纷" / "originals").iterdir()):
        if used + f.stat().st_size <= 0.004 * 1024 * 1024:
            used, fits = used + f.stat().st_size, fits + 1
    assert 0 < fits < 4 and doc.embfile_count() == fits
    ex = data["exhibits"]
    assert [e["number"] for e in ex] == [1, 2, 3]
    for e in ex:
        assert set(e) >= {"number", "title", "first_page", "last_page", "sha256"}
        assert f"证据{e['number']}　{e['title']}" in doc[e["first_page"] - 1].get_text()
    assert zipfile.is_zipfile(data["zip"])
    for target in (data["bundle"], data["zip"]):
        report = kami_json("bundle", "verify", target, data_dir=data_dir)
        # 8 files and the 内部提示 beside the binder
        assert report["ok"] is True and report["checked"] == 9 and report["problems"] == []


def test_build_refuses_missing_files_unless_forced(profile, data_dir, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["chat_png", "jpeg"])
    from kami_desktop.core.evidence.exhibits import get_exhibit

    with profile.session() as s:
        sha = get_exhibit(s, case.exhibits["jpeg"]).files[0].blob_sha256
    profile.vault.remove_blob(sha)
    out = tmp_path / "out"
    profile.close()  # the CLI in a subprocess is the writer now
    refused = kami_json("dossier", "check", "--case", str(case.case_id), data_dir=data_dir, expect=1)
    assert [p["kind"] for p in refused["problems"] if p["blocking"]] == ["missing"]
    refused = kami_json(
        "dossier", "build", "--case", str(case.case_id), "--out", str(out), data_dir=data_dir, expect=1
    )
    assert refused["ok"] is False and refused["problems"][0]["sha256"] == sha
    assert not out.exists() or list(out.iterdir()) == []
    forced = kami_json(
        "dossier",
        "build",
        "--case",
        str(case.case_id),
        "--out",
        str(out),
        "--force",
        "--no-attachments",
        data_dir=data_dir,
    )
    assert [p["kind"] for p in forced["problems"]] == ["missing"]
    assert pymupdf.open(forced["pdf"]).embfile_count() == 0


def test_bundle_verify_exit_codes(profile, data_dir, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["jpeg"])
    profile.close()  # the CLI in a subprocess is the writer now
    data = kami_json(
        "dossier",
        "build",
        "--case",
        str(case.case_id),
        "--out",
        str(tmp_path / "out"),
        "--no-zip",
        data_dir=data_dir,
    )
    assert data["zip"] is None
    victim = next((tmp_path / "out").rglob("*.jpg"))
    raw = bytearray(victim.read_bytes())
    raw[100] ^= 0xFF
    victim.write_bytes(bytes(raw))
    bad = kami_json("bundle", "verify", data["bundle"], data_dir=data_dir, expect=1)
    assert bad["ok"] is False and bad["problems"] == [
        {"kind": "altered", "path": f"originals/{victim.name}", "detail": bad["problems"][0]["detail"]}
    ]
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../escape.txt", b"x")
    refused = kami_json("bundle", "verify", str(evil), data_dir=data_dir, expect=2)
    assert refused["ok"] is False and "zip-slip" in refused["error"]
    kami_json("bundle", "verify", str(tmp_path / "nowhere"), data_dir=data_dir, expect=2)


def test_bundle_verify_needs_no_database_layer(tmp_path):
    folder = tmp_path / "b"
    (folder / "originals").mkdir(parents=True)
    (folder / "originals" / "a.txt").write_bytes(b"a")
    (folder / "manifest-sha256.txt").write_text(
        "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  originals/a.txt\n"
    )
    code = (
        "import argparse, sys\nfrom pathlib import Path\n"
        "from kami_desktop.commands import dossier\n"
        f"out = dossier.cmd_verify(argparse.Namespace(path=Path({str(folder)!r})))\n"
        "assert out.code == 0 and out.data['ok'], out.data\n"
        "bad = [m for m in sys.modules if m in ('kami_desktop.core.store.db', 'kami_desktop.core.store.model',"
        " 'kami_desktop.core.profile', 'pymupdf', 'fitz') or m.startswith('sqlalchemy.orm')]\n"
        "print(bad)\nsys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_build_with_online_filing_files(profile, data_dir, tmp_path):
    case = make_case(profile, tmp_path / "src", keys=["chat_png", "jpeg"])
    profile.close()  # the CLI in a subprocess is the writer now
    data = kami_json(
        "dossier",
        "build",
        "--case",
        str(case.case_id),
        "--out",
        str(tmp_path / "out"),
        "--online",
        "--no-zip",
        data_dir=data_dir,
    )
    names = [p.rsplit("/", 1)[-1] for p in data["online"]]
    assert names[0] == "证据00_证据目录.pdf" and len(names) == 3
    assert names[1].startswith("证据01_") and names[2].startswith("证据02_")
    assert kami_json("bundle", "verify", data["bundle"], data_dir=data_dir)["ok"] is True
