"""Anchored ledger heads: proof that today's ledger extends the one a binder, bundle or backup cited.

A ledger can be rewritten and re-chained by someone with full control of the PC; the chain alone
cannot show it. What can is a head (entry number + hash) that left the app earlier: printed in a
binder's appendix, written into a bundle's or backup's manifest, or kept in the profile's receipts
file (``receipts.jsonl``: one line per head the app handed out). ``check`` proves the current
ledger still holds that entry with that hash — so it extends the anchored ledger — or names the
anchor it breaks.
"""

from __future__ import annotations

import json
import logging
import os
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.errors import UserError
from kami_desktop.core.store.ledger import GENESIS
from kami_desktop.core.store.model import LedgerEntry
from kami_desktop.core.util.timeutil import now

log = logging.getLogger(__name__)

RECEIPTS = "receipts.jsonl"
MAX_MANIFEST = 64 << 20
MAX_RECEIPTS = 32 << 20


class AnchorError(UserError, ValueError):
    """The file given as an anchor is not a bundle, backup or receipts file this app can read."""


@dataclass(frozen=True)
class Anchor:
    seq: int  # 0 = an empty ledger
    hash: str
    kind: str  # dossier | bundle | backup | document | receipt
    source: str  # where the anchor was read from (a file name)
    at: str | None = None


@dataclass(frozen=True)
class AnchorProblem:
    anchor: Anchor
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"anchor": asdict(self.anchor), "detail": self.detail}


def current_head(s: Session) -> tuple[int, str]:
    """(seq, hash) of the newest ledger entry, (0, GENESIS) when there is none."""
    row = s.execute(
        select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def receipt_line(kind: str, seq: int, hash_: str, target: str = "") -> bytes:
    """One line of the receipts file: when, what kind of hand-out, the head, and where it went."""
    line = json.dumps(
        {"at": now().isoformat(), "kind": kind, "seq": seq, "hash": hash_, "target": target},
        ensure_ascii=False,
    )
    return (line + "\n").encode("utf-8")


def record_receipt(data_dir: Path, kind: str, seq: int, hash_: str, target: str = "") -> None:
    """Append a head the app handed out to the profile's receipts file (fsynced; never rewritten)."""
    path = Path(data_dir) / RECEIPTS
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, receipt_line(kind, seq, hash_, target))
        os.fsync(fd)
    finally:
        os.close(fd)


def keep_receipt(data_dir: Path, kind: str, seq: int, hash_: str, target: str = "") -> None:
    """``record_receipt`` for a step that has already succeeded: a full disk is logged, not raised."""
    try:
        record_receipt(data_dir, kind, seq, hash_, target)
    except OSError as exc:
        log.warning("could not keep a receipt for %s: %s", kind, exc)


def receipts(data_dir: Path) -> list[Anchor]:
    path = Path(data_dir) / RECEIPTS
    if not path.is_file():
        return []
    return _receipt_lines(path)


def _receipt_lines(path: Path) -> list[Anchor]:
    if path.stat().st_size > MAX_RECEIPTS:
        raise AnchorError(f"{path.name}：回执文件过大，无法读取")
    out: list[Anchor] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            doc = json.loads(line)
        except ValueError:
            continue  # a torn last line after a crash
        anchor = _anchor(
            doc.get("seq"), doc.get("hash"), str(doc.get("kind") or "receipt"), path.name, doc.get("at")
        )
        if anchor is not None:
            out.append(anchor)
    return out


def _anchor(seq: Any, hash_: Any, kind: str, source: str, at: Any = None) -> Anchor | None:
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    if not isinstance(hash_, str) or len(hash_) != 64:
        return None
    return Anchor(seq, hash_.lower(), kind, source, at if isinstance(at, str) else None)


def anchors_from(path: Path) -> list[Anchor]:
    """The ledger heads a bundle (zip or folder), a backup zip or a receipts file cites."""
    path = Path(path)
    if path.is_dir():
        manifest = path / "manifest.json"
        if not manifest.is_file():
            raise AnchorError(f"{path.name}：文件夹中没有 manifest.json，不是本软件生成的证据包")
        return _from_manifest(manifest.read_bytes(), path.name)
    if not path.is_file():
        raise AnchorError(f"{path}：文件不存在")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [i for i in zf.infolist() if i.filename.rsplit("/", 1)[-1] == "manifest.json"]
            names.sort(key=lambda i: i.filename.count("/"))
            if not names:
                raise AnchorError(f"{path.name}：压缩包中没有 manifest.json，不是本软件生成的证据包或备份")
            if names[0].file_size > MAX_MANIFEST:
                raise AnchorError(f"{path.name}：manifest.json 过大")
            with zf.open(names[0]) as fh:
                return _from_manifest(fh.read(MAX_MANIFEST + 1), path.name)
    if path.suffix.lower() in (".jsonl", ".txt") or path.name == RECEIPTS:
        return _receipt_lines(path)
    if path.suffix.lower() == ".json":
        return _from_manifest(path.read_bytes()[: MAX_MANIFEST + 1], path.name)
    raise AnchorError(f"{path.name}：无法识别（应为证据包、备份或回执文件）")


def _from_manifest(data: bytes, source: str) -> list[Anchor]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise AnchorError(f"{source}：manifest.json 无法解析") from None
    led = doc.get("ledger") if isinstance(doc, dict) else None
    if not isinstance(led, dict):
        raise AnchorError(f"{source}：manifest.json 中没有存证日志末条记录")
    if "head_hash" in led:  # a bundle: the head before the build's own entry
        seq, hash_, kind = led.get("head_seq") or 0, led.get("head_hash"), "bundle"
    else:  # a backup: the whole ledger, so the head is entry number `entries`
        seq, hash_, kind = led.get("entries"), led.get("head"), "backup"
    anchor = _anchor(seq, hash_, kind, source, doc.get("created_at") or doc.get("generated_at"))
    if anchor is None:
        raise AnchorError(f"{source}：manifest.json 中的存证日志末条记录格式不正确")
    return [anchor]


def check(s: Session, anchors: list[Anchor], hashes: dict[int, str] | None = None) -> list[AnchorProblem]:
    """The anchors the current ledger does not extend (truncated below them, or rewritten).

    ``hashes`` maps every entry's seq to its hash, when the caller has read the ledger already."""
    problems: list[AnchorProblem] = []
    if hashes is None:
        total = s.scalar(select(func.count()).select_from(LedgerEntry)) or 0
    else:
        total = len(hashes)
    for a in anchors:
        if a.seq == 0:
            continue
        if hashes is None:
            recorded = s.scalar(select(LedgerEntry.hash).where(LedgerEntry.seq == a.seq))
        else:
            recorded = hashes.get(a.seq)
        when = f"（{a.at[:10]}）" if a.at else ""
        if recorded is None:
            problems.append(
                AnchorProblem(
                    a,
                    f"{a.source}{when}引用的存证日志末条为第 {a.seq} 条，而现在的日志只有 {total} 条："
                    "此后的日志被删除过",
                )
            )
        elif recorded != a.hash:
            problems.append(
                AnchorProblem(
                    a,
                    f"{a.source}{when}引用的存证日志第 {a.seq} 条哈希为 {a.hash[:16]}…，"
                    f"现在的日志中该条哈希为 {recorded[:16]}…：日志在此之前被改写过",
                )
            )
    return problems
