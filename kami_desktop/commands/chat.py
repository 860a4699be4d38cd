"""kami chat parse | senders | import | list | show | excerpt — chat logs, voice messages and excerpts."""

from __future__ import annotations

from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, open_profile

COMMANDS = group_commands("chat")  # the words this module registers and their help


def register(sub, common) -> None:
    chat = sub.add_parser("chat", parents=[common], help=COMMANDS["chat"])
    cs = chat.add_subparsers(dest="chat_cmd", metavar="ACTION", required=True)

    ps = cs.add_parser("parse", parents=[common], help="解析聊天记录导出文件（不保存任何内容）")
    ps.add_argument("file", type=Path, metavar="FILE")
    ps.add_argument(
        "--me",
        metavar="SENDER",
        help="记录中哪位发送者是你（QQ 号/微信号、昵称或别名，见 kami chat senders）",
    )
    ps.set_defaults(handler=cmd_parse)

    im = cs.add_parser("import", parents=[common], help="导入聊天记录或语音文件为平台交互证据")
    im.add_argument("--case", type=int, required=True, dest="case_id")
    im.add_argument("file", type=Path, metavar="FILE")
    im.add_argument(
        "--me",
        action="append",
        metavar="SENDER",
        help="记录中哪位发送者是你：QQ 号/微信号、昵称或别名，须是“kami chat senders FILE”列出的发送者之一（可重复）",
    )
    im.add_argument(
        "--staff",
        action="append",
        metavar="SENDER",
        help="群聊中哪位发送者是平台客服（同上，可重复）；群聊中其余的人按“其他用户”处理",
    )
    im.set_defaults(handler=cmd_import)

    se = cs.add_parser("senders", parents=[common], help="列出聊天记录中的发送者（名称、别名、号码、消息数）")
    se.add_argument("file", type=Path, metavar="FILE")
    se.set_defaults(handler=cmd_senders)

    ls = cs.add_parser("list", parents=[common], help="列出案件的聊天记录")
    ls.add_argument("--case", type=int, required=True, dest="case_id")
    ls.set_defaults(handler=cmd_list)

    sh = cs.add_parser("show", parents=[common], help="显示一份聊天记录的消息（带序号，供摘录使用）")
    sh.add_argument("--case", type=int, required=True, dest="case_id")
    sh.add_argument("--chat", type=int, required=True, dest="chat_id")
    sh.add_argument("--search", default="", help="只显示包含这段文字的消息")
    sh.set_defaults(handler=cmd_show)

    ex = cs.add_parser(
        "excerpt", parents=[common], help="把第 SEQ 到第 SEQ 条消息生成为新的摘录证据（原文件不变）"
    )
    ex.add_argument("--case", type=int, required=True, dest="case_id")
    ex.add_argument("--chat", type=int, required=True, dest="chat_id")
    ex.add_argument("--from", type=int, required=True, dest="first_seq", metavar="SEQ")
    ex.add_argument("--to", type=int, required=True, dest="last_seq", metavar="SEQ")
    ex.set_defaults(handler=cmd_excerpt)


def _item(m) -> dict:
    return {
        "time": m.time.isoformat(),
        "sender": m.sender,
        "is_me": m.is_me,
        "kind": m.kind,
        "text": m.text,
        "line": m.line,
    }


def _line(prefix: str, m, role: str = "") -> str:
    from kami_desktop.core.chats.speakers import ROLE_LABELS, SYSTEM

    if role:
        who = "系统" if role == SYSTEM else f"{m.sender}（{ROLE_LABELS[role]}）"
    else:
        who = f"{m.sender}（我）" if m.is_me else (m.sender or "系统")
    text = m.text.replace("\r", "").replace("\n", " ⏎ ")
    return f"{prefix}{m.time:%Y-%m-%d %H:%M:%S}  {who}：{text[:200]}"


def cmd_parse(args) -> Outcome:
    from kami_desktop.core.chats import parse_chat
    from kami_desktop.core.chats.speakers import resolve_me

    chat = parse_chat(args.file, args.me)
    if args.me:
        resolve_me(parse_chat(args.file), [args.me])  # one of the export's senders, or refused with the list
    full = chat.to_json()
    data = {
        "file": chat.file,
        "format": chat.format,
        "encoding": chat.encoding,
        "messages": len(chat.messages),
        "first": full["first"],
        "last": full["last"],
        "participants": list(chat.participants),
        "warnings": list(chat.warnings),
        "items": [_item(m) for m in chat.messages],
    }
    span = f"{data['first'] or '-'} 至 {data['last'] or '-'}"
    lines = [
        f"{chat.file}：{chat.format}，{len(chat.messages)} 条消息，{span}",
        "参与者：" + "、".join(chat.participants),
    ]
    lines += [_line("  ", m) for m in chat.messages[:50]]
    if len(chat.messages) > 50:
        lines.append(f"  …（共 {len(chat.messages)} 条，用 --json 查看全部）")
    lines += [f"注意：{w}" for w in chat.warnings]
    return Outcome(data, "\n".join(lines))


