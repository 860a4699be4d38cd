"""When a demand letter's answer period starts: on arrival, counted from delivery once it is recorded.

A demand letter (催告函) is a declaration made other than in conversation; it takes effect when it
reaches the other side (民法典 137(2): a data message when it enters the designated system, or when
the other side knows or should know it has entered its system). So the period it grants runs from
delivery: the day of delivery is not counted (民法典 201) and a last day falling on a rest day moves to
the next working day (203).

While no delivery date is recorded, the arrival is **estimated** as the sending date plus a stated
delivery allowance for the channel (``delivery.json``: post 3 days, electronic 1 day, in person 0,
unknown 3), and every date derived from it is marked estimated (预估). The allowance errs late, so an
estimate never declares the other side in default too early. The letter, ``kami legal deadlines`` and
the complaint's interest start all take their date from :func:`answer_period`.

The same arrival interrupts the 3-year limitation (民法典 195(1) with 137): :func:`limitation_restart`
says from which day it runs again. There the estimate errs the other way — a restart counted from the
sending day, the earliest the letter can have arrived, never promises the user a day they may not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from kami_desktop.core.legal.calendar import WorkCalendar
from kami_desktop.core.legal.data import LegalDataError, parse_date, read_json, shipped_path
from kami_desktop.core.legal.periods import add_workdays

DELIVERY_FILE = "delivery.json"


@dataclass(frozen=True)
class DeliveryChannel:
    kind: str  # post | electronic | in_person | unknown
    label: str
    days: int  # delivery allowance in calendar days, used until a delivery date is recorded
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeliveryRules:
    rule: str
    source: str
    channels: tuple[DeliveryChannel, ...]
    unknown: DeliveryChannel
    last_verified: date

    def channel_for(self, text: str) -> DeliveryChannel:
        """The channel a free-text description (``EMS邮寄``, ``平台客服工单``…) belongs to."""
        t = (text or "").strip().casefold()
        if t:
            for ch in self.channels:
                if any(k.casefold() in t for k in ch.keywords):
                    return ch
        return self.unknown


def _channel(item: Any, where: str) -> DeliveryChannel:
    if not isinstance(item, dict):
        raise LegalDataError(f"{where}：应为对象")
    try:
        days = int(str(item.get("days")))
    except (TypeError, ValueError):
        raise LegalDataError(f"{where}.days：应为整数天数，实际为 {item.get('days')!r}") from None
    if not 0 <= days <= 30:
        raise LegalDataError(f"{where}.days：送达估算天数应在0到30之间，实际为 {days}")
    words = item.get("keywords", [])
    if not isinstance(words, list):
        raise LegalDataError(f"{where}.keywords：应为列表")
    return DeliveryChannel(
        str(item.get("kind", "")), str(item.get("label", "")), days, tuple(str(w) for w in words if w)
    )


def load_delivery(path: str | Path | None = None) -> DeliveryRules:
    """The delivery rule and allowances (the shipped file, or one of the same shape)."""
    if path is None:
        return _shipped()
    return _load(Path(path))


def _load(p: Path) -> DeliveryRules:
    doc = read_json(p)
    where = str(p)
    raw = doc.get("channels")
    if not isinstance(raw, list) or not raw:
        raise LegalDataError(f"{where}：channels 应为非空列表")
    checked = parse_date(doc.get("last_verified"), where + " last_verified")
    assert checked is not None
    return DeliveryRules(
        rule=str(doc.get("rule", "")),
        source=str(doc.get("source", "")),
        channels=tuple(_channel(c, f"{where} channels[{i}]") for i, c in enumerate(raw)),
        unknown=_channel(doc.get("unknown"), f"{where} unknown"),
        last_verified=checked,
    )


@lru_cache(maxsize=1)
def _shipped() -> DeliveryRules:
    return _load(shipped_path(DELIVERY_FILE))


@dataclass(frozen=True)
class AnswerPeriod:
    """The period a demand letter grants, counted from its (recorded or estimated) arrival."""

    workdays: int
    sent: date | None
    delivered: date | None
    channel: DeliveryChannel
    arrival: date  # the recorded delivery date, else the estimate
    estimated: bool  # True while no delivery date is recorded
    due: date  # last day to answer (until 24:00)
    provisional: bool  # the working-day calendar for some day of the period is not official yet

    @property
    def interest_from(self) -> date:
        """First day of default: the day after the last day of the period."""
        return self.due + timedelta(days=1)

    def explain(self) -> str:
        """How the date was reached, in one Chinese sentence (for notes and the deadlines view)."""
        if not self.estimated:
            return (
                f"催告函于{self.arrival.isoformat()}送达，自次日起第{self.workdays}个工作日为"
                f"{self.due.isoformat()}（民法典第137条：到达时生效）"
            )
        sent = self.sent.isoformat() if self.sent else "（未记录）"
        return (
            f"尚未记录送达日期：按{sent}以{self.channel.label}发出、估算{self.channel.days}天送达，"
            f"预计{self.arrival.isoformat()}送达，自次日起第{self.workdays}个工作日为"
            f"{self.due.isoformat()}（估算；记录实际送达日期后按实际重新计算）"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "workdays": self.workdays,
            "sent": None if self.sent is None else self.sent.isoformat(),
            "delivered": None if self.delivered is None else self.delivered.isoformat(),
            "channel": self.channel.kind,
            "allowance_days": self.channel.days,
            "arrival": self.arrival.isoformat(),
            "estimated": self.estimated,
            "due": self.due.isoformat(),
            "provisional": self.provisional,
        }


def answer_period(
    workdays: int,
    *,
    sent: date | None = None,
    delivered: date | None = None,
    channel: str = "",
    cal: WorkCalendar | None = None,
    rules: DeliveryRules | None = None,
) -> AnswerPeriod:
    """``workdays`` working days from the letter's arrival: ``delivered`` when known, else ``sent``
    plus the channel's allowance (estimated). A delivery recorded before ``sent`` belongs to an
    earlier letter and is ignored."""
    if sent is None and delivered is None:
        raise ValueError("催告函的发出日期和送达日期都没有记录，无法计算答复期限")
    if sent is not None and delivered is not None and delivered < sent:
        delivered = None
    r = rules or load_delivery()
    ch = r.channel_for(channel)
    if delivered is not None:
        arrival, estimated = delivered, False
    else:
        assert sent is not None
        arrival, estimated = sent + timedelta(days=ch.days), True
    dd = add_workdays(arrival, workdays, cal=cal)
    return AnswerPeriod(workdays, sent, delivered, ch, arrival, estimated, dd.due, dd.provisional)


@dataclass(frozen=True)
class LimitationRestart:
    """From which day a demand letter restarts the limitation: its arrival (民法典 195(1), 137)."""

    on: date  # the recorded delivery date, else the sending date (the earliest possible arrival)
    estimated: bool  # True while no delivery date is recorded for the latest letter
    sent: date | None
    delivered: date | None

    def explain(self) -> str:
        if not self.estimated:
            return f"催告函于{self.on.isoformat()}送达，诉讼时效自送达之日起中断并重新计算（民法典第195条、第137条）"
        return (
            f"催告函于{self.on.isoformat()}发出，尚未记录送达日期：诉讼时效自送达之日起重新计算；"
            "稳妥起见暂按最早可能送达的发出当日估算（预估），记录实际送达日期后按实际重新计算"
        )


def limitation_restart(sent: date | None, delivered: date | None) -> LimitationRestart | None:
    """The restart a demand letter brings: from its recorded delivery, else estimated from the sending
    day. A delivery recorded before the latest sending belongs to an earlier letter: the latest letter's
    arrival is then unknown (the earlier delivery is still an interruption, see ``deadlines``)."""
    if delivered is not None and (sent is None or delivered >= sent):
        return LimitationRestart(delivered, False, sent, delivered)
    if sent is not None:
        return LimitationRestart(sent, True, sent, None)
    return None
