"""kami doc generate | attachments — the documents for each rung of the ladder."""

from __future__ import annotations

from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

KIND_CHOICES = ["demand", "complaint-12315", "heimao", "lawsuit", "lawsuit-elements", "evidence-list"]


COMMANDS = group_commands("doc")  # the words this module registers and their help


def register(sub, common) -> None:
    p = sub.add_parser("doc", parents=[common], help=COMMANDS["doc"])
    ds = p.add_subparsers(dest="doc_cmd", metavar="ACTION", required=True)

    gen = ds.add_parser("generate", parents=[common], help="生成文书（DOCX/PDF）")
    gen.add_argument("--case", type=int, required=True, dest="case_id")
    gen.add_argument(
        "--kind",
        required=True,
        choices=KIND_CHOICES,
        help="demand 催告函 | complaint-12315 12315投诉填写单 | heimao 黑猫投诉 | lawsuit 起诉状 | "
        "lawsuit-elements 要素式起诉状 | evidence-list 证据目录",
    )
    gen.add_argument("--out", type=Path, required=True, help="输出文件夹")
    gen.add_argument("--format", dest="fmt", choices=["docx", "pdf", "both"], default="docx")
    gen.add_argument(
        "--workdays", type=int, help="催告期限（工作日，3–7；默认按维权进度中记录的期限，未记录为7）"
    )
    gen.add_argument(
        "--interest-from",
        dest="interest_from",
        help="利息起算日 YYYY-MM-DD（默认：催告期满次日，期限自催告函送达之日起算）",
    )
    gen.add_argument("--interest-to", dest="interest_to", help="利息暂计至 YYYY-MM-DD（默认：文书日期）")
    gen.add_argument(
        "--lpr",
        choices=("formation", "per-period"),
        help="适用哪个一年期LPR：formation＝合同成立时的LPR（默认，预付式消费解释第17条）；"
        "per-period＝同期LPR，LPR调整时分段计算",
    )
    gen.add_argument(
        "--lpr-date",
        dest="lpr_date",
        help="合同成立日 YYYY-MM-DD（formation 时适用该日的LPR；默认：首次充值日）",
    )
    gen.add_argument("--date", help="文书日期 YYYY-MM-DD（落款、提交日期；也用作文件时间）")
    gen.add_argument(
        "--sent-on", dest="sent_on", help="催告函发出日期 YYYY-MM-DD（默认：维权进度中的发函日期）"
    )
    gen.add_argument("--termination", action="store_true", help="催告函同时作为解除合同通知")
    gen.add_argument(
        "--no-limitation",
        dest="interrupt_limitation",
        action="store_false",
        default=None,
        help="催告函中不写中断诉讼时效的表述",
    )
    gen.add_argument("--channel", help="催告函送达方式，如 EMS邮寄")
    gen.add_argument("--court", help="受诉法院名称")
    gen.add_argument("--cause", help="案由（默认：信息网络买卖合同纠纷）")
    gen.add_argument("--manifest", type=Path, help="证据册清单 JSON（用于证据目录的页码）")
    gen.set_defaults(handler=cmd_generate)

    att = ds.add_parser(
        "attachments", parents=[common], help="导出12315投诉附件（JPG，每个≤2MB，长截图分段）"
    )
    att.add_argument("--case", type=int, required=True, dest="case_id")
    att.add_argument("--out", type=Path, required=True, help="输出文件夹")
    att.add_argument(
        "--limits", type=Path, help="限制数据文件 limits.json（默认：个人资料目录中的副本或内置文件）"
    )
    att.add_argument("--channel", default="12315", help="渠道：12315 / heimao / jutousu（默认 12315）")
    att.set_defaults(handler=cmd_attachments)


OPTION_ARGS = (
    "workdays",
    "interest_from",
    "interest_to",
    "lpr",
    "lpr_date",
    "date",
    "sent_on",
    "interrupt_limitation",
    "channel",
    "court",
    "cause",
    "manifest",
)


def _options(args) -> dict:
    opts = {k: getattr(args, k) for k in OPTION_ARGS if getattr(args, k, None) is not None}
    if args.termination:
        opts["termination"] = True
    return opts


def cmd_generate(args) -> Outcome:
    from kami_desktop.core.documents import DocumentError, generate

    try:
        with open_profile(args) as prof:
            doc = generate(prof, args.case_id, args.kind, args.out, args.fmt, _options(args))
    except DocumentError as exc:
        raise UsageError(str(exc)) from exc
    data = doc.to_json()
    lines = [f"已生成{doc.title}："] + [f"  {p}" for p in doc.paths]
    if doc.missing:
        lines.append("待填写：" + "；".join(doc.missing))
    lines += [f"注意：{w}" for w in doc.warnings]
    return Outcome(data, "\n".join(lines))


def cmd_attachments(args) -> Outcome:
    from kami_desktop.core.documents import AttachmentError, DocumentError, export_12315_attachments
    from kami_desktop.core.documents.attachments import LIST_NAME
    from kami_desktop.core.legal.data import LegalDataError

    try:
        with open_profile(args) as prof:
            results = export_12315_attachments(
                prof, args.case_id, args.out, args.limits, channel=args.channel
            )
    except (AttachmentError, DocumentError, LegalDataError, KeyError) as exc:
        raise UsageError(str(exc)) from exc
    data = {
        "files": [r.to_json() for r in results],
        "list": str(Path(args.out) / LIST_NAME),
        "count": len(results),
    }
    text = "\n".join(
        [f"已导出 {len(results)} 个附件到 {args.out}"] + [f"  {r.name}  {r.size // 1024} KB" for r in results]
    )
    return Outcome(data, text)
