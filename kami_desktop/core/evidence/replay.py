"""The ledger is the truth: replay it into the evidence state it records, and compare the database.

Replaying every entry in order yields, for each exhibit, the files it holds (and in which order),
its title, category, 证明目的, 来源, capture time, notes, tags, transcript, a video's picked frames and trash
state, the binder order of each case's live exhibits, each file's original name and times, each case's
recorded fields, each bill's rows (claims and dismissed suggestions: their own modules). ``compare`` names
every difference as a ``StateMismatch`` (which exhibit, which field, what the ledger says, what the database says).

Entries written by older releases record less (an import did not record the category, the 来源 or
the file times): a field the ledger never stated is *unknown* and is not compared; ``Replay.unknown``
counts those gaps so ``verify`` can say what could not be checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kami_desktop.core.evidence.replay_claims import ClaimsReplay
from kami_desktop.core.evidence.replay_dismissals import DismissalsReplay
from kami_desktop.core.store.ledger import canonical_json
from kami_desktop.core.store.model import BillRow, LedgerEntry

EXHIBIT_FIELDS = (
    "title",
    "category",
    "purpose",
    "source",
    "captured_at",
    "notes",
    "tags",
    "transcript",
    "key_frames",
)
LIST_FIELDS = ("tags", "key_frames")
FILE_FIELDS = ("sha256", "original_name", "file_mtime", "exif_time", "imported_at")
CASE_FIELDS = (
    "title",
    "platform_name",
    "platform_url",
    "cause_type",
    "discovered_on",
    "claimed_amount",
    "stage",
)
UNKNOWN: Any = object()


@dataclass
class FileState:
    exhibit_id: int
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class ExhibitState:
    case_id: int | None
    values: dict[str, Any] = field(default_factory=lambda: dict.fromkeys(EXHIBIT_FIELDS, UNKNOWN))
    files: list[int] = field(default_factory=list)  # file ids in order
    files_order_known: bool = True
    trashed: bool = False


@dataclass
class Replay:
    exhibits: dict[int, ExhibitState] = field(default_factory=dict)
    files: dict[int, FileState] = field(default_factory=dict)
    order: dict[int, list[int]] = field(default_factory=dict)  # case id → live exhibit ids in binder order
    order_known: dict[int, bool] = field(default_factory=dict)
    cases: dict[int, dict[str, Any]] = field(default_factory=dict)
    bills: dict[int, dict[str, Any]] = field(default_factory=dict)  # bill id → rows, rows_digest
    claims: ClaimsReplay = field(default_factory=ClaimsReplay)  # claim items, counterparty decisions
    dismissals: DismissalsReplay = field(default_factory=DismissalsReplay)  # suggestions dismissed (忽略)
    unknown: dict[str, int] = field(
        default_factory=dict
    )  # field → exhibits/files it could not be checked for


@dataclass(frozen=True)
class StateMismatch:
    entity: str  # exhibit | file | case | bill | order | claim | counterparty | dismissal
    entity_id: int | None
    exhibit_id: int | None
    field: str
    ledger: Any
    database: Any

    @property
    def detail(self) -> str:
        what = {
            "exhibit": f"证据（编号 {self.entity_id}）",
            "file": f"证据（编号 {self.exhibit_id}）的文件 {self.entity_id}",
            "case": f"案件 {self.entity_id}",
            "bill": f"账单 {self.entity_id}",
            "order": f"案件 {self.entity_id} 的证据顺序",
            "claim": f"主张项（编号 {self.entity_id}）",
            "counterparty": f"交易对方清单（编号 {self.entity_id}）",
            "dismissal": f"证据（编号 {self.entity_id}）的识别建议",
        }[self.entity]
        return f"{what}的 {self.field} 与存证日志记录不一致：日志为 {_shown(self.ledger)}，数据库为 {_shown(self.database)}"


def _shown(v: Any) -> str:
    if v is None:
        return "（无）"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def norm(value: Any) -> Any:
    """One spelling for a value, whether it comes from a ledger payload or from a database column."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def tag_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(t) for t in value]
    if isinstance(value, str) and value.strip():
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return [str(t) for t in parsed] if isinstance(parsed, list) else [value]
    return []


