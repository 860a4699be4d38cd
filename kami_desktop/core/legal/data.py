"""Loading the editable legal data tables shipped in ``kami_desktop/resources/data``.

Every value that may go stale (LPR, small-claims thresholds, portal limits, future holiday
schedules) lives in a JSON file with a "last verified" date. Each loader reads the shipped file by
default; pass ``path`` to read a file of the same shape instead, typically the user's corrected
copy in their profile directory (see :func:`data_file`). An override replaces the shipped table as
a whole; it is not merged.

Numbers are read as :class:`~decimal.Decimal` (JSON numbers included), never float. The shipped LPR
and holiday tables are immutable and cached; the small-claims and limits tables are re-read on each
call, so a caller may modify what it gets back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, overload

from kami_desktop.core.errors import UserError
from kami_desktop.resources import resource_path

LPR_FILE = "lpr.json"
SMALL_CLAIMS_FILE = "small_claims.json"
LIMITS_FILE = "limits.json"
HOLIDAYS_FILE = "holidays.json"


class LegalDataError(UserError, ValueError):
    """A data file is missing, unreadable or malformed. The message is Chinese and names the file."""


def shipped_path(name: str) -> Path:
    return resource_path("data", name)


def data_file(name: str, profile_dir: str | Path | None = None) -> Path:
    """The user's copy ``profile_dir/name`` if it exists, else the shipped file."""
    if profile_dir is not None:
        candidate = Path(profile_dir) / name
        if candidate.is_file():
            return candidate
    return shipped_path(name)


def read_json(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise LegalDataError(f"找不到数据文件：{p}") from exc
    except OSError as exc:
        raise LegalDataError(f"无法读取数据文件 {p}：{exc}") from exc
    try:
        doc = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise LegalDataError(
            f"数据文件 {p} 不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）：{exc.msg}"
        ) from exc
    if not isinstance(doc, dict):
        raise LegalDataError(f"数据文件 {p} 的顶层应为对象")
    return doc


@overload
def parse_date(value: Any, where: str, *, allow_none: Literal[False] = False) -> date: ...
@overload
def parse_date(value: Any, where: str, *, allow_none: bool) -> date | None: ...
def parse_date(value: Any, where: str, *, allow_none: bool = False) -> date | None:
    """'YYYY-MM-DD', or 'YYYY-MM' read as the first day of that month (the earliest it can mean)."""
    if value is None and allow_none:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 7:
                return date.fromisoformat(text + "-01")
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise LegalDataError(f"{where}：日期应写成 YYYY-MM-DD，实际为 {value!r}")


def parse_decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool):
        raise LegalDataError(f"{where}：应为数字，实际为 {value!r}")
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise LegalDataError(f"{where}：应为数字，实际为 {value!r}") from exc
    if not d.is_finite():
        raise LegalDataError(f"{where}：应为有限数字，实际为 {value!r}")
    return d


def _int(value: Any, where: str) -> int:
    d = parse_decimal(value, where)
    if d != d.to_integral_value():
        raise LegalDataError(f"{where}：应为整数，实际为 {value!r}")
    return int(d)


# --------------------------------------------------------------------------- LPR


@dataclass(frozen=True)
class LprEntry:
    effective: date
    rate: Decimal  # percent per year, e.g. Decimal("3.00")
    confirmed: bool = True
    source: str = ""
    checked: date | None = None  # when the value was last compared with its public source


@dataclass(frozen=True)
class LprTable:
    one_year: tuple[LprEntry, ...]
    five_year: tuple[LprEntry, ...]
    last_verified: date
    source: str = ""
    path: Path | None = None

    def series(self, term: str = "1y") -> tuple[LprEntry, ...]:
        if term in ("1y", "one_year"):
            return self.one_year
        if term in ("5y", "five_year"):
            return self.five_year
        raise ValueError(f"未知的LPR期限：{term!r}（应为 '1y' 或 '5y'）")

    def entry_on(self, day: date, term: str = "1y") -> LprEntry | None:
        """The entry in force on ``day`` (the latest with ``effective <= day``), or None."""
        found = None
        for entry in self.series(term):
            if entry.effective <= day:
                found = entry
            else:
                break
        return found


