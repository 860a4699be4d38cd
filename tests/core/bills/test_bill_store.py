"""Bills in a case: import (exhibit + rows, all or nothing), duplicates, terms, the case reconciliation,
the claimed amount, and purge of a trashed bill exhibit."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kami_desktop.core.bills import BillError, PasswordRequired, parse_bill
from kami_desktop.core.bills import store as B
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.evidence.advice import exhibit_advice
from kami_desktop.core.evidence.exhibits import get_exhibit, purge, trash
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Bill, BillRow, Blob, Exhibit, ExhibitFile
from tests.core.bills import bill_fixtures as bf


def counts(profile) -> dict:
    with profile.session() as s:
        out = {
            name: s.scalar(select(func.count()).select_from(model))
            for name, model in (
                ("exhibits", Exhibit),
                ("files", ExhibitFile),
                ("bills", Bill),
                ("rows", BillRow),
                ("blobs", Blob),
            )
        }
    out["vault"] = sum(1 for _ in profile.vault.iter_blob_paths())
    return out


def write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_alipay_gbk_csv_import_stores_exhibit_rows_and_totals(profile, case_id, tmp_path):
    path = write(tmp_path, "支付宝交易明细(20260301-20260331).csv", bf.alipay_app_csv())
    result = B.import_bill(profile, case_id, path)
    assert not result.duplicate and result.source == "alipay" and result.rows == 9
    assert result.terms == ["星辰卡盟"]  # equal to the case's platform name: selected until the user says no
    assert (
        result.personal_only
        and "交易流水证明" in result.evidence_warning
        and "用于证明材料" in result.evidence_warning
    )
    with profile.session() as s:
        ex = get_exhibit(s, result.exhibit_id)
        assert ex.category == "funds" and ex.title == "支付宝交易明细 2026-03-01—2026-03-31"
        assert ex.notes == ""  # the notes are the user's words for the court; the advice is the app's
        assert any("交易流水证明" in a for a in exhibit_advice(s, ex.id))
        bill = s.get(Bill, result.bill_id)
        assert bill.exhibit_id == ex.id and bill.blob_sha256 == ex.files[0].blob_sha256 == result.sha256
        stored = [(r.row, r.amount, r.order_id) for r in bill.transactions]
        assert [a.action for a in ledger.entries(s, case_id)][-2:] == ["exhibit.edit", "bill.import"]
    parsed = parse_bill(path)
    assert stored == sorted((t.row, t.amount, t.order_id) for t in parsed.transactions)
    recon = B.case_reconciliation(profile, case_id)
    assert (recon.paid, recon.refunded, recon.net) == (
        bf.EXPECTED_PAID,
        bf.EXPECTED_REFUNDED,
        bf.EXPECTED_NET,
    )
    assert len(recon.rows) == bf.EXPECTED_PLATFORM_ROWS
    for r in recon.rows:  # every row is traceable to its bill, source row and file hash
        assert (r.bill_id, r.sha256, r.exhibit_id) == (result.bill_id, result.sha256, result.exhibit_id)
        assert r.transaction.row in {row for row, _, _ in stored}
    assert {r.linked_to for r in recon.rows if r.role == "refund"} == {30, 32}


def test_wechat_xlsx_import(profile, case_id, tmp_path):
    result = B.import_bill(profile, case_id, write(tmp_path, "微信支付账单.xlsx", bf.wechat_xlsx(version=2)))
    assert result.source == "wechat" and result.rows == 9
    recon = B.case_reconciliation(profile, case_id)
    assert (recon.paid, recon.refunded, recon.net) == (
        bf.EXPECTED_PAID,
        bf.EXPECTED_REFUNDED,
        bf.EXPECTED_NET,
    )
    assert len(recon.rows) == bf.WECHAT_EXPECTED_PLATFORM_ROWS


def test_alipay_web_layout_keeps_fund_status_via_the_original(profile, case_id, tmp_path):
    B.import_bill(profile, case_id, write(tmp_path, "alipay_record_20191008_1434_1.csv", bf.alipay_web_csv()))
    recon = B.case_reconciliation(profile, case_id)
    assert (recon.paid, recon.refunded, recon.net) == (
        bf.EXPECTED_PAID,
        bf.EXPECTED_REFUNDED,
        bf.EXPECTED_NET,
    )


def test_encrypted_zip_asks_for_the_password_and_stores_nothing_until_it_is_right(profile, case_id, tmp_path):
    path = write(tmp_path, "支付宝交易明细.zip", bf.alipay_zip(bf.alipay_app_csv(), "246810"))
    before = counts(profile)
    with pytest.raises(PasswordRequired) as missing:
        B.import_bill(profile, case_id, path)
    assert not missing.value.wrong_password
    with pytest.raises(PasswordRequired) as wrong:
        B.import_bill(profile, case_id, path, password="000000")
    assert wrong.value.wrong_password
    assert counts(profile) == before
    result = B.import_bill(profile, case_id, path, password="246810")
    assert result.rows == 9
    with profile.session() as s:  # the evidence is the mailed archive itself, byte for byte
        assert get_exhibit(s, result.exhibit_id).files[0].original_name == "支付宝交易明细.zip"
    assert profile.blob_path(result.sha256).read_bytes() == path.read_bytes()
    assert B.case_reconciliation(profile, case_id).net == bf.EXPECTED_NET


def test_duplicate_import_adds_nothing(profile, case_id, tmp_path):
    path = write(tmp_path, "bill.csv", bf.alipay_app_csv())
    first = B.import_bill(profile, case_id, path)
    before = counts(profile)
    again = B.import_bill(profile, case_id, path)
    assert again.duplicate and (again.bill_id, again.exhibit_id) == (first.bill_id, first.exhibit_id)
    assert counts(profile) == before


def test_the_same_rows_in_two_bills_count_once(profile, case_id, tmp_path):
    csv = bf.alipay_app_csv()
    B.import_bill(profile, case_id, write(tmp_path, "bill.csv", csv))
    B.import_bill(profile, case_id, write(tmp_path, "bill.zip", bf.alipay_zip(csv, "1")), password="1")
    recon = B.case_reconciliation(profile, case_id)
    assert recon.net == bf.EXPECTED_NET and recon.duplicates == 9 and len(recon.bills) == 2
    assert any("只计算一次" in w for w in recon.warnings)


def test_refund_in_a_later_bill_links_to_the_payment_in_an_earlier_one(profile, case_id, tmp_path):
    rows = bf.alipay_rows()
    payments = [r for r in rows if r.direction == "支出"]
    refunds = [r for r in rows if r.category == "退款"]
    a = B.import_bill(profile, case_id, write(tmp_path, "a.csv", bf.alipay_app_csv(payments)))
    b = B.import_bill(profile, case_id, write(tmp_path, "b.csv", bf.alipay_app_csv(refunds)))
    recon = B.case_reconciliation(profile, case_id)
    assert recon.net == bf.EXPECTED_NET
    linked = [r for r in recon.rows if r.role == "refund"]
    assert {r.bill_id for r in linked} == {b.bill_id} and {r.linked_bill_id for r in linked} == {a.bill_id}
    assert all(f"账单 {a.bill_id} 第" in r.reason for r in linked)


def _lines() -> list[str]:
    return bf.alipay_app_csv(eol="\n").decode("gbk").split("\n")


def _gbk(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("gbk")


def _cut_in_a_character() -> bytes:
    data = bf.alipay_app_csv(eol="\n")
    cut = data[: len(data) - 5]
    while True:
        try:
            cut.decode("gbk")
        except UnicodeDecodeError as exc:
            if exc.start >= len(cut) - 2:
                return cut
        cut = cut[:-1]


def _extra() -> bytes:
    lines = _lines()
    lines[25] += "多余,内容,"
    return _gbk(lines)


def _missing() -> bytes:
    lines = _lines()
    cells = lines[26].split(",")
    del cells[3]
    lines[26] = ",".join(cells)
    return _gbk(lines)


def _bank_xlsx() -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["中国建设银行个人活期账户交易明细"])
    wb.active.append(["交易日期", "摘要", "交易金额", "账户余额", "对方户名"])
    wb.active.append(["20260101", "消费", -10.5, 89.5, "某商户"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


BAD_INPUTS = {  # name: (bytes, words the message must contain)
    "not-a-bill.csv": (lambda: b"name,score\nalice,1\nbob,2\n", ["不是支付宝或微信支付"]),
    "wrong-encoding.csv": (
        lambda: "支付宝交易明细\n第二行\n".encode("gbk") + b"\xff\xfe\x80\x80 x\n",
        ["编码", "第 3 行"],
    ),
    "truncated.csv": (_cut_in_a_character, ["截断"]),
    "extra-column.csv": (_extra, ["多出", "第 26 行"]),
    "missing-column.csv": (_missing, ["第 27 行"]),
    "bank.xlsx": (_bank_xlsx, ["银行"]),
    "old.xls": (lambda: b"\xd0\xcf\x11\xe0" + b"\x00" * 200, ["Excel"]),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_before_anything_is_stored(profile, case_id, tmp_path, name):
    make, words = BAD_INPUTS[name]
    path = write(tmp_path, name, make())
    before = counts(profile)
    with pytest.raises(BillError) as err:
        B.import_bill(profile, case_id, path)
    assert name in str(err.value) and all(w in str(err.value) for w in words), str(err.value)
    assert counts(profile) == before


def test_a_failure_while_storing_rows_takes_the_exhibit_back(profile, case_id, tmp_path, monkeypatch):
    before = counts(profile)
    with profile.session() as s:
        head = ledger.head_hash(s)

    def boom(bill_id, t):
        raise RuntimeError("disk full")

    monkeypatch.setattr(B, "_row_values", boom)
    with pytest.raises(RuntimeError):
        B.import_bill(profile, case_id, write(tmp_path, "bill.csv", bf.alipay_app_csv()))
    assert counts(profile) == before
    with profile.session() as s:  # one transaction: not even the import is in the ledger
        assert ledger.head_hash(s) == head and ledger.verify_chain(s)[1] == []
    assert list(profile.vault.journal.iterdir()) == []


def test_database_full_at_every_write_of_a_bill_import_stores_all_or_nothing(tmp_path):
    import hashlib
    import shutil

    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.profile import Profile
    from tests.fixtures.faults import SqliteFull

    src = write(tmp_path, "bill.csv", bf.alipay_app_csv())
    template = tmp_path / "template"
    with Profile.open(template) as p, p.session() as s:
        cid = create_case(
            s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟"
        ).id  # the import is the only write
    probe = shutil.copytree(template, tmp_path / "probe")
    with Profile.open(probe) as p:
        with SqliteFull(p.engine, None) as counting:
            B.import_bill(p, cid, src)
        whole = counts(p)
    assert counting.calls >= 8
    for k in range(1, counting.calls + 1):
        d = shutil.copytree(template, tmp_path / f"k{k}")
        with Profile.open(d) as p:
            before = counts(p)
            with SqliteFull(p.engine, k) as fault, pytest.raises(BillError) as err:
                B.import_bill(p, cid, src)
            assert fault.tripped
            assert str(err.value) == "bill.csv：磁盘空间不足，数据库无法写入，文件未导入"
            assert counts(p) == before  # no exhibit, no bill, no row, no blob, no vault file
            assert list(p.vault.journal.iterdir()) == []
            with p.session() as s:
                assert ledger.verify_chain(s)[1] == []
        with Profile.open(d) as p:  # the disk has room again: the same file goes in whole
            assert counts(p) == before
            result = B.import_bill(p, cid, src)
            assert counts(p) == whole and result.rows == whole["rows"]
            assert result.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    print(f"[faults] bill import: SQLITE_FULL at each of {counting.calls} database writes survived")


def test_the_stored_original_is_the_bytes_that_were_parsed(profile, case_id, tmp_path, monkeypatch):
    import hashlib

    path = write(tmp_path, "bill.csv", bf.alipay_app_csv())
    original = path.read_bytes()
    real_parse = B.parse_bill_bytes

    def parse_then_the_file_changes(data, name, password=None):
        bill = real_parse(data, name, password)
        path.write_bytes(original.replace(b"\n", b"\r\n"))  # saved again by another program meanwhile
        return bill

    monkeypatch.setattr(B, "parse_bill_bytes", parse_then_the_file_changes)
    result = B.import_bill(profile, case_id, path)
    assert (
        result.sha256 == hashlib.sha256(original).hexdigest() != hashlib.sha256(path.read_bytes()).hexdigest()
    )
    assert profile.blob_path(result.sha256).read_bytes() == original
    with profile.session() as s:
        ex = get_exhibit(s, result.exhibit_id)
        assert [f.blob_sha256 for f in ex.files] == [result.sha256] and ex.files[
            0
        ].original_name == "bill.csv"
        assert s.scalar(select(func.count()).select_from(BillRow)) == result.rows > 0


def test_platform_names_given_on_import_are_the_users_choices(profile, case_id, tmp_path):
    from kami_desktop.core.bills.money import select_counterparties

    result = B.import_bill(
        profile, case_id, write(tmp_path, "bill.csv", bf.alipay_app_csv()), platform=["老王面馆", "老王"]
    )
    assert result.terms == ["老王面馆", "星辰卡盟"]  # "老王" names no counterparty exactly: nothing
    assert B.case_reconciliation(profile, case_id).paid == bf.EXPECTED_PAID + Decimal("12.30")
    with profile.session() as s:
        lst = select_counterparties(s, case_id, deselect=["老王面馆"])
        assert lst.paid == bf.EXPECTED_PAID and lst.net == bf.EXPECTED_NET
        entries = [e for e in ledger.entries(s, case_id) if e.action == "bill.counterparties"]
    assert [json.loads(e.payload) for e in entries] == [
        {"selected": [{"name": "老王面馆", "account": "157******21"}], "deselected": []},
        {"selected": [], "deselected": [{"name": "老王面馆", "account": "157******21"}]},
    ]


def test_net_paid_becomes_the_claim_only_when_the_user_says_it_is_the_loss(profile, case_id, tmp_path):
    from kami_desktop.core.bills.money import apply_net_paid

    B.import_bill(profile, case_id, write(tmp_path, "bill.csv", bf.alipay_app_csv()))
    with profile.session() as s, pytest.raises(B.BillStoreError, match="不等于损失"):
        apply_net_paid(s, case_id)
    with profile.session() as s:
        assert get_case(s, case_id).claimed_amount is None
        money = apply_net_paid(s, case_id, net_paid_is_the_loss=True)
    assert money.principal == bf.EXPECTED_NET and len(money.items) == 1
    item = money.items[0]
    assert (item.amount, item.refunded) == (bf.EXPECTED_PAID, bf.EXPECTED_REFUNDED)
    assert len(item.ids_of("bill_row")) == 3 and item.origin == "net_paid"
    with profile.session() as s:
        assert get_case(s, case_id).claimed_amount == bf.EXPECTED_NET
        actions = [e.action for e in ledger.entries(s, case_id)]
        assert actions[-3:] == ["claim.add", "case.edit", "claim.apply"]
        with pytest.raises(B.BillStoreError, match="已有主张项"):
            apply_net_paid(s, case_id, net_paid_is_the_loss=True)


def test_purge_of_a_trashed_bill_exhibit_removes_its_rows_and_blob(profile, case_id, tmp_path):
    result = B.import_bill(profile, case_id, write(tmp_path, "bill.csv", bf.alipay_app_csv()))
    with profile.session() as s:
        trash(s, result.exhibit_id)
    assert B.case_reconciliation(profile, case_id).bills == []  # trashed bills do not count
    purge(profile, case_id)
    assert counts(profile) == {"exhibits": 0, "files": 0, "bills": 0, "rows": 0, "blobs": 0, "vault": 0}


def test_purge_keeps_a_blob_a_bill_still_refers_to(profile, case_id, tmp_path):
    result = B.import_bill(profile, case_id, write(tmp_path, "bill.csv", bf.alipay_app_csv()))
    with profile.session() as s:  # the file row gone, the bill still there (e.g. a later feature moved it)
        s.delete(s.get(ExhibitFile, get_exhibit(s, result.exhibit_id).files[0].id))
    report = purge(profile, case_id)
    assert report["blobs_removed"] == []
    assert profile.blob_path(result.sha256).is_file()


def test_merging_splitting_and_moving_keep_the_parsed_rows(profile, case_id, tmp_path):
    from kami_desktop.core.evidence import exhibits as X
    from kami_desktop.core.evidence.importer import import_paths
    from tests.helpers import screenshot

    result = B.import_bill(profile, case_id, write(tmp_path, "alipay.csv", bf.alipay_app_csv()))
    shot = import_paths(profile, case_id, [screenshot(tmp_path / "pay.png", 1)]).imported[0].exhibit_id
    with profile.session() as s:
        n_rows = s.scalar(select(func.count()).select_from(BillRow))
        X.merge(s, shot, [result.exhibit_id])  # the bill exhibit is emptied and deleted
    with profile.session() as s:
        bill = s.get(Bill, result.bill_id)
        assert bill is not None and bill.exhibit_id == shot
        assert s.scalar(select(func.count()).select_from(BillRow)) == n_rows
        parts = X.split(s, shot)
        holder = next(p.id for p in parts if any(f.blob_sha256 == bill.blob_sha256 for f in p.files))
    with profile.session() as s:
        assert s.get(Bill, result.bill_id).exhibit_id == holder
        fid = s.get(Exhibit, holder).files[0].id
        X.move_file(s, fid, shot)
    with profile.session() as s:
        assert s.get(Bill, result.bill_id).exhibit_id == shot
        assert s.scalar(select(func.count()).select_from(BillRow)) == n_rows
    assert B.case_reconciliation(profile, case_id).net == bf.EXPECTED_NET


def test_rows_keep_fund_status_and_bills_from_before_0004_still_read_the_original(profile, case_id, tmp_path):
    B.import_bill(profile, case_id, write(tmp_path, "alipay_record_20191008_1434_1.csv", bf.alipay_web_csv()))
    wx = B.import_bill(profile, case_id, write(tmp_path, "微信支付账单.xlsx", bf.wechat_xlsx(version=2)))
    with profile.session() as s:
        rows = list(s.scalars(select(BillRow)))
        assert any(r.fund_status for r in rows)  # stored on the row itself now
        assert any(r.refund_total is not None for r in rows if r.bill_id == wx.bill_id)
    before = B.case_reconciliation(profile, case_id).to_json()
    with profile.session() as s:  # what a bill stored by an older release looks like after migrating
        for b in s.scalars(select(Bill)):
            b.rows_complete = False
        for r in s.scalars(select(BillRow)):
            r.fund_status, r.refund_total = "", None
    assert B.case_reconciliation(profile, case_id).to_json() == before


def test_a_blob_a_bill_still_refers_to_is_in_use_even_without_an_exhibit_file(profile, case_id, tmp_path):
    from kami_desktop.core.evidence.exhibits import blob_in_use

    result = B.import_bill(profile, case_id, write(tmp_path, "alipay.csv", bf.alipay_app_csv()))
    with profile.session() as s:
        assert blob_in_use(s, result.sha256)
        for f in s.scalars(select(ExhibitFile).where(ExhibitFile.blob_sha256 == result.sha256)):
            s.delete(f)
    with profile.session() as s:
        assert blob_in_use(s, result.sha256)  # the parsed bill still needs its source file
        assert not blob_in_use(s, "0" * 64)
    purge(profile)
    assert profile.vault.exists(result.sha256)


def test_a_bill_of_another_holder_is_refused_naming_the_first_bill_by_its_binder_number(
    profile, case_id, tmp_path
):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths
    from tests.helpers import screenshot

    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    import_paths(profile, other, [screenshot(tmp_path / f"o{i}.png", 90 + i) for i in range(4)])
    first = B.import_bill(profile, case_id, write(tmp_path, "zhang.csv", bf.alipay_app_csv(holder="张三")))
    assert first.exhibit_id == 5
    with pytest.raises(BillError) as refused:
        B.import_bill(profile, case_id, write(tmp_path, "li.csv", bf.alipay_app_csv(holder="李四")))
    assert "（证据 1）" in str(refused.value) and "证据 5" not in str(refused.value)
