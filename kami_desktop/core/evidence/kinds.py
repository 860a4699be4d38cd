"""Which importer a dropped, pasted or chosen file belongs to, judged by its content (never its name).

A payment bill (Alipay / WeChat Pay CSV or XLSX, or the encrypted ZIP the bill arrives in by mail) goes
to the bill importer, a chat export (QQ, MemoTrace CSV/TXT/HTML) to the chat importer, anything else
to the file importer as evidence of its own. The test is the parsers themselves: a file is a bill when
the bill parser reads it (or it is an encrypted archive holding a bill), a chat when the chat parser
does. A folder is walked by the file importer and is not looked into here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from kami_desktop.core.bills.archive import BILL_EXTENSIONS, BILL_NAME_HINTS, is_zip, zip_names
from kami_desktop.core.bills.detect import MAX_INPUT, parse_bill_bytes
from kami_desktop.core.bills.model import BillError, PasswordRequired
from kami_desktop.core.chats.detect import parse_chat_bytes
from kami_desktop.core.chats.model import ChatError
from kami_desktop.core.evidence.sniff import TEXT_TYPES, media_type

BILL, CHAT, FILE = "bill", "chat", "file"
HEAD = 8192


@dataclass
class Sorted:
    """The paths of one import, by the importer each goes to (in the order they were given)."""

    bills: list[str] = field(default_factory=list)
    chats: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _bill_archive(data: bytes, name: str) -> bool:
    """An encrypted ZIP whose members look like an exported bill (their names are readable unlocked)."""
    try:
        names = zip_names(data, name)
    except Exception:  # noqa: BLE001 - not a readable archive: not a bill
        return False
    for member in names:
        base = posixpath.basename(member)
        if base.lower().endswith(BILL_EXTENSIONS) and any(h in base for h in BILL_NAME_HINTS):
            return True
    return False


def import_kind(path: Path | str) -> str:
    """BILL, CHAT or FILE for one file."""
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_INPUT:
            return FILE
        with p.open("rb") as fh:
            head = fh.read(HEAD)
            if not (is_zip(head) or media_type(head) in TEXT_TYPES | {"text/csv"}):
                return FILE  # an image, a PDF, a recording: evidence as it is
            data = head + fh.read()
    except OSError:
        return FILE  # the file importer names the problem
    try:
        parse_bill_bytes(data, p.name)
        return BILL
    except PasswordRequired:
        return BILL if _bill_archive(data, p.name) else FILE
    except BillError:
        pass
    if is_zip(data):
        return FILE
    try:
        parse_chat_bytes(data, p.name)
        return CHAT
    except ChatError:
        return FILE


def sort_paths(paths: list[str]) -> Sorted:
    out = Sorted()
    for path in paths:
        kind = import_kind(path)
        (out.bills if kind == BILL else out.chats if kind == CHAT else out.files).append(path)
    return out
