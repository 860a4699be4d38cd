"""kami exhibit suggest | kami bill match — what the screenshots' OCR text suggests, and which bill rows
they match. Suggestions are shown; only ``--accept`` saves them, as exhibit edits in the ledger."""

from __future__ import annotations

from kami_desktop.commands._base import Outcome, UsageError, open_profile


def register_suggest(es, common) -> None:
    """``kami exhibit suggest``: registered by the exhibit group (commands/evidence.py)."""
    sg = es.add_parser(
        "suggest",
        parents=[common],
        help="按截图识别出的文字建议证据类别、名称、证明目的和画面时间（--accept 才保存，--dismiss 忽略）",
        description="建议只在您已填写的内容之外给出（类别为“其他”、名称为文件名、证明目的为空、时间为空或只是文件修改时间）。"
        "加 --accept 保存所选建议，与手工修改一样记入存证日志；加 --dismiss 忽略认为不对的建议（同样记入存证日志），"
        "该证据的识别文字不变就不再提出，--undismiss 恢复。",
    )
    sg.add_argument("id", type=int, nargs="?", help="一件证据（不写则用 --case 列出案件的全部证据）")
    sg.add_argument("--case", type=int, dest="case_id")
    sg.add_argument("--accept", action="store_true", help="采用建议（保存并记入存证日志）")
    sg.add_argument(
        "--field", default="", help="只采用这些项：category,title,purpose,captured_at（逗号分隔；默认全部）"
    )
    sg.add_argument("--ids", nargs="+", type=int, default=None, metavar="EID", help="只处理这些证据")
    sg.add_argument(
        "--dismiss",
        nargs="*",
        type=int,
        default=None,
        metavar="EID",
        help="忽略这些证据的建议（不写编号则为上面选定的证据；--field 只忽略某几项）；识别文字改变后会重新建议",
    )
    sg.add_argument(
        "--undismiss",
        nargs="*",
        type=int,
        default=None,
        metavar="EID",
        help="恢复已忽略的建议（用法同 --dismiss）",
    )
    sg.add_argument("--dismissed", action="store_true", help="同时列出已忽略的建议（--json 中为 dismissed）")
    sg.set_defaults(handler=cmd_suggest)


def register_match(bs, common) -> None:
    """``kami bill match``: registered by the bill group (commands/bill.py)."""
    mt = bs.add_parser(
        "match",
        parents=[common],
        help="截图与账单行的对应：单号相同，或金额相同且时间相近；以及可添加的主张项",
    )
    mt.add_argument("--case", type=int, required=True, dest="case_id")
    mt.add_argument(
        "--window", type=int, default=10, metavar="MINUTES", help="时间相差不超过几分钟（默认 10）"
    )
    mt.add_argument(
        "--accept-offer",
        type=int,
        dest="accept_offer",
        metavar="EID",
        help="采用该截图的主张项建议：按相符的付款添加一项主张（记入存证日志）",
    )
    mt.set_defaults(handler=cmd_match)


def _fields(raw: str) -> list[str] | None:
    names = [f for f in raw.replace("，", ",").split(",") if f.strip()]
    return names or None


def _text(sug, matches, offers, case_id: int) -> list[str]:
    from kami_desktop.core.triage.suggest import FIELD_LABELS

    head = f"证据 {sug.number or '-'} [{sug.exhibit_id}] {sug.title}"
    if not sug.has_text:
        return []
    lines = [head] + [f"  {FIELD_LABELS[f.field]}：{f.shown}（{f.reason}）" for f in sug.fields]
    lines += [f"  对应账单：{m.reason}" for m in matches]
    lines += [
        f"  {o.question}（kami bill match --case {case_id} --accept-offer {o.exhibit_id}）" for o in offers
    ]
    return lines if len(lines) > 1 else [f"{head}：没有建议"]


