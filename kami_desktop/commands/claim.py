"""kami claim add | edit | remove | list | apply — the claim items (主张项) and the claimed principal.

The claimed principal is the sum of the items (amount − refunded part). ``claim add`` made from one bill
row (``--bill-row``) takes its amount, date and refunded part from the case reconciliation when they are
not given; from a chat message (``--chat-message``) or an exhibit (``--exhibit``) its date. ``claim list``
shows the items, the principal, the bills' net paid as context and the warnings. ``claim apply`` sets the
case's claimed amount to the principal."""

from __future__ import annotations

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("claim")  # the words this module registers and their help


def register(sub, common) -> None:
    claim = sub.add_parser("claim", parents=[common], help=COMMANDS["claim"])
    cs = claim.add_subparsers(dest="claim_cmd", metavar="ACTION", required=True)

    add = cs.add_parser("add", parents=[common], help="添加一项主张")
    add.add_argument("--case", type=int, required=True, dest="case_id")
    _fields(add, required_kind=True)
    add.set_defaults(handler=cmd_add)

    ed = cs.add_parser("edit", parents=[common], help="修改一项主张（给出的证据种类整体替换）")
    ed.add_argument("item_id", type=int, metavar="ITEM")
    _fields(ed, required_kind=False)
    ed.add_argument("--confirm", action="store_true", help="已核实（去掉“待核实”标记）")
    ed.set_defaults(handler=cmd_edit)

    rm = cs.add_parser("remove", parents=[common], help="删除一项主张")
    rm.add_argument("item_id", type=int, metavar="ITEM")
    rm.set_defaults(handler=cmd_remove)

    ls = cs.add_parser("list", parents=[common], help="本案的主张项、主张本金、账单净付款和提示")
    ls.add_argument("--case", type=int, required=True, dest="case_id")
    ls.set_defaults(handler=cmd_list)

    ap = cs.add_parser("apply", parents=[common], help="把案件的主张金额设为主张项合计")
    ap.add_argument("--case", type=int, required=True, dest="case_id")
    ap.set_defaults(handler=cmd_apply)


def _fields(p, *, required_kind: bool) -> None:
    p.add_argument(
        "--kind",
        required=required_kind,
        help="类型：未到账的充值 / 被扣除的余额 / 已付款未交付的订单 / 剩余余额 / 重复扣款 / 其他",
    )
    p.add_argument("--amount", help="金额（元），例如 487.50")
    p.add_argument("--on", help="日期，例如 2025-03-20")
    p.add_argument("--reason", help="被扣除的余额：扣除原因（自动续费、服务费、余额过期、不明扣款…）")
    p.add_argument("--description", help="说明（用自己的话写清楚这笔钱是怎么回事）")
    p.add_argument("--refunded", help="其中已退回的金额（元）")
    for flag, dest, what in (
        ("--exhibit", "exhibit_ids", "证据编号（EID）"),
        ("--bill-row", "bill_row_ids", "账单行编号（kami bill show 中的 bill_row_id）"),
        ("--chat-message", "chat_message_ids", "聊天消息编号"),
    ):
        p.add_argument(flag, dest=dest, type=int, nargs="+", action="extend", metavar="ID", help=what)


def _text(money, head: str = "") -> str:
    lines = [head] if head else []
    for i in money.items:
        refunded = f"（已退 ¥{i.refunded:,.2f}）" if i.refunded else ""
        flag = " [待核实]" if i.unverified else ""
        lines.append(
            f"  {i.id:>4}  {i.on:%Y-%m-%d}  {i.kind_label}  ¥{i.amount:,.2f}{refunded}{flag}  {i.description}"
        )
    lines.append(f"主张本金：¥{money.principal:,.2f}")
    lines.append(money.context)
    lines += [f"注意：{w}" for w in money.warnings]
    return "\n".join(lines)


def cmd_list(args) -> Outcome:
    from kami_desktop.core.bills.money import case_money

    with open_profile(args, write=False) as prof, prof.session() as s:
        money = case_money(s, args.case_id, prof.blob_path)
        data, text = money.to_json(), _text(money, f"案件 {args.case_id} 的主张项：")
    return Outcome(data, text)


def cmd_add(args) -> Outcome:
    from kami_desktop.core.bills.money import add_claim, case_money

    with open_profile(args) as prof, prof.session() as s:
        item = add_claim(
            s,
            args.case_id,
            args.kind,
            args.amount,
            args.on,
            reason=args.reason,
            description=args.description,
            refunded=args.refunded,
            exhibit_ids=args.exhibit_ids or (),
            bill_row_ids=args.bill_row_ids or (),
            chat_message_ids=args.chat_message_ids or (),
            blob_path=prof.blob_path,
        )
        money = case_money(s, args.case_id, prof.blob_path)
        added = next(i for i in money.items if i.id == item.id)
        data = {"item": added.to_json(), **money.to_json()}
        text = _text(money, f"已添加主张项 {item.id}：{added.kind_label} ¥{added.claimed:,.2f}")
    return Outcome(data, text)


def cmd_edit(args) -> Outcome:
    from kami_desktop.core.bills.money import case_money
    from kami_desktop.core.case.claims import edit_item

    fields = {
        k: getattr(args, k)
        for k in (
            "kind",
            "amount",
            "on",
            "reason",
            "description",
            "refunded",
            "exhibit_ids",
            "bill_row_ids",
            "chat_message_ids",
        )
        if getattr(args, k) is not None
    }
    if args.confirm:
        fields["verified"] = True
    if not fields:
        raise UsageError("没有要修改的内容：请给出 --kind、--amount、--on、--description 等")
    with open_profile(args) as prof, prof.session() as s:
        item = edit_item(s, args.item_id, **fields)
        money = case_money(s, item.case_id, prof.blob_path)
        edited = next(i for i in money.items if i.id == item.id)
        data = {"item": edited.to_json(), **money.to_json()}
        text = _text(money, f"已修改主张项 {item.id}")
    return Outcome(data, text)


def cmd_remove(args) -> Outcome:
    from kami_desktop.core.bills.money import case_money
    from kami_desktop.core.case.claims import get_item, remove_item

    with open_profile(args) as prof, prof.session() as s:
        case_id = get_item(s, args.item_id).case_id
        remove_item(s, args.item_id)
        money = case_money(s, case_id, prof.blob_path)
        data = {"removed": args.item_id, **money.to_json()}
        text = _text(money, f"已删除主张项 {args.item_id}")
    return Outcome(data, text)


def cmd_apply(args) -> Outcome:
    from kami_desktop.core.bills.money import case_money
    from kami_desktop.core.case.claims import apply_principal

    with open_profile(args) as prof, prof.session() as s:
        total = apply_principal(s, args.case_id)
        money = case_money(s, args.case_id, prof.blob_path)
        data = {"case_id": args.case_id, "claimed_amount": f"{total:.2f}", **money.to_json()}
        text = _text(money, f"主张金额已设为主张项合计 ¥{total:,.2f}（已记入存证日志）")
    return Outcome(data, text)
