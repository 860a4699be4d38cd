"""Full-text search over a case: OCR lines (with their boxes), the user's words, chat messages and bill
rows, found in Chinese by any substring, never stale, never broken by what the user types."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import text

from kami_desktop.core.bills import store as B
from kami_desktop.core.chats import store as C
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.search import index as search_index
from kami_desktop.core.search import search
from kami_desktop.core.search.text import normalize, snippet
from kami_desktop.core.store.model import BillRow, ChatMessage
from tests.core.bills import bill_fixtures as bf
from tests.core.chats import chat_fixtures as cf
from tests.helpers import screenshot

ORDER_PAGE = ("订单详情", "订单号 KM2026052821140311", "实付款 ￥1798.00", "充值失败订单异常，款项未到账")


def _line(text: str, n: int) -> OcrLine:
    top = 40.0 + 50 * n
    return OcrLine(text, ((20.0, top), (340.0, top), (340.0, top + 30), (20.0, top + 30)), 0.98)


def read(profile, sha: str, lines: tuple[str, ...], page: int = 0) -> None:
    """What the OCR job would store for one page."""
    with profile.session() as s:
        save_page(
            s,
            OcrPage(sha, page, OK, "test-engine", 360, 780, tuple(_line(t, i) for i, t in enumerate(lines))),
        )


def shot(profile, case_id, tmp_path, name: str, seed: int, lines: tuple[str, ...] = ()):
    item = import_paths(profile, case_id, [screenshot(tmp_path / name, seed=seed)]).imported[0]
    if lines:
        read(profile, item.sha256, lines)
    return item


@pytest.fixture
def order_shot(profile, case_id, tmp_path):
    return shot(profile, case_id, tmp_path, "订单.png", 1, ORDER_PAGE)


def test_a_substring_inside_a_longer_chinese_word_is_found_with_its_line_box(profile, case_id, order_shot):
    [hit] = search(profile, case_id, "失败订单")
    assert hit.kind == "ocr" and hit.exhibit_id == order_shot.exhibit_id and hit.exhibit_number == 1
    assert hit.where["page"] == 0 and hit.where["line"] == 3 and hit.where["sha256"] == order_shot.sha256
    assert hit.box == (20.0, 190.0, 340.0, 220.0)
    assert hit.snippet.marked() == "充值【失败订单】异常，款项未到账"


def test_an_order_number_fragment_is_found(profile, case_id, order_shot):
    [hit] = search(profile, case_id, "052821140")
    assert hit.where["line"] == 1 and hit.snippet.marked() == "订单号 KM2026【052821140】311"
    assert [h.where["line"] for h in search(profile, case_id, "km20260528")] == [1]  # any letter case


@pytest.mark.parametrize("query", ["¥1798.00", "￥1798.00", "１７９８.００"])
def test_full_width_and_half_width_yuan_signs_and_digits_are_the_same(
    profile, case_id, order_shot, tmp_path, query
):
    bill = B.import_bill(profile, case_id, _bill_file(tmp_path, "1798.00"))
    hits = search(profile, case_id, query)
    assert {h.kind for h in hits} == {"ocr", "bill_row"}
    ocr = next(h for h in hits if h.kind == "ocr")
    # the stored text, the matching part marked
    assert ocr.snippet.marked() == (
        "实付款 【￥1798.00】" if "¥" in normalize(query) else "实付款 ￥【1798.00】"
    )
    row = next(h for h in hits if h.kind == "bill_row")
    assert row.exhibit_id == bill.exhibit_id and "1798.00】" in row.snippet.marked()


def _bill_file(tmp_path, amount: str):
    rows = bf.alipay_rows()
    rows[3] = bf.with_rows([rows[3]], amount=amount)[0]
    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(bf.alipay_app_csv(rows))
    return path


def test_bill_rows_are_found_by_order_number_counterparty_and_goods(profile, case_id, tmp_path):
    bill = B.import_bill(profile, case_id, _bill_file(tmp_path, "200.00"))
    [hit] = search(profile, case_id, "2026030122001155711407540004_2026")
    with profile.session() as s:
        row = s.get(BillRow, hit.where["row_id"])
        assert row is not None and row.bill_id == hit.where["bill_id"] == bill.bill_id
        assert row.order_id.startswith("2026030122001155711407540004_") and row.row == hit.where["row"]
    assert hit.kind == "bill_row" and hit.exhibit_id == bill.exhibit_id
    assert {h.kind for h in search(profile, case_id, "老王面馆")} == {"bill_row"}


def test_chat_messages_are_found_with_their_chat_and_message(profile, case_id, tmp_path):
    path = tmp_path / "qq.txt"
    path.write_bytes(cf.qq_txt())
    C.import_chat(profile, case_id, path, me="小明")
    hits = search(profile, case_id, "系统维护")
    assert hits and all(h.kind == "chat" for h in hits)
    with profile.session() as s:
        for h in hits:
            m = s.get(ChatMessage, h.where["message_id"])
            assert m is not None and m.chat_id == h.where["chat_id"] and "系统维护" in m.text
            assert m.seq == h.where["seq"]
    assert hits[0].snippet.marked().startswith("星辰客服：【系统维护】中")


def test_queries_shorter_than_three_characters_use_like(profile, case_id, order_shot, tmp_path):
    with profile.session() as s:
        exhibits.edit_exhibit(s, order_shot.exhibit_id, purpose="证明平台扣款后未发货")
    kinds = {h.kind: h for h in search(profile, case_id, "扣")}
    assert set(kinds) == {"purpose"} and kinds["purpose"].snippet.marked() == "证明平台【扣】款后未发货"
    assert {h.where.get("line") for h in search(profile, case_id, "到账")} == {3}
    assert {h.kind for h in search(profile, case_id, "退款")} == set()
    bill = B.import_bill(profile, case_id, _bill_file(tmp_path, "200.00"))
    assert {(h.kind, h.exhibit_id) for h in search(profile, case_id, "退款")} >= {
        ("bill_row", bill.exhibit_id)
    }
    # a short term beside a long one: both must be on the same line
    assert [h.where["line"] for h in search(profile, case_id, "订单异常 到账")] == [3]
    assert search(profile, case_id, "订单异常 退款") == []


def test_without_the_trigram_tokenizer_every_query_still_finds_the_same(
    profile, case_id, order_shot, monkeypatch
):
    queries = ("失败订单", "052821140", "￥1798", "到账", "扣", "订单 号")
    with_fts = {q: [(h.kind, h.where.get("line")) for h in search(profile, case_id, q)] for q in queries}
    monkeypatch.setattr(search_index, "trigram_available", lambda: False)
    like = {q: [(h.kind, h.where.get("line")) for h in search(profile, case_id, q)] for q in queries}
    assert like == with_fts and with_fts["失败订单"] == [("ocr", 3)]
    for query in HOSTILE:
        assert all(h.kind == "ocr" for h in search(profile, case_id, query))
    con = sqlite3.connect(search_index.index_path(profile))
    assert dict(con.execute("SELECT key, value FROM meta"))["mode"] == "like"
    con.close()


HOSTILE = [
    '"',
    '"订单',
    "*",
    "订单*",
    "-",
    "-订单",
    "NEAR(",
    "NEAR(订单 号, 2)",
    "订单 AND",
    "OR OR OR",
    "NOT 订单",
    "()",
    "(订单",
    "^订单",
    "{norm}: 订单",
    "norm:订单",
    "%",
    "_",
    "\\",
    "'; DROP TABLE docs; --",
    "😀",
    "😀😀😀",
    "订单\x00号",
    "\u200b",
    "订" * 10_000,
    "ab" * 5_000,
    "充值失败订单异常，款项未到账",  # the whole line, and a hit
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_error(profile, case_id, order_shot, query):
    hits = search(profile, case_id, query)
    for h in hits:  # whatever is found really holds every term
        assert all(t in normalize(h.snippet.text) for t in normalize(query).split())
    assert search(profile, case_id, "失败订单")  # and the index is intact afterwards


def test_literal_syntax_characters_are_searched_as_text(profile, case_id, tmp_path):
    item = shot(profile, case_id, tmp_path, "a.png", 2, ('他说"退款*NEAR(3)"-100%_done',))
    for q in ('"退款*', "NEAR(3)", "-100%", "%_d"):
        [hit] = search(profile, case_id, q)
        assert hit.exhibit_id == item.exhibit_id


def test_blank_queries_find_nothing(profile, case_id, order_shot):
    assert search(profile, case_id, "") == search(profile, case_id, "  \u3000 ") == []


def test_the_users_words_are_searched_by_kind(profile, case_id, order_shot):
    with profile.session() as s:
        exhibits.edit_exhibit(
            s,
            order_shot.exhibit_id,
            title="订单详情 KM2026（未到账）",
            purpose="证明充值款已支付但点卡未到账",
            source="手机截图，星辰卡盟App订单页",
            notes="客服承诺三日内处理",
            tags=["关键证据", "订单截图"],
        )
    queries = ("订单详情", "点卡未到", "星辰卡盟app", "三日内", "关键证据")
    found = {q: {h.kind for h in search(profile, case_id, q)} for q in queries}
    assert found == {
        "订单详情": {"title", "ocr"},
        "点卡未到": {"purpose"},
        "星辰卡盟app": {"source"},
        "三日内": {"notes"},
        "关键证据": {"tags"},
    }


def test_exact_phrase_ranks_first(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "a.png", 3, ("未到账的订单已经申请退款很多天",))
    b = shot(profile, case_id, tmp_path, "b.png", 4, ("订单未到账",))
    hits = search(profile, case_id, "订单 未到账")
    assert [h.exhibit_id for h in hits] == [b.exhibit_id, a.exhibit_id]


def test_hits_name_the_binder_number_not_the_database_id(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "a.png", 5, ("充值记录甲",))
    b = shot(profile, case_id, tmp_path, "b.png", 6, ("充值记录乙",))
    c = shot(profile, case_id, tmp_path, "c.png", 7, ("充值记录丙",))
    with profile.session() as s:
        exhibits.reorder(s, case_id, [c.exhibit_id, a.exhibit_id, b.exhibit_id])
    numbers = {h.exhibit_id: h.exhibit_number for h in search(profile, case_id, "充值记录")}
    assert numbers == {c.exhibit_id: 1, a.exhibit_id: 2, b.exhibit_id: 3}
    with profile.session() as s:
        exhibits.trash(s, c.exhibit_id)
    numbers = {h.exhibit_id: h.exhibit_number for h in search(profile, case_id, "充值记录")}
    assert numbers == {a.exhibit_id: 1, b.exhibit_id: 2}


def test_an_edit_is_found_by_the_next_search(profile, case_id, order_shot):
    with profile.session() as s:
        exhibits.edit_exhibit(s, order_shot.exhibit_id, purpose="证明付款后未收到点卡")
    assert [h.kind for h in search(profile, case_id, "未收到点卡")] == ["purpose"]
    with profile.session() as s:
        exhibits.edit_exhibit(s, order_shot.exhibit_id, purpose="证明平台拒绝退款")
    assert search(profile, case_id, "未收到点卡") == []
    assert [h.kind for h in search(profile, case_id, "拒绝退款")] == ["purpose"]


def test_a_new_import_and_a_new_ocr_page_are_found_by_the_next_search(profile, case_id, order_shot, tmp_path):
    assert search(profile, case_id, "营业执照") == []
    item = shot(profile, case_id, tmp_path, "执照.png", 8)
    assert search(profile, case_id, "营业执照") == []  # not read yet
    read(profile, item.sha256, ("营业执照", "统一社会信用代码 91110000MA01ABCD2X"))
    [hit] = search(profile, case_id, "营业执照")
    assert hit.exhibit_id == item.exhibit_id and hit.exhibit_number == 2
    read(profile, item.sha256, ("用户协议", "第三条 充值规则"))  # read again with a newer model
    assert search(profile, case_id, "营业执照") == []
    assert [h.where["line"] for h in search(profile, case_id, "充值规则")] == [1]


def test_trash_hides_hits_and_restore_brings_them_back(profile, case_id, order_shot):
    with profile.session() as s:
        exhibits.trash(s, order_shot.exhibit_id)
    assert search(profile, case_id, "失败订单") == []
    [flagged] = search(profile, case_id, "失败订单", include_trashed=True)
    assert flagged.trashed and flagged.exhibit_number is None and flagged.exhibit_title == "订单"
    with profile.session() as s:
        exhibits.restore(s, order_shot.exhibit_id)
    [back] = search(profile, case_id, "失败订单")
    assert not back.trashed and back.exhibit_number == 1
    with profile.session() as s:
        exhibits.trash(s, order_shot.exhibit_id)
    exhibits.purge(profile, case_id)
    assert search(profile, case_id, "失败订单", include_trashed=True) == []


def test_merging_moves_the_text_with_the_files(profile, case_id, order_shot, tmp_path):
    other = shot(profile, case_id, tmp_path, "b.png", 9, ("客服回复：系统维护",))
    with profile.session() as s:
        exhibits.merge(s, order_shot.exhibit_id, [other.exhibit_id])
    [hit] = search(profile, case_id, "系统维护")
    assert hit.exhibit_id == order_shot.exhibit_id and hit.where["file"] == 2


def test_only_what_changed_is_indexed_again(profile, case_id, tmp_path):
    items = [shot(profile, case_id, tmp_path, f"{i}.png", 20 + i, (f"第{i}张截图 订单",)) for i in range(5)]
    nothing = {"exhibits": 0, "documents": 0, "removed": 0, "renumbered": 0}
    with search_index.opened(profile) as (con, _mode):
        first = search_index.refresh(profile, case_id, con)
        assert first == {**nothing, "exhibits": 5, "documents": 10}  # a title and a line each
        assert search_index.refresh(profile, case_id, con) == nothing
        with profile.session() as s:
            exhibits.edit_exhibit(s, items[2].exhibit_id, notes="补充说明")
        assert search_index.refresh(profile, case_id, con) == {**nothing, "exhibits": 1, "documents": 2}
        with profile.session() as s:
            exhibits.trash(s, items[0].exhibit_id)
        # the trashed one is flagged, the four after it move up one number: no text is read again
        assert search_index.refresh(profile, case_id, con) == {**nothing, "exhibits": 1, "renumbered": 4}
        with profile.session() as s:
            exhibits.edit_exhibit(s, items[4].exhibit_id, title="最后一张")
        assert search_index.refresh(profile, case_id, con) == {**nothing, "exhibits": 1, "documents": 1}
    assert [(h.exhibit_number, h.exhibit_title) for h in search(profile, case_id, "第4张")] == [
        (4, "最后一张")
    ]


def test_the_index_lives_in_the_cache_and_a_damaged_one_is_rebuilt(profile, case_id, order_shot):
    assert search(profile, case_id, "失败订单")
    path = search_index.index_path(profile)
    assert path.parent == profile.cache_dir and path.is_file()
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    path.write_bytes(b"this is not a database" * 100)
    [hit] = search(profile, case_id, "失败订单")
    assert hit.where["line"] == 3
    search_index.discard(profile)
    assert not path.exists() and search(profile, case_id, "失败订单")


def test_a_read_only_profile_can_search(profile, case_id, order_shot, data_dir):
    from kami_desktop.core.profile import Profile

    reader = Profile.open(data_dir, write=False)
    try:
        assert [h.where["line"] for h in search(reader, case_id, "失败订单")] == [3]
    finally:
        reader.close()


def test_other_cases_are_not_searched(profile, case_id, order_shot, tmp_path):
    from kami_desktop.core.case.cases import create_case

    with profile.session() as s:
        other = create_case(s, "另一案").id
    shot(profile, other, tmp_path, "x.png", 30, ("失败订单在另一案",))
    assert [h.exhibit_id for h in search(profile, case_id, "失败订单")] == [order_shot.exhibit_id]
    assert len(search(profile, other, "失败订单")) == 1


def test_snippets_are_cut_around_the_match_and_json_is_plain():
    text = "前" * 60 + "订单号KM123" + "后" * 100
    s = snippet(text, "km123")
    assert s.text.startswith("…") and s.text.endswith("…") and "【KM123】" in s.marked()
    assert json.dumps(s.marks)


def test_an_unknown_case_is_a_user_error(profile):
    from kami_desktop.core.errors import UserError

    with pytest.raises(UserError):
        search(profile, 999, "订单")


def test_the_index_is_never_in_the_case_database(profile, case_id, order_shot):
    search(profile, case_id, "订单")
    with profile.session() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master")))
    assert not any("fts" in n or n == "docs" for n in names)


def test_the_ledger_and_new_ocr_rows_name_what_to_compare(profile, case_id, tmp_path, monkeypatch):
    """An edit, a trash, an import or a newly read page: only those exhibits are compared; a reorder, a
    merge or a page read again: every exhibit (which ones moved or lost text, only that tells)."""
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.search.documents import CaseReader

    a = shot(profile, case_id, tmp_path, "a.png", 40, ("第一页 订单",))
    b = shot(profile, case_id, tmp_path, "b.png", 41, ("第二页 订单",))
    seen: list[set[int] | None] = []
    signatures = CaseReader.signatures
    monkeypatch.setattr(
        CaseReader, "signatures", lambda self, only=None: seen.append(only) or signatures(self, only)
    )

    def compared(change) -> set[int] | None:
        change()
        seen.clear()
        search(profile, case_id, "订单")
        return seen[0] if seen else set()

    search(profile, case_id, "订单")

    def edit():
        with profile.session() as s:
            exhibits.edit_exhibit(s, a.exhibit_id, notes="新备注")

    assert compared(edit) == {a.exhibit_id}
    assert [h.kind for h in search(profile, case_id, "新备注")] == ["notes"]
    assert compared(lambda: read(profile, b.sha256, ("第二页 订单", "款项未到账"), page=1)) == {b.exhibit_id}
    assert [h.where["page"] for h in search(profile, case_id, "款项未到账")] == [1]
    assert compared(lambda: read(profile, b.sha256, ("第二页 订单", "已经到账"), page=1)) == {b.exhibit_id}
    assert search(profile, case_id, "款项未到账") == [] and search(profile, case_id, "已经到账")
    assert compared(lambda: read(profile, a.sha256, ("第一页 已改",))) is None  # an older page read again
    assert search(profile, case_id, "第一页 订单") == [] and search(profile, case_id, "第一页 已改")

    def trash():
        with profile.session() as s:
            exhibits.trash(s, a.exhibit_id)

    assert compared(trash) == {a.exhibit_id}
    assert {(h.exhibit_id, h.exhibit_number) for h in search(profile, case_id, "订单")} == {(b.exhibit_id, 1)}
    c = None

    def other_case():
        with profile.session() as s:
            create_case(s, "另一案")

    assert compared(other_case) == set()

    def new_import():
        nonlocal c
        c = shot(profile, case_id, tmp_path, "c.png", 42)

    assert compared(new_import) == {c.exhibit_id}

    def reorder():
        with profile.session() as s:
            exhibits.reorder(s, case_id, [c.exhibit_id, b.exhibit_id])

    assert compared(reorder) is None
    assert {(h.exhibit_id, h.exhibit_number) for h in search(profile, case_id, "第二页")} == {
        (b.exhibit_id, 2)
    }
