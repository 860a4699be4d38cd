"""kami case new|list|show|edit|archive"""

from __future__ import annotations

import re

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, open_profile

COMMANDS = group_commands("case")  # the words this module registers and their help


def register(sub, common) -> None:
    p = sub.add_parser("case", parents=[common], help=COMMANDS["case"])
    cs = p.add_subparsers(dest="case_cmd", metavar="ACTION", required=True)

    new = cs.add_parser("new", parents=[common], help="新建案件")
    _fields(new)
    new.set_defaults(handler=cmd_new)

    ls = cs.add_parser("list", parents=[common], help="列出案件")
    ls.add_argument("--active", action="store_true", help="不含已归档")
    ls.set_defaults(handler=cmd_list)

    show = cs.add_parser("show", parents=[common], help="查看案件")
    show.add_argument("id", type=int)
    show.set_defaults(handler=cmd_show)

    edit = cs.add_parser("edit", parents=[common], help="修改案件")
    edit.add_argument("id", type=int)
    _fields(edit, required=False)
    edit.set_defaults(handler=cmd_edit)

    arch = cs.add_parser("archive", parents=[common], help="归档（--undo 取消归档）")
    arch.add_argument("id", type=int)
    arch.add_argument("--undo", action="store_true")
    arch.set_defaults(handler=cmd_archive)


def _fields(p, required: bool = True) -> None:
    p.add_argument("--title", required=required, help="案件名称")
    p.add_argument("--platform", dest="platform_name", help="平台名称")
    p.add_argument("--url", dest="platform_url", help="平台网址")
    p.add_argument(
        "--cause",
        dest="causes",
        action="append",
        help="纠纷原因（可重复或用逗号分隔多个）：隐性规则扣款/自动续费扣款/付款后未交付/技术故障扣款/恶意扣款/未知",
    )
    p.add_argument("--discovered", dest="discovered_on", help="发现扣款的日期 YYYY-MM-DD")
    p.add_argument("--amount", dest="claimed_amount", help="主张金额（元）")
    p.add_argument("--stage", help="维权阶段：协商/投诉/诉讼/结案")
    p.add_argument("--notes")


FIELDS = (
    "title",
    "platform_name",
    "platform_url",
    "discovered_on",
    "claimed_amount",
    "stage",
    "notes",
)


def _given(args) -> dict:
    out = {k: getattr(args, k) for k in FIELDS if getattr(args, k, None) is not None}
    if getattr(args, "causes", None):
        out["causes"] = [c for arg in args.causes for c in re.split(r"[,，、]", arg) if c.strip()]
    return out


def cmd_new(args) -> Outcome:
    from kami_desktop.core.case.cases import case_summary, create_case

    fields = _given(args)
    title = fields.pop("title")
    with open_profile(args) as prof, prof.session() as s:
        case = create_case(s, title, **fields)
        data = case_summary(case)
    return Outcome(data, f"已新建案件 {data['id']}：{data['title']}")


def cmd_list(args) -> Outcome:
    from kami_desktop.core.case.cases import case_summary, counts, list_cases

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = []
        for c in list_cases(s, include_archived=not args.active):
            d = case_summary(c)
            d["exhibits"] = counts(s, c.id).exhibits
            rows.append(d)
    text = (
        "\n".join(
            f"{r['id']:>4}  {r['title']}  {r['platform_name']}  证据 {r['exhibits']} 件"
            + ("  [已归档]" if r["archived"] else "")
            for r in rows
        )
        or "（还没有案件）"
    )
    return Outcome({"cases": rows}, text)


def cmd_show(args) -> Outcome:
    from kami_desktop.core.case.cases import case_summary, counts, get_case
    from kami_desktop.core.case.discovery import suggested_discovery
    from kami_desktop.core.case.parties import party_summary

    with open_profile(args, write=False) as prof, prof.session() as s:
        case = get_case(s, args.id)
        data = case_summary(case)
        c = counts(s, case.id)
        data["exhibits"] = c.exhibits
        data["trashed"] = c.trashed
        data["parties"] = [party_summary(p) for p in case.parties]
        offered = suggested_discovery(s, case.id)
        data["discovered_on_suggested"] = offered.isoformat() if offered else None
    text = "\n".join(f"{k}: {v}" for k, v in data.items() if k != "parties")
    if offered:
        text += (
            f"\n提示：尚未填写发现扣款日期，建议填最早的主张项日期 {offered.isoformat()}"
            f"（kami case edit {case.id} --discovered {offered.isoformat()}）；期限暂按该日计算。"
        )
    return Outcome(data, text)


def cmd_edit(args) -> Outcome:
    from kami_desktop.core.case.cases import case_summary, update_case

    with open_profile(args) as prof, prof.session() as s:
        data = case_summary(update_case(s, args.id, **_given(args)))
    return Outcome(data, f"已保存案件 {data['id']}")


def cmd_archive(args) -> Outcome:
    from kami_desktop.core.case.cases import archive_case, case_summary

    with open_profile(args) as prof, prof.session() as s:
        data = case_summary(archive_case(s, args.id, archived=not args.undo))
    return Outcome(data, ("已取消归档" if args.undo else "已归档") + f" 案件 {data['id']}")
