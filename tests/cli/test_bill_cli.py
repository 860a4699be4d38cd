"""`kami bill …`: JSON shapes, exit codes, and bad input that leaves nothing stored."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from kami_desktop import cli
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Bill, BillRow, Blob, Exhibit
from tests.core.bills import bill_fixtures as bf
from tests.core.bills.test_bill_store import BAD_INPUTS
from tests.helpers import kami, kami_json


def write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def run(capsys, d, *args: str, expect: int = 0) -> dict:
    """The CLI in this process (fast); the subprocess helpers cover the real entry point."""
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *args, "--json"])
    out = capsys.readouterr()
    assert code == expect, (code, out.err)
    return json.loads(out.out)


def stored(d) -> tuple[int, int, int, int]:
    with Profile.open(d) as prof, prof.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Exhibit, Bill, BillRow, Blob))


def test_parse_json_shape_with_and_without_platform(tmp_path):
    d = tmp_path / "p"
    path = write(tmp_path, "alipay.csv", bf.alipay_app_csv())
    out = kami_json(
        "bill", "parse", str(path), "--platform", "星辰卡盟", "--platform", "不存在的平台", data_dir=d
    )
    assert out["source"] == "alipay" and out["layout"] == "alipay-csv-2026" and out["rows"] == 9
    assert len(out["transactions"]) == 9
    first = out["transactions"][0]
    assert {
        "time",
        "counterparty",
        "description",
        "direction",
        "amount",
        "status",
        "order_id",
        "row",
        "role",
    } <= set(first)
    assert out["platform"] == {
        "counterparties": ["星辰卡盟"],
        "terms": ["星辰卡盟"],
        "rows": 6,
        "paid": "350.00",
        "refunded": "80.00",
        "net": "270.00",
        "first": "2026-03-01T10:00:00+08:00",
        "last": "2026-03-04T21:10:00+08:00",
    }
    assert any("交易流水证明" in w for w in out["warnings"])
    bare = kami_json("bill", "parse", str(path), data_dir=d)
    assert bare["platform"]["rows"] == 0 and bare["platform"]["net"] == "0.00"
    assert any("--platform" in w for w in bare["warnings"]) and "星辰卡盟" in bare["top_counterparties"]
    assert not (d / "kami.sqlite3").exists() or stored(d) == (0, 0, 0, 0)  # parse stores nothing


def test_import_show_counterparties_apply_flow(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    zipped = write(tmp_path, "支付宝交易明细.zip", bf.alipay_zip(bf.alipay_app_csv(), "135790"))
    before = stored(d)
    ask = kami("bill", "import", "--case", "1", str(zipped), "--json", data_dir=d)
    assert ask.returncode == 2 and "密码" in ask.stderr and "支付宝交易明细.zip" in ask.stderr
    assert json.loads(ask.stdout)["ok"] is False
    wrong = run(capsys, d, "bill", "import", "--case", "1", str(zipped), "--password", "000000", expect=2)
    assert "不正确" in wrong["error"]
    assert stored(d) == before
    out = kami_json("bill", "import", "--case", "1", str(zipped), "--password", "135790", data_dir=d)
    assert out["duplicate"] is False and out["rows"] == 9 and out["terms"] == ["星辰卡盟"]
    assert out["reconciliation"]["net"] == "270.00" and "交易流水证明" in out["evidence_warning"]
    again = run(capsys, d, "bill", "import", "--case", "1", str(zipped), "--password", "135790")
    assert again["duplicate"] is True and again["bill_id"] == out["bill_id"]
    wx = run(capsys, d, "bill", "import", "--case", "1", str(write(tmp_path, "wx.xlsx", bf.wechat_xlsx())))
    assert wx["source"] == "wechat" and wx["reconciliation"]["net"] == "540.00"
    shown = run(capsys, d, "bill", "show", "--case", "1")
    assert shown["net"] == "540.00" and len(shown["bills"]) == 2 and shown["rows"] == len(shown["items"])
    row = shown["items"][0]
    assert {
        "bill_id",
        "row",
        "sha256",
        "exhibit_id",
        "role",
        "counted",
        "linked_to",
        "linked_bill_id",
    } <= set(row)
    assert {r["sha256"] for r in shown["items"]} == {out["sha256"], wx["sha256"]}
    listed = run(capsys, d, "bill", "counterparties", "--case", "1")
    assert [(c["name"], c["selected"]) for c in listed["counterparties"]][:2] == [
        ("星辰卡盟", True),
        ("星辰卡盟", True),
    ]
    assert listed["net"] == "540.00" and not any(c["selected"] for c in listed["counterparties"][2:])
    picked = run(
        capsys, d, "bill", "counterparties", "--case", "1", "--select", "老王面馆", "--deselect", "星辰卡盟"
    )
    assert picked["net"] == "12.30" and run(capsys, d, "bill", "show", "--case", "1")["net"] == "12.30"
    run(capsys, d, "bill", "counterparties", "--case", "1", "--select", "星辰卡盟", "--deselect", "老王面馆")
    refused = run(capsys, d, "bill", "apply", "--case", "1", expect=2)
    assert "--net-paid-is-the-loss" in refused["error"]
    assert run(capsys, d, "case", "show", "1")["claimed_amount"] is None
    applied = kami_json("bill", "apply", "--case", "1", "--net-paid-is-the-loss", data_dir=d)
    assert applied["claimed_amount"] == "540.00" and applied["paid"] == "700.00"
    assert run(capsys, d, "case", "show", "1")["claimed_amount"] == "540.00"
    assert run(capsys, d, "claim", "list", "--case", "1")["principal"] == "540.00"
    actions = [e["action"] for e in run(capsys, d, "ledger", "show", "--case", "1")["entries"]]
    assert actions[-3:] == ["claim.add", "case.edit", "claim.apply"] and actions.count("bill.import") == 2


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exit_2_names_file_and_line_and_stores_nothing(tmp_path, capsys, name):
    d = tmp_path / "p"
    assert cli.main(["--data-dir", str(d), "case", "new", "--title", "t", "--platform", "星辰卡盟"]) == 0
    make, words = BAD_INPUTS[name]
    path = write(tmp_path, name, make())
    before = stored(d)
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "bill", "import", "--case", "1", str(path), "--json"]) == 2
    err = capsys.readouterr()
    assert name in err.err and all(w in err.err for w in words), err.err
    assert json.loads(err.out) == {"ok": False, "error": err.err.split("错误：", 1)[1].strip()}
    assert stored(d) == before
    assert cli.main(["--data-dir", str(d), "bill", "parse", str(path)]) == 2


def test_unknown_case_and_nothing_to_apply(tmp_path, capsys):
    d = tmp_path / "p"
    path = write(tmp_path, "a.csv", bf.alipay_app_csv())
    assert cli.main(["--data-dir", str(d), "bill", "import", "--case", "9", str(path)]) == 2
    assert "案件 9 不存在" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(d), "case", "new", "--title", "t"]) == 0
    assert cli.main(["--data-dir", str(d), "bill", "apply", "--case", "1"]) == 2
    assert "--net-paid-is-the-loss" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(d), "bill", "apply", "--case", "1", "--net-paid-is-the-loss"]) == 2
    assert "平台" in capsys.readouterr().err
    argv = ["--data-dir", str(d), "bill", "counterparties", "--case", "1", "--select", "x", "--deselect", "x"]
    assert cli.main(argv) == 2