def rows_digest(rows: Iterable[BillRow]) -> str:
    """SHA-256 over a bill's stored rows (the figures documents and the binder are built from)."""
    h = hashlib.sha256()
    for r in sorted(rows, key=lambda r: r.row):
        h.update(
            canonical_json(
                [
                    r.row,
                    norm(r.time),
                    r.counterparty,
                    r.counterparty_account,
                    r.direction,
                    norm(r.amount),
                    r.status,
                    r.order_id,
                    r.merchant_order_id,
                    norm(r.refund_total),
                ]
            ).encode("utf-8")
        )
        h.update(b"\n")
    return h.hexdigest()


# --- replay -------------------------------------------------------------------------------------


def replay(entries: Iterable[LedgerEntry]) -> Replay:
    state = Replay()
    for e in entries:
        try:
            payload = json.loads(e.payload)
        except ValueError:
            continue  # the chain check reports an unreadable entry
        if not isinstance(payload, dict):
            continue
        handler = _HANDLERS.get(e.action)
        if handler is not None:
            handler(state, e, payload)
        elif not state.claims.apply(e.action, e.case_id, payload):
            state.dismissals.apply(e.action, e.exhibit_id, payload)
    return state


def _live_order(state: Replay, case_id: int | None) -> list[int]:
    return state.order.setdefault(case_id or 0, [])


def _drop(state: Replay, exhibit_id: int) -> None:
    ex = state.exhibits.pop(exhibit_id, None)
    if ex is None:
        return
    for fid in ex.files:
        state.files.pop(fid, None)
    order = _live_order(state, ex.case_id)
    if exhibit_id in order:
        order.remove(exhibit_id)


