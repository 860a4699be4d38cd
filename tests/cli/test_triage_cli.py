"""`kami exhibit suggest` and `kami bill match`: the JSON shapes; suggestions saved only with --accept."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from kami_desktop import cli
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Exhibit, LedgerEntry
from tests.core.triage.fixtures import ORDER_NO, ORDER_PAGE, PAYMENT_PAGE, import_the_bill, shot


def run(capsys, d, *args: str, expect: int = 0) -> dict:
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *args, "--json"])
    out = capsys.readouterr()
    assert code == expect, (code, out.err)
    return json.loads(out.out) if expect == 0 else {"err": out.err}


def setup(d, tmp_path) -> tuple[int, int, int]:
    with Profile.open(d) as prof:
        with prof.session() as s:
            case_id = create_case(s, "某某卡盟充值未到账").id
        import_the_bill(prof, case_id, tmp_path)
        order = shot(prof, case_id, tmp_path, "order.png", ORDER_PAGE, seed=1)
        paid = shot(prof, case_id, tmp_path, "paid.png", PAYMENT_PAGE, seed=2)
    return case_id, order, paid


def ledger_count(d) -> int:
    with Profile.open(d) as prof, prof.session() as s:
        return s.scalar(select(func.count()).select_from(LedgerEntry))


def test_suggest_one_exhibit_and_the_case_then_accept_chosen_fields(tmp_path, capsys):
    d = tmp_path / "p"
    case_id, order, paid = setup(d, tmp_path)
    before = ledger_count(d)
    one = run(capsys, d, "exhibit", "suggest", str(order))
    assert one["exhibit_id"] == order and one["number"] == 2 and one["status"] == "未到账"
    by_field = {f["field"]: f for f in one["suggestions"]}
    assert by_field["category"]["value"] == "non_delivery"
    assert by_field["title"]["value"] == f"订单详情 {ORDER_NO}（未到账）"
    assert by_field["captured_at"]["value"] == "2025-03-12T20:30:15+08:00"
    assert any(f["kind"] == "order_no" and f["value"] == ORDER_NO for f in one["found"])
    assert [r["how"] for r in one["bill_rows"]] == ["number"]
    assert one["claim_offers"][0]["amount"] == "1798.00"
    everything = run(capsys, d, "exhibit", "suggest", "--case", str(case_id))
    assert [e["exhibit_id"] for e in everything["exhibits"]][1:] == [order, paid]
    assert ledger_count(d) == before  # showing saves nothing

    done = run(
        capsys, d, "exhibit", "suggest", "--case", str(case_id), "--accept", "--field", "category,title"
    )
    assert {a["exhibit_id"] for a in done["accepted"]} == {order, paid}
    assert ledger_count(d) == before + 2
    with Profile.open(d) as prof, prof.session() as s:
        o, p = s.get(Exhibit, order), s.get(Exhibit, paid)
        assert (o.category, o.title, o.purpose) == ("non_delivery", f"订单详情 {ORDER_NO}（未到账）", "")
        assert (p.category, p.title) == ("funds", "支付成功 ¥350.00")
    again = run(capsys, d, "exhibit", "suggest", str(order), "--accept", "--field", "purpose")
    assert again["accepted"][0]["changes"]["purpose"].startswith("证明本人于2025年3月12日支付的订单")
    bad = run(capsys, d, "exhibit", "suggest", str(order), "--accept", "--field", "colour", expect=2)
    assert "colour" in bad["err"]


def test_bill_match_json(tmp_path, capsys):
    d = tmp_path / "p"
    case_id, order, paid = setup(d, tmp_path)
    out = run(capsys, d, "bill", "match", "--case", str(case_id))
    by_exhibit = {m["exhibit_id"]: m for m in out["matches"]}
    assert by_exhibit[order]["how"] == "number" and by_exhibit[order]["amount"] == "1798.00"
    assert by_exhibit[paid]["how"] == "amount_time" and by_exhibit[paid]["amount"] == "350.00"
    assert {r["bill_row_id"]: r["exhibit_numbers"] for r in out["rows"]}[
        by_exhibit[order]["bill_row_id"]
    ] == [2]
    assert [o["exhibit_id"] for o in out["offers"]] == [order]
    narrow = run(capsys, d, "bill", "match", "--case", str(case_id), "--window", "2")
    assert [m["exhibit_id"] for m in narrow["matches"]] == [
        order
    ]  # 4 minutes apart: out of a 2-minute window


def test_bill_match_accepts_an_offer_only_when_asked(tmp_path, capsys):
    d = tmp_path / "p"
    case_id, order, paid = setup(d, tmp_path)
    run(capsys, d, "bill", "match", "--case", str(case_id))
    run(capsys, d, "claim", "list", "--case", str(case_id))
    with Profile.open(d) as prof, prof.session() as s:
        from kami_desktop.core.case.claims import list_items

        assert list_items(s, case_id) == []  # matching and showing add nothing
    refused = run(capsys, d, "bill", "match", "--case", str(case_id), "--accept-offer", str(paid), expect=2)
    assert "没有可添加的主张项" in refused["err"]
    item = run(capsys, d, "bill", "match", "--case", str(case_id), "--accept-offer", str(order))
    assert item["kind"] == "topup_not_credited" and item["amount"] == "1798.00"
    assert order in item["exhibits"] and len(item["bill_rows"]) == 1
    again = run(capsys, d, "bill", "match", "--case", str(case_id))
    assert again["offers"] == []  # that payment is now claimed


def test_dismiss_undismiss_and_the_dismissed_listed_only_on_request(tmp_path, capsys):
    d = tmp_path / "p"
    case_id, order, paid = setup(d, tmp_path)
    before = ledger_count(d)
    done = run(capsys, d, "exhibit", "suggest", "--dismiss", str(order), "--field", "category")
    assert done == {"dismissed": [{"exhibit_id": order, "fields": ["category"]}]}
    assert ledger_count(d) == before + 1
    one = run(capsys, d, "exhibit", "suggest", str(order))
    assert [f["field"] for f in one["suggestions"]] == ["captured_at"] and "dismissed" not in one
    shown = run(capsys, d, "exhibit", "suggest", str(order), "--dismissed")
    assert [(f["field"], f["value"]) for f in shown["dismissed"]] == [("category", "non_delivery")]
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "exhibit", "suggest", str(order), "--dismissed"]) == 0
    assert "已忽略 证据类别：未交付证明" in capsys.readouterr().out
    # the whole case, in bulk: the paid screenshot's four and the order's time on screen
    bulk = run(capsys, d, "exhibit", "suggest", "--case", str(case_id), "--dismiss")
    assert {x["exhibit_id"]: len(x["fields"]) for x in bulk["dismissed"]} == {order: 1, paid: 4}
    listed = run(capsys, d, "exhibit", "suggest", "--case", str(case_id))
    assert all(e["suggestions"] == [] for e in listed["exhibits"])
    again = run(capsys, d, "exhibit", "suggest", "--case", str(case_id), "--dismiss")
    assert again == {"dismissed": []}
    back = run(capsys, d, "exhibit", "suggest", "--undismiss", str(order), str(paid), "--field", "category")
    assert back == {
        "undismissed": [
            {"exhibit_id": order, "fields": ["category"]},
            {"exhibit_id": paid, "fields": ["category"]},
        ]
    }
    assert {f["field"] for f in run(capsys, d, "exhibit", "suggest", str(paid))["suggestions"]} == {
        "category"
    }
    verified = run(capsys, d, "verify")
    assert verified["ok"] is True
    err = run(capsys, d, "exhibit", "suggest", "--dismiss", "--undismiss", str(order), expect=2)
    assert "一次只能用一个" in err["err"]
    err = run(capsys, d, "exhibit", "suggest", "--dismiss", expect=2)
    assert "--case" in err["err"]


def test_the_unread_count_names_only_pictures_and_scans_not_chats_or_recordings(tmp_path, capsys):
    """A chat export and a voice recording can never have OCR text: they are not counted as "still to be
    read", and the JSON says which exhibits can be read at all."""
    from tests.core.chats import voice_exports as vx
    from tests.helpers import screenshot

    d = tmp_path / "p"
    case_id, order, _ = setup(d, tmp_path)
    page = vx.standard_html(tmp_path / "wx")
    assert cli.main(["--data-dir", str(d), "chat", "import", "--case", str(case_id), str(page)]) == 0
    unread = screenshot(tmp_path / "unread.png", seed=9)
    assert cli.main(["--data-dir", str(d), "import", "--case", str(case_id), str(unread)]) == 0
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "exhibit", "suggest", "--case", str(case_id)]) == 0
    text = capsys.readouterr().out
    assert "另有 1 张截图或扫描件还没有识别文字" in text  # the one screenshot; not the chat and 3 recordings
    data = run(capsys, d, "exhibit", "suggest", "--case", str(case_id))
    readable = {e["title"]: e["readable"] for e in data["exhibits"]}
    assert readable["unread"] and not readable["语音消息 2025-03-12 20:30 客服小王"]
    assert sum(1 for e in data["exhibits"] if e["readable"] and not e["has_text"]) == 1
