"""What the search index holds, read from the case file: the stamp that says whether anything changed,
per-exhibit signatures of each part, and the documents (one searchable text with where it came from).

Parts of an exhibit, each re-indexed on its own when its signature changes:

- ``meta``: its title, 证明目的, 来源, 备注 and tags (one document each);
- ``ocr``: one document per OCR line of its files, with the page and the line's box;
- ``chat``: one document per chat message (``sender：text``), with the chat and message ids;
- ``bill``: one document per bill row (counterparty, goods, order numbers, ``¥amount``), with the row ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Text, func, select, type_coerce
from sqlalchemy.orm import Session

from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.ocr.model import lines_from_json
from kami_desktop.core.store.model import (
    Bill,
    BillRow,
    Chat,
    ChatMessage,
    Exhibit,
    ExhibitFile,
    LedgerEntry,
    OcrText,
)

PARTS = ("meta", "ocr", "chat", "bill")
META_KINDS = ("title", "purpose", "source", "notes", "tags")
CHUNK = 500  # exhibit ids per IN (...) list


@dataclass(frozen=True)
class Doc:
    exhibit_id: int
    part: str  # one of PARTS
    kind: str  # ocr | title | purpose | source | notes | tags | chat | bill_row
    text: str
    ref: dict[str, object]


@dataclass
class ExhibitSig:
    trashed: bool
    parts: dict[str, str]  # part → signature ("" when the exhibit has nothing of that part)
    number: int | None = None  # 证据 N (``case.facts.exhibit_numbers``); None in the trash
    title: str = ""


@dataclass(frozen=True)
class Stamp:
    """What the index was last brought up to date with: the ledger head and the OCR rows."""

    seq: int
    hash: str
    top: int  # the largest ocr_texts id
    count: int  # how many ocr_texts rows
    read_at: str  # when the row with the largest id was read

    def key(self) -> str:
        return json.dumps([self.seq, self.hash, self.top, self.count, self.read_at])

    @classmethod
    def parse(cls, key: str) -> Stamp | None:
        try:
            seq, hash_, top, count, read_at = json.loads(key)
            return cls(int(seq), str(hash_), int(top), int(count), str(read_at))
        except (ValueError, TypeError):
            return None


def case_stamp(s: Session) -> Stamp:
    """Changes whenever anything the index reads changes: the ledger head and the OCR rows."""
    head = s.execute(
        select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq.desc()).limit(1)
    ).first()
    top, read_at = _newest_ocr(s)
    count = s.scalar(select(func.count()).select_from(OcrText)) or 0
    return Stamp(head[0] if head else 0, head[1] if head else "", top, count, str(read_at))


# ledger actions that change one exhibit, named by the entry; and those that never touch exhibits
ONE_EXHIBIT = frozenset(
    {"exhibit.edit", "import", "import.duplicate", "exhibit.trash", "exhibit.restore", "exhibit.purge"}
)
NOT_EXHIBITS = ("party.", "fact.", "claim.", "ladder.", "case.", "dossier.", "counterparty.", "suggestion.")
MAX_TOUCHED = 2000


def touched_since(s: Session, case_id: int, old: Stamp, new: Stamp) -> set[int] | None:
    """The exhibits of the case that changed between two stamps, or None when that cannot be told
    for sure (a reorder, a merge, an unknown action, OCR rows removed, another database): then every
    exhibit is compared. New OCR rows (the background job reading) name their files' exhibits."""
    if new.seq < old.seq or new.top < old.top:
        return None
    touched: set[int] = set()
    if new.seq != old.seq:
        if old.seq and s.scalar(select(LedgerEntry.hash).where(LedgerEntry.seq == old.seq)) != old.hash:
            return None  # not the chain that was indexed (restored from a backup)
        for action, entry_case, exhibit_id in s.execute(
            select(LedgerEntry.action, LedgerEntry.case_id, LedgerEntry.exhibit_id).where(
                LedgerEntry.seq > old.seq
            )
        ):
            if entry_case is not None and entry_case != case_id:
                continue
            if action in ONE_EXHIBIT and exhibit_id is not None:
                touched.add(exhibit_id)
            elif not action.startswith(NOT_EXHIBITS):
                return None
    shas = list(s.scalars(select(OcrText.blob_sha256).where(OcrText.id > old.top)))
    if new.count != old.count + len(shas):
        return None  # rows were removed or replaced: which ones, only a full comparison tells
    if new.top == old.top and new.read_at != old.read_at and new.top:
        reread = s.scalar(select(OcrText.blob_sha256).where(OcrText.id == new.top))
        if reread is None:
            return None
        shas.append(reread)
    for i in range(0, len(shas), CHUNK):
        touched.update(
            s.scalars(
                select(ExhibitFile.exhibit_id)
                .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
                .where(Exhibit.case_id == case_id, ExhibitFile.blob_sha256.in_(shas[i : i + CHUNK]))
            )
        )
    return touched if len(touched) <= MAX_TOUCHED else None


