"""Payment bills (Alipay / WeChat Pay exports): parsing and reconciliation. Pure functions, no Qt, no database."""

from .alipay import LAYOUTS as ALIPAY_LAYOUTS
from .detect import parse_bill, parse_bill_bytes
from .model import BillError, ParsedBill, PasswordRequired, Transaction
from .reconcile import Reconciliation, ReconRow, reconcile, suggest_terms
from .wechat import LAYOUTS as WECHAT_LAYOUTS

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
