"""kami bill parse | import | show | terms | apply — payment bills and the claimed amount.

``bill parse`` without ``--platform`` does not guess: the platform block is zero, a warning says so and
``top_counterparties`` lists the most frequent payees to choose from. ``bill import`` without
``--platform`` keeps the case's terms; a case without terms gets the counterparties that look like its
platform name or parties (``suggest_terms``). ``--platform`` on import adds to the case's terms;
``bill terms --set`` replaces them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kami_desktop.commands._base import Outcome, UsageError, open_profile

NO_TERMS = (
    "没有指定 --platform：平台合计为 0。用 --platform 指定平台在账单中的名称（交易对方或商品说明中的"
    "一段文字，可多次指定）"
)


# the top-level commands ``register`` adds, and their help (which ``kami --help`` lists from here)
COMMANDS = {
    "bill": "支付宝/微信支付账单：解析、导入、对账、主张金额",
}


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

    te = bs.add_parser("terms", parents=[common], help="查看或设置平台关键词（交易对方/商品说明中的文字）")
    te.add_argument("--case", type=int, required=True, dest="case_id")
    te.add_argument("--set", nargs="+", dest="terms", metavar="TEXT", help="设置关键词（替换原有的）")
    te.add_argument("--clear", action="store_true", help="清空关键词")
    te.set_defaults(handler=cmd_terms)

    ap = bs.add_parser("apply", parents=[common], help="把对账净额（付款 − 退款）设为案件的主张金额")
    ap.add_argument("--case", type=int, required=True, dest="case_id")
    ap.set_defaults(handler=cmd_apply)


def _platform_and_password(p) -> None:
    p.add_argument(
        "--platform",
        action="append",
        default=[],
        metavar="TEXT",
        help="平台在账单中的名称（匹配交易对方或商品说明的一部分），可多次指定",
    )
    p.add_argument("--password", help="加密压缩包的解压密码")


def _summary(recon) -> dict:
    from kami_desktop.core.util.money import money_str
    from kami_desktop.core.util.timeutil import iso

    return {
        "terms": list(recon.terms),
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
    if not recon.terms:
        warnings = [w for w in warnings if "没有指定平台关键词" not in w] + [NO_TERMS]
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
        "平台关键词：" + ("、".join(result.terms) or "（无，请用 kami bill terms --set 指定）"),
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
    lines = [_totals_text(recon), "平台关键词：" + ("、".join(recon.terms) or "（无）")]
    roles = {"payment": "付款", "refund": "退款", "unpaid": "未付款", "other": "其他"}
    for r in recon.rows:
        t = r.transaction
        bill = r.bill_id if isinstance(r, StoredReconRow) else "-"
        lines.append(
            f"  账单 {bill} 第 {t.row:>4} 行  {t.time:%Y-%m-%d %H:%M}  "
            f"{roles.get(r.role, r.role)}  ¥{money_str(t.amount):>10}  {t.counterparty}  {r.reason}"
        )
    lines += [f"注意：{w}" for w in recon.warnings]
    return Outcome(recon.to_json(), "\n".join(lines))


def cmd_terms(args) -> Outcome:
    from kami_desktop.core.bills.store import get_platform_terms, set_platform_terms, suggested_terms

    if args.terms and args.clear:
        raise UsageError("--set 和 --clear 不能同时使用")
    with open_profile(args) as prof, prof.session() as s:
        if args.clear:
            terms = set_platform_terms(s, args.case_id, [])
        elif args.terms:
            terms = set_platform_terms(s, args.case_id, args.terms)
        else:
            terms = get_platform_terms(s, args.case_id)
        suggested = suggested_terms(s, args.case_id)
    text = "平台关键词：" + ("、".join(terms) or "（无）")
    if suggested:
        text += "\n账单中像平台的交易对方：" + "、".join(suggested)
    return Outcome({"terms": terms, "suggested": suggested}, text)


def cmd_apply(args) -> Outcome:
    from kami_desktop.core.bills.store import apply_claimed_amount
    from kami_desktop.core.util.money import money_str

    with open_profile(args) as prof, prof.session() as s:
        recon = apply_claimed_amount(s, args.case_id, prof.blob_path)
    data = {"case_id": args.case_id, "claimed_amount": money_str(recon.net), **_summary(recon)}
    return Outcome(data, f"主张金额已设为 ¥{money_str(recon.net)}（{_totals_text(recon)}）")