def _newest_ocr(s: Session) -> tuple[int, object]:
    """The largest ``ocr_texts`` id and when that row was read. A re-read deletes its row and inserts a
    new one, which gets a larger id, except when it was the row with the largest id: then the id comes
    back, and only the time tells the two apart. Both are index lookups (rows hold long JSON)."""
    top = s.scalar(select(func.max(OcrText.id))) or 0
    read_at = s.scalar(select(OcrText.read_at).where(OcrText.id == top)) if top else None
    return top, read_at


def _digest(values: Iterable[object]) -> str:
    """The values themselves when short (ids), else their hash (the user's words)."""
    data = "\x1f".join(map(str, values))
    if len(data) <= 64:
        return data
    return hashlib.md5(data.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def _meta_docs(eid: int, title: str, purpose: str, source: str, notes: str, tags: str) -> list[Doc]:
    listed = json.loads(tags or "[]")
    values = (title, purpose, source, notes, "、".join(str(t) for t in listed if t))
    return [Doc(eid, "meta", kind, text, {}) for kind, text in zip(META_KINDS, values, strict=True) if text]


class CaseReader:
    """One pass over a case inside one read transaction: signatures first, then the changed parts."""

    def __init__(self, s: Session, case_id: int) -> None:
        self.s = s
        self.case_id = case_id
        self._meta: dict[int, tuple[str, str, str, str, str]] = {}  # the tags as stored (a JSON list)
        self.numbers: dict[int, tuple[int, str]] = {}

    def signatures(self, only: set[int] | None = None) -> dict[int, ExhibitSig]:
        """Of every exhibit of the case, or ``only`` of these. Core rows, no ORM loading, no column
        decoding: this runs after every change of the case."""
        s, case_id = self.s.connection(), self.case_id
        sigs: dict[int, ExhibitSig] = {}
        in_case = Exhibit.case_id == case_id
        if only is not None:
            in_case = in_case & Exhibit.id.in_(sorted(only))
        rows = s.execute(
            select(
                Exhibit.id,
                Exhibit.trashed_at.is_not(None),
                Exhibit.title,
                Exhibit.purpose,
                Exhibit.source,
                Exhibit.notes,
                type_coerce(Exhibit.tags, Text),
            ).where(in_case)
        )
        for eid, trashed, *words in rows:
            meta = self._meta[eid] = tuple(w or "" for w in words)  # type: ignore[assignment]
            sigs[eid] = ExhibitSig(
                bool(trashed), {"meta": "\x1f".join(meta), "ocr": "", "chat": "", "bill": ""}
            )
        top, top_read_at = _newest_ocr(self.s)
        ids = (
            select(ExhibitFile.exhibit_id.label("eid"), OcrText.id.label("oid"))
            .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
            .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
            .where(in_case)
            .order_by(ExhibitFile.exhibit_id, OcrText.id)
            .subquery()
        )
        for eid, listed, has_top in s.execute(
            select(ids.c.eid, func.group_concat(ids.c.oid), func.max(ids.c.oid == top)).group_by(ids.c.eid)
        ):
            if eid in sigs:  # the newest row may be a re-read that got its old id back: its time too
                sigs[eid].parts["ocr"] = f"{listed}@{top_read_at}" if has_top else listed
        # a chat's messages and a bill's rows are written once, with the chat or bill (all or nothing):
        # which chats and bills an exhibit holds says whether its messages and rows changed
        chats: dict[int, list[object]] = {}
        for eid, cid, at in s.execute(
            select(Chat.exhibit_id, Chat.id, type_coerce(Chat.imported_at, Text))
            .join(Exhibit, Exhibit.id == Chat.exhibit_id)
            .where(in_case)
            .order_by(Chat.id)
        ):
            chats.setdefault(eid, []).extend((cid, at))
        bills: dict[int, list[object]] = {}
        for eid, bid, at in s.execute(
            select(Bill.exhibit_id, Bill.id, type_coerce(Bill.imported_at, Text))
            .join(Exhibit, Exhibit.id == Bill.exhibit_id)
            .where(in_case)
            .order_by(Bill.id)
        ):
            bills.setdefault(eid, []).extend((bid, at))
        for part, found in (("chat", chats), ("bill", bills)):
            for eid, values in found.items():
                if eid in sigs:
                    sigs[eid].parts[part] = _digest(values)
        numbers = self.numbers = exhibit_numbers(self.s, case_id)  # the binder's, kept beside the hits
        for eid, sig in sigs.items():
            sig.number, sig.title = numbers.get(eid, (None, self._meta[eid][0]))
        return sigs

    def documents(self, part: str, exhibit_ids: list[int]) -> Iterator[Doc]:
        """Every document of ``part`` for these exhibits (``signatures()`` must have run)."""
        for i in range(0, len(exhibit_ids), CHUNK):
            chunk = exhibit_ids[i : i + CHUNK]
            if part == "meta":
                for eid in chunk:
                    if eid in self._meta:
                        yield from _meta_docs(eid, *self._meta[eid])
            elif part == "ocr":
                yield from self._ocr(chunk)
            elif part == "chat":
                yield from self._chat(chunk)
            elif part == "bill":
                yield from self._bill(chunk)

    def _ocr(self, ids: list[int]) -> Iterator[Doc]:
        q = (
            select(
                ExhibitFile.exhibit_id,
                ExhibitFile.position,
                OcrText.blob_sha256,
                OcrText.page,
                OcrText.width,
                OcrText.height,
                OcrText.lines,
            )
            .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
            .where(ExhibitFile.exhibit_id.in_(ids), OcrText.text != "")
            .order_by(ExhibitFile.exhibit_id, ExhibitFile.position, OcrText.page)
        )
        for eid, position, sha, page, width, height, raw in self.s.connection().execute(q):
            for n, line in enumerate(lines_from_json(raw)):
                if not line.text.strip():
                    continue
                ref = {
                    "sha256": sha,
                    "file": position,
                    "page": page,
                    "line": n,
                    "box": [round(v, 1) for v in line.bbox],
                    "width": width,
                    "height": height,
                }
                yield Doc(eid, "ocr", "ocr", line.text, ref)

    def _chat(self, ids: list[int]) -> Iterator[Doc]:
        q = (
            select(
                Chat.exhibit_id,
                Chat.id,
                ChatMessage.id,
                ChatMessage.seq,
                ChatMessage.sender,
                ChatMessage.text,
            )
            .join(ChatMessage, ChatMessage.chat_id == Chat.id)
            .where(Chat.exhibit_id.in_(ids), ChatMessage.text != "")
            .order_by(Chat.id, ChatMessage.seq)
        )
        for eid, chat_id, mid, seq, sender, text in self.s.connection().execute(q):
            body = f"{sender}：{text}" if sender else text
            yield Doc(eid, "chat", "chat", body, {"chat_id": chat_id, "message_id": mid, "seq": seq})

    def _bill(self, ids: list[int]) -> Iterator[Doc]:
        q = (
            select(
                Bill.exhibit_id,
                Bill.id,
                BillRow.id,
                BillRow.row,
                BillRow.counterparty,
                BillRow.description,
                BillRow.order_id,
                BillRow.merchant_order_id,
                BillRow.amount,
                BillRow.status,
            )
            .join(BillRow, BillRow.bill_id == Bill.id)
            .where(Bill.exhibit_id.in_(ids))
            .order_by(Bill.id, BillRow.row)
        )
        for (
            eid,
            bill_id,
            row_id,
            row,
            party,
            goods,
            order,
            merchant,
            amount,
            status,
        ) in self.s.connection().execute(q):
            cells = [party, goods, order, merchant, f"¥{amount:.2f}" if amount is not None else "", status]
            text = " · ".join(c.strip() for c in cells if c and c.strip() and c.strip() != "/")
            yield Doc(eid, "bill", "bill_row", text, {"bill_id": bill_id, "row_id": row_id, "row": row})


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def ref_json(ref: dict[str, object]) -> str:
    return _ENCODE(ref)
