"""The counterparty checklist: exact names only (the substring trap), what starts selected and why, the
user's choices, and bills that do not belong in the case."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kami_desktop.core.bills import BillError, PlatformRule, entity_name
from kami_desktop.core.bills.money import counterparty_list, select_counterparties
from kami_desktop.core.bills.store import BillStoreError, case_reconciliation, import_bill
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.store.model import Bill, BillRow, Blob, Exhibit, Party
from tests.core.bills import bill_fixtures as bf
from tests.core.claims.scenario import NEIGHBOURS, NET, PAID, PLATFORM, REFUNDED, make_case, platform_rows


def stored(profile) -> tuple:
    with profile.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Exhibit, Bill, BillRow, Blob))


def test_entity_names_fold_width_brackets_and_company_suffix():
    assert entity_name("杭州某某网络科技（滨江）有限公司") == entity_name("杭州某某网络科技(滨江)")
    assert entity_name("ＳｔａｒＣａｒｄ 有限责任公司") == entity_name("starcard")
    assert entity_name("某某卡盟") != entity_name("某某餐饮")
    rule = PlatformRule.build("某某卡盟", [("operator", "星辰网络科技有限公司"), ("self", "张三")])
    assert rule.decide("某某卡盟") == (True, "与案件的平台名称“某某卡盟”名称相同")
    assert rule.decide("星辰网络科技（有限公司）")[0] and not rule.decide("星辰")[0]
    assert not rule.decide("星辰便利店")[0] and not rule.decide("张三")[0]  # never the user's own name
    assert rule.decide("") == (False, "账单没有写明交易对方，不能计入")


def test_the_substring_trap_a_platform_named_like_its_neighbours_counts_only_itself(profile, tmp_path):
    made = make_case(profile, tmp_path / "src")
    with profile.session() as s:
        lst = counterparty_list(s, made.case_id)
    by = {c.name: c for c in lst.counterparties}
    assert [c.name for c in lst.counterparties if c.selected] == [PLATFORM]
    for name in NEIGHBOURS:
        assert not by[name].selected and by[name].why == "未选择"
    assert by["某某餐饮"].account == "138******21" and by["某某餐饮"].paid == Decimal("35.00")
    assert (by[PLATFORM].rows, by[PLATFORM].paid, by[PLATFORM].refunded) == (4, PAID, REFUNDED)
    assert (lst.paid, lst.refunded, lst.net) == (PAID, REFUNDED, NET)  # not 1,923.00
    assert lst.to_json()["counterparties"][0] == {
        "name": PLATFORM,
        "account": "kami***@163.com",
        "rows": 4,
        "paid": "2148.00",
        "refunded": "350.00",
        "selected": True,
        "why": "与案件的平台名称“某某卡盟”名称相同",
        "examples": ["退款-余额充值1000元", "购买点卡 王者荣耀 350元", "余额充值798元"],
    }
    with profile.session() as s:
        picked = select_counterparties(s, made.case_id, select=["某某通信"])
        assert picked.net == NET + Decimal("50.00")
        again = counterparty_list(s, made.case_id)
    mine = next(c for c in again.counterparties if c.name == "某某通信")
    assert mine.selected and mine.why == "您已确认是平台"
    with profile.session() as s:
        dropped = select_counterparties(s, made.case_id, deselect=["某某卡盟", "某某通信"])
    assert dropped.net == 0 and any("还没有选择平台" in w for w in dropped.warnings)
    assert case_reconciliation(profile, made.case_id).rows == []


def test_selecting_an_unknown_name_changes_nothing(profile, tmp_path):
    made = make_case(profile, tmp_path / "src")
    with profile.session() as s:
        with pytest.raises(BillStoreError, match="没有交易对方“某某”"):
            select_counterparties(s, made.case_id, select=["某某通信", "某某"])
        assert [c.name for c in counterparty_list(s, made.case_id).counterparties if c.selected] == [PLATFORM]


def test_a_bill_whose_rows_name_no_counterparty_is_refused(profile, case_id, tmp_path):
    rows = [bf.Row(r.time, r.category, "", "", r.description, r.direction, r.amount, r.method, r.status,
                   r.order, r.merchant) for r in platform_rows()]  # fmt: skip
    path = tmp_path / "无交易对方.csv"
    path.write_bytes(bf.alipay_app_csv(rows))
    before = stored(profile)
    with pytest.raises(BillError) as err:
        import_bill(profile, case_id, path)
    assert "无交易对方.csv" in str(err.value) and "展示交易对手信息" in str(err.value)
    assert stored(profile) == before


def test_two_bills_of_different_people_in_one_case_are_refused(profile, case_id, tmp_path):
    first = tmp_path / "张三.csv"
    first.write_bytes(bf.alipay_app_csv(holder="张三"))
    import_bill(profile, case_id, first)
    other = tmp_path / "李四.csv"
    other.write_bytes(bf.alipay_app_csv(platform_rows(), holder="李四", account="li***@qq.com"))
    before = stored(profile)
    with pytest.raises(BillError) as err:
        import_bill(profile, case_id, other)
    assert "李四.csv" in str(err.value) and "“李四”" in str(err.value) and "“张三”" in str(err.value)
    assert stored(profile) == before
    masked = tmp_path / "掩码.csv"  # the same person, name masked by the export: fine
    masked.write_bytes(bf.alipay_app_csv(platform_rows(), holder="*三", account="zhang3***@qq.com"))
    assert import_bill(profile, case_id, masked).rows == 8


def test_a_bill_of_someone_else_than_the_cases_own_person_is_refused(profile, tmp_path):
    with profile.session() as s:
        case_id = create_case(s, "t", platform_name=PLATFORM).id
        s.add(Party(case_id=case_id, role="self", name="王五"))
    path = tmp_path / "bill.csv"
    path.write_bytes(bf.alipay_app_csv(holder="张三"))
    with pytest.raises(BillError, match="本案的本人是“王五”"):
        import_bill(profile, case_id, path)
    assert stored(profile) == (0, 0, 0, 0)