def cmd_import(args) -> Outcome:
    from kami_desktop.core.chats.store import ChatImport, format_duration, import_chat

    with open_profile(args) as prof:
        result = import_chat(prof, args.case_id, args.file, args.me, staff=args.staff)
    if isinstance(result, ChatImport):
        if result.duplicate:
            what = "聊天记录未重复添加" if result.voices.get("imported") else "未新增任何内容"
            text = f"聊天记录已在证据 {'、'.join(str(c['exhibit_id']) for c in result.chats)} 中（重复导入，{what}）"
        else:
            text = "\n".join(
                f"已导入证据 {c['exhibit_id']}《{c['title']}》：{c['messages']} 条消息（聊天记录 {c['chat_id']}）"
                for c in result.chats
            )
        text += f"\n{result.voices['summary']}" if result.voices.get("summary") else ""
        text += "".join(f"\n注意：{w}" for w in result.warnings)
    else:
        length = format_duration(result.duration) or "未知"
        text = (
            f"语音已在证据 {result.exhibit_id} 中（重复导入）"
            if result.duplicate
            else f"已导入语音证据 {result.exhibit_id}《{result.title}》，时长 {length}"
        )
    return Outcome(result.to_json(), text)


def cmd_senders(args) -> Outcome:
    from kami_desktop.core.chats.store import chat_senders

    senders = chat_senders(args.file)
    lines = [f"{args.file.name}：{len(senders)} 位发送者（导入时用 --me 指定其中的本人，用号码或名称均可）"]
    for x in senders:
        mark = "（记录标明为本人）" if x.is_me else ""
        where = f"  会话：{'、'.join(x.conversations[:3])}" if x.conversations else ""
        lines.append(f"  {x.sender_id or '-':<16} {x.label()}{mark}{where}")
    return Outcome({"senders": [x.to_json() for x in senders]}, "\n".join(lines))


def cmd_list(args) -> Outcome:
    from kami_desktop.core.chats.store import list_chats

    with open_profile(args, write=False) as prof, prof.session() as s:
        chats = list_chats(s, args.case_id)
    text = "\n".join(
        f"[{c['chat_id']}] 证据 {c['exhibit_id']}《{c['title']}》 {c['messages']} 条" for c in chats
    )
    return Outcome({"chats": chats}, text or "（没有聊天记录）")


def cmd_show(args) -> Outcome:
    from kami_desktop.core.chats.store import chat_info, chat_messages, get_chat, role_of, search_chat
    from kami_desktop.core.chats.voice_links import chat_voice_links

    with open_profile(args, write=False) as prof, prof.session() as s:
        get_chat(s, args.chat_id, args.case_id)
        info = chat_info(s, args.chat_id)
        msgs = chat_messages(s, args.chat_id)
        if args.search:
            hits = set(search_chat(s, args.chat_id, args.search))
            msgs = [m for m in msgs if m.seq in hits]
        links = chat_voice_links(s, args.chat_id)
        items = [
            {
                "seq": m.seq,
                **_item(m),
                "sender_id": m.sender_id,
                "role": role_of(m),
                "voice": links[m.seq].to_json() if m.seq in links else None,
            }
            for m in msgs
        ]
        shown = []
        for m in msgs:
            shown.append(_line(f"{m.seq:>5}  ", m, role_of(m)))
            if m.seq in links:  # as the 聊天记录 tab says under the bubble
                shown.append(f"{'':7}{_voice_line(links[m.seq])}")
    text = "\n".join([f"《{info['title']}》", *shown])
    return Outcome({**info, "items": items}, text)


def _voice_line(link) -> str:
    """Where a voice message's recording is: the exhibit holding it, or why none does."""
    if link.exhibit_id is not None:
        which = f"证据 {link.number}" if link.number else f"证据（ID {link.exhibit_id}）"
        return f"录音：{which}《{link.title}》"
    if link.sha256:
        return f"录音文件“{link.media}”已不在本案的证据中（可能在回收站）"
    if link.problem == "缺失":
        return f"录音文件“{link.media}”不在导出文件夹中，只有文字记录"
    return f"录音文件“{link.media}”未导入：{link.problem}"


def cmd_excerpt(args) -> Outcome:
    from kami_desktop.core.chats.excerpts import excerpt_exhibit

    with open_profile(args) as prof:
        result = excerpt_exhibit(prof, args.case_id, args.chat_id, args.first_seq, args.last_seq)
    head = "摘录已存在，未重复生成：" if result.duplicate else "已生成摘录证据："
    return Outcome(
        result.to_json(), f"{head}证据 {result.exhibit_id}《{result.title}》\n来源：{result.source}"
    )
