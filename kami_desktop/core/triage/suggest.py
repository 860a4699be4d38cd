"""Suggestions for an exhibit from its OCR text: a category, a title, a 证明目的 and the time the page
shows — computed each time, never stored, never applied by themselves.

A field the user has filled is left alone: a category is suggested only while it is 其他, a title only
while it is the file's name (what the import gave it), a 证明目的 only while it is empty, a time only while
there is none or only the file's modification time. The 证明目的 is written in the user's voice for the
court (never the product's advice). The time is the latest date-time the page shows (the screenshot was
taken no earlier), and is labelled as what it is: the time shown on screen, not the moment of capture.

``accept`` saves the chosen suggestions through the exhibit edit (``edit_exhibits`` → ``record_edit``),
one ledger entry per exhibit, exactly as if the user had typed them. A suggestion the user dismissed
(``triage.dismiss``, stored in ``triage.dismissed``) is not offered while the exhibit's text stays the same;
it is kept in ``ExhibitSuggestions.dismissed``. A dismissed category also keeps the title and 证明目的 that
would follow from it from being offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibits, get_exhibit
from kami_desktop.core.evidence.times import FILE_MTIME, SCREEN, time_label
from kami_desktop.core.ocr.engine import is_image, is_pdf
from kami_desktop.core.ocr.model import OK, lines_from_json
from kami_desktop.core.store.edits import Changes
from kami_desktop.core.store.model import Exhibit, ExhibitFile, OcrText
from kami_desktop.core.triage import rules
from kami_desktop.core.triage.dismissed import dismissed_fields
from kami_desktop.core.triage.extract import (
    AMOUNT,
    DATETIME,
    ICP,
    USCC,
    Extraction,
    Found,
    TextRow,
    extract,
    rows_from_lines,
)
from kami_desktop.core.util.timeutil import CHINA_TZ, now
from kami_desktop.core.vocab import CATEGORIES

FIELDS = ("category", "title", "purpose", "captured_at")
FIELD_LABELS = {"category": "证据类别", "title": "名称", "purpose": "证明目的", "captured_at": "时间"}


@dataclass(frozen=True)
class FieldSuggestion:
    field: str  # one of FIELDS
    value: Any  # as stored: a category code, text, an aware datetime
    shown: str  # as the app shows it
    current: str  # the field's value now, as shown
    reason: str

    def to_json(self) -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, datetime) else self.value
        return {
            "field": self.field,
            "value": value,
            "shown": self.shown,
            "current": self.current,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ExhibitState:
    """What the suggestions need to know of an exhibit: its fields and which of them the user filled."""

    exhibit_id: int
    title: str
    category: str
    purpose: str
    captured_at: datetime | None
    file_titles: tuple[str, ...] = ()  # titles an import gives (the file names)
    time_is_file_time: bool = False  # captured_at is only a file's modification time
    reference: datetime | None = None  # the date a year-less time on screen is read against


@dataclass
class ExhibitSuggestions:
    exhibit_id: int
    number: int | None  # 证据 N
    title: str
    has_text: bool  # OCR text was read for it
    fields: list[FieldSuggestion] = field(default_factory=list)
    found: Extraction = field(default_factory=Extraction)
    status: str = ""  # the order state the page shows (未到账, 支付成功 …)
    dismissed: list[FieldSuggestion] = field(default_factory=list)  # what the user dismissed (忽略)
    readable: bool = True  # has a picture or a PDF OCR can read (a chat export or a recording never has text)

    def values(self, fields: Iterable[str] | None = None) -> dict[str, Any]:
        wanted = set(FIELDS if fields is None else fields)
        return {f.field: f.value for f in self.fields if f.field in wanted}

    def get(self, name: str) -> FieldSuggestion | None:
        return next((f for f in self.fields if f.field == name), None)

    def to_json(self, dismissed: bool = False) -> dict[str, Any]:
        out = {
            "exhibit_id": self.exhibit_id,
            "number": self.number,
            "title": self.title,
            "has_text": self.has_text,
            "readable": self.readable,
            "status": self.status,
            "suggestions": [f.to_json() for f in self.fields],
            "found": self.found.to_json(),
        }
        if dismissed:
            out["dismissed"] = [f.to_json() for f in self.dismissed]
        return out


# ----------------------------------------------------------------------------- composing
def _date(dt: datetime) -> str:
    d = dt.astimezone(CHINA_TZ)
    return f"{d.year}年{d.month}月{d.day}日"


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f} 元"


def main_amount(found: Extraction) -> Found | None:
    amounts = found.of(AMOUNT)
    labelled = [a for a in amounts if a.label]
    signed = [a for a in amounts if a.text.startswith(("¥", "-", "+"))]
    pool = labelled or signed or amounts
    return pool[0] if pool else None


def main_time(found: Extraction) -> Found | None:
    """The page's own time: a labelled one (支付时间, 创建时间) first, else the earliest."""
    times = found.of(DATETIME)
    labelled = [t for t in times if t.label]
    pool = labelled or times
    return min(pool, key=lambda t: t.value) if pool else None


