"""kami fact add|list|edit|remove|suggest|accept|dismiss|restore and kami step add|list|remove"""

from __future__ import annotations

import argparse

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("fact")  # the words this module registers and their help


def register(sub, common) -> None:
    p = sub.add_parser("fact", parents=[common], help=COMMANDS["fact"])
    fs = p.add_subparsers(dest="fact_cmd", metavar="ACTION", required=True)

    add = fs.add_parser("add", parents=[common], help="记录一条事实")
    add.add_argument("--case", type=int, required=True, dest="case_id")
    add.add_argument(
        "--at", required=True, dest="occurred_at", help="发生时间，如 2025-03-12 20:30 或 2025-03-12"
    )
    add.add_argument(
        "--kind", required=True, help="充值/扣款/未到账/未交付/申请退款/平台答复/退款/投诉/起诉/其他"
    )
    add.add_argument("--description", default="", help="经过")
    add.add_argument("--disputed", action="store_true", help="对方有争议")
    add.add_argument(
        "--exhibit", type=int, action="append", default=[], dest="exhibit_ids", help="关联证据的 id（可重复）"
    )
    add.set_defaults(handler=cmd_add)

    ls = fs.add_parser("list", parents=[common], help="时间线（按时间排序）")
    ls.add_argument("--case", type=int, required=True, dest="case_id")
    ls.set_defaults(handler=cmd_list)

    ed = fs.add_parser("edit", parents=[common], help="修改事实")
    ed.add_argument("id", type=int)
    ed.add_argument("--at", dest="occurred_at")
    ed.add_argument("--kind")
    ed.add_argument("--description")
    ed.add_argument("--disputed", action=argparse.BooleanOptionalAction, default=None)
    ed.add_argument(
        "--exhibit",
        type=int,
        action="append",
        dest="exhibit_ids",
        help="关联证据的 id（可重复；替换原有关联）",
    )
    ed.add_argument("--no-exhibits", action="store_true", help="取消全部证据关联")
    ed.set_defaults(handler=cmd_edit)

    rm = fs.add_parser("remove", parents=[common], help="删除事实")
    rm.add_argument("id", type=int)
    rm.set_defaults(handler=cmd_remove)

    sg = fs.add_parser("suggest", parents=[common], help="从账单和聊天记录中找出待确认的事实")
    sg.add_argument("--case", type=int, required=True, dest="case_id")
    sg.set_defaults(handler=cmd_suggest)

    for name, help_text, handler in (
        ("accept", "确认一条建议，记为事实", cmd_accept),
        ("dismiss", "忽略一条建议", cmd_dismiss),
        ("restore", "重新显示已忽略的建议", cmd_restore),
    ):
        a = fs.add_parser(name, parents=[common], help=help_text)
        a.add_argument("--case", type=int, required=True, dest="case_id")
        a.add_argument("origin", help="建议的来源，如 bill:12 或 chat:345")
        if name == "accept":
            a.add_argument("--kind", help="改为其他事实类型")
            a.add_argument("--description", help="改写经过")
            a.add_argument("--disputed", action="store_true")
        a.set_defaults(handler=handler)

    st = sub.add_parser("step", parents=[common], help=COMMANDS["step"])
    ss = st.add_subparsers(dest="step_cmd", metavar="ACTION", required=True)
    sa = ss.add_parser("add", parents=[common], help="记录一步进展")
    sa.add_argument("--case", type=int, required=True, dest="case_id")
    sa.add_argument(
        "--kind", required=True, help="如 demand_sent、complaint_12315_filed、lawsuit_filed（或中文名称）"
    )
    sa.add_argument("--on", required=True, help="日期 YYYY-MM-DD")
    sa.add_argument("--channel", default="", help="方式或渠道，如 邮件、EMS、12315平台")
    sa.add_argument("--reference", default="", help="投诉单号、快递单号等")
    sa.add_argument("--note", default="")
    sa.add_argument("--planned", action="store_true", help="计划中的进展（不参与期限计算）")
    sa.add_argument(
        "--workdays", type=int, default=None, help="催告函给出的答复期限（3–7个工作日，默认按7计算）"
    )
    sa.set_defaults(handler=cmd_step_add)
    sl = ss.add_parser("list", parents=[common], help="列出进展")
    sl.add_argument("--case", type=int, required=True, dest="case_id")
    sl.set_defaults(handler=cmd_step_list)
    sr = ss.add_parser("remove", parents=[common], help="删除一步进展")
    sr.add_argument("id", type=int)
    sr.set_defaults(handler=cmd_step_remove)
    sk = ss.add_parser("kinds", parents=[common], help="列出可用的进展类型")
    sk.set_defaults(handler=cmd_step_kinds)


def _fact_line(e: dict) -> str:
    when = (e["occurred_at"] or "")[:16].replace("T", " ")
    nums = "、".join(
        f"证据{x['number']}" if x["number"] else f"证据id {x['id']}（已删除）" for x in e["exhibits"]
    )
    return (
        f"[{e['id']}] {when}  {e['kind_label']}  {e['description']}"
        + ("  [有争议]" if e["disputed"] else "")
        + (f"  （{nums}）" if nums else "")
    )


