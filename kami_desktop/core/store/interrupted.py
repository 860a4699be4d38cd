"""Work a kill can cut in two, and how the next opening of the profile finishes or undoes it.

Two kinds, each with a journal written before its first irreversible step:

- **A restore's swap.** ``restore_backup`` fills ``.<name>.restore-<id>.part`` beside the data folder,
  verifies it, then writes ``READY`` into it naming where the current data goes (``<name>.old-<time>``)
  before the two renames. ``finish_restore`` (run by whoever takes the profile's lock from nobody)
  completes a marked swap — the current data is moved aside, never deleted — and removes staging
  folders that never got the mark.
- **Placing an output and recording it** (the evidence binder's bundle). ``<data>/work/place-<token>.json``
  names the staging folder first; before the renames it is rewritten with what goes where and how to
  recognise the new output. The ledger entry that records the build carries ``"placement": token``, and
  it is the commit point: ``resolve_placements`` keeps a recorded output (and drops the earlier one kept
  aside), and takes back an unrecorded one (putting the earlier one back). Either way the staging folder
  — hundreds of MB for a large binder — is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kami_desktop.core.util.fsutil import (
    atomic_write_text,
    fsync_dir,
    make_private_dir,
    remove_tree,
    replace_with_retry,
)
from kami_desktop.core.util.hashing import CHUNK
from kami_desktop.core.util.timeutil import now

log = logging.getLogger(__name__)

READY = ".restore-ready.json"
WORK_DIR = "work"


# ------------------------------------------------------------------ restore
def restore_stagings(target: Path) -> list[Path]:
    return sorted(p for p in target.parent.glob(f".{target.name}.restore-*.part") if p.is_dir())


def aside_name(target: Path) -> Path:
    """``<name>.old-<time>``, not yet taken."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    cand = target.with_name(f"{target.name}.old-{stamp}")
    n = 2
    while cand.exists():
        cand = target.with_name(f"{target.name}.old-{stamp}-{n}")
        n += 1
    return cand


def mark_ready(staging: Path, aside: Path | None) -> None:
    """The staged folder is complete and verified: from here on the restore is completed, not undone."""
    atomic_write_text(staging / READY, json.dumps({"aside": str(aside) if aside else None}))


def swap_in(staging: Path, target: Path, aside: Path | None) -> Path | None:
    """The two renames of a restore, each skipped when already done; returns where the old data went.
    The caller syncs the parent folder."""
    moved = None
    if target.exists():
        moved = aside if aside is not None and not aside.exists() else aside_name(target)
        replace_with_retry(target, moved)
    replace_with_retry(staging, target)
    with contextlib.suppress(FileNotFoundError):
        (target / READY).unlink()
    return moved


def finish_restore(target: Path) -> dict[str, Any]:
    """Complete a restore killed after its mark, drop unmarked staging folders. Caller holds the lock."""
    out: dict[str, Any] = {"restore_completed": None, "restore_staging_removed": 0}
    with contextlib.suppress(FileNotFoundError):
        (target / READY).unlink()  # killed just after the second rename
    for staging in restore_stagings(target):
        marker = staging / READY
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remove_tree(staging, ignore_errors=True)
            out["restore_staging_removed"] += 1
            continue
        if out["restore_completed"] is not None:
            remove_tree(staging, ignore_errors=True)  # an older marked one: the newest wins
            out["restore_staging_removed"] += 1
            continue
        aside = Path(info["aside"]) if isinstance(info, dict) and info.get("aside") else None
        moved = swap_in(staging, target, aside)
        with contextlib.suppress(OSError):
            fsync_dir(target.parent)
        out["restore_completed"] = {"from": str(staging), "moved_aside": str(moved) if moved else None}
        log.warning("completed an interrupted restore into %s (earlier data: %s)", target, moved)
    return out


# ------------------------------------------------------------------ placements
def _journal(work: Path, token: str) -> Path:
    return work / f"place-{token}.json"


def begin_placement(work: Path, staging: Path) -> str:
    """Register a staging folder before anything is written into it; returns the placement's token."""
    make_private_dir(work)
    token = secrets.token_hex(8)
    atomic_write_text(_journal(work, token), json.dumps({"state": "staging", "staging": str(staging)}))
    return token


def placing(work: Path, token: str, staging: Path, items: list[dict[str, str]]) -> None:
    """About to rename. ``items``: ``{"final", "kept", "sha256", "check"}`` — the new output will be at
    ``final`` (recognised by the SHA-256 of ``final/check``, or of ``final`` when ``check`` is empty) and an
    earlier one there is kept at ``kept`` until the ledger records the build."""
    body = {"state": "placing", "staging": str(staging), "items": items}
    atomic_write_text(_journal(work, token), json.dumps(body, ensure_ascii=False))


def end_placement(work: Path, token: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _journal(work, token).unlink()


def _sha256(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _is_new(item: dict[str, str]) -> bool:
    final = Path(item["final"])
    probe = final / item["check"] if item.get("check") else final
    return probe.is_file() and _sha256(probe) == item["sha256"]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        remove_tree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def take_back(items: list[dict[str, str]]) -> None:
    """Remove the new outputs that reached their place and put the earlier ones back."""
    for item in items:
        final, kept = Path(item["final"]), Path(item["kept"])
        if _is_new(item):
            _remove(final)
        if kept.exists() and not final.exists():
            with contextlib.suppress(OSError):
                replace_with_retry(kept, final)


def resolve_placements(work: Path, recorded: Callable[[str], bool]) -> dict[str, int]:
    """Keep recorded outputs, take back unrecorded ones, remove every staging folder. Caller holds the lock."""
    out = {"placements_kept": 0, "placements_undone": 0, "staging_removed": 0}
    if not work.is_dir():
        return out
    for journal in sorted(work.glob("place-*.json")):
        token = journal.name[len("place-") : -len(".json")]
        try:
            info = json.loads(journal.read_text(encoding="utf-8"))
            staging = Path(info["staging"])
            items = list(info.get("items", []))
        except (OSError, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                journal.unlink()
            continue
        if info.get("state") == "placing":
            if recorded(token):
                out["placements_kept"] += 1
            else:
                take_back(items)
                out["placements_undone"] += 1
        if staging.exists():
            remove_tree(staging, ignore_errors=True)
            out["staging_removed"] += 1
        with contextlib.suppress(OSError):
            journal.unlink()
    if any(out.values()):
        log.warning("resolved interrupted output placements: %s", out)
    return out
