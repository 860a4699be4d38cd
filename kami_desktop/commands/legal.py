"""kami legal uscc|workdays|interest|deadlines|readiness"""

from __future__ import annotations

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

STATUS_MARKS = {"ok": "  ", "near": "！", "past": "×", "done": "✓"}


COMMANDS = group_commands("legal")  # the words this module registers and their help


def register(sub, common) -> None:
    p = sub.add_parser("legal", parents=[common], help=COMMANDS["legal"])
    ls = p.add_subparsers(dest="legal_cmd", metavar="ACTION", required=True)

    u = ls.add_parser("uscc", parents=[common], help="校验统一社会信用代码（也接受15位注册号、ICP备案号）")
    u.add_argument("code")
    u.set_defaults(handler=cmd_uscc)

    w = ls.add_parser("workdays", parents=[common], help="某日之后第N个工作日（含调休）")
    w.add_argument("--from", dest="start", required=True, help="起算日 YYYY-MM-DD（当日不计入）")
    w.add_argument("--days", type=int, required=True, help="工作日数")
    w.set_defaults(handler=cmd_workdays)

    i = ls.add_parser(
        "interest", parents=[common], help="资金占用利息：本金×年利率×天数÷365（与文书同一算法）"
    )
    i.add_argument("--principal", required=True, help="本金（元）")
    i.add_argument(
        "--from",
        dest="start",
        required=True,
        help="起算日 YYYY-MM-DD（文书中“自…起”的日期；天数＝截止日−起算日）",
    )
    i.add_argument("--to", dest="end", required=True, help="截止日 YYYY-MM-DD（文书中“暂计至…”的日期）")
    i.add_argument("--rate", help="年利率（百分数，如 3.0）；不填则按一年期LPR")
    i.add_argument(
        "--lpr-date",
        dest="lpr_date",
        help="整个期间适用该日有效的一年期LPR（如合同成立日）；不填则按同期LPR分段计算",
    )
    i.add_argument("--basis", type=int, choices=(365, 360), default=365, help="计息基数，默认365")
    i.set_defaults(handler=cmd_interest)

    d = ls.add_parser("deadlines", parents=[common], help="案件的维权阶段、期限和下一步")
    d.add_argument("--case", type=int, required=True, dest="case_id")
    d.add_argument("--today", help="按该日期计算状态（默认今天）")
    d.add_argument(
        "--demand-days",
        type=int,
        default=None,
        dest="demand_days",
        help="催告期限（3–7个工作日；默认取催告函进展中记录的期限，未记录时为7）",
    )
    d.set_defaults(handler=cmd_deadlines)

    r = ls.add_parser("readiness", parents=[common], help="证据准备情况清单（有缺项时退出码为1）")
    r.add_argument("--case", type=int, required=True, dest="case_id")
    r.set_defaults(handler=cmd_readiness)


def parse_date(text: str, what: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"{what}格式不正确：{text!r}（应为 YYYY-MM-DD）") from exc


def cmd_uscc(args) -> Outcome:
    from kami_desktop.core.legal.identifiers import check_company_code, check_uscc

    code = args.code
    chk = check_company_code(code)
    if chk.kind == "unknown" and len(chk.normalized) == 18:
        chk = check_uscc(code)
    data = chk.to_json()
    if chk.valid:
        text = f"有效（{chk.normalized}）" + "".join(f"\n提示：{w}" for w in chk.warnings)
    else:
        text = f"无效：{chk.reason}"
    return Outcome(data, text, 0 if chk.valid else 1)


MAX_WORKDAYS = 25_000


def cmd_workdays(args) -> Outcome:
    from kami_desktop.core.legal.periods import add_workdays

    start = parse_date(args.start, "起算日")
    if args.days > MAX_WORKDAYS:  # no legal period is this long; counting it day by day would take minutes
        raise UsageError(f"工作日数 {args.days} 过大：最多 {MAX_WORKDAYS} 个工作日（约一百年）")
    try:
        due = add_workdays(start, args.days)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except OverflowError:
        raise UsageError(f"工作日数 {args.days} 过大：结果超出了日历范围") from None
    data = {"from": start.isoformat(), "days": args.days, **due.to_json()}
    text = f"{start.isoformat()} 之后第 {args.days} 个工作日：{due.due.isoformat()}" + (
        "（暂定）" if due.provisional else ""
    )
    return Outcome(data, text)


