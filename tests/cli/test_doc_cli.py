"""kami doc generate | attachments, end to end in subprocesses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kami_desktop.core.profile import Profile
from tests.core.documents.conftest import docx_text, pdf_flat
from tests.core.documents.factory import make_case
from tests.helpers import kami, kami_json


@pytest.fixture
def made_dir(tmp_path) -> tuple[Path, int]:
    d = tmp_path / "p"
    with Profile.open(d) as prof:
        made = make_case(prof, tmp_path)
    return d, made.case_id


def test_generate_demand_json(made_dir, tmp_path):
    d, cid = made_dir
    out = kami_json(
        "doc",
        "generate",
        "--case",
        str(cid),
        "--kind",
        "demand",
        "--out",
        str(tmp_path / "o"),
        "--format",
        "both",
        "--workdays",
        "5",
        data_dir=d,
    )
    assert out["kind"] == "demand" and out["missing"] == []
    files = [Path(f) for f in out["files"]]
    assert [f.suffix for f in files] == [".docx", ".pdf"] and all(f.exists() for f in files)
    assert out["hashes"][files[0].name] == hashlib.sha256(files[0].read_bytes()).hexdigest()
    # 5 working days after the estimated arrival (EMS, sent 2025-09-26 + 3 days)
    assert "2025年10月13日" in docx_text(files[0])
    assert "2025年10月13日" in pdf_flat(files[1])


def test_generate_lawsuit_with_interest_start_and_missing(made_dir, tmp_path):
    d, cid = made_dir
    out = kami_json(
        "doc",
        "generate",
        "--case",
        str(cid),
        "--kind",
        "lawsuit",
        "--out",
        str(tmp_path / "o"),
        "--interest-from",
        "2025-10-01",
        "--date",
        "2025-11-20",
        data_dir=d,
    )
    assert out["missing"] == ["受诉人民法院（一般为原告住所地基层人民法院）"]
    assert out["missing_fields"][0]["key"] == "option.court"
    text = docx_text(Path(out["files"][0]))
    assert "自2025年10月1日起至实际清偿之日止" in text and "暂计至2025年11月20日" in text


def test_text_output_and_every_kind(made_dir, tmp_path):
    d, cid = made_dir
    for kind in ("complaint-12315", "heimao", "lawsuit-elements", "evidence-list"):
        proc = kami(
            "doc", "generate", "--case", str(cid), "--kind", kind, "--out", str(tmp_path / "o"), data_dir=d
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("已生成")
    # four documents, and beside the two court-facing ones their 内部提示 (not for filing)
    assert len([p for p in (tmp_path / "o").glob("*.docx") if "内部提示" not in p.name]) == 4
    assert len(list((tmp_path / "o").glob("*内部提示（不提交法院）*.docx"))) == 2


def test_bad_input_exits_2(made_dir, tmp_path):
    d, cid = made_dir
    out = kami_json(
        "doc",
        "generate",
        "--case",
        str(cid),
        "--kind",
        "demand",
        "--out",
        str(tmp_path),
        "--workdays",
        "9",
        data_dir=d,
        expect=2,
    )
    assert out["ok"] is False and "3–7" in out["error"]
    assert (
        kami(
            "doc", "generate", "--case", "99", "--kind", "demand", "--out", str(tmp_path), data_dir=d
        ).returncode
        == 2
    )
    assert (
        kami(
            "doc", "generate", "--case", str(cid), "--kind", "letter", "--out", str(tmp_path), data_dir=d
        ).returncode
        == 2
    )
    assert (
        kami(
            "doc",
            "generate",
            "--case",
            str(cid),
            "--kind",
            "lawsuit",
            "--out",
            str(tmp_path),
            "--interest-from",
            "soon",
            data_dir=d,
        ).returncode
        == 2
    )


def test_attachments_json(made_dir, tmp_path):
    d, cid = made_dir
    out = kami_json("doc", "attachments", "--case", str(cid), "--out", str(tmp_path / "a"), data_dir=d)
    assert out["count"] == 5 and Path(out["list"]).exists()
    parts = [f for f in out["files"] if f["number"] == 4]
    assert [(f["part"], f["parts"], f["height"]) for f in parts] == [(1, 2, 4000), (2, 2, 2200)]
    assert all(f["size"] <= 2 * 1024 * 1024 for f in out["files"])
