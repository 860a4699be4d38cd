"""校验完整性: re-hash every blob (or one case's) and re-walk the ledger chain.

SHA-256 (the content address) is recomputed for every file at hashlib speed on two threads;
each blob row is cross-checked against the SM3 and size recorded in its import ledger entry, so an
edited hash in the database is caught without recomputing SM3. ``full=True`` recomputes SM3 too.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence import anchors
from kami_desktop.core.evidence.compare import compare
from kami_desktop.core.evidence.replay import replay
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile, LedgerEntry, MaskedCopy
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.hashing import sha256_file, sm3_file


@dataclass
class Problem:
    kind: str  # missing | hash_mismatch | size_mismatch | orphan | ledger_broken | state_mismatch | anchor
    # | copy_mismatch (a masked copy, not evidence)
    exhibit_id: int | None
    sha256: str | None
    path: str | None
    detail: str
    entry: int | None = None  # ledger entry number, for ledger_broken and anchor
    field: str | None = None  # which field differs, for state_mismatch


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    ledger_entries: int = 0
    cancelled: bool = False
    unchecked: dict[str, int] = field(default_factory=dict)  # field → items older entries never recorded
    anchors_checked: int = 0
    notices: list[str] = field(default_factory=list)  # said plainly, not problems: ``ok`` stays true
    copies_absent: int = 0  # masked copies recorded whose files are not in the data folder

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "ledger_entries": self.ledger_entries,
            "cancelled": self.cancelled,
            "anchors_checked": self.anchors_checked,
            "unchecked": self.unchecked,
            "copies_absent": self.copies_absent,
            "notices": self.notices,
            "problems": [asdict(p) for p in self.problems],
        }


def verify(
    profile: Profile,
    case_id: int | None = None,
    *,
    full: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    workers: int = 2,
    against: list[Path] | None = None,
) -> VerifyReport:
    """Re-hash the originals, re-walk the chain, compare the database with the replayed ledger, and
    check that the ledger extends every anchored head (the receipts file plus ``against``)."""
    report = VerifyReport()
    anchor_list = anchors.receipts(profile.data_dir)
    for path in against or []:
        anchor_list += anchors.anchors_from(path)
    with profile.snapshot() as s:  # one state even while a writer commits: no half-seen import
        q = select(Blob)
        if case_id is not None:
            q = (
                q.join(ExhibitFile, ExhibitFile.blob_sha256 == Blob.sha256)
                .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
                .where(Exhibit.case_id == case_id)
                .distinct()
            )
        blobs = list(s.scalars(q.order_by(Blob.sha256)))
        holders: dict[str, int] = {}
        for sha, ex_id in s.execute(select(ExhibitFile.blob_sha256, ExhibitFile.exhibit_id)):
            holders.setdefault(sha, ex_id)
        chain = list(ledger.entries(s))  # read once: the chain check, the replay and the anchors share it
        recorded = _recorded_imports(chain)
        copies = _copies(s, chain, case_id)
        report.ledger_entries, chain_problems = ledger.verify_chain(s, chain)
        state = replay(chain)
        mismatches = compare(s, state, case_id)
        report.unchecked = dict(sorted(state.unknown.items()))
        anchor_problems = anchors.check(s, anchor_list, {e.seq: e.hash for e in chain})
        report.anchors_checked = len(anchor_list)
        del chain
        all_known = None if case_id is not None else {b.sha256 for b in blobs}

    total = len(blobs)
    progress(0, total, "")
    is_cancelled = cancel if cancel is not None else (lambda: False)

    def check(b: Blob) -> list[Problem]:
        out: list[Problem] = []
        ex = holders.get(b.sha256)
        try:
            path = profile.vault.path_for(b.sha256)
        except ValueError:
            return [Problem("missing", ex, b.sha256, None, f"数据库中的哈希值格式不正确：{b.sha256!r}")]
        if not path.is_file():
            return [Problem("missing", ex, b.sha256, str(path), "证据库中找不到这个原始文件")]
        try:
            digest, size = sha256_file(path, cancel=is_cancelled)
        except OSError as exc:
            return [Problem("missing", ex, b.sha256, str(path), f"无法读取：{exc.strerror or exc}")]
        if is_cancelled():
            return out
        if size != b.size:
            out.append(
                Problem(
                    "size_mismatch", ex, b.sha256, str(path), f"文件大小 {size} 字节，登记为 {b.size} 字节"
                )
            )
        if digest != b.sha256:
            out.append(
                Problem(
                    "hash_mismatch", ex, b.sha256, str(path), f"SHA-256 实际为 {digest}，文件内容已被改动"
                )
            )
        rec = recorded.get(b.sha256)
        if rec is not None:
            if rec.get("sm3") and rec["sm3"] != b.sm3:
                out.append(
                    Problem(
                        "hash_mismatch",
                        ex,
                        b.sha256,
                        str(path),
                        "数据库中的 SM3 与导入时存证日志记录的不一致",
                    )
                )
            if rec.get("size") is not None and rec["size"] != b.size:
                out.append(
                    Problem(
                        "size_mismatch",
                        ex,
                        b.sha256,
                        str(path),
                        f"数据库登记大小 {b.size} 与导入日志记录的 {rec['size']} 不一致",
                    )
                )
        else:
            out.append(Problem("hash_mismatch", ex, b.sha256, str(path), "存证日志中没有这个文件的导入记录"))
        if full and not out:
            if sm3_file(path) != b.sm3:
                out.append(
                    Problem("hash_mismatch", ex, b.sha256, str(path), "SM3 与登记值不符，文件内容已被改动")
                )
        return out

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="kami-verify") as pool:
        for i, problems in enumerate(pool.map(check, blobs), start=1):
            report.problems.extend(problems)
            report.checked = i
            progress(i, total, "")
            if is_cancelled():
                report.cancelled = True
                break

    if all_known is not None and not report.cancelled:
        unknown = [(name, path) for name, path in profile.vault.iter_blob_paths() if name not in all_known]
        for name, path in _settled(profile, unknown):
            report.problems.append(
                Problem(
                    "orphan",
                    None,
                    name if len(name) == 64 else None,
                    str(path),
                    "证据库中有数据库未登记的文件",
                )
            )
    if any(p.kind == "missing" for p in report.problems):
        report.problems = _without_purged(profile, report.problems)
    if not report.cancelled:
        report.problems += _copy_problems(profile, copies)
        report.copies_absent = _absent_copies(profile, copies)
        if report.copies_absent:
            report.notices.append(absent_copies_notice(report.copies_absent))
    for cp in chain_problems:
        report.problems.append(Problem("ledger_broken", None, None, None, cp.detail, entry=cp.seq))
    for m in mismatches:
        report.problems.append(Problem("state_mismatch", m.exhibit_id, None, None, m.detail, field=m.field))
    for ap in anchor_problems:
        report.problems.append(
            Problem("anchor", None, None, ap.anchor.source, ap.detail, entry=ap.anchor.seq)
        )
    return report


def _settled(profile: Profile, unknown: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """The unregistered vault files that are really orphans, not a live import's files in flight.

    An import writes its marker, renames the file into place, commits the rows, then removes the marker.
    So a file whose marker is still there belongs to an import that a live writer may yet commit (if no
    process holds the profile, the marker is a dead one's and the file is an orphan); a file without a
    marker must be in the database by now — read afresh, after the marker was looked at.
    """
    if not unknown:
        return []
    live = profile.writer_alive()
    pending = {sha for sha, kind in profile.vault.pending() if kind == "import"} if live else set()
    candidates = [(n, p) for n, p in unknown if n not in pending]
    if not candidates:
        return []
    with profile.session() as s:
        now_known = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_([n for n, _ in candidates]))))
    return [(n, p) for n, p in candidates if n not in now_known]


def _without_purged(profile: Profile, problems: list[Problem]) -> list[Problem]:
    """A blob purged (rows deleted, then the file) while this check ran is no longer missing."""
    shas = [p.sha256 for p in problems if p.kind == "missing" and p.sha256]
    with profile.session() as s:
        still = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(shas))))
    return [p for p in problems if p.kind != "missing" or not p.sha256 or p.sha256 in still]


def _recorded_imports(chain: list[LedgerEntry]) -> dict[str, dict]:
    """sha256 → {sm3, size} from the first import entry of each blob."""
    out: dict[str, dict] = {}
    for payload in (e.payload for e in chain if e.action == "import"):
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        sha = data.get("sha256")
        if isinstance(sha, str) and sha not in out:
            out[sha] = {"sm3": data.get("sm3"), "size": data.get("size")}
    return out


def ledger_problems(profile: Profile, case_id: int | None = None) -> list[Problem]:
    """The ledger checks alone (no re-hashing): chain, replayed state and the profile's receipts."""
    with profile.session() as s:
        _, chain = ledger.verify_chain(s)
        mismatches = compare(s, replay(ledger.entries(s)), case_id)
        anchor_problems = anchors.check(s, anchors.receipts(profile.data_dir))
    out = [Problem("ledger_broken", None, None, None, c.detail, entry=c.seq) for c in chain]
    out += [Problem("state_mismatch", m.exhibit_id, None, None, m.detail, field=m.field) for m in mismatches]
    out += [
        Problem("anchor", None, None, a.anchor.source, a.detail, entry=a.anchor.seq) for a in anchor_problems
    ]
    return out


def _copies(s: Session, chain: list[LedgerEntry], case_id: int | None) -> list[tuple[MaskedCopy, bool]]:
    """The masked copies (core.redact) to check, each with whether the ledger records making it."""
    made = {
        json.loads(e.payload).get("copy_sha256")
        for e in chain
        if e.action == "redact.copy" and '"copy_sha256"' in e.payload
    }
    q = select(MaskedCopy).order_by(MaskedCopy.id)
    if case_id is not None:
        q = q.join(Exhibit, Exhibit.id == MaskedCopy.exhibit_id).where(Exhibit.case_id == case_id)
    return [(row, row.copy_sha256 in made) for row in s.scalars(q)]


def absent_copies_notice(n: int) -> str:
    return (
        f"{n} 个打码副本的文件不在数据目录中（从不含打码副本的旧版备份恢复后会这样）。"
        "打码副本不是证据：原件和存证日志完好，这不是篡改；"
        "可在“校验完整性”窗口点“重新制作打码副本”（或运行 kami redact remake），"
        "按存证日志登记的遮盖框重新制作。"
    )


def _absent_copies(profile: Profile, copies: list[tuple[MaskedCopy, bool]]) -> int:
    """The copies in use (the newest of each exhibit's image) whose file is not in ``masked/``."""
    newest = {(row.exhibit_id, row.blob_sha256): Path(row.file_name).name for row, _ in copies}
    return sum(1 for name in set(newest.values()) if not (profile.masked_dir / name).is_file())


def _copy_problems(profile: Profile, copies: list[tuple[MaskedCopy, bool]]) -> list[Problem]:
    """A masked copy is derived, never evidence: a missing file can be made again and is not reported;
    a file whose content is not the recorded copy, or a copy the ledger never recorded, is."""
    out = []
    for row, in_ledger in copies:
        path = profile.masked_dir / Path(row.file_name).name
        if not in_ledger:
            out.append(
                Problem(
                    "copy_mismatch",
                    row.exhibit_id,
                    row.blob_sha256,
                    str(path),
                    "存证日志中没有这个打码副本的制作记录",
                )
            )
        if not path.is_file():
            continue
        try:
            digest, _size = sha256_file(path)
        except OSError as exc:
            out.append(
                Problem(
                    "copy_mismatch",
                    row.exhibit_id,
                    row.blob_sha256,
                    str(path),
                    f"打码副本无法读取：{exc.strerror or exc}",
                )
            )
            continue
        if digest != row.copy_sha256:
            out.append(
                Problem(
                    "copy_mismatch",
                    row.exhibit_id,
                    row.blob_sha256,
                    str(path),
                    f"打码副本的 SHA-256 实际为 {digest}，与制作时登记的不符（副本文件已被改动；原件不受影响）",
                )
            )
    return out
