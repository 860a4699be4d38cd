"""kami party add|list|edit|remove|link|unlink"""

from __future__ import annotations

import argparse

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

FIELDS = (
    "name",
    "uscc",
    "icp",
    "address",
    "legal_representative",
    "legal_rep_title",
    "phone",
    "website",
    "notes",
    "id_number",
    "gender",
    "birth_date",
    "ethnicity",
    "occupation",
    "basis",
)


COMMANDS = group_commands("party")  # the words this module registers and their help


def register(sub, common) -> None:
    p = sub.add_parser("party", parents=[common], help=COMMANDS["party"])
    ps = p.add_subparsers(dest="party_cmd", metavar="ACTION", required=True)

    add = ps.add_parser("add", parents=[common], help="添加当事人（代码校验不通过时需 --override）")
    add.add_argument("--case", type=int, required=True, dest="case_id")
    add.add_argument(
        "--role", required=True, help="角色：运营主体/收款主体/支付渠道/本人/其他（或 operator/payee/…）"
    )
    add.add_argument("--name", required=True, help="名称或姓名")
    _fields(add)
    add.add_argument("--defendant", action="store_true", help="列为被告")
    add.set_defaults(handler=cmd_add)

    ls = ps.add_parser("list", parents=[common], help="列出当事人和建议")
    ls.add_argument("--case", type=int, required=True, dest="case_id")
    ls.set_defaults(handler=cmd_list)

    ed = ps.add_parser("edit", parents=[common], help="修改当事人")
    ed.add_argument("id", type=int)
    ed.add_argument("--role")
    ed.add_argument("--name")
    _fields(ed)
    ed.add_argument(
        "--defendant",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="列为被告（--no-defendant 取消）",
    )
    ed.set_defaults(handler=cmd_edit)

    rm = ps.add_parser("remove", parents=[common], help="删除当事人")
    rm.add_argument("id", type=int)
    rm.set_defaults(handler=cmd_remove)

    ln = ps.add_parser(
        "link", parents=[common], help="把证据关联到当事人（营业执照、ICP备案、客服联系方式…）"
    )
    ln.add_argument("party_id", type=int)
    ln.add_argument("exhibit_id", type=int)
    ln.add_argument(
        "--kind",
        default="other",
        help="国家企业信用信息公示系统报告/营业执照/第三方企业信息查询截图/ICP备案/客服联系方式/其他"
        "（或 gsxt/licence/third_party/icp/contact/other）",
    )
    ln.set_defaults(handler=cmd_link)

    ul = ps.add_parser("unlink", parents=[common], help="取消证据与当事人的关联")
    ul.add_argument("party_id", type=int)
    ul.add_argument("exhibit_id", type=int)
    ul.set_defaults(handler=cmd_unlink)


def _fields(p) -> None:
    p.add_argument("--uscc", help="统一社会信用代码（或15位注册号）")
    p.add_argument("--icp", help="ICP备案号，如 浙ICP备12345678号-1")
    p.add_argument("--address", help="住所地")
    p.add_argument("--legal-rep", dest="legal_representative", help="法定代表人")
    p.add_argument("--legal-rep-title", dest="legal_rep_title", help="法定代表人职务")
    p.add_argument("--phone")
    p.add_argument("--website")
    p.add_argument("--notes")
    p.add_argument("--id-number", dest="id_number", help="身份证号（本人）")
    p.add_argument("--gender", help="性别（本人）")
    p.add_argument("--birth-date", dest="birth_date", help="出生日期 YYYY-MM-DD（本人）")
    p.add_argument("--ethnicity", help="民族（本人）")
    p.add_argument("--occupation", help="职业（本人）")
    p.add_argument(
        "--basis",
        help="被诉依据（填写即列为被告）：平台运营者（经营者）/收款方且为实际经营者/平台未能提供经营者真实信息/"
        "与其他被告共同经营（或 operator/payee_operator/undisclosed/joint；空字符串清除）",
    )
    p.add_argument("--override", action="store_true", help="代码未通过校验但已核实无误时仍然保存")


def _given(args) -> dict:
    return {k: getattr(args, k) for k in FIELDS if getattr(args, k, None) is not None}


