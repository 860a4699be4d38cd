"""Who speaks in a parsed chat export: its conversations, its senders, which one is the user, and the role
of every speaker (本人 / 平台客服 / 其他用户).

An export may hold several conversations (a QQ 全部消息记录 holds every friend and group; a MemoTrace
export one contact or one group). Each becomes its own chat. "Me" is chosen from the senders the export
shows (by QQ number / wxid / e-mail, or by a name or alias), never typed freely: ``resolve_me`` refuses a
choice that names nobody in the export. In a private chat the other side is the platform's customer
service; in a group chat everybody but the user is another user unless the user marks them as staff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kami_desktop.core.chats.model import ChatError, Message, ParsedChat, participants_of

ME, PLATFORM, OTHER, SYSTEM = "me", "platform", "other", "system"
ROLE_LABELS = {ME: "本人", PLATFORM: "平台客服", OTHER: "其他用户", SYSTEM: "系统消息"}


@dataclass
class Sender:
    """One person of an export: the id (QQ number, e-mail, wxid) joins the names they used."""

    key: str  # the id when there is one, else the name
    name: str  # the name used most
    sender_id: str
    aliases: list[str]  # other names with the same id
    messages: int
    conversations: list[str]
    is_me: bool = False  # the export itself says so (MemoTrace IsSender) or a private chat shows it

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def label(self) -> str:
        """'林某某（余额被扣） QQ 10001，别名 林某某，12 条'."""
        text = self.name
        if self.sender_id:
            text += f" {'QQ ' if self.sender_id.isdigit() else ''}{self.sender_id}"
        if self.aliases:
            text += "，别名 " + "、".join(self.aliases)
        return text + f"，{self.messages} 条"

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "id": self.sender_id,
            "aliases": list(self.aliases),
            "messages": self.messages,
            "conversations": list(self.conversations),
            "is_me": self.is_me,
        }


@dataclass
class Conversation:
    """One conversation of an export, with every message's role decided."""

    name: str
    group: bool
    messages: list[Message]
    roles: list[str]  # parallel to messages
    warnings: list[str] = field(default_factory=list)
    label: str = ""  # 'QQ' / '微信', set by whoever knows the format

    @property
    def participants(self) -> list[str]:
        return participants_of(self.messages)


_LEGACY_QUOTE = re.compile(r"^(我|本人|对方)[：:]\s*(.+)$", re.S)


def stored_role(role: str, kind: str, sender: str, is_me: bool) -> str:
    """A stored message's role; messages stored before roles were kept: the user's, else the platform's."""
    if role:
        return role
    if kind == "system" or not sender:
        return SYSTEM
    return ME if is_me else PLATFORM


def quote(role: str, text: str) -> str:
    """'平台客服“……”': what a speaker said, named by role, as formal documents quote it."""
    return f"{ROLE_LABELS.get(role, '对方')}“{text.strip()}”"


def formal_quote(text: str) -> str:
    """A fact text of the older form '我：……' / '对方：……' as 本人“……” / 平台客服“……”; others unchanged."""
    m = _LEGACY_QUOTE.match(text.strip())
    if not m:
        return text
    body = " / ".join(p.strip() for p in m.group(2).split(" / ") if p.strip())
    return quote(PLATFORM if m.group(1) == "对方" else ME, body)


def _key(m: Message) -> str:
    return m.sender_id or m.sender


def list_senders(chat: ParsedChat) -> list[Sender]:
    """Every sender of the export (system messages aside), most messages first."""
    found: dict[str, dict] = {}
    for m in chat.messages:
        if m.kind == "system" or not (m.sender or m.sender_id):
            continue
        k = _key(m)
        d = found.setdefault(k, {"names": {}, "id": m.sender_id, "n": 0, "convs": {}, "me": False})
        d["names"][m.sender] = d["names"].get(m.sender, 0) + 1
        d["n"] += 1
        d["convs"].setdefault(m.conversation, None)
        d["me"] = d["me"] or m.is_me
    out = []
    for k, d in found.items():
        names = sorted(d["names"], key=lambda n: -d["names"][n])
        out.append(
            Sender(k, names[0] or k, d["id"], names[1:], d["n"], [c for c in d["convs"] if c], d["me"])
        )
    out.sort(key=lambda x: (-x.messages, x.name))
    return out


def resolve_me(chat: ParsedChat, choices: list[str] | None) -> set[str]:
    """The sender keys the user picked (an id, a name or an alias each); a choice that names no sender of
    the export is refused with the list of senders."""
    keys: set[str] = set()
    senders = list_senders(chat)
    for choice in [c.strip() for c in choices or [] if c and c.strip()]:
        hit = [s.key for s in senders if choice == s.sender_id or choice in s.names()]
        if not hit:
            listed = "；".join(s.label() for s in senders[:12]) or "（没有发送者）"
            raise ChatError(chat.file, f"“{choice}”不是这份记录中的发送者。可选：{listed}")
        keys.update(hit)
    return keys


def _is_group(name: str, msgs: list[Message], group_names: set[str]) -> bool:
    people = {_key(m) for m in msgs if m.kind != "system" and not m.is_me}
    if any(m.sender_id.endswith("@chatroom") for m in msgs) or "群" in "".join(group_names):
        return True
    return len(people) > 1


def conversations(
    chat: ParsedChat, me: set[str] | None = None, staff: set[str] | None = None
) -> list[Conversation]:
    """The export split into its conversations (in the export's order), each message with its role.

    ``me``/``staff`` are sender keys (from ``resolve_me`` / the same rule for staff). Without a choice the
    export's own marks stand (MemoTrace IsSender, a QQ private chat whose contact is known)."""
    me, staff = me or set(), staff or set()
    order: dict[str, list[Message]] = {}
    groups: dict[str, set[str]] = {}
    for m in chat.messages:
        order.setdefault(m.conversation, []).append(m)
        if m.group:
            groups.setdefault(m.conversation, set()).add(m.group)
    out = []
    for name, msgs in order.items():
        group = _is_group(name, msgs, groups.get(name, set()))
        chosen = {_key(m) for m in msgs if _key(m) in me}
        marked = chosen or {_key(m) for m in msgs if m.is_me}
        roles, fixed = [], []
        for m in msgs:
            k = _key(m)
            if m.kind == "system":
                role = SYSTEM
            elif k in marked:
                role = ME
            elif k in staff or not group:
                role = PLATFORM
            else:
                role = OTHER
            roles.append(role)
            fixed.append(replace(m, is_me=role == ME))
        warnings = []
        if not marked and any(r != SYSTEM for r in roles):
            warnings.append(
                f"会话“{name or '（未命名）'}”中没有认出本人发送的消息，请在导入时从发送者中选择本人。"
            )
        out.append(Conversation(name, group, fixed, roles, warnings))
    return out


__all__ = [
    "ME",
    "OTHER",
    "PLATFORM",
    "ROLE_LABELS",
    "SYSTEM",
    "Conversation",
    "Sender",
    "conversations",
    "formal_quote",
    "list_senders",
    "quote",
    "resolve_me",
    "stored_role",
]
