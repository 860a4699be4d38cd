"""Options for generating a document, parsed and checked once (Chinese error messages)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kami_desktop.core.errors import UserError
from kami_desktop.core.legal.deadlines import (
    DEMAND_DEFAULT_WORKDAYS,
    DEMAND_MAX_WORKDAYS,
    DEMAND_MIN_WORKDAYS,
)
from kami_desktop.core.legal.interest import LPR_RULES

DEFAULT_CAUSE = "信息网络买卖合同纠纷"
CAUSES = ("信息网络买卖合同纠纷", "网络服务合同纠纷", "买卖合同纠纷", "不当得利纠纷")


Day = date  # inside DocOptions the field ``date`` hides the type


class DocumentError(UserError, ValueError):
    """Bad options or an unknown kind; the message is Chinese."""


@dataclass
class DocOptions:
    workdays: int | None = (
        None  # demand letter: answer period, 3–7 working days (default: as recorded, else 7)
    )
    date: Day | None = None  # the document's date (letter / filing / submission); also its file timestamp
    sent_on: Day | None = None  # demand letter: date sent (else the date, else the ladder step)
    interest_from: Day | None = None  # interest runs from this day (inclusive)
    interest_to: Day | None = None  # interest is computed up to this day (default: the date)
    lpr: str = "formation"  # which one-year LPR applies: a key of core.legal.LPR_RULES
    lpr_date: Day | None = None  # rule "formation": the contract's formation date (default: first top-up)
    termination: bool = False  # demand letter also serves as a 解除通知 (民法典 565)
    interrupt_limitation: bool = True  # demand letter states it interrupts limitation (民法典 195)
    channel: str = ""  # demand letter: delivery channel
    court: str = ""  # lawsuit: the court the complaint is addressed to
    cause: str = DEFAULT_CAUSE  # 案由
    pages: dict[int, str] = field(default_factory=dict)  # evidence list: exhibit id -> 页码 in the binder

    @classmethod
    def parse(cls, options: Mapping[str, Any] | DocOptions | None) -> DocOptions:
        if isinstance(options, DocOptions):
            return options
        raw = dict(options or {})
        unknown = set(raw) - set(cls.__dataclass_fields__) - {"manifest"}
        if unknown:
            raise DocumentError(f"未知的文书选项：{'、'.join(sorted(unknown))}")
        opts = cls()
        if raw.get("workdays") is not None:
            try:
                opts.workdays = int(raw["workdays"])
            except (TypeError, ValueError):
                raise DocumentError(f"催告期限应为整数个工作日，实际为 {raw['workdays']!r}") from None
            if not DEMAND_MIN_WORKDAYS <= opts.workdays <= DEMAND_MAX_WORKDAYS:
                raise DocumentError(
                    f"催告期限应为{DEMAND_MIN_WORKDAYS}–{DEMAND_MAX_WORKDAYS}个工作日，实际为 {opts.workdays}"
                )
        if raw.get("lpr"):
            opts.lpr = str(raw["lpr"]).strip().replace("-", "_")
            if opts.lpr not in LPR_RULES:
                raise DocumentError(
                    f"LPR适用方式应为 {' 或 '.join(LPR_RULES)}，实际为 {raw['lpr']!r}"
                    "（formation：合同成立时的LPR；per_period：同期LPR分段计算）"
                )
        for name in ("date", "sent_on", "interest_from", "interest_to", "lpr_date"):
            setattr(opts, name, parse_date(raw.get(name), name))
        for name in ("termination", "interrupt_limitation"):
            if raw.get(name) is not None:
                setattr(opts, name, bool(raw[name]))
        for name in ("channel", "court"):
            setattr(opts, name, str(raw.get(name) or "").strip())
        opts.cause = str(raw.get("cause") or DEFAULT_CAUSE).strip()
        pages = dict(raw.get("pages") or {})
        if raw.get("manifest"):
            pages = {**read_manifest(raw["manifest"]), **pages}
        opts.pages = {int(k): str(v) for k, v in pages.items() if str(v).strip()}
        if opts.interest_from and opts.interest_to and opts.interest_to < opts.interest_from:
            raise DocumentError("利息计算截止日早于起算日")
        return opts

    def demand_workdays(self, recorded: int | None = None) -> int:
        """The answer period: this option, else the one recorded with the demand step, else 7."""
        return self.workdays or recorded or DEMAND_DEFAULT_WORKDAYS

    def to_json(self) -> dict:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        out["pages"] = {str(k): v for k, v in self.pages.items()}
        return out


def parse_date(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise DocumentError(f"{what} 日期应写成 YYYY-MM-DD，实际为 {value!r}") from None


def read_manifest(path: str | Path) -> dict[int, str]:
    """页码 per exhibit from a binder manifest (JSON).

    Accepted shapes: ``{"exhibits": [{"exhibit_id": 3, "first_page": 5, "last_page": 7}, …]}`` (also
    ``id``/``page_start``/``page_end`` or ``pages: [5, 7]`` or ``pages: "5-7"``), or a plain mapping
    ``{"3": "5-7"}``.
    """
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise DocumentError(f"无法读取证据册清单 {p}：{exc}") from exc
    items = doc.get("exhibits") if isinstance(doc, dict) else doc
    if isinstance(items, dict):
        return {int(k): str(v) for k, v in items.items()}
    if isinstance(doc, dict) and items is None:
        return {int(k): str(v) for k, v in doc.items() if str(k).isdigit()}
    out: dict[int, str] = {}
    for item in items or []:
        if not isinstance(item, dict):
            continue
        ex_id = item.get("exhibit_id", item.get("id"))
        if ex_id is None:
            continue
        pages = item.get("pages")
        first = item.get("first_page", item.get("page_start"))
        last = item.get("last_page", item.get("page_end"))
        if isinstance(pages, list | tuple) and pages:
            first, last = pages[0], pages[-1]
        elif isinstance(pages, str | int):
            out[int(ex_id)] = str(pages)
            continue
        if first is None:
            continue
        out[int(ex_id)] = str(first) if last in (None, first) else f"{first}–{last}"
    return out