def screen_time(found: Extraction) -> Found | None:
    """The latest date-time the page shows that is not in the future: the page was captured no earlier."""
    times = [t for t in found.of(DATETIME) if t.value <= now()]
    return max(times, key=lambda t: t.value) if times else None


def _rules_heading(rows: Sequence[TextRow]) -> str:
    for row in rows:
        text = row.text.strip("《》 ")
        if len(text) <= 24 and any(w in text for w in ("协议", "规则", "条款", "须知")):
            return text
    return ""


def title_for(category: str, rows: Sequence[TextRow], found: Extraction) -> str:
    text = "\n".join(r.text for r in rows)
    rule = rules.rule_for(category)
    heading = rules.heading_of(text)
    if category == "rules":
        heading = _rules_heading(rows) or heading
    heading = heading or (rule.heading if rule else "截图")
    key = ""
    if category in ("funds", "non_delivery"):
        numbers = found.numbers()
        amount = main_amount(found)
        key = numbers[0].value if numbers else (amount.shown() if amount else "")
    elif category == "identity":
        codes = found.of(USCC) or found.of(ICP)
        key = codes[0].value if codes else ""
    elif category == "interaction":
        when = main_time(found)
        key = f"{when.value:%Y-%m-%d}" if when else ""
    status = rules.status_of(text) if category in ("funds", "non_delivery") else ""
    title = " ".join(x for x in (heading, key) if x)
    if status and status != heading:
        title += f"（{status}）"
    return title[:300]


def purpose_for(category: str, rows: Sequence[TextRow], found: Extraction) -> str:
    """The 证明目的 in the user's words: what the page proves, with its figures."""
    text = "\n".join(r.text for r in rows)
    when = main_time(found)
    on = f"于{_date(when.value)}" if when else ""
    amount = main_amount(found)
    numbers = found.numbers()
    number = f"（{numbers[0].label or '订单号'} {numbers[0].value}）" if numbers else ""
    if category == "non_delivery":
        status = rules.status_of(text) or "未完成"
        paid = f"，金额 {_yuan(amount.value)}" if amount else ""
        return (
            f"证明本人{on}支付的订单{number}{paid}，平台页面显示“{status}”，本人付款后未收到所购商品或服务。"
        )
    if category == "funds":
        verb = "充值" if "充值" in text else "付款"
        money = f" {_yuan(amount.value)}" if amount else ""
        return f"证明本人{on}向平台{verb}{money}{number}。"
    if category == "interaction":
        return f"证明本人{on}与平台客服沟通的经过及平台的答复。"
    if category == "identity":
        codes = [f"统一社会信用代码 {c.value}" for c in found.of(USCC)[:1]]
        codes += [f"ICP备案号 {c.value}" for c in found.of(ICP)[:1]]
        extra = f"（{'，'.join(codes)}）" if codes else ""
        return f"证明平台经营者的主体信息{extra}。"
    if category == "rules":
        name = _rules_heading(rows)
        return f"证明平台公布的{f'《{name}》' if name else '规则'}的内容。"
    return ""


def propose(
    state: ExhibitState, rows: Sequence[TextRow], hidden: Iterable[str] = ()
) -> tuple[list[FieldSuggestion], Extraction, str]:
    """The suggestions for one exhibit from its rows of text (pure: no database), but the ``hidden``
    (dismissed) fields; a hidden category is not read from the text for the title and 证明目的 either."""
    hidden = frozenset(hidden)
    found = extract(rows, state.reference)
    text = "\n".join(r.text for r in rows)
    out: list[FieldSuggestion] = []
    match = None if "category" in hidden else rules.classify(text)
    # the title and 证明目的 follow the category the user chose, else the one the text reads as
    category = state.category if state.category != "other" else (match.category if match else "other")
    status = rules.status_of(text)
    if match and state.category == "other" and match.category != "other":
        out.append(
            FieldSuggestion(
                "category", match.category, CATEGORIES[match.category], CATEGORIES["other"], match.reason
            )
        )
    if category != "other" and (not state.title.strip() or state.title in state.file_titles):
        title = title_for(category, rows, found)
        if title and title != state.title:
            out.append(FieldSuggestion("title", title, title, state.title, "据画面中的页面名称、单号和状态"))
    if category != "other" and not state.purpose.strip():
        purpose = purpose_for(category, rows, found)
        if purpose:
            out.append(FieldSuggestion("purpose", purpose, purpose, "", "据识别出的类别、时间、金额和单号"))
    shown = screen_time(found)
    if shown is not None and (state.captured_at is None or state.time_is_file_time):
        if shown.value != state.captured_at:
            what = f"（{shown.label}）" if shown.label else ""
            current = (
                f"{state.captured_at.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}" if state.captured_at else ""
            )
            out.append(
                FieldSuggestion(
                    "captured_at",
                    shown.value,
                    shown.shown(),
                    current,
                    f"{SCREEN}{what}：截图不早于此时；它不是拍摄截图的时刻",
                )
            )
    return [f for f in out if f.field not in hidden], found, status


