"""kami search --case ID QUERY [--limit N] [--include-trashed]"""

from __future__ import annotations

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("search")  # the words this module registers and their help
KIND_LABELS = {
    "ocr": "截图文字",
    "title": "名称",
    "purpose": "证明目的",
    "source": "来源",
    "notes": "备注",
    "tags": "标签",
    "chat": "聊天记录",
    "bill_row": "账单",
}


def register(sub, common) -> None:
    p = sub.add_parser("search", parents=[common], help=COMMANDS["search"])
    p.add_argument("--case", type=int, required=True, dest="case_id")
    p.add_argument("query", nargs="+", help="要找的文字（多个词须同时出现；少于三个字也可以）")
    p.add_argument("--limit", type=int, default=50, help="最多列出几条（默认 50）")
    p.add_argument("--include-trashed", action="store_true", help="也搜索回收站中的证据")
    p.set_defaults(handler=cmd_search)


def _where(h: dict) -> str:
    if h["kind"] == "ocr":
        return (
            f"第 {h['file']} 个文件"
            + (f"第 {h['page'] + 1} 页" if h["page"] else "")
            + f"第 {h['line'] + 1} 行"
        )
    if h["kind"] == "chat":
        return f"会话 {h['chat_id']} 第 {h['seq']} 条"
    if h["kind"] == "bill_row":
        return f"账单 {h['bill_id']} 第 {h['row']} 行"
    return ""


def cmd_search(args) -> Outcome:
    from kami_desktop.core.search import search

    if not 1 <= args.limit <= 1000:
        raise UsageError("--limit 须在 1 到 1000 之间")
    query = " ".join(args.query)
    with open_profile(args, write=False) as prof:
        hits = [
            h.to_json()
            for h in search(prof, args.case_id, query, args.limit, include_trashed=args.include_trashed)
        ]
    lines = []
    for h in hits:
        who = f"证据 {h['exhibit_number']}" if h["exhibit_number"] is not None else "回收站"
        where = _where(h)
        lines.append(
            f"{who}（{h['exhibit_title']}）· {KIND_LABELS[h['kind']]}{' · ' + where if where else ''}"
        )
        lines.append(f"    {h['snippet']}")
    text = "\n".join(lines) if hits else f"没有找到“{query}”"
    return Outcome({"query": query, "hits": hits}, text)