def _lpr_series(doc: dict[str, Any], key: str, where: str) -> tuple[LprEntry, ...]:
    raw = doc.get(key, [])
    if not isinstance(raw, list):
        raise LegalDataError(f"{where}：{key} 应为列表")
    entries = []
    for i, item in enumerate(raw):
        at = f"{where} {key}[{i}]"
        if not isinstance(item, dict):
            raise LegalDataError(f"{at}：应为对象")
        rate = parse_decimal(item.get("rate"), at + ".rate")
        if not Decimal(0) < rate < Decimal(100):
            raise LegalDataError(f"{at}.rate：年利率（百分数）应在0到100之间，实际为 {rate}")
        entries.append(
            LprEntry(
                effective=parse_date(item.get("effective"), at + ".effective"),
                rate=rate,
                confirmed=bool(item.get("confirmed", False)),
                source=str(item.get("source", "")),
                checked=parse_date(item.get("checked"), at + ".checked", allow_none=True),
            )
        )
    for a, b in zip(entries, entries[1:], strict=False):
        if b.effective <= a.effective:
            raise LegalDataError(f"{where} {key}：生效日期应严格递增（{a.effective} 之后是 {b.effective}）")
    return tuple(entries)


def load_lpr(path: str | Path | None = None) -> LprTable:
    """Dated 1-year and 5-year LPR table (percent per year)."""
    if path is None:
        return _shipped_lpr()
    return _load_lpr(Path(path))


def _load_lpr(p: Path) -> LprTable:
    doc = read_json(p)
    where = str(p)
    return LprTable(
        one_year=_lpr_series(doc, "one_year", where),
        five_year=_lpr_series(doc, "five_year", where),
        last_verified=parse_date(doc.get("last_verified"), where + " last_verified"),
        source=str(doc.get("source", "")),
        path=p,
    )


@lru_cache(maxsize=1)
def _shipped_lpr() -> LprTable:
    return _load_lpr(shipped_path(LPR_FILE))


# --------------------------------------------------------------------------- small claims


@dataclass(frozen=True)
class ProvinceThreshold:
    province: str
    threshold: Decimal | None
    agreed_ceiling: Decimal | None = None
    year: int | None = None
    effective_from: str = ""
    confirmed: bool = False
    last_verified: date | None = None
    source: str = ""


@dataclass(frozen=True)
class SmallClaimsTable:
    provinces: dict[str, ProvinceThreshold]
    rule: str = ""
    source: str = ""
    path: Path | None = None


def load_small_claims(path: str | Path | None = None) -> SmallClaimsTable:
    """Per-province small-claims thresholds (50% of the previous year's average wage)."""
    return _load_small_claims(Path(path) if path is not None else shipped_path(SMALL_CLAIMS_FILE))


def _load_small_claims(p: Path) -> SmallClaimsTable:
    doc = read_json(p)
    raw = doc.get("provinces")
    if not isinstance(raw, dict):
        raise LegalDataError(f"{p}：provinces 应为以省份名为键的对象")
    provinces: dict[str, ProvinceThreshold] = {}
    for name, item in raw.items():
        at = f"{p} provinces[{name}]"
        if item is None or (isinstance(item, dict) and item.get("threshold") is None):
            provinces[name] = ProvinceThreshold(province=name, threshold=None)
            continue
        if not isinstance(item, dict):
            raise LegalDataError(f"{at}：应为对象或 null")
        threshold = parse_decimal(item["threshold"], at + ".threshold")
        ceiling = item.get("agreed_ceiling")
        year = item.get("year")
        provinces[name] = ProvinceThreshold(
            province=name,
            threshold=threshold,
            agreed_ceiling=None if ceiling is None else parse_decimal(ceiling, at + ".agreed_ceiling"),
            year=None if year is None else _int(year, at + ".year"),
            effective_from=str(item.get("effective_from", "")),
            confirmed=bool(item.get("confirmed", False)),
            last_verified=parse_date(item.get("last_verified"), at + ".last_verified", allow_none=True),
            source=str(item.get("source", "")),
        )
    return SmallClaimsTable(
        provinces=provinces, rule=str(doc.get("rule", "")), source=str(doc.get("source", "")), path=p
    )


# --------------------------------------------------------------------------- portal limits