# ----------------------------------------------------------------------------- reading
def _state(ex: Exhibit) -> ExhibitState:
    files = list(ex.files)
    titles = tuple(t for f in files for t in {Path(f.original_name).stem[:300], f.original_name})
    label = time_label(ex.captured_at, files)
    first = files[0] if files else None
    reference = ex.captured_at or (
        first.exif_time or first.file_mtime or first.imported_at if first else None
    )
    return ExhibitState(
        ex.id,
        ex.title,
        ex.category,
        ex.purpose or "",
        ex.captured_at,
        titles,
        ex.captured_at is not None and label == FILE_MTIME,
        reference,
    )


def text_rows(s: Session, exhibit_ids: Sequence[int]) -> dict[int, list[TextRow]]:
    """The OCR rows of each exhibit's files (pages read without trouble), in file and page order."""
    out: dict[int, list[TextRow]] = {i: [] for i in exhibit_ids}
    if not exhibit_ids:
        return out
    stmt = (
        select(ExhibitFile.exhibit_id, OcrText.lines, OcrText.height)
        .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
        .where(ExhibitFile.exhibit_id.in_(list(exhibit_ids)), OcrText.status == OK)
        .order_by(ExhibitFile.exhibit_id, ExhibitFile.position, OcrText.page)
    )
    for exhibit_id, raw, height in s.execute(stmt):
        rows = out[exhibit_id]
        for r in rows_from_lines(lines_from_json(raw), height or 0):
            rows.append(TextRow(r.text, len(rows), r.lines, r.status_bar))
    return out


def _numbers(s: Session, case_id: int) -> dict[int, int]:
    ids = s.scalars(
        select(Exhibit.id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(Exhibit.position, Exhibit.id)
    )
    return {eid: n for n, eid in enumerate(ids, start=1)}


def suggestions_for_exhibits(s: Session, exhibits: Sequence[Exhibit]) -> list[ExhibitSuggestions]:
    if not exhibits:
        return []
    rows = text_rows(s, [e.id for e in exhibits])
    numbers = _numbers(s, exhibits[0].case_id)
    hidden = dismissed_fields(s, [e.id for e in exhibits])
    out = []
    for ex in exhibits:
        mine, gone = rows.get(ex.id, []), hidden.get(ex.id, set())
        fields, found, status = propose(_state(ex), mine, gone) if mine else ([], Extraction(), "")
        sug = ExhibitSuggestions(ex.id, numbers.get(ex.id), ex.title, bool(mine), fields, found, status)
        sug.readable = bool(mine) or any(
            is_image(f.blob.media_type) or is_pdf(f.blob.media_type) for f in ex.files
        )
        if mine and gone:  # what would be offered but for the user's 忽略
            sug.dismissed = [f for f in propose(_state(ex), mine)[0] if f.field in gone]
        out.append(sug)
    return out


def suggestions_for(s: Session, exhibit_id: int) -> ExhibitSuggestions:
    return suggestions_for_exhibits(s, [get_exhibit(s, exhibit_id)])[0]


def case_suggestions(
    s: Session, case_id: int, exhibit_ids: Iterable[int] | None = None
) -> list[ExhibitSuggestions]:
    """Every live exhibit of the case (or those named) with its suggestions, in binder order."""
    q = (
        select(Exhibit)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(Exhibit.position, Exhibit.id)
        .options(selectinload(Exhibit.files))
    )
    if exhibit_ids is not None:
        q = q.where(Exhibit.id.in_(list(exhibit_ids)))
    return suggestions_for_exhibits(s, list(s.scalars(q)))


# ----------------------------------------------------------------------------- accepting
def check_fields(fields: Iterable[str] | None) -> list[str]:
    """The fields named (codes or their Chinese names); all four when None."""
    if fields is None:
        return list(FIELDS)
    by_label = {v: k for k, v in FIELD_LABELS.items()}
    out = []
    for name in fields:
        code = by_label.get(name.strip(), name.strip())
        if code not in FIELDS:
            choices = "、".join(f"{FIELD_LABELS[f]}({f})" for f in FIELDS)
            raise ExhibitError(f"没有“{name}”这一项建议；可选：{choices}")
        out.append(code)
    return out


def accept(s: Session, exhibit_id: int, fields: Iterable[str] | None = None) -> Changes:
    """Save the exhibit's suggestions for ``fields`` (default: all) as an edit; returns what changed."""
    values = suggestions_for(s, exhibit_id).values(check_fields(fields))
    if not values:
        return {}
    return edit_exhibits(s, [exhibit_id], **values).get(exhibit_id, {})


def accept_many(
    s: Session, case_id: int, exhibit_ids: Iterable[int] | None = None, fields: Iterable[str] | None = None
) -> dict[int, Changes]:
    """Accept the suggestions of several exhibits: one ``exhibit.edit`` entry per exhibit that changed."""
    wanted = check_fields(fields)
    out: dict[int, Changes] = {}
    for sug in case_suggestions(s, case_id, exhibit_ids):
        values = sug.values(wanted)
        if values:
            changed = edit_exhibits(s, [sug.exhibit_id], **values)
            out.update(changed)
    return out
