"""kami dossier build|check · kami bundle verify"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("dossier")  # the words this module registers and their help


def register(sub, common) -> None:
    d = sub.add_parser("dossier", parents=[common], help=COMMANDS["dossier"])
    ds = d.add_subparsers(dest="dossier_cmd", metavar="ACTION", required=True)

    b = ds.add_parser("build", parents=[common], help="生成证据册（PDF）与证据包（文件夹 + zip）")
    b.add_argument("--case", type=int, required=True, dest="case_id")
    b.add_argument("--out", type=Path, required=True, help="输出文件夹")
    b.add_argument("--exhibits", help="只编入这些证据，按给出的顺序，如 3,1,2（默认：全部，按案件顺序）")
    b.add_argument("--no-attachments", action="store_true", help="不把原始文件作为附件嵌入 PDF")
    b.add_argument(
        "--attachment-cap",
        type=float,
        default=None,
        metavar="MB",
        help="嵌入 PDF 的原始文件总大小上限（MB，默认 100）",
    )
    b.add_argument("--force", action="store_true", help="原始文件缺失或被改动时仍然生成（相应页面会注明）")
    b.add_argument("--date", help="提交日期 YYYY-MM-DD（默认：今天）")
    b.add_argument("--submitter", default="", help="提交人，如“原告 张三”（默认留空，手写填写）")
    b.add_argument("--court", default="", help="受理法院")
    b.add_argument("--cause", default=None, help="案由（默认：信息网络买卖合同纠纷）")
    b.add_argument("--case-number", default="", help="案号（立案后才有）")
    b.add_argument("--summary", default="", help="案情简述（可选，单独一页）")
    b.add_argument("--name", default=None, help="证据包名称（默认：证据册_案件名称）")
    b.add_argument("--no-zip", action="store_true", help="不生成 zip")
    b.add_argument(
        "--online",
        action="store_true",
        help="另存网上立案用的文件：每件证据一个 PDF（证据NN_名称.pdf）和单独的证据目录 PDF",
    )
    b.add_argument(
        "--online-cap",
        type=float,
        default=10.0,
        metavar="MB",
        help="网上立案单个文件的大小上限（默认 10 MB）",
    )
    b.set_defaults(handler=cmd_build)

    c = ds.add_parser("check", parents=[common], help="生成前检查：原始文件缺失/被改动、信息不全")
    c.add_argument("--case", type=int, required=True, dest="case_id")
    c.add_argument("--exhibits", help="只检查这些证据，如 3,1,2")
    c.set_defaults(handler=cmd_check)

    bu = sub.add_parser("bundle", parents=[common], help=COMMANDS["bundle"])
    bs = bu.add_subparsers(dest="bundle_cmd", metavar="ACTION", required=True)
    v = bs.add_parser("verify", parents=[common], help="按 manifest-sha256.txt 校验证据包（文件夹或 zip）")
    v.add_argument("path", type=Path, metavar="PATH")
    v.set_defaults(handler=cmd_verify)


def _ids(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        return [int(x) for x in text.replace("，", ",").split(",") if x.strip()]
    except ValueError:
        raise UsageError(f"--exhibits 应为逗号分隔的证据编号，如 3,1,2：{text!r}") from None


def _problem_lines(problems) -> list[str]:
    return [
        f"  [{p['kind']}] 证据{p['number']}《{p['title']}》"
        + (f" {p['original_name']}" if p.get("original_name") else "")
        + f"：{p['detail']}"
        for p in problems
    ]


def cmd_build(args) -> Outcome:
    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.dossier.options import (
        DEFAULT_ATTACHMENT_CAP_MB,
        DEFAULT_CAUSE,
        DossierError,
        DossierOptions,
        PreflightError,
    )

    try:
        submitted = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise UsageError(f"--date 应为 YYYY-MM-DD：{args.date!r}") from None
    cap = DEFAULT_ATTACHMENT_CAP_MB if args.attachment_cap is None else args.attachment_cap
    if cap < 0:
        raise UsageError("--attachment-cap 不能为负数")
    opts = DossierOptions(
        out_dir=args.out,
        exhibit_ids=_ids(args.exhibits),
        attachments=not args.no_attachments,
        attachment_cap_mb=cap,
        submitted_on=submitted,
        submitter=args.submitter,
        court=args.court,
        cause=DEFAULT_CAUSE if args.cause is None else args.cause,
        case_number=args.case_number,
        summary=args.summary,
        bundle_name=args.name,
        make_zip=not args.no_zip,
        force=args.force,
        online_pdfs=args.online,
        online_cap_mb=args.online_cap,
    )
    with open_profile(args) as prof:
        try:
            result = build_dossier(prof, args.case_id, opts)
        except PreflightError as exc:
            problems = [p.to_json() for p in exc.report.problems]
            blocking = [p for p in problems if p["blocking"]]
            text = "\n".join(
                [
                    f"未生成证据册：{len(blocking)} 个原始文件缺失或已被改动（确认后可加 --force 强制生成）：",
                    *_problem_lines(blocking),
                ]
            )
            return Outcome({"ok": False, "problems": problems}, text, 1)
        except DossierError as exc:
            raise UsageError(str(exc)) from None
    data = result.to_json()
    data["ok"] = True
    lines = [f"证据册：{result.pdf}（共 {result.pages} 页）", f"证据包：{result.bundle}"]
    if result.zip:
        lines.append(f"压缩包：{result.zip}")
    lines += [f"  证据{e.number} {e.title}：第 {e.first_page}–{e.last_page} 页" for e in result.exhibits]
    if result.online:
        lines.append(f"网上立案用文件 {len(result.online)} 个：{result.online[0].parent}")
    lines += [f"注意：{w}" for w in result.warnings]
    if result.problems:
        lines.append(f"注意：已强制生成，{len(result.problems)} 个文件缺失或被改动，相应页面已注明。")
    return Outcome(data, "\n".join(lines))


def cmd_check(args) -> Outcome:
    from kami_desktop.core.dossier.options import DossierError
    from kami_desktop.core.dossier.precheck import preflight

    with open_profile(args, write=False) as prof:
        try:
            report = preflight(prof, args.case_id, _ids(args.exhibits))
        except DossierError as exc:
            raise UsageError(str(exc)) from None
    data = report.to_json()
    if not report.problems:
        return Outcome(data, f"检查通过：{report.checked} 个文件完好，信息齐全")
    head = "可以生成" if report.ok else "不能直接生成（原始文件缺失或被改动）"
    text = "\n".join(
        [
            f"{head}：已检查 {report.checked} 个文件，发现 {len(report.problems)} 个问题：",
            *_problem_lines(data["problems"]),
        ]
    )
    return Outcome(data, text, 0 if report.ok else 1)


def cmd_verify(args) -> Outcome:
    # only the stand-alone verifier: no profile, no database
    from kami_desktop.core.dossier.bundle_verify import NotABundle, UnsafeBundle, verify_bundle

    try:
        report = verify_bundle(args.path)
    except (NotABundle, UnsafeBundle, OSError) as exc:
        message = str(exc) if not isinstance(exc, OSError) else f"无法读取 {args.path}：{exc.strerror or exc}"
        sys.stderr.write(f"kami: 错误：{message}\n")
        kind = "unsafe" if isinstance(exc, UnsafeBundle) else "not_a_bundle"
        return Outcome(
            {"ok": False, "checked": 0, "problems": [], "error": message, "error_kind": kind}, message, 2
        )
    data = report.to_json()
    if report.ok:
        text = f"校验通过：{report.checked} 个文件与清单一致，没有多余文件"
    else:
        names = {"missing": "缺失", "altered": "被改动", "extra": "多出"}
        text = "\n".join(
            [f"校验未通过：已检查 {report.checked} 个文件，发现 {len(report.problems)} 个问题："]
            + [f"  [{names.get(p.kind, p.kind)}] {p.path}：{p.detail}" for p in report.problems]
        )
    return Outcome(data, text, 0 if report.ok else 1)
