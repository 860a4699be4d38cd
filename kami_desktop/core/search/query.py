"""``search(profile, case_id, query)``: the case's hits, each naming its exhibit by binder number and
saying where the text is (the OCR line and its box, the chat message, the bill row)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.profile import Profile
from kami_desktop.core.search.index import TRIGRAM, SearchIndexError, opened, refresh
from kami_desktop.core.search.text import MIN_FTS, Snippet, fts_string, like_pattern, snippet, terms_of

KINDS = ("ocr", "title", "purpose", "source", "notes", "tags", "chat", "bill_row")
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Hit:
    kind: str  # one of KINDS
    exhibit_id: int
    exhibit_number: int | None  # 证据 N in binder order; None for an exhibit in the trash
    exhibit_title: str
    snippet: Snippet
    where: dict[str, Any] = field(default_factory=dict)  # ocr: sha256, file, page, line, box…; chat; bill
    trashed: bool = False

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        """The OCR line's upright box in the page's pixels: (left, top, right, bottom)."""
        b = self.where.get("box")
        return (float(b[0]), float(b[1]), float(b[2]), float(b[3])) if b else None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "exhibit_number": self.exhibit_number,
            "exhibit_id": self.exhibit_id,
            "exhibit_title": self.exhibit_title,
            "snippet": self.snippet.marked(),
            "text": self.snippet.text,
            "marks": [list(m) for m in self.snippet.marks],
            "trashed": self.trashed,
            **self.where,
        }


def _statement(
    fts: bool, terms: list[str], include_trashed: bool, top: int | None = None
) -> tuple[str, dict[str, Any]]:
    """The SQL and its named parameters (:phrase, :case, :limit are the caller's). ``top``: a one-term
    FTS query ranks only the best ``top`` matches of the whole index (then filters by case and trash),
    so a word found in tens of thousands of lines does not join every one of them."""
    long = [t for t in terms if len(t) >= MIN_FTS] if fts else []
    where: list[str] = ["d.case_id = :case"]
    params: dict[str, Any] = {}
    if not include_trashed:
        where.append("x.trashed = 0")
    for i, t in enumerate(t for t in terms if t not in long):
        where.append(f"d.norm LIKE :t{i} ESCAPE '\\'")
        params[f"t{i}"] = like_pattern(t)
    cols = "d.exhibit_id, d.kind, d.text, d.ref, x.trashed, x.number, x.title"
    joins = "JOIN docs d ON d.id = f.id JOIN exhibits x ON x.id = d.exhibit_id"
    if long and top is not None and len(terms) == 1:
        params["match"], params["top"] = fts_string(long[0]), top
        ranked = "SELECT rowid AS id, rank FROM docs_fts WHERE docs_fts MATCH :match ORDER BY rank LIMIT :top"
        return (
            f"SELECT {cols} FROM ({ranked}) f {joins} WHERE {' AND '.join(where)} ORDER BY f.rank, d.id LIMIT :limit",
            params,
        )
    if long:
        params["match"] = " AND ".join(fts_string(t) for t in long)
        sql = (
            f"SELECT {cols} FROM (SELECT rowid AS id, rank FROM docs_fts WHERE docs_fts MATCH :match) f {joins}"
            f" WHERE {' AND '.join(where)} ORDER BY instr(d.norm, :phrase) = 0, f.rank, d.id LIMIT :limit"
        )
    else:
        # LIKE: one term stops at the first ``limit`` rows in index order (a common two-character word is
        # found at once); several rank the rows holding the whole query first
        order = "d.id" if len(terms) == 1 else "instr(d.norm, :phrase) = 0, length(d.norm), d.id"
        sql = (
            f"SELECT {cols} FROM docs d JOIN exhibits x ON x.id = d.exhibit_id WHERE {' AND '.join(where)}"
            f" ORDER BY {order} LIMIT :limit"
        )
    return sql, params


def _more_than(con: sqlite3.Connection, match: str, n: int) -> bool:
    sql = "SELECT count(*) FROM (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ? LIMIT ?)"
    return bool(con.execute(sql, (match, n + 1)).fetchone()[0] > n)


def search(
    profile: Profile,
    case_id: int,
    query: str,
    limit: int = DEFAULT_LIMIT,
    *,
    include_trashed: bool = False,
) -> list[Hit]:
    """The best ``limit`` hits of ``query`` in the case (its trash too with ``include_trashed``).

    Terms are separated by white space and must all occur (in any order); a row holding the whole
    query as typed comes first, then bm25. The index is brought up to date first.
    """
    with profile.session() as s:
        get_case(s, case_id)
    terms = terms_of(query)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if not terms:
        return []
    phrase = " ".join(terms)
    with opened(profile) as (con, mode):
        try:
            refresh(profile, case_id, con)
            given = {"phrase": phrase, "case": case_id, "limit": limit}
            sql, params = _statement(mode == TRIGRAM, terms, include_trashed, top=limit * 4)
            rows = con.execute(sql, {**params, **given}).fetchall()
            if len(rows) < limit and "top" in params and _more_than(con, params["match"], params["top"]):
                # the best matches of the index were not all this case's (or were in the trash): rank all
                sql, params = _statement(mode == TRIGRAM, terms, include_trashed)
                rows = con.execute(sql, {**params, **given}).fetchall()
        except sqlite3.Error as exc:
            raise SearchIndexError(f"搜索失败：{exc}") from exc
    return [
        Hit(kind, eid, number, title, snippet(text, query), json.loads(ref), bool(trashed))
        for eid, kind, text, ref, trashed, number, title in rows
    ]
