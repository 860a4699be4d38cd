"""The `kami` CLI end to end, in subprocesses, against a real temporary profile."""

import hashlib
import json
import sqlite3

from tests.helpers import kami, kami_json, screenshot


def test_case_import_list_edit_verify_ledger_flow(tmp_path):
    d = tmp_path / "p"
    case = kami_json(
        "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟", "--amount", "1798", data_dir=d
    )
    assert case["id"] == 1 and case["claimed_amount"] == "1798.00"
    shots = [screenshot(tmp_path / "in" / f"{i}.png", i) for i in range(3)]
    out = kami_json("import", "--case", "1", str(tmp_path / "in"), "--category", "资金流水", data_dir=d)
    assert out["errors"] == []
    assert [i["original_name"] for i in out["imported"]] == [p.name for p in shots]
    assert set(out["imported"][0]) >= {
        "exhibit_id",
        "sha256",
        "sm3",
        "size",
        "media_type",
        "original_name",
        "duplicate",
    }
    again = kami_json("import", "--case", "1", str(shots[0]), data_dir=d)
    assert again["imported"][0]["duplicate"] is True
    listed = kami_json("exhibit", "list", "--case", "1", data_dir=d)["exhibits"]
    assert [e["number"] for e in listed] == [1, 2, 3] and listed[0]["category"] == "funds"
    ed = kami_json(
        "exhibit",
        "edit",
        str(listed[0]["id"]),
        "--title",
        "充值记录",
        "--purpose",
        "证明已付款",
        "--captured-at",
        "2025-03-01T10:00:00+08:00",
        data_dir=d,
    )
    assert ed["title"] == "充值记录" and ed["captured_at"] == "2025-03-01T10:00:00+08:00"
    kami_json("exhibit", "trash", str(listed[1]["id"]), data_dir=d)
    assert len(kami_json("exhibit", "list", "--case", "1", data_dir=d)["exhibits"]) == 2
    kami_json("exhibit", "restore", str(listed[1]["id"]), data_dir=d)
    v = kami_json("verify", data_dir=d)
    assert v == {
        "ok": True,
        "checked": 3,
        "ledger_entries": v["ledger_entries"],
        "cancelled": False,
        "anchors_checked": 0,
        "unchecked": {},
        "copies_absent": 0,
        "notices": [],
        "problems": [],
    }
    led = kami_json("ledger", "show", "--case", "1", data_dir=d)
    actions = [e["action"] for e in led["entries"]]
    assert actions[0] == "case.create" and "exhibit.edit" in actions and actions[-1] == "exhibit.restore"
    assert led["head"] == led["entries"][-1]["hash"]
    shown = kami_json("case", "show", "1", data_dir=d)
    assert shown["exhibits"] == 3 and shown["platform_name"] == "星辰卡盟"
    assert kami_json("case", "list", data_dir=d)["cases"][0]["exhibits"] == 3


def test_verify_exit_code_1_and_problem_shape(tmp_path):
    d = tmp_path / "p"
    kami_json("case", "new", "--title", "t", data_dir=d)
    shot = screenshot(tmp_path / "a.png", 1)
    screenshot_bytes = shot.read_bytes()
    imported = kami_json("import", "--case", "1", str(shot), data_dir=d)
    sha, exhibit_id = imported["imported"][0]["sha256"], imported["imported"][0]["exhibit_id"]
    blob = d / "vault" / sha[:2] / sha[2:4] / sha
    original = blob.read_bytes()
    assert hashlib.sha256(original).hexdigest() == sha == hashlib.sha256(screenshot_bytes).hexdigest()
    blob.chmod(0o600)
    blob.write_bytes(original + b"x")  # the stored original changed on disk
    out = kami_json("verify", data_dir=d, expect=1)
    where = {"exhibit_id": exhibit_id, "sha256": sha, "path": str(blob), "entry": None, "field": None}
    assert out == {
        "ok": False,
        "checked": 1,
        "ledger_entries": 2,  # case.create and import, both intact
        "cancelled": False,
        "anchors_checked": 0,
        "unchecked": {},
        "copies_absent": 0,
        "notices": [],
        "problems": [
            {
                "kind": "size_mismatch",
                **where,
                "detail": f"文件大小 {len(original) + 1} 字节，登记为 {len(original)} 字节",
            },
            {
                "kind": "hash_mismatch",
                **where,
                "detail": f"SHA-256 实际为 {hashlib.sha256(original + b'x').hexdigest()}，文件内容已被改动",
            },
        ],
    }
    text = kami("verify", data_dir=d)
    assert text.returncode == 1 and f"[hash_mismatch] 证据 {exhibit_id} {sha}" in text.stdout
    missing = kami("verify", "--against", str(tmp_path / "无此回执.jsonl"), "--json", data_dir=d)
    assert missing.returncode == 2 and "无此回执.jsonl：文件不存在" in missing.stderr
    assert json.loads(missing.stdout) == {"ok": False, "error": f"{tmp_path / '无此回执.jsonl'}：文件不存在"}

    blob.write_bytes(original)
    con = sqlite3.connect(d / "kami.sqlite3")
    con.execute("UPDATE ledger SET action = 'x' WHERE seq = 1")
    con.commit()
    con.close()
    out = kami_json("verify", data_dir=d, expect=1)
    assert out["problems"] == [
        {
            "kind": "ledger_broken",
            "exhibit_id": None,
            "sha256": None,
            "path": None,
            "detail": "日志第 1 条内容被改动（哈希不符）",
            "entry": 1,
            "field": None,
        }
    ]


