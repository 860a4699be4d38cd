"""Does a parsed bill belong in this case? Checked before anything of it is stored.

* A bill none of whose rows names a counterparty (交易对方) cannot show payments to the platform: the
  export was made without 展示交易对手信息. It is refused with that advice.
* A case is one person's dispute: an Alipay bill (whose header names the account holder, 姓名) of
  someone other than the holder of the case's other Alipay bills, or than the case's 本人, is refused.
  WeChat bills name only a nickname, which people change, so they are not compared.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.bills.model import BillError, ParsedBill
from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.store.model import Bill, Exhibit, Party

NO_COUNTERPARTY = (
    "账单中没有任何一笔交易写明“交易对方”，无法确定哪些是付给平台的款项。请重新导出账单：支付宝在“开具交易流水证明”"
    "时打开“展示交易对手信息”；微信支付请导出完整的账单明细。"
)


def _name(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def same_person(a: str, b: str) -> bool:
    """Equal names, where a masked character ('*三', '张*') matches any character."""
    a, b = _name(a), _name(b)
    if "*" not in a + b:
        return a == b
    return len(a) == len(b) and all(x == y or "*" in (x, y) for x, y in zip(a, b, strict=True))


def check_fits_case(s: Session, case_id: int, bill: ParsedBill, file: str) -> None:
    """Raise BillError (naming ``file``) when the bill cannot be added to case ``case_id``."""
    if bill.transactions and not any(t.counterparty.strip() for t in bill.transactions):
        raise BillError(file, NO_COUNTERPARTY)
    holder = _name(bill.holder)
    if bill.source != "alipay" or not holder:
        return
    me = s.scalar(select(Party.name).where(Party.case_id == case_id, Party.role == "self").limit(1))
    if me and _name(me) and not same_person(holder, me):
        raise BillError(
            file,
            f"这份账单的账户持有人是“{bill.holder}”，而本案的本人是“{me}”。一个案件只能放本人的账单；"
            "如果账单确是本人的，请先在当事人中核对本人的姓名。",
        )
    others = s.execute(
        select(Bill.holder, Bill.exhibit_id)
        .join(Exhibit, Exhibit.id == Bill.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None), Bill.source == "alipay")
        .order_by(Bill.id)
    )
    for other, exhibit_id in others:
        if _name(other) and not same_person(holder, other):
            number = exhibit_numbers(s, case_id).get(exhibit_id, (exhibit_id, ""))[0]  # 证据 N: binder order
            raise BillError(
                file,
                f"这份账单的账户持有人是“{bill.holder}”，而本案已导入的支付宝账单（证据 {number}）属于"
                f"“{other}”。不同人的账单不能放在同一个案件中，请为另一人单独建立案件。",
            )