def cmd_interest(args) -> Outcome:
    from kami_desktop.core.legal.data import LegalDataError
    from kami_desktop.core.legal.interest import compute_interest, interest_formula
    from kami_desktop.core.util.money import MoneyError, money_str

    start, end = parse_date(args.start, "起算日"), parse_date(args.end, "截止日")
    lpr_date = parse_date(args.lpr_date, "--lpr-date") if args.lpr_date is not None else None
    if lpr_date is not None and args.rate is not None:
        raise UsageError("--rate 与 --lpr-date 只能选一个")
    try:
        res = compute_interest(args.principal, start, end, args.rate, args.basis, lpr_date=lpr_date)
    except (ValueError, ArithmeticError, LegalDataError) as exc:
        if isinstance(exc, MoneyError):
            raise
        raise UsageError(str(exc)) from exc
    lines = [
        f"利息 ¥{money_str(res.interest)}（本金 ¥{money_str(res.principal)}，{res.days} 天，年利率 {res.rate}%，"
        f"基数 {res.basis}）",
        f"计算：{interest_formula(res)}" + ("（利率待核实）" if res.unconfirmed else ""),
    ]
    lines += [
        f"  {seg.start.isoformat()} 至 {seg.end.isoformat()}：{seg.days} 天，年利率 {seg.rate}%"
        + (f"（{seg.lpr_effective.isoformat()} 起的一年期LPR）" if seg.lpr_effective else "")
        for seg in res.segments
        if len(res.segments) > 1 or seg.lpr_effective
    ]
    lines += [f"提示：{w}" for w in res.warnings]
    return Outcome(res.to_json(), "\n".join(lines))


def cmd_deadlines(args) -> Outcome:
    from kami_desktop.core.case.ladder import dashboard

    today = parse_date(args.today, "--today") if args.today is not None else None
    if args.demand_days is not None and not 3 <= args.demand_days <= 7:
        raise UsageError(f"催告期限应为3–7个工作日，实际为 {args.demand_days}")
    with open_profile(args, write=False) as prof:
        dash = dashboard(prof, args.case_id, today, demand_workdays=args.demand_days)
    lines = [f"案件 {dash.case_id}  当前阶段：{dash.stage_label}  （{dash.today.isoformat()}）"]
    nd = dash.next_deadline
    lines.append(
        f"下一个期限：{nd.label} {nd.due.isoformat()}" + ("（暂定）" if nd.provisional else "")
        if nd
        else "下一个期限：无"
    )
    lines.append("期限：" if dash.deadlines else "期限：（暂无，记录进展或填写发现扣款日期后计算）")
    for d in dash.deadlines:
        lines.append(
            f" {STATUS_MARKS.get(d.status, '  ')} {d.due.isoformat()}  {d.label}"
            + ("（暂定）" if d.provisional else "")
            + f"  [{d.status}]"
        )
    lines.append("下一步：")
    lines += [f"  · {t}" for t in dash.next_steps]
    lines += [f"提示：{w}" for w in dash.warnings]
    return Outcome(dash.to_json(), "\n".join(lines))


def cmd_readiness(args) -> Outcome:
    from kami_desktop.core.case.readiness import readiness

    with open_profile(args, write=False) as prof, prof.session() as s:
        r = readiness(s, args.case_id)
    marks = {"present": "✓", "weak": "△", "missing": "✗"}
    lines = [
        f"证据准备：已具备 {r.count('present')} 项，较弱 {r.count('weak')} 项，缺少 {r.count('missing')} 项"
    ]
    for item in r.items:
        lines.append(f" {marks[item.status]} {item.label}（{item.status_label}）：{item.detail}")
        if item.todo:
            lines.append(f"     下一步：{item.todo}")
    return Outcome(r.to_json(), "\n".join(lines), 0 if r.ready else 1)
