"""Compare the database with the replayed ledger (``replay.replay``): every difference as a ``StateMismatch``.

Exhibits (each field, the files and their order, the trash state), each case's binder order, the cases'
recorded fields, each bill's rows, then the claim items and counterparty decisions (``replay_claims``) and
the suggestions the user dismissed (``replay_dismissals``).
A field the ledger never stated is not compared; ``Replay.unknown`` counts it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.replay import (
    CASE_FIELDS,
    EXHIBIT_FIELDS,
    FILE_FIELDS,
    LIST_FIELDS,
    UNKNOWN,
    ExhibitState,
    Replay,
    StateMismatch,
    norm,
    rows_digest,
    tag_list,
)
from kami_desktop.core.store.model import Bill, BillRow, Case, Exhibit, ExhibitFile


def compare(s: Session, state: Replay, case_id: int | None = None) -> list[StateMismatch]:
    """Every difference between the database and the replayed ledger (for one case, or all)."""
    out: list[StateMismatch] = []
    q = select(Exhibit)
    if case_id is not None:
        q = q.where(Exhibit.case_id == case_id)
    db_exhibits = {e.id: e for e in s.scalars(q)}
    replayed = {i: x for i, x in state.exhibits.items() if case_id is None or x.case_id == case_id}
    for ex_id in sorted(set(db_exhibits) - set(replayed)):
        out.append(StateMismatch("exhibit", ex_id, ex_id, "存在", "（日志中没有这件证据）", "存在"))
    for ex_id in sorted(set(replayed) - set(db_exhibits)):
        out.append(StateMismatch("exhibit", ex_id, ex_id, "存在", "存在", "（数据库中已没有这件证据）"))
    files = {f.id: f for f in s.scalars(select(ExhibitFile).where(ExhibitFile.exhibit_id.in_(db_exhibits)))}
    for ex_id in sorted(set(db_exhibits) & set(replayed)):
        out += _compare_exhibit(state, replayed[ex_id], db_exhibits[ex_id], files)
    out += _compare_order(state, db_exhibits, case_id)
    out += _compare_cases(s, state, case_id)
    out += _compare_bills(s, state, set(db_exhibits))
    live = {i for i, x in state.exhibits.items()}
    out += [StateMismatch(*d) for d in state.claims.compare(s, case_id, live)]
    out += [StateMismatch(*d) for d in state.dismissals.compare(s, case_id, set(replayed))]
    for name, n in state.claims.unknown.items():
        state.unknown[name] = state.unknown.get(name, 0) + n
    return out


def _compare_exhibit(
    state: Replay, rep: ExhibitState, ex: Exhibit, files: dict[int, ExhibitFile]
) -> list[StateMismatch]:
    out: list[StateMismatch] = []
    for name in EXHIBIT_FIELDS:
        want = rep.values.get(name, UNKNOWN)
        if want is UNKNOWN:
            state.unknown[name] = state.unknown.get(name, 0) + 1
            continue
        have = getattr(ex, name)
        if name in LIST_FIELDS:
            want, have = tag_list(want), tag_list(have)
        if norm(want) != norm(have):
            out.append(StateMismatch("exhibit", ex.id, ex.id, name, norm(want), norm(have)))
    if rep.trashed != (ex.trashed_at is not None):
        out.append(StateMismatch("exhibit", ex.id, ex.id, "回收站", rep.trashed, ex.trashed_at is not None))
    db_files = sorted((f for f in files.values() if f.exhibit_id == ex.id), key=lambda f: (f.position, f.id))
    db_ids = [f.id for f in db_files]
    if set(db_ids) != set(rep.files):
        out.append(StateMismatch("exhibit", ex.id, ex.id, "文件", sorted(rep.files), sorted(db_ids)))
    elif rep.files_order_known and db_ids != rep.files:
        out.append(StateMismatch("exhibit", ex.id, ex.id, "文件顺序", rep.files, db_ids))
    for f in db_files:
        fs = state.files.get(f.id)
        if fs is None:
            continue
        db_values = {
            "sha256": f.blob_sha256,
            "original_name": f.original_name,
            "file_mtime": f.file_mtime,
            "exif_time": f.exif_time,
            "imported_at": f.imported_at,
        }
        for name in FILE_FIELDS:
            want = fs.values.get(name, UNKNOWN)
            if want is UNKNOWN:
                state.unknown[name] = state.unknown.get(name, 0) + 1
                continue
            if norm(want) != norm(db_values[name]):
                out.append(StateMismatch("file", f.id, ex.id, name, norm(want), norm(db_values[name])))
    return out


def _compare_order(
    state: Replay, db_exhibits: dict[int, Exhibit], case_id: int | None
) -> list[StateMismatch]:
    out: list[StateMismatch] = []
    cases = {e.case_id for e in db_exhibits.values()}
    for cid in sorted(cases):
        live = sorted(
            (e for e in db_exhibits.values() if e.case_id == cid and e.trashed_at is None),
            key=lambda e: (e.position, e.id),
        )
        db_order = [e.id for e in live]
        want = [i for i in state.order.get(cid, []) if i in db_exhibits]
        if set(want) == set(db_order) and want != db_order:
            out.append(StateMismatch("order", cid, None, "证据顺序", want, db_order))
    return out


def _compare_cases(s: Session, state: Replay, case_id: int | None) -> list[StateMismatch]:
    out: list[StateMismatch] = []
    q = select(Case) if case_id is None else select(Case).where(Case.id == case_id)
    for case in s.scalars(q):
        fields = state.cases.get(case.id)
        if fields is None:
            continue
        for name in CASE_FIELDS:
            want = fields.get(name, UNKNOWN)
            if want is UNKNOWN:
                continue
            have = getattr(case, name)
            if norm(want) != norm(have) and not (want in (None, "") and have in (None, "")):
                out.append(StateMismatch("case", case.id, None, name, norm(want), norm(have)))
    return out


def _compare_bills(s: Session, state: Replay, exhibit_ids: set[int]) -> list[StateMismatch]:
    out: list[StateMismatch] = []
    for bill in s.execute(
        select(Bill.id, Bill.exhibit_id, Bill.rows_complete).where(Bill.exhibit_id.in_(exhibit_ids))
    ):
        rec = state.bills.get(bill.id)
        if rec is None:
            continue
        count = s.scalar(select(func.count()).select_from(BillRow).where(BillRow.bill_id == bill.id))
        if rec["rows"] is not UNKNOWN and bill.rows_complete and rec["rows"] != count:
            out.append(StateMismatch("bill", bill.id, bill.exhibit_id, "交易笔数", rec["rows"], count))
        elif rec["rows_digest"] is not UNKNOWN:
            try:
                digest = rows_digest(s.scalars(select(BillRow).where(BillRow.bill_id == bill.id)))
            except ValueError:  # a stored value no longer reads as what its column holds
                digest = None
            if digest != rec["rows_digest"]:
                out.append(
                    StateMismatch(
                        "bill", bill.id, bill.exhibit_id, "交易明细", "（导入时的明细）", "（已被改动）"
                    )
                )
    return out