def cmd_add(args) -> Outcome:
    from kami_desktop.core.case.facts import add_fact, fact_summary

    with open_profile(args) as prof, prof.session() as s:
        f = add_fact(
            s,
            args.case_id,
            args.occurred_at,
            args.kind,
            args.description,
            disputed=args.disputed,
            exhibit_ids=args.exhibit_ids,
        )
        data = fact_summary(f)
    return Outcome(data, f"已记录事实 {data['id']}：{data['kind_label']}")


def cmd_list(args) -> Outcome:
    from kami_desktop.core.case.facts import timeline

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = [e.to_json() for e in timeline(s, args.case_id)]
    return Outcome({"facts": rows}, "\n".join(_fact_line(r) for r in rows) or "（时间线为空）")


def cmd_edit(args) -> Outcome:
    from kami_desktop.core.case.facts import edit_fact, fact_summary

    fields = {
        k: getattr(args, k)
        for k in ("occurred_at", "kind", "description", "disputed")
        if getattr(args, k) is not None
    }
    if args.no_exhibits:
        fields["exhibit_ids"] = []
    elif args.exhibit_ids is not None:
        fields["exhibit_ids"] = args.exhibit_ids
    if not fields:
        raise UsageError("没有要修改的字段")
    with open_profile(args) as prof, prof.session() as s:
        data = fact_summary(edit_fact(s, args.id, **fields))
    return Outcome(data, f"已保存事实 {data['id']}")


def cmd_remove(args) -> Outcome:
    from kami_desktop.core.case.facts import remove_fact

    with open_profile(args) as prof, prof.session() as s:
        remove_fact(s, args.id)
    return Outcome({"ok": True, "removed": args.id}, f"已删除事实 {args.id}")


def cmd_suggest(args) -> Outcome:
    from kami_desktop.core.case.suggestions import suggest_facts

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = [x.to_json() for x in suggest_facts(s, args.case_id)]
    text = (
        "\n".join(
            f"{r['origin']:>12}  {r['occurred_at'][:16].replace('T', ' ')}  {r['kind_label']}  "
            f"{r['description']}  （{r['source_label']}）"
            for r in rows
        )
        or "（没有待确认的建议）"
    )
    return Outcome({"suggestions": rows}, text)


def cmd_accept(args) -> Outcome:
    from kami_desktop.core.case.facts import fact_summary
    from kami_desktop.core.case.suggestions import accept_suggestion

    with open_profile(args) as prof, prof.session() as s:
        f = accept_suggestion(
            s, args.case_id, args.origin, kind=args.kind, description=args.description, disputed=args.disputed
        )
        data = fact_summary(f)
    return Outcome(data, f"已确认为事实 {data['id']}：{data['kind_label']}")


def cmd_dismiss(args) -> Outcome:
    from kami_desktop.core.case.suggestions import dismiss_suggestion

    with open_profile(args) as prof, prof.session() as s:
        dismiss_suggestion(s, args.case_id, args.origin)
    return Outcome({"ok": True, "dismissed": args.origin}, f"已忽略建议 {args.origin}")


def cmd_restore(args) -> Outcome:
    from kami_desktop.core.case.suggestions import restore_suggestion

    with open_profile(args) as prof, prof.session() as s:
        restore_suggestion(s, args.case_id, args.origin)
    return Outcome({"ok": True, "restored": args.origin}, f"已恢复建议 {args.origin}")


def cmd_step_add(args) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.case.ladder import record_step, step_summary

    with open_profile(args) as prof, prof.session() as s:
        st = record_step(
            s,
            args.case_id,
            args.kind,
            args.on,
            channel=args.channel,
            reference=args.reference,
            note=args.note,
            done=not args.planned,
            workdays=args.workdays,
        )
        data = step_summary(st)
        data["case_stage"] = get_case(s, args.case_id).stage
    return Outcome(data, f"已记录进展 {data['id']}：{data['on']} {data['kind_label']}")


def cmd_step_list(args) -> Outcome:
    from kami_desktop.core.case.ladder import list_steps, step_summary

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = [step_summary(st) for st in list_steps(s, args.case_id)]
    text = (
        "\n".join(
            f"[{r['id']}] {r['on']}  {r['kind_label']}"
            + ("" if r["done"] else "（计划）")
            + (f"  {r['channel']}" if r["channel"] else "")
            + (f"  {r['reference']}" if r["reference"] else "")
            for r in rows
        )
        or "（还没有记录进展）"
    )
    return Outcome({"steps": rows}, text)


def cmd_step_remove(args) -> Outcome:
    from kami_desktop.core.case.ladder import remove_step

    with open_profile(args) as prof, prof.session() as s:
        remove_step(s, args.id)
    return Outcome({"ok": True, "removed": args.id}, f"已删除进展 {args.id}")


def cmd_step_kinds(args) -> Outcome:
    from kami_desktop.core.case.ladder import STEP_KINDS
    from kami_desktop.core.vocab import STAGES

    rows = [
        {"kind": k.code, "label": k.label, "stage": k.stage, "stage_label": STAGES[k.stage]}
        for k in STEP_KINDS.values()
    ]
    return Outcome(
        {"kinds": rows}, "\n".join(f"{r['kind']:<26} {r['stage_label']}  {r['label']}" for r in rows)
    )