@dataclass(frozen=True)
class Limits:
    """Field and attachment limits per channel ('12315', 'heimao', 'jutousu', 'court_online')."""

    channels: dict[str, dict[str, Any]]
    image_split: dict[str, Any] = field(default_factory=dict)
    last_verified: date | None = None
    source: str = ""
    path: Path | None = None

    def channel(self, name: str) -> dict[str, Any]:
        try:
            return self.channels[name]
        except KeyError:
            raise KeyError(f"limits 中没有渠道 {name!r}") from None

    def attachment_max_bytes(self, name: str) -> int | None:
        value = self.channel(name).get("attachments", {}).get("max_bytes_each")
        return None if value is None else int(value)

    def field_max_chars(self, name: str, field_name: str) -> int | None:
        value = self.channel(name).get("fields", {}).get(field_name, {}).get("max_chars")
        return None if value is None else int(value)


def _plain(value: Any) -> Any:
    """Decimal integers back to int so callers get ordinary JSON-like values."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_limits(path: str | Path | None = None) -> Limits:
    return _load_limits(Path(path) if path is not None else shipped_path(LIMITS_FILE))


def _load_limits(p: Path) -> Limits:
    doc = _plain(read_json(p))
    channels = doc.get("channels")
    if not isinstance(channels, dict):
        raise LegalDataError(f"{p}：channels 应为对象")
    for name, ch in channels.items():
        if not isinstance(ch, dict):
            raise LegalDataError(f"{p} channels[{name}]：应为对象")
        parse_date(ch.get("last_verified"), f"{p} channels[{name}].last_verified", allow_none=True)
        for key, value in ch.get("attachments", {}).items():
            if key.startswith("max_") and value is not None and (not isinstance(value, int) or value <= 0):
                raise LegalDataError(f"{p} channels[{name}].attachments.{key}：应为正整数或 null")
    return Limits(
        channels=channels,
        image_split=doc.get("image_split", {}) or {},
        last_verified=parse_date(doc.get("last_verified"), f"{p} last_verified", allow_none=True),
        source=str(doc.get("source", "")),
        path=p,
    )


# --------------------------------------------------------------------------- holiday schedules


@dataclass(frozen=True)
class YearSchedule:
    year: int
    published: bool  # False: statutory days only, estimated; results are provisional
    rest_days: frozenset[date]
    extra_workdays: frozenset[date]
    names: dict[date, str] = field(default_factory=dict)


@dataclass(frozen=True)
class HolidayTable:
    years: dict[int, YearSchedule]
    last_verified: date | None = None
    source: str = ""
    path: Path | None = None


def load_holidays(path: str | Path | None = None) -> HolidayTable:
    """Fallback holiday schedules for years the chinesecalendar package does not cover."""
    if path is None:
        return _shipped_holidays()
    return _load_holidays(Path(path))


def _load_holidays(p: Path) -> HolidayTable:
    doc = read_json(p)
    raw = doc.get("years")
    if not isinstance(raw, dict):
        raise LegalDataError(f"{p}：years 应为以年份为键的对象")
    years: dict[int, YearSchedule] = {}
    for key, item in raw.items():
        at = f"{p} years[{key}]"
        try:
            year = int(key)
        except ValueError:
            raise LegalDataError(f"{at}：键应为四位年份") from None
        status = item.get("status")
        if status not in ("estimated", "published"):
            raise LegalDataError(f"{at}.status：应为 estimated 或 published，实际为 {status!r}")
        rest: dict[date, str] = {}
        for i, r in enumerate(item.get("rest_days", [])):
            d = parse_date(r.get("date") if isinstance(r, dict) else r, f"{at}.rest_days[{i}]")
            rest[d] = str(r.get("name", "")) if isinstance(r, dict) else ""
        work = {
            parse_date(w.get("date") if isinstance(w, dict) else w, f"{at}.extra_workdays[{i}]")
            for i, w in enumerate(item.get("extra_workdays", []))
        }
        for d in list(rest) + list(work):
            if d.year != year:
                raise LegalDataError(f"{at}：日期 {d} 不属于 {year} 年")
        if set(rest) & work:
            raise LegalDataError(f"{at}：{sorted(set(rest) & work)[0]} 同时列为放假日和上班日")
        years[year] = YearSchedule(
            year=year,
            published=status == "published",
            rest_days=frozenset(rest),
            extra_workdays=frozenset(work),
            names=rest,
        )
    return HolidayTable(
        years=years,
        last_verified=parse_date(doc.get("last_verified"), f"{p} last_verified", allow_none=True),
        source=str(doc.get("source", "")),
        path=p,
    )


@lru_cache(maxsize=1)
def _shipped_holidays() -> HolidayTable:
    return _load_holidays(shipped_path(HOLIDAYS_FILE))
