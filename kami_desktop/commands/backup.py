"""kami backup create | verify | restore"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("backup")  # the words this module registers and their help


def register(sub, common) -> None:
    b = sub.add_parser("backup", parents=[common], help=COMMANDS["backup"])
    bs = b.add_subparsers(dest="backup_cmd", metavar="ACTION", required=True)
    c = bs.add_parser("create", parents=[common], help="把数据库和全部原始文件备份到一个 zip 文件")
    c.add_argument("out", type=Path, metavar="OUT.zip")
    c.add_argument("--force", action="store_true", help="OUT.zip 已存在时覆盖")
    c.set_defaults(handler=cmd_create)
    v = bs.add_parser("verify", parents=[common], help="检查备份文件：逐一核对哈希，不恢复")
    v.add_argument("src", type=Path, metavar="IN.zip")
    v.set_defaults(handler=cmd_verify)
    r = bs.add_parser("restore", parents=[common], help="从备份恢复到数据目录（--data-dir）")
    r.add_argument("src", type=Path, metavar="IN.zip")
    r.add_argument(
        "--force",
        action="store_true",
        help="数据目录已有数据时仍然恢复（原数据移到 <目录>.old-<时间> 保留，不删除）",
    )
    r.set_defaults(handler=cmd_restore)


class _TtyProgress:
    """A percentage on stderr when a person is watching; silent in pipes and tests."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.live = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.live or not total:
            return
        now = time.monotonic()
        if now - self.last >= 0.2 or done >= total:
            self.last = now
            sys.stderr.write(f"\r{self.what} {100 * done // total:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def cmd_create(args) -> Outcome:
    from kami_desktop.core.backup import BackupError, create_backup

    with open_profile(args, write=False) as prof:
        try:
            report = create_backup(prof, args.out, overwrite=args.force, progress=_TtyProgress("备份"))
        except BackupError as exc:
            raise UsageError(str(exc)) from exc
    c = report.counts
    lines = [
        f"备份完成：{report.path}（{_mb(report.size)}）",
        f"  案件 {c.get('cases', 0)} 个，证据 {c.get('exhibits', 0)} 件，原始文件 {c.get('blobs', 0)} 个，"
        f"存证日志 {report.ledger_entries} 条" + (f"，打码副本 {report.masked} 个" if report.masked else ""),
    ]
    if report.problems:
        lines.append(
            f"注意：备份时发现 {len(report.problems)} 个问题（已按现状备份，请运行 kami verify 查看）："
        )
        lines += [f"  [{p.kind}] {p.sha256 or ''} {p.detail}" for p in report.problems]
    return Outcome(report.to_json(), "\n".join(lines), 0 if report.ok else 1)


def cmd_verify(args) -> Outcome:
    from kami_desktop.core.backup import verify_backup
    from kami_desktop.core.backup.manifest import MASKED_SINCE

    if not args.src.is_file():
        raise UsageError(f"找不到备份文件 {args.src}")
    check = verify_backup(args.src, progress=_TtyProgress("检查"))
    if check.ok:
        text = (
            f"备份完好：{check.checked} 个文件的哈希全部相符（{_mb(check.bytes)}），"
            f"制作于 {check.created_at}；数据库结构与版本 {check.schema_revision} 一致，"
            f"其中存证日志 {check.ledger_entries} 条，末条哈希 {check.ledger_head}"
        )
        if check.ledger_problems:
            text += "\n注意：备份中的存证日志链校验未通过：" + "；".join(check.ledger_problems)
        if check.source_problems:
            text += f"\n注意：制作备份时原数据已有 {len(check.source_problems)} 个问题（备份如实保存）"
        if check.masked:
            text += f"\n其中打码副本 {check.masked} 个"
        elif check.format_version < MASKED_SINCE:
            text += (
                "\n这份备份由旧版本制作，不含打码副本；如曾制作过，恢复时会按存证日志登记的遮盖框重新制作。"
            )
    elif check.error is None and check.masked_bad:
        text = "\n".join(
            [
                f"备份中 {len(check.masked_bad)} 个打码副本的哈希不符（已损坏或被改动），"
                "恢复时会被略去；证据原件、数据库和存证日志完好："
            ]
            + [f"  {b['name']}：{b['detail']}" for b in check.masked_bad]
        )
    else:
        text = f"备份有问题：{check.error}"
    return Outcome(check.to_json(), text, 0 if check.ok else 1)


def cmd_restore(args) -> Outcome:
    from kami_desktop.core.backup import BackupError, restore_backup
    from kami_desktop.core.profile import default_data_dir

    target = getattr(args, "data_dir", None) or default_data_dir()
    try:
        report = restore_backup(args.src, target, force=args.force, progress=_TtyProgress("恢复"))
    except BackupError as exc:
        raise UsageError(str(exc)) from exc
    _remake_copies(report)
    c = report.counts
    lines = [
        f"恢复完成：{report.data_dir}",
        f"  案件 {c.get('cases', 0)} 个，证据 {c.get('exhibits', 0)} 件，原始文件 {c.get('blobs', 0)} 个，"
        f"存证日志 {report.ledger_entries} 条，全部哈希已核对",
    ]
    if report.moved_aside:
        lines.append(f"  原来的数据已移到 {report.moved_aside}（未删除）")
    if report.migrated_to != report.schema_revision:
        lines.append(f"  数据库已从版本 {report.schema_revision} 升级到 {report.migrated_to}")
    if report.masked_restored:
        lines.append(f"  打码副本 {report.masked_restored} 个，哈希与清单和存证日志一致")
    if report.masked_remade:
        lines.append(
            f"  按存证日志登记的遮盖框重新制作了 {report.masked_remade} 个打码副本（与原副本逐字节相同）"
        )
    if report.masked_left_out:
        lines.append(f"注意：{len(report.masked_left_out)} 个打码副本未恢复（其余数据全部恢复）：")
        lines += [f"  {b['name']}：{b['detail']}" for b in report.masked_left_out]
    lines += [f"提示：{n}" for n in report.notices]
    if not report.verify_ok:
        lines.append(f"注意：恢复后的校验发现 {len(report.problems)} 个问题（数据已按备份原样恢复）：")
        lines += [
            f"  [{p['kind']}] {p['sha256'] or ''} {p['detail']}"
            + ("（备份时已存在）" if p.get("known_at_backup") else "（备份清单中未记录）")
            for p in report.problems
        ]
    ok = report.verify_ok and not report.masked_left_out
    return Outcome(report.to_json(), "\n".join(lines), 0 if ok else 1)


def _remake_copies(report) -> None:
    """The masked copies an older backup did not carry, made again where they come out as recorded."""
    import logging

    from kami_desktop.core.errors import UserError
    from kami_desktop.core.redact.remake import remake_in

    try:
        made = remake_in(report.data_dir)
    except (UserError, OSError) as exc:  # the restore itself is done; the notice stays
        logging.getLogger(__name__).warning("masked copies not remade after a restore: %s", exc)
        return
    report.masked_remade = sum(1 for r in made.remade if r.identical)
    report.notices = made.notices
