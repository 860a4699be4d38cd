"""Payment bills (Alipay / WeChat Pay exports): parsing and reconciliation. Pure functions, no Qt, no database."""

from kami_desktop.core.bills.alipay import LAYOUTS as ALIPAY_LAYOUTS
from kami_desktop.core.bills.detect import parse_bill, parse_bill_bytes
from kami_desktop.core.bills.model import BillError, ParsedBill, PasswordRequired, Transaction
from kami_desktop.core.bills.platform import PlatformRule, counterparty_key, entity_name, name_key
from kami_desktop.core.bills.reconcile import Reconciliation, ReconRow, platform_rule, reconcile
from kami_desktop.core.bills.wechat import LAYOUTS as WECHAT_LAYOUTS

LAYOUTS = ALIPAY_LAYOUTS + WECHAT_LAYOUTS

__all__ = [
    "LAYOUTS",
    "BillError",
    "ParsedBill",
    "PasswordRequired",
    "PlatformRule",
    "ReconRow",
    "Reconciliation",
    "Transaction",
    "counterparty_key",
    "entity_name",
    "name_key",
    "parse_bill",
    "parse_bill_bytes",
    "platform_rule",
    "reconcile",
]