def cmd_suggest(args) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.evidence.exhibits import get_exhibit
    from kami_desktop.core.triage.bill_match import case_matches
    from kami_desktop.core.triage.suggest import FIELD_LABELS, accept_many, case_suggestions, check_fields

    fields = check_fields(_fields(args.field))
    if args.dismiss is not None or args.undismiss is not None:
        return _dismiss(args, fields)
    if args.id is None and args.case_id is None:
        raise UsageError("请写明证据编号，或用 --case 指定案件")
    with open_profile(args, write=args.accept) as prof, prof.session() as s:
        if args.id is not None:
            case_id = get_exhibit(s, args.id).case_id
            ids: list[int] | None = [args.id]
        else:
            case_id = get_case(s, args.case_id).id
            ids = args.ids
        if args.accept:
            changed = accept_many(s, case_id, ids, fields)
            data = {
                "accepted": [
                    {"exhibit_id": i, "changes": {k: str(v["new"]) for k, v in ch.items()}}
                    for i, ch in changed.items()
                ]
            }
            return Outcome(data, f"已采用 {len(changed)} 项证据的建议（已记入存证日志）")
        suggestions = case_suggestions(s, case_id, ids)
        matches = case_matches(s, case_id, ids)
    items, text = [], []
    for sug in suggestions:
        mine = matches.for_exhibit(sug.exhibit_id)
        offers = [o for o in matches.offers if o.exhibit_id == sug.exhibit_id]
        item = sug.to_json(dismissed=args.dismissed)
        item["bill_rows"] = [m.to_json() for m in mine]
        item["claim_offers"] = [o.to_json() for o in offers]
        items.append(item)
        text += _text(sug, mine, offers, case_id)
        if args.dismissed and sug.dismissed:
            text += [f"  已忽略 {FIELD_LABELS[f.field]}：{f.shown}" for f in sug.dismissed]
    data = items[0] if args.id is not None else {"exhibits": items}
    unread = sum(1 for sug in suggestions if sug.readable and not sug.has_text)
    if unread:
        text.append(
            f"另有 {unread} 张截图或扫描件还没有识别文字（在软件中用“证据 → 识别截图文字”识别后才有建议）"
        )
    return Outcome(data, "\n".join(text) or "（没有证据）")


def _dismiss(args, fields: list[str]) -> Outcome:
    """--dismiss / --undismiss: the exhibits named after it, else those chosen by the id or --case/--ids."""
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.triage.dismiss import dismiss, dismiss_many, undismiss, undismiss_many
    from kami_desktop.core.triage.suggest import FIELD_LABELS

    if args.accept or (args.dismiss is not None and args.undismiss is not None):
        raise UsageError("--accept、--dismiss、--undismiss 一次只能用一个")
    back = args.undismiss is not None
    named = args.undismiss if back else args.dismiss
    one, many = (undismiss, undismiss_many) if back else (dismiss, dismiss_many)
    if not named and args.id is None and args.case_id is None:
        raise UsageError("请写明证据编号（如 --dismiss 12），或用 --case 指定案件")
    wanted = None if back and not args.field else fields
    with open_profile(args) as prof, prof.session() as s:
        if named or args.id is not None:
            done = {i: one(s, i, wanted) for i in (named or [args.id])}
            done = {i: f for i, f in done.items() if f}
        else:
            done = many(s, get_case(s, args.case_id).id, args.ids, wanted)
    key = "undismissed" if back else "dismissed"
    data = {key: [{"exhibit_id": i, "fields": f} for i, f in done.items()]}
    lines = [f"  证据 [{i}]：{'、'.join(FIELD_LABELS[x] for x in f)}" for i, f in done.items()]
    if back:
        head = f"已恢复 {len(done)} 项证据被忽略的建议（已记入存证日志）" if done else "没有被忽略的建议"
    else:
        head = (
            f"已忽略 {len(done)} 项证据的建议（已记入存证日志；识别文字改变后会重新建议，--undismiss 恢复）"
            if done
            else "没有可忽略的建议"
        )
    return Outcome(data, "\n".join([head, *lines]))


def cmd_match(args) -> Outcome:
    from datetime import timedelta

    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.triage.bill_match import case_matches

    if args.window < 0:
        raise UsageError("--window 不能为负数")
    window = timedelta(minutes=args.window)
    if args.accept_offer is not None:
        return _accept_offer(args, window)
    with open_profile(args, write=False) as prof, prof.session() as s:
        get_case(s, args.case_id)
        found = case_matches(s, args.case_id, window=window)
    lines = [
        f"证据 {m.exhibit_number or '-'} ↔ {m.row.where}（{m.row.time:%Y-%m-%d %H:%M} ¥{m.row.amount:.2f}）"
        f"  可信度 {m.confidence:.2f}  {m.reason}"
        for m in found.matches
    ]
    lines += [f"证据 {o.exhibit_number or '-'}：{o.question}" for o in found.offers]
    return Outcome(found.to_json(), "\n".join(lines) or "没有找到与账单行对应的截图")


def _accept_offer(args, window) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.case.claims import list_items
    from kami_desktop.core.triage.bill_match import accept_offer, case_matches

    with open_profile(args) as prof, prof.session() as s:
        get_case(s, args.case_id)
        offers = case_matches(s, args.case_id, [args.accept_offer], window).offers
        if not offers:
            raise UsageError(
                f"证据 {args.accept_offer} 没有可添加的主张项（截图未显示未到账，或没有相符的付款，或该付款已在主张项中）"
            )
        item = accept_offer(s, args.accept_offer, offers[0].row.id, prof.blob_path)
        view = next(v for v in list_items(s, args.case_id) if v.id == item.id)
        data = view.to_json()
    return Outcome(
        data, f"已添加主张项 {data['id']}：{data['kind_label']} ¥{data['amount']}（已记入存证日志）"
    )
