"""``build_dossier``: the evidence binder (证据册) and its bundle, from one case, in one call.

Steps: snapshot the case → copy every original out of the vault, re-hashing → stop if any is missing
or altered (unless forced) → lay out the binder → write manifests, the ledger export and the
instructions → zip → move everything into place → append ``dossier.build`` to the ledger.

The staging folder is registered in the profile's placement journal (``store.interrupted``) before work
starts, and what goes where before anything is moved; the ledger entry carries the placement's token.
A kill at any point is resolved when the profile is next opened: the staging folder is removed, a placed
but unrecorded bundle is taken back (an earlier one put back), a recorded one stays.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from kami_desktop.core.dossier.binder import write_binder
from kami_desktop.core.dossier.bundle import Staging, sha256_of
from kami_desktop.core.dossier.manifest import (
    BINDER,
    LEDGER,
    MANIFEST_JSON,
    MANIFEST_TXT,
    README,
    ledger_json,
    manifest_json,
    readme,
    sha256_manifest,
)
from kami_desktop.core.dossier.naming import clean_component
from kami_desktop.core.dossier.online import OnlineFiles, write_online_pdfs
from kami_desktop.core.dossier.options import (
    DossierOptions,
    DossierResult,
    PreflightError,
    PreflightProblem,
    PreflightReport,
)
from kami_desktop.core.dossier.precheck import content_warnings
from kami_desktop.core.dossier.snapshot import CaseSnap, take_snapshot
from kami_desktop.core.dossier.tips import TIPS, write_tips
from kami_desktop.core.evidence.anchors import keep_receipt
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.interrupted import begin_placement, end_placement, placing
from kami_desktop.core.tasks import Cancelled, CancelToken, Progress, no_progress
from kami_desktop.core.util.hashing import sm3_file
from kami_desktop.core.util.timeutil import now

ACTION = "dossier.build"


def bundle_name_for(snap: CaseSnap, options: DossierOptions) -> str:
    return clean_component(options.bundle_name or f"证据册_{snap.title}", 80)


def _blocking(snap: CaseSnap, status: dict[int, str]) -> PreflightReport:
    report = PreflightReport(checked=len(status))
    details = {
        "missing": "证据库中找不到这个原始文件",
        "altered": "原始文件的 SHA-256 与导入时不一致，文件已被改动",
    }
    for e, f in snap.all_files():
        st = status.get(f.id, "ok")
        if st != "ok":
            report.problems.append(
                PreflightProblem(st, e.id, e.number, e.title, details[st], f.id, f.sha256, f.original_name)
            )
    report.problems.extend(content_warnings(snap))
    return report


def build_dossier(
    profile: Profile,
    case_id: int,
    options: DossierOptions,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DossierResult:
    """Build the binder PDF and the bundle folder + zip under ``options.out_dir``.

    Raises ``PreflightError`` when originals are missing or altered and ``options.force`` is off,
    ``Cancelled`` when cancelled, ``DossierError`` for bad input. Nothing that looks complete is left
    behind by a failed or cancelled build.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    snap = take_snapshot(profile, case_id, options.exhibit_ids)
    submitted = options.submitted_on or now().date()
    name = bundle_name_for(snap, options)
    n_files = len(snap.all_files())
    total = 2 * n_files + 3
    stage = Staging(Path(options.out_dir), name)
    try:
        token = begin_placement(profile.work_dir, stage.tmp)
    except BaseException:
        stage.abort()
        raise
    try:
        status = stage.copy_originals(profile, snap, progress, cancel, total)
        timings["copy"] = time.perf_counter() - t0
        report = _blocking(snap, status)
        if report.blocking and not options.force:
            raise PreflightError(report)
        if cancel is not None:
            cancel.raise_if_cancelled()
        t = time.perf_counter()
        pdf = stage.root / BINDER
        binder = write_binder(
            snap,
            options,
            submitted,
            stage.root,
            status,
            pdf,
            stage.tmp / "binder-work.pdf",
            progress,
            cancel,
            n_files,
            total,
        )
        timings["binder"] = time.perf_counter() - t
        online = OnlineFiles()
        if options.online_pdfs:
            progress(2 * n_files + 1, total, "拆分网上立案用的 PDF")
            online = write_online_pdfs(pdf, binder, stage.root, options.online_cap_mb)
            for rel in online.files:
                stage.add_existing(rel)
        progress(2 * n_files + 1, total, "写入校验清单")
        write_tips(snap, stage.root / TIPS)  # the advice: beside the binder, never in it
        stage.add_existing(TIPS)
        pdf_sha = stage.add_existing(BINDER)
        pdf_hashes = {"sha256": pdf_sha, "sm3": sm3_file(pdf), "size": pdf.stat().st_size}
        stage.write(LEDGER, ledger_json(snap))
        example = snap.all_files()[0][1].bundle_path if n_files else BINDER
        stage.write(README, readme(snap, name, example.replace("/", "\\")))
        manifest_sha = stage.write(
            MANIFEST_JSON, manifest_json(snap, options, submitted, binder, pdf_hashes, status)
        )
        txt = sha256_manifest(stage.hashes)
        (stage.root / MANIFEST_TXT).write_bytes(txt)
        zip_path = None
        if options.make_zip:
            progress(2 * n_files + 2, total, "压缩")
            t = time.perf_counter()
            zip_path = stage.write_zip(snap.as_of, cancel)
            timings["zip"] = time.perf_counter() - t
        zip_sha = sha256_of(zip_path) if zip_path else None
        if cancel is not None:
            cancel.raise_if_cancelled()
        placing(profile.work_dir, token, stage.tmp, stage.placement_items(manifest_sha, zip_sha))
        final, final_zip = stage.place()
    except BaseException:
        stage.abort()
        end_placement(profile.work_dir, token)
        raise
    payload = {
        "bundle": name,
        "pdf_sha256": pdf_sha,
        "pdf_sm3": pdf_hashes["sm3"],
        "manifest_sha256": manifest_sha,
        "manifest_txt_sha256": hashlib.sha256(txt).hexdigest(),
        "zip_sha256": zip_sha,
        "pages": binder.pages,
        "exhibits": [e.id for e in snap.exhibits],
        "ledger_head": snap.ledger_head,
        "forced_problems": [p.to_json() for p in report.blocking],
        "placement": token,
    }
    try:
        with profile.session() as s:
            entry = ledger.append(s, ACTION, payload, case_id=case_id)
            seq, entry_hash = entry.seq, entry.hash
    except BaseException:
        # without its ledger record the bundle must not stand: take it away, put the earlier one back
        stage.unplace()
        stage.abort()
        end_placement(profile.work_dir, token)
        raise
    stage.finish()
    end_placement(profile.work_dir, token)
    keep_receipt(profile.data_dir, "dossier", seq, entry_hash, str(final))
    progress(total, total, "完成")
    timings["total"] = time.perf_counter() - t0
    return DossierResult(
        pdf=final / BINDER,
        bundle=final,
        zip=final_zip,
        pages=binder.pages,
        exhibits=binder.exhibits,
        pdf_sha256=pdf_sha,
        manifest_sha256=manifest_sha,
        zip_sha256=zip_sha,
        ledger_head=snap.ledger_head,
        ledger_seq=seq,
        problems=[p.to_json() for p in report.blocking],
        timings=timings,
        online=[final / rel for rel in online.files],
        warnings=list(online.too_large),
        tips=final / TIPS,
    )


__all__ = ["ACTION", "Cancelled", "build_dossier"]