def _save(fn):
    """Run a party change; a failed code check becomes exit 2 with the reason and the override hint."""
    from kami_desktop.core.case.parties import PartyError

    try:
        return fn()
    except PartyError as exc:
        if exc.overridable:
            raise UsageError(f"{exc}（命令行中加 --override 仍然保存）") from exc
        raise


def _line(p: dict) -> str:
    bits = [f"[{p['id']}] {p['role_label']}：{p['name']}"]
    bits += [f"代码 {p['uscc']}"] if p["uscc"] else []
    bits += [f"ICP {p['icp']}"] if p["icp"] else []
    bits += ["被告" + (f"（{p['basis_label']}）" if p["basis_label"] else "")] if p["is_defendant"] else []
    bits += [f"⚠{c['reason']}" for c in p.get("checks", {}).values() if not c["valid"]]
    return "  ".join(bits)


def cmd_add(args) -> Outcome:
    from kami_desktop.core.case.parties import add_party, party_summary

    fields = _given(args)
    name = fields.pop("name")
    with open_profile(args) as prof, prof.session() as s:
        party = _save(
            lambda: add_party(
                s,
                args.case_id,
                args.role,
                name,
                override=args.override,
                **({"is_defendant": True} if args.defendant else {}),
                **fields,
            )
        )
        data = party_summary(party)
    return Outcome(data, "已添加 " + _line(data) + _implied(args, data))


def _implied(args, data: dict) -> str:
    """Say so when the 被诉依据 alone made the party a defendant (the flag was not given)."""
    if data["is_defendant"] and not args.defendant and getattr(args, "basis", None):
        return (
            "\n填写了被诉依据，已列为被告（证据册封面、起诉状都会列出）；不起诉该主体时："
            f"kami party edit {data['id']} --no-defendant（被诉依据随之清除）"
        )
    return ""


def cmd_list(args) -> Outcome:
    from kami_desktop.core.case.parties import list_parties, party_evidence, party_summary
    from kami_desktop.core.case.party_advice import party_advice

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = [party_summary(p, party_evidence(s, p.id)) for p in list_parties(s, args.case_id)]
        advice = [a.to_json() for a in party_advice(s, args.case_id)]
    lines = [_line(r) for r in rows] or ["（还没有当事人）"]
    lines += [("建议：" if a["level"] == "info" else "注意：") + a["text"] for a in advice]
    return Outcome({"parties": rows, "advice": advice}, "\n".join(lines))


def cmd_edit(args) -> Outcome:
    from kami_desktop.core.case.parties import edit_party, get_party, party_summary

    fields = _given(args)
    if args.role is not None:
        fields["role"] = args.role
    if args.defendant is not None:
        fields["is_defendant"] = args.defendant
    if not fields:
        raise UsageError("没有要修改的字段")
    with open_profile(args) as prof, prof.session() as s:
        was = bool(get_party(s, args.id).is_defendant)
        data = party_summary(_save(lambda: edit_party(s, args.id, override=args.override, **fields)))
    return Outcome(data, "已保存 " + _line(data) + ("" if was else _implied(args, data)))


def cmd_remove(args) -> Outcome:
    from kami_desktop.core.case.parties import remove_party

    with open_profile(args) as prof, prof.session() as s:
        remove_party(s, args.id)
    return Outcome({"ok": True, "removed": args.id}, f"已删除当事人 {args.id}")


def cmd_link(args) -> Outcome:
    from kami_desktop.core.case.parties import EVIDENCE_KINDS, link_evidence

    with open_profile(args) as prof, prof.session() as s:
        link = link_evidence(s, args.party_id, args.exhibit_id, args.kind)
        data = {
            "party_id": link.party_id,
            "exhibit_id": link.exhibit_id,
            "kind": link.kind,
            "kind_label": EVIDENCE_KINDS[link.kind],
        }
    return Outcome(data, f"已把证据 {args.exhibit_id} 作为“{data['kind_label']}”关联到当事人 {args.party_id}")


def cmd_unlink(args) -> Outcome:
    from kami_desktop.core.case.parties import unlink_evidence

    with open_profile(args) as prof, prof.session() as s:
        unlink_evidence(s, args.party_id, args.exhibit_id)
    return Outcome({"ok": True}, f"已取消证据 {args.exhibit_id} 与当事人 {args.party_id} 的关联")
