"""Problems before building: files that are missing or no longer match their hash, and gaps a clerk
would notice (no 证明目的, no 来源, an exhibit without files). The user decides; nothing is dropped.
"""

from __future__ import annotations

from kami_desktop.core.dossier.options import PreflightProblem, PreflightReport
from kami_desktop.core.dossier.snapshot import CaseSnap, ExhibitSnap, FileSnap, take_snapshot
from kami_desktop.core.evidence.verify import ledger_problems
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.hashing import sha256_file


def _problem(kind: str, e: ExhibitSnap, detail: str, f: FileSnap | None = None) -> PreflightProblem:
    """A problem about exhibit `e`, and about one of its files when `f` is given."""
    if f is None:
        return PreflightProblem(kind, e.id, e.number, e.title, detail)
    return PreflightProblem(kind, e.id, e.number, e.title, detail, f.id, f.sha256, f.original_name)


def file_problem(
    profile: Profile, e: ExhibitSnap, f: FileSnap, cancel: CancelToken | None = None
) -> PreflightProblem | None:
    """Re-hash one stored original; None when it is present and unchanged."""
    path = profile.blob_path(f.sha256)
    if not path.is_file():
        return _problem("missing", e, "证据库中找不到这个原始文件", f)
    try:
        digest, size = sha256_file(path, cancel=cancel)
    except OSError as exc:
        return _problem("missing", e, f"无法读取原始文件：{exc.strerror or exc}", f)
    if digest != f.sha256 or size != f.size:
        return _problem("altered", e, "原始文件的 SHA-256 与导入时不一致，文件已被改动", f)
    return None


def content_warnings(snap: CaseSnap) -> list[PreflightProblem]:
    out: list[PreflightProblem] = []
    for e in snap.exhibits:
        if not e.files:
            out.append(_problem("empty", e, "这件证据没有文件"))
        if not e.purpose.strip():
            out.append(_problem("incomplete", e, "未填写证明目的"))
        if not e.source.strip():
            out.append(_problem("incomplete", e, "未填写证据来源"))
        for f in e.files:
            if f.problem:  # the note names the file already ("视频文件“a.mp4”无法打开…"): once is enough
                named = f.original_name in f.problem
                detail = f.problem if named else f"{f.original_name}：{f.problem}"
                out.append(_problem("damaged", e, detail, f))
    return out


def preflight(
    profile: Profile,
    case_id: int,
    exhibit_ids: list[int] | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PreflightReport:
    """Re-hash every file the binder would print; report what is missing, altered or incomplete."""
    snap = take_snapshot(profile, case_id, exhibit_ids)
    return check_snapshot(profile, snap, progress=progress, cancel=cancel)


def check_snapshot(
    profile: Profile, snap: CaseSnap, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> PreflightReport:
    report = PreflightReport()
    report.advice = [f"证据{e.number}《{e.title}》：{a}" for e in snap.exhibits for a in e.advice]
    pairs = snap.all_files()
    progress(0, len(pairs), "检查原始文件")
    for i, (e, f) in enumerate(pairs, start=1):
        if cancel is not None and cancel():
            report.cancelled = True
            return report
        problem = file_problem(profile, e, f, cancel)
        if problem is not None:
            report.problems.append(problem)
        report.checked = i
        progress(i, len(pairs), f.original_name)
    report.problems.extend(content_warnings(snap))
    report.problems.extend(_ledger_disagreements(profile, snap))
    report.problems.sort(key=lambda p: (p.number, not p.blocking))
    return report


def _ledger_disagreements(profile: Profile, snap: CaseSnap) -> list[PreflightProblem]:
    """What the database says but the ledger does not (edited rows, forged entries, a rewritten ledger)."""
    numbers = {e.id: (e.number, e.title) for e in snap.exhibits}
    out: list[PreflightProblem] = []
    for p in ledger_problems(profile, snap.id):
        number, title = numbers.get(p.exhibit_id or -1, (0, "存证日志"))
        out.append(PreflightProblem("ledger", p.exhibit_id or 0, number, title, p.detail))
    return out