def _import(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex_id = e.exhibit_id
    if ex_id is None:
        return
    ex = state.exhibits.get(ex_id)
    name = str(p.get("original_name") or "")
    if ex is None:  # the import created the exhibit
        ex = ExhibitState(e.case_id)
        title = p.get("title", UNKNOWN)
        if title is UNKNOWN and name:  # older entries: the importer's own rule for a new title
            title = (Path(name).stem[:300] or name) if "title" not in p else title
        ex.values.update(
            title=title,
            category=p.get("category", UNKNOWN),
            purpose=p.get("purpose", ""),
            source=p.get("source", UNKNOWN),
            captured_at=p.get("captured_at"),
            notes=p.get("notes", ""),
            tags=tag_list(p.get("tags", [])),
            transcript=p.get("transcript"),
            key_frames=tag_list(p.get("key_frames", [])),
        )
        state.exhibits[ex_id] = ex
        _live_order(state, e.case_id).append(ex_id)
    fid = p.get("file_id")
    if not isinstance(fid, int):
        return
    f = FileState(ex_id)
    f.values = {
        "sha256": p.get("sha256"),
        "original_name": name,
        "file_mtime": p.get("file_mtime", UNKNOWN),
        "exif_time": p.get("exif_time", UNKNOWN),
        "imported_at": p.get("imported_at", UNKNOWN),
    }
    state.files[fid] = f
    ex.files.append(fid)


def _edit(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex_id = e.exhibit_id if e.exhibit_id is not None else p.get("id")
    ex = state.exhibits.get(ex_id) if isinstance(ex_id, int) else None
    changes = p.get("changes")
    if ex is None or not isinstance(changes, dict):
        return
    for name, change in changes.items():
        if name in ex.values and isinstance(change, dict) and "new" in change:
            ex.values[name] = tag_list(change["new"]) if name in LIST_FIELDS else change["new"]


def _reorder(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    order = p.get("order")
    if isinstance(order, list) and e.case_id is not None:
        state.order[e.case_id] = [i for i in order if isinstance(i, int)]


def _merge(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    target = state.exhibits.get(e.exhibit_id or -1)
    if target is None:
        return
    for moved in p.get("files") or []:
        fid = moved.get("file_id") if isinstance(moved, dict) else None
        if fid in state.files:
            src = state.exhibits.get(state.files[fid].exhibit_id)
            if src is not None and fid in src.files:
                src.files.remove(fid)
            state.files[fid].exhibit_id = e.exhibit_id or 0
            target.files.append(fid)
    for sid in p.get("sources") or []:
        if isinstance(sid, int) and sid != e.exhibit_id:
            src = state.exhibits.get(sid)
            if src is not None:
                src.files.clear()
            _drop(state, sid)


def _split(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex = state.exhibits.get(e.exhibit_id or -1)
    new_ids = [i for i in p.get("new_exhibits") or [] if isinstance(i, int)]
    if ex is None or not new_ids:
        return
    moving = ex.files[1:]
    if len(moving) != len(new_ids):
        ex.files_order_known = False
        return
    order = _live_order(state, ex.case_id)
    at = order.index(e.exhibit_id) + 1 if e.exhibit_id in order else len(order)
    for k, (nid, fid) in enumerate(zip(new_ids, moving, strict=True)):
        new = ExhibitState(ex.case_id)
        new.values = dict(ex.values)
        title = ex.values["title"]
        new.values["title"] = f"{title}（{k + 2}）" if title is not UNKNOWN else UNKNOWN
        new.values["notes"] = ""
        new.values["transcript"] = None  # a split-off file starts without the transcript
        new.values["key_frames"] = []  # … and without picked frames
        new.files = [fid]
        if fid in state.files:
            state.files[fid].exhibit_id = nid
        state.exhibits[nid] = new
        order.insert(at + k, nid)
    ex.files = ex.files[:1]


def _move_file(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    fid, src_id, dst_id = p.get("file_id"), p.get("from"), p.get("to")
    f = state.files.get(fid) if isinstance(fid, int) else None
    dst = state.exhibits.get(dst_id) if isinstance(dst_id, int) else None
    if f is None or dst is None:
        return
    src = state.exhibits.get(f.exhibit_id)
    if src is not None and fid in src.files:
        src.files.remove(fid)
    index = p.get("index")
    if isinstance(index, int):
        dst.files.insert(max(0, min(index, len(dst.files))), fid)  # type: ignore[arg-type]
    else:
        dst.files.append(fid)  # type: ignore[arg-type]
        dst.files_order_known = False  # older entries did not record where in the exhibit it went
    f.exhibit_id = dst_id  # type: ignore[assignment]
    if src is not None and src is not dst and not src.files and isinstance(src_id, int):
        _drop(state, src_id)


def _trash(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex = state.exhibits.get(e.exhibit_id or -1)
    if ex is not None:
        ex.trashed = True
        order = _live_order(state, ex.case_id)
        if e.exhibit_id in order:
            order.remove(e.exhibit_id)


def _restore(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex = state.exhibits.get(e.exhibit_id or -1)
    if ex is None:
        return
    ex.trashed = False
    order = p.get("order")
    if isinstance(order, list) and ex.case_id is not None:
        state.order[ex.case_id] = [i for i in order if isinstance(i, int)]
    else:
        _live_order(state, ex.case_id).append(e.exhibit_id)  # type: ignore[arg-type]


def _remove(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    if e.exhibit_id is not None:
        _drop(state, e.exhibit_id)


def _undo_import(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    ex = state.exhibits.get(e.exhibit_id or -1)
    if ex is None:
        return
    sha = p.get("sha256")
    ex.files = [f for f in ex.files if state.files.get(f, FileState(0)).values.get("sha256") != sha]
    if not ex.files:
        _drop(state, e.exhibit_id)  # type: ignore[arg-type]


def _case(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    if e.case_id is None:
        return
    fields = state.cases.setdefault(e.case_id, dict.fromkeys(CASE_FIELDS, UNKNOWN))
    if e.action == "case.create":
        for name in CASE_FIELDS:
            if name in p:
                fields[name] = p[name]
    else:
        for name, change in (p.get("changes") or {}).items():
            if name in fields and isinstance(change, dict) and "new" in change:
                fields[name] = change["new"]


def _claim_applied(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    if e.case_id is not None and "claimed_amount" in p:
        state.cases.setdefault(e.case_id, dict.fromkeys(CASE_FIELDS, UNKNOWN))["claimed_amount"] = p[
            "claimed_amount"
        ]


def _bill(state: Replay, e: LedgerEntry, p: dict[str, Any]) -> None:
    bill_id = p.get("bill_id")
    if isinstance(bill_id, int):
        state.bills[bill_id] = {"rows": p.get("rows", UNKNOWN), "rows_digest": p.get("rows_digest", UNKNOWN)}


_HANDLERS = {
    "import": _import,
    "exhibit.edit": _edit,
    "exhibit.reorder": _reorder,
    "exhibit.merge": _merge,
    "exhibit.split": _split,
    "file.move": _move_file,
    "exhibit.trash": _trash,
    "exhibit.restore": _restore,
    "exhibit.purge": _remove,
    "import.undo": _undo_import,
    "case.create": _case,
    "case.edit": _case,
    "bill.apply": _claim_applied,
    "claim.apply": _claim_applied,
    "bill.import": _bill,
}
