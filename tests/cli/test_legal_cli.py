"""`kami legal`, `kami party`, `kami fact` and `kami step`: JSON shapes and exit codes."""

from __future__ import annotations

import json

from kami_desktop.cli import main
from tests.helpers import kami_json


def run(capsys, data_dir, *args: str) -> tuple[int, dict]:
    code = main(["--data-dir", str(data_dir), *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_uscc_valid_and_invalid(capsys, tmp_path):
    code, data = run(capsys, tmp_path, "legal", "uscc", "91330100716105852F")
    assert code == 0 and data["valid"] is True and data["expected_check"] == "F" and data["reason"] == ""
    code, data = run(capsys, tmp_path, "legal", "uscc", "914403001922038217")
    assert (
        code == 1 and data["valid"] is False and data["expected_check"] == "6" and "校验位" in data["reason"]
    )
    code, data = run(capsys, tmp_path, "legal", "uscc", "A1110000600037341L")
    assert code == 1 and data["valid"] is False and data["reason"]


def test_workdays(capsys, tmp_path):
    code, data = run(capsys, tmp_path, "legal", "workdays", "--from", "2025-09-26", "--days", "7")
    assert code == 0 and data["due"] == "2025-10-13" and data["provisional"] is False
    code, data = run(capsys, tmp_path, "legal", "workdays", "--from", "2027-03-01", "--days", "7")
    assert code == 0 and data == {"from": "2027-03-01", "days": 7, "due": "2027-03-10", "provisional": True}
    code, data = run(capsys, tmp_path, "legal", "workdays", "--from", "2025-13-01", "--days", "7")
    assert code == 2 and data["ok"] is False
    code, data = run(capsys, tmp_path, "legal", "workdays", "--from", "2025-09-26", "--days", "0")
    assert code == 2


def test_interest(capsys, tmp_path):
    code, data = run(
        capsys,
        tmp_path,
        "legal",
        "interest",
        "--principal",
        "3000",
        "--from",
        "2025-06-01",
        "--to",
        "2025-12-18",
        "--rate",
        "3",
    )
    assert code == 0 and data["interest"] == "49.32" and data["days"] == 200 and data["rate"] == "3.00"
    code, data = run(
        capsys,
        tmp_path,
        "legal",
        "interest",
        "--principal",
        "3000",
        "--from",
        "2025-06-01",
        "--to",
        "2025-12-18",
        "--rate",
        "3",
        "--basis",
        "360",
    )
    assert data["interest"] == "50.00" and data["basis"] == 360
    code, data = run(
        capsys,
        tmp_path,
        "legal",
        "interest",
        "--principal",
        "3000",
        "--from",
        "2025-06-01",
        "--to",
        "2025-12-18",
    )
    assert code == 0 and data["rate_source"] == "lpr" and data["interest"]
    assert (
        run(
            capsys,
            tmp_path,
            "legal",
            "interest",
            "--principal",
            "abc",
            "--from",
            "2025-06-01",
            "--to",
            "2025-12-18",
            "--rate",
            "3",
        )[0]
        == 2
    )
    assert (
        run(
            capsys,
            tmp_path,
            "legal",
            "interest",
            "--principal",
            "100",
            "--from",
            "2025-06-01",
            "--to",
            "2025-05-01",
            "--rate",
            "3",
        )[0]
        == 2
    )


def test_party_fact_step_deadlines_readiness_flow(capsys, tmp_path):
    d = tmp_path
    code, case = run(
        capsys,
        d,
        "case",
        "new",
        "--title",
        "星辰卡盟扣款",
        "--platform",
        "星辰卡盟",
        "--discovered",
        "2025-09-20",
    )
    cid = str(case["id"])
    code, err = run(
        capsys,
        d,
        "party",
        "add",
        "--case",
        cid,
        "--role",
        "收款主体",
        "--name",
        "A科技有限公司",
        "--uscc",
        "914403001922038217",
    )
    assert code == 2 and "--override" in err["error"] and "校验位" in err["error"]
    code, payee = run(
        capsys,
        d,
        "party",
        "add",
        "--case",
        cid,
        "--role",
        "payee",
        "--name",
        "A科技有限公司",
        "--uscc",
        "914403001922038217",
        "--override",
    )
    assert code == 0 and payee["uscc"] == "914403001922038217" and payee["checks"]["uscc"]["valid"] is False
    code, op = run(
        capsys,
        d,
        "party",
        "add",
        "--case",
        cid,
        "--role",
        "operator",
        "--name",
        "B工作室",
        "--uscc",
        "91330100716105852F",
        "--icp",
        "浙ICP备12345678号-1",
        "--defendant",
    )
    assert code == 0 and op["is_defendant"] is True and op["role_label"] == "运营主体"
    code, listed = run(capsys, d, "party", "list", "--case", cid)
    assert [p["role"] for p in listed["parties"]] == ["operator", "payee"]
    assert "payee_differs" in {a["code"] for a in listed["advice"]}
    code, edited = run(capsys, d, "party", "edit", str(payee["id"]), "--defendant", "--override")
    assert code == 0 and edited["is_defendant"] is True
    code, shown = run(capsys, d, "case", "show", cid)  # the same party summary as `party list`
    by_id = {p["id"]: p for p in shown["parties"]}
    assert code == 0 and set(by_id) == {payee["id"], op["id"]}
    assert by_id[op["id"]] == {k: v for k, v in op.items() if k != "evidence"}
    assert {"role", "name", "uscc", "icp", "address", "legal_representative", "phone", "website"} <= set(op)
    assert (
        by_id[payee["id"]]["checks"]["uscc"]["valid"] is False and by_id[payee["id"]]["is_defendant"] is True
    )
    assert run(capsys, d, "party", "link", str(op["id"]), "999", "--kind", "营业执照")[0] == 2

    code, fact = run(
        capsys,
        d,
        "fact",
        "add",
        "--case",
        cid,
        "--at",
        "2025-09-19 22:10",
        "--kind",
        "扣款",
        "--description",
        "余额被清零",
        "--disputed",
    )
    assert code == 0 and fact["kind"] == "deduction" and fact["occurred_at"] == "2025-09-19T22:10:00+08:00"
    code, tl = run(capsys, d, "fact", "list", "--case", cid)
    assert [f["kind_label"] for f in tl["facts"]] == ["扣款"] and tl["facts"][0]["disputed"] is True
    assert run(capsys, d, "fact", "add", "--case", cid, "--at", "2025-09-19", "--kind", "吵架")[0] == 2
    code, sugg = run(capsys, d, "fact", "suggest", "--case", cid)
    assert code == 0 and sugg == {"suggestions": []}
    assert run(capsys, d, "fact", "accept", "--case", cid, "bill:1")[0] == 2

    code, step = run(
        capsys,
        d,
        "step",
        "add",
        "--case",
        cid,
        "--kind",
        "demand_sent",
        "--on",
        "2025-09-26",
        "--channel",
        "邮件",
    )
    assert code == 0 and step["kind_label"] and step["case_stage"] == "negotiation"
    code, step = run(
        capsys, d, "step", "add", "--case", cid, "--kind", "12315投诉已提交", "--on", "2025-10-14"
    )
    assert step["case_stage"] == "complaint"
    assert run(capsys, d, "step", "add", "--case", cid, "--kind", "上访", "--on", "2025-10-14")[0] == 2
    code, steps = run(capsys, d, "step", "list", "--case", cid)
    assert [x["kind"] for x in steps["steps"]] == ["demand_sent", "complaint_12315_filed"]

    code, dash = run(capsys, d, "legal", "deadlines", "--case", cid, "--today", "2025-10-20")
    assert code == 0 and dash["stage"] == "complaint" and dash["stage_label"] == "投诉"
    keys = {x["key"]: x for x in dash["deadlines"]}
    assert keys["demand_reply"]["due"] == "2025-10-13" and keys["demand_reply"]["status"] == "past"
    assert keys["12315_acceptance"]["due"] == "2025-10-23" and keys["12315_acceptance"]["status"] == "near"
    assert dash["next_deadline"]["key"] == "12315_acceptance" and dash["next_steps"]
    assert {"provisional", "warnings", "steps", "today"} <= set(dash)
    assert run(capsys, d, "legal", "deadlines", "--case", "99")[0] == 2

    code, ready = run(capsys, d, "legal", "readiness", "--case", cid)
    # the five evidence classes and one item per defendant (its registration record)
    defendants = [i for i in ready["items"] if i["key"].startswith("defendant:")]
    assert code == 1 and ready["ready"] is False and len(ready["items"]) == 5 + len(defendants) == 7
    assert {i["status"] for i in ready["items"]} <= {"present", "weak", "missing"}

    code, _ = run(capsys, d, "party", "remove", str(payee["id"]))
    assert code == 0
    code, _ = run(capsys, d, "fact", "remove", str(fact["id"]))
    assert code == 0


def test_text_output_and_subprocess_json(tmp_path, capsys):
    assert main(["legal", "workdays", "--from", "2025-09-26", "--days", "7"]) == 0
    assert "2025-10-13" in capsys.readouterr().out
    data = kami_json("legal", "uscc", "91330100716105852F", data_dir=tmp_path / "p")
    assert data["valid"] is True
    kami_json("case", "new", "--title", "t", data_dir=tmp_path / "p")
    dash = kami_json("legal", "deadlines", "--case", "1", "--today", "2025-10-01", data_dir=tmp_path / "p")
    assert dash["deadlines"] == [] and dash["next_deadline"] is None
