"""kami bill parse | import | show | counterparties | apply — payment bills and the counterparty checklist.

Which rows are the platform's is a checklist of counterparties (交易对方, with 对方账号), never a substring
guess: ``bill counterparties`` lists them with row counts and sums; only names equal to a case party's or
the platform's name start selected, or those the user confirmed (``--select`` / ``--deselect``).
``--platform NAME`` on parse/import names counterparties exactly. The net paid is not the claim:
``bill apply`` refuses unless the user states ``--net-paid-is-the-loss`` (see ``kami claim``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, open_profile

NO_TERMS = (
    "没有指定 --platform：平台合计为 0。用 --platform 指定平台在账单中的交易对方名称（须与账单中的名称一致，"
    "可多次指定）"
)


COMMANDS = group_commands("bill")  # the words this module registers and their help


def register(sub, common) -> None:
    bill = sub.add_parser("bill", parents=[common], help=COMMANDS["bill"])
    bs = bill.add_subparsers(dest="bill_cmd", metavar="ACTION", required=True)

    ps = bs.add_parser(
        "parse",
        parents=[common],
        help="解析账单文件并对账（不保存任何内容）",
        description="不指定 --platform 时平台合计为 0（warnings 中说明），并在 top_counterparties "
        "中列出付款最多的交易对方，供选择 --platform。",
    )
    ps.add_argument("file", type=Path, metavar="FILE")
    _platform_and_password(ps)
    ps.set_defaults(handler=cmd_parse)

    im = bs.add_parser(
        "import", parents=[common], help="把账单导入案件（作为资金流水证据，并保存每一笔交易）"
    )
    im.add_argument("--case", type=int, required=True, dest="case_id")
    im.add_argument("file", type=Path, metavar="FILE")
    _platform_and_password(im)
    im.set_defaults(handler=cmd_import)

    sh = bs.add_parser(
        "show", parents=[common], help="案件全部账单的对账结果（每一行注明账单、行号和文件哈希）"
    )
    sh.add_argument("--case", type=int, required=True, dest="case_id")
    sh.set_defaults(handler=cmd_show)

    cp = bs.add_parser(
        "counterparties",
        parents=[common],
        help="交易对方清单：哪些是平台（计入付款和退款），每个交易对方的笔数和金额",
        description="只有与案件当事人（运营主体、收款主体、支付渠道）或平台名称完全相同的交易对方会预先选中"
        "（比较时忽略全角半角、括号和“有限公司/有限责任公司”），其余一律不选，由您确认。",
    )
    cp.add_argument("--case", type=int, required=True, dest="case_id")
    cp.add_argument("--select", nargs="+", default=[], metavar="NAME", help="确认这些交易对方是平台")
    cp.add_argument("--deselect", nargs="+", default=[], metavar="NAME", help="确认这些交易对方不是平台")
    cp.set_defaults(handler=cmd_counterparties)

    ap = bs.add_parser(
        "apply",
        parents=[common],
        help="（不建议）把账单净付款作为主张：须加 --net-paid-is-the-loss；一般请用 kami claim",
    )
    ap.add_argument("--case", type=int, required=True, dest="case_id")
    ap.add_argument(
        "--net-paid-is-the-loss",
        action="store_true",
        help="确认向平台的净付款（付款 − 退款）全部是损失（没有任何已交付的消费）",
    )
    ap.set_defaults(handler=cmd_apply)
    from kami_desktop.commands.triage import register_match

    register_match(bs, common)


def _platform_and_password(p) -> None:
    p.add_argument(
        "--platform",
        action="append",
        default=[],
        metavar="TEXT",
        help="平台在账单中的交易对方名称（完全一致才计入），可多次指定",
    )
    p.add_argument("--password", help="加密压缩包的解压密码")


def _summary(recon) -> dict:
    from kami_desktop.core.util.money import money_str
    from kami_desktop.core.util.timeutil import iso

    return {
        "terms": list(recon.terms),  # the counterparties selected as the platform (name kept)
        "counterparties": list(recon.terms),
        "rows": len(recon.rows),
        "paid": money_str(recon.paid),
        "refunded": money_str(recon.refunded),
        "net": money_str(recon.net),
        "first": iso(recon.first),
        "last": iso(recon.last),
    }


def _totals_text(recon) -> str:
    from kami_desktop.core.util.money import money_str

    if not recon.rows:
        return "平台相关交易：0 笔"
    span = f"，{recon.first:%Y-%m-%d} 至 {recon.last:%Y-%m-%d}" if recon.first else ""
    return (
        f"平台相关交易 {len(recon.rows)} 笔{span}：付款 ¥{money_str(recon.paid)}，"
        f"退款 ¥{money_str(recon.refunded)}，净额 ¥{money_str(recon.net)}"
    )


def cmd_parse(args) -> Outcome:
    from kami_desktop.core.bills import parse_bill, reconcile

    bill = parse_bill(args.file, args.password)
    recon = reconcile(bill, args.platform)
    roles = {id(r.transaction): r for r in recon.rows}
    items = []
    for t in bill.transactions:
        r = roles.get(id(t))
        items.append(
            {
                **t.to_json(),
                "role": r.role if r else None,
                "counted": r.to_json()["counted"] if r else None,
                "linked_to": r.linked_to if r else None,
            }
        )
    warnings = list(bill.warnings) + [w for w in recon.warnings if w not in bill.warnings]
    if bill.transactions and not any(t.counterparty.strip() for t in bill.transactions):
        from kami_desktop.core.bills.owner import NO_COUNTERPARTY

        warnings.append(NO_COUNTERPARTY)
    if not recon.terms:
        warnings = [w for w in warnings if "还没有选择哪些交易对方是平台" not in w] + [NO_TERMS]
    payees = Counter(t.counterparty for t in bill.transactions if t.direction == "支出" and t.counterparty)
    meta = bill.to_json()
    data = {
        "file": bill.file,
        "source": bill.source,
        "layout": bill.layout,
        "encoding": bill.encoding,
        "rows": len(bill.transactions),
        "personal_only": bill.personal_only,
        "account": bill.account,
        "holder": bill.holder,
        "period_start": meta["period_start"],
        "period_end": meta["period_end"],
        "transactions": items,
        "platform": _summary(recon),
        "top_counterparties": [n for n, _ in payees.most_common(5)],
        "warnings": warnings,
    }
    text = [
        f"{bill.file}：{bill.source} / {bill.layout}，{len(bill.transactions)} 笔交易",
        _totals_text(recon),
    ]
    if not recon.terms and payees:
        text.append("付款最多的交易对方：" + "、".join(data["top_counterparties"]))
    text += [f"注意：{w}" for w in warnings]
    return Outcome(data, "\n".join(text))


def cmd_import(args) -> Outcome:
    from kami_desktop.core.bills.store import case_reconciliation, import_bill

    with open_profile(args) as prof:
        result = import_bill(prof, args.case_id, args.file, args.password, args.platform)
        recon = case_reconciliation(prof, args.case_id)
    data = {**result.to_json(), "reconciliation": _summary(recon)}
    head = (
        f"账单已在证据 {result.exhibit_id} 中（重复导入，未新增任何内容）"
        if result.duplicate
        else f"已导入证据 {result.exhibit_id}《{result.title}》：{result.rows} 笔交易（账单 {result.bill_id}）"
    )
    lines = [
        head,
        "选为平台的交易对方："
        + ("、".join(result.terms) or "（无，请用 kami bill counterparties --select 指定）"),
        _totals_text(recon),
    ]
    if result.evidence_warning:
        lines.append("【证据效力提示】" + result.evidence_warning)
    lines += [f"注意：{w}" for w in result.warnings if w != result.evidence_warning]
    return Outcome(data, "\n".join(lines))


def cmd_show(args) -> Outcome:
    from kami_desktop.core.bills.store import StoredReconRow, case_reconciliation
    from kami_desktop.core.util.money import money_str

    with open_profile(args, write=False) as prof:
        recon = case_reconciliation(prof, args.case_id)
    lines = [_totals_text(recon), "选为平台的交易对方：" + ("、".join(recon.terms) or "（无）")]
    roles = {"payment": "付款", "refund": "退款", "unpaid": "未付款", "other": "其他"}
    for r in recon.stored:
        t = r.transaction
        bill = r.bill_id if isinstance(r, StoredReconRow) else "-"
        lines.append(
            f"  账单 {bill} 第 {t.row:>4} 行  {t.time:%Y-%m-%d %H:%M}  "
            f"{roles.get(r.role, r.role)}  ¥{money_str(t.amount):>10}  {t.counterparty}  {r.reason}"
        )
    lines += [f"注意：{w}" for w in recon.warnings]
    return Outcome(recon.to_json(), "\n".join(lines))


def cmd_counterparties(args) -> Outcome:
    from kami_desktop.core.bills.money import counterparty_list, select_counterparties
    from kami_desktop.core.util.money import money_str

    with open_profile(args) as prof, prof.session() as s:
        if args.select or args.deselect:
            lst = select_counterparties(s, args.case_id, args.select, args.deselect, prof.blob_path)
        else:
            lst = counterparty_list(s, args.case_id, prof.blob_path)
    lines = []
    for c in lst.counterparties:
        mark = "[x]" if c.selected else "[ ]"
        account = f"（{c.account}）" if c.account else ""
        lines.append(
            f"{mark} {c.name or '（未写明）'}{account}  {c.rows} 笔  付款 ¥{money_str(c.paid)}  "
            f"退款 ¥{money_str(c.refunded)}  {c.why}"
        )
    lines.append(
        f"选中的合计：付款 ¥{money_str(lst.paid)}，退款 ¥{money_str(lst.refunded)}，净付款 ¥{money_str(lst.net)}"
    )
    lines += [f"注意：{w}" for w in lst.warnings]
    return Outcome(lst.to_json(), "\n".join(lines))


def cmd_apply(args) -> Outcome:
    from kami_desktop.core.bills.money import apply_net_paid
    from kami_desktop.core.util.money import money_str

    with open_profile(args) as prof, prof.session() as s:
        money = apply_net_paid(
            s, args.case_id, net_paid_is_the_loss=args.net_paid_is_the_loss, blob_path=prof.blob_path
        )
    data = {
        "case_id": args.case_id,
        "claimed_amount": money_str(money.principal),
        **_summary(money.recon),
        "claim": money.to_json(),
    }
    return Outcome(
        data,
        f"已按净付款添加一项主张，主张金额设为 ¥{money_str(money.principal)}（{_totals_text(money.recon)}）",
    )
