"""Payment bills (Alipay / WeChat Pay exports): parsing and reconciliation. Pure functions, no Qt, no database."""

from kami_desktop.core.bills.alipay import LAYOUTS as ALIPAY_LAYOUTS
from kami_desktop.core.bills.detect import parse_bill, parse_bill_bytes
from kami_desktop.core.bills.model import BillError, ParsedBill, PasswordRequired, Transaction
from kami_desktop.core.bills.reconcile import Reconciliation, ReconRow, reconcile, suggest_terms
from kami_desktop.core.bills.wechat import LAYOUTS as WECHAT_LAYOUTS

LAYOUTS = ALIPAY_LAYOUTS + WECHAT_LAYOUTS

__all__ = [
    "LAYOUTS",
    "BillError",
    "ParsedBill",
    "PasswordRequired",
    "ReconRow",
    "Reconciliation",
    "Transaction",
    "parse_bill",
    "parse_bill_bytes",
    "reconcile",
    "suggest_terms",
]