def test_bad_usage_and_bad_input_exit_2_with_message(tmp_path):
    d = tmp_path / "p"
    proc = kami("case", "new", data_dir=d)  # --title missing
    assert proc.returncode == 2
    proc = kami("case", "show", "42", "--json", data_dir=d)
    assert proc.returncode == 2 and "案件 42 不存在" in proc.stderr
    assert json.loads(proc.stdout)["ok"] is False
    kami_json("case", "new", "--title", "t", data_dir=d)
    kami_json("import", "--case", "1", str(screenshot(tmp_path / "a.png", 1)), data_dir=d)
    proc = kami("import", "--case", "1", str(tmp_path / "nope.png"), "--json", data_dir=d)
    assert proc.returncode == 2 and "nope.png" in proc.stderr
    assert json.loads(proc.stdout)["errors"][0]["path"].endswith("nope.png")
    proc = kami("exhibit", "edit", "1", "--category", "乱写", data_dir=d)
    assert proc.returncode == 2 and "证据类别" in proc.stderr
    proc = kami("case", "new", "--title", "t", "--amount", "abc", data_dir=d)
    assert proc.returncode == 2 and "金额" in proc.stderr


def test_partial_import_exits_1_and_names_failures(tmp_path):
    d = tmp_path / "p"
    kami_json("case", "new", "--title", "t", data_dir=d)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    out = kami_json(
        "import", "--case", "1", str(screenshot(tmp_path / "a.png", 1)), str(empty), data_dir=d, expect=1
    )
    assert len(out["imported"]) == 1 and out["errors"][0]["path"] == str(empty)


def test_purge_and_version(tmp_path):
    d = tmp_path / "p"
    kami_json("case", "new", "--title", "t", data_dir=d)
    ex = kami_json("import", "--case", "1", str(screenshot(tmp_path / "a.png", 1)), data_dir=d)["imported"][0]
    kami_json("exhibit", "trash", str(ex["exhibit_id"]), data_dir=d)
    out = kami_json("trash", "purge", data_dir=d)
    assert out["blobs_removed"] == [ex["sha256"]]
    assert kami_json("verify", data_dir=d)["ok"] is True
    proc = kami("--version", data_dir=d)
    assert proc.returncode == 0 and proc.stdout.startswith("kami ")


def test_database_locked_by_another_process_gives_clear_message(tmp_path):
    d = tmp_path / "p"
    kami_json("case", "new", "--title", "t", data_dir=d)
    con = sqlite3.connect(d / "kami.sqlite3", timeout=0)
    con.execute("BEGIN EXCLUSIVE")
    try:
        proc = kami("case", "new", "--title", "u", data_dir=d, timeout=60)
    finally:
        con.rollback()
        con.close()
    assert proc.returncode == 2
    assert "占用" in proc.stderr or "锁定" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert kami_json("case", "list", data_dir=d)["cases"][0]["title"] == "t"


def test_disk_full_is_reported_in_chinese(tmp_path, capsys, monkeypatch):
    import errno

    from kami_desktop import cli

    def full(args):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "binder.pdf"))

    monkeypatch.setattr("kami_desktop.commands.case.cmd_list", full)
    rc = cli.main(["--data-dir", str(tmp_path / "p"), "case", "list"])
    err = capsys.readouterr().err
    assert rc == 2 and "磁盘空间不足" in err and "binder.pdf" in err and "No space" not in err


def test_database_full_message():
    from pathlib import Path

    from kami_desktop.core.store.db import explain

    msg = explain(Exception("(sqlite3.OperationalError) database or disk is full"), Path("/x/kami.sqlite3"))
    assert "磁盘空间不足" in msg
