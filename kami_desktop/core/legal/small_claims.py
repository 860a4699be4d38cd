"""Small-claims (小额诉讼) thresholds by province, from the editable ``small_claims.json``.

The threshold is 50% of the province's previous-year average annual wage of employed persons
(民诉法 165); the parties may agree to use the procedure up to twice that wage. Provincial High Courts
publish the figures; the shipped table has only the few legal.md gives, all unconfirmed and dated.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from kami_desktop.core.legal.data import ProvinceThreshold, SmallClaimsTable, load_small_claims
from kami_desktop.core.util.money import to_money

PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$")


class SmallClaimsThreshold(NamedTuple):
    threshold: Decimal | None
    year: int | None  # the year the figure started to apply
    last_verified: date | None


def normalize_province(name: str) -> str:
    """'浙江省' → '浙江', '广西壮族自治区' → '广西', '北京市' → '北京'. Raises ValueError if unknown."""
    text = re.sub(r"\s+", "", str(name or ""))
    short = _SUFFIX.sub("", text)
    if short in PROVINCES:
        return short
    for p in PROVINCES:
        if text.startswith(p):
            return p
    raise ValueError(f"无法识别的省级行政区：{name!r}")


def province_record(province: str, table: SmallClaimsTable | None = None) -> ProvinceThreshold:
    tbl = table if table is not None else load_small_claims()
    key = normalize_province(province)
    for name, record in tbl.provinces.items():
        try:
            if normalize_province(name) == key:
                return record
        except ValueError:
            continue
    return ProvinceThreshold(province=key, threshold=None)


def small_claims_threshold(province: str, table: SmallClaimsTable | None = None) -> SmallClaimsThreshold:
    """(threshold in yuan or None when unknown, year it applies from, date last verified)."""
    r = province_record(province, table)
    return SmallClaimsThreshold(r.threshold, r.year, r.last_verified)


def is_small_claim(
    amount: Decimal | str | int, province: str, table: SmallClaimsTable | None = None
) -> bool | None:
    """Whether a money claim of ``amount`` is within the mandatory small-claims threshold (None: unknown)."""
    threshold = small_claims_threshold(province, table).threshold
    if threshold is None:
        return None
    return to_money(amount) <= threshold
