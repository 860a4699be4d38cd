"""Data model of a parsed payment bill (Alipay / WeChat Pay export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from kami_desktop.core.errors import UserError
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import iso

DIRECTIONS = ("支出", "收入", "不计收支")


class BillError(UserError, ValueError):
    """A bill that cannot be read. The message is Chinese and names the file (and line/row)."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file = file
        self.reason = reason
        self.line = line
        where = f"第 {line} 行：" if line is not None else ""
        super().__init__(f"{file}：{where}{reason}")


class PasswordRequired(BillError):
    """An encrypted archive: no password was given, or the given one is wrong."""

    def __init__(self, file: str, wrong_password: bool = False):
        self.wrong_password = wrong_password
        if wrong_password:
            reason = "解压密码不正确，请核对后重新输入（注意区分账单邮件和密码消息的日期）。"
        else:
            reason = (
                "这是加密的压缩包，需要解压密码。支付宝的密码在支付宝 App 消息中，"
                "微信支付的密码在“微信支付”公众号消息中。"
            )
        super().__init__(file, reason)


@dataclass(frozen=True)
class Transaction:
    time: datetime
    category: str
    counterparty: str
    counterparty_account: str
    description: str
    direction: str
    amount: Decimal
    payment_method: str
    status: str
    order_id: str
    merchant_order_id: str
    note: str
    row: int
    source: str = ""  # 'alipay' | 'wechat'; lets reconcile() pick the refund rules per row
    fund_status: str = ""  # 资金状态 (Alipay PC web export only): 已支出 / 已收入 / 资金转移 / empty
    refund_total: Decimal | None = None  # refunded amount the bill states on this original row
    # every cell of the row as the export shows it (aligned with ParsedBill.columns), for printing
    cells: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict:
        return {
            "time": iso(self.time),
            "category": self.category,
            "counterparty": self.counterparty,
            "counterparty_account": self.counterparty_account,
            "description": self.description,
            "direction": self.direction,
            "amount": money_str(self.amount),
            "payment_method": self.payment_method,
            "status": self.status,
            "order_id": self.order_id,
            "merchant_order_id": self.merchant_order_id,
            "note": self.note,
            "row": self.row,
            "source": self.source,
            "fund_status": self.fund_status,
            "refund_total": money_str(self.refund_total) if self.refund_total is not None else None,
        }


@dataclass
class ParsedBill:
    source: str
    layout: str
    transactions: list[Transaction]
    warnings: list[str] = field(default_factory=list)
    personal_only: bool = False
    account: str | None = None
    holder: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    exported_at: datetime | None = None
    declared_count: int | None = None  # 共N笔记录 in the header (metadata only, never trusted)
    encoding: str = ""
    file: str = ""
    # the export as printed: its column names, the lines before the table and after it
    columns: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "source": self.source,
            "layout": self.layout,
            "encoding": self.encoding,
            "account": self.account,
            "holder": self.holder,
            "period_start": iso(self.period_start),
            "period_end": iso(self.period_end),
            "exported_at": iso(self.exported_at),
            "personal_only": self.personal_only,
            "warnings": list(self.warnings),
            "rows": len(self.transactions),
            "items": [t.to_json() for t in self.transactions],
        }
